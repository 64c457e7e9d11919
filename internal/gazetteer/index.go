package gazetteer

import (
	"math"
	"math/bits"
	"slices"
	"strings"
)

// The frozen gazetteer holds no pointers but two strings and flat
// slices: a gazetteer of 180,000 places made of strings, maps and slices
// of them would be scanned by every garbage collection of every process
// that loads it, and a Go map of 200,000 names costs more memory than the
// names. Names and division codes are keyed by their 64-bit FNV-1a hash
// (a collision among 250,000 keys has odds of about 1 in 10^9), kept
// sorted, and found by a bucket table on the top bits and a binary search
// within the bucket (docs/performance.md, Ingest memory).

// rec is a Place in 28 bytes: its name, then its division code, are
// blob[off:off+nameN+codeN]; cc, admin1 and feature index the atoms.
type rec struct {
	off                 uint32
	pop                 uint32
	lat, lon            int32 // 1e-5 degrees, the precision of the sources
	nameN               uint16
	cc, admin1, feature atom
	codeN               uint8
	kind                Kind
	hasLL               bool
}

// atom indexes a short string that many records share (country, division
// and feature codes).
type atom uint16

// maxBucketBits bounds the bucket table: 2^16 buckets of ~3 keys each for
// the full gazetteer.
const maxBucketBits = 16

// keyIndex maps name hashes to runs of record numbers.
type keyIndex struct {
	keys   []uint64 // sorted, distinct
	first  []uint32 // readings of keys[i] are ids[first[i]:first[i+1]]
	ids    []int32
	bucket []uint32 // keys[bucket[b]:bucket[b+1]] have top bits b
	shift  uint
}

// find returns the position of h in keys.
func (k *keyIndex) find(h uint64) (int, bool) {
	if len(k.keys) == 0 {
		return 0, false
	}
	b := h >> k.shift
	lo, hi := int(k.bucket[b]), int(k.bucket[b+1])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if k.keys[m] < h {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(k.keys) && k.keys[lo] == h
}

// lookup returns the record numbers stored under h.
func (k *keyIndex) lookup(h uint64) []int32 {
	i, ok := k.find(h)
	if !ok {
		return nil
	}
	return k.ids[k.first[i]:k.first[i+1]]
}

// pair is one (name hash, record) entry while building; seq is the order
// it was added in, which breaks ties between equally prominent readings.
type pair struct {
	h   uint64
	x   int32
	seq int32
}

// newKeyIndex indexes pairs: each hash's records, without repeats, in
// descending prior (then in the order they were added).
func newKeyIndex(pairs []pair, prior []float64) keyIndex {
	sortByHash(pairs)
	// within each hash's run (one or a few pairs): drop repeats of a
	// record, keeping the first, then order by prior (insertion sort,
	// stable)
	out := pairs[:0]
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].h == pairs[i].h {
			j++
		}
		start := len(out)
		for _, p := range pairs[i:j] {
			run := out[start:]
			if slices.ContainsFunc(run, func(q pair) bool { return q.x == p.x }) {
				continue
			}
			at := len(run)
			for at > 0 && prior[run[at-1].x] < prior[p.x] {
				at--
			}
			out = slices.Insert(out, start+at, p)
		}
		i = j
	}
	pairs = out
	var k keyIndex
	k.ids = make([]int32, len(pairs))
	nk := 0
	for i, p := range pairs {
		if i == 0 || p.h != pairs[i-1].h {
			nk++
		}
		k.ids[i] = p.x
	}
	k.keys = make([]uint64, 0, nk)
	k.first = make([]uint32, 0, nk+1)
	for i, p := range pairs {
		if i == 0 || p.h != pairs[i-1].h {
			k.keys = append(k.keys, p.h)
			k.first = append(k.first, uint32(i))
		}
	}
	k.first = append(k.first, uint32(len(pairs)))
	nb := min(bits.Len(uint(nk/4)), maxBucketBits)
	k.shift = uint(64 - nb)
	k.bucket = make([]uint32, 1<<nb+1)
	j := 0
	for b := range k.bucket {
		for j < len(k.keys) && k.keys[j]>>k.shift < uint64(b) {
			j++
		}
		k.bucket[b] = uint32(j)
	}
	return k
}

// sortByHash sorts pairs by hash, keeping the order of equal hashes: a
// radix sort, a byte a pass (a comparison sort took a fifth of Build).
func sortByHash(ps []pair) {
	src, dst := ps, make([]pair, len(ps))
	for shift := 0; shift < 64; shift += 8 {
		var at [256]int
		for _, p := range src {
			at[byte(p.h>>shift)]++
		}
		n := 0
		for i, c := range at {
			at[i], n = n, n+c
		}
		for _, p := range src {
			b := byte(p.h >> shift)
			dst[at[b]] = p
			at[b]++
		}
		src, dst = dst, src
	}
	// eight passes: the sorted pairs are back in ps
}

// builder collects records and names before freezing them.
type builder struct {
	blob   strings.Builder
	recs   []rec
	prior  []float64
	atoms  strings.Builder
	atomAt []uint32
	atomOf map[string]atom
	pairs  []pair
	codes  map[string]int32 // division code -> record
}

func newBuilder(n int) *builder {
	b := &builder{
		recs:   make([]rec, 0, n),
		prior:  make([]float64, 0, n),
		pairs:  make([]pair, 0, n+n/2),
		atomOf: map[string]atom{},
		codes:  map[string]int32{},
		atomAt: []uint32{0},
	}
	b.blob.Grow(n * 12)
	b.atom("")
	return b
}

// atom interns a short string.
func (b *builder) atom(s string) atom {
	if a, ok := b.atomOf[s]; ok {
		return a
	}
	a := atom(len(b.atomAt) - 1)
	if int(a) == math.MaxUint16 {
		panic("gazetteer: too many distinct codes")
	}
	b.atoms.WriteString(s)
	b.atomAt = append(b.atomAt, uint32(b.atoms.Len()))
	b.atomOf[s] = a
	return a
}

// rec packs p; its name and code go to the blob (a name is cut at 64 KB,
// a code at 255 bytes).
func (b *builder) rec(p Place) rec {
	name, code := p.Name, p.Code
	if len(name) > math.MaxUint16 {
		name = name[:math.MaxUint16]
	}
	if len(code) > math.MaxUint8 {
		code = code[:math.MaxUint8]
	}
	r := rec{off: uint32(b.blob.Len()), nameN: uint16(len(name)), codeN: uint8(len(code)),
		cc: b.atom(p.CC), admin1: b.atom(p.Admin1), feature: b.atom(p.Feature),
		kind: p.Kind, hasLL: p.HasLL, pop: uint32(min(max(p.Pop, 0), math.MaxUint32)),
		lat: int32(math.Round(p.Lat * 1e5)), lon: int32(math.Round(p.Lon * 1e5))}
	b.blob.WriteString(name)
	b.blob.WriteString(code)
	return r
}

// add appends a place under its names and returns its record number.
func (b *builder) add(p Place, names ...string) int32 {
	x := int32(len(b.recs))
	b.recs = append(b.recs, b.rec(p))
	b.prior = append(b.prior, prior(p))
	for _, n := range names {
		b.addName(n, x)
	}
	return x
}

// replace puts p in record x, keeping the names x is indexed under.
func (b *builder) replace(x int32, p Place) {
	b.recs[x] = b.rec(p)
	b.prior[x] = prior(p)
}

// addName indexes record x under name and its folded form.
func (b *builder) addName(name string, x int32) {
	if name == "" {
		return
	}
	b.pairs = append(b.pairs, pair{hash(name), x, int32(len(b.pairs))})
	if f := Fold(name); f != name {
		b.pairs = append(b.pairs, pair{hash(f), x, int32(len(b.pairs))})
	}
}

// freeze builds the Gazetteer; the builder is not used again.
func (b *builder) freeze() *Gazetteer {
	g := &Gazetteer{
		blob:   strings.Clone(b.blob.String()), // without the builder's spare capacity
		recs:   b.recs,
		atoms:  strings.Clone(b.atoms.String()),
		atomAt: b.atomAt,
		names:  newKeyIndex(b.pairs, b.prior),
	}
	codes := make([]pair, 0, len(b.codes))
	for c, x := range b.codes {
		codes = append(codes, pair{h: hash(c), x: x})
	}
	g.codes = newKeyIndex(codes, b.prior)
	return g
}

// atomString returns the string of atom a.
func (g *Gazetteer) atomString(a atom) string {
	return g.atoms[g.atomAt[a]:g.atomAt[a+1]]
}

// recName returns the name of r.
func (g *Gazetteer) recName(r *rec) string {
	return g.blob[r.off : r.off+uint32(r.nameN)]
}

// place rebuilds the Place of record x; its strings share the blob.
func (g *Gazetteer) place(x int32) Place {
	r := &g.recs[x]
	name := r.off + uint32(r.nameN)
	return Place{Name: g.blob[r.off:name], Code: g.blob[name : name+uint32(r.codeN)],
		CC: g.atomString(r.cc), Admin1: g.atomString(r.admin1), Feature: g.atomString(r.feature),
		Kind: r.kind, Pop: int(r.pop), Lat: float64(r.lat) / 1e5, Lon: float64(r.lon) / 1e5, HasLL: r.hasLL}
}

package ingest

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"sync"
	"unicode"
)

// shingleSize is the number of words per shingle. Two-word shingles keep
// word order (so two stories on one topic differ) while one edited
// sentence only disturbs a handful of features.
const shingleSize = 2

// Simhash returns a 64-bit simhash of body over lowercased word shingles:
// bodies that share most of their shingles get fingerprints a few bits
// apart.
func Simhash(body string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return 0
	}
	var v [64]int
	add := func(feature string) {
		h := fnv.New64a()
		h.Write([]byte(feature))
		x := mix64(h.Sum64())
		for i := range 64 {
			if x&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	if len(words) < shingleSize {
		add(strings.Join(words, " "))
	}
	for i := 0; i+shingleSize <= len(words); i++ {
		add(strings.Join(words[i:i+shingleSize], " "))
	}
	var fp uint64
	for i := range 64 {
		if v[i] > 0 {
			fp |= 1 << uint(i)
		}
	}
	return fp
}

// mix64 spreads FNV's weak high bits (splitmix64 finaliser).
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Hamming returns the number of differing bits of a and b.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// DefaultMaxDistance is the Hamming distance up to which two
// fingerprints are near-duplicates.
const DefaultMaxDistance = 3

// DupIndex remembers article fingerprints and finds exact (same ID) and
// near (simhash within a Hamming distance) duplicates. It is safe for
// concurrent use.
//
// Lookups use the pigeonhole principle: with distance ≤ k, splitting the
// 64 bits into k+1 bands leaves at least one band identical, so each
// band value indexes candidates and only those are compared.
type DupIndex struct {
	mu    sync.Mutex
	max   int
	bands int
	ids   map[string]bool
	index []map[uint64][]entry
}

type entry struct {
	id string
	fp uint64
}

// NewDupIndex returns an empty index for the given maximum Hamming
// distance (negative means DefaultMaxDistance).
func NewDupIndex(maxDistance int) *DupIndex {
	if maxDistance < 0 {
		maxDistance = DefaultMaxDistance
	}
	bands := min(maxDistance+1, 64)
	d := &DupIndex{max: maxDistance, bands: bands, ids: map[string]bool{}, index: make([]map[uint64][]entry, bands)}
	for i := range d.index {
		d.index[i] = map[uint64][]entry{}
	}
	return d
}

func (d *DupIndex) band(fp uint64, i int) uint64 {
	lo := 64 * i / d.bands
	hi := 64 * (i + 1) / d.bands
	w := hi - lo
	if w == 64 {
		return fp
	}
	return (fp >> uint(lo)) & (1<<uint(w) - 1)
}

// Check reports whether an article with this id or a fingerprint within
// the distance was seen before, returning the id of the first such
// article, and remembers this one. An id seen before is its own
// duplicate.
func (d *DupIndex) Check(id string, fp uint64) (duplicateOf string, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ids[id] {
		return id, true
	}
	best, bestDist := "", d.max+1
	for i := 0; i < d.bands; i++ {
		for _, e := range d.index[i][d.band(fp, i)] {
			if h := Hamming(e.fp, fp); h < bestDist {
				best, bestDist = e.id, h
			}
		}
	}
	d.ids[id] = true
	if best != "" {
		// A near-duplicate is not indexed: later copies then point at the
		// original rather than at a copy of it.
		return best, true
	}
	for i := 0; i < d.bands; i++ {
		b := d.band(fp, i)
		d.index[i][b] = append(d.index[i][b], entry{id, fp})
	}
	return "", false
}

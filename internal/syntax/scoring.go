package syntax

import (
	"fmt"
	"math/bits"
	"slices"
)

// The runtime layout of frozen weights: a hash table of features, each
// pointing at its row of (class, weight) pairs, and, for the rows that
// carry many classes, a dense copy summed two classes per 64-bit add.

// slot is one cell of the runtime feature table: a 32-bit fingerprint
// of the key (0 = empty), then the feature's row, in one of three forms
// (the kind in the low two bits of a):
//
//	kindInline: one to three weights in the slot itself: the count in
//	            bits 2–3 of a, the first two as qentry in b, the third
//	            as class (8 bits) and weight (16 bits) in a's top 24 bits
//	kindSparse: a = length<<2, b = the row's start in sparse
//	kindDense:  a = the row's number in dense<<2
//
// Most features have one to three weights (a word feature touches a few
// classes), so one cache line read scores them: the row sits next to
// its key instead of behind a second miss.
type slot struct {
	fp uint32
	a  uint32
	b  uint64
}

const (
	kindInline = iota
	kindSparse
	kindDense
	maxInline = 3
)

const maxRowLen = 255

// A key's home slot is its top bits and its fingerprint its low 32 bits,
// independent of each other. Keys are stored in ascending order, so at
// load the table fills front to back rather than at random.
func fingerprint(k uint64) uint32 { return uint32(k) | 1 }

func packEntry(e qentry) uint32 { return uint32(e.cls) | uint32(uint16(e.q))<<16 }

// Dense rows hold class c in word c%nw, in the low 32 bits for c < nw
// and the high 32 bits otherwise, as v+denseBias (v a weight, or a sum
// of weights with |v| < denseBias), so adding words adds two classes at
// once without a carry crossing the lanes (one addDense call sums at
// most maxDense rows, and maxDense·2·denseBias < 2^32); the bias is
// taken off once per call.
const denseBias = 1 << 20

// denseMin is the row length from which a row is scored densely: a
// sparse weight costs a scattered add, a dense word two classes of
// straight-line adds, four rows at a time.
func denseMin(classes int) int { return max(8, classes/4) }

// weights is the frozen, immutable perceptron a model carries: int16
// weights (one model-wide scale) scored into int32 sums.
type weights struct {
	classes int
	scale   float32
	slots   []slot // open addressing on the key's top bits, linear probing
	shift   uint8  // 64 - log2(len(slots)): a key's home slot is key>>shift
	ents    []qentry
	sparse  []uint32 // the rows of kindSparse slots only, packed as packEntry (a few MB: they stay in cache)
	dense   []uint64 // dense rows, nw words each
	nw      int
	// keys and offs keep the rows in key order for writing: feature i's
	// row is ents[offs[i]:offs[i+1]].
	keys []uint64
	offs []uint32
}

func (w *weights) build(keys []uint64, offs []uint32, qs []qentry) error {
	if uint64(len(qs)) >= 1<<32 {
		return fmt.Errorf("%d weights: more than the table's 2^32", len(qs))
	}
	if w.classes > 2*128 {
		return fmt.Errorf("%d classes: more than a dense row holds", w.classes)
	}
	w.keys, w.offs, w.ents = keys, offs, qs
	w.nw = (w.classes + 1) / 2
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	w.slots = hugeSlots(size)
	w.dense, w.sparse = nil, nil
	mask := uint64(size - 1)
	w.shift = uint8(64 - bits.TrailingZeros64(uint64(size)))
	dmin := denseMin(w.classes)
	for i, k := range keys {
		n := offs[i+1] - offs[i]
		switch {
		case n > maxRowLen:
			return fmt.Errorf("feature %d: %d weights, more than a row holds", i, n)
		case n == 0:
			continue // scores nothing
		}
		row := qs[offs[i]:offs[i+1]]
		var sl slot
		switch {
		case int(n) >= dmin:
			d := len(w.dense) / w.nw
			if d >= 1<<28 {
				return fmt.Errorf("feature %d: more than 2^28 dense rows", i)
			}
			w.dense = w.appendDense(w.dense, row)
			sl.a = uint32(d)<<2 | kindDense
		case n <= maxInline:
			sl.a = n<<2 | kindInline
			sl.b = uint64(packEntry(row[0]))
			if n > 1 {
				sl.b |= uint64(packEntry(row[1])) << 32
			}
			if n > 2 {
				sl.a |= uint32(row[2].cls)<<8 | uint32(uint16(row[2].q))<<16
			}
		default:
			sl.a = n<<2 | kindSparse
			sl.b = uint64(len(w.sparse))
			for _, e := range row {
				w.sparse = append(w.sparse, packEntry(e))
			}
		}
		sl.fp = fingerprint(k)
		j := k >> w.shift & mask
		for w.slots[j].fp != 0 {
			j = (j + 1) & mask
		}
		w.slots[j] = sl
	}
	return nil
}

// appendDense appends the dense form of a sparse row.
func (w *weights) appendDense(dense []uint64, row []qentry) []uint64 {
	sum := make([]int64, w.classes)
	for _, e := range row {
		sum[e.cls] = int64(e.q)
	}
	dense, _ = w.appendDenseSums(dense, sum)
	return dense
}

// appendDenseSums appends a dense row of per-class values; it reports
// false (and appends nothing) if a value is out of the dense range.
func (w *weights) appendDenseSums(dense []uint64, sum []int64) ([]uint64, bool) {
	for _, v := range sum {
		if v <= -denseBias || v >= denseBias {
			return dense, false
		}
	}
	for j := range w.nw {
		lo, hi := int64(0), int64(0)
		if j < len(sum) {
			lo = sum[j]
		}
		if j+w.nw < len(sum) {
			hi = sum[j+w.nw]
		}
		dense = append(dense, uint64(lo+denseBias)|uint64(hi+denseBias)<<32)
	}
	return dense, true
}

// row returns the sparse row of a feature (nil if absent).
func (w *weights) row(key uint64) []qentry {
	i, ok := slices.BinarySearch(w.keys, key)
	if !ok {
		return nil
	}
	return w.ents[w.offs[i]:w.offs[i+1]]
}

// batch is how many features score looks up at once. It reads in
// phases so that the cache misses overlap: first every slot (independent
// reads), then, while sorting the slots by kind, one touch of every
// sparse row, and only then the row sums, whose data-dependent loop
// exits would otherwise cancel the reads issued behind them.
const batch = 128

// maxDense is how many dense rows score gathers before summing them:
// room for a whole batch, so resolve never has to stop for a sum.
const maxDense = 2 * batch

// scoreWork is score's working memory. Callers keep one in their
// scratch: as local arrays these 5 KB would be zeroed on every call.
type scoreWork struct {
	buf [batch]slot
	sp  [batch]uint64 // sparse rows to sum: start | length<<32
	dl  [maxDense]uint32
	acc [128]uint64
}

// score fills scores[:classes] for the features. The fixed-size array
// lets a class index (< 256) go unchecked in the inner loop.
func (w *weights) score(wk *scoreWork, feats []uint64, scores *[256]int32) {
	w.scoreWith(wk, feats, -1, nil, scores)
}

// scoreWith is score with dense row extra (if ≥ 0) added, starting from
// base[:classes] instead of zeros if base is not nil. Its phases are
// small functions of their own, so their loops keep their variables in
// registers.
func (w *weights) scoreWith(wk *scoreWork, feats []uint64, extra int, base, scores *[256]int32) {
	if base != nil {
		copy(scores[:w.classes], base[:w.classes])
	} else {
		clear(scores[:w.classes])
	}
	w.addScores(wk, feats, extra, scores)
}

// addScores adds the rows of the features, and dense row extra (if
// ≥ 0), into scores[:classes] as they stand (integer sums, so the
// result does not depend on what was summed first).
func (w *weights) addScores(wk *scoreWork, feats []uint64, extra int, scores *[256]int32) {
	nd := 0
	if extra >= 0 {
		wk.dl[0] = uint32(extra)
		nd = 1
	}
	var touch int16
	for len(feats) > 0 {
		m := min(len(feats), batch)
		if nd > maxDense-batch {
			w.addDense(&wk.acc, wk.dl[:nd], scores)
			nd = 0
		}
		gather(w.slots, w.shift, feats[:m], &wk.buf)
		var ns int
		ns, nd, touch = w.resolve(wk, feats[:m], nd, touch, scores)
		sumSparse(w.sparse, wk.sp[:ns], scores)
		feats = feats[m:]
	}
	if nd > 0 {
		w.addDense(&wk.acc, wk.dl[:nd], scores)
	}
	// The touches must not be optimised away; 255 is never a class.
	scores[255] = int32(touch)
}

// gather copies the home slot of each feature into buf: independent
// reads, whose cache misses overlap.
//
//go:noinline
func gather(slots []slot, shift uint8, feats []uint64, buf *[batch]slot) {
	mask := uint64(len(slots) - 1)
	shift &= 63
	b := buf[:len(feats)]
	for i, f := range feats {
		b[i] = slots[f>>shift&mask]
	}
}

// resolve finds each feature's slot (its home slot, read by gather, or
// one after it), adds the inline rows into scores, and lists the sparse
// rows (touching each once, so their misses overlap too) in wk.sp and
// the dense ones after wk.dl[:nd]. It returns the lengths of both lists
// and the touches' sum.
func (w *weights) resolve(wk *scoreWork, feats []uint64, nd int, touch int16, scores *[256]int32) (int, int, int16) {
	slots, sparse := w.slots, w.sparse
	mask := uint64(len(slots) - 1)
	shift := w.shift & 63
	buf := wk.buf[:len(feats)]
	ns := 0
	for i, f := range feats {
		s := buf[i]
		fp := fingerprint(f)
		if s.fp != fp {
			if s.fp == 0 {
				continue
			}
			j := f >> shift & mask
			for {
				j = (j + 1) & mask
				s = slots[j]
				if s.fp == fp || s.fp == 0 {
					break
				}
			}
			if s.fp == 0 {
				continue
			}
		}
		switch s.a & 3 {
		case kindInline:
			scores[uint8(s.b)] += int32(int16(s.b >> 16))
			if n := s.a >> 2 & 3; n > 1 {
				scores[uint8(s.b>>32)] += int32(int16(s.b >> 48))
				if n > 2 {
					scores[uint8(s.a>>8)] += int32(int16(s.a >> 16))
				}
			}
		case kindSparse:
			touch += int16(sparse[uint32(s.b)] >> 16)
			wk.sp[ns] = uint64(uint32(s.b)) | uint64(s.a>>2)<<32
			ns++
		default:
			wk.dl[nd] = s.a >> 2
			nd++
		}
	}
	return ns, nd, touch
}

// sumSparse adds the sparse rows (start | length<<32) into scores.
//
//go:noinline
func sumSparse(sparse []uint32, rows []uint64, scores *[256]int32) {
	sc := scores[:] // checked once: a uint8 index needs no check
	for _, r := range rows {
		start := uint32(r)
		for _, e := range sparse[start : start+uint32(r>>32)] {
			sc[uint8(e)] += int32(int16(e >> 16))
		}
	}
}

// addDense adds the dense rows ids (at least one) into scores. The
// rows left over from groups of four start the sum, so no pass clears
// it or adds a single row.
func (w *weights) addDense(acc *[128]uint64, ids []uint32, scores *[256]int32) {
	nw := w.nw
	a := acc[:nw]
	d := w.dense
	row := func(id uint32) []uint64 {
		o := int(id) * nw
		return d[o : o+nw : o+nw]
	}
	k := len(ids) % 4
	switch k {
	case 0:
		clear(a)
	case 1:
		copy(a, row(ids[0]))
	case 2:
		r0, r1 := row(ids[0]), row(ids[1])
		r0, r1 = r0[:len(a)], r1[:len(a)]
		for j := range a {
			a[j] = r0[j] + r1[j]
		}
	default:
		r0, r1, r2 := row(ids[0]), row(ids[1]), row(ids[2])
		r0, r1, r2 = r0[:len(a)], r1[:len(a)], r2[:len(a)]
		for j := range a {
			a[j] = r0[j] + r1[j] + r2[j]
		}
	}
	for ; k+4 <= len(ids); k += 4 {
		r0, r1, r2, r3 := row(ids[k]), row(ids[k+1]), row(ids[k+2]), row(ids[k+3])
		r0, r1, r2, r3 = r0[:len(a)], r1[:len(a)], r2[:len(a)], r3[:len(a)]
		for j := range a {
			a[j] += r0[j] + r1[j] + r2[j] + r3[j]
		}
	}
	bias := int32(len(ids)) * denseBias
	lo, hi := scores[:nw], scores[nw:2*nw]
	lo, hi = lo[:len(a)], hi[:len(a)]
	for j, v := range a {
		lo[j] += int32(uint32(v)) - bias
		hi[j] += int32(uint32(v>>32)) - bias
	}
}

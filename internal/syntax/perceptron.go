package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
)

// An averaged perceptron over hashed features with sparse rows: each
// feature keeps weights only for the classes it was ever updated for
// (a word feature touches a handful of the ~100 tag pairs or ~90 parser
// moves). Scoring adds each feature's row into a dense score vector.

// tentry is a training-time weight; its averaging state is in tstat at
// the same position, so scoring reads 8 bytes a weight, not 24.
type tentry struct {
	w   float32
	cls uint16
}

type tstat struct {
	tot float64 // sum of the weight over past updates (for the average)
	ts  int32   // update clock when w last changed
}

// trainer is the mutable, training-time perceptron.
type trainer struct {
	classes int
	ids     *idTable
	rows    [][]tentry
	stats   [][]tstat
	clock   int32
}

func newTrainer(classes int) *trainer {
	return &trainer{classes: classes, ids: newIDTable()}
}

// score fills scores (len classes) with the current weights.
func (p *trainer) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		id := p.ids.get(f)
		if id < 0 {
			continue
		}
		for _, e := range p.rows[id] {
			scores[e.cls] += e.w
		}
	}
}

// tick advances the clock: call once per training instance.
func (p *trainer) tick() { p.clock++ }

// update adds delta to class cls of every feature.
func (p *trainer) update(feats []uint64, cls int, delta float32) {
	for _, f := range feats {
		id := p.ids.get(f)
		if id < 0 {
			id = int32(len(p.rows))
			p.ids.put(f, id)
			p.rows = append(p.rows, nil)
			p.stats = append(p.stats, nil)
		}
		row, st := p.rows[id], p.stats[id]
		k := -1
		for i := range row {
			if int(row[i].cls) == cls {
				k = i
				break
			}
		}
		if k < 0 {
			row = append(row, tentry{cls: uint16(cls)})
			st = append(st, tstat{ts: p.clock})
			k = len(row) - 1
			p.rows[id], p.stats[id] = row, st
		}
		e, s := &row[k], &st[k]
		s.tot += float64(p.clock-s.ts) * float64(e.w)
		e.w += delta
		s.ts = p.clock
	}
}

// freeze returns the averaged weights, quantised to int16 steps of one
// model-wide scale (what the model file stores), so a model scores the
// same before and after a save.
func (p *trainer) freeze(minAbs float64) *weights {
	type feat struct {
		key uint64
		id  int32
	}
	feats := make([]feat, 0, len(p.rows))
	for _, c := range p.ids.cells {
		if c.key != 0 {
			feats = append(feats, feat{c.key, c.id})
		}
	}
	slices.SortFunc(feats, func(a, b feat) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	keys := make([]uint64, len(feats))
	for i, f := range feats {
		keys[i] = f.key
	}
	return quantize(p.classes, keys, func(i int) iter.Seq2[uint16, float64] {
		return func(yield func(uint16, float64) bool) {
			id := feats[i].id
			for k, e := range p.rows[id] {
				if !yield(e.cls, p.averaged(id, k)) {
					return
				}
			}
		}
	}, minAbs)
}

// averaged is the averaged weight of row id's entry k.
func (p *trainer) averaged(id int32, k int) float64 {
	T := float64(p.clock)
	if T == 0 {
		T = 1
	}
	e, s := p.rows[id][k], p.stats[id][k]
	return (s.tot + (float64(p.clock)-float64(s.ts))*float64(e.w)) / T
}

// quantize builds weights from averaged ones: keys are the features in
// ascending order, row(i) yields feature i's (class, weight) pairs. The
// scale maps the largest magnitude to 32767; weights keepWeight rejects
// are dropped, and so are features left with none.
func quantize(classes int, keys []uint64, row func(i int) iter.Seq2[uint16, float64], minAbs float64) *weights {
	maxAbs := 0.0
	for i := range keys {
		for _, v := range row(i) {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(maxAbs / 32767)
	}
	w := &weights{classes: classes, scale: scale}
	var kept []uint64
	var qs []qentry
	offs := []uint32{0}
	for i, key := range keys {
		start := len(qs)
		for cls, v := range row(i) {
			q := math.Round(v / float64(scale))
			if keepWeight(int16(q), scale, minAbs) {
				qs = append(qs, qentry{cls: cls, q: int16(q)})
			}
		}
		if len(qs) == start {
			continue
		}
		slices.SortFunc(qs[start:], func(a, b qentry) int { return int(a.cls) - int(b.cls) })
		kept = append(kept, key)
		offs = append(offs, uint32(len(qs)))
	}
	if err := w.build(kept, offs, qs); err != nil {
		panic(err) // training never makes rows that long (classes ≤ 255)
	}
	return w
}

type qentry struct {
	cls uint16
	q   int16
}

// size reports the number of features and weights.
func (w *weights) size() (feats, ents int) { return len(w.keys), len(w.ents) }

// write stores the weights: classes, scale and feature count, then per
// feature (in key order) the key's difference from the previous key, the
// row length, and per weight the class's difference from the previous
// class and the zigzag-encoded value, all as varints: rows are short and
// most values small, so this is about half the size of fixed widths.
func (w *weights) write(bw *bufio.Writer) {
	var b [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(b[:binary.PutUvarint(b[:], v)]) }
	var hdr [12]byte
	binary.LittleEndian.PutUint32(hdr[0:], uint32(w.classes))
	binary.LittleEndian.PutUint32(hdr[4:], math.Float32bits(w.scale))
	binary.LittleEndian.PutUint32(hdr[8:], uint32(len(w.keys)))
	bw.Write(hdr[:])
	prev := uint64(0)
	for i, k := range w.keys {
		uv(k - prev)
		prev = k
		row := w.ents[w.offs[i]:w.offs[i+1]]
		uv(uint64(len(row)))
		pc := uint16(0)
		for _, e := range row {
			uv(uint64(e.cls - pc))
			pc = e.cls
			bw.Write(b[:binary.PutVarint(b[:], int64(e.q))])
		}
	}
}

// readWeights decodes weights written by write from the start of b and
// returns the bytes it used. Decoding from memory, not a reader, keeps
// the model's load within its budget (about 7 million varints).
func readWeights(b []byte) (*weights, int, error) {
	if len(b) < 12 {
		return nil, 0, errors.New("weights header: truncated")
	}
	w := &weights{
		classes: int(binary.LittleEndian.Uint32(b[0:])),
		scale:   math.Float32frombits(binary.LittleEndian.Uint32(b[4:])),
	}
	n := int(binary.LittleEndian.Uint32(b[8:]))
	if w.classes <= 0 || w.classes > maxRowLen || n < 0 || n > 1<<26 {
		return nil, 0, errors.New("weights header: implausible sizes")
	}
	off := 12
	uv := func() (uint64, bool) {
		v, k := binary.Uvarint(b[off:])
		if k <= 0 {
			return 0, false
		}
		off += k
		return v, true
	}
	keys := make([]uint64, n)
	offs := make([]uint32, 1, n+1)
	qs := make([]qentry, 0, 3*n)
	prev := uint64(0)
	for i := range n {
		d, ok := uv()
		if !ok || i > 0 && d == 0 {
			return nil, 0, fmt.Errorf("weights feature %d: bad key", i)
		}
		prev += d
		keys[i] = prev
		m, ok := uv()
		if !ok || m > maxRowLen {
			return nil, 0, fmt.Errorf("weights feature %d: bad row length", i)
		}
		c := uint64(0)
		for range m {
			dc, ok := uv()
			if !ok {
				return nil, 0, fmt.Errorf("weights feature %d: truncated", i)
			}
			c += dc
			q, k := binary.Varint(b[off:])
			if k <= 0 {
				return nil, 0, fmt.Errorf("weights feature %d: truncated", i)
			}
			off += k
			if c >= uint64(w.classes) || q < math.MinInt16 || q > math.MaxInt16 {
				return nil, 0, fmt.Errorf("weights feature %d: class %d or value %d out of range", i, c, q)
			}
			qs = append(qs, qentry{cls: uint16(c), q: int16(q)})
		}
		offs = append(offs, uint32(len(qs)))
	}
	if err := w.build(keys, offs, qs); err != nil {
		return nil, 0, fmt.Errorf("weights: %w", err)
	}
	return w, off, nil
}

// prune returns the weights without those below minAbs (after
// quantisation, as freeze drops them), and without emptied features.
func (w *weights) prune(minAbs float64) *weights {
	out := &weights{classes: w.classes, scale: w.scale}
	var keys []uint64
	var qs []qentry
	offs := []uint32{0}
	for i, k := range w.keys {
		start := len(qs)
		for _, e := range w.ents[w.offs[i]:w.offs[i+1]] {
			if keepWeight(e.q, w.scale, minAbs) {
				qs = append(qs, e)
			}
		}
		if len(qs) > start {
			keys = append(keys, k)
			offs = append(offs, uint32(len(qs)))
		}
	}
	if err := out.build(keys, offs, qs); err != nil {
		panic(err) // fewer weights than w had
	}
	return out
}

func keepWeight(q int16, scale float32, minAbs float64) bool {
	return q != 0 && math.Abs(float64(q))*float64(scale) >= minAbs
}

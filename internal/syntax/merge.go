package syntax

import (
	"math"
	"slices"
)

// freezeMany returns the mean of the averaged weights of several
// trainers (the same classes), quantised and pruned as freeze does.
func freezeMany(ps []*trainer, minAbs float64) *weights {
	if len(ps) == 1 {
		return ps[0].freeze(minAbs)
	}
	type acc struct {
		cls uint16
		v   float64
	}
	sum := map[uint64][]acc{}
	classes := ps[0].classes
	for _, p := range ps {
		T := float64(p.clock)
		if T == 0 {
			T = 1
		}
		for _, c := range p.ids.cells {
			if c.key == 0 {
				continue
			}
			row := sum[c.key]
		next:
			for k, e := range p.rows[c.id] {
				s := p.stats[c.id][k]
				v := (s.tot + (float64(p.clock)-float64(s.ts))*float64(e.w)) / T
				for j := range row {
					if row[j].cls == e.cls {
						row[j].v += v
						continue next
					}
				}
				row = append(row, acc{e.cls, v})
			}
			sum[c.key] = row
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	K := float64(len(ps))
	maxAbs := 0.0
	for _, k := range keys {
		for _, a := range sum[k] {
			maxAbs = math.Max(maxAbs, math.Abs(a.v/K))
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(maxAbs / 32767)
	}
	w := &weights{classes: classes, scale: scale}
	var fkeys []uint64
	var qs []qentry
	offs := []uint32{0}
	for _, k := range keys {
		start := len(qs)
		for _, a := range sum[k] {
			q := math.Round(a.v / K / float64(scale))
			if keepWeight(int16(q), scale, minAbs) {
				qs = append(qs, qentry{cls: a.cls, q: int16(q)})
			}
		}
		if len(qs) == start {
			continue
		}
		slices.SortFunc(qs[start:], func(a, b qentry) int { return int(a.cls) - int(b.cls) })
		fkeys = append(fkeys, k)
		offs = append(offs, uint32(len(qs)))
	}
	if err := w.build(fkeys, offs, qs); err != nil {
		panic(err)
	}
	return w
}

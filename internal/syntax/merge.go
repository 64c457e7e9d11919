package syntax

import (
	"iter"
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
	for _, p := range ps {
		for _, c := range p.ids.cells {
			if c.key == 0 {
				continue
			}
			row := sum[c.key]
		next:
			for k, e := range p.rows[c.id] {
				v := p.averaged(c.id, k)
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
	return quantize(ps[0].classes, keys, func(i int) iter.Seq2[uint16, float64] {
		return func(yield func(uint16, float64) bool) {
			for _, a := range sum[keys[i]] {
				if !yield(a.cls, a.v/K) {
					return
				}
			}
		}
	}, minAbs)
}

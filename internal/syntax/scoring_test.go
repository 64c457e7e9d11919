package syntax

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// score must give exactly the sums of the rows the features name, for
// short (sparse) and long (dense) rows alike, with extreme weights,
// absent features and repeated features, for odd and even class counts.
func TestScoreMatchesRowSums(t *testing.T) {
	for _, classes := range []int{1, 2, 7, 50, 103, 255} {
		rng := rand.New(rand.NewPCG(uint64(classes), 7))
		var keys []uint64
		var qs []qentry
		offs := []uint32{0}
		rows := map[uint64][]qentry{}
		for range 400 {
			k := rng.Uint64() | 1
			if rows[k] != nil {
				continue
			}
			n := 1 + rng.IntN(classes)
			if rng.IntN(3) == 0 {
				n = classes // full rows are dense
			}
			cls := rng.Perm(classes)[:n]
			slices.Sort(cls)
			var row []qentry
			for _, c := range cls {
				q := int16(rng.IntN(65536) - 32768)
				switch rng.IntN(8) {
				case 0:
					q = math.MaxInt16
				case 1:
					q = math.MinInt16
				}
				row = append(row, qentry{cls: uint16(c), q: q})
			}
			rows[k] = row
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			qs = append(qs, rows[k]...)
			offs = append(offs, uint32(len(qs)))
		}
		w := &weights{classes: classes, scale: 1}
		if err := w.build(keys, offs, qs); err != nil {
			t.Fatal(err)
		}
		if classes >= 8 && len(w.dense) == 0 {
			t.Fatalf("%d classes: no dense rows built", classes)
		}
		var got [256]int32
		wk := new(scoreWork) // reused across trials, as the parser does
		for trial := range 200 {
			var feats []uint64
			want := make([]int32, classes)
			for range rng.IntN(150) {
				var k uint64
				if rng.IntN(4) == 0 {
					k = rng.Uint64() | 1 // absent
				} else {
					k = keys[rng.IntN(len(keys))]
				}
				feats = append(feats, k)
				for _, e := range rows[k] {
					want[e.cls] += int32(e.q)
				}
			}
			w.score(wk, feats, &got)
			if !slices.Equal(got[:classes], want) {
				t.Fatalf("%d classes, trial %d: scores differ from the row sums\n got %v\nwant %v", classes, trial, got[:classes], want)
			}
		}
	}
}

package syntax

import (
	"bytes"
	"context"
	"slices"
	"testing"
)

// The mean of one trainer's weights, or of two copies of it, is that
// trainer's own frozen weights; the mean of two different ones holds
// every feature either kept, with values between theirs.
func TestFreezeManyIsTheMean(t *testing.T) {
	ex, labels, lidx, dirs := goldExamples(t)
	train := func(seed uint64) *trainer {
		_, p := trainParser(context.Background(), ex, labels, lidx, dirs, trainOptions{epochs: 4, explore: 0.9, seed: seed})
		return p
	}
	a, b := train(1), train(2)
	one := a.freeze(0)
	for _, m := range []*weights{freezeMany([]*trainer{a}, 0), freezeMany([]*trainer{a, a}, 0)} {
		if m.scale != one.scale || !slices.Equal(m.keys, one.keys) || !slices.Equal(m.offs, one.offs) || !slices.Equal(m.ents, one.ents) {
			t.Fatal("the mean of copies of one trainer differs from its own weights")
		}
	}
	wa, wb, mean := a.freeze(0), b.freeze(0), freezeMany([]*trainer{a, b}, 0)
	val := func(w *weights, key uint64, cls uint16) (float64, bool) {
		for _, e := range w.row(key) {
			if e.cls == cls {
				return float64(e.q) * float64(w.scale), true
			}
		}
		return 0, false
	}
	checked := 0
	for i, k := range wa.keys {
		for _, e := range wa.ents[wa.offs[i]:wa.offs[i+1]] {
			va, _ := val(wa, k, e.cls)
			vb, _ := val(wb, k, e.cls)
			vm, ok := val(mean, k, e.cls)
			if !ok {
				if want := (va + vb) / 2; want > float64(mean.scale) || want < -float64(mean.scale) {
					t.Fatalf("feature %x class %d: kept by one parser (%.3f, %.3f), missing from the mean", k, e.cls, va, vb)
				}
				continue
			}
			lo, hi := min(va, vb)-float64(mean.scale), max(va, vb)+float64(mean.scale)
			if vm < lo || vm > hi {
				t.Fatalf("feature %x class %d: mean %.3f outside %.3f and %.3f", k, e.cls, vm, va, vb)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no weights compared")
	}
}

// Training several parsers (concurrently) and keeping their mean is as
// deterministic as training one, and the mean differs from the first
// parser alone.
func TestTrainParsersDeterministic(t *testing.T) {
	ss := readTiny(t)
	write := func(o TrainOptions) []byte {
		p, err := Train(context.Background(), ss, o)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	o := tinyOptions()
	o.Parsers = 3
	a, b := write(o), write(o)
	if !bytes.Equal(a, b) {
		t.Fatalf("two trainings of %d parsers differ: %d and %d bytes", o.Parsers, len(a), len(b))
	}
	o.Parsers = 1
	if bytes.Equal(a, write(o)) {
		t.Fatal("the mean of three parsers is the first parser's model")
	}
}

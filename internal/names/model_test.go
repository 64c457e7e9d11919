package names

import (
	"bytes"
	"strings"
	"testing"
)

func toy() ([]string, []Sample) {
	h := func(ss ...string) []uint64 {
		var out []uint64
		for _, s := range ss {
			out = append(out, Hash(s))
		}
		return out
	}
	return []string{"A", "B", "C"}, []Sample{
		{h("bias", "x", "p"), 0}, {h("bias", "x", "q"), 0},
		{h("bias", "y", "p"), 1}, {h("bias", "y", "r"), 1},
		{h("bias", "z", "q"), 2}, {h("bias", "z", "r"), 2},
	}
}

// TestTrainSeparable: a separable toy set is learnt, and the same
// samples and options give the same bytes.
func TestTrainSeparable(t *testing.T) {
	classes, samples := toy()
	m := Train(classes, samples, DefaultTrainOptions())
	scores := make([]float32, len(classes))
	for i, s := range samples {
		if best, _ := m.Scores(s.Feats, scores); best != s.Class {
			t.Errorf("sample %d: class %d, want %d (%v)", i, best, s.Class, scores)
		}
	}
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(classes, samples, DefaultTrainOptions()).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training is not deterministic")
	}
	back, err := Read(bytes.NewReader(a.Bytes()), "toy.model")
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := back.Write(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("read then write changes the model")
	}
}

// TestReadErrors: a bad file is named with its line.
func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "x.model: empty model"},
		{"weights\tA\tB\n", "x.model:1: header"},
		{"classes\tA\tB\nzz\t1\t2\n", "x.model:2: feature"},
		{"classes\tA\tB\n1f\t1\n", "x.model:2: 2 fields, want 3"},
		{"classes\tA\tB\n1f\t1\tx\n", "x.model:2: weight 2"},
	} {
		_, err := Read(strings.NewReader(c.in), "x.model")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.in, err, c.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("classes\tA\tB\n1f\t1\t-2\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := Read(strings.NewReader(in), "f.model")
		if err != nil {
			return
		}
		scores := make([]float32, len(m.Classes))
		if best, margin := m.Scores([]uint64{0x1f}, scores); best < 0 || best >= len(m.Classes) || margin < 0 {
			t.Fatalf("best %d margin %v", best, margin)
		}
	})
}

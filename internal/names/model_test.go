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
		{"classes\tA\t\n", "x.model:1: class 2 \"\" is empty"},
		{"classes\tA\tB\r\r\n", "x.model:1: class 2 \"B\\r\" is empty or holds"},
		{"classes\tLOC\tNOT A CLASS\n", "x.model:1: class 2"},
	} {
		_, err := Read(strings.NewReader(c.in), "x.model")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.in, err, c.want)
		}
	}
}

// FuzzRead: the reader never panics; an error names the file (and the
// line, past the header); a model read scores, and writes and reads back
// with the same classes and features.
func FuzzRead(f *testing.F) {
	f.Add("classes\tA\tB\n1f\t1\t-2\n")
	f.Add("classes\tPER\tORG\tLOC\nffffffffffffffff\t3.4e38\t-3.4e38\t0\n0\t.5\t-.5\t1e-9\n0\t1\t1\t1\n")
	f.Add("classes\t\t\r\n1\t1\t1\r\n")
	f.Add("classes\tA\tB\n1f\tNaN\t1\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := Read(strings.NewReader(in), "f.model")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.model:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		back, err := Read(&b, "back.model")
		if err != nil {
			t.Fatalf("written model does not read back: %v", err)
		}
		if strings.Join(back.Classes, "\t") != strings.Join(m.Classes, "\t") || back.Len() != m.Len() {
			t.Fatalf("model read back with classes %q and %d features, want %q and %d", back.Classes, back.Len(), m.Classes, m.Len())
		}
		scores := make([]float32, len(m.Classes))
		if best, margin := m.Scores([]uint64{0x1f}, scores); best < 0 || best >= len(m.Classes) || margin < 0 {
			t.Fatalf("best %d margin %v", best, margin)
		}
	})
}

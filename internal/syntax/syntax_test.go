package syntax

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func readTiny(t testing.TB) []Sentence {
	t.Helper()
	ss, err := ReadCoNLLUFile("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func tinyOptions() TrainOptions {
	o := DefaultTrainOptions()
	o.TagEpochs, o.ParseEpochs, o.Folds, o.Prune = 5, 10, 3, 0
	return o
}

func TestReadCoNLLUErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"short line", "1\tA\ta\tX\tX\t_\t0\troot\n", "line 1: 8 fields"},
		{"id out of order", "2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", "line 1: word id \"2\" out of sequence"},
		{"bad head", "1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", "line 1: bad head"},
		{"head past end", "1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n", "head 5 beyond the sentence"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReadCoNLLUSkipsRangesAndEmptyNodes(t *testing.T) {
	in := "# sent_id = x\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n2.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
	ss, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || len(ss[0].Words) != 3 || ss[0].Words[1].Form != "n't" || ss[0].ID != "x" {
		t.Fatalf("got %+v", ss)
	}
}

func TestCoNLLURoundTrip(t *testing.T) {
	ss := readTiny(t)
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, ss); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCoNLLU(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(ss) {
		t.Fatalf("%d sentences back, want %d", len(back), len(ss))
	}
	for i := range ss {
		if back[i].ID != ss[i].ID || back[i].Text != ss[i].Text || len(back[i].Words) != len(ss[i].Words) {
			t.Fatalf("sentence %d differs", i)
		}
		for j := range ss[i].Words {
			if back[i].Words[j] != ss[i].Words[j] {
				t.Errorf("sentence %d word %d: %+v, want %+v", i, j, back[i].Words[j], ss[i].Words[j])
			}
		}
	}
}

// The dynamic oracle must be consistent: following only zero-cost moves
// from the start rebuilds a projective gold tree exactly.
func TestOracleRebuildsGoldTrees(t *testing.T) {
	ss := readTiny(t)
	labels, lidx := labelSet(ss)
	tags := make([][]int32, len(ss))
	for i, s := range ss {
		tags[i] = make([]int32, len(s.Words))
	}
	d := &depParser{labels: labels, root: lidx["root"]}
	for l := range labels {
		if int16(l) != d.root {
			d.left = append(d.left, int32(1+l))
			d.right = append(d.right, int32(1+len(labels)+l))
		}
	}
	zero := make([]bool, d.nclasses())
	for i, e := range examples(ss, tags, lidx, buildAmbig(ss, map[string]int{})) {
		var st pstate
		st.init(len(e.w))
		for !st.done() {
			d.zeroCost(&st, &e, zero)
			pick := -1
			for c, z := range zero {
				if z {
					pick = c
					break
				}
			}
			if c := st.costOf(d, pick, &e); c != 0 {
				t.Fatalf("sentence %d: oracle move %d costs %d", i, pick, c)
			}
			m, l := d.move(pick)
			st.apply(m, l)
		}
		for j := range e.w {
			if st.heads[j] != e.gh[j] || st.rels[j] != e.gl[j] {
				t.Errorf("sentence %d word %d: head %d %s, want %d %s", i, j, st.heads[j], labels[st.rels[j]], e.gh[j], labels[e.gl[j]])
			}
		}
	}
}

// costOf is the unlabeled cost of class c (for the test above).
func (st *pstate) costOf(d *depParser, c int, e *parseExample) int {
	m, _ := d.move(c)
	return st.cost(m, e.gh)
}

// Training twice on the same treebank gives the same bytes, and a model
// read back from them annotates like the one in memory.
func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	ss := readTiny(t)
	var outs [2][]byte
	var models [2]*Parser
	for i := range outs {
		p, err := Train(context.Background(), ss, tinyOptions())
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.Write(&buf); err != nil {
			t.Fatal(err)
		}
		outs[i], models[i] = buf.Bytes(), p
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatalf("two trainings differ: %d and %d bytes", len(outs[0]), len(outs[1]))
	}
	loaded, err := Load(bytes.NewReader(outs[0]))
	if err != nil {
		t.Fatal(err)
	}
	a, err := models[0].Evaluate(context.Background(), ss, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := loaded.Evaluate(context.Background(), ss, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatalf("loaded model scores %+v, trained one %+v", b, a)
	}
	if a.UPOS < 90 {
		t.Errorf("training-set tags: %+v", a)
	}
}

func TestLoadRejectsCorruptModels(t *testing.T) {
	p, err := Train(context.Background(), readTiny(t), tinyOptions())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", good[:len(good)/2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(tc.data)); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestTrainRejectsUnparsedTreebank(t *testing.T) {
	ss := []Sentence{{ID: "a", Words: []Word{{Form: "x", Head: -1}}}}
	if _, err := Train(context.Background(), ss, tinyOptions()); err == nil || !strings.Contains(err.Error(), "sentence 1 (a) word 1") {
		t.Fatalf("err = %v", err)
	}
}

func TestLemmatizerLearnsRulesAndExceptions(t *testing.T) {
	mk := func(form, lemma, xpos string) Word { return Word{Form: form, Lemma: lemma, XPOS: xpos, UPOS: "X"} }
	ss := []Sentence{{Words: []Word{
		mk("cities", "city", "NNS"), mk("parties", "party", "NNS"), mk("armies", "army", "NNS"),
		mk("talks", "talk", "NNS"), mk("troops", "troop", "NNS"), mk("rebels", "rebel", "NNS"),
		mk("men", "man", "NNS"), mk("went", "go", "VBD"), mk("Goma", "Goma", "NNP"), mk("Oslo", "Oslo", "NNP"),
		mk("Americans", "American", "NNPS"), mk("Britons", "Briton", "NNPS"),
	}}}
	_, xpos, _ := tagClasses(ss)
	lz := trainLemmatizer(ss, xpos)
	xi := xposClasses(xpos)
	idx := func(x string) int {
		for i, v := range xpos {
			if v == x {
				return xi[i]
			}
		}
		t.Fatalf("no tag %s", x)
		return 0
	}
	tests := []struct{ form, xpos, want string }{
		{"militias", "NNS", "militia"},
		{"ladies", "NNS", "lady"},
		{"men", "NNS", "man"},
		{"went", "VBD", "go"},
		{"Kigali", "NNP", "Kigali"},
		{"Canadians", "NNPS", "Canadian"},
	}
	for _, tc := range tests {
		if got := lz.lemma(tc.form, idx(tc.xpos)); got != tc.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", tc.form, tc.xpos, got, tc.want)
		}
	}
}

package syntax

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// tokens runs the text stage over body and returns its first sentence.
func tokens(t *testing.T, body string) []model.Token {
	t.Helper()
	o := text.DefaultOptions()
	o.Tagger = text.TaggerNone
	a := model.NewArticle()
	a.Body = body
	if err := text.New(o).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Tokens) == 0 {
		t.Fatalf("no sentence in %q", body)
	}
	return a.Tokens[0]
}

func builtin(t testing.TB) *Parser {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkTree asserts the tree invariants: every head in range, one root
// with relation "root", no cycles.
func checkTree(t *testing.T, toks []model.Token) {
	t.Helper()
	roots := 0
	for i, tk := range toks {
		if tk.Head < 0 || tk.Head > len(toks) || tk.Head == i+1 || tk.Rel == "" || tk.Tag == "" || tk.UPOS == "" {
			t.Fatalf("token %d %+v", i, tk)
		}
		if tk.Head == 0 {
			roots++
			if tk.Rel != "root" {
				t.Errorf("root token %q has relation %s", tk.Text, tk.Rel)
			}
		}
		for j, steps := i, 0; toks[j].Head != 0; j, steps = toks[j].Head-1, steps+1 {
			if steps > len(toks) {
				t.Fatalf("cycle through token %d", i)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots", roots)
	}
}

// rel returns the relation and head word of the first token spelled w.
func rel(toks []model.Token, w string) (string, string) {
	for _, tk := range toks {
		if tk.Text == w {
			if tk.Head == 0 {
				return tk.Rel, ""
			}
			return tk.Rel, toks[tk.Head-1].Text
		}
	}
	return "", ""
}

// The constructions event coding needs (passive agents, appositions,
// reported speech, relative clauses, conjunctions, light verbs), in
// sentences of our own from several regions.
func TestParseConstructions(t *testing.T) {
	p := builtin(t)
	tests := []struct {
		body, word, wantRel, wantHead string
	}{
		{"Villagers near Kidal were attacked by gunmen on Sunday.", "Villagers", "nsubj:pass", "attacked"},
		{"Villagers near Kidal were attacked by gunmen on Sunday.", "gunmen", "obl:agent", "attacked"},
		{"Chile, a member of the group, rejected the proposal.", "member", "appos", "Chile"},
		{"Chile, a member of the group, rejected the proposal.", "Chile", "nsubj", "rejected"},
		{"Norway said it had expelled two diplomats.", "expelled", "ccomp", "said"},
		{"Norway said it had expelled two diplomats.", "diplomats", "obj", "expelled"},
		{"Police arrested the men who burned the market in Lagos.", "burned", "acl:relcl", "men"},
		{"Kenya and Uganda signed a border agreement in Nairobi.", "Uganda", "conj", "Kenya"},
		{"Kenya and Uganda signed a border agreement in Nairobi.", "signed", "root", ""},
		{"The army launched an offensive against the rebels in the north.", "offensive", "obj", "launched"},
		{"The minister will visit Hanoi next week.", "Hanoi", "obj", "visit"},
	}
	for _, tc := range tests {
		toks := tokens(t, tc.body)
		p.ParseSentence(toks)
		checkTree(t, toks)
		r, h := rel(toks, tc.word)
		if r != tc.wantRel || h != tc.wantHead {
			t.Errorf("%s: %q is %s of %q, want %s of %q", tc.body, tc.word, r, h, tc.wantRel, tc.wantHead)
		}
	}
}

func TestTagSentenceLemmas(t *testing.T) {
	p := builtin(t)
	toks := tokens(t, "Protesters were killed when soldiers opened fire on the crowds.")
	p.TagSentence(toks)
	want := map[string][2]string{
		"Protesters": {"NNS", "protester"}, "were": {"VBD", "be"}, "killed": {"VBN", "kill"},
		"soldiers": {"NNS", "soldier"}, "opened": {"VBD", "open"}, "crowds": {"NNS", "crowd"},
	}
	for _, tk := range toks {
		if w, ok := want[tk.Text]; ok && (tk.Tag != w[0] || tk.Lemma != w[1]) {
			t.Errorf("%s: %s %s, want %s %s", tk.Text, tk.Tag, tk.Lemma, w[0], w[1])
		}
		if tk.Rel != "" || tk.Head != 0 {
			t.Errorf("TagSentence parsed %q", tk.Text)
		}
	}
}

func TestStageParsesWhatIsNeeded(t *testing.T) {
	p := builtin(t)
	o := text.DefaultOptions()
	o.Tagger = text.TaggerNone
	a := model.NewArticle()
	a.Body = "Rain fell all day in Quito. Ecuador recalled its ambassador from Caracas."
	if err := text.New(o).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	st := &Stage{Parser: p, Need: func(a *model.Article, i int) bool { return strings.Contains(a.Sentences[i].Text, "recalled") }}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Tokens) != 2 || a.Tokens[0][0].Rel != "" || a.Tokens[0][0].Tag == "" {
		t.Fatalf("first sentence parsed or untagged: %+v", a.Tokens)
	}
	checkTree(t, a.Tokens[1])
}

// FuzzParseSentence: any token sequence gives a well-formed tree.
func FuzzParseSentence(f *testing.F) {
	f.Add("Rebels seized the town of Goma on Tuesday .")
	f.Add("„ » ’s n’t -- ...")
	f.Add("a")
	p := builtin(f)
	f.Fuzz(func(t *testing.T, s string) {
		var toks []model.Token
		for _, w := range strings.Fields(s) {
			toks = append(toks, model.Token{Text: w})
		}
		if len(toks) == 0 || len(toks) > 300 {
			return
		}
		p.ParseSentence(toks)
		checkTree(t, toks)
	})
}

// FuzzReadCoNLLU: the reader never panics; an error gives the line (or
// the sentence and word) at fault; what it accepts has its heads inside
// the sentence, and writes and reads back the same.
func FuzzReadCoNLLU(f *testing.F) {
	f.Add("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n")
	f.Add("# text = x\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n")
	f.Add("# sent_id = w1\n1\tLagos\tLagos\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tvoted\tvote\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n1\tx\tx\tX\tX\t_\t9\tdep\t_\t_\n")
	f.Add("1\t\t\t\t\t\t\t\t\t\r\n2.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n+2\tÅ\tå\tX\tX\t_\t+1\tdep\t_\t_\n")
	f.Add("")
	pos := regexp.MustCompile(`^(line [1-9][0-9]*|sentence [1-9][0-9]* .* word [1-9][0-9]*): `)
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := ReadCoNLLU(strings.NewReader(in))
		if err != nil {
			if !pos.MatchString(err.Error()) {
				t.Fatalf("error %q gives no position", err)
			}
			return
		}
		for i, s := range ss {
			for j, w := range s.Words {
				if w.Head > len(s.Words) || w.Head < -1 {
					t.Fatalf("sentence %d word %d: head %d", i, j, w.Head)
				}
			}
		}
		var b strings.Builder
		if err := WriteCoNLLU(&b, ss); err != nil {
			t.Fatal(err)
		}
		back, err := ReadCoNLLU(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("rereading %q: %v", b.String(), err)
		}
		if len(back) != len(ss) {
			t.Fatalf("%d sentences back, want %d", len(back), len(ss))
		}
		for i := range ss {
			a, b := ss[i], back[i]
			if a.ID != b.ID || a.Text != b.Text || len(a.Words) != len(b.Words) {
				t.Fatalf("sentence %d %+v back as %+v", i, a, b)
			}
			for j, w := range a.Words {
				w.Lemma, w.UPOS, w.XPOS, w.Rel = or(w.Lemma), or(w.UPOS), or(w.XPOS), or(w.Rel)
				if w != b.Words[j] {
					t.Fatalf("sentence %d word %d %+v back as %+v", i, j, w, b.Words[j])
				}
			}
		}
	})
}

// ParseTagged on tokens TagSentence tagged gives ParseSentence's parse
// and leaves the tags alone; tokens with tags the model does not know
// are tagged afresh for the parse.
func TestParseTaggedMatchesParseSentence(t *testing.T) {
	p := builtin(t)
	bodies := []string{
		"Villagers near Kidal were attacked by gunmen on Sunday.",
		"Chile, a member of the group, rejected the proposal.",
		"Norway said it had expelled two diplomats.",
		"The minister will visit Hanoi next week.",
		"Protesters in Dhaka burned tyres and blocked roads, police said.",
	}
	for _, body := range bodies {
		want := tokens(t, body)
		p.ParseSentence(want)
		got := tokens(t, body)
		p.TagSentence(got)
		p.ParseTagged(got)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: token %d is %+v after ParseTagged, %+v after ParseSentence", body, i, got[i], want[i])
			}
		}
		odd := tokens(t, body)
		for i := range odd {
			odd[i].UPOS, odd[i].Tag = "X", "no such tag"
		}
		p.ParseTagged(odd)
		for i := range want {
			if odd[i].Head != want[i].Head || odd[i].Rel != want[i].Rel || odd[i].Tag != "no such tag" {
				t.Errorf("%s: untagged token %d: %+v", body, i, odd[i])
			}
		}
	}
}

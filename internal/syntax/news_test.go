package syntax

import "testing"

// Constructions of news reports that a web treebank has few of, in
// sentences of our own from several regions.

// tokNamed returns the first token spelled w.
func tokNamed(t *testing.T, toks []tokenView, w string) tokenView {
	t.Helper()
	for _, tk := range toks {
		if tk.text == w {
			return tk
		}
	}
	t.Fatalf("no token %q", w)
	return tokenView{}
}

type tokenView struct {
	text, tag, upos, lemma, rel, head string
}

func parsed(t *testing.T, p *Parser, body string) []tokenView {
	t.Helper()
	toks := tokens(t, body)
	p.ParseSentence(toks)
	checkTree(t, toks)
	out := make([]tokenView, len(toks))
	for i, tk := range toks {
		out[i] = tokenView{text: tk.Text, tag: tk.Tag, upos: tk.UPOS, lemma: tk.Lemma, rel: tk.Rel}
		if tk.Head > 0 {
			out[i].head = toks[tk.Head-1].Text
		}
	}
	return out
}

// Regular past forms ending in a doubled consonant: the lemma keeps the
// stem's letters ("shelled" → "shell"), and a doubled final consonant
// is undone only where the verb doubles it ("expelled" → "expel").
func TestNewsPastFormLemmas(t *testing.T) {
	checkLemmas(t, []lemmaCase{
		{"Artillery shelled the town of Avdiivka for hours.", "shelled", "shell"},
		{"Talks stalled in Doha after the second round.", "stalled", "stall"},
		{"Kenya expelled two Somali diplomats on Tuesday.", "expelled", "expel"},
		{"Jets bombed a bridge north of Sanaa.", "bombed", "bomb"},
		{"Peru recalled its ambassador from Mexico City.", "recalled", "recall"},
		{"Protesters filled the main square of Tbilisi.", "filled", "fill"},
		{"Militiamen killed nine villagers near Bunia.", "killed", "kill"},
		{"The minister travelled to Brussels for the summit.", "travelled", "travel"},
	})
}

// Plural nouns of actors and casualties lemmatise to their singular.
func TestNewsPluralNounLemmas(t *testing.T) {
	checkLemmas(t, []lemmaCase{
		{"Militias seized two towns in eastern Congo.", "Militias", "militia"},
		{"Refugees crossed into Chad from Darfur.", "Refugees", "refugee"},
		{"The army reported heavy casualties near Kharkiv.", "casualties", "casualty"},
		{"Colombian soldiers freed three hostages.", "hostages", "hostage"},
		{"Security forces dispersed the protesters in Dhaka.", "protesters", "protester"},
		{"Police detained several activists in Istanbul.", "activists", "activist"},
	})
}

type lemmaCase struct{ body, word, lemma string }

// checkLemmas parses each body with the built-in model and checks the
// lemma of its word.
func checkLemmas(t *testing.T, tests []lemmaCase) {
	t.Helper()
	p := builtin(t)
	for _, tc := range tests {
		w := tokNamed(t, parsed(t, p, tc.body), tc.word)
		if w.lemma != tc.lemma {
			t.Errorf("%s: lemma of %q is %q, want %q", tc.body, tc.word, w.lemma, tc.lemma)
		}
	}
}

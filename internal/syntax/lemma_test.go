package syntax

import "testing"

// A rule learnt from doubled consonants ("travelled" → "travel") does
// not cut a word whose stem the treebank knows ("shelled" → "shell",
// "shell" being a known lemma), and still applies where the shorter
// stem is the only one it knows.
func TestLemmatizerPrefersKnownLemmas(t *testing.T) {
	mk := func(form, lemma, xpos string) Word { return Word{Form: form, Lemma: lemma, XPOS: xpos, UPOS: "X"} }
	ss := []Sentence{{Words: []Word{
		mk("travelled", "travel", "VBD"), mk("labelled", "label", "VBD"), mk("cancelled", "cancel", "VBD"),
		mk("robbed", "rob", "VBD"), mk("grabbed", "grab", "VBD"), mk("climbed", "climb", "VBD"),
		mk("walked", "walk", "VBD"), mk("opened", "open", "VBD"), mk("called", "call", "VBD"),
		mk("shell", "shell", "NN"), mk("bomb", "bomb", "NN"), mk("model", "model", "NN"),
	}}}
	_, xpos, _ := tagClasses(ss)
	lz := trainLemmatizer(ss, xpos)
	xi := xposClasses(xpos)
	vbd := -1
	for i, x := range xpos {
		if x == "VBD" {
			vbd = xi[i]
		}
	}
	tests := []struct{ form, want string }{
		{"shelled", "shell"},      // "-elled" → "-el" gives no known lemma
		{"modelled", "model"},     // "-elled" → "-el" gives a known one
		{"quarrelled", "quarrel"}, // no known lemma either way: the longest ending's rule
		{"bombed", "bomb"},
		{"stabbed", "stab"},
		{"travelled", "travel"},
	}
	for _, tc := range tests {
		if got := lz.lemma(tc.form, vbd); got != tc.want {
			t.Errorf("lemma(%q, VBD) = %q, want %q", tc.form, got, tc.want)
		}
	}
}

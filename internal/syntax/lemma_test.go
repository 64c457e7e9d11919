package syntax

import (
	"strings"
	"testing"
)

// A rule learnt from doubled consonants ("travelled" → "travel") does
// not cut a word whose stem the treebank knows ("shelled" → "shell",
// "shell" being a known lemma), and still applies where the shorter
// stem is the only one it knows.
func TestLemmatizerPrefersKnownLemmas(t *testing.T) {
	lz, class := lemmatizerOf(
		"travelled travel VBD", "labelled label VBD", "cancelled cancel VBD",
		"robbed rob VBD", "grabbed grab VBD", "climbed climb VBD",
		"walked walk VBD", "opened open VBD", "called call VBD",
		"shell shell NN", "bomb bomb NN", "model model NN",
	)
	vbd := class["VBD"]
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

// An irregular past form that the treebank lists under one past tag
// only is lemmatised the same under the other and under the present
// and base tags the tagger may give it after a plural subject
// ("troops shot/VBP"); a form its own tag's rules or exceptions
// change keeps its own lemma. (The exceptions table holds only what the
// rules get wrong, so a present form equal to a past one, "saw", takes
// the past's lemma: the price of a table without every form.)
func TestLemmatizerPastFormsUnderOtherTags(t *testing.T) {
	lz, class := lemmatizerOf(
		"shot shoot VBN", "fled flee VBD", "struck strike VBD",
		"hit hit VBD", "fights fight VBZ", "walked walk VBD",
		"fight fight VBP", "attack attack VB", "sees see VBZ",
		"went go VBD", "goes go VBZ",
	)
	tests := []struct{ form, xpos, want string }{
		{"shot", "VBD", "shoot"}, // listed under VBN only
		{"shot", "VBP", "shoot"},
		{"shot", "VB", "shoot"},
		{"fled", "VBN", "flee"}, // listed under VBD only
		{"fled", "VBP", "flee"},
		{"struck", "VBP", "strike"},
		{"hit", "VBP", "hit"},
		{"fight", "VBP", "fight"},
		{"goes", "VBZ", "go"},
		{"went", "VBP", "go"},
		{"attack", "VB", "attack"},
	}
	for _, tc := range tests {
		if got := lz.lemma(tc.form, class[tc.xpos]); got != tc.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", tc.form, tc.xpos, got, tc.want)
		}
	}
	// Before setPast (a lemmatiser built outside a Parser) nothing changes.
	lz.past = nil
	if got := lz.lemma("shot", class["VBP"]); got != "shot" {
		t.Errorf("without setPast: lemma(shot, VBP) = %q, want shot", got)
	}
}

// lemmatizerOf trains a lemmatiser on one sentence of "form lemma XPOS"
// words, sets its past forms as a Parser does (setPast), and returns it
// with the class of each XPOS.
func lemmatizerOf(words ...string) (*lemmatizer, map[string]int) {
	var ws []Word
	for _, w := range words {
		f := strings.Fields(w)
		ws = append(ws, Word{Form: f[0], Lemma: f[1], XPOS: f[2], UPOS: "X"})
	}
	ss := []Sentence{{Words: ws}}
	_, xpos, _ := tagClasses(ss)
	lz := trainLemmatizer(ss, xpos)
	xi := xposClasses(xpos)
	lz.setPast(xpos, xi)
	class := map[string]int{}
	for i, x := range xpos {
		class[x] = xi[i]
	}
	return lz, class
}

// An irregular past form the treebank lacks, made of a prefix and one it
// has ("with" + "drew"), is a past tense with the compound's lemma; so is
// one the rules read as a lemma the treebank knows ("threw" → "throw").
// Words the treebank has as lemmas are not read so ("present" is not
// "pre" + "sent", "cold" not a past of "cell"), nor words in "-ed".
func TestLemmatizerCompoundPast(t *testing.T) {
	p := builtin(t)
	vbd, vbn := p.xcls[p.fin.vbd], p.xcls[p.fin.vbn]
	for _, tc := range []struct {
		form, lemma string
		past        bool
	}{
		{"withdrew", "withdraw", true},
		{"overthrew", "overthrow", true},
		{"upheld", "uphold", true},
		{"withheld", "withhold", true},
		{"underwent", "undergo", true},
		{"threw", "throw", true},
		{"present", "", false},
		{"veteran", "", false},
		{"cold", "", false},
		{"shelled", "shell", true},
	} {
		if got := p.lem.pastTense(tc.form, vbd, vbn); got != tc.past {
			t.Errorf("pastTense(%q) = %v, want %v", tc.form, got, tc.past)
		}
		if tc.lemma == "" {
			continue
		}
		if got := p.lem.lemma(tc.form, vbd); got != tc.lemma {
			t.Errorf("lemma(%q, VBD) = %q, want %q", tc.form, got, tc.lemma)
		}
	}
}

package events

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestLemmaMatch: patterns written in base form match inflected verbs
// and nouns through the tagger's lemma (irregular pasts, -ing, plural
// nouns), the lemma key (regular pasts the lemmatiser misspells) and an
// irregular form the lexicon lists as an alternative ("froze").
func TestLemmaMatch(t *testing.T) {
	for _, tt := range []struct {
		text string
		want want
	}{
		{"Kenya sent troops to Somalia on Tuesday.", want{"150", "KEN", "SOM", "asserted"}},
		{"Brazil sought talks with Argentina over the disputed dam.", want{"036", "BRA", "ARG", "asserted"}},
		{"The Iraqi foreign minister met his Turkish counterpart in Ankara on Monday.", want{"040", "IRQ", "TUR", "asserted"}},
		{"Venezuela is holding talks with Colombia about the border.", want{"040", "VEN", "COL", "asserted"}},
		{"Indonesian police arrested three Malaysian fishermen on Sunday.", want{"173", "IDN", "MYS", "asserted"}},
		{"The Argentine navy froze talks with Chile after the incident.", want{"160", "ARG", "CHL", "asserted"}},
		{"Mexico blamed Guatemala for the attack on its consulate.", want{"112", "MEX", "GTM", "asserted"}},
		{"Rwandan troops shelled positions of Congolese soldiers near Goma.", want{"194", "RWA", "", "asserted"}},
	} {
		a := codeText(t, tt.text, "2024-03-05")
		if !has(a, tt.want) {
			t.Errorf("%s\nwant %+v\ngot %s", tt.text, tt.want, dump(a))
		}
	}
}

func TestLemmaKey(t *testing.T) {
	for _, tt := range []struct {
		tok        model.Token
		lemma, key string
	}{
		{model.Token{Text: "blamed", Tag: "VBD", Lemma: "blam"}, "blam", "blam"},
		{model.Token{Text: "shelled", Tag: "VBN", Lemma: "shel"}, "shel", "shel"},
		{model.Token{Text: "rioted", Tag: "VBD", Lemma: "riote"}, "riote", "riot"},
		{model.Token{Text: "planes", Tag: "NNS", Lemma: "plane"}, "plane", ""},
		{model.Token{Text: "planes"}, "planes", ""},
		{model.Token{Text: "abused", Tag: "JJ", Lemma: "abused"}, "abused", "abus"},
		{model.Token{Text: "us", Tag: "PRP", Lemma: "we"}, "we", ""},
		{model.Token{Text: "use", Tag: "VB", Lemma: "use"}, "use", ""},
		{model.Token{Text: "Talks", Tag: "NNS"}, "talks", ""},
	} {
		low := tokenLemma(model.Token{Text: tt.tok.Text})
		lemma := tokenLemma(tt.tok)
		if lemma != tt.lemma {
			t.Errorf("%s: lemma %q, want %q", tt.tok.Text, lemma, tt.lemma)
		}
		if k := tokenKey(tt.tok, low, lemma); k != tt.key {
			t.Errorf("%s: key %q, want %q", tt.tok.Text, k, tt.key)
		}
	}
	for _, w := range []string{"blame", "shell", "riot", "abuse"} {
		if lemmaKey(w) == "" {
			t.Errorf("%s: empty key", w)
		}
	}
	if lemmaKey("blame") != "blam" || lemmaKey("shell") != "shel" || lemmaKey("riot") != "riot" || lemmaKey("abuse") != "abus" {
		t.Error("lemmaKey does not fold a final e or a doubled consonant")
	}
}

// An irregular past tense the tagger reads as a present form after a
// plural subject ("troops shot/VBP") has the past tense's lemma
// (internal/syntax's lemmatiser), so the verb's patterns match it.
func TestIrregularPastAfterPluralSubject(t *testing.T) {
	runObjects(t, []construction{
		{"Israeli troops shot two Palestinian journalists in Jenin.", want{"193", "ISRMIL", "PSE", ""}, nil},
		{"Sudanese soldiers shot three protesters in Omdurman.", want{"193", "SDNMIL", "SDNOPP", ""}, nil},
		{"Venezuelan guards shot a Colombian smuggler at the border.", want{"193", "VEN", "COL", ""}, nil},
		{"Burmese troops shot two monks near Mandalay.", want{"193", "MMRMIL", "", ""}, nil},
		{"Ethiopian soldiers shot four Eritrean refugees near Shire.", want{"193", "ETHMIL", "ERI", ""}, nil},
	})
}

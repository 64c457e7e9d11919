package events

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// parsedAny reports whether a sentence of a carries a dependency parse.
func parsedAny(a *model.Article) bool {
	for _, toks := range a.Tokens {
		for _, t := range toks {
			if t.Rel != "" {
				return true
			}
		}
	}
	return false
}

// TestParseGateCodedActors: the parse stage opens its gate for a
// sentence only when an entity mentioned in it carries an actor code
// (or a group noun stands for one). A name the actors stage left
// uncoded, such as a private person's, gives the parse nothing to make
// a source or target of, so that sentence is not parsed; the same
// sentence with a coded actor in its place is.
func TestParseGateCodedActors(t *testing.T) {
	for _, tc := range []struct{ coded, uncoded, name string }{
		{"He said Nigerian soldiers attacked the convoy on Sunday.", "He said Chukwuma Obiora attacked the convoy on Sunday.", "Chukwuma Obiora"},
		{"She said Indian police seized the documents on Monday.", "She said Rakesh Varadan seized the documents on Monday.", "Rakesh Varadan"},
		{"They said Colombian rebels stole two trucks last week.", "They said Marisol Quintero stole two trucks last week.", "Marisol Quintero"},
		{"He said the Polish government condemned the decision.", "He said Tomasz Wrobelski condemned the decision.", "Tomasz Wrobelski"},
		{"She said Iraqi forces shelled the village overnight.", "She said Layla Haddadin shelled the village overnight.", "Layla Haddadin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := codePipeline(t, tc.coded)
			if !parsedAny(a) {
				t.Errorf("%q: not parsed; entities %+v", tc.coded, a.Entities)
			}
			b := codePipeline(t, tc.uncoded)
			for _, e := range b.Entities {
				if model.Deref(e.Code) != "" {
					t.Fatalf("%q: %s coded %s: the case does not test a sentence without a coded actor", tc.uncoded, e.Name, *e.Code)
				}
			}
			if parsedAny(b) {
				t.Errorf("%q: parsed, with no coded actor; entities %+v", tc.uncoded, b.Entities)
			}
		})
	}
}

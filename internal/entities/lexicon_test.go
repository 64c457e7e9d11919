package entities

import (
	"io/fs"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestSharedDemonymIsStable: a demonym two countries share goes to the
// country countries.tsv lists first, on every load (it was decided by
// map iteration order, so one run read "Congolese" as the DR Congo and
// the next as the Republic of the Congo).
func TestSharedDemonymIsStable(t *testing.T) {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 8; i++ {
		lex, err := LoadLexicon(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct{ word, want string }{
			{"Congolese", "COD"}, {"Dominican", "DOM"}, {"Dominicans", "DOM"}, {"Nigerien", "NER"}, {"Nigerian", "NGA"},
		} {
			if got, _ := lex.Demonym(tc.word); got != tc.want {
				t.Fatalf("load %d: Demonym(%q) = %q, want %q", i, tc.word, got, tc.want)
			}
		}
	}
}

package events

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
)

// The conjunctions that join the targets of an act into a list are
// events/words.tsv's listJoins, words or phrases ("as well as"): each
// name they join is a target, a "neither ... nor" list is not extended,
// and a word a user root adds to the class joins targets as well.
func TestListJoinsFromLexicon(t *testing.T) {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	user := fstest.MapFS{"events/words.tsv": {Data: []byte("listJoins\tplus\n")}}
	plus, err := LoadLexicon(root, user)
	if err != nil {
		t.Fatal(err)
	}
	up := loadUpstream(t)
	cases := []struct {
		body           string
		lex            *Lexicon
		source, target string
		joined         bool // the act has target as well
	}{
		{"Ghana criticized Togo and Benin over the border closure.", up.lex, "GHA", "BEN", true},
		{"Argentina accused Chile or Uruguay of smuggling.", up.lex, "ARG", "URY", true},
		{"Peru praised Ecuador, Colombia and Brazil for the border accord.", up.lex, "PER", "COL", true},
		{"Kenya accused neither Uganda nor Tanzania of harbouring rebels.", up.lex, "KEN", "TZA", false},
		// a phrase of listJoins joins as a word does
		{"Nigeria thanked Ghana as well as Senegal for the relief aid.", up.lex, "NGA", "SEN", true},
		{"Brazil criticized Argentina as well as Paraguay over the new tariffs.", up.lex, "BRA", "PRY", true},
		{"Vietnam accused China as well as the Philippines of violating the agreement.", up.lex, "VNM", "PHL", true},
		{"Canada praised Mexico as well as Guatemala for the migration accord.", up.lex, "CAN", "GTM", true},
		{"Pakistan condemned India as well as Afghanistan after the border clashes.", up.lex, "PAK", "AFG", true},
		{"Japan criticized South Korea plus China over the fishing dispute.", up.lex, "JPN", "CHN", false},
		{"Japan criticized South Korea plus China over the fishing dispute.", plus, "JPN", "CHN", true},
	}
	for _, c := range cases {
		a := model.NewArticle()
		a.Body = c.body
		a.Published = model.Published{Date: model.Str("2025-01-10"), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
		for _, s := range up.stages {
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		if err := New(c.lex, DefaultOptions()).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if got := has(a, want{"", c.source, c.target, ""}); got != c.joined {
			t.Errorf("%q (user listJoins %v): act %s -> %s found %v, want %v; events %+v", c.body, c.lex == plus, c.source, c.target, got, c.joined, a.Events)
		}
	}
}

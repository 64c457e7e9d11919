package entities

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	namemodel "github.com/sitrep-project/sitrep/internal/names"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

// TestArcFeats: with a parser the training spans carry the arc features
// of where the name stands (its head's relation and governor, its case
// marker), and the sentence is parsed once, in place.
func TestArcFeats(t *testing.T) {
	h := namemodel.HashParts
	cases := []struct {
		body, name string
		want       uint64
	}{
		{"Ngozi Adebayo said the port would reopen on Monday.", "Ngozi Adebayo", h("a.gov=", "nsubj", " ", "say")},
		{"The convoy reached Nairobi before dawn on Tuesday.", "Nairobi", h("a.rel=", "obj")},
		{"Fighting resumed in Kharkiv after the talks collapsed.", "Kharkiv", h("a.case=", "obl", " ", "in")},
		{"Farmers near Cochabamba blocked the highway for a week.", "Cochabamba", h("a.case=", "nmod", " ", "near")},
		{"Officials in Dhaka and Jakarta met Lee Min-ho on Friday.", "Jakarta", h("a.rel=", "conj")},
	}
	p := texttest.Tagger(t)
	opts := DefaultOptions()
	opts.Parser = p
	rec := New(testLexicon(t), opts)
	for _, c := range cases {
		art := model.NewArticle()
		art.Body = c.body
		if err := text.New(tagged(t)).Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		got, err := rec.NameSamples(context.Background(), art)
		if err != nil {
			t.Fatal(err)
		}
		if !parsedSentence(art.Tokens[0]) {
			t.Errorf("%q: sentence not parsed", c.body)
		}
		found := false
		for _, s := range got {
			if s.Text != c.name {
				continue
			}
			found = true
			if len(s.ArcFeats) <= len(s.Feats) {
				t.Errorf("%q: %q has no arc features", c.body, c.name)
			}
			has := false
			for _, f := range s.ArcFeats {
				has = has || f == c.want
			}
			if !has {
				t.Errorf("%q: %q lacks the expected arc feature", c.body, c.name)
			}
		}
		if !found {
			t.Errorf("%q: no training span %q (got %v)", c.body, c.name, got)
		}
	}
	// without a parser nothing is parsed and no arc feature is made
	art := model.NewArticle()
	art.Body = cases[0].body
	if err := text.New(tagged(t)).Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	got, err := New(testLexicon(t), DefaultOptions()).NameSamples(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	if parsedSentence(art.Tokens[0]) {
		t.Error("parsed without a parser")
	}
	for _, s := range got {
		if s.ArcFeats != nil {
			t.Errorf("%q: arc features without a parser", s.Text)
		}
	}
}

package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// miniPipeline builds a pipeline of its own (CopiesParsed from 0) that
// codes with the mini dictionaries of internal/petrarch/testdata, alone
// or after sitrep's own coding (extend).
func miniPipeline(t testing.TB, extend, repanic bool) *Pipeline {
	t.Helper()
	opts := DefaultOptions()
	opts.Dictionaries = filepath.Join("..", "petrarch", "testdata", "mini")
	opts.ExtendEvents, opts.Repanic = extend, repanic
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCopiesParsed: with --dictionaries the dictionary stage parses its
// own copy of the tokens, which CopiesParsed counts (sitrep bench adds
// it to the parsed sentences the article carries); with
// --extend-events it parses none that the parse stage parsed, so the
// two never count a sentence twice.
func TestCopiesParsed(t *testing.T) {
	body := "Ruritania accused Borduria of shelling a border village on Monday.\n" +
		"The Syldavian government condemned the attack in a statement from Klow.\n" +
		"Officials in Szohod said they would meet Ruritanian envoys next week.\n" +
		"Heavy rain closed the coastal road for a second day.\n" +
		"Borduria and Syldavia signed a trade pact after talks in the capital.\n" +
		"Kenyan police arrested dozens of protesters in Nairobi on Friday.\n" +
		"Vietnam accused China of ramming a fishing boat near the Paracel Islands.\n" +
		"Malian soldiers were ambushed by gunmen near Gao, army officials said."
	for _, extend := range []bool{false, true} {
		p := miniPipeline(t, extend, false)
		if got := p.CopiesParsed(); got != 0 {
			t.Errorf("extend %v: %d copies parsed before any article", extend, got)
		}
		a := model.NewArticle()
		a.Published.Date = model.Str("2025-03-04")
		a.Body = body
		if err := p.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		copies, inArticle := int(p.CopiesParsed()), ParsedSentences(a)
		t.Logf("extend %v: %d sentences, %d parsed on the dictionary stage's copy, %d in the article", extend, len(a.Sentences), copies, inArticle)
		if copies == 0 {
			t.Errorf("extend %v: the dictionary stage parsed no sentence", extend)
		}
		if copies+inArticle > len(a.Sentences) {
			t.Errorf("extend %v: %d+%d parsed sentences of %d: one counted twice", extend, copies, inArticle, len(a.Sentences))
		}
		if extend && inArticle == 0 {
			t.Errorf("extend %v: sitrep's own parse stage parsed no sentence", extend)
		}
		before := p.CopiesParsed()
		b := model.NewArticle()
		b.Published.Date = model.Str("2025-03-04")
		b.Body = "Heavy rain closed the coastal road for a second day."
		if err := p.Process(context.Background(), b); err != nil {
			t.Fatal(err)
		}
		if got := p.CopiesParsed(); got != before {
			t.Errorf("extend %v: a sentence with no actor and no event word was parsed (%d → %d)", extend, before, got)
		}
	}
	if got := testPipeline(t, false).CopiesParsed(); got != 0 {
		t.Errorf("without dictionaries: %d copies parsed", got)
	}
}

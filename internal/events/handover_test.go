package events

import (
	"context"
	"io/fs"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/actors"
	"github.com/sitrep-project/sitrep/internal/model"
)

// TestParseStageHandsOver: the sentences the parse stage prepared to
// find the window reading's gaps are handed to the coder (not prepared
// twice), and the coder codes them exactly as it codes sentences it
// prepares itself after the parse.
func TestParseStageHandsOver(t *testing.T) {
	p := loadParser(t)
	up := loadUpstream(t)
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		"Villagers in central Mali were attacked by gunmen on Sunday, officials said.",
		"Latvia said it had expelled three Belarusian diplomats accused of spying.",
		"Peru, a founding member of the Andean pact, has refused to extradite the former minister to Bolivia.",
		"Protesters in Lebanon blocked roads near Beirut on Monday.",
		"The Japanese government condemned North Korea's latest missile launch.",
		"Nigerian troops killed 20 insurgents in Borno state, the army said.",
		"Thai police arrested three Cambodian loggers near the border.",
	} {
		code := func(handOver bool) (*model.Article, bool) {
			a := model.NewArticle()
			a.Body = body
			a.Published = model.Published{Date: model.Str("2025-03-10"), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
			coder := New(up.lex, DefaultOptions()).WithVerbs(phoenix)
			for _, s := range append(append([]model.Stage{}, up.stages...), actors.New(phoenix, root),
				&ParseStage{Parser: p, Coder: coder, Gaps: true, KeepTags: true}) {
				if err := s.Process(context.Background(), a); err != nil {
					t.Fatal(err)
				}
			}
			_, handed := coder.prepared.Load(a)
			if !handOver {
				coder.prepared.Delete(a)
			}
			if err := coder.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			if _, left := coder.prepared.Load(a); left {
				t.Errorf("%s: the handed-over sentences outlive Process", body)
			}
			return a, handed
		}
		with, handed := code(true)
		without, _ := code(false)
		if !handed {
			t.Errorf("%s: nothing handed over", body)
		}
		if len(with.Events) == 0 {
			t.Errorf("%s: no event", body)
		}
		if got, want := dump(with), dump(without); got != want {
			t.Errorf("%s: handed over\n%s\nprepared again\n%s", body, got, want)
		}
	}
}

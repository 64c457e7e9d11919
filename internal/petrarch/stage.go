package petrarch

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// CameoInfo looks up the Goldstein score, QuadClass and PLOVER coding of
// a CAMEO code; ok is false for codes outside the CAMEO table (the toy
// WEIS-style codes of old dictionaries), which the stage then skips.
type CameoInfo func(code string) (goldstein float64, quad int, plover model.Plover, ok bool)

// Stage codes every sentence of an article with loaded dictionaries, as
// PETRARCH would, and appends the codings to Article.Events. It needs the
// text stage's tokens. Dictionary codings carry actor codes but no entity
// ids; their event span is the whole sentence, their modality
// "asserted" and their date the publication date (PETRARCH codes no
// modality or time).
type Stage struct {
	Coder *Coder
	Info  CameoInfo
}

// Name implements model.Stage.
func (s *Stage) Name() string { return "petrarch" }

// Process implements model.Stage.
func (s *Stage) Process(ctx context.Context, a *model.Article) error {
	date := time.Now().UTC()
	if a.Published.Date != nil {
		for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
			if t, err := time.Parse(layout, *a.Published.Date); err == nil {
				date = t
				break
			}
		}
	}
	n := len(a.Events)
	for i, sent := range a.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		if i >= len(a.Tokens) {
			return fmt.Errorf("petrarch stage: sentence %d has no tokens (run the text stage first)", i)
		}
		if i == 0 && s.Coder.HasStoryDiscard(a.Tokens[0]) {
			return nil
		}
		for _, c := range s.Coder.CodeTokens(a.Tokens[i], date) {
			code := strings.TrimSpace(c.Code)
			gs, quad, plover, ok := s.Info(code)
			if !ok || c.Source == "" {
				continue
			}
			n++
			ev := model.Event{
				ID: fmt.Sprintf("v%d", n), Sentence: i, Start: sent.Start, End: sent.End,
				Source: model.Actor{Code: c.Source}, Cameo: code, Goldstein: gs, QuadClass: quad,
				Plover: plover, Modality: model.ModalityAsserted,
				Date:        model.EventDate{Value: a.Published.Date, Precision: a.Published.Precision},
				Attribution: []model.Attribution{},
				Verb:        "dictionary",
			}
			if c.Target != "" && c.Target != "---" {
				ev.Target = &model.Actor{Code: c.Target}
			}
			a.Events = append(a.Events, ev)
		}
	}
	return nil
}

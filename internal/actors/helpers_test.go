package actors_test

import (
	"context"
	"sync"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/actors"
	"github.com/sitrep-project/sitrep/internal/entities"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// stages are the text, timex and entity stages and the actors stage
// under test, built once (they are read-only and safe to share).
type stages struct {
	tx  model.Stage
	tm  model.Stage
	ent model.Stage
	act *actors.Stage
}

var built = sync.OnceValues(func() (*stages, error) {
	roots, err := pipeline.Roots(nil)
	if err != nil {
		return nil, err
	}
	tx, err := pipeline.NewText(pipeline.DefaultOptions()) // tagged as the pipeline tags
	if err != nil {
		return nil, err
	}
	tm, err := timex.NewFromLexicon(timex.DefaultOptions(), roots...)
	if err != nil {
		return nil, err
	}
	el, err := entities.LoadLexicon(roots...)
	if err != nil {
		return nil, err
	}
	std := petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions())
	act := actors.New(std, roots...)
	if err := act.Load(); err != nil {
		return nil, err
	}
	return &stages{tx: tx, tm: tm, ent: entities.New(el, entities.DefaultOptions()), act: act}, nil
})

func getStages(t testing.TB) *stages {
	t.Helper()
	s, err := built()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// analyze runs text, timex, entities and (with act) the actors stage on body
// published on date.
func analyze(t testing.TB, date, body string, act bool) *model.Article {
	t.Helper()
	s := getStages(t)
	a := &model.Article{Body: body, Published: model.Published{Date: model.Str(date), Precision: model.Str(model.PrecisionDay), Source: "metadata"}}
	list := []model.Stage{s.tx, s.tm, s.ent}
	if act {
		list = append(list, s.act)
	}
	for _, st := range list {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatalf("%s: %v", st.Name(), err)
		}
	}
	return a
}

// codeAt returns the code of the entity with a mention or affiliation
// whose text is exactly word ("" if none; "<none>" for a nil code).
func codeAt(a *model.Article, word string) (string, bool) {
	for _, e := range a.Entities {
		for _, m := range append(append([]model.Mention{}, e.Mentions...), e.Affiliations...) {
			if m.Text == word {
				if e.Code == nil {
					return "<none>", true
				}
				return *e.Code, true
			}
		}
	}
	return "", false
}

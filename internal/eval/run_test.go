package eval

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// failingRunner ingests one article per title and fails analysis of the
// titles in fail.
type failingRunner struct {
	titles []string
	fail   map[string]bool
}

func (f failingRunner) Ingest(context.Context, string) ([]*model.Article, error) {
	var out []*model.Article
	for _, t := range f.titles {
		a := model.NewArticle()
		a.Title = model.Str(t)
		a.Body = t + " reported."
		out = append(out, a)
	}
	return out, nil
}

func (f failingRunner) Analyze(_ context.Context, a *model.Article) error {
	if f.fail[model.Deref(a.Title)] {
		return errors.New("stage events: panic: index out of range")
	}
	return nil
}

// TestRunScoresPastAFailedArticle: one article that fails analysis is a
// failure of the report, and the articles after it are still scored.
func TestRunScoresPastAFailedArticle(t *testing.T) {
	g := &Gold{Articles: []GoldArticle{{ID: "a", Title: "Floods in Sylhet"}, {ID: "b", Title: "Strike in Lima"}}}
	r := failingRunner{titles: []string{"Floods in Sylhet", "Strike in Lima"}, fail: map[string]bool{"Floods in Sylhet": true}}
	rep, err := Run(context.Background(), g, r)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var analysis []Failure
	for _, f := range rep.Failures {
		if f.Kind == "analysis" {
			analysis = append(analysis, f)
		}
	}
	if len(analysis) != 1 || analysis[0].Article != "a" || !strings.Contains(analysis[0].What, "panic") {
		t.Fatalf("analysis failures %v, want one for article a", analysis)
	}
	if rep.Structure.Total < 2 {
		t.Errorf("structure counted %d articles, want both", rep.Structure.Total)
	}
}

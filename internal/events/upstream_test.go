package events

import (
	"context"
	"io/fs"
	"sync"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/entities"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// upstream holds the real earlier stages, loaded once per test binary.
type upstream struct {
	stages []model.Stage
	lex    *Lexicon
}

var (
	upOnce sync.Once
	upVal  upstream
	upErr  error
)

func loadUpstream(t testing.TB) upstream {
	t.Helper()
	upOnce.Do(func() {
		root, err := fs.Sub(sitrep.Lexicon, "lexicon")
		if err != nil {
			upErr = err
			return
		}
		tagger, err := syntax.Default() // as the pipeline tags
		if err != nil {
			upErr = err
			return
		}
		to := text.DefaultOptions()
		to.Tagger = tagger
		tx, err := text.NewFromLexicon(to, root)
		if err != nil {
			upErr = err
			return
		}
		tm, err := timex.NewFromLexicon(timex.DefaultOptions(), root)
		if err != nil {
			upErr = err
			return
		}
		elex, err := entities.LoadLexicon(root)
		if err != nil {
			upErr = err
			return
		}
		lex, err := LoadLexicon(root)
		if err != nil {
			upErr = err
			return
		}
		upVal = upstream{stages: []model.Stage{tx, tm, entities.New(elex, entities.DefaultOptions())}, lex: lex}
	})
	if upErr != nil {
		t.Fatal(upErr)
	}
	return upVal
}

// ingestFile reads a corpus file with a publication date, as `sitrep
// extract --published` would, and runs the stages before events.
func ingestFile(t testing.TB, path, published string) []*model.Article {
	t.Helper()
	up := loadUpstream(t)
	opts := ingest.DefaultOptions()
	opts.Published = published
	var arts []*model.Article
	err := ingest.Read(context.Background(), path, opts, func(a *model.Article) error {
		arts = append(arts, a)
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		for _, s := range up.stages {
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
	}
	return arts
}

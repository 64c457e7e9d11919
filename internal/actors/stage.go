package actors

import (
	"context"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// Stage resolves actor codes from the dictionaries (see the package
// documentation). It is safe for concurrent use; the tables load on the
// first article.
type Stage struct {
	std   *petrarch.Standard
	roots []fs.FS

	once sync.Once
	t    *tables
	err  error
	pool sync.Pool // *doc scratch
}

// New returns the stage over the dictionaries of std (the Phoenix set
// compiled in, typically shared with the events coder's verb fallback)
// and the overlay files (OverlayFile, GroupsFile) of each lexicon root.
func New(std *petrarch.Standard, roots ...fs.FS) *Stage {
	return &Stage{std: std, roots: roots}
}

// Name implements model.Stage.
func (s *Stage) Name() string { return "actors" }

// Load reads the tables now rather than on the first article (for
// benchmarks and `sitrep bench`, which time loading apart).
func (s *Stage) Load() error {
	s.once.Do(func() { s.t, s.err = loadTables(s.std, s.roots) })
	return s.err
}

// Process implements model.Stage: it recodes the article's people and
// organisations and adds the actors the entity stage did not find.
func (s *Stage) Process(ctx context.Context, a *model.Article) error {
	if len(a.Sentences) == 0 {
		return nil
	}
	if err := s.Load(); err != nil {
		return err
	}
	if len(a.Tokens) < len(a.Sentences) {
		return fmt.Errorf("actors: %d sentences but tokens for %d (run the text stage first)", len(a.Sentences), len(a.Tokens))
	}
	d, _ := s.pool.Get().(*doc)
	if d == nil {
		d = &doc{}
	}
	d.reset(s.t, a, articleDate(a))
	defer s.pool.Put(d)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.recode()
	if err := ctx.Err(); err != nil {
		return err
	}
	d.discover()
	d.commit()
	return nil
}

// articleDate is the publication date, today when unknown (most text is
// news).
func articleDate(a *model.Article) time.Time {
	if t, _, ok := model.ParseDate(model.Deref(a.Published.Date)); ok {
		return t
	}
	return time.Now().UTC()
}

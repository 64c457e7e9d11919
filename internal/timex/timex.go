package timex

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"time"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text/lexfile"
)

// Options configures the Resolver.
type Options struct {
	// CueWindow is how many words before an expression are searched for a
	// future cue ("will", "plans to").
	CueWindow int
}

// DefaultOptions returns the options sitrep uses.
func DefaultOptions() Options { return Options{CueWindow: 6} }

// Resolver finds and resolves time expressions. It is safe for concurrent
// use.
type Resolver struct {
	opts Options
	cues map[string][]string // word → following words it needs ("" for none)
}

const cuesFile = "timex/future_cues.tsv"

// New returns a Resolver with the built-in lexicon.
func New(opts Options) *Resolver {
	sub, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err == nil {
		var r *Resolver
		if r, err = NewFromLexicon(opts, sub); err == nil {
			return r
		}
	}
	panic(fmt.Sprintf("timex: built-in lexicon: %v", err))
}

// NewFromLexicon returns a Resolver whose future cues come from roots laid
// out like the repo's lexicon/ directory (timex/future_cues.tsv).
func NewFromLexicon(opts Options, roots ...fs.FS) (*Resolver, error) {
	r := &Resolver{opts: opts, cues: map[string][]string{}}
	for _, root := range roots {
		if err := lexfile.ReadLines(root, cuesFile, func(line string) error {
			f, err := lexfile.Fields(line, 2)
			if err != nil {
				return fmt.Errorf("want word<TAB>next-word or -: %w", err)
			}
			next := strings.ToLower(f[1])
			if next == "-" {
				next = ""
			}
			w := strings.TrimPrefix(strings.ToLower(f[0]), "'")
			r.cues[w] = append(r.cues[w], next)
			return nil
		}); err != nil {
			return nil, fmt.Errorf("timex lexicon: %w", err)
		}
	}
	return r, nil
}

// Name identifies the stage.
func (r *Resolver) Name() string { return "timex" }

// Process fills art.Times from art.Sentences, anchored on the publication
// date when it is known to the day.
func (r *Resolver) Process(ctx context.Context, art *model.Article) error {
	pub := PublicationDate(art.Published)
	times := make([]model.Time, 0, 4)
	f := finder{r: r}
	for i, s := range art.Sentences {
		if i&63 == 63 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("timex: %w", err)
			}
		}
		times = append(times, f.find(s.Text, s.Start, i, pub)...)
	}
	art.Times = times
	return nil
}

// PublicationDate returns the article's publication day, or nil when it is
// unknown or not known to the day.
func PublicationDate(p model.Published) *time.Time {
	if p.Date == nil || len(*p.Date) != len("2006-01-02") {
		return nil
	}
	t, err := time.Parse("2006-01-02", *p.Date)
	if err != nil {
		return nil
	}
	return &t
}

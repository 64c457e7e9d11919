package eval

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Runner is the part of the pipeline eval drives: Ingest reads the
// corpus into articles without any --published date (so the date
// inference can be checked), Analyze runs every later stage on one.
type Runner interface {
	Ingest(ctx context.Context, path string) ([]*model.Article, error)
	Analyze(ctx context.Context, a *model.Article) error
}

// Run scores a pipeline against a gold file. Each gold article is matched
// to an ingested article by title (then by position); it is scored once
// as ingested (publication date inference) and once with the gold
// publication date given as a flag would give it (everything else).
func Run(ctx context.Context, g *Gold, r Runner) (*Report, error) {
	arts, err := r.Ingest(ctx, g.CorpusPath())
	if err != nil {
		return nil, fmt.Errorf("ingest corpus: %w", err)
	}
	rep := &Report{}
	used := make([]bool, len(arts))
	for gi, ga := range g.Articles {
		ai := matchArticle(arts, used, ga.Title, gi)
		if ai < 0 {
			rep.Failures = append(rep.Failures, Failure{ga.ID, "structure", "article not found in the corpus", ""})
			rep.Structure.add(false)
			rep.Recall.Total += len(ga.Events.Required)
			continue
		}
		used[ai] = true
		a := arts[ai]
		rep.ScorePublished(ga.ID, a, ga)

		dated := *a
		if ga.Published != "" {
			d, prec := ga.Published, precisionOf(ga.Published)
			dated.Published = model.Published{Date: &d, Precision: &prec, Source: model.DateFromFlag}
		}
		if err := r.Analyze(ctx, &dated); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// One article that fails analysis is scored as missing
			// everything it should have, not a reason to lose the report.
			rep.Failures = append(rep.Failures, Failure{ga.ID, "analysis", err.Error(), ""})
			rep.Structure.add(false)
			rep.Recall.Total += len(ga.Events.Required)
			continue
		}
		rep.ScoreStructure(ga.ID, &dated, ga)
		rep.ScoreEntities(ga.ID, &dated, ga)
		rep.ScoreTimes(ga.ID, &dated, ga)
		rep.ScoreQuotes(ga.ID, &dated, ga)
		rep.ScoreEvents(ga.ID, &dated, ga)
	}
	return rep, nil
}

func precisionOf(date string) string {
	switch len(date) {
	case 4:
		return model.PrecisionYear
	case 7:
		return model.PrecisionMonth
	}
	return model.PrecisionDay
}

func matchArticle(arts []*model.Article, used []bool, title string, pos int) int {
	for i, a := range arts {
		if !used[i] && title != "" && strings.EqualFold(normQuotes(model.Deref(a.Title)), normQuotes(title)) {
			return i
		}
	}
	if pos < len(arts) && !used[pos] {
		return pos
	}
	return -1
}

// Write prints the summary and, when failures is true, every failure
// with its sentence.
func (r *Report) Write(w io.Writer, failures bool) {
	line := func(name string, c Counts) {
		fmt.Fprintf(w, "%-22s %6.3f  (%d/%d)\n", name, c.Ratio(), c.Hit, c.Total)
	}
	fmt.Fprintln(w, "sitrep eval")
	line("events recall", r.Recall)
	line("events precision", r.Precision)
	fmt.Fprintf(w, "%-22s %6d\n", "forbidden hits", r.Forbidden)
	line("entities", r.Entities)
	line("entities not found ok", r.NotEntities)
	line("coreference", r.Coreference)
	line("times", r.Times)
	line("quantities", r.Quantities)
	line("quotes", r.Quotes)
	line("published (no flag)", r.Published)
	line("structure", r.Structure)
	if failures && len(r.Failures) > 0 {
		fmt.Fprintf(w, "\n%d failures:\n", len(r.Failures))
		for _, f := range r.Failures {
			fmt.Fprintln(w, "  "+f.String())
		}
	}
}

// Passes reports whether the run meets the acceptance bars.
func (r *Report) Passes(minRecall, minPrecision float64) bool {
	return r.Recall.Ratio() >= minRecall && r.Precision.Ratio() >= minPrecision && r.Forbidden == 0
}

package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/sitrep-project/sitrep/internal/eval"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// EvalCmd scores the pipeline against gold files.
type EvalCmd struct {
	Gold         []string `arg:"" name:"GOLD" help:"Gold annotation files (format of shared/gold/seed.yaml)."`
	Quiet        bool     `help:"Print only the summary, not each failure."`
	MinRecall    float64  `help:"Exit 1 when required-event recall is below this." default:"0"`
	MinPrecision float64  `help:"Exit 1 when event precision is below this." default:"0"`
}

// Help implements kong.HelpProvider.
func (EvalCmd) Help() string {
	return `Runs the corpus each gold file names through the pipeline (once without and once with the
gold publication dates) and prints precision, recall, forbidden hits and every failure with
its sentence. Exit status 1 when forbidden events are produced or a --min bar is missed.

Example:
  sitrep eval ../shared/gold/seed.yaml --min-recall 1 --min-precision 0.9`
}

func (c *EvalCmd) Run(ctx context.Context, g *Globals) error {
	p, err := g.pipeline()
	if err != nil {
		return err
	}
	failed := false
	for _, path := range c.Gold {
		gold, err := eval.LoadGold(path)
		if err != nil {
			return err
		}
		rep, err := eval.Run(ctx, gold, pipeline.EvalRunner{Pipeline: p, Options: ingest.DefaultOptions()})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if len(c.Gold) > 1 {
			fmt.Fprintf(g.stdout, "== %s\n", path)
		}
		rep.Write(g.stdout, !c.Quiet)
		if !rep.Passes(c.MinRecall, c.MinPrecision) {
			failed = true
		}
	}
	if failed {
		return exitError{code: 1, msg: "below the bar (recall, precision or forbidden events)"}
	}
	return nil
}

// BenchCmd measures whole-pipeline throughput.
type BenchCmd struct {
	Inputs     []string      `arg:"" optional:"" name:"PATH" help:"Inputs to analyse (default: testdata/sample)."`
	Duration   time.Duration `help:"How long each round keeps analysing." default:"5s"`
	Rounds     int           `help:"Rounds to measure; the median round is reported (a shared machine varies by 10-20% from one run to the next)." default:"3"`
	Store      bool          `help:"Also store each article in a fresh temporary SQLite database."`
	Batch      int           `help:"Articles per store transaction with --store." default:"256"`
	CPUProfile string        `name:"cpuprofile" help:"Write a CPU profile of the measured rounds to this file (for go tool pprof)." type:"path"`
	Procs      int           `help:"GOMAXPROCS while measuring: 1 keeps the garbage collector and the store on the measured core, so the figures are per core." default:"1"`
	Partial    bool          `help:"End a round as soon as --duration is up, in the middle of a pass over the inputs (by default a round then finishes its pass, so that every round, and every build compared, measures the same articles)."`
}

// Help implements kong.HelpProvider.
func (BenchCmd) Help() string {
	return `Reads the inputs once, then runs the analysis stages over their articles repeatedly on
one goroutine for --duration and then to the end of the pass over the inputs (see
--partial), --rounds times, and prints MB/s of body text and sentences/s per core for each
round and for the median round (GOMAXPROCS=1 while measuring, so the garbage collector
counts too; see --procs), then sentences per CPU second (steadier than wall time on a
shared machine) and the share of sentences parsed (with --dictionaries, those the
dictionary stage parsed on its own copy of the tokens too). With --store, each
round stores into a fresh SQLite file. Models, lexicons and gazetteers are loaded before
the first round.

Example:
  sitrep bench --duration 10s --rounds 5 --store testdata/sample
  sitrep bench --store --cpuprofile cpu.pprof && go tool pprof -top bin/sitrep cpu.pprof`
}

func (c *BenchCmd) Run(ctx context.Context, g *Globals) error {
	if len(c.Inputs) == 0 {
		c.Inputs = []string{filepath.Join("testdata", "sample")}
	}
	inputs, err := expandInputs(c.Inputs)
	if err != nil {
		return err
	}
	p, err := g.pipeline()
	if err != nil {
		return err
	}
	var raw []*model.Article
	ingestStart := time.Now()
	var rawBytes int64
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil {
			rawBytes += st.Size()
		}
		err := ingest.Read(ctx, in, ingest.DefaultOptions(), func(a *model.Article) error {
			raw = append(raw, a)
			return nil
		}, func(err error) { fmt.Fprintln(g.stderr, "error:", err) })
		if err != nil {
			fmt.Fprintln(g.stderr, "error:", err)
		}
	}
	ingestTime := time.Since(ingestStart)
	if len(raw) == 0 {
		return fmt.Errorf("no articles in %v", c.Inputs)
	}
	// Load what the stages load lazily (gazetteer, dictionaries, parse
	// model) before measuring, as ingest does: a one-time cost, not
	// throughput.
	if err := p.Warm(ctx); err != nil {
		return err
	}
	if c.Store {
		warmRegions()
	}
	if c.Procs > 0 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(c.Procs))
	}
	fmt.Fprintf(g.stdout, "sitrep bench: %d inputs, %d articles (%.1f KB of body) on 1 goroutine, GOMAXPROCS=%d, lexicon load %s\n",
		len(inputs), len(raw), float64(totalBody(raw))/1024, runtime.GOMAXPROCS(0), p.LoadTime.Round(time.Millisecond))
	fmt.Fprintf(g.stdout, "ingest      %8.2f MB/s raw input\n", float64(rawBytes)/1e6/ingestTime.Seconds())
	what := "analysis"
	if c.Store {
		what = "analysis+store"
	}
	if c.CPUProfile != "" {
		f, err := os.Create(c.CPUProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile %s: %w", c.CPUProfile, err)
		}
		defer pprof.StopCPUProfile()
	}
	var rounds []benchRound
	for r := range max(c.Rounds, 1) {
		br, err := c.round(ctx, p, raw)
		if err != nil {
			return err
		}
		rounds = append(rounds, br)
		if c.Rounds > 1 {
			br.write(g.stdout, fmt.Sprintf("round %d", r+1))
		}
	}
	slices.SortFunc(rounds, func(a, b benchRound) int { return cmp.Compare(a.rate(a.sentences), b.rate(b.sentences)) })
	rounds[len(rounds)/2].write(g.stdout, what)
	return nil
}

// warmRegions builds the store's gazetteer of first-level divisions,
// which the store builds once per process on the first event placed in
// a city, so that no measured round pays for it.
func warmRegions() {
	lat, lon := 45.75, 4.85
	place := &model.Entity{Name: "Lyon", Precision: "city", Country: model.Str("FRA"), Lat: &lat, Lon: &lon}
	var r store.Regions
	r.Of(&model.Location{Name: place.Name, Lat: &lat, Lon: &lon, Country: place.Country}, place)
}

// benchRound is what one round of sitrep bench analysed.
type benchRound struct {
	bytes, sentences, articles, events int
	parsed                             int // sentences parsed (the articles' and the dictionary stage's copies)
	seconds                            float64
	cpu                                float64 // process CPU seconds (user+system)
}

func (r benchRound) rate(n int) float64 { return float64(n) / r.seconds }

func (r benchRound) write(w io.Writer, label string) {
	fmt.Fprintf(w, "%-14s %8.2f MB/s  %10.0f sentences/s  %8.0f articles/s  %8.0f events/s  (per core)\n",
		label, r.rate(r.bytes)/1e6, r.rate(r.sentences), r.rate(r.articles), r.rate(r.events))
	if r.cpu > 0 && r.sentences > 0 {
		fmt.Fprintf(w, "%-14s %10.0f sentences per CPU second, %.1f%% of sentences parsed\n",
			"", float64(r.sentences)/r.cpu, 100*float64(r.parsed)/float64(r.sentences))
	}
}

// round analyses (and stores) raw's articles over and over for
// c.Duration.
func (c *BenchCmd) round(ctx context.Context, p *pipeline.Pipeline, raw []*model.Article) (benchRound, error) {
	var r benchRound
	var st store.Store
	if c.Store {
		dir, err := os.MkdirTemp("", "sitrep-bench")
		if err != nil {
			return r, err
		}
		defer os.RemoveAll(dir)
		s, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"), sqlite.DefaultOptions())
		if err != nil {
			return r, err
		}
		defer s.Close()
		st = s
	}
	var pending []*model.Article
	copies0 := p.CopiesParsed()
	cpu0 := cpuSeconds()
	start := time.Now()
	// Whole passes: a slower build or a busier hour would otherwise
	// measure fewer articles, from the start of the inputs only.
	for i := 0; (time.Since(start) < c.Duration || !c.Partial && i%len(raw) != 0) && ctx.Err() == nil; i++ {
		src := raw[i%len(raw)]
		a := *src
		a.Sentences, a.Tokens, a.Entities, a.Times, a.Quantities, a.Quotes, a.Events = nil, nil, nil, nil, nil, nil, nil
		if err := p.Process(ctx, &a); err != nil {
			return r, err
		}
		r.parsed += pipeline.ParsedSentences(&a)
		if st != nil {
			// A fresh id per round so every write is a real insert.
			a.ID = fmt.Sprintf("%s-%d", src.ID, i)
			a.Tokens = nil // as the ingest Runner does
			pending = append(pending, &a)
			if len(pending) >= c.Batch {
				if err := putAll(ctx, st, pending); err != nil {
					return r, err
				}
				pending = nil // the store may keep the slice until commit
			}
		}
		r.bytes += len(a.Body)
		r.sentences += len(a.Sentences)
		r.events += len(a.Events)
		r.articles++
	}
	if st != nil {
		if err := putAll(ctx, st, pending); err != nil {
			return r, err
		}
	}
	r.seconds = time.Since(start).Seconds()
	r.cpu = cpuSeconds() - cpu0
	// with --dictionaries, the dictionary stage parses its own copy of
	// the tokens, which the articles do not carry
	r.parsed += int(p.CopiesParsed() - copies0)
	return r, nil
}

func totalBody(as []*model.Article) int {
	n := 0
	for _, a := range as {
		n += len(a.Body)
	}
	return n
}

// putAll stores articles, in one transaction when the store can.
func putAll(ctx context.Context, st store.Store, arts []*model.Article) error {
	if bp, ok := st.(store.BatchPutter); ok {
		_, err := bp.PutArticles(ctx, arts)
		return err
	}
	for _, a := range arts {
		if _, err := st.PutArticle(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/store"
)

// InputFlags are the flags of commands that read raw news.
type InputFlags struct {
	Published string `help:"Publication date for every article (YYYY-MM-DD, YYYY-MM or YYYY); overrides metadata and inference."`
	Extractor string `help:"HTML main-text extractor (readability scored best on our test pages)." default:"readability" enum:"readability,trafilatura,trafilatura-fast"`
}

func (f InputFlags) options() (ingest.Options, error) {
	o := ingest.DefaultOptions()
	if f.Published != "" {
		if !validDate(f.Published) {
			return o, fmt.Errorf("--published %q: want YYYY-MM-DD, YYYY-MM or YYYY", f.Published)
		}
		o.Published = f.Published
	}
	o.Extractor = f.Extractor
	return o, nil
}

func validDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// IngestCmd ingests inputs into the database.
type IngestCmd struct {
	InputFlags
	Inputs []string `arg:"" name:"PATH|URL" help:"Files, directories (read recursively) or http(s) URLs: text dumps, HTML, RSS/Atom, WARC(.gz), JSONL."`
	QueueFlags
	Quiet bool `help:"No progress bar."`
	Batch int  `help:"Articles stored per transaction (each article stays all-or-nothing)." default:"256"`
}

// Help implements kong.HelpProvider.
func (IngestCmd) Help() string {
	return `Each input is read, split into articles, analysed (entities, events, ...) and stored.
Re-ingesting the same article changes nothing. A bad input is reported with its file and
position; the other inputs still go in.

Examples:
  sitrep ingest testdata/sample
  sitrep ingest --published 2024-06-14 dump.txt https://example.org/feed.xml
  sitrep ingest --queue nats://127.0.0.1:4222 crawl.warc.gz`
}

// expandInputs turns directories into the files below them (sorted) and
// keeps URLs and files as they are.
func expandInputs(inputs []string) ([]string, error) {
	var out []string
	for _, in := range inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			out = append(out, in)
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			return nil, fmt.Errorf("input: %w", err)
		}
		if !st.IsDir() {
			out = append(out, in)
			continue
		}
		var files []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != in {
				return filepath.SkipDir
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") && !strings.HasSuffix(d.Name(), ".yaml") && !strings.HasSuffix(d.Name(), ".md") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", in, err)
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

func (c *IngestCmd) Run(ctx context.Context, g *Globals) error {
	opts, err := c.options()
	if err != nil {
		return err
	}
	inputs, err := expandInputs(c.Inputs)
	if err != nil {
		return err
	}
	if c.Queue != "" { // --queue: publish raw documents for the workers instead of processing here
		return publishInputs(ctx, g, c.config(), inputs, opts)
	}
	st, p, err := g.openWork(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	engine := newAlertEngine(st, g)
	var bar *progressbar.ProgressBar
	if !c.Quiet && len(inputs) > 1 && isTerminal(g.stderr) {
		bar = progressbar.NewOptions(len(inputs), progressbar.OptionSetWriter(g.stderr),
			progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	r := &pipeline.Runner{
		Pipeline: p, Ingest: opts, Store: st, Batch: c.Batch,
		OnError: func(err error) {
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintln(g.stderr, "error:", err)
		},
		Emit: func(a *model.Article, res store.PutResult) error {
			if res.Inserted && engine != nil {
				if _, err := engine.Check(ctx, a); err != nil {
					g.log.Warn("alert check failed", "article", a.ID, "err", err)
				}
			}
			return nil
		},
	}
	start := time.Now()
	for _, in := range inputs {
		if ctx.Err() != nil {
			break
		}
		if err := r.Source(ctx, in); err != nil && ctx.Err() != nil {
			return err
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	s := r.Summary()
	fmt.Fprintf(g.stdout, "ingested %d inputs in %s: %d articles (%d new, %d already stored, %d near-duplicates), %d sentences, %d events, %d errors\n",
		s.Inputs, time.Since(start).Round(time.Millisecond), s.Articles, s.New, s.AlreadyStored, s.NearDuplicates, s.Sentences, s.Events, len(s.Errors))
	fmt.Fprintf(g.stdout, "database: %s\n", g.DB)
	if len(s.Errors) > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("%d inputs or records failed (see above); everything else was stored", len(s.Errors))}
	}
	return ctx.Err()
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// ExtractCmd prints the JSON documents of a file without a database.
type ExtractCmd struct {
	InputFlags
	Inputs []string `arg:"" name:"FILE" help:"Files or URLs to extract."`
	Format string   `help:"Output format." default:"json" enum:"json"`
	Pretty bool     `help:"Indent the JSON (one article per block instead of per line)."`
}

// Help implements kong.HelpProvider.
func (ExtractCmd) Help() string {
	return `Prints JSON Lines, one article per line, in the contract of docs/output.md.
Nothing is stored.

Example:
  sitrep extract ../shared/seed/000_8bdc426c88a831b7.txt --format json --published 2024-06-14`
}

func (c *ExtractCmd) Run(ctx context.Context, g *Globals) error {
	opts, err := c.options()
	if err != nil {
		return err
	}
	p, err := g.pipeline()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(g.stdout)
	enc.SetEscapeHTML(false)
	if c.Pretty {
		enc.SetIndent("", "  ")
	}
	r := &pipeline.Runner{
		Pipeline: p, Ingest: opts,
		OnError: func(err error) { fmt.Fprintln(g.stderr, "error:", err) },
		Emit:    func(a *model.Article, _ store.PutResult) error { return enc.Encode(a) },
	}
	for _, in := range c.Inputs {
		_ = r.Source(ctx, in)
	}
	if n := len(r.Summary().Errors); n > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("%d inputs or records failed", n)}
	}
	return nil
}

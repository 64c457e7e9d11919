package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
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
		if _, ok := ingest.ParseDate(f.Published); !ok {
			return o, fmt.Errorf("--published %q: want YYYY-MM-DD, YYYY-MM or YYYY", f.Published)
		}
		o.Published = f.Published
	}
	o.Extractor = f.Extractor
	return o, nil
}

// IngestCmd ingests inputs into the database.
type IngestCmd struct {
	InputFlags
	Inputs []string `arg:"" name:"PATH|URL" help:"Files, directories (read recursively) or http(s) URLs: text dumps, HTML, RSS/Atom, WARC(.gz), JSONL."`
	QueueFlags
	Quiet      bool   `help:"No progress bar."`
	Batch      int    `help:"Articles stored per transaction (each article stays all-or-nothing)." default:"256"`
	MemProfile string `name:"memprofile" help:"Write a heap profile at the end of the run, after a collection (for go tool pprof -sample_index=inuse_space)." type:"path"`
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

// expandInputs is expandEach for commands that stop at the first
// unreadable input (bench).
func expandInputs(inputs []string) ([]string, error) {
	out, errs := expandEach(inputs)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return out, nil
}

// expandEach turns directories into the files below them (sorted) and
// keeps URLs and files as they are. A path that cannot be read (missing,
// mistyped, unreadable directory) is an error for that input only: the
// others are still returned, and the caller reports the errors.
func expandEach(inputs []string) (out []string, errs []error) {
	for _, in := range inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") || in == "-" {
			out = append(out, in)
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			errs = append(errs, fmt.Errorf("input %w", err))
			continue
		}
		if !st.IsDir() {
			out = append(out, in)
			continue
		}
		var files []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("input %w", err))
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
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
			errs = append(errs, fmt.Errorf("walk %s: %w", in, err))
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, errs
}

// Soft memory limits that the commands running the pipeline (extract,
// ingest, serve, worker) set when $GOMEMLIMIT is unset, before the live
// heap the pipeline options add (pipeline.HeapAllowance: --dictionaries).
// Their input is streamed and one article is capped
// (ingest.DefaultMaxArticleBytes), so the live heap stays small; but at
// sitrep's GC target (pipeline.GCPercent, 400) the heap may grow to five
// times the live data before it is collected. The limit makes the
// collector run instead, so RSS stays under 300 MB whatever the input
// (docs/performance.md, Ingest memory). ingest's, serve's and worker's
// are lower because SQLite's page cache (storingCacheKiB per connection,
// serve's --sqlite-cache-mib) and a transaction's FTS5 segments live
// outside the Go heap, where the limit cannot see them. serve's is room
// for the lexicons, one upload's batch and the dashboard's queries.
const (
	extractMemLimit = 200 << 20
	ingestMemLimit  = 160 << 20
	serveMemLimit   = 160 << 20
	workerMemLimit  = ingestMemLimit // analyses and stores as ingest does
)

// limitMemory sets the soft memory limit, unless $GOMEMLIMIT is set, to
// the command's own base and the live heap the pipeline g's flags
// configure adds (pipeline.HeapAllowance): every command that runs the
// pipeline (extract, ingest, serve, worker) calls it before it analyses.
func (g *Globals) limitMemory(base int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(base + pipeline.HeapAllowance(g.pipelineOptions()))
	}
}

// progress draws one bar over all inputs by bytes read, naming the
// current input and how many articles it gave so far. It draws nothing
// unless stderr is a terminal.
type progress struct {
	bar   *progressbar.ProgressBar
	done  int64 // bytes of the inputs finished
	sizes map[string]int64
}

func newProgress(g *Globals, quiet bool, inputs []string) *progress {
	if quiet || !isTerminal(g.stderr) {
		return nil
	}
	p := &progress{sizes: map[string]int64{}}
	total := int64(0)
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil || st.IsDir() {
			total = -1 // a URL or stdin: size unknown
			break
		}
		p.sizes[in] = st.Size()
		total += st.Size()
	}
	p.bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(g.stderr),
		progressbar.OptionSetDescription("ingest"), progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish())
	return p
}

// update is an ingest.Options.Progress callback.
func (p *progress) update(ev ingest.Progress) {
	if p == nil {
		return
	}
	p.bar.Describe(fmt.Sprintf("%s: %d articles", filepath.Base(ev.Source), ev.Records))
	_ = p.bar.Set64(p.done + ev.Bytes)
}

// next moves the bar past a finished input.
func (p *progress) next(in string) {
	if p == nil {
		return
	}
	p.done += p.sizes[in]
	_ = p.bar.Set64(p.done)
}

func (p *progress) clear() {
	if p != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p != nil {
		_ = p.bar.Finish()
	}
}

func (c *IngestCmd) Run(ctx context.Context, g *Globals) error {
	opts, err := c.options()
	if err != nil {
		return err
	}
	inputs, inputErrs := expandEach(c.Inputs)
	for _, err := range inputErrs {
		fmt.Fprintln(g.stderr, "error:", err)
	}
	if c.Queue != "" { // --queue: publish raw documents for the workers instead of processing here
		if err := publishInputs(ctx, g, c.config(), inputs, opts); err != nil {
			return err
		}
		return inputsFailed(len(inputErrs), "the other inputs were published")
	}
	g.limitMemory(ingestMemLimit)
	st, p, err := g.openWork(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := p.Warm(ctx); err != nil {
		return err
	}
	engine := newAlertEngine(st, g)
	bar := newProgress(g, c.Quiet, inputs)
	opts.Progress = bar.update
	r := &pipeline.Runner{
		Pipeline: p, Ingest: opts, Store: st, Batch: c.Batch,
		OnError: func(err error) {
			bar.clear()
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
		bar.next(in)
	}
	bar.finish()
	if err := writeHeapProfile(c.MemProfile); err != nil {
		return err
	}
	s := r.Summary()
	failed := len(s.Errors) + len(inputErrs)
	fmt.Fprintf(g.stdout, "ingested %d inputs in %s: %d articles (%d new, %d already stored, %d near-duplicates), %d sentences, %d events, %d errors (%d articles failed analysis)\n",
		s.Inputs, time.Since(start).Round(time.Millisecond), s.Articles, s.New, s.AlreadyStored, s.NearDuplicates, s.Sentences, s.Events, failed, s.Failed)
	fmt.Fprintf(g.stdout, "database: %s\n", g.DB)
	if err := inputsFailed(failed, "everything else was stored"); err != nil {
		return err
	}
	return ctx.Err()
}

// writeHeapProfile writes the in-use heap, after a collection, to path
// ("" writes nothing): what stays resident once the models are loaded
// and the inputs read (docs/performance.md, Ingest memory).
func writeHeapProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("memprofile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("memprofile: %w", err)
	}
	return f.Close()
}

// inputsFailed is the exit status of a run in which n inputs or records
// failed: 1 when some did, so that scripts see it.
func inputsFailed(n int, rest string) error {
	if n == 0 {
		return nil
	}
	return exitError{code: 1, msg: fmt.Sprintf("%d inputs or records failed (see above); %s", n, rest)}
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
	Tokens bool     `help:"Add each sentence's tokens: byte span, text, Penn tag, UPOS, lemma and, where the sentence was parsed, head and relation (docs/output.md)."`
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
	inputs, inputErrs := expandEach(c.Inputs)
	for _, err := range inputErrs {
		fmt.Fprintln(g.stderr, "error:", err)
	}
	g.limitMemory(extractMemLimit)
	if len(inputs) > 0 {
		if err := p.Warm(ctx); err != nil {
			return err
		}
	}
	bar := newProgress(g, false, inputs)
	opts.Progress = bar.update
	enc := json.NewEncoder(g.stdout)
	enc.SetEscapeHTML(false)
	if c.Pretty {
		enc.SetIndent("", "  ")
	}
	r := &pipeline.Runner{
		Pipeline: p, Ingest: opts,
		OnError: func(err error) {
			bar.clear()
			fmt.Fprintln(g.stderr, "error:", err)
		},
		Emit: func(a *model.Article, _ store.PutResult) error {
			if c.Tokens {
				for i := range a.Sentences {
					if i < len(a.Tokens) {
						a.Sentences[i].Tokens = a.Tokens[i]
					}
				}
			}
			return enc.Encode(a)
		},
	}
	for _, in := range inputs {
		if ctx.Err() != nil {
			break
		}
		_ = r.Source(ctx, in)
		bar.next(in)
	}
	bar.finish()
	if err := inputsFailed(len(r.Summary().Errors)+len(inputErrs), "the other articles were printed"); err != nil {
		return err
	}
	return ctx.Err()
}

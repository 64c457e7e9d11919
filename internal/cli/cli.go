package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/alecthomas/kong"

	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// Globals are the flags every command takes.
type Globals struct {
	DB           string   `help:"Database: a SQLite file path or a postgres:// URL." default:"${default_db}" env:"SITREP_DB"`
	Lexicon      []string `help:"Extra lexicon directory (same layout as lexicon/); adds or overrides entries. Repeatable." type:"existingdir" env:"SITREP_LEXICON"`
	Dictionaries string   `help:"TABARI/PETRARCH dictionary directory; its codings replace sitrep's own event coding (see --extend-events)." type:"existingdir" env:"SITREP_DICTIONARIES"`
	ExtendEvents bool     `help:"With --dictionaries: add the dictionary codings to sitrep's own events instead of replacing them."`
	LogLevel     string   `help:"Log level: debug, info, warn, error." default:"info" enum:"debug,info,warn,error" env:"SITREP_LOG_LEVEL"`

	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// CLI is the command tree.
type CLI struct {
	Globals
	Version kong.VersionFlag `help:"Print the version and data credits, then exit."`

	Ingest           IngestCmd           `cmd:"" help:"Ingest files, directories or URLs into the database."`
	Extract          ExtractCmd          `cmd:"" help:"Print the JSON document of each article in FILE (no database)."`
	Articles         ArticlesCmd         `cmd:"" help:"List stored articles."`
	Show             ShowCmd             `cmd:"" help:"Print a stored article with its entities and events marked."`
	Entities         EntitiesCmd         `cmd:"" help:"List entities across the store with mention counts."`
	Events           EventsCmd           `cmd:"" help:"List stored events with filters."`
	Quotes           QuotesCmd           `cmd:"" help:"List stored quotes and their speakers."`
	Timeline         TimelineCmd         `cmd:"" help:"Print a dyad timeline (counts by QuadClass, Goldstein index)."`
	Export           ExportCmd           `cmd:"" help:"Export events as CSV, JSONL or GDELT-style TSV."`
	Alerts           AlertsCmd           `cmd:"" help:"Manage alert rules and list fired alerts."`
	Eval             EvalCmd             `cmd:"" help:"Score the pipeline against a gold annotation file."`
	Serve            ServeCmd            `cmd:"" help:"Serve the HTTP JSON API and the dashboard."`
	Worker           WorkerCmd           `cmd:"" help:"Run a pipeline worker pulling documents from NATS JetStream."`
	Watch            WatchCmd            `cmd:"" help:"Poll feeds and publish new items to NATS JetStream."`
	Bench            BenchCmd            `cmd:"" help:"Measure whole-pipeline throughput (MB/s, sentences/s)."`
	ValidatePetrarch ValidatePetrarchCmd `cmd:"" name:"validate-petrarch" help:"Run a PETRARCH validation records file against TABARI/PETRARCH dictionaries."`
	Dicts            DictionariesCmd     `cmd:"" name:"dictionaries" help:"Check TABARI/PETRARCH dictionary files."`
	Parse            ParseCmd            `cmd:"" help:"Print the dependency parse (CoNLL-U) of FILE, or score the parser with --eval."`
	TrainParser      TrainParserCmd      `cmd:"" name:"train-parser" help:"Train the tagger and dependency parser from a UD treebank."`
}

// DefaultDB returns the default database path in the user's data
// directory ($XDG_DATA_HOME/sitrep/sitrep.db or ~/.local/share/...).
func DefaultDB() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "sitrep", "sitrep.db")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "sitrep", "sitrep.db")
	}
	return "sitrep.db"
}

// newParser builds the command-line parser into c. A parse that ends
// the program (--help, --version, a usage error's help) sets *exit and
// panics with exitPanic{}.
func newParser(c *CLI, stdout, stderr io.Writer, exit *int) (*kong.Kong, error) {
	return kong.New(c,
		kong.Name("sitrep"),
		kong.Description("sitrep turns raw news into structured, sourced geopolitical events.\n\nExample:\n  sitrep ingest testdata/sample && sitrep serve"),
		kong.Vars{"default_db": DefaultDB(), "version": versionText()},
		kong.UsageOnError(),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { *exit = code; panic(exitPanic{}) }),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		choices(),
	)
}

// Main runs the command line and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var c CLI
	exit := -1
	parser, err := newParser(&c, stdout, stderr, &exit)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
	code := func() (code int) {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(exitPanic); ok {
					code = exit
					return
				}
				panic(r)
			}
		}()
		kctx, err := parser.Parse(args)
		if err != nil {
			fmt.Fprintln(stderr, "sitrep:", err)
			return 2
		}
		c.stdin, c.stdout, c.stderr = stdin, stdout, stderr
		c.log = newLogger(stderr, c.LogLevel)
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		kctx.BindTo(ctx, (*context.Context)(nil))
		if err := kctx.Run(&c.Globals); err != nil {
			var ee exitError
			if errors.As(err, &ee) {
				if ee.msg != "" {
					fmt.Fprintln(stderr, "sitrep:", ee.msg)
				}
				return ee.code
			}
			fmt.Fprintln(stderr, "sitrep:", err)
			return 1
		}
		return 0
	}()
	return code
}

type exitPanic struct{}

// exitError ends a command with a specific status.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// isPostgres reports whether dsn names a PostgreSQL database.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openStore opens the existing database the flags name, for the
// commands that read it: a SQLite file that does not exist is an error
// ("database does not exist"), never a new empty database.
func (g *Globals) openStore(ctx context.Context) (store.Store, error) {
	if isPostgres(g.DB) {
		return postgres.Open(ctx, g.DB, postgres.DefaultOptions())
	}
	o := sqlite.DefaultOptions()
	o.MustExist = true
	return sqlite.Open(ctx, g.DB, o)
}

// createStore opens the database the flags name, creating a SQLite file
// and its directory when needed: for the commands that store (ingest,
// worker).
func (g *Globals) createStore(ctx context.Context) (store.Store, error) {
	if isPostgres(g.DB) {
		return postgres.Open(ctx, g.DB, postgres.DefaultOptions())
	}
	if dir := filepath.Dir(g.DB); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database directory: %w", err)
		}
	}
	o := sqlite.DefaultOptions()
	o.CacheKiB = storingCacheKiB
	return sqlite.Open(ctx, g.DB, o)
}

// storingCacheKiB is the SQLite page cache of the commands that store
// (ingest, worker). A cache of 64 MiB (the default, which serve keeps)
// grew ingest's peak RSS by about 100 MB on a corpus whose articles are
// all new (3,017 stories: 434 MB at 64 MiB, 333 MB at 16, same CPU time;
// docs/performance.md "Ingest memory"), against the 300 MB ceiling.
const storingCacheKiB = 16 << 10

// pipeline builds the analysis pipeline with the user's lexicons.
func (g *Globals) pipeline() (*pipeline.Pipeline, error) {
	return pipeline.New(g.pipelineOptions())
}

// pipelineOptions are the analysis options the global flags give.
func (g *Globals) pipelineOptions() pipeline.Options {
	opts := pipeline.DefaultOptions()
	opts.Lexicons = g.Lexicon
	opts.Dictionaries, opts.ExtendEvents = g.Dictionaries, g.ExtendEvents
	return opts
}

// openWork builds the pipeline and opens the database, for the commands
// that analyse and store (ingest, serve, worker). The caller closes the
// store.
func (g *Globals) openWork(ctx context.Context) (store.Store, *pipeline.Pipeline, error) {
	p, err := g.pipeline()
	if err != nil {
		return nil, nil, err
	}
	st, err := g.createStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	return st, p, nil
}

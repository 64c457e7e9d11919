package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/actors"
	"github.com/sitrep-project/sitrep/internal/entities"
	"github.com/sitrep-project/sitrep/internal/events"
	"github.com/sitrep-project/sitrep/internal/measure"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// Options configures the analysis stages.
type Options struct {
	// Lexicons are user lexicon directories laid out like the built-in
	// lexicon/ tree; later ones add to or override earlier ones.
	Lexicons []string
	// Text configures sentence splitting and tokenisation.
	Text text.Options
	// Dictionaries is a directory of TABARI/PETRARCH dictionaries; when
	// set, their codings are added to (ExtendEvents) or replace sitrep's
	// own event coding.
	Dictionaries string
	ExtendEvents bool
	// SyntaxModel is a model file (tagger, lemmatiser and parser) to use
	// instead of the built-in one (DefaultOptions takes it from
	// $SITREP_SYNTAX_MODEL). Its tagger tags every sentence as the text
	// stage cuts it, unless Text.Tagger is set; Parse false codes events
	// from those tags without a parse (the coder's window fallback).
	SyntaxModel string
	Parse       bool
	// Repanic lets a stage's panic through instead of turning it into the
	// article's error (see Process): for tests and fuzz targets that must
	// fail at the panic with its stack.
	Repanic bool
}

// DefaultOptions returns the options `sitrep` uses without flags.
func DefaultOptions() Options {
	return Options{Text: text.DefaultOptions(), Parse: true, SyntaxModel: os.Getenv("SITREP_SYNTAX_MODEL")}
}

// Pipeline runs the analysis stages (text → timex → measure → entities →
// events) over ingested articles. It is immutable once built and safe
// for concurrent use: lexicons are loaded once and shared.
type Pipeline struct {
	stages  []model.Stage
	repanic bool
	// copies counts the sentences parsed on a stage's own copy of the
	// tokens (see CopiesParsed).
	copies *atomic.Int64
	// Stats of the last lexicon load, for `sitrep bench`.
	LoadTime time.Duration
}

// CopiesParsed returns how many sentences, over every Process call so
// far, a stage parsed on its own copy of the tokens, which the article
// does not carry: the dictionary stage (--dictionaries) codes on a copy.
// Their count and the articles' parsed sentences (tokens with a
// relation) add up to the sentences parsed, as the dictionary stage
// parses no sentence an earlier stage parsed. For `sitrep bench`, which
// reads it around a round on one goroutine.
func (p *Pipeline) CopiesParsed() int64 { return p.copies.Load() }

// ParsedSentences counts the sentences of a whose tokens carry a parse
// (a token with a relation); with CopiesParsed, the sentences parsed.
func ParsedSentences(a *model.Article) int {
	n := 0
	for _, toks := range a.Tokens {
		for _, t := range toks {
			if t.Rel != "" {
				n++
				break
			}
		}
	}
	return n
}

// countingParser is the syntax parser the dictionary stage gets: it
// counts what it parses into n.
type countingParser struct {
	p *syntax.Parser
	n *atomic.Int64
}

func (c countingParser) ParseSentence(toks []model.Token) {
	c.n.Add(1)
	c.p.ParseSentence(toks)
}

// ParseTagged parses from the text stage's tags (as *syntax.Parser does,
// which the events ParseStage looks for).
func (c countingParser) ParseTagged(toks []model.Token) {
	c.n.Add(1)
	c.p.ParseTagged(toks)
}

// DictionaryHeap is the live heap `--dictionaries` may add: the
// dictionaries' actor and agent tables (~30 MB for Phoenix) and the verb
// patterns compiled on first use (~60 MB after a few hundred news
// articles, ~140 MB once every Phoenix verb is used).
const DictionaryHeap = 160 << 20

// HeapAllowance is the live heap the options add to what the soft
// memory limits of the commands that run the pipeline (extract, ingest,
// serve, worker: internal/cli limitMemory) allow for (docs/performance.md,
// "Dictionaries: coding at the pipeline's speed"): under a limit the
// live heap exceeds, the collector runs without pause.
func HeapAllowance(opts Options) int64 {
	if opts.Dictionaries != "" {
		return DictionaryHeap
	}
	return 0
}

// Roots returns the lexicon roots: the built-in tree, then each user dir.
func Roots(dirs []string) ([]fs.FS, error) {
	builtin, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	roots := []fs.FS{builtin}
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("lexicon dir: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("lexicon dir %s: not a directory", d)
		}
		roots = append(roots, os.DirFS(d))
	}
	return roots, nil
}

// New loads the lexicons and builds the stages.
func New(opts Options) (*Pipeline, error) {
	start := time.Now()
	roots, sp, tx, err := textStage(opts)
	if err != nil {
		return nil, err
	}
	tm, err := timex.NewFromLexicon(timex.DefaultOptions(), roots...)
	if err != nil {
		return nil, fmt.Errorf("timex lexicon: %w", err)
	}
	ms, err := measure.NewFromLexicon(roots...)
	if err != nil {
		return nil, fmt.Errorf("measure lexicon: %w", err)
	}
	elex, err := entities.LoadLexicon(roots...)
	if err != nil {
		return nil, fmt.Errorf("entity lexicon: %w", err)
	}
	vlex, err := events.LoadLexicon(roots...)
	if err != nil {
		return nil, fmt.Errorf("event lexicon: %w", err)
	}
	std := petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions())
	stages := []model.Stage{tx, tm, ms, entities.New(elex, entityOptions(opts, sp)), actors.New(std, roots...)}
	if opts.Dictionaries == "" || opts.ExtendEvents {
		coder := events.New(vlex, events.DefaultOptions())
		// the parse stage runs after entities: their mentions pick the
		// sentences worth parsing; it keeps the text stage's tags, which
		// every stage before it read
		if opts.Parse && sp != nil {
			stages = append(stages, &events.ParseStage{Parser: sp, Coder: coder, Gaps: true, KeepTags: true})
			coder.WithVerbs(std)
		}
		stages = append(stages, coder)
	}
	copies := new(atomic.Int64)
	if opts.Dictionaries != "" {
		d, err := petrarch.LoadDir(os.DirFS(opts.Dictionaries))
		if err != nil {
			return nil, fmt.Errorf("dictionaries %s: %w", opts.Dictionaries, err)
		}
		// the dictionaries code through the events coder, as their own
		// pattern set and actors (internal/events DictionaryStage)
		var p events.Parser
		if opts.Parse && sp != nil {
			p = countingParser{p: sp, n: copies}
		}
		stages = append(stages, events.NewDictionaryStage(vlex, petrarch.Compile(d, petrarch.DefaultCompileOptions()), p))
	}
	return &Pipeline{stages: stages, repanic: opts.Repanic, copies: copies, LoadTime: time.Since(start)}, nil
}

// entityOptions are the entity stage's options: with the parse on, a
// name the classifier is unsure of has its sentence parsed for the arc
// features (internal/entities/namearcs.go).
func entityOptions(opts Options, sp *syntax.Parser) entities.Options {
	eo := entities.DefaultOptions()
	if opts.Parse && sp != nil {
		eo.Parser = sp
	}
	return eo
}

// NewText builds the text stage as New does: sentences and tokens, each
// sentence tagged and lemmatised by the syntax model's tagger as it is
// cut (for code that tokenises outside a Pipeline).
func NewText(opts Options) (*text.Analyzer, error) {
	_, _, tx, err := textStage(opts)
	return tx, err
}

// NewDictionaryCoder builds the events coder over the dictionaries d
// alone, on the text stage New builds, each sentence parsed and its time
// expressions found (for the PETRARCH validation, which codes single
// sentences).
func NewDictionaryCoder(opts Options, d *petrarch.Dictionaries) (*events.DictionaryCoder, error) {
	roots, sp, tx, err := textStage(opts)
	if err != nil {
		return nil, err
	}
	if sp == nil {
		return nil, errors.New("syntax model: none built in")
	}
	lex, err := events.LoadLexicon(roots...)
	if err != nil {
		return nil, fmt.Errorf("event lexicon: %w", err)
	}
	tm, err := timex.NewFromLexicon(timex.DefaultOptions(), roots...)
	if err != nil {
		return nil, fmt.Errorf("timex lexicon: %w", err)
	}
	dc := events.NewDictionaryCoder(lex, petrarch.Compile(d, petrarch.DefaultCompileOptions()), tx, sp)
	dc.Times = tm
	return dc, nil
}

// textStage reads the lexicon roots and the syntax model and builds the
// text stage on them.
func textStage(opts Options) ([]fs.FS, *syntax.Parser, *text.Analyzer, error) {
	roots, err := Roots(opts.Lexicons)
	if err != nil {
		return nil, nil, nil, err
	}
	sp, err := syntaxModel(opts)
	if err != nil {
		return nil, nil, nil, err
	}
	tx, err := newText(opts, sp, roots)
	if err != nil {
		return nil, nil, nil, err
	}
	return roots, sp, tx, nil
}

// newText builds the text stage, tagging with sp unless opts.Text has
// its own tagger: tokenised and tagged once, read by every later stage.
func newText(opts Options, sp *syntax.Parser, roots []fs.FS) (*text.Analyzer, error) {
	if opts.Text.Tagger == nil && sp != nil {
		opts.Text.Tagger = sp
	}
	tx, err := text.NewFromLexicon(opts.Text, roots...)
	if err != nil {
		return nil, fmt.Errorf("text lexicon: %w", err)
	}
	return tx, nil
}

// syntaxModel loads the syntax model: opts.SyntaxModel, else the
// built-in one; nil (no tags, no parse stage) when no model is built in.
func syntaxModel(opts Options) (*syntax.Parser, error) {
	if opts.SyntaxModel != "" {
		return syntax.LoadFile(opts.SyntaxModel)
	}
	p, err := syntax.Default()
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return p, err
}

// Stages returns the stages in order.
func (p *Pipeline) Stages() []model.Stage { return p.stages }

// Process runs every stage on a. The first stage error or panic stops
// the article and comes back as an *ArticleError naming the source, the
// stage and, for a panic, the sentence (errors.Is(err, ErrPanic)): one
// bad article costs only itself, and the caller goes on with the next.
// A cancelled ctx returns ctx.Err() unwrapped.
func (p *Pipeline) Process(ctx context.Context, a *model.Article) error {
	for i, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := p.runStage(ctx, s, a); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return p.fail(ctx, a, i, err)
		}
	}
	a.Normalize()
	return nil
}

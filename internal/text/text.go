package text

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

	"github.com/jdkato/prose/v3/tag"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Options configures the Analyzer.
type Options struct {
	// MaxSentenceBytes caps a sentence's length: longer ones are cut on a
	// space (or a rune boundary) and a warning is added to the article.
	// Zero or less means no cap.
	MaxSentenceBytes int
	// Abbreviations are extra abbreviations ("Gen.", "approx.") that never
	// end a sentence, on top of the lexicon's.
	Abbreviations []string
	// Tagger picks the part-of-speech tagger: TaggerRules (fast word lists
	// and suffix rules), TaggerPerceptron (prose's averaged perceptron,
	// more accurate, ~20× slower) or TaggerNone.
	Tagger string
	// NoTags skips part-of-speech tagging (same as Tagger: TaggerNone).
	NoTags bool
}

// Taggers selectable in Options.Tagger.
const (
	TaggerRules      = "rules"
	TaggerPerceptron = "perceptron"
	TaggerNone       = "none"
)

// DefaultOptions returns the options sitrep uses.
func DefaultOptions() Options {
	return Options{MaxSentenceBytes: 4096, Tagger: TaggerRules}
}

// Analyzer splits bodies into sentences and tokens. It is safe for
// concurrent use.
type Analyzer struct {
	opts   Options
	lex    *lexicon
	tagger *tag.Tagger
}

// New returns an Analyzer using the built-in lexicon. It panics only if the
// embedded data is corrupt, which tests catch.
func New(opts Options) *Analyzer {
	a, err := NewFromLexicon(opts, builtinRoot())
	if err != nil {
		panic(fmt.Sprintf("text: built-in lexicon: %v", err))
	}
	return a
}

// NewFromLexicon returns an Analyzer whose abbreviations and sentence
// starters come from roots laid out like the repo's lexicon/ directory
// (text/abbreviations.tsv, text/starters.txt); later roots add entries or
// override earlier ones.
func NewFromLexicon(opts Options, roots ...fs.FS) (*Analyzer, error) {
	lx, err := loadLexicon(roots...)
	if err != nil {
		return nil, fmt.Errorf("text lexicon: %w", err)
	}
	for _, ab := range opts.Abbreviations {
		ab = strings.ToLower(strings.TrimSpace(ab))
		if ab == "" {
			continue
		}
		if !strings.HasSuffix(ab, ".") {
			ab += "."
		}
		lx.abbr[ab] = abbrTitle
	}
	if opts.NoTags {
		opts.Tagger = TaggerNone
	}
	a := &Analyzer{opts: opts, lex: lx}
	switch opts.Tagger {
	case "", TaggerRules, TaggerNone:
	case TaggerPerceptron:
		t, err := tag.New(tag.WithLexicon(tagFixes))
		if err != nil {
			return nil, fmt.Errorf("load pos tagger: %w", err)
		}
		a.tagger = t
	default:
		return nil, fmt.Errorf("unknown tagger %q (want %s, %s or %s)", opts.Tagger, TaggerRules, TaggerPerceptron, TaggerNone)
	}
	return a, nil
}

// Name identifies the stage.
func (a *Analyzer) Name() string { return "text" }

// Process fills art.Sentences and art.Tokens from art.Body.
func (a *Analyzer) Process(ctx context.Context, art *model.Article) error {
	spans, cuts := a.split(art.Body)
	if cuts > 0 {
		art.Warnings = append(art.Warnings, fmt.Sprintf(
			"text: %d overlong sentence(s) cut at %d bytes", cuts, a.opts.MaxSentenceBytes))
	}
	sents := make([]model.Sentence, len(spans))
	bounds := make([]int, len(spans)+1)
	all := make([]model.Token, 0, len(art.Body)/5+8)
	var scratch []tag.Token
	for i, sp := range spans {
		if i&63 == 63 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("text: %w", err)
			}
		}
		sents[i] = model.Sentence{Index: i, Start: sp.Start, End: sp.End, Text: art.Body[sp.Start:sp.End]}
		n := len(all)
		all = a.tokenize(art.Body, sp, all)
		scratch = a.tag(all[n:], scratch)
		bounds[i+1] = len(all)
	}
	toks := make([][]model.Token, len(spans))
	for i := range spans {
		toks[i] = all[bounds[i]:bounds[i+1]:bounds[i+1]]
	}
	art.Sentences = sents
	art.Tokens = toks
	return nil
}

// Split returns the sentence spans of body (see the package doc).
func (a *Analyzer) Split(body string) []model.Span {
	spans, _ := a.split(body)
	return spans
}

// Tokenize returns the tagged tokens of the sentence body[s.Start:s.End],
// with offsets into body.
func (a *Analyzer) Tokenize(body string, s model.Span) []model.Token {
	toks := a.tokenize(body, s, nil)
	a.tag(toks, nil)
	return toks
}

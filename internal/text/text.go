package text

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

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
	// Tagger tags and lemmatises each sentence's tokens as soon as they
	// are cut (the pipeline sets the trained tagger of internal/syntax);
	// nil leaves Tag, UPOS and Lemma empty.
	Tagger Tagger
}

// Tagger fills the Tag (Penn XPOS), UPOS and Lemma of one sentence's
// tokens in place, reading their Text; internal/syntax's *Parser is one.
// It must be safe for concurrent use.
type Tagger interface {
	TagSentence(toks []model.Token)
}

// TaggerNone is the nil Tagger: tokens stay untagged, as with the zero
// Options.
var TaggerNone Tagger

// DefaultOptions returns the options sitrep uses, without a tagger
// (this package cannot load the trained one: internal/syntax's tests
// tokenise with it).
func DefaultOptions() Options {
	return Options{MaxSentenceBytes: 4096}
}

// Analyzer splits bodies into sentences and tokens, and tags them with
// Options.Tagger. It is safe for concurrent use.
type Analyzer struct {
	opts Options
	lex  *lexicon
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
	return &Analyzer{opts: opts, lex: lx}, nil
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
	for i, sp := range spans {
		if i&63 == 63 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("text: %w", err)
			}
		}
		sents[i] = model.Sentence{Index: i, Start: sp.Start, End: sp.End, Text: art.Body[sp.Start:sp.End]}
		n := len(all)
		all = a.tokenize(art.Body, sp, all)
		a.tag(all[n:])
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
	a.tag(toks)
	return toks
}

// tag runs the tagger, if any, over one sentence's tokens.
func (a *Analyzer) tag(toks []model.Token) {
	if a.opts.Tagger != nil && len(toks) > 0 {
		a.opts.Tagger.TagSentence(toks)
	}
}

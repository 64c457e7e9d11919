package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
)

// ParseCmd prints the dependency parse of any input, or scores the
// parser on a treebank.
type ParseCmd struct {
	InputFlags
	Inputs []string `arg:"" optional:"" name:"FILE" help:"Files or URLs to parse (any input ingest reads)."`
	Eval   string   `help:"Score the parser on a CoNLL-U treebank (.conllu or .conllu.gz) with its gold tokenisation instead." type:"existingfile" placeholder:"GOLD"`
	Model  string   `help:"Model file to use instead of the built-in one." type:"existingfile"`
}

// Help implements kong.HelpProvider.
func (ParseCmd) Help() string {
	return `Prints CoNLL-U: one block per sentence, tokens from the text stage,
tags, lemmas, heads and relations from the syntax model. With --eval,
parses the treebank's own words and prints the scores, the last line
being "UPOS x.x XPOS x.x UAS x.x LAS x.x" (percent of all words; LAS on
the full relation, subtype included).

Examples:
  sitrep parse article.html
  sitrep parse --eval ../shared/ud/en_ewt-ud-dev.conllu.gz`
}

func (c *ParseCmd) parser() (*syntax.Parser, error) {
	if c.Model != "" {
		return syntax.LoadFile(c.Model)
	}
	return syntax.Default()
}

func (c *ParseCmd) Run(ctx context.Context, g *Globals) error {
	p, err := c.parser()
	if err != nil {
		return err
	}
	if c.Eval != "" {
		gold, err := syntax.ReadCoNLLUFile(c.Eval)
		if err != nil {
			return err
		}
		s, err := p.Evaluate(ctx, gold, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(g.stdout, "%d words, gold tokenisation; LAS with the universal relation only (CoNLL 2018) %.1f; lemmas %.1f\n", s.Words, s.LASUniversal, s.Lemma)
		fmt.Fprintln(g.stdout, s)
		return nil
	}
	if len(c.Inputs) == 0 {
		return exitError{code: 2, msg: "parse: give FILE arguments or --eval GOLD"}
	}
	opts, err := c.options()
	if err != nil {
		return err
	}
	ta := text.New(text.DefaultOptions()) // untagged: the parse tags
	failed := 0
	for _, in := range c.Inputs {
		err := ingest.Read(ctx, in, opts, func(a *model.Article) error {
			if err := ta.Process(ctx, a); err != nil {
				return fmt.Errorf("%s: %w", a.Source, err)
			}
			return writeParsed(g, p, a)
		}, func(err error) { failed++; fmt.Fprintln(g.stderr, "error:", err) })
		if err != nil {
			failed++
			fmt.Fprintln(g.stderr, "error:", err)
		}
	}
	if failed > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("%d inputs or records failed", failed)}
	}
	return nil
}

// writeParsed parses an article's sentences and prints them as CoNLL-U,
// with the sentence's byte span in the article body as sent_id.
func writeParsed(g *Globals, p *syntax.Parser, a *model.Article) error {
	out := make([]syntax.Sentence, 0, len(a.Tokens))
	for i, toks := range a.Tokens {
		p.ParseSentence(toks)
		s := syntax.Sentence{ID: a.ID + "/" + strconv.Itoa(i), Text: a.Sentences[i].Text, Words: make([]syntax.Word, len(toks))}
		for j, t := range toks {
			s.Words[j] = syntax.Word{Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.Tag, Head: t.Head, Rel: t.Rel}
		}
		out = append(out, s)
	}
	return syntax.WriteCoNLLU(g.stdout, out)
}

// TrainParserCmd trains the syntax model.
type TrainParserCmd struct {
	Train   string `help:"Training treebank (CoNLL-U, .gz allowed)." type:"existingfile" default:"../shared/ud/en_ewt-ud-train.conllu.gz"`
	Dev     string `help:"Development treebank to score the new model on (optional)." type:"existingfile"`
	Output  string `short:"o" help:"Model file to write." required:"" type:"path"`
	Epochs  int    `help:"Parser training passes (0: the default)."`
	Parsers int    `help:"Parsers trained on differently shuffled passes whose weights are averaged (0: the default, four)."`
}

// Help implements kong.HelpProvider.
func (TrainParserCmd) Help() string {
	return `Trains the tagger, lemmatiser and parser from a UD treebank. Training is
deterministic: the same treebank and flags give the same bytes. The
built-in model is lexicon/syntax/en_ewt.model.

Example:
  sitrep train-parser --train ../shared/ud/en_ewt-ud-train.conllu.gz \
    --dev ../shared/ud/en_ewt-ud-dev.conllu.gz -o lexicon/syntax/en_ewt.model`
}

func (c *TrainParserCmd) Run(ctx context.Context, g *Globals) error {
	train, err := syntax.ReadCoNLLUFile(c.Train)
	if err != nil {
		return err
	}
	o := syntax.DefaultTrainOptions()
	if c.Epochs > 0 {
		o.ParseEpochs = c.Epochs
	}
	if c.Parsers > 0 {
		o.Parsers = c.Parsers
	}
	o.Log = func(format string, args ...any) { g.log.Info(fmt.Sprintf(format, args...)) }
	p, err := syntax.Train(ctx, train, o)
	if err != nil {
		return err
	}
	f, err := os.Create(c.Output)
	if err != nil {
		return fmt.Errorf("train-parser: %w", err)
	}
	if err := p.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("train-parser: %s: %w", c.Output, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train-parser: %s: %w", c.Output, err)
	}
	if c.Dev != "" {
		dev, err := syntax.ReadCoNLLUFile(c.Dev)
		if err != nil {
			return err
		}
		s, err := p.Evaluate(ctx, dev, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(g.stdout, "%s (LAS universal part %.1f, lemmas %.1f, %d words)\n", s, s.LASUniversal, s.Lemma, s.Words)
	}
	return nil
}

package cli

import (
	"context"
	"fmt"
	"os"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// ValidatePetrarchCmd runs a PETRARCH validation records file.
type ValidatePetrarchCmd struct {
	Records   string  `arg:"" name:"RECORDS.xml" help:"PETRARCH validation records (<Sentence> with <EventCoding> expectations)." type:"existingfile"`
	Verbose   bool    `short:"v" help:"Print expected and produced codings for every record."`
	MinRecall float64 `help:"Exit 1 when fewer expected codings than this share are produced." default:"0"`
	MaxExtra  float64 `help:"Exit 1 when the share of extra codings exceeds this." default:"1"`
}

// Help implements kong.HelpProvider.
func (ValidatePetrarchCmd) Help() string {
	return `Codes each record's sentence with the dictionaries through sitrep's event coder (their verbs
compiled into its pattern set, their actors and agents as the actors, over sitrep's own tokens,
tags and parse, not the Treebank parse the records carry) and reports expected vs produced
(source, target, CAMEO) codings per record and per category, with totals.

Example:
  sitrep validate-petrarch ../shared/petrarch/PETR.UnitTest.records.xml --dictionaries ../shared/petrarch -v`
}

func (c *ValidatePetrarchCmd) Run(ctx context.Context, g *Globals) error {
	if g.Dictionaries == "" {
		return fmt.Errorf("--dictionaries DIR is required (*actor*.txt, *agent*.txt, *verb*.txt, *discard*.txt)")
	}
	d, err := petrarch.LoadDir(os.DirFS(g.Dictionaries))
	if err != nil {
		return fmt.Errorf("dictionaries %s: %w", g.Dictionaries, err)
	}
	if len(d.Warnings) > 0 {
		fmt.Fprintf(g.stderr, "dictionaries %s: %d lines skipped or suspect (sitrep dictionaries check %s lists them)\n",
			g.Dictionaries, len(d.Warnings), g.Dictionaries)
	}
	fh, err := os.Open(c.Records)
	if err != nil {
		return err
	}
	defer fh.Close()
	recs, warn, err := petrarch.ReadRecords(fh, c.Records)
	if err != nil {
		return err
	}
	for _, w := range warn {
		fmt.Fprintln(g.stderr, w)
	}
	coder, err := pipeline.NewDictionaryCoder(g.pipelineOptions(), d)
	if err != nil {
		return err
	}
	rep := petrarch.Validate(coder, recs)
	rep.Write(g.stdout, c.Verbose)
	if rep.Recall() < c.MinRecall || rep.ExtraRate() > c.MaxExtra {
		return exitError{code: 1, msg: fmt.Sprintf("recall %.3f (bar %.3f), extra %.3f (bar %.3f)", rep.Recall(), c.MinRecall, rep.ExtraRate(), c.MaxExtra)}
	}
	return nil
}

// DictionariesCmd groups commands on TABARI/PETRARCH dictionaries.
type DictionariesCmd struct {
	Check DictionariesCheckCmd `cmd:"" help:"Read every dictionary file of DIR and list each skipped or suspect line."`
}

// DictionariesCheckCmd reads a dictionary directory and reports.
type DictionariesCheckCmd struct {
	Dir    string `arg:"" optional:"" name:"DIR" help:"Dictionary directory (*actor*.txt, *agent*.txt, *verb*.txt or CAMEO*.txt, *discard*.txt, *issue*.txt); without it, the Phoenix dictionaries built into sitrep." type:"existingdir"`
	Strict bool   `help:"Exit 1 when there is any warning."`
}

// Help implements kong.HelpProvider.
func (DictionariesCheckCmd) Help() string {
	return `Reads every dictionary file as the coder would and prints each warning as file:line: reason
(bad dates, unbalanced brackets, codes that are not CAMEO, undefined synsets or macros, invalid
UTF-8, over-long lines, empty files), then a table of what each file contributed. Warnings do
not stop loading: the exit status is 0 unless a file cannot be read (or --strict and warnings).

Examples:
  sitrep dictionaries check ../shared/petrarch/phoenix
  sitrep dictionaries check            # the Phoenix set built into sitrep`
}

func (c *DictionariesCheckCmd) Run(ctx context.Context, g *Globals) error {
	var d *petrarch.Dictionaries
	var err error
	if c.Dir == "" {
		d, err = petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions()).Dictionaries()
	} else {
		d, err = petrarch.LoadDir(os.DirFS(c.Dir))
	}
	if err != nil {
		return fmt.Errorf("dictionaries %s: %w", c.Dir, err)
	}
	d.WriteCheck(g.stdout)
	if c.Strict && len(d.Warnings) > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("%d warnings", len(d.Warnings))}
	}
	return nil
}

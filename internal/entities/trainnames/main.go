// Command trainnames trains sitrep's name classifier (see
// internal/entities/namefeat.go): it runs the text and entity stages,
// classifier off, over the UD English Web Treebank's documents, keeps
// the spans the lexicons and rules typed, settles each document's
// disagreements by majority (a name keeps one type within a document),
// and writes averaged-perceptron weights.
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/entities"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/names"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
)

func main() {
	ud := flag.String("ud", "../shared/ud", "directory with en_ewt-ud-{train,dev}.conllu.gz")
	out := flag.String("out", "lexicon/entities/names.model", "weights file to write")
	arcs := flag.String("arcs", "", "also write the classifier with the parser's arc features to this file (see internal/entities/namearcs.go)")
	phoenix := flag.Bool("phoenix", false, "add the Phoenix actor dictionaries' names, without context (measured: CoNLL++ dev F1 0.761 with, 0.766 without)")
	flag.Parse()
	if err := run(context.Background(), *ud, *out, *arcs, *phoenix); err != nil {
		fmt.Fprintln(os.Stderr, "trainnames:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, ud, out, arcsOut string, phoenix bool) error {
	lexRoot, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		return fmt.Errorf("built-in lexicon: %w", err)
	}
	tagger, err := syntax.Default()
	if err != nil {
		return err
	}
	to := text.DefaultOptions()
	to.Tagger = tagger // the tags the pipeline gives the entity stage
	tx, err := text.NewFromLexicon(to, lexRoot)
	if err != nil {
		return fmt.Errorf("text lexicon: %w", err)
	}
	lex, err := entities.LoadLexicon(lexRoot)
	if err != nil {
		return fmt.Errorf("entity lexicon: %w", err)
	}
	eo := entities.DefaultOptions()
	if arcsOut != "" {
		eo.Parser = tagger // parse each sentence with a span, for the arc features
	}
	rec := entities.New(lex, eo)
	classes := []string{model.TypePerson, model.TypeOrg, model.TypePlace}
	cls := map[string]int{}
	for i, c := range classes {
		cls[c] = i
	}
	var samples, arcSamples []names.Sample
	counts := make([]int, len(classes))
	for _, f := range []string{"en_ewt-ud-train.conllu.gz", "en_ewt-ud-dev.conllu.gz"} {
		path := filepath.Join(ud, f)
		ss, err := syntax.ReadCoNLLUFile(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, doc := range documents(ss) {
			art := &model.Article{Body: doc, Language: "en"}
			if err := tx.Process(ctx, art); err != nil {
				return fmt.Errorf("%s: text: %w", path, err)
			}
			got, err := rec.NameSamples(ctx, art)
			if err != nil {
				return fmt.Errorf("%s: entities: %w", path, err)
			}
			// consistency: within a document a name has one type, the
			// one most of its mentions got
			votes := map[string][]int{}
			for _, s := range got {
				if votes[s.Text] == nil {
					votes[s.Text] = make([]int, len(classes))
				}
				votes[s.Text][cls[s.Type]]++
			}
			for _, s := range got {
				v := votes[s.Text]
				best := 0
				for c := range v {
					if v[c] > v[best] {
						best = c
					}
				}
				samples = append(samples, names.Sample{Feats: s.Feats, Class: best})
				if arcsOut != "" {
					arcSamples = append(arcSamples, names.Sample{Feats: s.ArcFeats, Class: best})
				}
				counts[best]++
			}
		}
	}
	var ph []names.Sample
	if phoenix {
		if ph, err = phoenixSamples(cls); err != nil {
			return err
		}
	}
	for _, s := range ph {
		counts[s.Class]++
	}
	samples = append(samples, ph...)
	if len(samples) == 0 {
		return fmt.Errorf("%s: no training spans", ud)
	}
	m := names.Train(classes, samples, names.DefaultTrainOptions())
	if err := write(m, out); err != nil {
		return err
	}
	if arcsOut != "" {
		am := names.Train(classes, append(arcSamples, ph...), names.DefaultTrainOptions())
		if err := write(am, arcsOut); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "trainnames: with arcs, %d features → %s\n", am.Len(), arcsOut)
	}
	fmt.Fprintf(os.Stderr, "trainnames: %d spans (%s %d, %s %d, %s %d), %d features → %s\n",
		len(samples), classes[0], counts[0], classes[1], counts[1], classes[2], counts[2], m.Len(), out)
	return nil
}

// write writes m to the file out.
func write(m *names.Model, out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	return nil
}

// phoenixSamples types the Phoenix actor dictionaries' names, without
// context: an actor with dated codes is a person (office holders), an
// undated one with a sector code an organisation; bare country codes are
// left out (the gazetteer knows places better).
func phoenixSamples(cls map[string]int) ([]names.Sample, error) {
	d, err := petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions()).Dictionaries()
	if err != nil {
		return nil, fmt.Errorf("phoenix dictionaries: %w", err)
	}
	var out []names.Sample
	for _, a := range d.Actors {
		if len(a.Codes) == 0 {
			continue
		}
		dated, sector := false, false
		for _, c := range a.Codes {
			if !c.From.IsZero() || !c.To.IsZero() {
				dated = true
			}
			if len(c.Code) > 3 {
				sector = true
			}
		}
		typ := ""
		switch {
		case dated:
			typ = model.TypePerson
		case sector:
			typ = model.TypeOrg
		default:
			continue
		}
		for _, p := range a.Names {
			name := titleCase(p)
			if name == "" {
				continue
			}
			out = append(out, names.Sample{Feats: entities.NameFeatures(name), Class: cls[typ]})
		}
	}
	return out, nil
}

// minorWords stay lower case inside a title-cased name.
var minorWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "de": true, "al": true}

// titleCase writes a dictionary phrase ("WORLD BANK") as running text
// would ("World Bank").
func titleCase(p petrarch.Phrase) string {
	var b strings.Builder
	for i, w := range p {
		t := strings.ToLower(w.Text)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if i > 0 && minorWords[t] {
			b.WriteString(t)
			continue
		}
		b.WriteString(strings.ToUpper(t[:1]) + t[1:])
	}
	return b.String()
}

// documents joins each treebank document's sentences into one text, in
// the treebank's order (sentence ids are "DOCID-NNNN").
func documents(ss []syntax.Sentence) []string {
	var docs []string
	var cur []string
	last := ""
	for _, s := range ss {
		id := s.ID
		if i := strings.LastIndexByte(id, '-'); i > 0 {
			id = id[:i]
		}
		if id != last && len(cur) > 0 {
			docs = append(docs, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
		last = id
		cur = append(cur, s.Text)
	}
	if len(cur) > 0 {
		docs = append(docs, strings.Join(cur, "\n"))
	}
	return docs
}

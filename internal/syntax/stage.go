package syntax

import (
	"context"
	"fmt"

	"github.com/sitrep-project/sitrep/internal/model"
)

// ParseSentence tags, lemmatises and parses one sentence's tokens in
// place, reading only their Text: Tag (Penn XPOS), UPOS, Lemma, Head
// (1-based within toks, 0 for the root) and Rel.
func (p *Parser) ParseSentence(toks []model.Token) { p.fill(toks, true) }

// TagSentence fills only Tag (Penn XPOS), UPOS and Lemma: for the
// sentences a pipeline tags but does not parse (the parser costs about
// three times the tagger).
func (p *Parser) TagSentence(toks []model.Token) { p.fill(toks, false) }

// ParseTagged parses one sentence whose tokens already carry this
// model's tags (Tag and UPOS as TagSentence or ParseSentence left them),
// filling only Head and Rel: the tagger is not run again, and the parse
// is the one ParseSentence gives. If a token's (UPOS, Tag) pair is not
// one of the model's, the sentence is tagged afresh for the parse (the
// tokens' tags are left as they are).
func (p *Parser) ParseTagged(toks []model.Token) {
	if len(toks) == 0 {
		return
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	n := len(toks)
	if cap(sc.tags) < n {
		sc.cls, sc.tags, sc.words, sc.ambs = make([]int, n), make([]int32, n), make([]uint64, n), make([]uint64, n)
	}
	sc.tags, sc.words, sc.ambs = sc.tags[:n], sc.words[:n], sc.ambs[:n]
	tagged := true
	for i := range toks {
		c, ok := p.cls[tagPair{toks[i].UPOS, toks[i].Tag}]
		if !ok {
			tagged = false
			break
		}
		sc.tags[i] = c
		sc.words[i] = hashLower(normalForm(toks[i].Text))
		sc.ambs[i] = p.tag.amb.class(sc.words[i])
	}
	if tagged {
		p.dep.parse(&sc.ps, sc.words, sc.tags, sc.ambs)
	} else {
		sc.forms = sc.forms[:0]
		for i := range toks {
			sc.forms = append(sc.forms, normalForm(toks[i].Text))
		}
		p.analyse(sc)
	}
	for i := range toks {
		if h := int(sc.ps.st.heads[i]); h == n {
			toks[i].Head = 0
		} else {
			toks[i].Head = h + 1
		}
		toks[i].Rel = p.dep.labels[sc.ps.st.rels[i]]
	}
}

func (p *Parser) fill(toks []model.Token, parse bool) {
	if len(toks) == 0 {
		return
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	sc.forms = sc.forms[:0]
	for i := range toks {
		sc.forms = append(sc.forms, normalForm(toks[i].Text))
	}
	if parse {
		p.analyse(sc)
	} else {
		p.tagOnly(sc)
	}
	n := len(toks)
	for i := range toks {
		t := &toks[i]
		c := sc.cls[i]
		t.UPOS, t.Tag = p.tag.upos[c], p.tag.xpos[c]
		t.Lemma = p.lemma(sc, i, c)
		if !parse {
			continue
		}
		if h := int(sc.ps.st.heads[i]); h == n {
			t.Head = 0
		} else {
			t.Head = h + 1
		}
		t.Rel = p.dep.labels[sc.ps.st.rels[i]]
	}
}

// normalForm maps typographic variants the treebank rarely spells to the
// forms it uses (curly quotes and apostrophes to straight ones), so "’s"
// reads as "'s". Returns s itself when nothing changes.
func normalForm(s string) string {
	switch s {
	case "\u2019s", "\u2018s":
		return "'s"
	case "n\u2019t":
		return "n't"
	case "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb":
		return "\""
	case "\u2018", "\u2019":
		return "'"
	case "\u2014", "\u2013":
		return "-"
	}
	return s
}

// Stage is the pipeline stage that tags and parses an article's
// sentences (the text stage's tokens, in place). Need, when set, picks
// the sentences worth parsing; the others are only tagged and
// lemmatised. Nil parses them all.
type Stage struct {
	Parser *Parser
	Need   func(a *model.Article, sentence int) bool
}

// NewStage returns a stage parsing every sentence with the built-in
// model.
func NewStage() (*Stage, error) {
	p, err := Default()
	if err != nil {
		return nil, err
	}
	return &Stage{Parser: p}, nil
}

// Name implements model.Stage.
func (s *Stage) Name() string { return "syntax" }

// Process implements model.Stage.
func (s *Stage) Process(ctx context.Context, a *model.Article) error {
	for i, toks := range a.Tokens {
		if i%64 == 0 && ctx.Err() != nil {
			return fmt.Errorf("syntax: %w", ctx.Err())
		}
		if s.Need == nil || s.Need(a, i) {
			s.Parser.ParseSentence(toks)
		} else {
			s.Parser.TagSentence(toks)
		}
	}
	return nil
}

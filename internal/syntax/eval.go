package syntax

import (
	"context"
	"fmt"
	"strings"
)

// Scores are accuracies in percent over all words, punctuation included
// (as the CoNLL 2018 shared task scores). LAS counts a word when its head
// and its full relation match ("nsubj:pass" ≠ "nsubj"); LASUniversal
// compares only the universal part before the colon, as the CoNLL 2018
// evaluation script does.
type Scores struct {
	Words        int
	UPOS         float64
	XPOS         float64
	Lemma        float64
	UAS          float64
	LAS          float64
	LASUniversal float64
}

// String is the one-line summary `sitrep parse --eval` prints last.
func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.1f XPOS %.1f UAS %.1f LAS %.1f", s.UPOS, s.XPOS, s.UAS, s.LAS)
}

// Evaluate annotates copies of the gold sentences from their forms
// (gold tokenisation) and scores the result. pred, if not nil, receives
// each annotated sentence.
func (p *Parser) Evaluate(ctx context.Context, gold []Sentence, pred func(Sentence)) (Scores, error) {
	var n, upos, xpos, lemma, uas, las, lasu int
	for i, g := range gold {
		if i%256 == 0 && ctx.Err() != nil {
			return Scores{}, fmt.Errorf("evaluate: %w", ctx.Err())
		}
		s := Sentence{ID: g.ID, Text: g.Text, Words: make([]Word, len(g.Words))}
		for j, w := range g.Words {
			s.Words[j].Form = w.Form
		}
		p.Annotate(&s)
		for j, w := range g.Words {
			o := s.Words[j]
			n++
			upos += b2i(o.UPOS == w.UPOS)
			xpos += b2i(o.XPOS == w.XPOS)
			lemma += b2i(o.Lemma == w.Lemma)
			if o.Head == w.Head {
				uas++
				las += b2i(o.Rel == w.Rel)
				lasu += b2i(universal(o.Rel) == universal(w.Rel))
			}
		}
		if pred != nil {
			pred(s)
		}
	}
	pc := func(k int) float64 {
		if n == 0 {
			return 0
		}
		return 100 * float64(k) / float64(n)
	}
	return Scores{Words: n, UPOS: pc(upos), XPOS: pc(xpos), Lemma: pc(lemma), UAS: pc(uas), LAS: pc(las), LASUniversal: pc(lasu)}, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	namemodel "github.com/sitrep-project/sitrep/internal/names"
)

// Arc features for the name classifier (issue 16: "the parser's arcs").
// When the classifier is unsure of a name's type (its margin is below
// Options.NameMargin) and Options.Parser is set, the name's sentence is
// parsed (once; the parse stage then keeps those arcs) and a second
// model, trained on the same spans with these features added
// (names-arcs.model), types it again. The features describe where the
// name stands in the parse: the relation of its head word, the lemma of
// its governor ("nsubj" of "say", "obl" with "in", "compound" of
// "club"), its case marker, and its own dependents' relations
// (an apposition, a possessive). docs/entities.md records what they
// were measured to change.

// ArcParser fills Head and Rel of a sentence the text stage tagged
// (internal/syntax's *Parser does, by ParseTagged).
type ArcParser interface {
	ParseTagged(toks []model.Token)
}

// arcModelFile is the weights file of the classifier with arc features.
const arcModelFile = "entities/names-arcs.model"

// parsedSentence reports whether toks carry a parse.
func parsedSentence(toks []model.Token) bool {
	for i := range toks {
		if toks[i].Rel != "" {
			return true
		}
	}
	return false
}

// ensureParsed parses the current body sentence unless it has been;
// false when there is no parser or no body sentence.
func (d *doc) ensureParsed() bool {
	if d.r.opts.Parser == nil || d.sentIdx < 0 || d.sentIdx >= len(d.art.Tokens) {
		return false
	}
	toks := d.art.Tokens[d.sentIdx]
	if len(toks) == 0 {
		return false
	}
	if !parsedSentence(toks) {
		d.r.opts.Parser.ParseTagged(toks)
	}
	return true
}

// arcFeats appends the arc features of the span [s, e) of the current
// sentence, which must have been parsed (ensureParsed).
func (d *doc) arcFeats(s, e int, out []uint64) []uint64 {
	h := namemodel.HashParts
	toks := d.art.Tokens[d.sentIdx]
	lo, hi := d.toks[s].start, d.toks[e-1].end
	first, last := -1, -1
	for i := range toks {
		if toks[i].End > lo && toks[i].Start < hi {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return out
	}
	in := func(i int) bool { return i >= first && i <= last }
	head := last
	for i := first; i <= last; i++ {
		if g := toks[i].Head - 1; !in(g) {
			head = i
			break
		}
	}
	lemma := func(i int) string {
		if toks[i].Lemma != "" {
			return strings.ToLower(toks[i].Lemma)
		}
		return strings.ToLower(toks[i].Text)
	}
	rel := toks[head].Rel
	if rel == "" {
		return out
	}
	out = append(out, h("a.rel=", rel))
	if g := toks[head].Head - 1; g >= 0 && g < len(toks) {
		out = append(out, h("a.gov=", rel, " ", lemma(g)), h("a.govpos=", rel, " ", toks[g].UPOS))
		if rel == "conj" || rel == "appos" || rel == "compound" || rel == "flat" {
			out = append(out, h("a.govrel=", rel, " ", toks[g].Rel))
		}
	} else {
		out = append(out, h("a.root"))
	}
	for i := range toks {
		if toks[i].Head-1 != head || in(i) {
			continue
		}
		switch r := toks[i].Rel; r {
		case "case":
			out = append(out, h("a.case=", rel, " ", lemma(i)))
		case "appos", "nmod:poss", "amod", "det", "compound", "nmod", "acl", "acl:relcl":
			out = append(out, h("a.dep=", r))
			if r == "appos" || r == "compound" || r == "nmod" {
				out = append(out, h("a.dep=", r, " ", lemma(i)))
			}
		}
	}
	return out
}

package entities

import (
	"strings"
	"unicode"

	namemodel "github.com/sitrep-project/sitrep/internal/names"
)

// The name classifier types proper-noun spans that no lexicon knows
// (organisations in running text above all: "Norilsk said", "shares of
// Acme Holdings") from the span's words, word endings, word shapes and
// the words around it. The model is trained by `go generate` (see
// gen.go and trainnames/) on the spans this stage's own lexicons and
// high-precision rules type in the UD English Web Treebank, with the
// features that made the label (the lexicon hit itself) left out, so it
// learns the contexts and shapes that generalise. Its weights ship as
// lexicon/entities/names.model and load on first use.

// nameClasses are the classifier's classes, in model order.
var nameClasses = []string{"PERSON", "ORG", "PLACE"}

// nameModelFile is the weights file under each lexicon root.
const nameModelFile = "entities/names.model"

// wordShape appends the shape of w: X upper, x lower, d digit, other
// characters as they are, runs collapsed ("McDonald" is "XxXx").
func wordShape(b []byte, w string) []byte {
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 128:
			c = byte(r)
		default:
			c = '?'
		}
		if c != last {
			b = append(b, c)
			last = c
		}
	}
	return b
}

// nameFeats appends the hashed features of the span [s, e) of the
// current sentence. Only what the text shows is used, never a lexicon
// hit, so training and use see the same kind of evidence.
func (d *doc) nameFeats(s, e int, out []uint64) []uint64 {
	return d.contextFeats(s, e, d.spanFeats(s, e, out))
}

// spanFeats appends the features of the span's own words.
func (d *doc) spanFeats(s, e int, out []uint64) []uint64 {
	h := namemodel.HashParts
	toks := d.toks
	n := e - s
	if n > 4 {
		out = append(out, h("n=5+"))
	} else {
		out = append(out, h("n=", string(rune('0'+n))))
	}
	out = append(out, h("bias"))
	shape := d.buf[:0]
	for q := s; q < e; q++ {
		w := toks[q].lower
		out = append(out, h("w=", w))
		if q > s {
			shape = append(shape, ' ')
		}
		shape = wordShape(shape, toks[q].text)
		if toks[q].folded {
			out = append(out, h("folded"))
		}
	}
	d.buf = shape
	out = append(out, h("shape=", string(shape)))
	first, last := toks[s].lower, toks[e-1].lower
	out = append(out, h("first=", first), h("last=", last))
	if n > 1 {
		out = append(out, h("last>1=", last))
	}
	for _, k := range []int{2, 3, 4} {
		if len(last) > k+1 {
			out = append(out, h("suf", string(rune('0'+k)), "=", last[len(last)-k:]))
		}
	}
	if len(first) > 4 {
		out = append(out, h("pre3=", first[:3]))
	}
	if strings.ContainsAny(toks[s].text, "-'") {
		out = append(out, h("hyph"))
	}
	if tg := toks[s].tag; tg != "" {
		out = append(out, h("tag=", tg))
	}
	return out
}

// contextFeats appends the features of the words around [s, e).
func (d *doc) contextFeats(s, e int, out []uint64) []uint64 {
	h := namemodel.HashParts
	toks := d.toks
	prev, prev2 := d.tokAt(s-1), d.tokAt(s-2)
	next, next2 := d.tokAt(e), d.tokAt(e+1)
	if s == 0 {
		out = append(out, h("start"))
	} else {
		out = append(out, h("p=", prev.lower), h("pp=", prev2.lower, " ", prev.lower))
		if prev.cap && prev.word {
			out = append(out, h("pcap"))
		}
	}
	if e >= len(toks) {
		out = append(out, h("end"))
	} else {
		out = append(out, h("nx=", next.lower), h("nn=", next.lower, " ", next2.lower))
	}
	return out
}

// NameSample is one span the stage typed by lexicon or rule, for
// training the classifier: its features and its entity type.
type NameSample struct {
	Text  string
	Type  string
	Feats []uint64
	// ArcFeats are Feats and the arc features (namearcs.go), when the
	// recogniser has a Parser.
	ArcFeats []uint64
}

// NameFeatures returns the features of a name standing alone, without
// context: for training on dictionary names (the Phoenix actors).
func NameFeatures(name string) []uint64 {
	d := &doc{}
	d.toks = textTokens(name, nil)
	if len(d.toks) == 0 {
		return nil
	}
	return d.spanFeats(0, len(d.toks), nil)
}

package measure

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// Options configures the Finder.
type Options struct {
	// MaxModifiers is how many words may stand between a number and a
	// counted noun ("500 North Korean troops" has two).
	MaxModifiers int
	// Tolerance is the relative difference allowed between a quantity and
	// its parenthesised second reading.
	Tolerance float64
}

// DefaultOptions returns the options sitrep uses.
func DefaultOptions() Options { return Options{MaxModifiers: 3, Tolerance: 0.10} }

// Finder finds quantities. It is safe for concurrent use.
type Finder struct {
	opts Options
	lex  *lexicon
	tok  *text.Analyzer // tokenizer for articles that arrive without tokens
}

// New returns a Finder with the built-in lexicon.
func New(opts Options) *Finder {
	sub, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err == nil {
		var f *Finder
		if f, err = NewWithOptions(opts, sub); err == nil {
			return f
		}
	}
	panic(fmt.Sprintf("measure: built-in lexicon: %v", err))
}

// NewFromLexicon returns a Finder with default options whose units come
// from roots laid out like the repo's lexicon/ directory
// (measure/units.tsv, measure/dimensions.tsv); later roots add or override
// entries.
func NewFromLexicon(roots ...fs.FS) (*Finder, error) {
	return NewWithOptions(DefaultOptions(), roots...)
}

// NewWithOptions is NewFromLexicon with explicit options.
func NewWithOptions(opts Options, roots ...fs.FS) (*Finder, error) {
	lx, err := loadLexicon(roots...)
	if err != nil {
		return nil, fmt.Errorf("measure lexicon: %w", err)
	}
	// untagged: only for articles that come without the text stage's tokens
	return &Finder{opts: opts, lex: lx, tok: text.New(text.DefaultOptions())}, nil
}

// Name identifies the stage.
func (f *Finder) Name() string { return "measure" }

// Process fills art.Quantities from art.Sentences and art.Tokens
// (tokenising sentences itself when the text stage left no tokens).
func (f *Finder) Process(ctx context.Context, art *model.Article) error {
	qs := make([]model.Quantity, 0, 4)
	for i, s := range art.Sentences {
		if i&63 == 63 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("measure: %w", err)
			}
		}
		var toks []model.Token
		if i < len(art.Tokens) {
			toks = art.Tokens[i]
		} else {
			toks = f.tok.Tokenize(art.Body, s.Span())
		}
		qs = append(qs, f.Find(art.Body, toks, i)...)
	}
	art.Quantities = qs
	return nil
}

// Find returns the quantities among toks, the tokens of sentence sentIdx
// of body.
func (f *Finder) Find(body string, toks []model.Token, sentIdx int) []model.Quantity {
	var out []model.Quantity
	var buf []byte
	for i := 0; i < len(toks); {
		q, end, ok := f.matchAt(body, toks, i, &buf)
		if !ok {
			i++
			continue
		}
		s, e := toks[i].Start, toks[end-1].End
		q.Mention = model.Mention{Sentence: sentIdx, Start: s, End: e, Text: body[s:e]}
		if q.Also == nil {
			q.Also = []model.Reading{}
		}
		out = append(out, q)
		i = end
	}
	return out
}

// number is a parsed amount: value, the token after it, and the letters
// glued to its last token ("kilometer" of "44-kilometer").
type number struct {
	value   float64
	next    int
	rest    string
	spelled bool
}

// matchAt tries a quantity starting at token i; end is the token after it.
func (f *Finder) matchAt(body string, toks []model.Token, i int, buf *[]byte) (model.Quantity, int, bool) {
	var q model.Quantity
	t := toks[i].Text
	// "a crew of 19", "a force of 5,000 troops".
	if isArticle(t) && i+3 < len(toks) {
		if c, ok := f.lex.collectives[string(low(buf, toks[i+1].Text))]; ok && strings.EqualFold(toks[i+2].Text, "of") {
			if n, ok := f.number(toks, i+3, buf); ok && n.rest == "" {
				q.Value, q.Unit = n.value*c.factor, c.unit
				end := n.next
				if u, e, ok := f.unit(toks, n, buf, true); ok && u.kind == kindCount {
					q.Value, q.Unit, end = n.value*u.factor, u.unit, e
				}
				return q, end, true
			}
		}
	}
	// Currency sign first: "$5 billion", "US$ 3", "€2.5bn".
	if p, ok := f.prefix(toks, i, buf); ok {
		j := i + 1
		if toks[i].Text == "US" || toks[i].Text == "U.S." {
			j++
		}
		if j < len(toks) && toks[j].Start == toks[j-1].End || j < len(toks) && toks[j].Start == toks[j-1].End+1 {
			if n, ok := f.number(toks, j, buf); ok && !n.spelled {
				switch n.rest {
				case "m", "M":
					n.value *= 1e6 // "$5m": money, not metres
				case "k", "K":
					n.value *= 1e3
				case "":
				default:
					return q, 0, false
				}
				q.Value, q.Unit = n.value*p.factor, p.unit
				return q, n.next, true
			}
		}
		return q, 0, false
	}
	n, ok := f.number(toks, i, buf)
	if !ok {
		return q, 0, false
	}
	u, end, ok := f.unit(toks, n, buf, false)
	if !ok {
		return q, 0, false
	}
	if n.spelled && n.value == 1 && u.unit != "person" && u.unit != "item" {
		return q, 0, false // "one day", "a year": idioms more often than amounts
	}
	q.Value, q.Unit = n.value*u.factor, u.unit
	// A parenthesised second reading: "44-kilometer (24-nautical mile)".
	if end+2 < len(toks) && toks[end].Text == "(" {
		if n2, ok := f.number(toks, end+1, buf); ok {
			if u2, e2, ok := f.unit(toks, n2, buf, false); ok && e2 < len(toks) && toks[e2].Text == ")" {
				v2 := n2.value * u2.factor
				if f.agree(q.Value, q.Unit, v2, u2.unit) {
					q.Also = []model.Reading{{Value: v2, Unit: u2.unit}}
					end = e2 + 1
				}
			}
		}
	}
	return q, end, true
}

// agree reports whether two readings describe the same amount.
func (f *Finder) agree(v1 float64, u1 string, v2 float64, u2 string) bool {
	if u1 == u2 {
		return math.Abs(v1-v2) <= f.opts.Tolerance*math.Max(math.Abs(v1), math.Abs(v2))
	}
	d1, ok1 := f.lex.dims[u1]
	d2, ok2 := f.lex.dims[u2]
	if !ok1 || !ok2 {
		// Two currencies cannot be checked offline; accept them.
		return isCurrency(u1) && isCurrency(u2)
	}
	if d1.name != d2.name {
		return false
	}
	b1, b2 := v1*d1.base, v2*d2.base
	return math.Abs(b1-b2) <= f.opts.Tolerance*math.Max(b1, b2)
}

func isCurrency(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

func (f *Finder) prefix(toks []model.Token, i int, buf *[]byte) (unitDef, bool) {
	t := toks[i].Text
	if (t == "US" || t == "U.S.") && i+1 < len(toks) && toks[i+1].Text == "$" && toks[i+1].Start == toks[i].End {
		return f.lex.prefixes["us$"], true
	}
	p, ok := f.lex.prefixes[string(low(buf, t))]
	return p, ok
}

var spelled = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// number parses an amount at token i, with its scale words.
func (f *Finder) number(toks []model.Token, i int, buf *[]byte) (number, bool) {
	if i >= len(toks) {
		return number{}, false
	}
	t := toks[i].Text
	n := number{next: i + 1}
	switch {
	case t[0] >= '0' && t[0] <= '9':
		k := 0
		for k < len(t) && (t[k] >= '0' && t[k] <= '9' || t[k] == ',' || t[k] == '.') {
			k++
		}
		v, ok := parseDigits(t[:k])
		if !ok {
			return n, false
		}
		n.value = v
		rest := t[k:]
		if strings.HasPrefix(rest, "-") {
			rest = rest[1:]
		}
		if rest != "" {
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) {
				return n, false // "202-555-0100", "10-15"
			}
			if s, ok := f.lex.scales[string(low(buf, rest))]; ok {
				n.value *= s
				rest = ""
			}
		}
		n.rest = rest
		if n.rest != "" {
			return n, true
		}
	default:
		k := low(buf, t)
		if v, ok := spelled[string(k)]; ok {
			n.value, n.spelled = v, true
		} else if a, b, ok := strings.Cut(string(k), "-"); ok && spelled[a] >= 20 && spelled[b] > 0 && spelled[b] < 10 {
			n.value, n.spelled = spelled[a]+spelled[b], true
		} else if isArticle(t) && i+1 < len(toks) {
			// "a dozen", "a hundred", "a million".
			if s, ok := f.lex.scales[string(low(buf, toks[i+1].Text))]; ok {
				n.value, n.spelled, n.next = s, true, i+2
			} else {
				return n, false
			}
		} else {
			return n, false
		}
	}
	for n.next < len(toks) {
		s, ok := f.lex.scales[string(low(buf, toks[n.next].Text))]
		if !ok {
			break
		}
		n.value *= s
		n.next++
	}
	return n, true
}

// parseDigits parses "1,500", "3.5", "12": commas must group thousands.
func parseDigits(s string) (float64, bool) {
	if s == "" || s[len(s)-1] == ',' || s[len(s)-1] == '.' {
		return 0, false
	}
	if strings.IndexByte(s, ',') >= 0 {
		intPart, _, _ := strings.Cut(s, ".")
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

var stopwords = map[string]bool{
	"of": true, "and": true, "or": true, "the": true, "a": true, "an": true, "to": true, "in": true,
	"from": true, "at": true, "by": true, "with": true, "for": true, "on": true, "than": true, "as": true,
	"who": true, "that": true, "which": true, "were": true, "was": true, "are": true, "is": true,
	"have": true, "had": true, "has": true, "be": true, "been": true, "more": true, "other": true,
	"per": true, "each": true, "not": true, "but": true, "into": true, "out": true,
}

// unit matches the unit after number n: directly, or for counted nouns
// after a few modifiers. collective restricts the match to counted nouns.
func (f *Finder) unit(toks []model.Token, n number, buf *[]byte, collective bool) (unitDef, int, bool) {
	if n.rest != "" {
		// The unit starts glued to the number: "44-kilometer", "10km",
		// "24-nautical mile".
		if u, e, ok := f.surface(toks, n.rest, n.next, buf); ok {
			return u, e, true
		}
		return unitDef{}, 0, false
	}
	if n.next >= len(toks) {
		return unitDef{}, 0, false
	}
	if u, e, ok := f.surface(toks, "", n.next, buf); ok && (!collective || u.kind == kindCount) {
		return u, e, true
	}
	// Modifiers before a counted noun: "20 Chinese warships".
	for k := n.next; k < len(toks) && k < n.next+f.opts.MaxModifiers; k++ {
		if !isModifier(toks[k], buf) {
			break
		}
		if u, e, ok := f.surface(toks, "", k+1, buf); ok && u.kind == kindCount {
			return u, e, true
		}
	}
	return unitDef{}, 0, false
}

func isModifier(t model.Token, buf *[]byte) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsLetter(r) || stopwords[string(low(buf, t.Text))] {
		return false
	}
	switch t.Tag {
	case "", "JJ", "JJR", "JJS", "NNP", "NNPS", "VBN", "VBG", "NN":
		return true
	}
	return false
}

// surface finds the longest unit surface made of first (if not empty)
// and the tokens from k on; it returns the token after the match.
func (f *Finder) surface(toks []model.Token, first string, k int, buf *[]byte) (unitDef, int, bool) {
	var best unitDef
	bestEnd, found := 0, false
	key := (*buf)[:0]
	words := 0
	if first != "" {
		key = appendLower(key, first)
		words = 1
		if u, ok := f.lex.units[string(key)]; ok {
			best, bestEnd, found = u, k, true
		}
	}
	for j := k; j < len(toks) && words < f.lex.maxWords; j++ {
		t := toks[j].Text
		if words > 0 {
			// Multi-word surfaces are separated by spaces only.
			if j > 0 && toks[j].Start == toks[j-1].End {
				break
			}
			key = append(key, ' ')
		}
		key = appendLower(key, t)
		words++
		if u, ok := f.lex.units[string(key)]; ok {
			best, bestEnd, found = u, j+1, true
		}
	}
	*buf = key
	return best, bestEnd, found
}

func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// low returns s in ASCII lower case in buf; callers index maps with
// string(low(...)) inline, which the compiler does without allocating.
func low(buf *[]byte, s string) []byte {
	*buf = appendLower((*buf)[:0], s)
	return *buf
}

func isArticle(t string) bool {
	return strings.EqualFold(t, "a") || strings.EqualFold(t, "an")
}

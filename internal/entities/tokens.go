package entities

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// tok is a word or punctuation mark as the entity rules read it: one of
// the text stage's tokens (model.Token, with its tag), or a part of one
// (see appendShared). Offsets are body offsets.
type tok struct {
	start, end int
	text       string
	lower      string
	cap        bool // first letter upper case
	word       bool // has a letter or digit
	folded     bool // an ALL-CAPS word read through its case-folded text (see foldCaps)
	tag        string
}

// hyphenSuffixes are lower-case words that, after a hyphen, make a
// modifier of a name ("Seoul-based", "Tuo Chiang-class",
// "North Korean-made"); the name is read apart so it can be matched.
var hyphenSuffixes = map[string]bool{
	"based": true, "made": true, "led": true, "backed": true, "owned": true, "run": true,
	"controlled": true, "born": true, "class": true, "style": true, "type": true, "linked": true,
	"allied": true, "funded": true, "occupied": true, "held": true, "annexed": true, "built": true,
	"affiliated": true, "aligned": true, "friendly": true, "bound": true, "produced": true,
	"supplied": true, "designed": true, "language": true, "speaking": true, "flagged": true,
}

// fromShared returns the stage's view of one sentence's tokens from the
// text stage, reusing out. Each token is read as it is, with its tag,
// except two kinds the rules read in parts (appendShared).
func fromShared(src []model.Token, out []tok) []tok {
	out = out[:0]
	for i := range src {
		out = appendShared(out, src[i].Text, src[i].Start, src[i].Tag)
	}
	return out
}

// appendShared appends the token w at body offset start with tag to
// out. A hyphenated word whose last part is a modifier suffix, or whose
// first part is "ex", is read as its parts and the hyphen ("Seoul", "-",
// "based"; "ex", "-", "President"), so the name inside can be matched;
// a final period is read apart unless it belongs to an initial or a
// title ("U.S.", "Gen.", but "Inc" "."), as lexicon phrases are keyed.
// The first part keeps the token's tag.
func appendShared(out []tok, w string, start int, tag string) []tok {
	r, _ := utf8.DecodeRuneInString(w)
	if !isWordRune(r) {
		return append(out, newTok(w, start, tag))
	}
	seg := 0 // start of the current part in w
	for k := 1; k < len(w)-1; k++ {
		if w[k] != '-' {
			continue
		}
		r2, _ := utf8.DecodeRuneInString(w[k+1:])
		if !isWordRune(r2) {
			continue
		}
		e := k + 1
		for e < len(w) {
			r4, n4 := utf8.DecodeRuneInString(w[e:])
			if !unicode.IsLetter(r4) {
				break
			}
			e += n4
		}
		if !strings.EqualFold(w[seg:k], "ex") && !hyphenSuffixes[w[k+1:e]] {
			continue
		}
		out = append(out, newTok(w[seg:k], start+seg, tag))
		out = append(out, newTok("-", start+k, ""))
		tag = ""
		seg = k + 1
	}
	last := w[seg:]
	if n := len(last); n > 1 && last[n-1] == '.' && !abbrevDot(last[:n-1]) {
		out = append(out, newTok(last[:n-1], start+seg, tag))
		return append(out, newTok(".", start+seg+n-1, ""))
	}
	return append(out, newTok(last, start+seg, tag))
}

func newTok(w string, start int, tag string) tok {
	r, _ := utf8.DecodeRuneInString(w)
	return tok{start: start, end: start + len(w), text: w, lower: strings.ToLower(w), cap: unicode.IsUpper(r), word: isWordRune(r), tag: tag}
}

// abbrevDot reports whether a dot after w belongs to it: single letters
// of initialisms ("U.S.", "U.N.") and title abbreviations ("Gen.").
func abbrevDot(w string) bool {
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		w = w[k+1:]
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return titleAbbrevs[w]
}

var titleAbbrevs = map[string]bool{
	"Gen": true, "Lt": true, "Col": true, "Maj": true, "Capt": true, "Adm": true, "Brig": true,
	"Sgt": true, "Cpl": true, "Pvt": true, "Cmdr": true, "Cdr": true, "Cdre": true, "Dr": true,
	"Mr": true, "Mrs": true, "Ms": true, "Prof": true, "Sen": true, "Rep": true, "Gov": true,
	"Pres": true, "Sec": true, "Amb": true, "St": true, "Jr": true, "Sr": true, "Rev": true,
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isPossessive reports whether t is the possessive marker.
func (t tok) isPossessive() bool {
	return t.text == "'s" || t.text == "’s" || t.text == "'" || t.text == "’"
}

var (
	textOnce sync.Once
	textVal  *text.Analyzer
)

// textTokens cuts s, which is not one of the article body's sentences
// (a title, a caption, a lexicon phrase, a name), with the text stage's
// tokenizer, untagged, and returns the stage's view of it: lexicon
// phrases and sentences are cut alike.
func textTokens(s string, out []tok) []tok {
	textOnce.Do(func() { textVal = text.New(text.DefaultOptions()) })
	return fromShared(textVal.Tokenize(s, model.Span{Start: 0, End: len(s)}), out)
}

// normKey cuts a lexicon phrase as sentences are cut and joins its
// tokens with single spaces: the key under which it is looked up.
func normKey(phrase string, lower bool) (string, int) {
	ts := textTokens(phrase, nil)
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		if lower {
			b.WriteString(t.lower)
		} else {
			b.WriteString(t.text)
		}
	}
	return b.String(), len(ts)
}

// inSlashCode reports whether token i is one of a chain of tokens glued
// by slashes without spaces, one of which has a digit: a code such as a
// virus strain ("A/Victoria/361/2011", "B/Massachusetts/2/2012"), whose
// words name nothing. The text stage cuts at the slashes; "Zaire/Congo"
// (no digit) stays two names.
func (d *doc) inSlashCode(i int) bool {
	glued := func(a, b int) bool {
		return a >= 0 && b < len(d.toks) && d.toks[a].end == d.toks[b].start
	}
	slash := func(k int) bool {
		return k > 0 && k+1 < len(d.toks) && d.toks[k].text == "/" && glued(k-1, k) && glued(k, k+1)
	}
	// a member may be two capitalised words ("A/Hong Kong/4801/2014")
	s := i
	if s >= 1 && d.toks[s-1].cap && !slash(s-1) && slash(s-2) {
		s--
	}
	for slash(s - 1) {
		s -= 2
		if s >= 1 && d.toks[s-1].cap && !slash(s-1) && slash(s-2) {
			s--
		}
	}
	e := i
	if e+1 < len(d.toks) && d.toks[e+1].cap && !slash(e+1) && slash(e+2) {
		e++
	}
	for slash(e + 1) {
		e += 2
		if e+1 < len(d.toks) && d.toks[e+1].cap && !slash(e+1) && slash(e+2) {
			e++
		}
	}
	if s == e || s < 0 {
		return false
	}
	for k := s; k <= e; k++ {
		if strings.ContainsAny(d.toks[k].text, "0123456789") {
			return true
		}
	}
	return false
}

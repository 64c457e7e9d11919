package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is a word or punctuation mark of a sentence with body offsets.
// The stage tokenises sentences itself so that lexicon phrases and the
// text are cut the same way whatever tokenizer ran before it.
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
// "North Korean-made"); the name is split off so it can be matched.
var hyphenSuffixes = map[string]bool{
	"based": true, "made": true, "led": true, "backed": true, "owned": true, "run": true,
	"controlled": true, "born": true, "class": true, "style": true, "type": true, "linked": true,
	"allied": true, "funded": true, "occupied": true, "held": true, "annexed": true, "built": true,
	"affiliated": true, "aligned": true, "friendly": true, "bound": true, "produced": true,
	"supplied": true, "designed": true, "language": true, "speaking": true, "flagged": true,
}

// tokenize splits s (which starts at body offset base) into tokens.
// Words keep inner hyphens, apostrophes and abbreviation dots ("U.S.",
// "Hong-kyun", "O'Brien"); a possessive "'s" or "’s" is its own token.
func tokenize(s string, base int, out []tok) []tok {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			out = appendTok(out, s, base, i, i+n)
			i = out[len(out)-1].end - base
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '/' {
				// joiner: keep only when a word character follows
				if j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if isWordRune(r3) {
						if r2 == '.' && !abbrevDot(s[i:j]) {
							break
						}
						if (r2 == '\'' || r2 == '’') && (strings.HasPrefix(s[j+n2:], "s ") || s[j+n2:] == "s" || strings.HasPrefix(s[j+n2:], "s,") || strings.HasPrefix(s[j+n2:], "s.")) {
							break
						}
						if r2 == '-' && strings.EqualFold(s[i:j], "ex") {
							break // "ex-President": the prefix marks a former holder
						}
						if r2 == '-' {
							k := j + n2
							e := k
							for e < len(s) {
								r4, n4 := utf8.DecodeRuneInString(s[e:])
								if !unicode.IsLetter(r4) {
									break
								}
								e += n4
							}
							if hyphenSuffixes[s[k:e]] {
								break
							}
						}
						j += n2
						continue
					}
				}
				if r2 == '.' && abbrevDot(s[i:j]) {
					j += n2 // "U.S." keeps its final dot
				}
			}
			break
		}
		out = appendTok(out, s, base, i, j)
		i = j
	}
	return out
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

func appendTok(out []tok, s string, base, i, j int) []tok {
	t := s[i:j]
	r, _ := utf8.DecodeRuneInString(t)
	word := isWordRune(r)
	if r == '\'' || r == '’' {
		// possessive 's as one token
		if j < len(s) && s[j] == 's' && (j+1 == len(s) || !isWordRune(rune(s[j+1]))) {
			j++
			t = s[i:j]
			word = false
		}
	}
	out = append(out, tok{start: base + i, end: base + j, text: t, lower: strings.ToLower(t), cap: unicode.IsUpper(r), word: word})
	return out
}

// isPossessive reports whether t is the possessive marker.
func (t tok) isPossessive() bool {
	return t.text == "'s" || t.text == "’s" || t.text == "'" || t.text == "’"
}

// normKey tokenizes a lexicon phrase and joins its tokens with single
// spaces: the key under which it is looked up.
func normKey(phrase string, lower bool) (string, int) {
	ts := tokenize(phrase, 0, nil)
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

package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// splitter state is just the body and the output: splitting is one pass
// over each paragraph, with a bounded look-back for the word before a
// period, so the whole split is linear in the body length.

// split returns the sentence spans of body and how many overlong sentences
// had to be cut.
func (a *Analyzer) split(body string) ([]model.Span, int) {
	out := make([]model.Span, 0, len(body)/100+1)
	cuts := 0
	for start := 0; start <= len(body); {
		end := len(body)
		if nl := strings.IndexByte(body[start:], '\n'); nl >= 0 {
			end = start + nl
		}
		cuts += a.splitPara(body, start, end, &out)
		if end == len(body) {
			break
		}
		start = end + 1
	}
	return out, cuts
}

// splitPara splits body[ps:pe], one paragraph without newlines.
func (a *Analyzer) splitPara(body string, ps, pe int, out *[]model.Span) int {
	cuts := 0
	sent := ps
	for i := ps; i < pe; {
		c := body[i]
		j := i
		singleDot := false
		switch {
		case c == '.' || c == '?' || c == '!':
			dots, other := 0, false
			for j < pe && (body[j] == '.' || body[j] == '?' || body[j] == '!') {
				if body[j] == '.' {
					dots++
				} else {
					other = true
				}
				j++
			}
			singleDot = dots == 1 && !other
		case c == 0xE2 && strings.HasPrefix(body[i:pe], "…"):
			j = i + len("…")
			for j < pe && (body[j] == '.' || body[j] == '?' || body[j] == '!') {
				j++
			}
		default:
			i++
			continue
		}
		// The closing quotes and brackets right after the terminator belong
		// to the sentence they close.
		k := j
		for k < pe {
			if n := closerLen(body[k:pe]); n > 0 {
				k += n
				continue
			}
			break
		}
		if k < pe && !isSpaceAt(body, k) {
			// "3.5", "U.S.-led", "?!)": no boundary here.
			i = j
			continue
		}
		n := skipSpace(body, k, pe)
		if n >= pe {
			break
		}
		if a.boundary(body, ps, i, j, k, n, pe, singleDot) {
			cuts += a.emit(body, sent, k, out)
			sent = n
		}
		i = n
	}
	cuts += a.emit(body, sent, pe, out)
	return cuts
}

// boundary decides whether a terminator run body[i:j] (closers up to k,
// next text at n) ends a sentence.
func (a *Analyzer) boundary(body string, ps, i, j, k, n, pe int, singleDot bool) bool {
	r, _ := utf8.DecodeRuneInString(body[n:pe])
	if unicode.IsLower(r) {
		// "etc. and", `"Why?" he asked`, "... and then".
		return false
	}
	if !singleDot {
		// `"Why now?" Putin asked.`: a quoted question or exclamation
		// followed by its speaker and a speech verb goes on.
		if k > j && body[j-1] != '.' && speechFollows(body, n, pe) {
			return false
		}
		return true
	}
	word := wordBefore(body, ps, i)
	kind := a.lex.abbr[lowerASCII(word)]
	if kind == 0 && isInitials(word) {
		kind = abbrEnd
	}
	switch kind {
	case abbrTitle:
		return false
	case abbrEnd:
		if k > j {
			// A closing quote after "U.S." marks the end.
			return true
		}
		if r == '"' || r == '“' || r == '(' || r == '‘' {
			return true
		}
		return a.lex.starters[nextWord(body, n, pe)]
	}
	return true
}

// speechVerbs follow a quotation and its speaker: `"Why?" Kim asked.`
var speechVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "added": true, "adds": true,
	"told": true, "tells": true, "wrote": true, "writes": true, "shouted": true, "replied": true,
	"insisted": true, "declared": true, "tweeted": true, "posted": true, "exclaimed": true,
}

// speechFollows reports whether a speech verb is among the next six
// words after n, the speaker standing before it.
func speechFollows(body string, n, pe int) bool {
	for w := 0; w < 6 && n < pe; w++ {
		word := nextWord(body, n, pe)
		if word == "" {
			return false
		}
		if speechVerbs[word] {
			return w > 0
		}
		n = skipSpace(body, n+len(word), pe)
	}
	return false
}

// emit appends body[s:e] trimmed of spaces, cutting it when it is longer
// than MaxSentenceBytes; it returns the number of cuts made.
func (a *Analyzer) emit(body string, s, e int, out *[]model.Span) int {
	s = skipSpace(body, s, e)
	e = trimSpaceRight(body, s, e)
	if s >= e {
		return 0
	}
	max := a.opts.MaxSentenceBytes
	cuts := 0
	for max > 0 && e-s > max {
		cut := strings.LastIndexByte(body[s:s+max], ' ')
		if cut <= 0 {
			// No space: cut at a rune boundary at or before the limit.
			cut = max
			for cut > 0 && !utf8.RuneStart(body[s+cut]) {
				cut--
			}
			if cut == 0 {
				cut = max
			}
		}
		ce := trimSpaceRight(body, s, s+cut)
		if ce > s {
			*out = append(*out, model.Span{Start: s, End: ce})
		}
		cuts++
		s = skipSpace(body, s+cut, e)
	}
	if s < e {
		*out = append(*out, model.Span{Start: s, End: e})
	}
	return cuts
}

// wordBefore returns the word ending at body[i] (which is '.'), including
// the period, without leading brackets or quotes. The look-back is bounded
// so a pathological run of letters cannot make the split quadratic.
func wordBefore(body string, ps, i int) string {
	ws := i
	for ws > ps && i-ws < 32 {
		c := body[ws-1]
		if c == ' ' || c == '\t' || c == '(' || c == '[' || c == '"' || c == '\'' || c >= utf8.RuneSelf {
			break
		}
		ws--
	}
	return body[ws : i+1]
}

// nextWord returns the letters starting at body[n].
func nextWord(body string, n, pe int) string {
	e := n
	for e < pe {
		r, size := utf8.DecodeRuneInString(body[e:pe])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	return body[n:e]
}

// isInitials reports whether w is a run of single letters each followed by
// a period: "B.", "J.R.R.", "U.S.".
func isInitials(w string) bool {
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for p := 0; p < len(w); p += 2 {
		c := w[p]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') || w[p+1] != '.' {
			return false
		}
	}
	// A single lower-case letter ("a.") is more often a list marker or the
	// end of a word cut by a typo than an initial.
	return len(w) > 2 || (w[0] >= 'A' && w[0] <= 'Z')
}

// closerLen returns the byte length of a closing quote or bracket at the
// start of s, or 0.
func closerLen(s string) int {
	switch s[0] {
	case '"', '\'', ')', ']':
		return 1
	case 0xE2:
		if strings.HasPrefix(s, "”") || strings.HasPrefix(s, "’") {
			return 3
		}
	case 0xC2:
		if strings.HasPrefix(s, "»") {
			return 2
		}
	}
	return 0
}

// isSpaceAt reports whether a space character starts at body[i].
func isSpaceAt(body string, i int) bool {
	c := body[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
	}
	r, _ := utf8.DecodeRuneInString(body[i:])
	return unicode.IsSpace(r)
}

// skipSpace returns the first non-space offset in body[i:e], or e.
func skipSpace(body string, i, e int) int {
	for i < e {
		c := body[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(body[i:e])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return e
}

// trimSpaceRight returns e moved left past trailing spaces, not below s.
func trimSpaceRight(body string, s, e int) int {
	for e > s {
		c := body[e-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' {
				e--
				continue
			}
			return e
		}
		r, size := utf8.DecodeLastRuneInString(body[s:e])
		if !unicode.IsSpace(r) {
			return e
		}
		e -= size
	}
	return s
}

// lowerASCII lower-cases ASCII letters, allocating only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

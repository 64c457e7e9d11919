package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// tokenize appends the untagged tokens of body[s.Start:s.End] to out.
func (a *Analyzer) tokenize(body string, s model.Span, out []model.Token) []model.Token {
	end := s.End
	add := func(ts, te int) {
		out = append(out, model.Token{Start: ts, End: te, Text: body[ts:te]})
	}
	for i := s.Start; i < end; {
		r, size := utf8.DecodeRuneInString(body[i:end])
		switch {
		case r < utf8.RuneSelf && (r == ' ' || r == '\t' || r == '\r' || r == '\n'):
			i++
		case isWordRune(r):
			i = a.word(body, i, end, add)
		case r == '\'' || r == '’':
			// A clitic separated from its word only by the apostrophe was
			// handled in word; here the apostrophe is a quote mark, or a
			// clitic after something that is not a word ("U.S.'s").
			if n := cliticLen(body, i+size, end); n > 0 && i > s.Start && !isSpaceAt(body, i-1) {
				add(i, i+size+n)
				i += size + n
				continue
			}
			add(i, i+size)
			i += size
		case r == '.' && strings.HasPrefix(body[i:end], "..."):
			j := i
			for j < end && body[j] == '.' {
				j++
			}
			add(i, j)
			i = j
		case r == '-' && strings.HasPrefix(body[i:end], "--"):
			j := i
			for j < end && body[j] == '-' {
				j++
			}
			add(i, j)
			i = j
		case unicode.IsSpace(r):
			i += size
		default:
			add(i, i+size)
			i += size
		}
	}
	return out
}

// word scans a word starting at body[i] and emits it (and a clitic glued
// to it, "Korea's", "don't") through add; it returns the offset after.
func (a *Analyzer) word(body string, i, end int, add func(int, int)) int {
	start := i
	numeric := body[i] >= '0' && body[i] <= '9'
	seg := 0 // letters in the current dot-separated segment, for "U.S."
	initials := true
	for i < end {
		r, size := utf8.DecodeRuneInString(body[i:end])
		if isWordRune(r) {
			i += size
			seg++
			continue
		}
		switch r {
		case '-', '\u2011':
			// Hyphenated words stay whole: "Hong-kyun", "44-kilometer".
			if i > start && i+size < end && isWordRuneAt(body, i+size, end) {
				i += size
				initials = false
				continue
			}
		case ',':
			// Thousands separators: "1,500".
			if numeric && i+1 < end && isDigit(body[i+1]) && isDigit(body[i-1]) {
				i++
				continue
			}
		case '.':
			if numeric && i+1 < end && isDigit(body[i+1]) && isDigit(body[i-1]) {
				i++ // decimal point
				continue
			}
			// Initials and dotted abbreviations: "U.S", "J.R.R", "e.g".
			if initials && seg == 1 && i+2 < end && isLetter(body[i+1]) && body[i+2] == '.' {
				i += 2
				seg = 1
				continue
			}
		case '\'', '’':
			if n := cliticLen(body, i+size, end); n > 0 {
				add(start, i)
				add(i, i+size+n)
				return i + size + n
			}
			// "n't" splits before the n: "do" + "n't".
			if i-start >= 2 && (body[i-1] == 'n' || body[i-1] == 'N') && i+size < end &&
				(body[i+size] == 't' || body[i+size] == 'T') && !isWordRuneAt(body, i+size+1, end) {
				add(start, i-1)
				add(i-1, i+size+1)
				return i + size + 1
			}
			// Inner apostrophe of a name: "O'Brien".
			if i > start && i+size < end && isLetterAt(body, i+size, end) {
				i += size
				seg++
				initials = false
				continue
			}
		}
		break
	}
	// A period that belongs to the word: abbreviations and initials.
	if i < end && body[i] == '.' && !numeric {
		w := body[start : i+1]
		kind := a.lex.abbr[lowerASCII(w)]
		// "no." closing a sentence is the word "no" and a full stop.
		if kind == abbrTitle && i+1 >= end {
			kind = 0
		}
		if (initials && seg == 1 && isInitials(w)) || kind != 0 {
			i++
		}
	}
	add(start, i)
	return i
}

// cliticLen returns the length of a clitic ("s", "re", "ve", "ll", "d",
// "m") starting at body[i] and followed by a non-letter, or 0.
func cliticLen(body string, i, end int) int {
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		if i+len(c) <= end && strings.EqualFold(body[i:i+len(c)], c) && !isWordRuneAt(body, i+len(c), end) {
			return len(c)
		}
	}
	return 0
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordRuneAt(body string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(body[i:end])
	return isWordRune(r)
}

func isLetterAt(body string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(body[i:end])
	return unicode.IsLetter(r)
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

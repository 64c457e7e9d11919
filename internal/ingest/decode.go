package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/sitrep-project/sitrep/internal/model"
)

// repairUTF8 returns s with every byte that is not part of a valid UTF-8
// sequence decoded as Windows-1252 (a superset of Latin-1's printable
// range, and what a stray curly quote 0x93 in a dump almost always is).
// Valid UTF-8 around the bad bytes is kept as it is, so a file that
// mixes both loses nothing. first is the offset of the first bad byte
// in s and bad the number of bad bytes; first is -1 when s was valid.
func repairUTF8(s []byte) (out string, first, bad int) {
	if utf8.Valid(s) {
		return string(s), -1, 0
	}
	dec := charmap.Windows1252.DecodeByte
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	first = -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = i
			}
			bad++
			b.WriteRune(dec(s[i]))
			i++
			continue
		}
		b.Write(s[i : i+size])
		i += size
	}
	return b.String(), first, bad
}

// decodeWarning is the Article.Warnings line for repaired bytes at input
// offset off.
func decodeWarning(off int64, bad int) string {
	return fmt.Sprintf("invalid UTF-8 at byte %d (%d bytes) decoded as Windows-1252", off, bad)
}

// addWarning appends w unless a is already carrying many warnings of
// the same kind: a dump full of Latin-1 gets a few lines, not thousands.
func addWarning(a *model.Article, w string) {
	const maxSame = 5
	prefix := w[:min(len(w), 16)]
	n := 0
	for _, x := range a.Warnings {
		if x == w {
			return
		}
		if strings.HasPrefix(x, prefix) {
			n++
		}
	}
	if n < maxSame {
		a.Warnings = append(a.Warnings, w)
	}
}

// capBody truncates an article whose body is longer than limit bytes at
// the last paragraph break (or else sentence end, or else character
// boundary) within the limit, keeping offsets and subheadings consistent,
// and says so in a warning. Without a cap one pathological record (a
// whole crawl pasted into one JSON string) becomes hundreds of thousands
// of sentences that the analysis holds in memory at once.
func capBody(a *model.Article, limit int) {
	if limit <= 0 || len(a.Body) <= limit {
		return
	}
	total := len(a.Body)
	cut := cutPoint(a.Body, limit)
	a.Body = strings.TrimRightFunc(a.Body[:cut], unicode.IsSpace)
	n := len(a.Body)
	offs := a.Offsets[:0]
	for _, s := range a.Offsets {
		if s.Body >= n {
			break
		}
		if s.Body+s.Len > n {
			s.Len = n - s.Body
		}
		offs = append(offs, s)
	}
	a.Offsets = offs
	k := 0
	for k < len(a.HeadingAt) && a.HeadingAt[k] < n {
		k++
	}
	a.HeadingAt = a.HeadingAt[:k]
	if len(a.Subheadings) > k {
		a.Subheadings = a.Subheadings[:k]
	}
	a.Warnings = append(a.Warnings, fmt.Sprintf("body truncated to %d of %d bytes: an article is capped at %d bytes of text (ingest Options.MaxArticleBytes)", n, total, limit))
}

// cutPoint is where capBody cuts: a paragraph break in the second half
// of the allowed text, else a sentence end there, else the last whole
// character.
func cutPoint(s string, limit int) int {
	if i := strings.LastIndexByte(s[:limit], '\n'); i >= limit/2 {
		return i
	}
	for j := limit - 1; j >= limit/2; j-- {
		if c := s[j]; (c == '.' || c == '?' || c == '!') && j+1 < len(s) && s[j+1] == ' ' {
			return j + 1
		}
	}
	j := limit
	for j > 0 && !utf8.RuneStart(s[j]) {
		j--
	}
	return j
}

// capText shortens the text of one record before it is split into
// paragraphs, so that a 50 MB JSON string is never turned into 50 MB of
// lines only to be cut afterwards.
func capText(s string, limit int) (string, bool) {
	if limit <= 0 || len(s) <= limit {
		return s, false
	}
	return s[:cutPoint(s, limit)], true
}

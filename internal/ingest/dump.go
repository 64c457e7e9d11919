package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// dumpLine is one non-blank line of a text dump.
type dumpLine struct {
	text   string // trimmed
	raw    int    // offset of text in the raw input
	blanks int    // blank lines right before it
}

func splitDumpLines(data []byte) []dumpLine {
	var out []dumpLine
	blanks := 0
	pos := 0
	for pos < len(data) {
		end := pos
		for end < len(data) && data[end] != '\n' {
			end++
		}
		ln := string(data[pos:end])
		if pos == 0 {
			ln = strings.TrimPrefix(ln, "\ufeff")
		}
		lead := len(ln) - len(strings.TrimLeftFunc(ln, unicode.IsSpace))
		t := strings.TrimSpace(ln)
		if t == "" {
			blanks++
		} else {
			start := pos + lead
			if pos == 0 && strings.HasPrefix(string(data[:min(3, len(data))]), "\ufeff") {
				start += len("\ufeff")
			}
			out = append(out, dumpLine{text: t, raw: start, blanks: blanks})
			blanks = 0
		}
		pos = end + 1
	}
	return out
}

// Line shapes used by the dump heuristics. They look at layout only:
// case, length, punctuation and repetition.

// isAllCaps: at least two letters and no lowercase ones.
func isAllCaps(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// isMarker: a logo, agency tag or section marker ("TT", "AP", "PHOTO")
// — one very short all-caps token that is not a sentence.
func isMarker(s string) bool {
	return isAllCaps(s) && !strings.ContainsRune(s, ' ') && utf8.RuneCountInString(s) <= 4
}

// isSubheading: an all-caps line of a few words that is not a sentence.
func isSubheading(s string) bool {
	if !isAllCaps(s) || isMarker(s) {
		return false
	}
	n := len(strings.Fields(s))
	return n <= 12 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ",")
}

// isTitleLike: a headline shape — a short line, starting with a capital,
// digit or quote, with no sentence-final period, not all caps.
func isTitleLike(s string) bool {
	n := len(strings.Fields(s))
	if n < 2 || n > 30 || len(s) > 250 {
		return false
	}
	r := firstRune(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘«", r) {
		return false
	}
	if isAllCaps(s) {
		return false
	}
	t := strings.TrimRight(s, " \"'”’»")
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	if (last == '?' || last == '!') && n > 16 {
		return false
	}
	if _, _, ok := splitCredit(s); ok {
		return false
	}
	return true
}

// isHeaderBoilerplate: a short non-sentence line in an article's header
// block (logo text, "Share", "Listen to this article", a kicker).
func isHeaderBoilerplate(s string) bool {
	return len(strings.Fields(s)) <= 3 && len(s) <= 30 && !endsSentence(s)
}

// readDump splits a plain-text dump into articles.
//
// Layout understood: an article starts with a headline, often repeated
// in a header block together with photo captions (themselves often
// doubled) and logo markers; then one paragraph per line (or
// blank-separated, possibly hard-wrapped paragraphs) with optional
// all-caps subheadings. Articles are separated by a longer run of blank
// lines than the paragraphs use, or by a repeated headline block.
func (r *reader) readDump(data []byte) error {
	lines := splitDumpLines(data)
	if len(lines) == 0 {
		return r.whole(-1, ErrEmpty)
	}
	starts := articleStarts(lines)
	emitted := 0
	for k, s := range starts {
		e := len(lines)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		a := buildDumpArticle(lines[s:e])
		if a == nil {
			continue
		}
		a.Source = r.name
		if r.url != "" {
			a.URL = model.Str(r.url)
		}
		if err := r.finish(a); err != nil {
			return err
		}
		emitted++
	}
	if emitted == 0 {
		return r.whole(-1, ErrNoArticle)
	}
	return nil
}

// articleStarts returns the indexes of the lines that begin an article.
func articleStarts(lines []dumpLine) []int {
	// The commonest blank run separates paragraphs (or header blocks);
	// a longer one separates articles.
	runs := map[int]int{}
	for _, l := range lines[1:] {
		if l.blanks > 0 {
			runs[l.blanks]++
		}
	}
	mode, best := 1, 0
	for n, c := range runs {
		if c > best || (c == best && n < mode) {
			mode, best = n, c
		}
	}
	starts := []int{0}
	title := lines[0].text
	hasBody := false
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if l.text == title {
			continue
		}
		repeated := repeatedSoon(lines, i)
		titleish := isTitleLike(l.text) || (isAllCaps(l.text) && repeated && len(strings.Fields(l.text)) >= 3)
		if titleish && hasBody && l.blanks >= 1 && (l.blanks > mode || repeated) {
			starts = append(starts, i)
			title = l.text
			hasBody = false
			continue
		}
		if !isHeaderBoilerplate(l.text) && !isMarker(l.text) && !isSubheading(l.text) {
			if _, _, cap := splitCredit(l.text); !cap && !repeated {
				hasBody = true
			}
		}
	}
	return starts
}

// repeatedSoon reports whether line i's text comes back within the next
// few lines, as headlines and captions of a header block do.
func repeatedSoon(lines []dumpLine, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+12; j++ {
		if lines[j].text == lines[i].text {
			return true
		}
	}
	return false
}

// buildDumpArticle turns the lines of one article into an Article, or nil
// when they hold no body text.
func buildDumpArticle(lines []dumpLine) *model.Article {
	a := model.NewArticle()
	count := map[string]int{}
	for _, l := range lines {
		count[l.text]++
	}
	title := ""
	first := lines[0].text
	if isTitleLike(first) || (isAllCaps(first) && len(strings.Fields(first)) >= 3) {
		if len(lines) > 1 && (count[first] > 1 || lines[1].blanks > 0 || isTitleLike(first)) {
			title = first
		}
	}
	if title != "" {
		a.Title = model.Str(title)
		lines = lines[1:]
	}
	var bb bodyBuilder
	seenCap := map[string]bool{}
	header := true
	var cur []piece // the paragraph being collected (hard-wrapped lines)
	flush := func() {
		bb.para(cur...)
		cur = cur[:0]
	}
	for i, l := range lines {
		t := l.text
		if t == title {
			continue
		}
		dupNext := i+1 < len(lines) && lines[i+1].text == t
		dupPrev := i > 0 && lines[i-1].text == t
		text, credit, hasCredit := splitCredit(t)
		if hasCredit || (count[t] > 1 && (header || dupNext || dupPrev)) {
			if !hasCredit {
				text = t
			}
			key := text + "\x00" + credit
			if !seenCap[key] {
				seenCap[key] = true
				a.Captions = append(a.Captions, model.Caption{Text: text, Credit: model.Str(credit)})
			}
			continue
		}
		if isMarker(t) || (header && isHeaderBoilerplate(t) && !isSubheading(t)) {
			continue
		}
		if isSubheading(t) {
			flush()
			bb.heading(t)
			header = false
			continue
		}
		header = false
		if len(cur) > 0 && !(l.blanks == 0 && continuesLine(cur[len(cur)-1].text, t)) {
			flush()
		}
		cur = append(cur, piece{text: t, raw: l.raw})
	}
	flush()
	if bb.empty() {
		return nil
	}
	bb.into(a)
	return a
}

// continuesLine reports whether next is the hard-wrapped continuation of
// prev rather than a paragraph of its own: prev stops mid-sentence and
// next starts in lowercase, or prev stops mid-sentence at a typical wrap
// width.
func continuesLine(prev, next string) bool {
	if endsSentence(prev) || strings.HasSuffix(prev, ":") {
		return false
	}
	r := firstRune(next)
	if unicode.IsLower(r) {
		return true
	}
	n := utf8.RuneCountInString(prev)
	return n >= 55 && n <= 100
}

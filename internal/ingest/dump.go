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
	rule   bool   // a separator rule ("-----", "* * *") came right before it

	// Shape, computed once per line by classify.
	capText, credit string // caption text and credit when hasCredit
	hasCredit       bool
	titleLike       bool
	marker, subhead bool
	boiler          bool // short non-sentence line (header boilerplate)
	words           int
	caps            bool
}

func (l *dumpLine) classify() {
	l.capText, l.credit, l.hasCredit = splitCredit(l.text)
	l.caps = isAllCaps(l.text)
	l.words = countWords(l.text)
	l.marker = isMarker(l.text)
	l.subhead = isSubheading(l.text)
	l.boiler = isHeaderBoilerplate(l.text)
	l.titleLike = !l.hasCredit && titleShape(l.text)
}

func splitDumpLines(data []byte) []dumpLine {
	var out []dumpLine
	blanks := 0
	rule := false
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
		} else if isRule(t) {
			rule = true
			blanks++
		} else {
			start := pos + lead
			if pos == 0 && strings.HasPrefix(string(data[:min(3, len(data))]), "\ufeff") {
				start += len("\ufeff")
			}
			l := dumpLine{text: t, raw: start, blanks: blanks, rule: rule}
			l.classify()
			out = append(out, l)
			blanks, rule = 0, false
		}
		pos = end + 1
	}
	return out
}

// isRule: a separator line made only of rule characters ("-----",
// "=====", "* * *"), which dumps put between articles.
func isRule(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '-', '=', '*', '_', '#', '~', '•', '·', '—', '–':
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
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
	n := countWords(s)
	return n <= 12 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ",")
}

// isTitleLike: a headline shape — a short line, starting with a capital,
// digit or quote, with no sentence-final period, not all caps.
func isTitleLike(s string) bool {
	if _, _, ok := splitCredit(s); ok {
		return false
	}
	return titleShape(s)
}

// titleShape is isTitleLike without the credit test.
func titleShape(s string) bool {
	n := countWords(s)
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
	return (last != '?' && last != '!') || n <= 16
}

// isHeaderBoilerplate: a short non-sentence line in an article's header
// block (logo text, "Share", "Listen to this article", a kicker).
func isHeaderBoilerplate(s string) bool {
	return countWords(s) <= 3 && len(s) <= 30 && !endsSentence(s)
}

// isByline: "By Jane Doe and John Smith" — "By" and a few capitalised
// names, not a sentence.
func isByline(s string) bool {
	if !strings.HasPrefix(s, "By ") || endsSentence(s) || countWords(s) > 10 {
		return false
	}
	for _, w := range strings.Fields(s)[1:] {
		if r := firstRune(w); !unicode.IsUpper(r) && w != "and" && w != "in" && w != "of" {
			return false
		}
	}
	return true
}

// readDump splits a plain-text dump into articles.
//
// Layout understood: an article starts with a headline, often repeated
// in a header block together with photo captions (themselves often
// doubled) and logo markers; then one paragraph per line (or
// blank-separated, possibly hard-wrapped paragraphs) with optional
// all-caps subheadings. Articles are separated by a separator rule
// ("-----"), by a longer run of blank lines than the paragraphs use, or by
// a repeated headline block.
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
		a := buildDumpArticle(lines[s:e], dumpOpts{detectTitle: true})
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
		if l.rule && hasBody {
			starts = append(starts, i)
			title = l.text
			hasBody = false
			continue
		}
		repeated := repeatedSoon(lines, i)
		titleish := l.titleLike || (l.caps && repeated && l.words >= 3)
		if titleish && hasBody && l.blanks >= 1 && (l.blanks > mode || repeated) {
			starts = append(starts, i)
			title = l.text
			hasBody = false
			continue
		}
		if !l.boiler && !l.marker && !l.subhead && !l.hasCredit && !repeated {
			hasBody = true
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

// dumpOpts adapt buildDumpArticle to text that did not come from a dump
// file (a JSONL "text" field).
type dumpOpts struct {
	detectTitle bool       // take a headline-shaped first line as the title
	title       string     // a title known from metadata; lines repeating it are dropped
	m           *rawMapper // when set, line offsets are not raw offsets: map words instead
}

// buildDumpArticle turns the lines of one article into an Article, or nil
// when they hold no body text.
func buildDumpArticle(lines []dumpLine, o dumpOpts) *model.Article {
	if len(lines) == 0 {
		return nil
	}
	a := model.NewArticle()
	count := map[string]int{}
	for _, l := range lines {
		count[l.text]++
	}
	// The headline is the first line of the header block that is not a
	// logo marker, a short label or a caption. Lines repeating it (the
	// repeated headline block) are dropped below.
	title := o.title
	if title == "" && o.detectTitle {
		for j, l := range lines {
			if l.marker || (l.boiler && !l.subhead) || l.hasCredit {
				continue
			}
			capsHead := l.caps && l.words >= 3 && (count[l.text] > 1 || (j+1 < len(lines) && lines[j+1].blanks > 0))
			if (l.titleLike || capsHead) && j+1 < len(lines) {
				title = l.text
			}
			break
		}
	}
	a.Title = model.Str(title)
	bb := bodyBuilder{m: o.m}
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
		if l.marker || (header && ((l.boiler && !l.subhead) || isByline(t))) {
			continue
		}
		text, credit, hasCredit := l.capText, l.credit, l.hasCredit
		// A caption carries a credit, or is repeated (photo alt text and
		// caption both dumped) in the header block or right next to itself.
		if hasCredit || (!l.caps && count[t] > 1 && (header || dupNext || dupPrev)) {
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
		if l.subhead {
			flush()
			bb.heading(t)
			header = false
			continue
		}
		header = false
		if len(cur) > 0 && !(l.blanks == 0 && continuesLine(cur[len(cur)-1].text, t)) {
			flush()
		}
		raw := l.raw
		if o.m != nil {
			raw = -1
		}
		cur = append(cur, piece{text: t, raw: raw})
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

// countWords counts whitespace-separated words without allocating.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

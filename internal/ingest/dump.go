package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// dumpLine is one non-blank line of a text dump.
type dumpLine struct {
	text   string // trimmed
	raw    int    // offset of text in the raw input; -1 when text was repaired
	blanks int    // blank lines right before it
	rule   bool   // a separator rule ("-----", "* * *") came right before it
	warn   string // a decoding warning for the article holding the line

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
	l.boiler = isHeaderBoilerplate(l.text) && !isDateline(l.text)
	l.titleLike = !l.hasCredit && titleShape(l.text) && !isDateline(l.text)
}

// lineSplitter turns raw lines into dumpLines, tracking the blank lines
// and separator rules before each.
type lineSplitter struct {
	blanks int
	rule   bool
	first  bool // the next line is the input's first (may carry a BOM)
}

// push classifies one raw line (without "\n") starting at input offset
// pos; ok is false for a blank line or a rule. Bytes that are not UTF-8
// are read as Windows-1252 and the line carries a warning.
func (s *lineSplitter) push(raw []byte, pos int) (l dumpLine, ok bool) {
	if !s.first {
		s.first = true
		if bytes.HasPrefix(raw, []byte("\ufeff")) {
			raw = raw[len("\ufeff"):]
			pos += len("\ufeff")
		}
	}
	ln, bad, nbad := repairUTF8(raw)
	lead := len(ln) - len(strings.TrimLeftFunc(ln, unicode.IsSpace))
	t := strings.TrimSpace(ln)
	switch {
	case t == "":
		s.blanks++
		return l, false
	case isRule(t):
		s.rule = true
		s.blanks++
		return l, false
	}
	l = dumpLine{text: t, raw: pos + lead, blanks: s.blanks, rule: s.rule}
	if bad >= 0 {
		// The text no longer matches the raw bytes: no offsets for it.
		l.raw = -1
		l.warn = decodeWarning(int64(pos+bad), nbad)
	}
	l.classify()
	s.blanks, s.rule = 0, false
	return l, true
}

func splitDumpLines(data []byte) []dumpLine {
	var out []dumpLine
	var s lineSplitter
	for pos := 0; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += pos
		}
		if l, ok := s.push(data[pos:end], pos); ok {
			out = append(out, l)
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

// isSubheading: an all-caps line of a few words that is not a sentence,
// nor a table row (a name and two or more figures: "BOSTON 4 12 .250 9",
// or a fixture: "DENVER AT UTAH"), which stays in the body, where its
// names are mentions.
func isSubheading(s string) bool {
	if !isAllCaps(s) || isMarker(s) || isDateline(s) || isTableRow(s) {
		return false
	}
	n := countWords(s)
	return n <= 12 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ",")
}

// isTableRow reports a line of a results table: words, then two or more
// figures ("7 10 .412 6 1/2"); or a fixture, two names joined by AT or
// VS ("CHICAGO AT BOSTON").
func isTableRow(s string) bool {
	fs := strings.Fields(s)
	if len(fs) < 3 || !unicode.IsLetter(firstRune(s)) {
		return false
	}
	if len(fs) <= 9 {
		for k := 1; k < len(fs)-1; k++ {
			if (fs[k] == "AT" || fs[k] == "VS" || fs[k] == "VS.") && k <= 4 && len(fs)-k-1 <= 4 {
				return true
			}
		}
	}
	n := 0
	for _, f := range fs {
		if f[0] >= '0' && f[0] <= '9' || len(f) > 1 && f[0] == '.' && f[1] >= '0' && f[1] <= '9' {
			n++
		}
	}
	return n >= 2
}

// isDateline reports whether s is an agency dateline standing as its own
// line: a place in capitals, then a date ("NAIROBI 1996-08-30", "LIMA,
// March 3, 2025"). It opens the story, so it stays in the body, where the
// place is a mention and the date evidence, rather than becoming a
// subheading.
func isDateline(s string) bool {
	fs := strings.Fields(s)
	if len(fs) < 2 || len(fs) > 8 {
		return false
	}
	first := strings.TrimRight(fs[0], ",")
	if len(first) < 2 || !isAllCaps(first) || strings.ContainsFunc(first, unicode.IsDigit) {
		return false
	}
	return len(findDates(s)) > 0
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
//
// The dump is streamed: lines are collected into chunks of about
// dumpChunkBytes, each cut where an article surely starts (see
// dumpChunk.cutBefore), and each chunk is split into articles on its own,
// so that memory does not grow with the size of the file.
func (r *reader) readDump(br *bufio.Reader) error {
	lr := &lineReader{br: br, max: max(r.opts.MaxArticleBytes, 64<<10)}
	var split lineSplitter
	var ch dumpChunk
	emitted, nonBlank := 0, false
	flush := func(dropLast bool) error {
		n, err := r.dumpArticles(ch.lines, dropLast)
		emitted += n
		ch.reset()
		return err
	}
	for {
		raw, off, _, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			// Keep the articles read whole; the last one may be cut.
			if ferr := flush(true); ferr != nil {
				return ferr
			}
			return r.whole(off, r.readErr(err))
		}
		l, ok := split.push(raw, int(off))
		if !ok {
			continue
		}
		nonBlank = true
		if ch.cutBefore(l) {
			if err := flush(false); err != nil {
				return err
			}
		}
		ch.add(l)
	}
	if err := flush(false); err != nil {
		return err
	}
	if !nonBlank {
		return r.whole(-1, ErrEmpty)
	}
	if emitted == 0 {
		return r.whole(-1, ErrNoArticle)
	}
	return nil
}

// dumpArticles splits lines into articles and emits them; dropLast
// leaves out the last one (cut by a read error).
func (r *reader) dumpArticles(lines []dumpLine, dropLast bool) (int, error) {
	if len(lines) == 0 {
		return 0, nil
	}
	starts := articleStarts(lines)
	if dropLast {
		lines = lines[:starts[len(starts)-1]]
		starts = starts[:len(starts)-1]
	}
	emitted := 0
	for k, s := range starts {
		e := len(lines)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		a := buildDumpArticle(lines[s:e], dumpOpts{detectTitle: true})
		if a == nil {
			r.recordErr(0, int64(lines[s].raw), fmt.Errorf("%d lines from %q hold only a headline or captions: no article", e-s, model.Clip(lines[s].text, 60)))
			continue
		}
		a.Source = r.name
		if r.url != "" {
			a.URL = model.Str(r.url)
		}
		if err := r.finish(a); err != nil {
			return emitted, err
		}
		emitted++
	}
	return emitted, nil
}

// Chunk sizes of a streamed dump: past dumpChunkBytes a chunk ends at the
// next line that starts an article for sure (after a rule, or after more
// blank lines than the chunk's paragraphs use); past four times that at
// any line after a blank; past sixteen times at any line (a dump with no
// breaks at all: its articles are capped anyway).
const dumpChunkBytes = 1 << 20

// dumpChunk collects the lines of a streamed dump between two cuts.
type dumpChunk struct {
	lines []dumpLine
	bytes int
	runs  map[int]int // blank-run length → count, for the paragraph mode
}

func (c *dumpChunk) add(l dumpLine) {
	if len(c.lines) > 0 && l.blanks > 0 {
		if c.runs == nil {
			c.runs = map[int]int{}
		}
		c.runs[l.blanks]++
	}
	c.lines = append(c.lines, l)
	c.bytes += len(l.text)
}

func (c *dumpChunk) reset() {
	clear(c.lines)
	c.lines = c.lines[:0]
	c.bytes = 0
	clear(c.runs)
}

// cutBefore says whether the chunk should be split into articles before
// line l, which then starts the next chunk.
func (c *dumpChunk) cutBefore(l dumpLine) bool {
	switch {
	case c.bytes < dumpChunkBytes:
		return false
	case l.rule:
		return true
	case c.bytes >= 16*dumpChunkBytes:
		return true
	case c.bytes >= 4*dumpChunkBytes:
		return l.blanks > 0
	}
	mode, best := 1, 0
	for n, k := range c.runs {
		if k > best || (k == best && n < mode) {
			mode, best = n, k
		}
	}
	return l.blanks > mode
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
	// stated marks text that its record states is the story (a JSONL
	// "text" field): it is never rejected as a header block, however
	// short or repetitive, since the record has readable text.
	stated bool
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
	for _, l := range lines {
		if l.warn != "" {
			addWarning(a, l.warn)
		}
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
		// Everything looked like a header block (every paragraph repeated
		// or credited). Several paragraphs of prose are still a story, and
		// so is any text its record states is the story: keep it all as
		// body rather than reject the record.
		if n, longest := proseLines(lines, title); n < 2 && longest < 40 && !o.stated {
			return nil
		}
		a.Captions = nil
		bb = bodyBuilder{m: o.m}
		for _, l := range lines {
			if l.text == title || l.marker {
				continue
			}
			raw := l.raw
			if o.m != nil {
				raw = -1
			}
			bb.para(piece{text: l.text, raw: raw})
		}
		if bb.empty() {
			return nil // only the headline
		}
	}
	bb.into(a)
	return a
}

// proseLines counts the lines that read as running prose (several words
// ending a sentence, not the title) and the words of the longest: one
// paragraph of 40 words is a story, not a caption.
func proseLines(lines []dumpLine, title string) (n, longest int) {
	for _, l := range lines {
		if l.text != title && l.words >= 8 && endsSentence(l.text) {
			n++
			longest = max(longest, l.words)
		}
	}
	return n, longest
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

package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// word is one run of letters/digits of a sentence, or a clitic ("'s").
type word struct {
	s, e  int    // byte offsets in the sentence
	lw    string // lower case, "’" folded to "'"
	num   int    // value when the word is all digits (or a day ordinal), else -1
	nd    int    // digits in num
	upper bool   // starts with an upper-case letter
}

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthAbbr are accepted only before a day or year ("Jan. 5", "Sept 2023").
var monthAbbr = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var smallNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "few": 3, "several": 3,
}

// prepositions that belong to the expression's text ("on Friday", "in
// March", "since 2016"), as the gold annotation writes them.
var keptPreps = map[string]bool{"in": true, "on": true, "since": true}

// yearPreps license a bare four-digit number as a year.
var yearPreps = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "during": true, "from": true,
	"through": true, "before": true, "after": true, "early": true, "late": true, "mid": true, "of": true,
	"to": true, "and": true, "between": true, "around": true, "throughout": true, "summer": true,
	"spring": true, "autumn": true, "winter": true, "fall": true, "end": true,
}

// weakYearPreps also introduce counts, so after them a four-digit number
// followed by a lower-case word is not taken as a year.
var weakYearPreps = map[string]bool{
	"of": true, "to": true, "and": true, "from": true, "between": true, "around": true, "through": true,
}

// connectors may follow a year ("from 2014 to 2016").
var connectors = map[string]bool{
	"to": true, "and": true, "or": true, "until": true, "through": true, "when": true, "as": true,
	"but": true, "in": true, "on": true, "at": true, "with": true, "for": true, "after": true, "before": true,
}

// monthPreps license a bare month name ("since March", "early May").
var monthPreps = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "during": true, "from": true,
	"through": true, "before": true, "after": true, "early": true, "late": true, "mid": true, "of": true,
	"to": true, "last": true, "next": true, "this": true, "between": true, "and": true,
}

type dir int

const (
	neutral dir = iota
	past
	future
)

// finder holds one sentence's state.
type finder struct {
	r     *Resolver
	sent  string
	base  int
	idx   int
	pub   *time.Time
	words []word
	low   []byte // ASCII-folded copy of the sentence, reused
	out   []model.Time
}

// Find returns the time expressions of sentence, whose first byte is at
// body offset base and which is sentence number sentIdx. pub is the
// publication day or nil; without it relative expressions get no value.
func (r *Resolver) Find(sentence string, base int, sentIdx int, pub *time.Time) []model.Time {
	f := finder{r: r}
	return f.find(sentence, base, sentIdx, pub)
}

// find is Find with the finder's buffers reused across sentences; the
// returned slice is the caller's.
func (f *finder) find(sentence string, base int, sentIdx int, pub *time.Time) []model.Time {
	f.sent, f.base, f.idx, f.pub, f.out = sentence, base, sentIdx, pub, nil
	f.scan()
	for i := 0; i < len(f.words); {
		if n := f.match(i); n > 0 {
			i += n
			continue
		}
		i++
	}
	return f.out
}

func (f *finder) scan() {
	s := f.sent
	f.words = f.words[:0]
	// Keywords are ASCII, so folding ASCII only keeps byte offsets aligned
	// and lets every word's lower-case form be a substring of one string.
	f.low = append(f.low[:0], s...)
	for k, c := range f.low {
		if c >= 'A' && c <= 'Z' {
			f.low[k] = c + 'a' - 'A'
		}
	}
	low := string(f.low)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(r) {
			// A clitic glued to the previous word: "Thursday's", "he'll".
			if (r == '\'' || r == '’') && len(f.words) > 0 && f.words[len(f.words)-1].e == i {
				j := i + size
				for j < len(s) && s[j] >= 'a' && s[j] <= 'z' || j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
					j++
				}
				if j > i+size {
					lw := "'s"
					if low[i+size:j] != "s" {
						lw = "'" + low[i+size:j]
					}
					f.words = append(f.words, word{s: i, e: j, lw: lw, num: -1})
					i = j
					continue
				}
			}
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !isAlnum(r2) {
				break
			}
			j += sz
		}
		w := word{s: i, e: j, lw: low[i:j], num: -1, upper: unicode.IsUpper(r)}
		n, nd := 0, 0
		for k := i; k < j && s[k] >= '0' && s[k] <= '9' && nd < 9; k++ {
			n = n*10 + int(s[k]-'0')
			nd++
		}
		if nd > 0 {
			switch rest := w.lw[nd:]; rest {
			case "":
				w.num, w.nd = n, nd
			case "st", "nd", "rd", "th":
				if nd <= 2 {
					w.num, w.nd = n, nd
				}
			case "s":
				if nd == 4 { // decades, "1990s"
					w.num, w.nd = n, nd
				}
			}
		}
		f.words = append(f.words, w)
		i = j
	}
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// gap returns the text between word i and word i+1.
func (f *finder) gap(i int) string {
	if i+1 >= len(f.words) || i < 0 {
		return "."
	}
	return f.sent[f.words[i].e:f.words[i+1].s]
}

// adj reports whether words i and i+1 are separated only by spaces.
func (f *finder) adj(i int) bool {
	g := f.gap(i)
	return g != "" && strings.TrimSpace(g) == ""
}

func (f *finder) lw(i int) string {
	if i < 0 || i >= len(f.words) {
		return ""
	}
	return f.words[i].lw
}

// match tries every pattern at word i and returns how many words it
// consumed, or 0.
func (f *finder) match(i int) int {
	w := f.words[i]
	if w.num >= 0 {
		if n := f.matchNumber(i); n > 0 {
			return n
		}
		return 0
	}
	if w.upper { // month and day names are capitalised; most words are not
		if m, ok := monthNames[w.lw]; ok {
			return f.matchMonth(i, m, true)
		}
		if m, ok := monthAbbr[w.lw]; ok {
			return f.matchMonth(i, m, false)
		}
		if wd, ok := weekdays[w.lw]; ok {
			return f.matchWeekday(i, wd)
		}
	}
	if v, ok := smallNumbers[w.lw]; ok {
		return f.matchAgo(i, v)
	}
	switch w.lw {
	case "today", "tonight", "yesterday", "tomorrow":
		return f.matchDeictic(i)
	case "this", "last", "next", "earlier", "later", "past", "coming", "recent", "over", "at", "the":
		return f.matchRelative(i)
	}
	return 0
}

// start returns the first word index and byte offset of an expression
// whose core begins at word i, taking in a kept preposition and an
// early/mid/late modifier before it.
func (f *finder) start(i int, allowMod bool) (int, string) {
	first, prep := i, ""
	if allowMod && i > 0 {
		switch f.lw(i - 1) {
		case "early", "mid", "late":
			if g := f.gap(i - 1); strings.TrimSpace(g) == "" || g == "-" {
				first = i - 1
			}
		}
	}
	if first > 0 && keptPreps[f.lw(first-1)] && f.adj(first-1) {
		prep = f.lw(first - 1)
		first--
	} else if first > 0 {
		prep = f.lw(first - 1)
	}
	return first, prep
}

// emit records an expression spanning words [a, b].
func (f *finder) emit(a, b int, value *string, prec string, from, to *string) {
	s, e := f.words[a].s, f.words[b].e
	f.out = append(f.out, model.Time{
		Mention:   model.Mention{Sentence: f.idx, Start: f.base + s, End: f.base + e, Text: f.sent[s:e]},
		Value:     value,
		Precision: prec,
		From:      from,
		To:        to,
	})
}

func (f *finder) emitRange(a, b int, from, to *string) {
	f.emit(a, b, nil, model.PrecisionRange, from, to)
}

func dayStr(t time.Time) *string { s := t.Format("2006-01-02"); return &s }
func monthStr(y int, m time.Month) *string {
	s := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	return &s
}
func yearStr(y int) *string {
	s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006")
	return &s
}

func (f *finder) pubDay() *string {
	if f.pub == nil {
		return nil
	}
	return dayStr(*f.pub)
}

// validDay reports whether d is a day of month m in year y.
func validDay(y int, m time.Month, d int) bool {
	if d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func isYear(w word) bool { return w.nd == 4 && w.num >= 1800 && w.num <= 2199 && len(w.lw) == 4 }

// direction looks for future cues around words [a, b]: a few words before
// (not across clause punctuation) and the two words after.
func (f *finder) direction(a, b int) dir {
	for k := a - 1; k >= 0 && k >= a-f.r.opts.CueWindow; k-- {
		if clauseBreak(f.gap(k)) {
			break
		}
		if f.isCue(k) {
			return future
		}
	}
	for k := b + 1; k < len(f.words) && k <= b+2; k++ {
		if clauseBreak(f.gap(k - 1)) {
			break
		}
		if f.isCue(k) {
			return future
		}
	}
	return neutral
}

func clauseBreak(g string) bool {
	return strings.ContainsAny(g, ",;:()\"“”.!?")
}

func (f *finder) isCue(k int) bool {
	for _, need := range f.r.cues[strings.TrimPrefix(f.words[k].lw, "'")] {
		if need == "" || f.lw(k+1) == need {
			return true
		}
	}
	return false
}

// matchNumber handles "2024-03-09", "9 March 2024", years and decades.
func (f *finder) matchNumber(i int) int {
	w := f.words[i]
	s := f.sent
	if w.nd <= 3 && len(w.lw) == w.nd {
		if n := f.matchAgo(i, w.num); n > 0 {
			return n
		}
	}
	// ISO date: the scanner splits it at the hyphens.
	if isYear(w) && i+2 < len(f.words) && f.gap(i) == "-" && f.gap(i+1) == "-" &&
		f.words[i+1].nd == 2 && f.words[i+2].nd == 2 && len(f.words[i+1].lw) == 2 && len(f.words[i+2].lw) == 2 {
		y, m, d := w.num, time.Month(f.words[i+1].num), f.words[i+2].num
		if m >= 1 && m <= 12 && validDay(y, m, d) && (i+3 >= len(f.words) || f.gap(i+2) != "-") {
			first, _ := f.start(i, false)
			f.emit(first, i+2, dayStr(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)), model.PrecisionDay, nil, nil)
			return i + 3 - first - (i - first)
		}
	}
	// Day Month [Year]: "9 March 2024", "09 January 2025".
	if w.nd <= 2 && w.num >= 1 && w.num <= 31 && i+1 < len(f.words) && f.adj(i) {
		nw := f.words[i+1]
		m, ok := monthNames[nw.lw]
		if !ok {
			m, ok = monthAbbr[nw.lw]
		}
		if ok && nw.upper {
			first, _ := f.start(i, false)
			last := i + 1
			y := -1
			if i+2 < len(f.words) && isYear(f.words[i+2]) && (f.adj(i+1) || strings.TrimSpace(f.gap(i+1)) == ".") {
				y, last = f.words[i+2].num, i+2
			}
			f.emitDayOfMonth(first, last, y, m, w.num)
			return last - i + 1
		}
	}
	// Decades: "the 1990s".
	if w.nd == 4 && strings.HasSuffix(w.lw, "s") && len(w.lw) == 5 && w.num%10 == 0 && w.num >= 1800 && w.num <= 2190 {
		first, _ := f.start(i, true)
		if first == i && i > 0 && f.lw(i-1) == "the" && f.adj(i-1) {
			first = i - 1
			if i > 1 && keptPreps[f.lw(i-2)] && f.adj(i-2) {
				first = i - 2
			}
		}
		f.emitRange(first, i, yearStr(w.num), yearStr(w.num+9))
		return 1
	}
	// Bare years need a licensing word before them, so "2016 troops" or a
	// count is left alone.
	if isYear(w) && i > 0 && yearPreps[f.lw(i-1)] && !strings.ContainsAny(f.gap(i), "-/") && s[w.s-1] != '$' {
		if i+1 < len(f.words) && f.words[i+1].num >= 0 && f.adj(i) {
			return 0 // "in 2016 15 people": ambiguous, leave it
		}
		if weakYearPreps[f.lw(i-1)] && i+1 < len(f.words) && f.adj(i) && !f.words[i+1].upper && f.words[i+1].num < 0 && !connectors[f.lw(i+1)] {
			return 0 // "a total of 2000 troops", "around 1900 people"
		}
		first, prep := f.start(i, true)
		if prep == "since" {
			f.emitRange(first, i, yearStr(w.num), f.pubDay())
		} else {
			f.emit(first, i, yearStr(w.num), model.PrecisionYear, nil, nil)
		}
		return 1
	}
	return 0
}

// emitDayOfMonth resolves a day of a month; y < 0 means the year is not
// written and comes from the publication date.
func (f *finder) emitDayOfMonth(first, last, y int, m time.Month, d int) {
	if y < 0 {
		if f.pub == nil {
			f.emit(first, last, nil, model.PrecisionDay, nil, nil)
			return
		}
		y = f.pub.Year()
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if f.direction(first, last) == future {
			if t.Before(*f.pub) {
				y++
			}
		} else if t.After(*f.pub) {
			y--
		}
	}
	if !validDay(y, m, d) {
		return
	}
	v := dayStr(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	if f.lw(first) == "since" {
		f.emitRange(first, last, v, f.pubDay())
		return
	}
	f.emit(first, last, v, model.PrecisionDay, nil, nil)
}

// matchMonth handles "March 9", "March 9, 2024", "March 2023", "in March".
func (f *finder) matchMonth(i int, m time.Month, full bool) int {
	j := i // last word of the month name (an abbreviation may carry a '.')
	nextGapOK := func(k int) bool {
		g := f.gap(k)
		return strings.TrimSpace(g) == "" && g != "" || (!full && strings.TrimSpace(g) == ".")
	}
	if j+1 < len(f.words) && nextGapOK(j) {
		nw := f.words[j+1]
		// Month Year.
		if isYear(nw) {
			first, prep := f.start(i, true)
			if prep == "since" && first < i {
				f.emitRange(first, j+1, monthStr(nw.num, m), f.pubDay())
			} else {
				f.emit(first, j+1, monthStr(nw.num, m), model.PrecisionMonth, nil, nil)
			}
			return j + 2 - i
		}
		// Month Day [, Year].
		if nw.num >= 1 && nw.num <= 31 && nw.nd <= 2 && !(j+2 < len(f.words) && f.gap(j+1) == ":") {
			first, _ := f.start(i, false)
			last, y := j+1, -1
			if j+2 < len(f.words) && isYear(f.words[j+2]) {
				if g := strings.TrimSpace(f.gap(j + 1)); g == "," || g == "" {
					last, y = j+2, f.words[j+2].num
				}
			}
			f.emitDayOfMonth(first, last, y, m, nw.num)
			return last - i + 1
		}
	}
	if !full || i == 0 {
		return 0
	}
	// A bare month needs a licensing word before it; "May" only after
	// "in" (else it is the modal verb).
	prev := f.lw(i - 1)
	if !monthPreps[prev] || (m == time.May && prev != "in" && prev != "since" && prev != "early" && prev != "late" && prev != "mid") {
		return 0
	}
	first, prep := f.start(i, true)
	if prev == "last" || prev == "next" || prev == "this" {
		first = i - 1
	}
	if f.pub == nil {
		if prep == "since" {
			f.emitRange(first, i, nil, nil)
		} else {
			f.emit(first, i, nil, model.PrecisionMonth, nil, nil)
		}
		return 1
	}
	y, pm := f.pub.Year(), f.pub.Month()
	switch {
	case prev == "last":
		if m >= pm {
			y--
		}
	case prev == "next":
		if m <= pm {
			y++
		}
	case prev == "this":
	case f.direction(first, i) == future:
		if m < pm {
			y++
		}
	default:
		if m > pm {
			y--
		}
	}
	if prep == "since" {
		f.emitRange(first, i, monthStr(y, m), f.pubDay())
	} else {
		f.emit(first, i, monthStr(y, m), model.PrecisionMonth, nil, nil)
	}
	return 1
}

// weekdayPreps introduce a day even before a capitalised word.
var weekdayPreps = map[string]bool{"by": true, "until": true, "from": true, "before": true, "after": true, "for": true, "since": true, "on": true}

var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// matchWeekday handles "on Friday", "Thursday's", "last Friday", "next
// Tuesday", "Friday morning", "since Monday".
func (f *finder) matchWeekday(i int, wd time.Weekday) int {
	first, prep := f.start(i, false)
	mod := ""
	switch prep {
	case "last", "next", "this", "coming", "past":
		if f.adj(i - 1) {
			mod, first = prep, i-1
		}
	}
	if first == i && mod == "" && i+1 < len(f.words) && f.words[i+1].upper && f.adj(i) && !weekdayPreps[prep] {
		// A bare weekday before a capital is a name ("Friday Ndlovu"),
		// unless a preposition says it is a day ("On Monday Putin said").
		return 0
	}
	last := i
	if i+1 < len(f.words) && (f.lw(i+1) == "'s") {
		last = i + 1
	}
	if last+1 < len(f.words) && partsOfDay[f.lw(last+1)] && f.adj(last) {
		last++
	}
	n := last - i + 1
	if f.pub == nil {
		f.emit(first, last, nil, model.PrecisionDay, nil, nil)
		return n
	}
	p := *f.pub
	back := (int(p.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(p.Weekday()) + 7) % 7
	var d time.Time
	switch mod {
	case "last", "past":
		if back == 0 {
			back = 7
		}
		d = p.AddDate(0, 0, -back)
	case "next", "coming":
		if fwd == 0 {
			fwd = 7
		}
		d = p.AddDate(0, 0, fwd)
	case "this":
		d = monday(p).AddDate(0, 0, (int(wd)+6)%7)
	default:
		if f.direction(first, last) == future {
			d = p.AddDate(0, 0, fwd)
		} else {
			d = p.AddDate(0, 0, -back)
		}
	}
	if prep == "since" {
		f.emitRange(first, last, dayStr(d), f.pubDay())
		return n
	}
	f.emit(first, last, dayStr(d), model.PrecisionDay, nil, nil)
	return n
}

// monday returns the Monday of t's week (weeks start on Monday, ISO 8601).
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// matchDeictic handles today, tonight, yesterday, tomorrow.
func (f *finder) matchDeictic(i int) int {
	first := i
	last := i
	if f.lw(i) != "tonight" && i+1 < len(f.words) && partsOfDay[f.lw(i+1)] && f.adj(i) {
		last = i + 1
	}
	if f.pub == nil {
		f.emit(first, last, nil, model.PrecisionDay, nil, nil)
		return last - i + 1
	}
	d := *f.pub
	switch f.lw(i) {
	case "yesterday":
		d = d.AddDate(0, 0, -1)
	case "tomorrow":
		d = d.AddDate(0, 0, 1)
	}
	f.emit(first, last, dayStr(d), model.PrecisionDay, nil, nil)
	return last - i + 1
}

// unitOf maps period words to a canonical unit.
func unitOf(w string) string {
	switch w {
	case "day", "days":
		return "day"
	case "week", "weeks":
		return "week"
	case "weekend", "weekends":
		return "weekend"
	case "month", "months":
		return "month"
	case "year", "years":
		return "year"
	case "morning", "afternoon", "evening", "night":
		return "partofday"
	case "hour", "hours":
		return "hour"
	case "decade", "decades":
		return "decade"
	}
	return ""
}

// matchRelative handles the phrases that start with this/last/next/
// earlier/later/past/coming/recent/over/the.
func (f *finder) matchRelative(i int) int {
	w := f.lw(i)
	if !f.adj(i) {
		return 0
	}
	switch w {
	case "earlier", "later":
		// "earlier this month", "later this year".
		if f.lw(i+1) == "this" && f.adj(i+1) {
			if u := unitOf(f.lw(i + 2)); u == "week" || u == "month" || u == "year" {
				f.periodPart(i, i+2, u, w == "earlier")
				return 3
			}
		}
		return 0
	case "this", "last", "next":
		u := unitOf(f.lw(i + 1))
		if u == "" || u == "day" || u == "decade" {
			return 0
		}
		f.period(i, i+1, w, u)
		return 2
	case "over", "at", "the":
		// "over the weekend", "the past two weeks", "the coming days".
		k := i
		if w == "over" || w == "at" {
			if f.lw(i+1) != "the" || !f.adj(i+1) {
				return 0
			}
			k = i + 1
		}
		if f.lw(k+1) == "weekend" && (w == "over" || w == "at") {
			f.period(i, k+1, "last", "weekend")
			return k + 2 - i
		}
		return f.matchSpan(i, k+1)
	case "past", "coming", "recent":
		return f.matchSpan(i, i)
	}
	return 0
}

// matchAgo handles "two days ago", "a year ago", "18 months ago" with the
// count n at word i.
func (f *finder) matchAgo(i, n int) int {
	u := unitOf(f.lw(i + 1))
	if n <= 0 || f.lw(i+2) != "ago" || !f.adj(i) || !f.adj(i+1) {
		return 0
	}
	switch u {
	case "day", "week", "month", "year", "decade", "hour":
	default:
		return 0
	}
	if f.pub == nil {
		prec := model.PrecisionDay
		if u == "month" {
			prec = model.PrecisionMonth
		} else if u == "year" || u == "decade" {
			prec = model.PrecisionYear
		}
		f.emit(i, i+2, nil, prec, nil, nil)
		return 3
	}
	t := shift(*f.pub, u, -n)
	switch u {
	case "month":
		f.emit(i, i+2, monthStr(t.Year(), t.Month()), model.PrecisionMonth, nil, nil)
	case "year", "decade":
		f.emit(i, i+2, yearStr(t.Year()), model.PrecisionYear, nil, nil)
	default:
		f.emit(i, i+2, dayStr(t), model.PrecisionDay, nil, nil)
	}
	return 3
}

// matchSpan handles "[in] [the] past|last|coming|next [few|N] days|weeks|..."
// and "[in] recent years", with the keyword at word k and the phrase
// starting at word a.
func (f *finder) matchSpan(a, k int) int {
	kw := f.lw(k)
	if kw != "past" && kw != "last" && kw != "coming" && kw != "next" && kw != "recent" {
		return 0
	}
	if k > a && !f.adj(a) {
		return 0
	}
	n, j := 1, k+1
	if v, ok := smallNumbers[f.lw(j)]; ok && f.adj(k) {
		n, j = v, j+1
		if f.lw(j) == "few" { // "a few"
			n, j = 3, j+1
		}
	} else if wj := f.words; j < len(wj) && wj[j].num > 0 && wj[j].nd <= 3 && len(wj[j].lw) == wj[j].nd && f.adj(k) {
		n, j = wj[j].num, j+1
	}
	u := unitOf(f.lw(j))
	if u == "" || u == "partofday" || u == "weekend" || !f.adj(j-1) {
		return 0
	}
	if u == "hour" && kw != "past" && kw != "last" && kw != "next" {
		return 0
	}
	plural := strings.HasSuffix(f.lw(j), "s")
	if kw == "recent" && !plural {
		return 0
	}
	if (kw == "last" || kw == "next") && a == k {
		// "last week" without "the" is a calendar period (matched
		// elsewhere); "last three weeks" needs "the".
		return 0
	}
	first := a
	if first > 0 && (keptPreps[f.lw(first-1)] || f.lw(first-1) == "over" || f.lw(first-1) == "during" || f.lw(first-1) == "within") && f.adj(first-1) {
		first--
	}
	if f.pub == nil {
		f.emitRange(first, j, nil, nil)
		return j - a + 1
	}
	p := *f.pub
	if kw == "coming" || kw == "next" {
		if kw == "coming" && n == 1 && plural {
			// "in the coming days/weeks/months": vague, default extents.
			switch u {
			case "day":
				return f.rangeTo(a, first, j, p, p.AddDate(0, 0, 7))
			case "week":
				return f.rangeTo(a, first, j, p, p.AddDate(0, 1, 0))
			case "month":
				return f.rangeTo(a, first, j, p, p.AddDate(0, 3, 0))
			case "year":
				return f.rangeTo(a, first, j, p, p.AddDate(3, 0, 0))
			case "decade":
				return f.rangeTo(a, first, j, p, p.AddDate(20, 0, 0))
			}
		}
		return f.rangeTo(a, first, j, p, shift(p, u, n))
	}
	if kw == "recent" {
		f.emitRange(first, j, nil, dayStr(p))
		return j - a + 1
	}
	return f.rangeTo(a, first, j, shift(p, u, -n), p)
}

func (f *finder) rangeTo(a, first, last int, from, to time.Time) int {
	f.emitRange(first, last, dayStr(from), dayStr(to))
	return last - a + 1
}

func shift(t time.Time, unit string, n int) time.Time {
	switch unit {
	case "hour":
		// Dates have day precision: "the past 24 hours" reaches back a day.
		days := (n + 23) / 24
		if n < 0 {
			days = -((-n + 23) / 24)
		}
		return t.AddDate(0, 0, days)
	case "day":
		return t.AddDate(0, 0, n)
	case "week":
		return t.AddDate(0, 0, 7*n)
	case "month":
		return t.AddDate(0, n, 0)
	case "year":
		return t.AddDate(n, 0, 0)
	case "decade":
		return t.AddDate(10*n, 0, 0)
	}
	return t
}

// period emits "this/last/next week|month|year|weekend|morning...".
func (f *finder) period(a, b int, which, unit string) {
	if f.pub == nil {
		prec := model.PrecisionRange
		switch unit {
		case "year":
			prec = model.PrecisionYear
		case "month":
			prec = model.PrecisionMonth
		case "partofday":
			prec = model.PrecisionDay
		}
		f.emit(a, b, nil, prec, nil, nil)
		return
	}
	p := *f.pub
	off := 0
	switch which {
	case "last":
		off = -1
	case "next":
		off = 1
	}
	switch unit {
	case "year":
		f.emit(a, b, yearStr(p.Year()+off), model.PrecisionYear, nil, nil)
	case "month":
		t := time.Date(p.Year(), p.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		f.emit(a, b, monthStr(t.Year(), t.Month()), model.PrecisionMonth, nil, nil)
	case "week":
		mon := monday(p).AddDate(0, 0, 7*off)
		to := mon.AddDate(0, 0, 6)
		if off == 0 {
			to = p
		}
		f.emitRange(a, b, dayStr(mon), dayStr(to))
	case "weekend":
		// The weekend on or before publication for "last"/"over the",
		// the coming one for "this"/"next".
		sat := p.AddDate(0, 0, -((int(p.Weekday()) + 1) % 7))
		switch {
		case off > 0 || (off == 0 && p.Weekday() != time.Sunday && p.Weekday() != time.Saturday):
			sat = p.AddDate(0, 0, (int(time.Saturday)-int(p.Weekday())+7)%7)
			if off > 0 && p.Weekday() == time.Saturday {
				sat = sat.AddDate(0, 0, 7)
			}
		case off < 0 && p.Weekday() == time.Saturday:
			sat = sat.AddDate(0, 0, -7)
		}
		f.emitRange(a, b, dayStr(sat), dayStr(sat.AddDate(0, 0, 1)))
	case "partofday":
		d := p
		if which == "last" {
			d = p.AddDate(0, 0, -1) // "last night"
		} else if which == "next" {
			d = p.AddDate(0, 0, 1)
		}
		f.emit(a, b, dayStr(d), model.PrecisionDay, nil, nil)
	case "decade":
		f.emitRange(a, b, nil, nil)
	case "day":
		f.emit(a, b, nil, model.PrecisionDay, nil, nil)
	}
}

// periodPart emits "earlier this X" (start of X to publication) and
// "later this X" (publication to end of X).
func (f *finder) periodPart(a, b int, unit string, earlier bool) {
	if f.pub == nil {
		f.emitRange(a, b, nil, nil)
		return
	}
	p := *f.pub
	var start, end time.Time
	switch unit {
	case "week":
		start = monday(p)
		end = start.AddDate(0, 0, 6)
	case "month":
		start = time.Date(p.Year(), p.Month(), 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(0, 1, -1)
	default:
		start = time.Date(p.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		end = time.Date(p.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if earlier {
		f.emitRange(a, b, dayStr(start), dayStr(p))
	} else {
		f.emitRange(a, b, dayStr(p), dayStr(end))
	}
}

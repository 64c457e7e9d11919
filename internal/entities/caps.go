package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldCaps reads ALL-CAPS stretches of a sentence (headlines, datelines
// such as "PARIS 1997-03-02", table rows) through their case-folded form,
// so that lexicon and gazetteer names match them: "NEW YORK" is read as
// "New York" and "IN" as "in". Only runs of two or more all-caps words, or
// a sentence-opening all-caps word before a comma or a number (a
// dateline), are folded: a lone acronym in running text ("NATO", "FBI")
// stays as it is, and so does any word the lexicon knows in capitals.
// Folded tokens keep their body offsets; mentions show the text as
// written.
func (d *doc) foldCaps() {
	toks := d.toks
	any := false
	for i := range toks {
		if toks[i].word && isAllCaps(toks[i].text) {
			any = true
			break
		}
	}
	if !any {
		return
	}
	caps := make([]bool, len(toks))
	nc, nw := 0, 0
	for i := range toks {
		caps[i] = toks[i].word && isAllCaps(toks[i].text)
		if toks[i].word && !isDigitStart(toks[i].text) {
			nw++
			if caps[i] {
				nc++
			}
		}
	}
	headline := nc*10 >= nw*6 // a line mostly in capitals is a headline throughout
	for i := range toks {
		if !caps[i] {
			continue
		}
		prev, next := d.neighbourWord(i, -1), d.neighbourWord(i, 1)
		run := headline || prev >= 0 && caps[prev] || next >= 0 && caps[next]
		dateline := i == 0 && (d.tokAt(i+1).text == "," || isDigitStart(d.tokAt(i+1).text))
		if !run && !dateline {
			continue
		}
		t := &toks[i]
		if _, known := d.r.lex.proper.first[t.text]; known && utf8.RuneCountInString(t.text) <= 4 {
			continue // "US", "UN", "NATO" are written so
		}
		if _, ok := d.r.lex.abbrevs[t.text]; ok {
			continue
		}
		if functionWords[t.lower] {
			t.text, t.cap, t.folded = t.lower, false, true
			continue
		}
		if utf8.RuneCountInString(t.text) <= 3 && !d.r.lex.gaz().Has(titleCase(t.text)) && !d.opensName(i, next) {
			continue // an unknown short word in capitals is likelier an acronym
		}
		t.text, t.folded = titleCase(t.text), true
	}
}

// opensName reports a short capitalised word that opens a known
// two-word name with the next word ("NEW YORK", "LOS ANGELES", "ST LOUIS").
func (d *doc) opensName(i, next int) bool {
	if next != i+1 {
		return false
	}
	two := titleCase(d.toks[i].text) + " " + titleCase(d.toks[next].text)
	if d.r.lex.gaz().Has(two) {
		return true
	}
	_, ok := d.r.lex.proper.m[two]
	return ok
}

// neighbourWord is the nearest word token before (dir -1) or after (dir
// 1) token i, across punctuation other than a sentence-internal stop, or -1.
func (d *doc) neighbourWord(i, dir int) int {
	for j := i + dir; j >= 0 && j < len(d.toks); j += dir {
		if d.toks[j].word {
			return j
		}
		if t := d.toks[j].text; t != "-" && t != "," && t != "'" && t != "\"" {
			return -1
		}
	}
	return -1
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// titleCase upper-cases the first letter of s and of each part after a
// hyphen or apostrophe ("SAINT-DENIS" -> "Saint-Denis"), lower-casing the
// rest.
func titleCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == '-' || r == '\'' || r == '’' || r == '.'
	}
	return b.String()
}

// foldedIn reports whether any token of [s, e) was case-folded.
func (d *doc) foldedIn(s, e int) bool {
	for k := s; k < e && k < len(d.toks); k++ {
		if d.toks[k].folded {
			return true
		}
	}
	return false
}

// tokText joins the (possibly case-folded) token texts of [s, e).
func (d *doc) tokText(s, e int) string {
	parts := make([]string, 0, e-s)
	for k := s; k < e; k++ {
		parts = append(parts, d.toks[k].text)
	}
	return strings.Join(parts, " ")
}

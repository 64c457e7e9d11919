package actors

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// doc is the per-article state, reused across articles (Stage.pool).
type doc struct {
	t    *tables
	a    *model.Article
	date time.Time
	// keys[s] are sentence s's tokens in upper case, filled on demand
	// (nil until then) from buf.
	keys [][]string
	buf  []string
	// owner[s][i] is the entity (index into a.Entities, or into news
	// after len(a.Entities)) whose mention covers token i, -1 none.
	owner [][]int32
	obuf  []int32
	news  []model.Entity
	// formBuf and endBuf hold a name's other spelling (nameForm)
	formBuf []string
	endBuf  []int
	byKey   map[string]int // key of a new entity -> index into news
	// countries are the countries the article's places and demonyms name.
	countries map[string]bool
	// focus is the article's main country ("" none): the country most
	// mentioned by its places and demonyms.
	focus string
}

func (d *doc) reset(t *tables, a *model.Article, date time.Time) {
	d.t, d.a, d.date = t, a, date
	n := len(a.Sentences)
	d.keys = resize(d.keys, n)
	d.owner = resize(d.owner, n)
	d.buf, d.obuf = d.buf[:0], d.obuf[:0]
	d.news = nil
	if d.byKey == nil {
		d.byKey = map[string]int{}
	}
	clear(d.byKey)
	total := 0
	for s := 0; s < n; s++ {
		total += len(a.Tokens[s])
	}
	if cap(d.obuf) < total {
		d.obuf = make([]int32, total)
	}
	d.obuf = d.obuf[:total]
	for i := range d.obuf {
		d.obuf[i] = -1
	}
	off := 0
	for s := 0; s < n; s++ {
		k := len(a.Tokens[s])
		d.owner[s] = d.obuf[off : off+k : off+k]
		d.keys[s] = nil
		off += k
	}
	if d.countries == nil {
		d.countries = map[string]bool{}
	}
	clear(d.countries)
	counts := map[string]int{}
	first := map[string]int{}
	for i := range a.Entities {
		e := &a.Entities[i]
		d.cover(int32(i), e.Mentions)
		d.cover(int32(i), e.Affiliations)
		if e.Type == model.TypePlace && e.Country != nil && *e.Country != "" {
			c := *e.Country
			d.countries[c] = true
			counts[c] += len(e.Mentions)
			for _, m := range e.Affiliations {
				if !d.patronAfter(m.End) {
					counts[c]++ // a sponsor ("Turkish-backed") is not the article's place
				}
			}
			if _, ok := first[c]; !ok {
				first[c] = len(first)
			}
		}
	}
	d.focus = ""
	for c, n := range counts {
		if n == 0 {
			continue
		}
		if f := d.focus; f == "" || n > counts[f] || n == counts[f] && first[c] < first[f] {
			d.focus = c
		}
	}
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// cover marks the tokens of ms as entity x's.
func (d *doc) cover(x int32, ms []model.Mention) {
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(d.owner) {
			continue
		}
		t0, t1 := d.span(m)
		for i := t0; i < t1; i++ {
			d.owner[m.Sentence][i] = x
		}
	}
}

// span returns the tokens [t0, t1) of sentence m.Sentence inside m.
func (d *doc) span(m model.Mention) (int, int) {
	toks := d.a.Tokens[m.Sentence]
	t0 := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.Start })
	t1 := t0
	for t1 < len(toks) && toks[t1].End <= m.End {
		t1++
	}
	return t0, t1
}

// words returns sentence s's tokens in upper case.
func (d *doc) words(s int) []string {
	if d.keys[s] == nil {
		start := len(d.buf)
		for _, t := range d.a.Tokens[s] {
			d.buf = append(d.buf, petrarch.Key(t.Text))
		}
		d.keys[s] = d.buf[start:len(d.buf):len(d.buf)]
	}
	return d.keys[s]
}

// matches calls fn with each actor the overlay or the dictionaries (in
// that order) name by words[:n], for each of nameForms, with n in words
// of the text; a name that ends inside a word, or a one-word stem ("GULEN"
// for "GULENISTS"), is no match. It stops when fn returns false.
func (d *doc) matches(words []string, fn func(a *petrarch.Actor, n int) bool) {
	for f := range nameForms {
		form, ends := d.nameForm(words, f)
		if form == nil {
			continue
		}
		for _, t := range []*petrarch.ActorTable{d.t.overlay, d.t.v.Actors} {
			a, n, stem := t.MatchName(form)
			if a == nil || n == 1 && stem {
				continue
			}
			if ends != nil {
				if n = wordsAt(ends, n); n == 0 {
					continue // the name ends inside a word
				}
			}
			if !fn(a, n) {
				return
			}
		}
	}
}

// lookup finds an actor named by exactly words (in any of nameForms):
// the overlay first, then the dictionaries. A one-word name must match
// whole (a stem such as "GULEN" does not name "GULENISTS").
//
// Of several entries that match (the overlay's and the dictionaries',
// or one per spelling: Phoenix lists "BAN_KI-MOON" as UN chief from 2007
// and "BAN_KI_MOON" as a minister before), the first with a role on the
// article's date wins, else the first.
func (d *doc) lookup(words []string) (*petrarch.Actor, int) {
	var first, on *petrarch.Actor
	d.matches(words, func(a *petrarch.Actor, n int) bool {
		if n != len(words) {
			return true
		}
		if a.RoleOn(d.date).Code != "" {
			on = a
			return false
		}
		if first == nil {
			first = a
		}
		return true
	})
	if on == nil {
		on = first
	}
	if on == nil {
		return nil, 0
	}
	return on, len(words)
}

// longest finds the longest actor name starting at words[0] (in any of
// nameForms, ending where a word does): the overlay's when it is as
// long as the dictionaries', unless only the latter has a role on the
// article's date (see lookup). A one-word name must match whole. The
// length returned is in words.
func (d *doc) longest(words []string) (*petrarch.Actor, int) {
	var best *petrarch.Actor
	bestN, bestOn := 0, false
	d.matches(words, func(a *petrarch.Actor, n int) bool {
		on := a.RoleOn(d.date).Code != ""
		if n > bestN || n == bestN && on && !bestOn {
			best, bestN, bestOn = a, n, on
		}
		return true
	})
	return best, bestN
}

// nameForms are the spellings of a name of the text that the
// dictionaries may list it under: as written; each word with a hyphen
// split into its parts ("Ban Ki-moon" as BAN_KI_MOON, "Kim Jong-il" as
// KIM_JONG_IL: Phoenix writes the syllables of Korean given names as
// words) or joined ("Chin Dae-je" as CHIN_DAEJE); either without
// diacritics ("Nguyễn Tấn Dũng" as NGUYEN_TAN_DUNG: the dictionaries
// are in ASCII).
const nameForms = 3

// nameForm returns form f of words (see nameForms) and, where a word
// changed into more or fewer words, ends: ends[i] is the number of
// words of the form that words[:i+1] spans. Form 0 is words itself with
// nil ends; another form is nil when no word changes in it.
func (d *doc) nameForm(words []string, f int) (form []string, ends []int) {
	if f == 0 {
		return words, nil
	}
	changed := false
	for _, w := range words {
		if strings.IndexByte(w, '-') > 0 || !isASCII(w) {
			changed = true
			break
		}
	}
	if !changed {
		return nil, nil
	}
	form, ends = d.formBuf[:0], d.endBuf[:0]
	for _, w := range words {
		if folded := gazetteer.Fold(w); folded != "" {
			w = folded
		}
		switch {
		case f == 1 && strings.IndexByte(w, '-') > 0:
			for _, p := range strings.Split(w, "-") {
				if p != "" {
					form = append(form, p)
				}
			}
		case f == 2:
			form = append(form, strings.ReplaceAll(w, "-", ""))
		default:
			form = append(form, w)
		}
		ends = append(ends, len(form))
	}
	d.formBuf, d.endBuf = form, ends
	return form, ends
}

// wordsAt is the number of words whose form spans the first n words of
// a form with ends (nameForm), 0 when n ends inside a word.
func wordsAt(ends []int, n int) int {
	for i, e := range ends {
		if e == n {
			return i + 1
		}
		if e > n {
			break
		}
	}
	return 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\'' {
			return false
		}
	}
	return true
}

// titledName looks a person's name up with the title written right
// before it (one capitalised word that is one of the person's roles:
// "Pope Francis"), for names the dictionaries list only so.
func (d *doc) titledName(e *model.Entity, sent, t0, t1 int) (*petrarch.Actor, int) {
	if e.Type != model.TypePerson || t0 < 1 || e.Code != nil {
		return nil, 0
	}
	w := d.a.Tokens[sent][t0-1].Text
	if !capitalised(w) || !slices.ContainsFunc(e.Roles, func(r string) bool { return strings.EqualFold(r, w) }) {
		return nil, 0
	}
	return d.lookup(d.words(sent)[t0-1 : t1])
}

// recode settles the code of every person and organisation the entity
// stage found whose name the dictionaries list.
func (d *doc) recode() {
	for i := range d.a.Entities {
		e := &d.a.Entities[i]
		if e.Type != model.TypePerson && e.Type != model.TypeOrg {
			continue
		}
		if e.Type == model.TypePerson {
			d.nameBefore(int32(i), e)
		}
		var best *petrarch.Actor
		bestN, named := 0, ""
		for _, m := range e.Mentions {
			if m.Sentence < 0 || m.Sentence >= len(d.owner) {
				continue
			}
			t0, t1 := d.span(m)
			if t0 < t1 && strings.EqualFold(d.a.Tokens[m.Sentence][t0].Text, "the") {
				t0++
			}
			if t0 >= t1 || t1-t0 <= bestN || !capitalised(d.a.Tokens[m.Sentence][t0].Text) {
				continue
			}
			if a, n := d.lookup(d.words(m.Sentence)[t0:t1]); a != nil {
				best, bestN, named = a, n, d.commonCode(m.Sentence, t0, t1)
			} else if a, n := d.titledName(e, m.Sentence, t0, t1); a != nil && n > bestN {
				// "Pope Francis": the dictionaries list the title with the
				// name, the entity stage took the title for a role
				best, bestN = a, n
			} else if t1-t0 == 1 && e.Code == nil && bestN == 0 {
				// an uncoded surname: the one office holder of that name
				if a := d.surname(d.words(m.Sentence)[t0]); a != nil {
					best, bestN = a, 1
				}
			}
		}
		if best == nil {
			continue
		}
		own := model.Deref(e.Code)
		role := roleOn(best, d.date)
		// a body every country has (commonCode) is the one of the
		// country named with it, not the one the dictionaries list it
		// under; they give the default when the phrase names none
		namedOwn := len(named) > 3 && country(named) == country(own)
		if len(named) > 3 && !namedOwn && country(named) != country(role.Code) || namedOwn && len(own) == 3 {
			// (and a body every country has refines the bare country
			// the entity stage gave it: "the Senate in Manila" PHLLEG)
			role = petrarch.Role{Code: named}
		}
		affiliated := e.Type == model.TypeOrg && d.t.countries[country(own)] && (namedOwn || d.namesCountry(e, country(own)))
		// an organisation the entity stage placed by the sentence's places
		// alone (a bare country code, "ELN" in Caracas) is what its name
		// says: a body of another kind (IGO, NGO), or a country's body of
		// a sector ("ELN" COLREB) where the text ties it to no country
		placed := e.Type == model.TypeOrg && len(own) == 3 && d.t.countries[own] && role.Code != "" &&
			(!d.t.countries[country(role.Code)] || len(role.Code) > 3 && !affiliated && !namedOwn)
		code := settle(evidence{own: own, role: role, roles: len(e.Roles) > 0, words: bestN, former: isFormer(best, d.date, role), placed: placed, affiliated: affiliated, pastTitle: e.Former})
		if code == own {
			continue
		}
		e.Code = model.Str(code)
		if c := country(code); d.t.countries[c] {
			e.Country = model.Str(c)
		} else if e.Country != nil && country(own) == *e.Country {
			e.Country = nil // a transnational code (IGO, NGO) replaced a country's
		}
	}
}

// nameBefore widens a mention of person x (entity e) to the
// capitalised word before it when the two make a person's full name the
// dictionaries list (fullName): the entity stage read a family name that
// is an English word as a common noun ("Song Min-soon said" at the
// start of a sentence, where it found "Min-soon" alone). The person's
// name widens with it when it was that mention's text.
func (d *doc) nameBefore(x int32, e *model.Entity) {
	for k := range e.Mentions {
		m := &e.Mentions[k]
		if m.Sentence < 0 || m.Sentence >= len(d.owner) {
			continue
		}
		t0, t1 := d.span(*m)
		toks, own := d.a.Tokens[m.Sentence], d.owner[m.Sentence]
		if t0 == 0 || t0 >= t1 || own[t0-1] >= 0 || !capitalised(toks[t0-1].Text) || strings.HasSuffix(toks[t0-1].Text, ".") {
			continue
		}
		if _, title := d.t.offices[strings.ToLower(toks[t0-1].Text)]; title {
			continue // "President Vladimir Putin": the title is no name
		}
		a, n := d.lookup(d.words(m.Sentence)[t0-1 : t1])
		if a == nil || !d.fullName(m.Sentence, t0-1, a, n) {
			continue
		}
		old := m.Text
		m.Start = toks[t0-1].Start
		m.Text = d.a.Body[m.Start:m.End]
		own[t0-1] = x
		if e.Name == old {
			e.Name = m.Text
		}
	}
}

// namesCountry reports whether the text gives organisation e country c:
// a place of c right before one of its mentions, a demonym or a
// country's name ("the South Korean Joint Chiefs of Staff", "UK
// Ministry of Defence"), or with "'s" ("South Korea's Joint Chiefs of
// Staff"); or an affiliation of e's own that names c (its text is a
// mention or affiliation of a place of c). An affiliation or place of
// another country says nothing of c.
func (d *doc) namesCountry(e *model.Entity, c string) bool {
	for _, m := range e.Affiliations {
		if d.placeText(m.Text, c) {
			return true
		}
	}
	for _, m := range e.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(d.owner) {
			continue
		}
		t0, _ := d.span(m)
		toks, own := d.a.Tokens[m.Sentence], d.owner[m.Sentence]
		k := t0 - 1
		if k >= 1 && (toks[k].Text == "'s" || toks[k].Text == "’s") {
			k--
		}
		if k < 0 || own[k] < 0 {
			continue
		}
		if p := d.entity(own[k]); p != e && p.Type == model.TypePlace && model.Deref(p.Country) == c {
			return true
		}
	}
	return false
}

// placeText reports whether text is a mention or an affiliation (a
// demonym) of a place of country c.
func (d *doc) placeText(text string, c string) bool {
	for i := range d.a.Entities {
		p := &d.a.Entities[i]
		if p.Type != model.TypePlace || model.Deref(p.Country) != c {
			continue
		}
		for _, ms := range [][]model.Mention{p.Mentions, p.Affiliations} {
			for _, m := range ms {
				if strings.EqualFold(m.Text, text) {
					return true
				}
			}
		}
	}
	return false
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// properTag reports a tag that allows a proper name (none: untagged).
func properTag(tag string) bool { return tag == "" || strings.HasPrefix(tag, "NNP") }

// nounTag reports a common or proper noun tag (or none).
func nounTag(tag string) bool { return tag == "" || strings.HasPrefix(tag, "NN") }

// add records tokens [t0, t1) of sentence s as a mention of the new
// entity with key, creating it with mk.
func (d *doc) add(key string, s, t0, t1 int, mk func() model.Entity) {
	toks := d.a.Tokens[s]
	m := model.Mention{Sentence: s, Start: toks[t0].Start, End: toks[t1-1].End}
	m.Text = d.a.Body[m.Start:m.End]
	x, ok := d.byKey[key]
	if !ok {
		d.news = append(d.news, mk())
		x = len(d.news) - 1
		d.byKey[key] = x
	}
	d.news[x].Mentions = append(d.news[x].Mentions, m)
	for i := t0; i < t1; i++ {
		d.owner[s][i] = int32(len(d.a.Entities) + x)
	}
}

// commit inserts the new entities among the old ones in order of first
// mention and numbers them all again (nothing refers to entity ids
// before the events stage).
func (d *doc) commit() {
	if len(d.news) == 0 {
		return
	}
	old := d.a.Entities
	out := make([]model.Entity, 0, len(old)+len(d.news))
	j := 0
	for _, e := range old {
		for j < len(d.news) && firstAt(d.news[j]) < firstAt(e) {
			out = append(out, d.news[j])
			j++
		}
		out = append(out, e)
	}
	out = append(out, d.news[j:]...)
	for i := range out {
		out[i].ID = "e" + strconv.Itoa(i+1)
	}
	d.a.Entities = out
	d.news = nil
}

// firstAt is the body offset of an entity's first mention or affiliation.
func firstAt(e model.Entity) int {
	at := int(^uint(0) >> 1)
	for _, m := range e.Mentions {
		at = min(at, m.Start)
	}
	for _, m := range e.Affiliations {
		at = min(at, m.Start)
	}
	return at
}

package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// Organisation names built around places and titles (issue 16's span
// and typing faults):
//
//   - "University of Texas", "University of Georgia", "University of
//     Buenos Aires": an organisation word, "of" and a place make one
//     organisation; the place is its country (and its affiliation) only
//     when every reading of the place lies in one country: Texas and
//     Buenos Aires do, Georgia (a country and a US state) and Punjab
//     (India and Pakistan) do not. The place is never the actor.
//   - "United Nations Environment Programme", "UN Office for Project
//     Services": an intergovernmental organisation's name, then words
//     up to an organisation word, is one of its bodies, with its code.
//   - "Economic Community of Central African States", "Union of South
//     American Nations": an organisation word, a connector and a chain
//     of capitalised words ending in "States", "Nations" or "Countries"
//     (orgtypes.tsv mode "states") is a body of several states, code
//     IGO; the demonym inside is part of the name, not its country.
//   - "ADF fighters", "UPDF troops", "SPLA-IO forces": an acronym before
//     a noun for an armed body's members (orgtypes.tsv mode "force") is
//     the group, an organisation; never equipment ("fighters").

// ofTailCountry returns the one country (alpha-3) every reading of the
// place named by toks [s, e) lies in: its lexicon entry le (a country,
// capital or named feature; kind 0 for none), its first-level divisions
// and its cities of 100,000 or more that are at least a tenth of the
// largest (Sydney, Nova Scotia is no rival to Sydney, New South Wales);
// "" when they disagree or there is
// none. divisional reports a reading as a first-level division: then
// the name is not the lexicon's capital or feature but the division
// ("University of Washington"), and no place mention is made for it.
func (d *doc) ofTailCountry(s, e int, le entry) (country string, divisional bool) {
	seen := ""
	add := func(c string) bool {
		if c == "" {
			return true
		}
		if seen != "" && seen != c {
			return false
		}
		seen = c
		return true
	}
	if le.kind != 0 && !add(le.country) {
		return "", false
	}
	ps := d.r.lex.gaz().Lookup(d.spanText(s, e))
	top := 0 // the largest city's population: a namesake a tenth of its size is no rival
	for _, p := range ps {
		if p.Kind == gazetteer.KindCity && p.Pop > top {
			top = p.Pop
		}
	}
	for _, p := range ps {
		switch {
		case p.Kind == gazetteer.KindAdmin1:
			divisional = true
		case p.Kind == gazetteer.KindCity && p.Pop >= 100000 && p.Pop*10 >= top:
		default:
			continue
		}
		if !add(d.r.lex.alpha2[p.CC]) {
			return "", divisional
		}
	}
	return seen, divisional
}

// ofNameTail returns the start of the place that ends the organisation
// name [s, e) after its organisation word and "of" (or "of the"), or
// -1: "University of Kansas", "Bank of the Philippines".
func (d *doc) ofNameTail(s, e int) int {
	for j := e - 2; j > s; j-- {
		if d.toks[j].lower != "of" {
			continue
		}
		if !d.isOrgWord(j - 1) {
			return -1
		}
		p := j + 1
		if d.toks[p].lower == "the" {
			p++
		}
		for q := p; q < e; q++ {
			if !d.toks[q].cap {
				return -1
			}
		}
		if p < e {
			return p
		}
		return -1
	}
	return -1
}

// igoBodyEnd returns the end of the name of a body of an
// intergovernmental organisation whose name (or acronym) ends at s:
// capitalised words up to an organisation word, and its connectors
// ("United Nations Environment Programme", "UN Office for Project
// Services", "EU Foreign Affairs Council"); s when there is none. A
// title after the name ("NATO Secretary General") is no body.
func (d *doc) igoBodyEnd(s int) int {
	if !d.tokAt(s).cap || d.tokAt(s).folded {
		return s
	}
	end := d.nameRunEnd(s)
	for end > s && !d.toks[end-1].cap {
		end-- // "UN Population Fund on Monday"
	}
	last := s
	for q := s; q < end; q++ {
		if d.isOrgWord(q) {
			last = q + 1
		}
	}
	if last == s {
		return s
	}
	if last < end && d.hasConnector(last, end) {
		return end // "Office for the Coordination of Humanitarian Affairs"
	}
	return last
}

// newCodedOrg makes the organisation named by item k with code (""
// for none) and no country of its own: a body of an intergovernmental
// organisation, with that organisation's code ("United Nations
// Environment Programme"); a body of several states, IGO ("Union of
// South American Nations"); the group named by an acronym before a
// noun for its members, uncoded, as the actor dictionaries know many
// ("ADF fighters").
func (d *doc) newCodedOrg(k int, name, code string) {
	it := &d.items[k]
	x := d.entity("O:"+name, func() *ent {
		return &ent{name: name, typ: model.TypeOrg, code: code, head: strings.ToLower(name)}
	})
	if x < 0 {
		return
	}
	it.ent = x
	d.mention(x, it.s, it.e)
}

// statesTail reports, for a known name (a demonym, a country or a
// region) of n tokens at j inside an organisation's name, that the name
// goes on to a plural of orgtypes.tsv mode "states": "Economic Community
// of Central African States", "Union of South American Nations". The
// demonym is then a word of the name, not its country.
func (d *doc) statesTail(j, n int) bool {
	for q := j + n; q < len(d.toks) && q <= j+n+2; q++ {
		t := d.toks[q]
		if !t.cap || !t.word {
			return false
		}
		if o, ok := d.r.lex.orgs.m[t.lower]; ok && o.states {
			return true
		}
	}
	return false
}

// statesName reports a name [s, e) of a body of several states:
// capitalised words, "of" or "for", and a last word of mode "states".
func (d *doc) statesName(s, e int) bool {
	if e-s < 3 || !d.toks[s].cap {
		return false
	}
	if o, ok := d.r.lex.orgs.m[d.toks[e-1].lower]; !ok || !o.states {
		return false
	}
	for q := s + 1; q < e-1; q++ {
		if w := d.toks[q].lower; w == "of" || w == "for" {
			return true
		}
	}
	return false
}

// statesAhead reports, at a connector j inside a capitalised run, that
// the words after it (past "the") run to a plural of mode "states":
// "Community of Sahel-Saharan States" is one name, whatever its head.
func (d *doc) statesAhead(j int) bool {
	q := j + 1
	if d.tokAt(q).lower == "the" {
		q++
	}
	for k := q; k < len(d.toks) && k < q+5; k++ {
		t := d.toks[k]
		if !t.cap || !t.word {
			return false
		}
		if o, ok := d.r.lex.orgs.m[t.lower]; ok && o.states && k > q {
			return true
		}
	}
	return false
}

// forceName reports a name of two or more capitalised words without
// digits at [s, e) right before a noun for the members of an armed body
// (orgtypes.tsv mode "force"): "Islamic State fighters", "Free Syrian
// Army fighters". Aircraft named before "fighters" carry a number or are
// one word the equipment lexicon knows ("F-16", "Rafale").
func (d *doc) forceName(s, e int) bool {
	if e-s < 2 {
		return false
	}
	for q := s; q < e; q++ {
		if t := d.toks[q]; t.folded || strings.ContainsAny(t.text, "0123456789") || !t.cap && !functionWords[t.lower] && particleHyphen(t.text) == "" {
			return false
		}
	}
	nx := d.tokAt(e)
	if nx.cap || !nx.word {
		return false
	}
	o, ok := d.r.lex.orgs.m[nx.lower]
	return ok && o.force
}

// forceAcronym reports an acronym at [s, e) right before a noun for the
// members of an armed body or mission (orgtypes.tsv mode "force"): "ADF
// fighters", "UPDF troops", "SPLA-IO forces". The acronym names a group;
// no digits ("F-16 fighters" are aircraft) and not in a headline in
// capitals.
func (d *doc) forceAcronym(s, e int) bool {
	if e-s != 1 {
		return false
	}
	t := d.toks[s]
	if t.folded || !isAllCaps(t.text) || strings.ContainsAny(t.text, ".0123456789") || len(t.text) > 10 {
		return false
	}
	nx := d.tokAt(e)
	if nx.cap || !nx.word {
		return false
	}
	if o, ok := d.r.lex.orgs.m[nx.lower]; !ok || !o.force {
		return false
	}
	if p := d.neighbourWord(s, -1); p >= 0 && (isAllCaps(d.toks[p].text) || d.toks[p].folded) {
		return false // a headline in capitals
	}
	return true
}

// portfolioEnd extends a title that ends at e over the portfolio
// written after it: "of" or "for", then capitalised words of the
// lexicon's titles and bodies, joined by "and" ("Minister of State for
// Trade", "Minister for Foreign Affairs", "Secretary of State for
// Defence", "Cabinet Secretary for Interior"). A title is no
// organisation, and the words of its portfolio are no name. A name
// after the portfolio stops it ("Minister for Foreign Affairs Penny
// Wong"), and so does a place ("Minister of Interior of Chad").
func (d *doc) portfolioEnd(e int) int {
	pf := d.r.lex.portfolio
	for {
		if c := d.tokAt(e).lower; c != "of" && c != "for" {
			return e
		}
		q := e + 1
		if d.tokAt(q).lower == "the" {
			q++
		}
		r := q
		for r < len(d.toks) && d.toks[r].cap && pf[d.toks[r].lower] {
			if _, _, ok := d.r.lex.proper.match(d.toks, r, false, &d.buf); ok {
				break // "Secretary of State of the United States"
			}
			r++
			if d.tokAt(r).lower == "and" && d.tokAt(r+1).cap && pf[d.tokAt(r+1).lower] {
				r++ // "Foreign Affairs and Cooperation"
			}
		}
		if r == q {
			return e
		}
		e = r
	}
}

// takesPortfolio reports a title that a portfolio can follow: one whose
// word the lexicon continues with "of" or "for" ("minister", from
// "minister of foreign affairs"), or one that has a portfolio already
// ("secretary of state").
func (l *Lexicon) takesPortfolio(r role) bool {
	return l.portfolioHead[lastWord(r.phrase)] || strings.Contains(r.phrase, " of ") || strings.Contains(r.phrase, " for ")
}

// andNewOrg reports "and" at j before a second organisation named by its
// own organisation word and "of" ("University of Sydney and the
// University of Tokyo", "Ministry of Defence and Ministry of Health"),
// which is no part of the first name.
func (d *doc) andNewOrg(j int) bool {
	q := j + 1
	if d.tokAt(q).lower == "the" {
		q++
	}
	return d.isOrgWord(q) && d.tokAt(q+1).lower == "of"
}

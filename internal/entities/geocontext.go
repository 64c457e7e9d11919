package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// The readers of a place name's context: the article's places, the
// qualifier after the name, the places it is listed with.

// geoContext is what the article has said so far about where it is, plus
// the qualifier after tokens [s, e) ("Paris, Texas"), the countries and
// divisions the whole article names, and the kind of the places listed
// with the name.
// The context is the doc's own, reused: callers must not keep it or
// change its maps.
func (d *doc) geoContext(s, e int) *gazetteer.Context {
	artCC, artA1, artN := d.gctx.ArticleCountries, d.gctx.ArticleAdmin1, d.gctx.ArticleNames
	if artCC == nil {
		artCC, artA1, artN = d.articleGeo()
	}
	d.gctx = gazetteer.Context{Countries: d.cc2, Admin1: d.admin1N, Points: d.points, ArticleCountries: artCC, ArticleAdmin1: artA1, ArticleNames: artN}
	d.gctx.QualCC, d.gctx.QualAdmin1, _ = d.qualifier(s, e)
	if kind, cc := d.listSibling(s, e); kind == sibAdmin1 {
		d.gctx.ListKind, d.gctx.ListCC = gazetteer.KindAdmin1, cc
	}
	return &d.gctx
}

// articleGeo counts the countries and first-level divisions named
// anywhere in the body: a later "in England" or "Illinois" tells which
// Cornwall or Fulton County an earlier sentence meant. Divisions count
// only where the name's most prominent reading is its one division.
func (d *doc) articleGeo() (map[string]int, map[string]int, map[string]gazetteer.NameCount) {
	cc, a1, names := map[string]int{}, map[string]int{}, map[string]gazetteer.NameCount{}
	n := 0
	for _, ts := range d.art.Tokens {
		n += len(ts)
	}
	toks, sbuf := make([]tok, 0, n+n/8+8), []tok(nil) // (hyphenated words split: a few more)
	for i := range d.art.Sentences {
		sbuf = d.sentenceTokens(i, sbuf)
		toks = append(toks, sbuf...)
	}
	g := d.r.lex.gaz()
	var buf []byte
	for i := 0; i < len(toks); i++ {
		if !toks[i].cap || !toks[i].word {
			continue
		}
		if le, n, ok := d.r.lex.proper.match(toks, i, false, &buf); ok {
			if le.kind == kCountry || le.kind == kCapital {
				if c := d.r.lex.countries[le.country]; c != nil {
					cc[c.Alpha2]++
				}
			}
			i += n - 1
			continue
		}
		j := i
		for j < len(toks) && j-i < 4 && toks[j].cap && toks[j].word {
			j++
		}
		for n := j - i; n >= 1; n-- {
			name := d.body[toks[i].start:toks[i+n-1].end]
			if genericDivision[name] || strings.ContainsAny(name, "\n") {
				continue
			}
			if p, ok := soleDivision(g.Lookup(name)); ok {
				a1[p.CC+"."+p.Admin1]++
				cc[p.CC]++
				names[name] = gazetteer.NameCount{Code: p.CC + "." + p.Admin1, N: names[name].N + 1}
				i += n - 1
				break
			}
		}
	}
	return cc, a1, names
}

// soleDivision returns the first-level division a name stands for
// without context: its most prominent reading, and its only division.
func soleDivision(ps []gazetteer.Place) (gazetteer.Place, bool) {
	if len(ps) == 0 || ps[0].Kind != gazetteer.KindAdmin1 {
		return gazetteer.Place{}, false
	}
	for _, p := range ps[1:] {
		if p.Kind == gazetteer.KindAdmin1 {
			return gazetteer.Place{}, false
		}
	}
	return ps[0], true
}

// Kinds of the places a name is listed with (see listSibling).
const (
	sibNone = iota
	sibCountry
	sibAdmin1
)

// listSibling reads the kind of place a name at tokens [s, e) is listed
// with: the resolved place before it ("Ohio, Washington"; "Utah and
// Wyoming") or else the name after it ("Washington, Oregon and Idaho").
// Countries are lexicon entities; divisions are first-level divisions,
// whose country is returned.
func (d *doc) listSibling(s, e int) (int, string) {
	j := s - 1
	switch {
	case conjunctions[d.tokAt(j).lower]:
		j--
		if d.tokAt(j).text == "," {
			j--
		}
	case d.tokAt(j).text == ",":
		j--
	default:
		j = -2
	}
	if j >= 0 {
		for k := range d.items {
			it := d.items[k]
			if it.e != j+1 || it.ent < 0 || it.ent >= len(d.ents) {
				continue
			}
			key := d.ents[it.ent].key
			switch {
			case strings.HasPrefix(key, "C:"):
				return sibCountry, ""
			case strings.HasPrefix(key, "D:") && strings.Count(key, ".") == 1:
				return sibAdmin1, key[2:4]
			}
		}
	}
	q := e
	switch {
	case d.tokAt(q).text == "," && conjunctions[d.tokAt(q+1).lower]:
		q += 2
	case d.tokAt(q).text == "," || conjunctions[d.tokAt(q).lower]:
		q++
	default:
		return sibNone, ""
	}
	if q >= len(d.toks) || !d.toks[q].cap {
		return sibNone, ""
	}
	if le, _, ok := d.r.lex.proper.match(d.toks, q, false, &d.buf); ok && le.kind == kCountry {
		return sibCountry, ""
	}
	end := q
	for end < len(d.toks) && end-q < 4 && d.toks[end].cap && d.toks[end].word {
		end++
	}
	for ; end > q; end-- {
		if p, ok := soleDivision(d.r.lex.gaz().Lookup(d.spanText(q, end))); ok {
			if d.tokAt(end).text == "," || conjunctions[d.tokAt(end).lower] {
				return sibAdmin1, p.CC // a list goes on after it
			}
			break
		}
	}
	return sibNone, ""
}

// conjunctions join the members of a list of places.
var conjunctions = set("and or")

// qualifier reads ", Texas" or ", France" (or "(Texas)") after tokens
// [s, e): the country and first-level division that qualify the name
// before. A country's name that is also a division where the name has a
// reading is that division ("Atlanta, Georgia"). Failing those, a
// containing place after "in" ("Cornwall in South West England", "Fulton
// County, located in Illinois") qualifies too; post is then true, and
// the qualifier helps choose a reading but is no evidence of a place.
func (d *doc) qualifier(s, e int) (cc, admin1 string, post bool) {
	open := d.tokAt(e).text
	if (open != "," && open != "(") || !d.tokAt(e+1).cap {
		return d.containedIn(e)
	}
	at := e + 1
	g := d.r.lex.gaz()
	if le, n, ok := d.r.lex.proper.match(d.toks, at, false, &d.buf); ok && le.kind == kCountry {
		if c := d.r.lex.countries[le.country]; c != nil {
			if e > s {
				name := d.spanText(s, e)
				ps := g.Lookup(name)
				if !inCountry(ps, c.Alpha2) {
					for _, p := range g.Lookup(d.spanText(at, at+n)) {
						if p.Kind == gazetteer.KindAdmin1 && p.CC != c.Alpha2 && inAdmin1(ps, p.CC, p.Admin1) {
							return p.CC, p.Admin1, false
						}
					}
				}
			}
			return c.Alpha2, "", false
		}
	}
	end := at
	for end < len(d.toks) && end-at < 4 && d.toks[end].cap && d.toks[end].word {
		end++
	}
	var ps []gazetteer.Place
	if e > s {
		ps = g.Lookup(d.spanText(s, e))
	}
	for ; end > at; end-- {
		qs := g.Lookup(d.spanText(at, end))
		for _, p := range qs {
			if p.Kind == gazetteer.KindAdmin1 {
				return p.CC, p.Admin1, false
			}
		}
		// a county: "Ipswich, Suffolk", "Ballina, County Mayo"
		for _, p := range qs {
			if p.Kind == gazetteer.KindAdmin2 && inAdmin1(ps, p.CC, p.Admin1) {
				return p.CC, p.Admin1, false
			}
		}
	}
	return "", "", false
}

// containedIn reads "in England", "located in Illinois", "in South West
// England" after token e: a country or a first-level division.
func (d *doc) containedIn(e int) (cc, admin1 string, post bool) {
	at := e
	if d.tokAt(at).text == "," {
		at++
	}
	if containVerbs[d.tokAt(at).lower] {
		at++
	}
	if d.tokAt(at).lower != "in" {
		return "", "", false
	}
	at++
	if d.tokAt(at).lower == "the" {
		at++ // "in the Dominican Republic"
	}
	for k := 0; k < 2 && compassWords[d.tokAt(at).text] && d.tokAt(at+1).cap; k++ {
		at++ // "South West England"
	}
	if at >= len(d.toks) || !d.toks[at].cap {
		return "", "", false
	}
	if le, _, ok := d.r.lex.proper.match(d.toks, at, false, &d.buf); ok && le.kind == kCountry {
		if c := d.r.lex.countries[le.country]; c != nil {
			return c.Alpha2, "", true
		}
		return "", "", false
	}
	end := at
	for end < len(d.toks) && end-at < 4 && d.toks[end].cap && d.toks[end].word {
		end++
	}
	for ; end > at; end-- {
		name := d.spanText(at, end)
		if genericDivision[name] {
			continue
		}
		if p, ok := soleDivision(d.r.lex.gaz().Lookup(name)); ok {
			return p.CC, p.Admin1, true
		}
	}
	return "", "", false
}

// containVerbs come between a place and the place that contains it:
// "Fulton County, located in Illinois".
var containVerbs = set("located situated based")

func inCountry(ps []gazetteer.Place, cc string) bool {
	for _, p := range ps {
		if p.CC == cc {
			return true
		}
	}
	return false
}

func inAdmin1(ps []gazetteer.Place, cc, a1 string) bool {
	for _, p := range ps {
		if p.CC == cc && p.Admin1 == a1 && p.Kind != gazetteer.KindAdmin1 {
			return true
		}
	}
	return false
}

// countyAfterTown reads a name right after "Town," as the second-level
// division of that name in the town's first-level division ("Guildford,
// Surrey"; "Fulton, Callaway County").
func (d *doc) countyAfterTown(s int, name string) (gazetteer.Resolution, bool) {
	p, ok := d.townDivision(s, name, gazetteer.KindAdmin2)
	if !ok {
		return gazetteer.Resolution{}, false
	}
	return gazetteer.Resolution{Place: p, Basis: gazetteer.BasisQualifier}, true
}

// qualifyingDivision reads a country's name after "Town," as the
// division of that name the town lies in ("Atlanta, Georgia"; "Perth,
// Western Australia" needs no help): the division's entity, or -1.
func (d *doc) qualifyingDivision(s int, name string) int {
	p, ok := d.townDivision(s, name, gazetteer.KindAdmin1)
	if !ok {
		return -1
	}
	return d.placeEntity("D:"+p.Code, name, gazetteer.Resolution{Place: p, Basis: gazetteer.BasisQualifier})
}

// townDivision finds, for the name at token s after "Town,", the
// division of that kind named so whose first-level division is the
// town's (the town: a place entity ending at the comma).
func (d *doc) townDivision(s int, name string, kind gazetteer.Kind) (gazetteer.Place, bool) {
	if d.tokAt(s-1).text != "," {
		return gazetteer.Place{}, false
	}
	for k := range d.items {
		it := d.items[k]
		if it.e != s-1 || it.ent < 0 || it.ent >= len(d.ents) {
			continue
		}
		town := d.ents[it.ent]
		if town.typ != model.TypePlace || !town.town || town.admin1 == "" {
			return gazetteer.Place{}, false
		}
		for _, p := range d.r.lex.gaz().Lookup(name) {
			if p.Kind == kind && p.CC+"."+p.Admin1 == town.admin1 {
				return p, true
			}
		}
	}
	return gazetteer.Place{}, false
}

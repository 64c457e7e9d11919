package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// resolveName classifies a run of capitalised tokens.
func (d *doc) resolveName(k int) {
	it := &d.items[k]
	toks := d.toks
	name := d.spanText(it.s, it.e)
	if d.inBody {
		name = strings.Join(strings.Fields(name), " ")
	}
	if it.national {
		// "Thai Commerce Ministry": keyed by its country (newOrg)
		d.newOrg(k, name, it.org.sector)
		return
	}
	if it.lex.kind == kIGO {
		d.newCodedOrg(k, name, it.lex.code) // "United Nations Environment Programme"
		return
	}
	if compassWords[name] && k+1 < len(d.items) && d.items[k+1].s == it.e && d.items[k+1].kind == iLex && d.items[k+1].lex.kind == kCountry {
		// "Western Cambodia" read as two runs: a part of the country, no
		// name of its own (city says the same of a place called "Western")
		return
	}
	// known already (also "The Tuo Chiang" after "Tuo Chiang-class")
	for _, pre := range []string{"E:", "O:", "P:", "H:"} {
		if x, ok := d.byKey[pre+name]; ok {
			if d.ents[x].club && (locPrepositions[d.tokAt(it.s-1).lower] || !d.teamContext(it.s, it.e) && d.r.lex.knownPlace(name)) {
				continue // "fans celebrated in Leeds": the town, not the club
			}
			if d.ents[x].placeAlias == name && locPrepositions[d.tokAt(it.s-1).lower] {
				continue // "the smelter in Kola": the town, not the company
			}
			if d.ents[x].typ == model.TypePlace && d.sports && d.clubName(it.s, it.e) {
				continue // "in Charleroi", then "Charleroi 75 Estudiantes 82": the club
			}
			it.ent = x
			d.mention(x, it.s, it.e)
			d.personContext(k, x)
			return
		}
	}
	if !toks[it.s].cap {
		if x := d.particleRef(name); x >= 0 {
			it.ent = x // "van Boxmeer"
			d.mention(x, it.s, it.e)
			return
		}
	}
	if it.prefixOrg {
		d.newPrefixOrg(k, name)
		return
	}
	if it.club || d.clubName(it.s, it.e) || d.tableTeam(k) {
		d.newClub(k) // "Leeds United", "Leeds 2 Chelsea 1", "Ajax Amsterdam"
		return
	}
	if sec, ok := d.orgByContext(k); ok && !d.foldedIn(it.s, it.e) {
		d.newOrg(k, name, sec) // "brewer Zywiec", "a stake in Okocim"
		return
	}
	if d.foldedIn(it.s, it.e) {
		// a headline in capitals: known people and gazetteer places only
		if x := d.surname(k, name); x >= 0 {
			it.ent = x
			d.mention(x, it.s, it.e)
		} else if x := d.city(k, name); x >= 0 {
			it.ent = x
			d.mention(x, it.s, it.e)
		}
		return
	}
	if d.statesName(it.s, it.e) {
		d.newCodedOrg(k, name, "IGO") // "Union of South American Nations"
		return
	}
	if d.forceAcronym(it.s, it.e) {
		d.newCodedOrg(k, name, "") // "ADF fighters", not aircraft
		return
	}
	force := d.forceName(it.s, it.e) // "Islamic State fighters": members, not aircraft
	// equipment: "Tuo Chiang-class corvette", "Kuang Hua VI missile boats"
	j := it.e
	if j+1 < len(toks) && toks[j].text == "-" && toks[j+1].lower == "class" {
		class := ""
		if j+2 < len(toks) {
			if c, _, ok := d.r.lex.equip.match(toks, j+2, true, &d.buf); ok {
				class = c
			}
		}
		d.newEquipment(it, name, class)
		return
	}
	if c, _, ok := d.r.lex.equip.match(toks, j, true, &d.buf); ok && j < len(toks) && !toks[j].cap && !force {
		d.newEquipment(it, name, c)
		return
	}
	last := toks[it.e-1]
	// organisation by suffix: "Stimson Center", "192 Fleet"; the
	// organisation word before "of" heads the name when there is one
	// ("Ministry of Lands and Natural Resources" is a ministry)
	if o, ok := d.r.lex.orgs.m[last.lower]; ok && o.suffix && (it.e-it.s > 1) {
		if h, ok := d.headBeforeOf(it.s, it.e); ok {
			o = h
		}
		d.newOrg(k, name, o.sector)
		return
	}
	if it.e-it.s > 2 && d.hasConnector(it.s, it.e) {
		// "Institute for the Study of War", "Rubber Board of India": an
		// organisation word before the connector
		for q := it.s; q < it.e && d.toks[q].cap; q++ {
			if o, ok := d.r.lex.orgs.m[toks[q].lower]; ok && o.suffix {
				d.newOrg(k, name, o.sector)
				return
			}
			if e, o := d.orgPhrase(q); e > 0 && e <= it.e {
				d.newOrg(k, name, o.sector) // "Joint Chiefs of Staff of Nigeria"
				return
			}
		}
		if d.coordPlaceName(it.s, it.e) {
			// "Common Market for Eastern and Southern Africa": capitalised
			// words for a coordinated region name a body
			d.newOrg(k, name, "")
			return
		}
	}
	// organisation by the type word after it: "Vedomosti newspaper",
	// or an apposition "NK Pro, a Seoul-based website"
	if k+1 < len(d.items) && d.items[k+1].kind == iOrg && d.items[k+1].s == it.e && d.items[k+1].org.common && namedKind(d.items[k+1].org.sector) {
		d.newOrg(k, name, d.items[k+1].org.sector)
		return
	}
	if _, given := d.r.lex.given[toks[it.s].text]; given && it.e-it.s > 1 {
		// a known given name: a person whatever follows
	} else if sec, ok := d.appositionOrg(k); ok && !d.knownShortName(name) {
		// ("Lahd, a former army major-general" after "Antoine Lahd")
		d.newOrg(k, name, sec)
		return
	}
	// a known person's surname or full name
	if x := d.surname(k, name); x >= 0 {
		it.ent = x
		d.mention(x, it.s, it.e)
		d.personContext(k, x)
		return
	}
	// place from the gazetteer, unless a title stands before the name
	// ("President Clinton")
	if x := d.city(k, name); x >= 0 && !(k > 0 && d.items[k-1].kind == iRole && d.items[k-1].e == it.s && d.toks[it.s-1].cap) {
		it.ent = x
		d.mention(x, it.s, it.e)
		return
	}
	if d.placeNamedOrg(k) || d.contextTeam(k) {
		d.newClub(k) // "Maccabi Haifa", "Shakhtar Donetsk"
		return
	}
	if d.acronymOrg(k) {
		d.newOrg(k, name, "")
		return
	}
	if (it.e-it.s >= 2 && placeHeads[toks[it.e-1].lower] || d.routeEnd(it.s, it.e)) && !d.givenAt(it.s) {
		// "Bellerive Oval", "Whistler Mountain", "Hay Point": a place the
		// gazetteer does not know, named by its kind; or the other end of
		// a route from a known place ("Maracaibo / Fos")
		x := d.entity("P:"+name, func() *ent { return &ent{name: name, typ: model.TypePlace} })
		if x >= 0 {
			it.ent = x
			d.mention(x, it.s, it.e)
		}
		return
	}
	if !(d.sports && isOrdinal(d.tokAt(it.e).text)) && d.classifyName(k, name) {
		return
	}
	if force {
		d.newOrg(k, name, "") // the members' body, whatever the model made of its name
		return
	}
	if d.looksLikePerson(k) {
		first := toks[it.s].text
		x := -1
		if it.e-it.s > 1 {
			// "President Biden" earlier, "Joe Biden" now: one person
			if y, ok := d.byKey["H:"+toks[it.e-1].text]; ok && len(d.ents[y].roles) > 0 {
				x = y
				d.ents[y].name = name
				d.byKey["H:"+name] = y
			}
		}
		if x < 0 {
			x = d.entity("H:"+name, func() *ent {
				e := &ent{name: name, typ: model.TypePerson}
				e.gender = d.r.lex.given[first]
				e.surname = toks[it.e-1].text
				if it.e-it.s > 1 && isEastAsianStyle(toks[it.s:it.e]) {
					e.surname = first // "Kim Jong Un", "Kim Hong-kyun"
				} else if _, given := d.r.lex.given[first]; !given && it.e-it.s > 1 && utf8.RuneCountInString(first) <= 3 {
					e.alias = first // "Xi Jinping" is "Xi"
				}
				if b := particleHyphen(e.surname); b != "" && e.alias == "" {
					e.alias = b // "al-Burhan" is also "Burhan"
				}
				if it.e-it.s > 1 {
					e.first = first
				}
				return e
			})
		}
		if x < 0 {
			return
		}
		it.ent = x
		d.mention(x, it.s, it.e)
		d.personContext(k, x)
	}
}

// bigCity reports a city of at least 100,000 people: enough to take a
// sentence-initial capitalised word for its name ("Kharkiv came under
// fire").
func (d *doc) bigCity(name string) bool {
	for _, p := range d.r.lex.gaz().Lookup(name) {
		if p.Pop >= 100000 && p.Kind == gazetteer.KindCity || p.Kind == gazetteer.KindAdmin1 && !genericDivision[name] {
			return true
		}
	}
	return false
}

// isEastAsianStyle guesses family-name-first order: a short family name
// then a given name, possibly hyphenated ("Kim Hong-kyun") or in two
// syllables ("Kim Jong Un").
func isEastAsianStyle(ts []tok) bool {
	if len(ts) < 2 {
		return false
	}
	f := ts[0].text
	if utf8.RuneCountInString(f) > 5 {
		return false
	}
	if len(ts) == 2 {
		return strings.Contains(ts[1].text, "-") && strings.ToLower(ts[1].text[strings.IndexByte(ts[1].text, '-')+1:]) == ts[1].text[strings.IndexByte(ts[1].text, '-')+1:]
	}
	for _, t := range ts[1:] {
		if utf8.RuneCountInString(t.text) > 5 {
			return false
		}
	}
	return true
}

func (d *doc) newEquipment(it *item, name, class string) {
	x := d.entity("E:"+name, func() *ent {
		e := &ent{name: name, typ: model.TypeEquipment}
		if class != "" {
			e.roles = []string{class}
		}
		return e
	})
	if x < 0 {
		return
	}
	if class != "" && len(d.ents[x].roles) == 0 {
		d.ents[x].roles = []string{class}
	}
	it.ent = x
	d.mention(x, it.s, it.e)
}

// namedKind reports organisation kinds whose type word follows a name
// ("Vedomosti newspaper", "Stimson Center think tank"); a name before
// "government" or "navy" is a modifier instead ("Communist government").
func namedKind(sector string) bool {
	switch sector {
	case "MED", "NGO", "EDU", "BUS":
		return true
	}
	return false
}

func (d *doc) newOrg(k int, name, sector string) {
	it := &d.items[k]
	if legalAbbrev[d.toks[it.e-1].lower] && d.tokAt(it.e).text == "." && d.toks[it.e].start == d.toks[it.e-1].end {
		it.e++ // "AMR Corp.": the abbreviation's point is part of the name
	}
	m := d.modifierBefore(k-1, it.s)
	country := m.country
	if it.lex.country != "" && it.lex.kind != kIGO && it.lex.kind != kMedia {
		country = it.lex.country // "Israel Defense Forces", "Moscow State University"
	}
	tail, ts := d.placeTail(it.s, it.e)
	if ts >= 0 {
		// "Reserve Bank of Malawi"; "University of Georgia" (a country
		// and a US state) names no country, "University of Washington"
		// names the state, not the capital: no place mention
		c, div := d.ofTailCountry(ts, it.e, tail)
		if country == "" {
			country = c
		}
		if c == "" || div {
			ts = -1
		}
	} else if p := d.ofNameTail(it.s, it.e); p >= 0 && country == "" {
		country, _ = d.ofTailCountry(p, it.e, entry{}) // "University of Texas"
	}
	if country == "" || m.sector == "IGO" {
		country = d.placeAfter(it.e)
	}
	if country == "" {
		country = d.basedIn(it.e)
	}
	if country == "" && sector == "MIL" {
		country = d.focusCountry()
	}
	key := "O:" + name
	if it.national && country != "" {
		key += "@" + country // the Thai and the Vietnamese Commerce Ministry
	}
	x := d.entity(key, func() *ent {
		return &ent{name: name, typ: model.TypeOrg, country: country, sector: sector, head: strings.ToLower(name)}
	})
	if x < 0 {
		return
	}
	if _, ok := d.byKey["O:"+name]; !ok {
		d.byKey["O:"+name] = x // "the Commerce Ministry" afterwards
	}
	if d.ents[x].country == "" {
		d.ents[x].country = country
	}
	d.companyAliases(k, x)
	it.ent = x
	d.mention(x, it.s, it.e)
	if ts >= 0 {
		// the place is the organisation's affiliation, no mention of its own
		if y := d.lexEntity(tail); y >= 0 {
			d.affil = true
			d.mention(y, ts, it.e)
			d.affil = false
		}
	}
}

// headBeforeOf returns the organisation word among the capitalised
// words that open name [s, e) before "of" or "for" ("Ministry" in
// "Ministry of Energy and Mines"); ok is false without one or without
// such a connector.
func (d *doc) headBeforeOf(s, e int) (orgType, bool) {
	for j := s; j < e; j++ {
		if t := d.toks[j]; !t.cap {
			if t.lower != "of" && t.lower != "for" || j == s {
				return orgType{}, false
			}
			for q := j - 1; q >= s; q-- {
				if o, ok := d.r.lex.orgs.m[d.toks[q].lower]; ok && o.suffix {
					return o, true
				}
			}
			return orgType{}, false
		}
	}
	return orgType{}, false
}

// coordPlaceName reports whether name [s, e) is capitalised words, then
// "of" or "for" and a coordinated place that ends it (coordPlaceEnd).
func (d *doc) coordPlaceName(s, e int) bool {
	for j := s + 1; j < e && (d.toks[j].cap || d.toks[j].lower == "of" || d.toks[j].lower == "for"); j++ {
		if !d.toks[j].cap {
			return d.coordPlaceEnd(j) == e
		}
	}
	return false
}

// legalAbbrev are abbreviated legal forms written with a point ("Corp.",
// "Co.", "Ltd.").
var legalAbbrev = set("corp co inc ltd bhd cos bros plc llc")

// placeAfter finds "in Washington" within a few tokens after i ("the
// Stimson Center think tank in Washington").
func (d *doc) placeAfter(i int) string {
	for j := i; j < len(d.toks) && j < i+5; j++ {
		t := d.toks[j]
		if t.text == "," || t.text == "." || t.text == ";" {
			return ""
		}
		if t.lower == "in" || t.lower == "of" || t.lower == "from" {
			if j+1 < len(d.toks) {
				if e, _, ok := d.r.lex.proper.match(d.toks, j+1, false, &d.buf); ok && e.country != "" && (e.kind == kCapital || e.kind == kCountry) {
					return e.country
				}
				if e := d.nameRunEnd(j + 1); e > j+1 {
					if cs := d.r.lex.gaz().Lookup(d.spanText(j+1, e)); len(cs) > 0 && (cs[0].Pop >= d.r.lex.minPop || cs[0].Kind == gazetteer.KindAdmin1) {
						return d.r.lex.alpha2[cs[0].CC]
					}
				}
			}
			return ""
		}
	}
	return ""
}

// basedIn reads ", a Seoul-based website" after a name.
func (d *doc) basedIn(i int) string {
	if d.tokAt(i).text != "," {
		return ""
	}
	for j := i + 1; j < len(d.toks) && j < i+6; j++ {
		if d.toks[j].text == "-" && hyphenSuffixes[d.tokAt(j+1).lower] && j >= 1 {
			for s := j - 1; s > i; s-- {
				if e, n, ok := d.r.lex.proper.match(d.toks, s, false, &d.buf); ok && s+n == j && e.country != "" {
					return e.country
				}
			}
		}
	}
	return ""
}

// appositionOrg reads "NAME, a (Seoul-based) website" and returns the
// organisation word's sector.
func (d *doc) appositionOrg(k int) (string, bool) {
	it := d.items[k]
	if d.tokAt(it.e).text != "," {
		return "", false
	}
	det := d.tokAt(it.e + 1).lower
	if det != "a" && det != "an" && det != "the" {
		return "", false
	}
	for n := k + 1; n < len(d.items) && d.items[n].s < it.e+10; n++ {
		if d.stopBetween(it.e+1, d.items[n].s) {
			break
		}
		if d.items[n].kind == iRole {
			return "", false // "X, the ministry spokeswoman": a person
		}
	}
	for n := k + 1; n < len(d.items) && d.items[n].s < it.e+8; n++ {
		o := d.items[n]
		if o.kind == iRole {
			return "", false
		}
		if o.kind == iOrg && o.org.common {
			// nothing but modifiers in between
			for j := it.e + 2; j < o.s; j++ {
				if d.toks[j].text == "," {
					return "", false
				}
			}
			return o.org.sector, true
		}
	}
	return "", false
}

// looksLikePerson decides whether an unknown capitalised run names a
// person: a title before it, an apposition with a role after it, a
// speech verb next to it, a known given name, or two to four
// capitalised words.
func (d *doc) looksLikePerson(k int) bool {
	it := d.items[k]
	n := 0 // capitalised words: particles do not count ("Lula da Silva")
	first := d.toks[it.s]
	for q := it.s; q < it.e; q++ {
		if isAllCaps(d.toks[q].text) || isDigit(d.toks[q].text) || d.toks[q].folded {
			return false // headline words in capitals: only known names count
		}
		if d.toks[q].cap {
			n++
		}
	}
	if n > 4 {
		return false
	}
	if k > 0 && d.items[k-1].kind == iRole && d.items[k-1].e == it.s {
		return it.e-it.s > 1 || !nonNameWords[first.lower] // "Premier League" is no premier
	}
	if _, ok := d.r.lex.given[first.text]; ok {
		return true
	}
	if locPrepositions[d.tokAt(it.s-1).lower] || d.tokAt(it.s-1).lower == "of" && settlementNouns[d.tokAt(it.s-2).lower] {
		return false // "in Khan Younis", "the village of X": places the gazetteer does not know
	}
	if speechVerbs[d.tokAt(it.e).lower] || speechVerbs[d.tokAt(it.s-1).lower] || d.honorific(it.s) != 0 {
		return true
	}
	if d.sports && isOrdinal(d.tokAt(it.e).text) {
		return true // a scorer and the minute: "Kovac 29th", "(Mendes 85th pen)"
	}
	if d.tokAt(it.e).text == "," {
		for q := k + 1; q < len(d.items) && d.items[q].s <= it.e+4; q++ {
			if d.items[q].kind == iRole {
				return true
			}
		}
	}
	if n < 2 || first.tag != "" && !strings.HasPrefix(first.tag, "NNP") {
		return false
	}
	for q := it.s; q < it.e; q++ {
		if nonNameWords[d.toks[q].lower] {
			return false
		}
	}
	return true
}

// isOrdinal reports a number written as an ordinal ("29th", "2nd").
func isOrdinal(w string) bool {
	n := len(w)
	if n < 3 || !isDigit(w[:n-2]) {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// routeEnd reports a name joined by a slash to a known place, the two
// ends of a shipping or flight route ("Dampier / Kaohsiung").
func (d *doc) routeEnd(s, e int) bool {
	other := -1
	switch {
	case d.tokAt(e).text == "/" && d.tokAt(e+1).cap:
		other = e + 1
	case d.tokAt(s-1).text == "/" && d.tokAt(s-2).cap:
		other = s - 2
	default:
		return false
	}
	w := d.toks[other].text
	if d.r.lex.gaz().Has(w) {
		return true
	}
	le, _, ok := d.r.lex.proper.match(d.toks, other, false, &d.buf)
	return ok && (le.kind == kCountry || le.kind == kCapital || le.kind == kFeature)
}

package entities

import (
	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// modifier is a country (and maybe sector) read off the words before a
// role, name or organisation word: "South Korea's", "Russian", "Kremlin",
// "the island's", "Seoul-based".
type modifier struct {
	country, sector string
	former          bool
	// past: the former.tsv sector of an office no longer held
	// ("former", "ex-": "ELI"); "" for none or a word that only dates
	// the title ("then", "outgoing")
	past  string
	start int // first token of the modifier
}

// modifierBefore looks at the items ending right before token i.
func (d *doc) modifierBefore(k, i int) modifier {
	m := modifier{start: i}
	j := i
	for k >= 0 && k < len(d.items) {
		it := d.items[k]
		end := it.e
		// "then"/"former" between, before or after a possessive
		// ("Kenya's then police chief")
		for j > 0 {
			if d.formerWord(j-1, &m) {
				j--
			} else if j > 1 && d.toks[j-1].text == "-" && d.formerWord(j-2, &m) {
				j -= 2 // "ex-" split from its title
			} else {
				break
			}
		}
		// possessive marker between
		if end < j && d.toks[end].isPossessive() && end+1 == j {
			end = j
		}
		for end < j && d.formerWord(end, &m) {
			end++
		}
		if end != j {
			break
		}
		if it.kind == iLex {
			switch it.lex.kind {
			case kCountry, kDemonym, kCapital, kSeat, kFeature:
				if m.country == "" {
					m.country = it.lex.country
					if it.lex.kind == kSeat {
						m.sector = it.lex.sector
					}
					m.start = it.s
				}
			case kIGO:
				m.sector = "IGO"
				m.country = it.lex.code
				m.start = it.s
			case kMedia:
				m.country = it.lex.country
				m.sector = "MED"
				m.start = it.s
			}
			return m
		}
		if it.kind == iName && it.ent >= 0 {
			en := d.ents[it.ent]
			if en.country != "" {
				m.country, m.start = en.country, it.s
				if en.typ == model.TypeOrg {
					m.sector = en.sector
				}
			}
			return m
		}
		if it.kind == iOrg && it.ent >= 0 {
			en := d.ents[it.ent]
			m.country, m.sector, m.start = en.country, en.sector, it.s
			return m
		}
		break
	}
	// "the island's", "the mainland's"
	if j >= 2 && d.toks[j-1].isPossessive() && (d.toks[j-2].lower == "island" || d.toks[j-2].lower == "mainland") {
		if x := d.defPlace(d.toks[j-2].lower); x >= 0 {
			m.country = d.ents[x].country
			m.start = j - 2
		}
	}
	// "Seoul-based", "Russia-backed": NAME - based
	if j >= 3 && d.toks[j-1].word && hyphenSuffixes[d.toks[j-1].lower] && d.toks[j-2].text == "-" {
		if e, _, ok := d.r.lex.proper.match(d.toks, j-3, false, &d.buf); ok && e.country != "" {
			m.country = e.country
		}
	}
	return m
}

// focusCountry is the country most mentioned so far, ties going to the
// one mentioned first (the lead names the story's country).
func (d *doc) focusCountry() string { return d.articleFocus() }

// sentenceCountry is the latest country (not capital) named in the
// sentence before token i, or "".
func (d *doc) sentenceCountry(i int) string {
	for k := len(d.items) - 1; k >= 0; k-- {
		it := d.items[k]
		if it.e <= i && it.kind == iLex && it.lex.kind == kCountry {
			return it.lex.country
		}
	}
	return ""
}

// onlyCountry is the one country the current sentence names, or "" when
// it names none or several; with where, only places after a locative
// preposition count ("in central Nairobi", not "the Russian embassy" or
// "denounced Russia").
func (d *doc) onlyCountry(where bool) string {
	only := ""
	for _, it := range d.items {
		if it.kind != iLex || it.lex.country == "" {
			continue
		}
		switch it.lex.kind {
		case kCountry, kDemonym, kCapital, kSeat:
			if where && (it.lex.kind == kDemonym || !d.locative(it.s)) {
				continue
			}
			c := it.lex.country
			if it.ent >= 0 && d.ents[it.ent].country != "" {
				c = d.ents[it.ent].country // "Niger" read as Nigeria's state
			} else if divisionNouns[d.tokAt(it.e).lower] {
				c = d.divisionCountry(it) // not yet resolved: "in Niger State"
			}
			if c == "" {
				continue
			}
			if only != "" && only != c {
				return ""
			}
			only = c
		}
	}
	return only
}

// divisionCountry is the country of the one first-level division, in
// another country, named like the lexicon place of item it ("" when
// none or several).
func (d *doc) divisionCountry(it item) string {
	c := ""
	for _, p := range d.r.lex.gaz().Lookup(d.spanText(it.s, it.e)) {
		if p.Kind != gazetteer.KindAdmin1 {
			continue
		}
		switch a3 := d.r.lex.alpha2[p.CC]; {
		case a3 == it.lex.country:
		case c != "" && c != a3:
			return "" // several countries have one
		default:
			c = a3
		}
	}
	return c
}

// locative reports whether the place at token i follows a preposition of
// place, across "the" and a compass or "central" ("in central Nairobi").
func (d *doc) locative(i int) bool {
	j := i - 1
	for n := 0; n < 2 && placeModifiers[d.tokAt(j).lower]; n++ {
		j--
	}
	return locativePreps[d.tokAt(j).lower]
}

// articleFocus is the country the whole article is most about: the most
// mentioned one (countries, their capitals and cities, government
// bodies), ties going to the one mentioned first.
func (d *doc) articleFocus() string {
	first := d.country1
	best, bn := "", 0
	for c, n := range d.countryN {
		if _, ok := d.r.lex.countries[c]; !ok {
			continue
		}
		if n > bn || n == bn && (first[c] < first[best] || first[c] == first[best] && c < best) {
			best, bn = c, n
		}
	}
	return best
}

// nationalRole reports a role that implies a national government or high
// command: a president, a minister, an army chief.
func (d *doc) nationalRole(r string) bool {
	rl, ok := d.r.lex.roles.m[r]
	if !ok {
		return false
	}
	switch rl.sector {
	case "GOV", "MIL", "SPY":
		return nationalHeads[lastWord(r)]
	case "OPP":
		return lastWord(r) == "leader" // "Opposition leader Raila Odinga"
	}
	return false
}

// defPlace resolves "the island" and "the mainland".
func (d *doc) defPlace(w string) int {
	// most recent island country mentioned
	best, bl := -1, -2
	for x, e := range d.ents {
		if e.island && e.typ == model.TypePlace && e.code != "" && len(e.mentions) > 0 && e.last > bl {
			best, bl = x, e.last
		}
	}
	if w == "island" {
		return best
	}
	// the mainland: of the most recent country that has one
	ml, ll := "", -2
	for _, e := range d.ents {
		if e.mainland != "" && e.last > ll && len(e.mentions) > 0 {
			ml, ll = e.mainland, e.last
		}
	}
	if ml == "" {
		return -1
	}
	return d.lexEntity(entry{kind: kCountry, country: ml})
}

// belongLinks join an organisation word to the country it belongs to:
// "soldiers from Chad", "the army of Niger" (not "in": troops in Mali
// need not be Mali's).
var belongLinks = map[string]bool{"of": true, "from": true}

// seatedIn is the country of a capital or country named right after
// the organisation word of item k by "in" ("the Joint Chiefs of Staff in
// Seoul", "the Supreme Court in Pakistan"), "" if none: where a
// country's body named by its kind sits. A town names no country
// ("the High Court in Lahore" may be a province's).
func (d *doc) seatedIn(k int) string {
	it := d.items[k]
	if k+1 >= len(d.items) || d.tokAt(it.e).lower != "in" {
		return ""
	}
	nx := d.items[k+1]
	if nx.s != it.e+1 || nx.kind != iLex {
		return ""
	}
	switch nx.lex.kind {
	case kCountry, kCapital, kSeat:
	default:
		return ""
	}
	if c := d.tokAt(nx.e).lower; c == "and" || c == "or" {
		return ""
	}
	return nx.lex.country
}

// belongsTo is the country named right after the organisation word of
// item k by a belonging link ("lawmakers from Romania"), "" if none.
func (d *doc) belongsTo(k int) string {
	it := d.items[k]
	if k+1 >= len(d.items) || !belongLinks[d.tokAt(it.e).lower] {
		return ""
	}
	nx := d.items[k+1]
	if nx.s != it.e+1 || nx.kind != iLex || nx.lex.kind != kCountry {
		return ""
	}
	if c := d.tokAt(nx.e).lower; c == "and" || c == "or" || c == "," {
		return "" // "officials of Kenya and Uganda": the bodies of both, left to the coder
	}
	if divisionNouns[d.tokAt(nx.e).lower] {
		return d.divisionCountry(nx) // "police in Niger State": Nigeria's
	}
	return nx.lex.country
}

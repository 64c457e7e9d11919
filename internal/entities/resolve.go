package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

func (d *doc) addRole(x int, r string, former bool) {
	e := d.ents[x]
	for _, o := range e.roles {
		if o == r {
			return
		}
	}
	e.roles = append(e.roles, r)
	if former {
		e.former = true
	}
	if rk := roleRank(r); rk > e.rank {
		e.rank = rk
	}
	if e.head == "" {
		e.head = lastWord(r)
	}
}

func lastWord(s string) string {
	if k := strings.LastIndexByte(s, ' '); k >= 0 {
		return s[k+1:]
	}
	return s
}

// resolve turns the sentence's items into entities and mentions.
func (d *doc) resolve() {
	for k := range d.items {
		it := &d.items[k]
		if it.done {
			continue
		}
		switch it.kind {
		case iLex:
			if (it.lex.kind == kCapital || it.lex.kind == kFeature && it.lex.class == "city") && (d.teamContext(it.s, it.e) || d.sports && (d.clubContext(it.s, it.e) || d.clubSubject(it.s, it.e))) {
				d.newClub(k) // "Madrid 2 Valencia 1"
				continue
			}
			x := d.lexEntity(it.lex)
			if y := d.divisionReading(k); y >= 0 {
				x = y
			}
			if x < 0 {
				continue
			}
			it.ent = x
			d.affil = it.lex.kind == kDemonym || it.affil
			d.mention(x, it.s, it.e)
			d.affil = false
			if it.lex.kind != kDemonym {
				d.sample(k)
			}
		case iName:
			d.resolveName(k)
			d.sample(k)
		case iOrg:
			d.resolveOrg(k)
		case iRole:
			d.resolveRole(k)
		case iPron:
			d.resolvePronoun(k)
		}
	}
	d.resolveDefinites()
}

// resolveOrg handles a common organisation word: "Seoul's foreign
// ministry", "the navy", "Congress".
func (d *doc) resolveOrg(k int) {
	it := &d.items[k]
	if k > 0 && (d.items[k-1].kind == iName || d.items[k-1].kind == iLex && d.items[k-1].lex.kind == kMedia) && d.items[k-1].e == it.s && namedKind(it.org.sector) {
		return // "Vedomosti newspaper": the type of the name before it
	}
	if it.org.force && k > 0 && d.items[k-1].kind == iName && d.items[k-1].e == it.s && d.items[k-1].ent >= 0 && d.ents[d.items[k-1].ent].typ == model.TypeOrg {
		return // "UPDF troops": the members of the group named before them
	}
	if det := d.tokAt(it.s - 1).lower; det == "a" || det == "an" || det == "-" || hyphenSuffixes[det] {
		return // "a Seoul-based website" describes, it does not refer
	}
	if it.s == 0 && it.org.sector == "BUS" && k+1 < len(d.items) && d.items[k+1].kind == iRole && d.items[k+1].s == it.e && d.tokAt(d.items[k+1].e).cap {
		return // "Company President Jan Smit": the title's modifier, no body of its own
	}
	words := it.org.words
	m := d.modifierBefore(k-1, it.s)
	if m.sector == "IGO" {
		return
	}
	if m.country == "" {
		// "Lawmakers from Romania", "the army of Chad": the country the
		// body belongs to, before the article's or a sentence capital's
		m.country = d.belongsTo(k)
	}
	if m.country == "" && d.toks[it.s].cap && it.org.suffix {
		// "the Supreme Court in Islamabad": a body named by its kind (a
		// word that can end a name, not "Officials" opening a sentence)
		// sits in its country's capital
		m.country = d.seatedIn(k)
	}
	det := d.tokAt(it.s - 1).lower
	if m.country == "" && (det == "the" || det == "its") {
		// "the ministry": the latest organisation with this head
		best, bl := -1, -1
		for x, e := range d.ents {
			if e.typ == model.TypeOrg && (e.head == words || strings.HasSuffix(e.head, " "+words)) && e.last > bl {
				best, bl = x, e.last
			}
		}
		if best >= 0 {
			it.ent = best
			d.mention(best, it.s, it.e)
			return
		}
	}
	capital := d.toks[it.s].cap
	if m.country == "" && it.org.crowd {
		// "protesters in central Nairobi", "police in London": a crowd is
		// where it gathers, when the sentence places one country only;
		// else as any common noun ("the police": the article's country).
		m.country = d.onlyCountry(true)
	}
	// "marched on parliament", "a bill before parliament": a bare
	// legislature after a preposition is the country's own.
	bareLegislature := it.org.sector == "LEG" && !pluralCommon(words) && prepositions[det] && m.start == it.s
	if m.country == "" && !capital && det != "the" && !bareLegislature {
		return // "a newspaper", "government officials"
	}
	if m.country == "" {
		switch {
		case it.org.sector == "LEG" && words == "congress":
			// unqualified "Congress" in English news is the US one, unless
			// the article is about another country with a congress
			m.country = "USA"
			if f := d.focusCountry(); congressCountries[f] {
				m.country = f
			}
		case bareLegislature:
			// the country the sentence names, else the article's
			if m.country = d.onlyCountry(false); m.country == "" {
				m.country = d.focusCountry()
			}
		case it.org.sector == "MIL" && det == "the":
			// "the war in Sudan, where ... the army": the country named
			// in the sentence, else the article's
			if m.country = d.sentenceCountry(it.s); m.country == "" {
				m.country = d.focusCountry()
			}
		default:
			m.country = d.focusCountry()
		}
	}
	if m.country == "" {
		return
	}
	key := "O:" + m.country + ":" + words
	x := d.entity(key, func() *ent {
		name := words
		if capital {
			name = d.spanText(it.s, it.e)
		}
		return &ent{name: name, typ: model.TypeOrg, country: m.country, sector: it.org.sector, head: words}
	})
	if x < 0 {
		return
	}
	it.ent = x
	d.mention(x, it.s, it.e)
	// "Indian and Pakistani troops": the noun names both countries' forces
	if c := d.coordinatedCountry(k, m); c != "" && c != m.country {
		y := d.entity("O:"+c+":"+words, func() *ent {
			return &ent{name: words, typ: model.TypeOrg, country: c, sector: it.org.sector, head: words}
		})
		if y >= 0 {
			d.mention(y, it.s, it.e)
		}
	}
}

// coordinatedCountry reads "Indian and" before the modifier m of the
// organisation word at item k: the first of two coordinated countries.
// A comma joins two demonyms as a headline writes them ("Thai,
// Cambodian troops clash"), where the first opens the sentence or a
// list; a comma after a country's name ("In Paris, French troops") joins
// nothing.
func (d *doc) coordinatedCountry(k int, m modifier) string {
	link := d.tokAt(m.start - 1).lower
	if m.country == "" || m.sector != "" || link != "and" && link != "," {
		return ""
	}
	for q := k - 1; q >= 0; q-- {
		o := d.items[q]
		if o.e == m.start-1 {
			if o.kind == iLex && (o.lex.kind == kDemonym || o.lex.kind == kCountry && link == "and") &&
				(link == "and" || o.s == 0 || d.tokAt(o.s-1).text == ",") {
				return o.lex.country
			}
			return ""
		}
		if o.e < m.start-1 {
			return ""
		}
	}
	return ""
}

// resolveRole handles a role noun not attached to a name: "the minister"
// refers back to the latest person holding it.
func (d *doc) resolveRole(k int) {
	it := &d.items[k]
	if d.tokAt(it.s-1).lower != "the" {
		return
	}
	nx := d.tokAt(it.e)
	if nx.cap || nx.lower == "of" || nx.text == "," {
		return
	}
	head := lastWord(it.role.phrase)
	best, bl := -1, -1
	for x, e := range d.ents {
		if e.typ != model.TypePerson || e.last < bl {
			continue
		}
		for _, r := range e.roles {
			if lastWord(r) == head {
				best, bl = x, e.last
				break
			}
		}
	}
	if best >= 0 {
		it.ent = best
		d.mention(best, it.s-1, it.e)
	}
}

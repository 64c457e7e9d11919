package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// personContext attaches titles and appositions to person x.
func (d *doc) personContext(k int, x int) {
	e := d.ents[x]
	if e.typ != model.TypePerson {
		return
	}
	it := d.items[k]
	var country, sector, igo string
	// held: a title of an office held; past: the former.tsv sector of
	// one held before ("former president", "ex-minister": ELI), which a
	// person with no title held takes in place of the titles' own
	held, past := false, ""
	title := func(r string, m modifier) {
		d.addRole(x, r, m.former)
		if m.past != "" {
			past = m.past
		} else {
			held = true
		}
	}
	// titles before: [modifier] role+ NAME
	q := k - 1
	for q >= 0 && d.items[q].kind == iRole && (d.items[q].e == it.s || d.items[q].e == d.items[q+1].s || d.tokAt(d.items[q].e).lower == "and") {
		r := d.items[q]
		m := d.modifierBefore(q-1, r.s)
		d.formerBefore(m.start, &m)
		title(r.role.phrase, m)
		if sector == "" {
			sector = r.role.sector
		}
		if m.country != "" && country == "" {
			country = m.country
			if m.sector != "" && m.sector != "IGO" {
				sector = m.sector
			} else if m.sector == "IGO" {
				country, sector, igo = "", "", m.country
			}
		}
		q--
	}
	// reverse apposition: [modifier] role , NAME
	if k >= 1 && d.tokAt(it.s-1).text == "," && d.items[k-1].kind == iRole && d.items[k-1].e == it.s-1 {
		r := d.items[k-1]
		m := d.modifierBefore(k-2, r.s)
		d.formerBefore(m.start, &m)
		title(r.role.phrase, m)
		sector = r.role.sector
		if m.country != "" {
			country = m.country
			if m.sector == "IGO" {
				country, sector, igo = "", "", m.country
			}
		}
	}
	// title of its country before: [modifier] role of [the] COUNTRY [,] NAME
	// ("a former interior minister of Iraq, X", "Defence Minister of
	// Peru Y")
	if r, c, ok := d.roleOfCountryBefore(k); ok {
		m := d.modifierBefore(k-3, r.s)
		d.formerBefore(m.start, &m)
		title(r.role.phrase, m)
		sector, country = r.role.sector, c.lex.country
	}
	// apposition after: NAME , [a|the|then] [modifier] role (and role)* (of|with|at ORG)
	if d.tokAt(it.e).text == "," {
		lim := it.e + d.r.opts.WindowTokens
		fwd := false
		for q := k + 1; q < len(d.items) && d.items[q].s < lim; q++ {
			o := d.items[q]
			if d.stopBetween(it.e+1, o.s) {
				break
			}
			if !fwd && d.prepBetween(it.e+1, o.s) {
				break
			}
			switch o.kind {
			case iRole:
				m := d.modifierBefore(q-1, o.s)
				d.formerBetween(it.e+1, o.s, &m)
				title(o.role.phrase, m)
				fwd = true
				if sector == "" || sector == "GOV" && o.role.sector != "GOV" && o.role.sector != "" {
					sector = o.role.sector
				}
				if m.country != "" && country == "" {
					country = m.country
				}
			case iOrg, iLex, iName:
				if o.ent < 0 {
					d.resolveAhead(q)
					o = d.items[q]
				}
				if o.ent >= 0 && fwd {
					oe := d.ents[o.ent]
					if oe.typ == model.TypeOrg || oe.capital || oe.typ == model.TypePlace {
						if country == "" {
							country = oe.country
						}
						if oe.typ == model.TypeOrg && oe.sector != "" && oe.code == "" && (sector == "" || sector == "GOV" || sector == "EDU") {
							sector = oe.sector
						}
						if oe.code != "" && strings.HasPrefix(oe.code, "IGO") {
							country, sector, igo = "", "", oe.code
						}
					}
				}
			}
		}
	}
	if sector == "" && len(e.roles) > 0 {
		for _, r := range e.roles {
			if rl, ok := d.r.lex.roles.m[r]; ok && rl.sector != "" {
				sector = rl.sector
				break
			}
		}
	}
	// "President Jair Bolsonaro of Brazil", "Chairperson X of the
	// African Union"
	if country == "" && igo == "" && len(e.roles) > 0 && d.tokAt(it.e).lower == "of" {
		at := it.e + 1
		if d.tokAt(at).lower == "the" {
			at++
		}
		if le, _, ok := d.r.lex.proper.match(d.toks, at, false, &d.buf); ok {
			switch {
			case le.kind == kCountry && at == it.e+1:
				country = le.country
			case le.kind == kIGO:
				igo = le.code
			}
		}
	}
	if igo != "" && e.code == "" && e.country == "" {
		e.code = igo
		country, sector = "", ""
	}
	if country == "" && sector == "MIL" {
		country = d.focusCountry()
	}
	if e.country == "" && country != "" {
		e.country = country
	}
	if past != "" && !held && sector != "" && igo == "" {
		sector = past
	}
	if e.sector == "" && sector != "" {
		e.sector = sector
	}
	if e.gender == 0 {
		for _, r := range e.roles {
			if rl, ok := d.r.lex.roles.m[r]; ok && rl.gender != 0 {
				e.gender = rl.gender
			}
		}
	}
	if g := d.honorific(it.s); g == 'm' || g == 'f' {
		e.gender = g
	}
}

func (d *doc) honorific(i int) byte {
	switch strings.TrimSuffix(d.tokAt(i-1).text, ".") {
	case "Dr", "Prof":
		return '-'
	case "Mr", "Sir", "Lord":
		return 'm'
	case "Mrs", "Ms", "Miss", "Madam", "Dame", "Lady":
		return 'f'
	}
	return 0
}

// stopBetween reports a clause boundary in tokens [a, b): an apposition
// ends at a full stop, a quote or a verb of saying.
func (d *doc) stopBetween(a, b int) bool {
	for j := a; j < b && j < len(d.toks); j++ {
		t := d.toks[j]
		if t.text == "." || t.text == ";" || t.text == "\"" || t.text == "“" || t.text == "”" || t.text == "(" || speechVerbs[t.lower] {
			return true
		}
		if t.text == "," && j > a {
			return true
		}
	}
	return false
}

func (d *doc) prepBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if prepositions[d.toks[j].lower] {
			return true
		}
	}
	return false
}

// formerWord reports whether token i is a former.tsv word ("former",
// "then", "ex" of "ex-minister") and marks m with it.
func (d *doc) formerWord(i int, m *modifier) bool {
	past, ok := d.r.lex.former[d.toks[i].lower]
	if ok {
		m.former = true
		if past != "" {
			m.past = past
		}
	}
	return ok
}

// formerBefore reads a former.tsv word right before token i into m.
func (d *doc) formerBefore(i int, m *modifier) {
	if d.tokAt(i-1).text == "-" {
		i--
	}
	if i > 0 {
		d.formerWord(i-1, m)
	}
}

// formerBetween reads the former.tsv words of tokens [a, b) into m.
func (d *doc) formerBetween(a, b int, m *modifier) {
	for j := a; j < b; j++ {
		d.formerWord(j, m)
	}
}

// resolveAhead resolves item q early (an apposition needs its
// organisation); resolve() skips it later because ent is set.
func (d *doc) resolveAhead(q int) {
	it := &d.items[q]
	switch it.kind {
	case iName:
		d.resolveName(q)
	case iOrg:
		d.resolveOrg(q)
	case iLex:
		if x := d.lexEntity(it.lex); x >= 0 {
			it.ent = x
			d.affil = it.lex.kind == kDemonym || it.affil
			d.mention(x, it.s, it.e)
			d.affil = false
		}
	}
	it.done = true
}

// surname links a one-word name (or a full name) to a person seen
// before. Between namesakes it prefers one mentioned in the last few
// sentences, then the most prominent role when the sentence is about
// leaders, then the most recent.
func (d *doc) surname(k int, name string) int {
	it := d.items[k]
	if it.e-it.s != 1 {
		return -1
	}
	var cands []int
	for x, e := range d.ents {
		if e.typ == model.TypePerson && (e.surname == name || e.alias == name) && e.name != name {
			cands = append(cands, x)
		}
	}
	if len(cands) == 0 {
		cands = d.firstNameRef(name)
	}
	if len(cands) == 0 {
		return -1
	}
	if len(cands) == 1 {
		return cands[0]
	}
	cue := d.cue
	here := 0
	if len(d.toks) > 0 {
		here = d.toks[0].start
	}
	best, bs := -1, -1<<30
	for _, x := range cands {
		e := d.ents[x]
		score := 0
		if len(e.mentions) > 0 {
			// recency within about three sentences (~600 bytes) dominates
			gap := here - e.last
			if gap < 600 {
				score += 100 - gap/10
			}
			score += e.last / 1000
		}
		if cue {
			score += 30 * e.rank
		} else {
			score += 5 * e.rank
		}
		if score > bs {
			best, bs = x, score
		}
	}
	return best
}

// firstNameRef returns the people a lone given name can refer to: where
// names are patronymic (Ethiopia, Eritrea, Iceland) the first name is the
// usual short form ("Abiy" for Abiy Ahmed); elsewhere a lone first word
// refers back to a full name only when no one has it as a surname and it
// is not a town's name.
func (d *doc) firstNameRef(name string) []int {
	var cands []int
	for x, e := range d.ents {
		if e.typ == model.TypePerson && e.first == name && len(e.mentions) > 0 {
			cands = append(cands, x)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	for _, x := range cands {
		if patronymicCountries[d.ents[x].country] {
			return cands
		}
	}
	for _, e := range d.ents {
		if e.surname == name || e.alias == name || e.name == name {
			return nil
		}
	}
	if _, ok := d.byKey["P:"+name]; ok || d.r.lex.knownPlace(name) {
		return nil
	}
	return cands
}

// knownShortName reports a single word that refers to a person seen
// before: enough to keep a sentence-initial capital ("Abiy is expected").
func (d *doc) knownShortName(w string) bool {
	for _, e := range d.ents {
		if e.typ == model.TypePerson && (e.surname == w || e.alias == w || e.first == w && patronymicCountries[e.country]) && e.name != w {
			return true
		}
	}
	return false
}

// knownPerson reports a person seen before under the name or surname w.
func (d *doc) knownPerson(w string) bool {
	for _, e := range d.ents {
		if e.typ == model.TypePerson && (e.name == w || e.surname == w) {
			return true
		}
	}
	return false
}

// particleRef returns the person whose full name ends in name, a surname
// with its lower-case particle ("van Boxmeer" of "Jean van Boxmeer"), or -1.
func (d *doc) particleRef(name string) int {
	for x := len(d.ents) - 1; x >= 0; x-- {
		e := d.ents[x]
		if e.typ == model.TypePerson && strings.HasSuffix(e.name, " "+name) {
			return x
		}
	}
	return -1
}

// roleOfCountryBefore finds the title that names person item k's office
// by its country after "of": [modifier] role of [the] COUNTRY [,] NAME
// ("the former defence minister of Peru, X"). It returns the role and
// country items.
func (d *doc) roleOfCountryBefore(k int) (r, c item, ok bool) {
	if k < 2 {
		return item{}, item{}, false
	}
	it, c, r := d.items[k], d.items[k-1], d.items[k-2]
	if c.kind != iLex || c.lex.kind != kCountry || r.kind != iRole {
		return item{}, item{}, false
	}
	if c.e != it.s && (c.e != it.s-1 || d.tokAt(c.e).text != ",") {
		return item{}, item{}, false
	}
	of := c.s - 1
	if d.tokAt(of).lower == "the" {
		of--
	}
	if d.tokAt(of).lower != "of" || r.e != of {
		return item{}, item{}, false
	}
	return r, c, true
}

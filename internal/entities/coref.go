package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// resolvePronoun links he/she/his/her to the latest compatible person
// and it/its to the sentence's actor.
func (d *doc) resolvePronoun(k int) {
	it := &d.items[k]
	w := d.toks[it.s].lower
	if d.inQuote(it.s) {
		return
	}
	var gender byte
	switch w {
	case "he", "him", "his", "himself":
		gender = 'm'
	case "she", "her", "hers", "herself":
		gender = 'f'
	}
	if gender != 0 {
		// the latest compatible person; one whose gender is known to
		// match beats a slightly later one of unknown gender
		best, bl := -1, -1
		for x, e := range d.ents {
			if e.typ != model.TypePerson || len(e.mentions) == 0 || e.gender != 0 && e.gender != gender {
				continue
			}
			score := e.last
			if e.gender == gender {
				score += 60
			}
			if score > bl {
				best, bl = x, score
			}
		}
		if best >= 0 {
			if d.ents[best].gender == 0 {
				d.ents[best].gender = gender
			}
			it.ent = best
			d.mention(best, it.s, it.e)
		}
		return
	}
	if w == "they" || w == "their" || w == "them" || w == "theirs" || w == "themselves" {
		d.resolvePlural(k)
		return
	}
	// it / its: a country or organisation that is the sentence's subject
	// ("Taiwan demanded ... which it said ..."), or the latest actor
	// before "its" in the same sentence
	if w == "it" && speechVerbs[d.tokAt(it.e).lower] || w == "it" && d.tokAt(it.e).lower == "has" && speechVerbs[d.tokAt(it.e+1).lower] {
		if d.sentIdx >= 0 && d.sentIdx < len(d.subject) {
			if x := d.subject[d.sentIdx]; x >= 0 && isActorEnt(d.ents[x]) {
				it.ent = x
				d.mention(x, it.s, it.e)
			}
		}
		return
	}
	if w == "its" {
		for q := k - 1; q >= 0; q-- {
			o := d.items[q]
			if o.kind == iLex && o.lex.kind == kDemonym {
				continue // "Pakistani forces ... its posts": an adjective is no antecedent
			}
			if o.ent >= 0 && isActorEnt(d.ents[o.ent]) && !pluralCommon(d.ents[o.ent].name) {
				it.ent = o.ent
				d.mention(o.ent, it.s, it.e)
				return
			}
		}
	}
}

// resolvePlural links they/their/them to the latest pair of actors
// joined by "and" in this or the previous sentence ("Egypt and Qatar said
// they ..."); the mention goes to both.
func (d *doc) resolvePlural(k int) {
	it := &d.items[k]
	// a pair earlier in this sentence
	for q := k - 1; q >= 1; q-- {
		a, b := d.items[q-1], d.items[q]
		if a.ent >= 0 && b.ent >= 0 && a.ent != b.ent && d.tokAt(a.e).lower == "and" && b.s == a.e+1 && isActorEnt2(d.ents[a.ent]) && isActorEnt2(d.ents[b.ent]) {
			d.pair, d.pairSent = [2]int{a.ent, b.ent}, d.sentIdx
			break
		}
	}
	if d.pair[0] < 0 || d.sentIdx-d.pairSent > 1 {
		return
	}
	d.mention(d.pair[0], it.s, it.e)
	d.mention(d.pair[1], it.s, it.e)
}

// pluralCommon reports a common-noun organisation in the plural
// ("forces", "troops"), which "its" cannot refer to.
func pluralCommon(name string) bool {
	return name != "" && strings.ToLower(name) == name && strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss")
}

// isActorEnt2 accepts people too (pairs of leaders).
func isActorEnt2(e *ent) bool { return e.typ == model.TypePerson || isActorEnt(e) }

func isActorEnt(e *ent) bool {
	return e.typ == model.TypeOrg || e.typ == model.TypePlace && (e.code != "" && len(e.code) == 3 && !e.town || e.capital)
}

// inQuote reports whether token i sits inside a quotation of the
// sentence (an odd number of quote marks before it).
func (d *doc) inQuote(i int) bool {
	return i < len(d.quotes) && d.quotes[i]%2 == 1
}

// resolveDefinites handles "the island", "the mainland" and "the two
// sides/countries", which are not capitalised and not items.
func (d *doc) resolveDefinites() {
	toks := d.toks
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "the" {
			continue
		}
		nx := toks[i+1].lower
		switch {
		case nx == "island" || nx == "mainland":
			if i+2 < len(toks) && toks[i+2].cap {
				continue // "the island of Hainan"
			}
			if x := d.defPlace(nx); x >= 0 {
				d.mention(x, i, i+2)
			}
		case nx == "capital" && !d.tokAt(i+2).cap && d.tokAt(i+2).lower != "of":
			// "the capital": the latest capital city mentioned
			best, bl := -1, -1
			for x, e := range d.ents {
				if e.capital && len(e.mentions) > 0 && e.last < toks[i].start && e.last > bl {
					best, bl = x, e.last
				}
			}
			if best >= 0 {
				d.mention(best, i, i+2)
			}
		case groupNouns[nx] && d.headEnds(i+2) || groupAdjectives[nx] && groupNouns[d.tokAt(i+2).lower] && d.headEnds(i+3):
			// "the group", "the militant group": the latest armed or
			// political group named
			n := 2
			if groupAdjectives[nx] {
				n = 3
			}
			best, bl := -1, -1
			for x, e := range d.ents {
				if e.typ == model.TypeOrg && (e.sector == "REB" || e.sector == "OPP") && e.name != strings.ToLower(e.name) && len(e.mentions) > 0 && e.last < toks[i].start && e.last > bl {
					best, bl = x, e.last
				}
			}
			if best >= 0 {
				d.mention(best, i, i+n)
			}
		case nx == "two" && i+2 < len(toks) && pairNouns[toks[i+2].lower]:
			var a, b int
			if personPairNouns[toks[i+2].lower] {
				a, b = d.recentPeople(toks[i].start)
			} else {
				// "Brazil offered to mediate between the two countries":
				// the sentence's opening subject stands between them
				skip := ""
				if d.tokAt(i-1).lower == "between" {
					skip = d.openingCountry()
				}
				a, b = d.recentPair(toks[i].start, skip)
			}
			if a >= 0 && b >= 0 {
				d.mention(a, i, i+3)
				d.mention(b, i, i+3)
			}
		}
	}
}

// headEnds reports that the noun phrase ends before token j: no name
// follows ("the group Hamas") and no "of" + noun ("the group of seven"),
// though "accused the group of using" is a verb's complement.
func (d *doc) headEnds(j int) bool {
	t := d.tokAt(j)
	if t.cap {
		return false
	}
	return t.lower != "of" || strings.HasSuffix(d.tokAt(j+1).lower, "ing")
}

// recentPair returns the two most recently mentioned distinct countries
// (as entities: the country itself when it has one), media and
// international bodies aside.
func (d *doc) recentPair(before int, skip string) (int, int) {
	var got []string
	for q := len(d.order) - 1; q >= 0 && len(got) < 2; q-- {
		if d.order[q].off >= before {
			continue
		}
		if skip != "" && d.ents[d.order[q].ent].country == skip {
			continue
		}
		e := d.ents[d.order[q].ent]
		if e.country == "" || e.sector == "MED" || e.typ == model.TypeEquipment || e.typ == model.TypePlace && !e.capital && len(e.code) != 3 {
			continue
		}
		if len(got) == 1 && got[0] == e.country {
			continue
		}
		if _, ok := d.r.lex.countries[e.country]; !ok {
			continue
		}
		got = append(got, e.country)
	}
	if len(got) < 2 {
		return -1, -1
	}
	pick := func(c string) int {
		if x, ok := d.byKey["C:"+c]; ok {
			return x
		}
		best, bl := -1, -1
		for x, e := range d.ents {
			if e.country == c && e.last > bl && len(e.mentions) > 0 {
				best, bl = x, e.last
			}
		}
		return best
	}
	return pick(got[0]), pick(got[1])
}

// openingCountry is the country of the entity that opens the sentence
// ("Brazil offered ...", "The Kremlin said ..."), or "".
func (d *doc) openingCountry() string {
	s := 0
	if d.tokAt(0).lower == "the" {
		s = 1
	}
	for _, it := range d.items {
		if it.s == s && it.ent >= 0 {
			return d.ents[it.ent].country
		}
	}
	return ""
}

// recentPeople returns the two people mentioned most recently before
// offset before ("the two leaders").
func (d *doc) recentPeople(before int) (int, int) {
	got := [2]int{-1, -1}
	n := 0
	for q := len(d.order) - 1; q >= 0 && n < 2; q-- {
		x := d.order[q].ent
		if d.order[q].off >= before || d.ents[x].typ != model.TypePerson || n == 1 && got[0] == x {
			continue
		}
		got[n] = x
		n++
	}
	return got[0], got[1]
}

package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// prefixRunEnd returns the end of an organisation's name opened at i by
// a capitalised legal form or head noun written first (orgtypes.tsv mode
// "prefix": "PT Bumi Resources", "OAO Rosneft", "Banque du Liban",
// "Empresa Nacional del Petróleo"), or i. The name runs over capitalised
// words, names of places inside it ("PT Freeport Indonesia") and lower-case
// connectors between capitalised words ("de", "du", "del", "of"), up to
// eight tokens; it needs at least one capitalised word after the prefix.
func (d *doc) prefixRunEnd(i int) int {
	t := d.tokAt(i)
	if !t.cap || t.folded {
		return i
	}
	o, ok := d.r.lex.orgs.m[t.lower]
	if !ok || !o.prefix {
		return i
	}
	end := i
	for j := i + 1; j < len(d.toks) && j-i < 8; j++ {
		w := d.toks[j]
		switch {
		case w.cap && w.word && !w.folded:
			if weekdays[w.text] || months[w.text] {
				return end
			}
			end = j + 1
		case prefixConnectors[w.lower] || elided(w.text):
			if !d.tokAt(j+1).cap && !elided(w.text) {
				return end
			}
			if elided(w.text) {
				end = j + 1 // "d'Electricité"
			}
		default:
			return end
		}
	}
	return end
}

// prefixConnectors join the words of a name opened by a prefix: English
// and Romance prepositions, articles and conjunctions.
var prefixConnectors = set("of for and the de del do da dos das des du la le y e et")

// elided reports a Romance word with an elided article or preposition and
// a capital after it ("d'Electricité", "l'Energie").
func elided(w string) bool {
	for _, p := range [...]string{"d'", "l'", "d’", "l’"} {
		if strings.HasPrefix(w, p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// newPrefixOrg makes the organisation named by item k, opened by a
// prefix: its sector is the prefix's, its country that of a country
// named inside it ("PT Telekomunikasi Indonesia"), else as for any
// organisation (newOrg).
func (d *doc) newPrefixOrg(k int, name string) {
	it := &d.items[k]
	o := d.r.lex.orgs.m[d.toks[it.s].lower]
	for j := it.s + 1; j < it.e; j++ {
		if e, n, ok := d.r.lex.proper.match(d.toks, j, false, &d.buf); ok && j+n <= it.e && e.kind == kCountry {
			it.lex = e
			break
		}
	}
	d.newOrg(k, name, o.sector)
}

// ofPlaceTail reports whether the known name e of n tokens at j ends an
// organisation's name as a country, capital or named place: after "of"
// or "of the" right after the organisation word ("Reserve Bank of
// Malawi", "University of Nairobi", "Humane Society of the United
// States"), or after "for", an article and capitalised words ("Movement
// for a Democratic Slovenia").
func (d *doc) ofPlaceTail(j int, e entry, n int) bool {
	if !placeTailKind(e) || d.tokAt(j+n).cap && d.tokAt(j+n).word {
		return false
	}
	p := j - 1
	adj := 0
	for d.tokAt(p).cap && d.tokAt(p).word && adj < 2 {
		p-- // "Democratic"
		adj++
	}
	if w := d.tokAt(p).lower; w == "the" || w == "a" {
		p--
	}
	switch {
	case d.tokAt(p).lower == "of" && adj == 0:
	case d.tokAt(p).lower == "for":
	default:
		return false
	}
	return !d.tokAt(p).cap && d.orgEndsAt(p-1)
}

func placeTailKind(e entry) bool {
	return e.country != "" && (e.kind == kCountry || e.kind == kCapital || e.kind == kFeature)
}

// placeTail returns the place that ends the organisation's name [s, e)
// after "of" or "for" (see ofPlaceTail) and the token it starts at, or -1.
func (d *doc) placeTail(s, e int) (entry, int) {
	for j := e - 1; j > s+1; j-- {
		if le, n, ok := d.r.lex.proper.match(d.toks, j, false, &d.buf); ok && j+n == e && d.ofPlaceTail(j, le, n) {
			return le, j
		}
	}
	return entry{}, -1
}

// nationalBodyEnd returns the end of a body named by its kind after a
// country or demonym e ("Thai Commerce Ministry", "UK Department of
// Transport", "Indonesian Forestry and Environment Ministry"), whose own name
// starts at s, and its organisation word, or 0 when there is none or the name is the organisation's
// own ("South African Breweries", "Kenya Wildlife Service"): the name
// must end, or reach its "of", with an organisation word of mode
// "national".
func (d *doc) nationalBodyEnd(e entry, s int) (int, orgType) {
	if e.kind != kCountry && e.kind != kDemonym || !d.tokAt(s).cap {
		return 0, orgType{}
	}
	end := d.nameRunEnd(s)
	for end > s && !d.toks[end-1].cap {
		end-- // "Ministry of Health on Monday"
	}
	if end <= s {
		return 0, orgType{}
	}
	head := end - 1 // the organisation word: last, or before "of"
	for k := s + 1; k < end; k++ {
		if d.toks[k].lower == "of" {
			head = k - 1
			break
		}
	}
	o, ok := d.r.lex.orgs.m[d.toks[head].lower]
	if !ok || !o.national {
		return 0, orgType{}
	}
	return end, o
}

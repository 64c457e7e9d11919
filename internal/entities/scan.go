package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
)

// scan cuts the sentence into items.
func (d *doc) scan() {
	lex := d.r.lex
	toks := d.toks
	d.items = d.items[:0]
	d.hasEquip = false
	for i := range toks {
		if _, n, ok := lex.equip.match(toks, i, true, &d.buf); ok && n > 0 {
			d.hasEquip = true
			break
		}
		if toks[i].lower == "missile" || toks[i].lower == "missiles" || toks[i].lower == "system" || toks[i].lower == "systems" {
			d.hasEquip = true
			break
		}
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word {
			i++
			continue
		}
		if n := d.capsTableRow(i); n > 0 {
			// a standings row in capitals: the team's whole name
			// ("TAMPA BAY 8 15 2", "LA CLIPPERS 7 11")
			d.items = append(d.items, item{kind: iName, s: i, e: i + n, ent: -1})
			i += n
			continue
		}
		if t.folded && t.cap {
			// a headline in capitals: only lexicon and gazetteer names,
			// never a run of its ordinary words
			if _, n, ok := lex.proper.match(toks, i, false, &d.buf); ok {
				if gn := d.gazRun(i); gn > n {
					n = gn
				}
				d.items = append(d.items, item{kind: iName, s: i, e: i + n, ent: -1})
				if e, n2, _ := lex.proper.match(toks, i, false, &d.buf); n2 == n {
					d.items[len(d.items)-1] = item{kind: iLex, s: i, e: i + n, lex: e, ent: -1}
				}
				i += n
				continue
			}
			if gn := d.gazRun(i); gn > 0 {
				d.items = append(d.items, item{kind: iName, s: i, e: i + gn, ent: -1})
				i += gn
				continue
			}
			if d.r.lex.gaz().Has(t.text) || d.knownShortName(t.text) || d.revisit && (d.knownOrg(t.text) || d.knownPerson(t.text)) {
				d.items = append(d.items, item{kind: iName, s: i, e: i + 1, ent: -1})
			}
			i++
			continue
		}
		if d.inSlashCode(i) {
			// "A/Victoria/361/2011", a virus strain: a code, not a name
			if e, n, ok := lex.proper.match(toks, i, false, &d.buf); ok && e.kind == kSystem {
				d.items = append(d.items, item{kind: iLex, s: i, e: i + n, lex: e, ent: -1})
				i += n
				continue
			}
			i++
			continue
		}
		if j := d.prefixRunEnd(i); j > i {
			// "PT Bumi Resources", "Banque du Liban": a legal form or
			// head noun written first opens an organisation's name
			d.items = append(d.items, item{kind: iName, s: i, e: j, ent: -1, prefixOrg: true})
			i = j
			continue
		}
		if particleName(t.text) && (!t.cap || !strings.HasPrefix(t.tag, "NNP")) {
			// "al-Shabaab", "el-Fasher": a name opened by a hyphenated
			// particle (which the tagger reads as anything, "Al-Qaeda"/RB)
			// is read as its capitalised form ("Al-
			// Shabaab", as at a sentence's start) and as a proper noun, so
			// the lexicon, the dictionaries and the name model see a name;
			// offsets and the text as written are kept
			toks[i].text = strings.ToUpper(t.text[:1]) + t.text[1:]
			toks[i].cap = true
			if !strings.HasPrefix(toks[i].tag, "NNP") {
				toks[i].tag = "NNP" // the tagger's reading of a lower-case word
			}
			t = toks[i]
		}
		if t.cap {
			// "New South Wales", "British Columbia", "New Mexico": a
			// gazetteer name longer than the lexicon name inside it
			if gn := d.gazRun(i); gn > 0 {
				d.items = append(d.items, item{kind: iName, s: i, e: i + gn, ent: -1})
				i += gn
				continue
			}
		}
		if t.cap || isDigit(t.text) {
			e, n, ok := lex.proper.match(toks, i, false, &d.buf)
			if ok && d.countryBody(e, i) {
				// "Russia's Security Council": the country's own body of
				// that name, keyed by its country (newOrg)
				d.items = append(d.items, item{kind: iName, s: i, e: i + n, ent: -1, org: orgType{sector: e.national}, national: true})
				i += n
				continue
			}
			if ok && d.igoNameInside(e, i, n) {
				// "the National Security Council": one name from the
				// capitalised words before the body's name, typed as a name
				if k := len(d.items) - 1; k >= 0 && d.items[k].kind == iName && d.items[k].e == i {
					d.items[k].e = i + n
				} else {
					s0 := i
					for s0 > 1 && toks[s0-1].cap && (k < 0 || d.items[k].e < s0) {
						s0--
					}
					d.items = append(d.items, item{kind: iName, s: s0, e: i + n, ent: -1})
				}
				i += n
				continue
			}
			if ok && !(e.kind == kSystem && e.context && !d.hasEquip && !d.followedByClass(i+n)) {
				if d.divisionAfter(e, i, n) {
					// "Niger State", "Washington State": a country's or
					// capital's namesake division with its division word,
					// which names no organisation (divisionReading reads
					// the word)
					d.items = append(d.items, item{kind: iLex, s: i, e: i + n, lex: e, ent: -1})
					i += n + 1
					continue
				}
				// "Moscow State University": a known name opening a longer
				// organisation name
				if je, o := d.nationalBodyEnd(e, i+n); je > 0 {
					// "Thai Commerce Ministry", "UK Department of
					// Transport": a country's body named by its kind; the
					// country or demonym is its affiliation
					d.items = append(d.items, item{kind: iLex, s: i, e: i + n, lex: e, ent: -1, affil: true},
						item{kind: iName, s: i + n, e: je, ent: -1, org: o, national: true})
					i = je
					continue
				}
				if e.kind == kIGO {
					// "United Nations Environment Programme": a body of
					// the organisation, with its code
					if j := d.igoBodyEnd(i + n); j > i+n {
						d.items = append(d.items, item{kind: iName, s: i, e: j, ent: -1, lex: e})
						i = j
						continue
					}
				}
				if j := d.orgRunEnd(i + n); j > i+n && e.kind != kIGO && e.kind != kMedia {
					d.items = append(d.items, item{kind: iName, s: i, e: j, ent: -1, lex: e})
					i = j
					continue
				}
				// "Amnesty International Kenya": the national section of a
				// transnational organisation belongs to that country
				if e.kind == kSeat && e.country == "" && i+n < len(toks) && toks[i+n].cap {
					if c, n2, ok := lex.proper.match(toks, i+n, false, &d.buf); ok && c.kind == kCountry {
						e.name = d.spanText(i, i+n+n2)
						e.country = c.country
						n += n2
					}
				}
				d.items = append(d.items, item{kind: iLex, s: i, e: i + n, lex: e, ent: -1})
				i += n
				continue
			}
		}
		// role, organisation word or equipment class: the longest wins
		best, bn := item{}, 0
		if ab, ok := lex.abbrevs[t.text]; ok && t.cap {
			best, bn = item{kind: iRole, s: i, e: i + 1, role: ab}, 1
			if i+1 < len(toks) {
				if ab2, ok := lex.abbrevs[t.text+" "+toks[i+1].text]; ok {
					best, bn = item{kind: iRole, s: i, e: i + 2, role: ab2}, 2
				}
			}
		}
		if rl, n, ok := lex.roles.match(toks, i, true, &d.buf); ok && n > bn && (t.cap == toks[i+n-1].cap || !t.cap || i == 0 && d.tokAt(i+n).cap) &&
			!(n == 1 && t.cap && !d.tokAt(i+1).cap && d.knownPerson(t.text)) { // "Major said" after "John Major"
			// ("Army chief Abdel Fattah al-Burhan" opens a sentence)
			best, bn = item{kind: iRole, s: i, e: i + n, role: rl}, n
			if t.cap && lex.takesPortfolio(rl) {
				if e := d.portfolioEnd(i + n); e > i+n {
					best.e, bn = e, e-i // "Minister of State for Trade"
				}
			}
		}
		if o, n, ok := lex.orgs.match(toks, i, true, &d.buf); ok && n >= bn && (o.common || t.cap) {
			best, bn = item{kind: iOrg, s: i, e: i + n, org: o}, n
		}
		if c, n, ok := lex.equip.match(toks, i, true, &d.buf); ok && n > bn && !t.cap {
			best, bn = item{kind: iEquip, s: i, e: i + n, class: c}, n
		}
		if bn > 0 {
			// a capitalised organisation suffix inside a name run belongs
			// to the name ("Stimson Center"): handled by the run below
			if best.kind == iOrg && t.cap && !best.org.common {
				bn = 0
			}
			// "Ministry of Defence", "Council on Foreign Relations": a name
			if best.kind == iOrg && t.cap && bn > 0 && d.connectorAt(i+bn) {
				bn = 0
			}
		}
		if bn > 0 {
			best.ent = -1
			d.items = append(d.items, best)
			i += bn
			continue
		}
		if isPronoun(t.lower) {
			d.items = append(d.items, item{kind: iPron, s: i, e: i + 1, ent: -1})
			i++
			continue
		}
		if !t.cap && nameParticle[t.lower] && d.tokAt(i+1).cap && d.particleRef(d.spanText(i, i+2)) >= 0 {
			// "van Boxmeer" after "Jean van Boxmeer"
			d.items = append(d.items, item{kind: iName, s: i, e: i + 2, ent: -1})
			i += 2
			continue
		}
		if t.cap && strings.ContainsAny(t.text, "0123456789") {
			i++ // "W100": a rate or a code opens no name
			continue
		}
		if t.cap && functionWords[t.lower] {
			if _, n, ok := lex.roles.match(toks, i+1, true, &d.buf); ok && n > 0 && d.tokAt(i+1).cap {
				i++ // "The Secretary of State said": the title is read next, as after "the"
				continue
			}
			if _, n, ok := lex.orgs.match(toks, i+1, true, &d.buf); ok && n > 1 && d.tokAt(i+1).cap && d.tokAt(i+n).cap {
				i++ // "The Joint Chiefs of Staff said": the body's name is read next, as after "the"
				continue
			}
		}
		if t.cap || (isDigit(t.text) && d.tokAt(i+1).cap) {
			j := d.nameRunEnd(i)
			for j > i+1 && !toks[j-1].cap && (toks[j-1].lower == "the" || d.connectorWord(toks[j-1].lower)) {
				j-- // "Kola Nickel on Monday": a connector never ends a name
			}
			if !t.cap && !d.isOrgWord(j-1) {
				i++ // "3 Sevilla 1" is a score, "192 Fleet" a unit
				continue
			}
			s := d.trimRunStart(i, j)
			if s < j {
				d.items = append(d.items, item{kind: iName, s: s, e: j, ent: -1})
			}
			if j == i {
				j++
			}
			i = j
			continue
		}
		i++
	}
}

func (d *doc) followedByClass(i int) bool {
	if i >= len(d.toks) {
		return false
	}
	_, _, ok := d.r.lex.equip.match(d.toks, i, true, &d.buf)
	return ok
}

// orgRunEnd returns the end of a capitalised run from i that ends in an
// organisation suffix ("State University"), or i.
func (d *doc) orgRunEnd(i int) int {
	j := i
	end := i
	for j < len(d.toks) && j-i < 6 && d.toks[j].cap && d.toks[j].word {
		if o, ok := d.r.lex.orgs.m[d.toks[j].lower]; ok && o.suffix {
			end = j + 1
		}
		j++
	}
	return end
}

// divisionAfter reports a country or capital of the lexicon (tokens
// i..i+n) followed by a capitalised division word that ends the name
// ("Niger State", not "Moscow State University"), where the gazetteer
// has a first-level division of that name.
func (d *doc) divisionAfter(e entry, i, n int) bool {
	if e.kind != kCountry && e.kind != kCapital {
		return false
	}
	w := d.tokAt(i + n)
	if !w.cap || !divisionNouns[w.lower] || d.tokAt(i+n+1).cap && d.tokAt(i+n+1).word {
		return false
	}
	for _, p := range d.r.lex.gaz().Lookup(d.spanText(i, i+n)) {
		if p.Kind == gazetteer.KindAdmin1 {
			return true
		}
	}
	return false
}

// nameRunEnd extends a capitalised run: capitalised words, Roman
// numerals, name particles, a leading number ("192 Fleet"), stopping
// where a known name starts.
func (d *doc) nameRunEnd(i int) int {
	toks := d.toks
	j := i
	orgSeen, connSeen := false, false
	for j < len(toks) && j-i < 8 {
		t := toks[j]
		if !t.word {
			break
		}
		if j > i && t.cap {
			if e, n, ok := d.r.lex.proper.match(toks, j, false, &d.buf); ok {
				if orgSeen && connSeen && d.statesTail(j, n) {
					j += n // "Economic Community of Central African States"
					continue
				}
				if orgSeen && d.ofPlaceTail(j, e, n) {
					return j + n // "Reserve Bank of Malawi": the place ends the name
				}
				break // "Kenya Airways Chairman": a known name starts a new run
			}
			if connSeen && d.knownPerson(t.text) {
				break // "Citra Group of Suharto": a person after the connector
			}
			if _, ok := d.r.lex.abbrevs[t.text]; ok {
				break
			}
			// "Kharkiv Mayor Ihor Terekhov": a title starts a new run
			if _, n, ok := d.r.lex.roles.match(toks, j, true, &d.buf); ok && d.tokAt(j+n).cap && (!orgSeen || d.isOrgWord(j-1)) {
				break // ("Energy Ministry Secretary-General Umar Said": after the organisation word too)
			}
		}
		if !orgSeen && (d.isOrgWord(j) || d.orgPhraseEnd(j) > 0) {
			orgSeen = true
		}
		if t.lower == "and" && j > i+1 && !functionWords[toks[j-2].lower] && d.isOrgWord(j-1) && d.r.lex.orgs.m[toks[j-1].lower].sector == "BUS" {
			return j // "Acme Holdings and Zenith Mining": two companies ("Forestry and Environment Ministry" is one body)
		}
		if t.lower == "and" && orgSeen && d.andNewOrg(j) {
			return j // "University of Sydney and the University of Tokyo": two
		}
		if !t.cap && j > i && (t.lower == "of" || t.lower == "for") && (orgSeen || j-i >= 2) {
			if e := d.coordPlaceEnd(j); e > 0 {
				return e // "Common Market for Eastern and Southern Africa": the coordinated place ends the name
			}
		}
		if !t.cap && j > i && (t.lower == "of" || t.lower == "for") && !orgSeen && d.statesAhead(j) {
			orgSeen = true // "Community of Sahel-Saharan States": a body of several states
		}
		if !t.cap && j > i && (orgSeen || t.lower == "and" && d.orgRunEnd(j+1) > j+1) && d.connectorAt(j) {
			// "Institute for the Study of War", and before the
			// organisation word: "Monopolies and Mergers Commission"
			j++
			if d.toks[j].lower == "the" || d.toks[j].lower == "a" {
				j++
			}
			connSeen = true
			continue
		}
		switch {
		case t.cap:
			if weekdays[t.text] || months[t.text] && !(j > i && d.givenAt(j-1)) {
				return j // "Theresa May" keeps its surname
			}
			if j > i && strings.ContainsAny(t.text, "0123456789") {
				return j // "Augusta W100": a rate or a code, not a name
			}
		case j == i && isDigit(t.text):
		case j > i && nameParticle[t.lower] && j+1 < len(toks) && toks[j+1].cap:
		case particleHyphen(t.text) != "":
			// "Abdel Fattah al-Burhan", "Abdel Fattah el-Sisi"; or the
			// first word ("al-Shabaab fighters")
		default:
			return j
		}
		j++
	}
	return j
}

// connectorWord reports the words connectorAt looks for.
func (d *doc) connectorWord(w string) bool {
	return w == "of" || w == "for" || w == "on" || w == "and"
}

// connectorAt reports "of"/"for"/"on"/"and" (optionally + "the") then a
// capitalised word at j: the inside of "Institute for the Study of War".
func (d *doc) connectorAt(j int) bool {
	switch d.tokAt(j).lower {
	case "of", "for", "on", "and":
	default:
		return false
	}
	if w := d.tokAt(j + 1).lower; w == "the" || w == "a" {
		return d.tokAt(j + 2).cap
	}
	return d.tokAt(j + 1).cap
}

func (d *doc) hasConnector(s, e int) bool {
	for j := s; j < e; j++ {
		if !d.toks[j].cap && d.toks[j].word {
			return true
		}
	}
	return false
}

// isOrgWord reports a capitalised organisation word at i ("Institute",
// "Ministry").
func (d *doc) isOrgWord(i int) bool {
	if i >= len(d.toks) || !d.toks[i].cap {
		return false
	}
	o, ok := d.r.lex.orgs.m[d.toks[i].lower]
	return ok && o.suffix
}

// coordPlaceEnd returns the end of a coordinated place after the
// connector at j ("of"/"for", optionally "the"): a capitalised word,
// "and", and a place of two or more words whose first word the
// capitalised word stands beside ("for Eastern and Southern Africa",
// "of South and Central Asia"); 0 for none. The first word must name
// no country, capital or people of its own ("of Kenya and South Sudan"
// are two places).
func (d *doc) coordPlaceEnd(j int) int {
	k := j + 1
	if d.tokAt(k).lower == "the" {
		k++
	}
	a := d.tokAt(k)
	if !a.cap || !a.word || d.tokAt(k+1).lower != "and" || !d.tokAt(k+2).cap {
		return 0
	}
	if e, _, ok := d.r.lex.proper.match(d.toks, k, false, &d.buf); ok && e.kind != kFeature {
		return 0
	}
	e, n, ok := d.r.lex.proper.match(d.toks, k+2, false, &d.buf)
	if !ok || n < 2 || e.kind != kFeature && e.kind != kCountry {
		return 0
	}
	end := k + 2 + n
	if t := d.tokAt(end); t.cap && t.word {
		return 0 // the name goes on past the place
	}
	return end
}

// orgPhraseEnd is the end of a capitalised organisation phrase of
// several words at i that ends a name ("Joint Chiefs of Staff", "Armed
// Forces"), 0 for none: a name run through it goes on after "of" as
// after "Ministry" ("Joint Chiefs of Staff of Nigeria").
func (d *doc) orgPhraseEnd(i int) int {
	end, _ := d.orgPhrase(i)
	return end
}

// orgPhrase returns the end and the kind of the organisation phrase
// orgPhraseEnd finds at i (end 0 for none).
func (d *doc) orgPhrase(i int) (int, orgType) {
	if i < 0 || i >= len(d.toks) || !d.toks[i].cap {
		return 0, orgType{}
	}
	o, n, ok := d.r.lex.orgs.match(d.toks, i, true, &d.buf)
	if !ok || n < 2 || !o.suffix || !d.tokAt(i+n-1).cap {
		return 0, orgType{}
	}
	return i + n, o
}

// orgEndsAt reports an organisation word at k ("Ministry") or the last
// word of an organisation phrase (orgPhraseEnd) there ("Staff" of "Joint
// Chiefs of Staff").
func (d *doc) orgEndsAt(k int) bool {
	if d.isOrgWord(k) {
		return true
	}
	for s := k - 1; s >= 0 && s >= k-5; s-- {
		if d.orgPhraseEnd(s) == k+1 {
			return true
		}
	}
	return false
}

func (d *doc) givenAt(j int) bool {
	_, ok := d.r.lex.given[d.tokAt(j).text]
	return ok
}

var nameParticle = set("bin bint al el de da del della di van von der le la ibn abu")

// particleHyphen returns the name after a hyphenated lower-case particle
// ("Burhan" of "al-Burhan"), or "".
func particleHyphen(w string) string {
	k := strings.IndexByte(w, '-')
	if k <= 0 || k+1 >= len(w) || !nameParticle[w[:k]] {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(w[k+1:])
	if !unicode.IsUpper(r) {
		return ""
	}
	return w[k+1:]
}

// particleName reports a word that is a name after a hyphenated
// particle, in any case ("al-Shabaab", "Al-Qaeda", "el-Fasher"). It
// allocates nothing for a word without a hyphen.
func particleName(w string) bool {
	k := strings.IndexByte(w, '-')
	if k <= 0 || k > 5 || k+1 >= len(w) {
		return false
	}
	if p := w[:k]; !nameParticle[p] && !nameParticle[strings.ToLower(p)] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[k+1:])
	return unicode.IsUpper(r)
}

// trimRunStart drops sentence-initial function words and headline
// words from the start of a run.
func (d *doc) trimRunStart(s, e int) int {
	for s < e {
		t := d.toks[s]
		initial := s == 0 || !d.toks[s-1].word && (d.toks[s-1].text == "\"" || d.toks[s-1].text == "“" || d.toks[s-1].text == "(" || d.toks[s-1].text == "‘")
		if functionWords[t.lower] || months[t.text] || weekdays[t.text] || honorifics[strings.TrimSuffix(t.lower, ".")] {
			s++
			continue
		}
		if initial {
			// ("Al-Qaeda", a particle's name, whatever the tagger guessed)
			if e-s == 1 && (d.knownShortName(t.text) || d.knownOrg(t.text) || d.forceAcronym(s, e) || particleName(t.text)) {
				break // a person or organisation named before, whatever the tagger guessed
			}
			if d.sports && isDigit(d.tokAt(e).text) {
				break // a team opening a standings row ("Rangers 14 11 2 1")
			}
			if t.tag != "" && !strings.HasPrefix(t.tag, "NNP") && !(e-s == 1 && d.bigCity(t.text)) {
				s++
				continue
			}
			if t.tag == "" && e-s == 1 {
				// a lone sentence-initial capital is a name only with support
				if _, ok := d.r.lex.given[t.text]; !ok && !speechVerbs[d.tokAt(s+1).lower] && !d.tokAt(s+1).isPossessive() && !d.bigCity(t.text) && !d.knownShortName(t.text) {
					s++
					continue
				}
			}
			if t.tag == "" && (strings.HasSuffix(t.lower, "ing") || strings.HasSuffix(t.lower, "ly") || strings.HasSuffix(t.lower, "ed")) {
				s++
				continue
			}
		}
		break
	}
	// all-caps multiword runs are headings
	if e-s >= 2 {
		all := true
		for k := s; k < e; k++ {
			if !isAllCaps(d.toks[k].text) {
				all = false
				break
			}
		}
		if all {
			return e
		}
	}
	return s
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 1
}

func isDigit(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "him", "his", "her", "hers", "himself", "herself", "it", "its", "itself", "they", "their", "them", "theirs", "themselves":
		return true
	}
	return false
}

// countryBody reports whether an intergovernmental body's alias that
// also names a country's own body (igos.tsv column 4: "Security
// Council", "General Assembly") at token i follows a country's name
// with "'s" ("Russia's Security Council", "Kenya's General Assembly"):
// the country's body, not the organ of the UN.
func (d *doc) countryBody(e entry, i int) bool {
	if e.kind != kIGO || e.national == "" || i < 2 || !d.toks[i-1].isPossessive() {
		return false
	}
	k := len(d.items) - 1
	return k >= 0 && d.items[k].kind == iLex && d.items[k].lex.kind == kCountry && d.items[k].e == i-1
}

// igoNameInside reports whether an intergovernmental body's name of
// several words at token i ("Security Council", "General Assembly") ends
// a longer name that a capitalised word before it opens ("the National
// Security Council", "Iran's Supreme National Security Council", "the
// Russian Security Council"): that is another body, not the UN's organ.
// A sentence's first word is capitalised as such; one-word names
// ("NATO", "UN") stand after any word ("US NATO envoy").
func (d *doc) igoNameInside(e entry, i, n int) bool {
	return e.kind == kIGO && n >= 2 && i > 1 && d.toks[i-1].cap
}

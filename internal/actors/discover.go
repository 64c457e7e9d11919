package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// discover adds the actors the entity stage left as plain words: names
// the dictionaries list ("Erdogan" alone), and group nouns ("gunmen",
// "a suicide bomber", "militants") coded with the country of the place.
func (d *doc) discover() {
	for s := range d.a.Sentences {
		toks := d.a.Tokens[s]
		own := d.owner[s]
		for i := 0; i < len(toks); i++ {
			if own[i] >= 0 {
				continue
			}
			if n := d.title(s, i); n > 0 {
				i += n - 1
				continue
			}
			if capitalised(toks[i].Text) {
				if n := d.named(s, i); n > 0 {
					i += n - 1
					continue
				}
				if _, group := d.t.groups[strings.ToLower(toks[i].Text)]; i > 0 || strings.HasPrefix(toks[i].Tag, "NNP") && !group {
					// only a sentence's first word is capitalised as such
					// (where the tagger may call a group noun a name: "Gunmen")
					continue
				}
			}
			if n := d.group(s, i); n > 0 {
				i += n - 1
			}
		}
	}
}

// named adds a name of the dictionaries at token i of sentence s as a
// person or organisation; it returns the tokens taken (0 for none).
// The whole name must be free, capitalised, and not part of a longer
// name; a bare country or place ("KUNDUZ" [AFG]) is left to the entity
// stage's gazetteer.
func (d *doc) named(s, i int) int {
	toks, own := d.a.Tokens[s], d.owner[s]
	if i > 0 && own[i-1] < 0 && capitalised(toks[i-1].Text) && properTag(toks[i-1].Tag) && toks[i-1].Tag != "" {
		return 0 // the name began earlier
	}
	words := d.words(s)[i:]
	a, n := d.longest(words[:min(len(words), 8)])
	if !properTag(toks[i].Tag) && (a == nil || !d.fullName(s, i, a, n)) {
		return 0
	}
	if a == nil {
		if a = d.surname(words[0]); a == nil {
			return 0
		}
		n = 1
	}
	for k := i; k < i+n; k++ {
		if own[k] >= 0 {
			return 0
		}
	}
	if !nameWord(toks[i+n-1].Text) {
		return 0
	}
	if j := i + n; j < len(toks) && own[j] < 0 && (capitalised(toks[j].Text) && properTag(toks[j].Tag) && toks[j].Tag != "" || !capitalised(toks[j].Text) && nameWord(toks[j].Text)) {
		return 0 // the name goes on
	} else if j < len(toks) && own[j] >= 0 && d.entity(own[j]).Type == model.TypePerson {
		return 0 // a title before a person's name ("Secretary of State X")
	}
	role := roleOn(a, d.date)
	if len(role.Code) <= 3 {
		return 0 // a country, a place, or no role on the day
	}
	typ := model.TypeOrg
	if dated(a) {
		typ = model.TypePerson // roles with terms are held by people
	}
	roles := []string{}
	if d.office(words[:n]) {
		// an office the dictionaries code ("Secretary of State" [USAGOV])
		// is its holder, a person, not an organisation
		typ, roles = model.TypePerson, []string{strings.ToLower(strings.Join(words[:n], " "))}
	}
	name := d.a.Body[toks[i].Start:toks[i+n-1].End]
	code := role.Code
	key := "A:" + strings.Join(words[:n], " ")
	switch c := d.commonCode(s, i, i+n); {
	case len(c) > 3 && country(c) != country(code):
		code = c // a body every country has, of the country named with it
	case c == "-":
		// named with no country: the body of that name the article
		// named before ("the Senate in Manila ... the Senate")
		if x, ok := d.earlier(key + ":"); ok {
			code = model.Deref(d.news[x].Code)
		}
	}
	d.add(key+":"+code, s, i, i+n, func() model.Entity {
		e := model.Entity{Name: name, Type: typ, Code: model.Str(code), Roles: roles}
		if c := country(code); d.t.countries[c] {
			e.Country = model.Str(c)
		}
		return e
	})
	return n
}

// title adds a title of two or more words that names no person at
// token i of sentence s ("Pakistan's Chief of Army Staff", "the Ugandan
// police chief", "the National Security Adviser of India") as an
// organisation coded with the country it belongs to and the title's
// sector (RolesFile), as one-word agents are ("Kenya's foreign
// minister"); it returns the tokens taken (0 for none). The country is
// a place or demonym before it (past modifiers and "'s") or after "of"
// or "from"; a title before a name ("Kenya's Police Chief X"), beside
// a person ("X, Kenya's police chief") or after another actor ("the
// EU's foreign policy chief") is no actor of its own: before a name and
// a comma it is a mention of the person (titleOfPerson).
func (d *doc) title(s, i int) int {
	toks, own := d.a.Tokens[s], d.owner[s]
	if !nounTag(toks[i].Tag) && toks[i].Tag != "JJ" {
		return 0
	}
	head := strings.ToLower(toks[i].Text)
	// a title held before: "former" before it, "ex-" within its first
	// word ("the ex-defence minister"); its holder takes FormerFile's
	// sector ("ELI") in place of the title's
	past := ""
	if k := i - 1; k >= 0 && own[k] < 0 {
		if toks[k].Text == "-" && k > 0 && own[k-1] < 0 {
			k-- // "ex-" split from its title
		}
		past = d.t.former[strings.ToLower(toks[k].Text)]
	}
	if pre, rest, ok := strings.Cut(head, "-"); ok && rest != "" && d.t.former[pre] != "" {
		head, past = rest, d.t.former[pre]
	}
	first, _, _ := strings.Cut(head, " ")
	most := d.t.officeWords[first]
	if most == 0 {
		return 0 // most words open no title of two or more
	}
	n, sector := 0, ""
	var keyBuf [64]byte
	key := keyBuf[:0]
	for k := i; k < len(toks) && k < i+most && own[k] < 0; k++ {
		if k > i {
			key = append(key, ' ')
			key = append(key, strings.ToLower(toks[k].Text)...)
		} else {
			key = append(key, head...)
		}
		if sec, ok := d.t.offices[string(key)]; ok && k > i {
			n, sector = k-i+1, sec
		}
	}
	if n == 0 || sector == "" || sector == igoSector {
		return 0
	}
	if j := i + n; j < len(toks) && capitalised(toks[j].Text) && properTag(toks[j].Tag) {
		return 0 // a title before a name ("Police Chief X")
	}
	if past != "" {
		sector = past
	}
	if d.titleOfPerson(s, i, n, sector) {
		return n
	}
	cc, ok := d.ownCountry(s, i, n, false)
	if !ok || !d.t.countries[cc] {
		return 0
	}
	if capitalised(toks[i].Text) {
		if a, m := d.longest(d.words(s)[i : i+n]); a != nil && m == n && country(roleOn(a, d.date).Code) == cc {
			return 0 // the dictionaries' office of that country is its holder (named)
		}
	}
	code := cc + sector
	name := d.a.Body[toks[i].Start:toks[i+n-1].End]
	d.add("T:"+code+":"+strings.ToLower(name), s, i, i+n, func() model.Entity {
		return model.Entity{Name: name, Type: model.TypeOrg, Code: model.Str(code), Country: model.Str(cc), Roles: []string{}}
	})
	return n
}

// titleOfPerson joins a title at tokens [i, i+n) of sentence s that
// names its country and stands before a person's name with a comma
// ("Nigeria's Inspector General of Police, X,", "Kenya's foreign
// minister, Y,"), or names it after "of" and stands before the name
// with or without one ("a former interior minister of Iraq, Z,"), to
// that person, as a mention of theirs: the phrase
// acts as the person (the subject of a verb is its head, the title),
// not as the country of its possessor. A person the dictionaries or the
// entity stage left without a code takes the title's country and
// sector; a person's own code (a dated role) stays. It reports whether
// it joined them.
func (d *doc) titleOfPerson(s, i, n int, sector string) bool {
	toks, own := d.a.Tokens[s], d.owner[s]
	j := i + n
	for k := i; k < j; k++ {
		if own[k] >= 0 {
			return false
		}
	}
	cc, ok := d.modifierCountry(s, i)
	if !ok {
		return false
	}
	// the country after "of", then the name with or without a comma
	// ("the former defence minister of Peru, X", "Finance Minister of
	// Ghana X")
	of, next := d.countryOf(s, j)
	switch {
	case next < 0 && j+1 < len(toks) && toks[j].Text == ",":
		next = j + 1
	case next < 0:
		return false
	case cc != "" && cc != of:
		return false // "Kenya's envoy of Somalia": whose is unclear
	default:
		cc = of
		if next < len(toks) && toks[next].Text == "," {
			next++
		}
	}
	if next >= len(toks) || own[next] < 0 {
		return false
	}
	x := own[next]
	p := d.entity(x)
	if p.Type != model.TypePerson {
		return false
	}
	if cc == "" || !d.t.countries[cc] || sector == "" || sector == igoSector {
		return false
	}
	if model.Deref(p.Code) == "" {
		p.Code, p.Country = model.Str(cc+sector), model.Str(cc)
	} else if country(model.Deref(p.Code)) != cc {
		return false // the person is another country's ("X's envoy, Y")
	}
	m := model.Mention{Sentence: s, Start: toks[i].Start, End: toks[j-1].End}
	m.Text = d.a.Body[m.Start:m.End]
	at := 0
	for at < len(p.Mentions) && (p.Mentions[at].Sentence < s || p.Mentions[at].Sentence == s && p.Mentions[at].Start < m.Start) {
		at++
	}
	p.Mentions = append(p.Mentions[:at], append([]model.Mention{m}, p.Mentions[at:]...)...)
	for k := i; k < j; k++ {
		own[k] = x
	}
	return true
}

// countryOf reads a country named after "of" at token j of sentence s
// ("of Iraq", "of the Philippines"): its code and the token after it; -1
// for none. A place within a country ("of Basra") is no country.
func (d *doc) countryOf(s, j int) (string, int) {
	toks, own := d.a.Tokens[s], d.owner[s]
	if j >= len(toks) || !strings.EqualFold(toks[j].Text, "of") {
		return "", -1
	}
	k := j + 1
	if k < len(toks) && own[k] < 0 && toks[k].Tag == "DT" {
		k++
	}
	if k >= len(toks) || own[k] < 0 {
		return "", -1
	}
	x := own[k]
	e := d.entity(x)
	if e.Type != model.TypePlace || e.Precision != "country" || !d.t.countries[model.Deref(e.Country)] {
		return "", -1
	}
	for k < len(toks) && own[k] == x {
		k++
	}
	return model.Deref(e.Country), k
}

// nameWord reports whether w can end a name: capitalised, or a
// lower-case particle joined to a capitalised word ("al-Rifai",
// "bin-Salman").
func nameWord(w string) bool {
	if capitalised(w) {
		return true
	}
	i := strings.LastIndexByte(w, '-')
	return i > 0 && capitalised(w[i+1:])
}

// fullName reports whether actor a, matched at tokens [i, i+n) of
// sentence s, is a person's name of two or more words, each capitalised:
// such a name stands even where the tagger read its first word as a
// common noun ("Song Min-soon", "Moon Jae-in": family names that are
// English words).
func (d *doc) fullName(s, i int, a *petrarch.Actor, n int) bool {
	if n < 2 || !dated(a) {
		return false
	}
	for _, t := range d.a.Tokens[s][i : i+n] {
		if !capitalised(t.Text) {
			return false
		}
	}
	return true
}

// dated reports whether a has a role with a term: a person's (offices
// are held for terms).
func dated(a *petrarch.Actor) bool {
	for _, c := range a.Codes {
		if !c.From.IsZero() || !c.To.IsZero() {
			return true
		}
	}
	return false
}

// earlier returns the first new entity whose key starts with prefix.
func (d *doc) earlier(prefix string) (int, bool) {
	best := -1
	for k, x := range d.byKey {
		if strings.HasPrefix(k, prefix) && (best < 0 || x < best) {
			best = x
		}
	}
	return best, best >= 0
}

// commonCode reads a name of the dictionaries at tokens [i, end) of
// sentence s that is a body every country can have, though the
// dictionaries list it under one country's (Phoenix files
// JOINT_CHIEFS_OF_STAFF, SENATE and NATIONAL_SECURITY_COUNCIL under the
// United States): a name an agents table (AgentsFile, then Phoenix's)
// lists whole, with the sector of a country's body ("JOINT_CHIEFS_OF_STAFF
// [~MIL]", "SENATE [~LEG]"). It returns the code of the body of the
// country named with the phrase: a place or demonym before it ("South
// Korea's", "Pakistani"), or a place right after "of", "from" or "in"
// ("in Seoul", "of Pakistan"); "-" when none is named (the dictionaries'
// country is then the default); "" for a name of one body only.
func (d *doc) commonCode(s, i, end int) string {
	words := d.words(s)[i:end]
	sector := ""
	for _, t := range []*petrarch.AgentTable{d.t.own, d.t.v.Agents} {
		if t == nil {
			continue
		}
		if ag, n := t.Match(words); ag != nil && n == len(words) && !ag.Prefix && ag.Code != "" {
			sector = ag.Code
			break
		}
	}
	if sector == "" {
		return ""
	}
	c, ok := d.modifierCountry(s, i)
	if !ok || c == "" {
		c = d.linkedCountry(s, end, true)
	}
	if c == "" || !d.t.countries[c] {
		return "-"
	}
	return c + sector
}

// igoSector is the sector of an international title ("secretary
// general"), which belongs to a body, never to a country.
const igoSector = "IGO"

// office reports whether a name of the dictionaries is an office, a
// role phrase of the entity stage ("Secretary of State" [USAGOV]), not a
// body ("Senate", "State Duma").
func (d *doc) office(words []string) bool {
	_, ok := d.t.offices[strings.ToLower(strings.Join(words, " "))]
	return ok
}

// group adds a group noun at token i of sentence s ("gunmen",
// "militants", "protesters") as an organisation coded with a country
// and the group's sector; it returns the tokens taken (0 for none).
// The noun must head its phrase (not "police" in "a police
// checkpoint"). The country is, in order: a demonym or country just
// before it ("Yemeni militiamen"), one after "of", "from" or "in"
// ("fighters from Chad"), the one country the sentence's places are in, the article's
// main country; with none, or with an actor just before it ("Taliban
// fighters" are the Taliban's), nothing is added.
func (d *doc) group(s, i int) int {
	toks := d.a.Tokens[s]
	sector, n, reach := d.groupPhrase(s, i), 2, groupNoun
	if sector == "" {
		if !nounTag(toks[i].Tag) {
			return 0
		}
		if sector, n, reach = d.sector(s, i); sector == "" {
			return 0
		}
	}
	if reach != groupNoun && d.titleOfPerson(s, i, n, sector) {
		return n
	}
	country, ok := d.ownCountry(s, i, n, reach != ownAgent)
	if !ok {
		return 0
	}
	if country == "" && reach != groupNoun {
		return 0 // an agent of another sector needs its country named ("Kenyan lawmakers")
	}
	if country == "" {
		// a group that names no country is an actor where it acts: as
		// the subject of a verb ("gunmen stormed", "protesters who
		// marched"), coded with the country of the place
		if !subjectAt(toks, i+n) && !d.dictVerbAt(toks, i+n) && !agentOf(toks, i) {
			return 0
		}
		var several bool
		if country = d.sharedCountry(s, i); country == "" {
			country, several = d.sentenceCountry(s)
		}
		if several && d.sponsored(s, i) {
			// a proxy ("Iranian-backed militias ... in Syria") is of
			// the place where it acts, which the events coder knows
			return 0
		}
		if country == "" {
			country = d.focus
		}
	}
	if country == "" {
		return 0
	}
	code := country + sector
	name := strings.ToLower(d.a.Body[toks[i].Start:toks[i+n-1].End])
	d.add("G:"+code+":"+name, s, i, i+n, func() model.Entity {
		return model.Entity{Name: name, Type: model.TypeOrg, Code: model.Str(code), Country: model.Str(country), Roles: []string{}}
	})
	return n
}

// ownCountry is the country a group noun or title at tokens [i, i+n)
// of sentence s names: a place or demonym among its modifiers ("Yemeni
// militiamen", "Chad's armed militias"), else one a placeLinks word
// after it joins (of belonging only, without acts); "" for none. ok is
// false when the phrase is no actor of its own: a modifier of the noun
// after it ("police checkpoint", not "officers today"), beside a
// person ("Kenya's foreign minister, X,", "X, then Russia's defense
// minister"), or after another actor, whose members it names ("Taliban
// fighters").
func (d *doc) ownCountry(s, i, n int, acts bool) (country string, ok bool) {
	toks, own := d.a.Tokens[s], d.owner[s]
	if j := i + n; j < len(toks) && nounTag(toks[j].Tag) && toks[j].Tag != "" && own[j] < 0 && !d.inTime(toks[j]) {
		return "", false
	}
	if d.appositive(s, i, i+n) {
		return "", false
	}
	if country, ok = d.modifierCountry(s, i); !ok {
		return "", false
	}
	if country == "" {
		country = d.linkedCountry(s, i+n, acts)
	}
	return country, true
}

// placeLinks join a group noun to the place it belongs to (true) or
// acts in (false): "fighters from Chad", "villagers in Assam",
// "students throughout Indonesia".
var placeLinks = map[string]bool{"of": true, "from": true, "in": false, "throughout": false, "across": false}

// linkedCountry is the country of a place joined by a placeLinks word at
// token j of sentence s, past determiners and modifiers ("in the Ivory
// Coast", "of the occupied Western Sahara"); "" if none. Without acts,
// only a link of belonging counts ("of", "from").
func (d *doc) linkedCountry(s, j int, acts bool) string {
	toks, own := d.a.Tokens[s], d.owner[s]
	if j >= len(toks) {
		return ""
	}
	if belongs, ok := placeLinks[strings.ToLower(toks[j].Text)]; !ok || !belongs && !acts {
		return ""
	}
	k := j + 1
	for k < len(toks) && own[k] < 0 && (toks[k].Tag == "DT" || modifierTag(toks[k])) {
		k++
	}
	if k >= len(toks) || own[k] < 0 {
		return ""
	}
	if e := d.entity(own[k]); e.Type == model.TypePlace {
		return model.Deref(e.Country)
	}
	return ""
}

// inTime reports whether token t lies in a time expression ("today",
// "on Sunday").
func (d *doc) inTime(t model.Token) bool {
	for _, x := range d.a.Times {
		if t.Start >= x.Start && t.End <= x.End {
			return true
		}
	}
	return false
}

// reach is how a group noun finds its country.
type reach int

const (
	// groupNoun: a country named with it, else the place where it acts
	// ("gunmen stormed a church in Owo").
	groupNoun reach = iota
	// agentNoun: a country named with it, by a demonym or a link
	// ("Kenyan lawmakers", "lawmakers from Romania", "villagers in
	// Assam").
	agentNoun
	// ownAgent: a country it belongs to, by a demonym, "of" or "from"
	// ("Ugandan peacekeepers"; not "peacekeepers in Mali").
	ownAgent
)

// sector returns the sector code of the group noun at token i, its
// length in tokens, and how it finds its country: sitrep's groups
// first (one word; group() has tried its two-word phrases, groupPhrase),
// then sitrep's agents (AgentsFile), then the Phoenix agents (suffix
// agents only, of one word or of a group's sector: agentAt). Phoenix
// agents whose code is one of the sectors sitrep's groups use ("~UAF"
// TERRORIST, "~REB" SEPARATIST) are groups; the others ("~LEG"
// LAWMAKER, "~MED" JOURNALIST, "~GOV" MINISTER) name an actor only with
// their country ("Kenyan lawmakers").
func (d *doc) sector(s, i int) (string, int, reach) {
	low := strings.ToLower(d.a.Tokens[s][i].Text)
	if c, ok := d.t.groups[low]; ok {
		return c, 1, groupNoun
	}
	if !d.t.agents {
		return "", 0, agentNoun
	}
	words := d.words(s)[i:]
	words = words[:min(len(words), 4)]
	if d.t.own != nil {
		// sitrep's agents: a country named with it, never a group
		if ag, n := d.t.own.Match(words); d.agentAt(s, i, ag, n) {
			return ag.Code, n, ownAgent
		}
	}
	ag, n := d.t.v.Agents.Match(words)
	if !d.agentAt(s, i, ag, n) {
		return "", 0, agentNoun
	}
	if d.t.sectors[ag.Code] {
		return ag.Code, n, groupNoun
	}
	return ag.Code, n, agentNoun
}

// agentAt reports whether ag, matched over n tokens at token i of
// sentence s, is a suffix agent ("~LEG", not "NGO~") of one word, or of
// several when its code is a group's sector ("security forces" ~COP,
// "government forces" ~MIL) and not ending in a noun of groups.tsv, on
// tokens no entity holds, lower case unless first in the sentence.
func (d *doc) agentAt(s, i int, ag *petrarch.Agent, n int) bool {
	if ag == nil || ag.Prefix || ag.Code == "" {
		return false
	}
	if n > 1 {
		if _, own := d.t.groups[strings.ToLower(d.a.Tokens[s][i+n-1].Text)]; own || !d.t.sectors[ag.Code] {
			return false // groups.tsv's noun decides its phrase ("suicide bomber" is UAF)
		}
	}
	for k := i; k < i+n; k++ {
		if d.owner[s][k] >= 0 || k > 0 && capitalised(d.a.Tokens[s][k].Text) {
			return false
		}
	}
	return true
}

// sentenceCountry is the one country of the places sentence s mentions
// ("" for none; several reports more than one).
func (d *doc) sentenceCountry(s int) (country string, several bool) {
	c, toks := "", d.a.Tokens[s]
	for k, x := range d.owner[s] {
		if x < 0 || d.patron(toks[k]) {
			continue // a sponsor's country is not where the group is
		}
		e := d.entity(x)
		if e.Type != model.TypePlace || affiliated(e, s, toks[k]) {
			continue // (a demonym says whose, not where: "gunmen attacked the Indian embassy in Kabul")
		}
		switch k := model.Deref(e.Country); {
		case k == "" || k == c:
		case c == "":
			c = k
		default:
			return "", true
		}
	}
	return c, false
}

// sharedCountry is the country of the demonym before the noun that a
// bare group noun at token i of sentence s is coordinated with ("Israeli
// drones and tanks": the demonym modifies both), "" for none.
func (d *doc) sharedCountry(s, i int) string {
	toks, own := d.a.Tokens[s], d.owner[s]
	if i < 3 || toks[i-1].Tag != "CC" || !strings.HasPrefix(toks[i-2].Tag, "NN") || own[i-2] >= 0 {
		return ""
	}
	for k := i - 3; k >= 0 && k >= i-4; k-- {
		if x := own[k]; x >= 0 {
			if e := d.entity(x); e.Type == model.TypePlace && affiliated(e, s, toks[k]) {
				return model.Deref(e.Country)
			}
			return ""
		}
		if !strings.HasPrefix(toks[k].Tag, "NN") && !strings.HasPrefix(toks[k].Tag, "JJ") {
			return ""
		}
	}
	return ""
}

// affiliated reports whether token t of sentence s is in one of e's
// affiliations (a demonym, "Indian"), not a mention of the place.
func affiliated(e *model.Entity, s int, t model.Token) bool {
	for _, m := range e.Affiliations {
		if m.Sentence == s && m.Start <= t.Start && t.End <= m.End {
			return true
		}
	}
	return false
}

// entity returns entity x (old or new).
func (d *doc) entity(x int32) *model.Entity {
	if int(x) < len(d.a.Entities) {
		return &d.a.Entities[x]
	}
	return &d.news[int(x)-len(d.a.Entities)]
}

// appositive reports whether the noun phrase headed by tokens [i, end)
// of sentence s stands beside a person's name: in apposition after it
// ("Sergei X, then Russia's defense minister"), before it with a comma
// ("Kenya's foreign minister, Y,") or as a title ("minister Y").
func (d *doc) appositive(s, i, end int) bool {
	toks, own := d.a.Tokens[s], d.owner[s]
	person := func(k int) bool {
		return k >= 0 && k < len(toks) && own[k] >= 0 && d.entity(own[k]).Type == model.TypePerson
	}
	if end < len(toks) && (person(end) || toks[end].Text == "," && person(end+1)) {
		return true
	}
	// the phrase's start: modifiers, then a possessor ("Russia's")
	k := i - 1
	for k >= 0 && own[k] < 0 && (modifierTag(toks[k]) || toks[k].Tag == "DT" || toks[k].Tag == "PRP$") {
		k--
	}
	if k >= 0 && own[k] < 0 && toks[k].Tag == "POS" {
		k--
	}
	if k >= 0 && own[k] >= 0 && d.entity(own[k]).Type == model.TypePlace {
		for x := own[k]; k >= 0 && own[k] == x; k-- {
		}
	}
	for k >= 0 && strings.HasPrefix(toks[k].Tag, "RB") {
		k-- // "then", "now"
	}
	return k >= 1 && toks[k].Text == "," && person(k-1)
}

// modifierCountry reads the modifiers before the group noun at token i
// of sentence s ("Kurdish rebels", "Chad's armed militias", "NATO
// peacekeeping troops"): the country of a place or demonym among them;
// ok is false when they name another actor, whose members the group
// are ("Taliban fighters").
func (d *doc) modifierCountry(s, i int) (country string, ok bool) {
	toks, own := d.a.Tokens[s], d.owner[s]
	j := i - 1
	for j >= 0 && own[j] < 0 && modifierTag(toks[j]) {
		j--
	}
	if j >= 0 && own[j] < 0 && toks[j].Tag == "POS" {
		j--
	}
	if j > 0 && j+1 == i && own[j] < 0 && toks[j].Tag == "CC" && own[j-1] >= 0 {
		// a conjunct shares the first one's modifier ("Russian troops
		// and tanks"): the country of the group before
		if e := d.entity(own[j-1]); e.Type == model.TypeOrg && model.Deref(e.Country) != "" && nounTag(toks[j-1].Tag) {
			return model.Deref(e.Country), true
		}
	}
	if j < 0 || own[j] < 0 {
		return "", true
	}
	e := d.entity(own[j])
	if e.Type != model.TypePlace {
		return "", false
	}
	if d.patron(toks[j]) {
		return "", true // a sponsor: "Iranian-backed militias" are not Iran's
	}
	return model.Deref(e.Country), true
}

// sponsored reports a compound of patronage before the group noun at
// token i of sentence s ("Iranian-backed militias").
func (d *doc) sponsored(s, i int) bool {
	return i > 0 && d.patron(d.a.Tokens[s][i-1])
}

// patronAfter reports a name ending at byte end of the body as the
// first part of a compound of patronage ("Turkish" in "Turkish-backed").
func (d *doc) patronAfter(end int) bool {
	b := d.a.Body
	if end >= len(b) || b[end] != '-' {
		return false
	}
	k := end + 1
	for k < len(b) && (b[k] >= 'a' && b[k] <= 'z' || b[k] >= 'A' && b[k] <= 'Z') {
		k++
	}
	return k > end+1 && d.t.patrons[strings.ToLower(b[end+1:k])]
}

// patron reports a compound of patronage after a name ("Iranian-backed",
// "US-trained": tables.patrons).
func (d *doc) patron(t model.Token) bool {
	i := strings.LastIndexByte(t.Text, '-')
	return i > 0 && d.t.patrons[strings.ToLower(t.Text[i+1:])]
}

// modifierTag reports a word that can stand between a noun and its
// affiliation: an adjective, a participle, a number or a lower-case
// noun ("armed", "peacekeeping", "two", "security").
func modifierTag(t model.Token) bool {
	switch {
	case t.Tag == "", capitalised(t.Text):
		return false
	case strings.HasPrefix(t.Tag, "JJ"), t.Tag == "VBG", t.Tag == "VBN", t.Tag == "CD", t.Tag == "HYPH", t.Tag == "NN", t.Tag == "NNS":
		return true
	}
	return false
}

// subjectAt reports whether the words from token k on continue a
// subject: a verb or modal (after adverbs), or a relative "who".
func subjectAt(toks []model.Token, k int) bool {
	for k < len(toks) && strings.HasPrefix(toks[k].Tag, "RB") {
		k++
	}
	if k >= len(toks) {
		return false
	}
	if toks[k].Tag == "CC" {
		// a coordinated subject: "government forces and rebels clashed"
		j := k + 1
		for j < len(toks) && j <= k+5 && toks[j].Tag != "" && (strings.HasPrefix(toks[j].Tag, "NN") || strings.HasPrefix(toks[j].Tag, "JJ") || toks[j].Tag == "DT" || toks[j].Tag == "CD") {
			j++
		}
		return j > k+1 && subjectAt(toks, j)
	}
	t := toks[k].Tag
	// not a participle: "refugees fleeing the war", "civilians killed";
	// but a past form with an object after it is finite, whatever the
	// tagger says ("mercenaries attacked a mine": taggers trained on web
	// text often call it VBN)
	return strings.HasPrefix(t, "VB") && t != "VBG" && t != "VBN" || t == "MD" || t == "WP" && strings.EqualFold(toks[k].Text, "who") ||
		t == "VBN" && objectAt(toks, k+1)
}

// groupPhrase is the sector of a two-word phrase of groups.tsv at token
// i of sentence s ("armed men"), its words lower case but at the
// sentence's start and held by no entity; "" for none.
func (d *doc) groupPhrase(s, i int) string {
	toks := d.a.Tokens[s]
	if i+1 >= len(toks) || d.owner[s][i+1] >= 0 || i > 0 && capitalised(toks[i].Text) || capitalised(toks[i+1].Text) || !nounTag(toks[i+1].Tag) {
		return ""
	}
	return d.t.groups[strings.ToLower(toks[i].Text)+" "+strings.ToLower(toks[i+1].Text)]
}

// agentOf reports whether the noun phrase ending in token i is the agent
// of a passive clause: "was attacked by (unidentified) gunmen" (an
// auxiliary before the participle: in "stopped a march organised by
// students" the participle only describes a noun).
func agentOf(toks []model.Token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].Tag == "DT" || modifierTag(toks[j])) {
		j--
	}
	return j > 1 && strings.EqualFold(toks[j].Text, "by") && toks[j-1].Tag == "VBN" && toks[j-2].UPOS == "AUX"
}

// objectAt reports a token that opens a noun phrase object: a
// determiner, possessive, number or object pronoun.
func objectAt(toks []model.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].Tag {
	case "DT", "PRP$", "CD", "PRP":
		return true
	}
	return false
}

// dictVerbAt reports a form of a Phoenix dictionary verb at token k
// (after adverbs) that the tagger took for neither a noun, an adjective,
// a participle nor a function word ("rioters set cars on fire", where
// it reads "set" as punctuation).
func (d *doc) dictVerbAt(toks []model.Token, k int) bool {
	for k < len(toks) && strings.HasPrefix(toks[k].Tag, "RB") {
		k++
	}
	if k >= len(toks) || d.t.v == nil || d.t.v.Verbs == nil {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(toks[k].Text); !unicode.IsLetter(r) {
		return false // punctuation, whatever its tag
	}
	switch t := toks[k].Tag; {
	case strings.HasPrefix(t, "NN"), strings.HasPrefix(t, "JJ"), t == "VBN", t == "VBG", t == "IN", t == "DT", t == "CD", t == "CC", t == "TO":
		return false
	}
	return len(d.t.v.Verbs.ByForm(strings.ToUpper(toks[k].Text))) > 0
}

// surname returns the one person of the dictionaries whose name ends in
// word, who holds an office on the article's date, in a country the
// article mentions ("Modi" in a report from Gujarat when the
// dictionaries list "NARENDRA_MODI"); nil when none or several do.
func (d *doc) surname(word string) *petrarch.Actor {
	var found *petrarch.Actor
	for _, a := range d.t.surnames[word] {
		r := a.RoleOn(d.date)
		if !r.Dated || !d.countries[country(r.Code)] {
			continue
		}
		if found != nil && found != a {
			return nil
		}
		found = a
	}
	return found
}

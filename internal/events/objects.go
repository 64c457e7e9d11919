package events

import (
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// arcTarget reads the target of verb match m from the arcs: the first
// dependent after the verb of the pattern's words that is an object
// (obj, iobj) or a prepositional phrase whose preposition names a target
// (words.tsv targetPreps; "in" too for the verbs of classIn, "from" for
// those of classFrom), and whose
// phrase names an actor that is not the source. A possessive pronoun
// ("its territory") names no target, a time or quotation is skipped, and
// a phrase that names no actor passes on to the next dependent ("sent
// aid to Y"). ok is false when the sentence was not parsed or the arcs
// name no target: the window reading (target) then stands.
func (c *Coder) arcTarget(st *sent, m *match, srcs []actorRef) (out []*mention, end int, ok bool) {
	if !st.parsed() {
		return nil, 0, false
	}
	var deps []int
	for w := m.head; w <= m.last; w++ {
		if w != m.head && !governedBy(st, w, m.head) {
			continue
		}
		for _, k := range st.kids[w] {
			if k > m.head && (k > m.last || len(st.toks[k].ments) > 0) {
				deps = append(deps, k)
			}
		}
	}
	slices.Sort(deps)
	patPrep := "" // a pattern that ends in a preposition names its target's ("recall ambassador from")
	if m.last > m.head && st.words.prepositions[st.toks[m.last].low] {
		patPrep = st.toks[m.last].low
	}
	for _, k := range deps {
		if k > m.last && m.last > m.head && patPrep == "" && governedBy(st, m.last, k) {
			continue // "deployed 400 police officers": the pattern's noun heads no target, nor does its phrase
		}
		prep, isArg := st.argPrep(k)
		if prep != "" && prep == patPrep && k > m.last {
			prep = "" // as an object
		}
		g := st.heads[k]
		// "expelled the ambassador of Y": a role noun of the pattern's own
		// words belongs to its "of" phrase
		roleOf := g != m.head && st.words.roleHeads[st.toks[g].low] && (prep == "of" || prep == "from")
		if !isArg || !c.targetPrep(st, m, prep) && !roleOf {
			continue
		}
		if prep == "" && (st.prepBefore(m.last, k) || st.prepInside(k)) {
			continue // "seized last year from Y's troops", "accused Y of arming rebels": a misread object
		}
		visit := c.lex.is(m.code, classVisit) && prep == ""
		found := st.notWhere(c.arcNP(st, k, srcs, visit), prep)
		if len(found) == 0 && st.rels[k] == "obj" {
			// "granted concessions to Y", "launched an attack on Y": the
			// object's own phrase of a target preposition
			for _, x := range st.kids[k] {
				if p, ok := st.argPrep(x); ok && x > k && p != "" && c.targetPrep(st, m, p) {
					if found = st.notWhere(c.arcNP(st, x, srcs, false), p); len(found) > 0 {
						break
					}
				}
			}
		}
		if len(found) > 0 {
			for _, a := range found {
				end = max(end, a.last)
			}
			return found, end, true
		}
	}
	return nil, 0, false
}

// notWhere drops from found the places after a preposition of where
// (words.tsv wherePreps: "a drone over Kampala").
func (st *sent) notWhere(found []*mention, prep string) []*mention {
	if !st.words.wherePreps[prep] {
		return found
	}
	return slices.DeleteFunc(found, func(m *mention) bool { return m.ent.Type == model.TypePlace })
}

// targetPrep reports whether an argument introduced by prep ("" for an
// object) may name the target of m.
func (c *Coder) targetPrep(st *sent, m *match, prep string) bool {
	return prep == "" || st.words.targetPreps[prep] || prep == "in" && c.lex.is(m.code, classIn) || prep == "from" && c.lex.is(m.code, classFrom) ||
		prep == "of" && c.objectiveOf(st, m)
}

// objectiveOf reports whether m is an event noun whose "of" phrase names
// its target (classes.tsv "of": "mounted an invasion of X"), not one
// that is a clause's subject: "Russia's invasion of X has killed
// thousands" tells the killing, and the invasion is its background.
func (c *Coder) objectiveOf(st *sent, m *match) bool {
	if !m.noun || !c.lex.is(m.code, classObjGen) {
		return false
	}
	return st.parsed() && !strings.HasPrefix(st.rels[m.head], "nsubj")
}

// arcNP resolves the actors the argument headed by k names: its own noun
// phrase (the words before the head and the name it ends, not the
// phrases after it: "a Pakistani diplomat in Delhi" is the diplomat's
// country), a role noun's "of/from/in" phrase ("the ambassador of Y"),
// and the same for each conjunct ("Y, as well as Z and W"). A time, a
// quotation, equipment, the source itself and a possessive pronoun ("its
// territory") name no target, except after a visit verb.
func (c *Coder) arcNP(st *sent, k int, srcs []actorRef, visit bool) []*mention {
	var out []*mention
	k = st.counted(k) // "detained dozens of protesters"
	heads := []int{k}
	for _, x := range st.kids[k] {
		if st.rels[x] == "conj" {
			heads = append(heads, x)
		}
	}
	for i, h := range heads {
		if st.toks[h].inTime > 0 || st.toks[h].quote || i > 0 && len(out) == 0 {
			// a conjunct counts only after a head that names an actor:
			// "the objections of the council and the traders" are not the traders'
			break
		}
		// "recalled its ambassador": the subject's own, not a target, but
		// "met his Turkish counterpart" names the counterpart's country
		x := st.child(h, "nmod:poss")
		own := x >= 0 && st.words.possPronouns[st.toks[x].low]
		from, to := st.corePhrase(h)
		ms := resolveNP(st, from, to)
		if len(ms) == 0 {
			// a name modifying the head ("the Kenyan border post", "Peru's
			// fishing fleet") is whose it is, as the window reads it
			ms = firstMention(st, from, to)
		}
		if len(ms) == 0 {
			// a group noun ("killed 23 villagers in Borno"): the group of
			// the country its phrase or the sentence's place names
			if g := c.groupActor(st, h, from, to); g != nil {
				ms = []*mention{g}
			}
		}
		if len(ms) == 0 && !st.words.placeNouns[st.toks[h].low] {
			ms = c.ownerOf(st, h, from)
		}
		for _, a := range ms {
			if a.ent.Type == model.TypeEquipment || sameEntity(a, srcs) || own && !a.adj {
				continue
			}
			if l := st.toks[a.first].low; !visit && (st.words.possPronouns[l] || a.poss && st.words.pronouns[l]) {
				continue
			}
			out = append(out, a)
		}
	}
	return dedupe(out)
}

// firstMention returns the mentions of the first token in from..to that
// has any.
func firstMention(st *sent, from, to int) []*mention {
	for j := from; j <= to; j++ {
		if len(st.toks[j].ments) > 0 {
			return st.mentionsAt(j)
		}
	}
	return nil
}

// mentionsAt returns the mentions that cover token k.
func (st *sent) mentionsAt(k int) []*mention {
	out := make([]*mention, 0, len(st.toks[k].ments))
	for _, mi := range st.toks[k].ments {
		out = append(out, &st.ments[mi])
	}
	return out
}

// prepBefore reports whether a preposition stands between the verb's last
// word and the phrase of its object k: English puts a direct object
// before the verb's prepositional phrases, so the parse has taken a
// preposition's noun (or a participle's) for the object.
func (st *sent) prepBefore(last, k int) bool {
	from, _ := st.corePhrase(k)
	aside := false // between commas: a parenthetical ("criticised, for the second time, Y's tariffs")
	for j := last + 1; j < from; j++ {
		if st.toks[j].text == "," {
			aside = !aside
			continue
		}
		if !aside && (st.rels[j] == "case" || st.words.prepositions[st.toks[j].low] && st.toks[j].tag == "IN") {
			return true
		}
	}
	return false
}

// ownerOf reads whose the object h (a noun that names no actor) is: its
// "of" phrase ("the leaders of Somalia and Ethiopia", "positions of the
// rebels"; for a role noun also "from"), the agent of a participle
// that describes it ("positions held by the rebels"; not a third party's,
// words.tsv thirdPartyVerbs: "a deal mediated by Qatar"), or the people a
// participle of carrying or sheltering (words.tsv carrierVerbs) takes
// ("a bus carrying pilgrims"). A place after the
// phrase is where ("the leaders of the unions in Abuja" is no target in
// the capital).
func (c *Coder) ownerOf(st *sent, h, from int) []*mention {
	for _, x := range st.kids[h] {
		if x < h {
			continue
		}
		p, _ := st.argPrep(x)
		switch {
		case st.rel(x) == "nmod" && (p == "of" || p == "from" && st.words.roleHeads[st.toks[h].low]):
			return st.npActors(x)
		case st.rels[x] == "acl" && st.toks[x].tag == "VBN" && !st.words.thirdPartyVerbs[st.lemmas[x]]:
			if a := st.child(x, "obl:agent"); a >= 0 {
				return st.npActors(a)
			}
		case st.rels[x] == "acl" && st.toks[x].tag == "VBG" && st.words.carrierVerbs[st.lemmas[x]]:
			if o := st.child(x, "obj"); o >= 0 {
				if ms := st.npActors(o); len(ms) > 0 {
					return ms
				}
				f, e := st.corePhrase(o)
				if g := c.groupActor(st, o, f, e); g != nil {
					return []*mention{g}
				}
			}
		}
	}
	return nil
}

// npActors resolves the noun phrase headed by x and its conjuncts,
// without the phrases after their heads ("the Indonesian navy near
// Jakarta" is the navy).
func (st *sent) npActors(x int) []*mention {
	f, _ := st.corePhrase(x)
	return resolveNP(st, f, st.listEnd(x))
}

// listEnd is the last token of the noun phrase headed by x and of its
// conjuncts' phrases, without the phrases after their heads.
func (st *sent) listEnd(x int) int {
	_, e := st.corePhrase(x)
	for _, k := range st.kids[x] {
		if st.rels[k] == "conj" {
			_, ce := st.corePhrase(k)
			e = max(e, ce)
		}
	}
	return e
}

// prepInside reports whether the words before the head of the object k
// hold a preposition or a clause's marker ("accused Eritrea of arming
// rebels" parsed with "rebels" as the object and the rest its
// compounds): no noun phrase does, so the parse is wrong there.
func (st *sent) prepInside(k int) bool {
	from, _ := st.corePhrase(k)
	for j := from; j < k; j++ {
		if t := st.toks[j].tag; t == "IN" || t == "TO" {
			return true
		}
	}
	return false
}

// corePhrase is the token range of the noun phrase headed by h without
// what follows its head but the rest of a name ("Donald Tusk", flat):
// the determiners, adjectives, possessors and compounds before it.
func (st *sent) corePhrase(h int) (int, int) {
	from, to := h, h
	var walk func(i int)
	walk = func(i int) {
		from = min(from, i)
		for _, k := range st.kids[i] {
			switch r := st.rels[k]; {
			case k < h && (r == "det" || r == "det:predet" || r == "amod" || r == "compound" || r == "nmod:poss" || r == "nummod" || r == "flat" || r == "case" && st.heads[k] != h):
				walk(k)
			case k > h && (r == "flat" || r == "fixed" || r == "compound") && k == to+1:
				to = k
			}
		}
	}
	walk(h)
	return from, to
}

// objectAfterAside mends the parse of an object that follows a phrase set
// off by commas right after its verb: "condemned, in unusually strong
// terms, Y's decision", "summoned, late on Sunday, Y's ambassador". The
// parse hangs the noun phrase after the second comma on the aside's noun
// (an apposition of "terms") or on the verb as a conjunct; a verb with no
// object of its own and an aside that hangs on it has that noun phrase
// for its object.
func (st *sent) objectAfterAside() {
	moved := false
	for v := range st.heads {
		if !strings.HasPrefix(st.toks[v].tag, "VB") || v+2 >= len(st.toks) || st.toks[v+1].text != "," || st.child(v, "obj") >= 0 {
			continue
		}
		c := v + 2 // the comma that closes the aside
		for c < len(st.toks) && c <= v+12 && st.toks[c].text != "," && !isBoundary(st.toks[c]) {
			c++
		}
		if c >= len(st.toks) || c == v+2 || st.toks[c].text != "," {
			continue
		}
		in := func(x int) bool { return x > v+1 && x < c }
		n := c + 1 // the head of the noun phrase after the aside
		for n < len(st.toks) && st.heads[n] > c && st.heads[n] < len(st.toks) && !isBoundary(st.toks[n]) {
			n = st.heads[n]
		}
		if n >= len(st.toks) || !strings.HasPrefix(st.toks[n].tag, "NN") || st.child(n, "case") >= 0 {
			continue
		}
		if h := st.heads[n]; h != v && !in(h) && h != c {
			continue
		}
		whole := true // the aside hangs on the verb or on that noun
		for x := v + 2; x < c; x++ {
			if h := st.heads[x]; !in(h) && h != v && h != n {
				whole = false
			}
		}
		if !whole {
			continue
		}
		st.heads[n], st.rels[n] = v, "obj"
		moved = true
	}
	if moved {
		st.relink()
	}
}

// objectGap reports whether the window reading finds no target for verb
// match m where the arcs may find one: after a comma right after the
// verb's words, with a name later in the sentence (an object past a
// parenthetical: "condemned, in unusually strong terms, Y's decision"),
// or where the object's noun (objectNoun) is a group noun or a noun
// whose owner a name after it gives. For the latter a window target that
// is only a place after the object ("abducted students from a school in
// Kaduna") is where, not whom, and leaves the gap too. The window target
// is computed once, and only for such a shape.
func (c *Coder) objectGap(st *sent, m *match) bool {
	k := c.objectNoun(st, m)
	if k < 0 && !commaThenName(st, m) {
		return false
	}
	tg, _ := c.target(st, m, m.subj)
	return len(tg) == 0 || k >= 0 && tg[0].ent.Type == model.TypePlace && tg[0].first > k
}

// commaThenName reports a comma right after the words of m and a name
// somewhere after it.
func commaThenName(st *sent, m *match) bool {
	if m.last+1 >= len(st.toks) || st.toks[m.last+1].text != "," {
		return false
	}
	for k := m.last + 2; k < len(st.toks); k++ {
		if len(st.toks[k].ments) > 0 {
			return true
		}
	}
	return false
}

// objectNoun returns the object's noun after the words of m, the first
// noun in its clause past amounts and the head of its compound ("killed
// 23 villagers", "suspected cartel gunmen"), when it names no actor itself
// but is a group noun (groups.tsv) or owned by a name after it
// (ownerLater); -1 otherwise.
func (c *Coder) objectNoun(st *sent, m *match) int {
	for k := m.last + 1; k < len(st.toks) && !isBoundary(st.toks[k]); k++ {
		t := st.toks[k]
		if !strings.HasPrefix(t.tag, "NN") || st.isAmount(t) {
			continue
		}
		for k+1 < len(st.toks) && strings.HasPrefix(st.toks[k+1].tag, "NN") && len(st.toks[k+1].ments) == 0 && len(t.ments) == 0 {
			k++
			t = st.toks[k]
		}
		if len(t.ments) > 0 {
			return -1 // the window reads a name
		}
		_, byLemma := c.lex.groups[t.lemma]
		_, byForm := c.lex.groups[t.low]
		if byLemma || byForm || c.ownerLater(st, k) {
			return k
		}
		return -1
	}
	return -1
}

// ownerLater reports whether the noun at k is followed in its clause by
// "of" or a participle's "by" and then a name ("positions of the RSF",
// "positions held by Eritrean troops"), or by a participle of carrying
// and a name or group noun ("a bus carrying pilgrims"): whose it is, or
// whom it holds, which only the arcs read (ownerOf).
func (c *Coder) ownerLater(st *sent, k int) bool {
	if k+1 >= len(st.toks) {
		return false
	}
	next := st.toks[k+1]
	if next.tag == "VBG" && st.words.carrierVerbs[next.lemma] {
		// "a bus carrying pilgrims": the people carried, named or a group
		for j := k + 2; j < len(st.toks) && j <= k+5 && !isBoundary(st.toks[j]); j++ {
			if _, group := c.lex.groups[st.toks[j].lemma]; group || len(st.toks[j].ments) > 0 {
				return true
			}
		}
		return false
	}
	if next.low != "of" && next.tag != "VBN" {
		return false
	}
	for j := k + 2; j < len(st.toks) && j <= k+6 && !isBoundary(st.toks[j]); j++ {
		if len(st.toks[j].ments) > 0 {
			return next.low == "of" || st.toks[j-1].low == "by" || j >= 2 && st.toks[j-2].low == "by"
		}
	}
	return false
}

// argPrep reports whether token k is an argument of its head that can
// name a target (an object, or an oblique or nominal modifier introduced
// by a preposition) and, for the latter, its preposition: the case word
// nearest the noun ("out of" gives "of").
func (st *sent) argPrep(k int) (string, bool) {
	switch st.rels[k] {
	case "obj", "iobj":
		return "", true
	case "obl:agent", "nmod:poss", "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod":
		return "", false
	}
	if r := st.rel(k); r != "obl" && r != "nmod" {
		return "", false
	}
	prep := ""
	for _, x := range st.kids[k] {
		if st.rels[x] == "case" && x < k {
			prep = st.toks[x].low
		}
	}
	// an oblique with no preposition of its own is an object the parse
	// misread ("criticised, for the second time, Y's tariffs")
	return prep, prep != "" || st.rels[k] == "obl"
}

// governedBy reports whether token w hangs on h within two arcs (a
// pattern's particle or object noun: "cut off aid" for "cut").
func governedBy(st *sent, w, h int) bool {
	for hops, x := 0, w; hops < 2 && x >= 0; hops++ {
		x = st.heads[x]
		if x == h {
			return true
		}
	}
	return false
}

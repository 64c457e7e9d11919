package events

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// announcedAs is the code of an announced future act: its intent (03x)
// or threat (13x) code.
func (l *Lexicon) announcedAs(code string) (string, bool) {
	if v, ok := lookupRoot(l.intend, code); ok && v != "" {
		return v, true
	}
	return lookupRoot(l.threaten, code)
}

func lookupRoot(m map[string]string, code string) (string, bool) {
	for n := len(code); n >= 2; n-- {
		if v, ok := m[code[:n]]; ok {
			return v, true
		}
	}
	return "", false
}

// target finds the target actors after a verb: from the arcs when the
// sentence is parsed (arcTarget), else by the window: the direct object,
// or the object of "to/with/against/on/at"; "that" complements of demands
// and warnings give their subject.
func (c *Coder) target(st *sent, m *match, srcs []actorRef) ([]*mention, int) {
	code := m.code
	allowThat := c.lex.is(code, classThat)
	appealTo := c.lex.is(code, classAppeal)
	if tgts, end, ok := c.arcTarget(st, m, srcs); ok {
		return tgts, end
	}
	end := m.last
	stopAt := m.last + c.opts.MaxObjectWords
	lastPrep, lastPrepAt := "", 0
	for k := m.head + 1; k < len(st.toks) && k <= stopAt; k++ {
		t := st.toks[k]
		if k <= m.last && len(t.ments) == 0 {
			continue // the pattern's own words; a name in its gap is an object ("supplied Russia with drones")
		}
		if k < m.last && len(t.ments) > 0 && !st.ments[t.ments[0]].adj && st.ments[t.ments[0]].ent.Type == model.TypePlace && modifiesNext(st, st.ments[t.ments[0]].last, m.last) {
			k = st.ments[t.ments[0]].last // a name modifying the pattern's noun: "withdrew from the Paris climate agreement"
			continue
		}
		if t.inTime > 0 || t.quote {
			continue
		}
		if n := st.joinPhrase(k); n > 0 {
			k += n - 1 // "as well as"
			continue
		}
		if isBoundary(t) {
			if t.low == "that" && allowThat && k == m.last+1+countTime(st, m.last+1, k) {
				continue
			}
			break
		}
		if t.low == "to" && appealTo && k > m.last+1 && k+1 < len(st.toks) && infinitiveVerb(st, k+1) {
			// "urged European leaders to seize Russian assets": the addressee
			// stands before the infinitive; what comes after is the object of
			// the act asked for, not of the appeal
			break
		}
		if st.words.prepositions[t.low] {
			if t.low == "of" && st.isAmount(st.toks[k-1]) {
				continue // "fired at thousands of protesters": still "at"; "detained dozens of protesters": the object
			}
			lastPrep, lastPrepAt = t.low, k
			continue
		}
		if len(t.ments) == 0 {
			if t.tag == "VBG" && k > m.last+1 && strings.HasPrefix(st.toks[k-1].tag, "NN") && len(st.toks[k-1].ments) == 0 {
				break // "detained farmers marching toward X": the participle's phrase describes the object
			}
			if t.tag == "VBN" && k > m.last+1 && k+1 < len(st.toks) && st.toks[k+1].low == "by" && k < len(st.lemmas) && st.words.thirdPartyVerbs[st.lemmas[k]] {
				break // "agreed to a deal mediated by X": a third party's agent, not the verb's target
			}
			if strings.HasPrefix(t.tag, "VB") && t.tag != "VBN" && t.tag != "VBG" && k > m.last+1 {
				// another verb: the object of an embedded clause ("to challenge X") is fine
				if k > 0 && st.toks[k-1].low != "to" {
					break
				}
			}
			if st.words.coordinators[t.low] && k+1 < len(st.toks) && (strings.HasPrefix(st.toks[k+1].tag, "VB") || st.verb[k+1]) {
				break // "denied the accusation and said ..."
			}
			continue
		}
		mm := &st.ments[t.ments[0]]
		if mm.adj {
			// "Polish Prime Minister Donald Tusk": the head name, not the demonym
			for y := mm.last + 1; y < len(st.toks) && y <= mm.last+5; y++ {
				u := st.toks[y]
				if isBoundary(u) || st.words.prepositions[u.low] || st.verb[y] {
					break
				}
				if len(u.ments) > 0 {
					if n := &st.ments[u.ments[0]]; !n.adj && n.ent.Type != model.TypeEquipment {
						mm, t, k = n, u, y
						break
					}
				}
			}
		}
		ok := lastPrep == "" || st.words.targetPreps[lastPrep] || (lastPrep == "in" && c.lex.is(code, classIn)) || (lastPrep == "from" && c.lex.is(code, classFrom)) ||
			lastPrep == "of" && lastPrepAt > 0 && (st.words.placeNouns[st.toks[lastPrepAt-1].low] || st.words.roleHeads[st.toks[lastPrepAt-1].low] || lastPrepAt == m.last+1 && c.objectiveOf(st, m))
		if st.words.possPronouns[t.low] || st.words.pronouns[t.low] && mm.poss || !mm.adj && k > 0 && st.words.possPronouns[st.toks[k-1].low] {
			ok = false // "defend its territory", "recalled its ambassador": a possessive pronoun's is not the target
		}
		if st.words.wherePreps[lastPrep] && mm.ent.Type == model.TypePlace {
			ok = false // "shot down a drone over Kampala": where, not whom
		}
		if c.lex.is(m.code, classVisit) && lastPrep == "" && mm.ent.Type != model.TypePlace {
			ok = true
		}
		if !ok || mm.ent.Type == model.TypeEquipment || sameEntity(mm, srcs) {
			k = mm.last
			continue
		}
		out := st.mentionsAt(k)
		end = mm.last
		// coordinated targets: "North Korea and Vietnam", "as well as China and Iran"
		x := mm.last + 1
		commaOnly := 0 // items at the end of out joined by a comma alone
		for x < len(st.toks) {
			w := st.toks[x].low
			if st.coordWord(w) || w == "the" || quoteClose[st.toks[x].text] {
				x++
				continue
			}
			if n := st.joinPhrase(x); n > 0 {
				x += n
				continue
			}
			if len(st.toks[x].ments) > 0 && hasCoord(st, end+1, x-1) {
				n := &st.ments[st.toks[x].ments[0]]
				if listComma(st, end+1, x-1) {
					commaOnly++
				} else {
					commaOnly = 0
				}
				if n.ent.Type != model.TypeEquipment && !sameEntity(n, srcs) {
					out = append(out, n)
				} else if commaOnly > 0 {
					commaOnly--
				}
				end = n.last
				x = n.last + 1
				continue
			}
			break
		}
		// a list's last join is a conjunction ("X, Y and Z"); names after
		// a comma alone describe the list or the place before them, or
		// speak ("in Sofia, Bulgaria", "... Egypt and Syria, Lebanon's
		// president said"): they are not targets of their own
		out = out[:len(out)-min(commaOnly, len(out)-1)]
		return dedupe(out), end
	}
	return nil, end
}

// infinitiveVerb reports whether token k, right after "to", is a verb: a
// verb tag, or untagged and used by a verb match.
func infinitiveVerb(st *sent, k int) bool {
	t := st.toks[k]
	if t.text == "" {
		return false
	}
	if t.tag != "" {
		return t.tag == "VB"
	}
	if st.verb[k] {
		return true
	}
	// untagged: a lower-case word that is neither a name nor the start of a
	// noun phrase ("to the UN", "to both sides", "to 2030")
	c := t.text[0]
	return len(t.ments) == 0 && c >= 'a' && c <= 'z' && !st.words.determiners[t.low] && !st.words.quantifiers[t.low] && !st.words.pronouns[t.low]
}

func countTime(st *sent, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if st.toks[k].inTime > 0 {
			n++
		}
	}
	return n
}

func sameEntity(m *mention, refs []actorRef) bool {
	for _, r := range refs {
		if r.m.ent == m.ent || sameGroup(r.m.ent, m.ent) {
			return true
		}
	}
	return false
}

// sameGroup reports whether a and b are one group by name and code: the
// group the coder reads off a noun (groupActor) is an entity of its own,
// so "farmers ... urging farmers to borrow" would act on itself.
func sameGroup(a, b *model.Entity) bool {
	return a.Type == model.TypeOrg && b.Type == model.TypeOrg && model.Deref(a.Code) != "" &&
		model.Deref(a.Code) == model.Deref(b.Code) && strings.EqualFold(a.Name, b.Name)
}

// nominal resolves an event noun: "a visit by X to Y", "X's visit to Y",
// "a Chinese attack on Y", "a phone call with Y" (source: the clause's
// subject).
func (c *Coder) nominal(st *sent, ms []*match, k int) {
	m := ms[k]
	// modifiers before the head: hedges, possessors, demonyms, blockers
	x := m.head - 1
	for x >= 0 && x >= m.head-6 {
		t := st.toks[x]
		switch {
		case st.words.hedgeAdj[t.low]:
			m.mod = stronger(m.mod, model.ModalityPossible)
		case st.words.futureAdj[t.low]:
			m.mod = stronger(m.mod, model.ModalityFuture)
		case st.words.blockNoun[t.low] || t.low == "of" && x > 0 && (st.toks[x-1].low == "risk" || st.toks[x-1].low == "threat" || st.toks[x-1].low == "fear" || st.toks[x-1].low == "short"):
			m.mod = model.ModalityPossible
			if st.words.blockNoun[t.low] || st.toks[x-1].low == "short" {
				m.done = true // "far short of an alliance", "to deter an invasion"
				return
			}
		case (t.low == "for" || t.low == "of") && x > 0 && st.words.proposalNouns[st.toks[x-1].low]:
			m.done = true // "rejected a proposal for talks": proposed, not held
			return
		case len(t.ments) > 0:
			mm := &st.ments[t.ments[0]]
			if (mm.poss || mm.adj) && len(m.subj) == 0 && mm.ent.Type != model.TypeEquipment {
				m.subj = toRefs([]*mention{mm})
				m.subjAt = mm.first
			}
			x = mm.first
		case isBoundary(t) || strings.HasPrefix(t.tag, "VB") || st.words.prepositions[t.low]:
			x = -1
			continue
		}
		x--
	}
	// "by X" after the head, within its phrase: in "X's invasion of Y was
	// condemned by Z" the agent is the verb's
	for y := m.last + 1; y < len(st.toks) && y <= m.last+8; y++ {
		t := st.toks[y]
		if isBoundary(t) || st.words.auxiliaries[t.low] || t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" || t.tag == "MD" {
			break
		}
		if t.low == "by" {
			z := y + 1
			for z < len(st.toks) && len(st.toks[z].ments) == 0 && !isBoundary(st.toks[z]) && z < y+6 {
				z++
			}
			if z < len(st.toks) && len(st.toks[z].ments) > 0 {
				_, end := npRight(st, z)
				refs := toRefs(resolveNP(st, y+1, end))
				if len(refs) > 0 {
					m.subj, m.subjAt = refs, y+1
					m.last = max(m.last, y-1)
				}
			}
			break
		}
	}
	// the object of a light verb takes its subject: "X mounted an
	// invasion of Y", "X renewed negotiations with Y"
	h := spanHead(st, m.head, m.last)
	for st.parsed() && st.rels[h] == "compound" && st.heads[h] > h {
		h = st.heads[h] // "a hunger strike yesterday", parsed as a compound of its neighbour
	}
	if len(m.subj) == 0 && st.parsed() && (st.rel(h) == "obj" || st.rels[h] == "nsubj:pass") {
		if g := st.heads[h]; g >= 0 {
			for _, q := range ms {
				if q.head == g && !q.noun && q.p.class == classLight && len(q.subj) > 0 {
					m.subj, m.subjAt = q.subj, q.subjAt
					m.mod = stronger(m.mod, q.mod)
					m.gov = q.gov
					m.light = true
					break
				}
				if q.head == g && !q.noun && q.p.class == classPossible && len(q.subj) > 0 && st.rel(h) == "obj" {
					// "is weighing sanctions on X": considered, not imposed
					m.subj, m.subjAt = q.subj, q.subjAt
					m.mod = stronger(stronger(m.mod, q.mod), model.ModalityPossible)
					break
				}
			}
		}
	}
	// consult nouns take the clause's subject: "X, in a phone call with Y, said"
	if len(m.subj) == 0 && c.lex.is(m.code, classConsult) {
		for p := range ms {
			q := ms[p]
			if q.noun || len(q.subj) == 0 {
				continue
			}
			if q.head > m.head || q.last < m.head && !strings.Contains(tokText(st, q.last+1, m.head-1), ",") {
				m.subj, m.subjAt = q.subj, q.subjAt
				// "urged X to open talks": the talks are as unreal as the act asked for
				m.done = m.done || q.done
				m.mod = stronger(m.mod, q.mod)
				if q.head > m.head {
					break
				}
			}
		}
	}
}

func tokText(st *sent, from, to int) string {
	var b strings.Builder
	for k := from; k <= to && k < len(st.toks); k++ {
		b.WriteString(st.toks[k].low)
		b.WriteByte(' ')
	}
	return b.String()
}

// npRight returns the mention run starting at k (with "of X" tails).
func npRight(st *sent, k int) (int, int) {
	end := k
	for end+1 < len(st.toks) && len(st.toks[end+1].ments) > 0 {
		end++
	}
	return k, end
}

// modifiesNext reports whether the name ending at token last modifies
// the pattern's noun at m, with only adjectives and nouns between.
func modifiesNext(st *sent, last, m int) bool {
	if last+1 > m || !strings.HasPrefix(st.toks[m].tag, "NN") || st.words.placeNouns[st.toks[m].low] {
		return false // ("recaptured Kidal town": the town)
	}
	for n := last + 1; n <= m; n++ {
		if t := st.toks[n]; len(t.ments) > 0 || !strings.HasPrefix(t.tag, "NN") && !strings.HasPrefix(t.tag, "JJ") {
			return false // ("the Geneva nuclear accord")
		}
	}
	return true
}

// spanHead is the token of from..to whose head lies outside the span: the
// syntactic head of a multi-word pattern ("general strike" is headed by
// "strike"). Unparsed sentences give from.
func spanHead(st *sent, from, to int) int {
	if !st.parsed() {
		return from
	}
	for k := to; k >= from; k-- {
		if h := st.heads[k]; h < from || h > to {
			return k
		}
	}
	return from
}

// listComma reports whether tokens from..to join two names by a comma
// alone, with no conjunction (a word or phrase of words.tsv's listJoins:
// the loop that finds the names skips no other).
func listComma(st *sent, from, to int) bool {
	for j := from; j <= to; j++ {
		if st.words.listJoins[st.toks[j].low] || st.joinPhrase(j) > 0 {
			return false
		}
	}
	return true
}

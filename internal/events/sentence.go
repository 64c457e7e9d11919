package events

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// modality ranks: a stronger cue wins when several apply.
var modRank = map[string]int{
	"": 0, model.ModalityAsserted: 0, model.ModalityAlleged: 1, model.ModalityHabitual: 2,
	model.ModalityFuture: 3, model.ModalityPossible: 4, model.ModalityNegated: 5, model.ModalityDenied: 6,
}

func stronger(a, b string) string {
	if modRank[b] > modRank[a] {
		return b
	}
	return a
}

// attr is one attribution found in a sentence and the tokens it covers.
type attr struct {
	a        model.Attribution
	from, to int // tokens covered (inclusive)
	alleged  bool
}

// subject finds the subject (and modality cues) of verb match k.
func (c *Coder) subject(st *sent, ms []*match, k int) {
	m := ms[k]
	j := m.head - 1
	sawBe, pastBe := false, false
	for j >= 0 {
		t := st.toks[j]
		switch {
		case t.inTime > 0:
		case st.words.futureWords[t.low]:
			m.willNot = m.willNot || m.mod == model.ModalityNegated
			m.mod = stronger(m.mod, model.ModalityFuture)
		case st.words.possibleMod[t.low]:
			m.mod = stronger(m.mod, model.ModalityPossible)
		case st.words.negWords[t.low] && t.low != "no":
			m.mod = stronger(m.mod, model.ModalityNegated)
		case st.words.habitual[t.low]:
			m.mod = stronger(m.mod, model.ModalityHabitual)
		case st.words.allegedWords[t.low]:
			m.mod = stronger(m.mod, model.ModalityAlleged)
		case st.words.auxiliaries[t.low] && len(t.ments) == 0:
			if st.words.beForms[t.low] {
				sawBe = true
				pastBe = pastBe || t.tag == "VBD" || t.tag == "VBN"
			}
		case t.tag == "RB" || t.tag == "" && strings.HasSuffix(t.low, "ly") && len(t.ments) == 0:
		default:
			goto found
		}
		j--
	}
found:
	head := st.toks[m.head]
	if sawBe && (head.tag == "VBN" || head.tag == "JJ" && pastBe && strings.HasSuffix(head.low, "ed") || head.tag == "" && (strings.HasSuffix(head.low, "ed") || head.low != m.p.words[0][0])) && (m.p.class == "" || m.p.class == classControl) {
		// (an adjectival participle after a past form of "be" is a
		// passive too: "three soldiers were wounded/JJ"; "a defender who
		// is injured" is a state)
		m.passive = true
	}
	if j < 0 {
		c.inherit(st, ms, k, false)
		return
	}
	t := st.toks[j]
	switch {
	case t.low == "to":
		c.infinitive(st, ms, k, j)
	case gerundGoverned(st, ms, m, j):
		// "is considering expelling X": the gerund is the governor's
		// complement, as an infinitive would be
		c.infinitive(st, ms, k, m.head)
	case t.low == "which" || t.low == "who" || t.low == "that":
		e := j - 1
		if e >= 0 && st.toks[e].low == "," {
			e--
		}
		if e >= 0 {
			from, to := npLeft(st, e)
			m.subj = toRefs(resolveNP(st, from, to))
			m.subjAt = from
		}
	case st.words.coordinators[t.low] || t.low == ",":
		if t.low == "," {
			if c.apposition(st, ms, k, j) {
				return
			}
		}
		c.inherit(st, ms, k, true)
	case isBoundary(t):
		c.inverted(st, m)
	default:
		from, to := npLeft(st, j)
		if head.tag != "VBD" && st.resultVerbAt(from-1) {
			// "riots left 40 students injured": the noun is the
			// participle's patient, not a subject, nor a noun the
			// participle describes
			m.subj, m.subjAt, m.passive = toRefs(resolveNP(st, from, to)), from, true
			if len(m.subj) == 0 && st.parsed() {
				if g := c.groupActor(st, to, from, to); g != nil {
					m.subj = []actorRef{{m: g}}
				}
			}
			break
		}
		if c.reducedRelative(st, m.head) {
			// "traders expelled from X": the noun is the participle's patient
			m.subjAt = -1
			break
		}
		m.subj = toRefs(resolveNP(st, from, to))
		m.subjAt = from
		st.placeInSubject(m, from, to)
		if len(m.subj) == 0 {
			// "Beijing is growing closer to": nothing; keep it empty
			m.subjAt = -1
		}
		if st.hearsayThat(from) {
			m.mod = stronger(m.mod, model.ModalityAlleged)
		}
	}
	if len(m.subj) == 0 && m.p.class == classSpeech {
		c.inverted(st, m)
	}
}

// placeInSubject reads the whole subject phrase where the window found
// only a place at its end, after a preposition: "A roadside bombing
// near Kandahar killed": the place ends the subject's phrase, which is
// read whole, through nested phrases ("a car bomb outside the city of
// X"; resolveNP: a place after words.tsv placePreps is no actor); "An
// air strike on Gaza killed": the place is what the subject's noun was
// aimed at, no actor of an active verb (a passive's subject, "sanctions
// on X were lifted", keeps it for the target).
func (st *sent) placeInSubject(m *match, from, to int) {
	p := from - 1
	if len(m.subj) == 0 || !placeOnly(m.subj) || !st.nounBefore(p) ||
		!st.words.placePreps[st.toks[p].low] && (m.passive || !st.words.targetPreps[st.toks[p].low]) {
		return
	}
	f2, _ := npLeft(st, p-1)
	for q := f2 - 1; f2 <= p-1 && st.nounBefore(q) && st.words.placePreps[st.toks[q].low]; q = f2 - 1 {
		f3, _ := npLeft(st, q-1)
		if f3 > q-1 {
			break
		}
		f2 = f3
	}
	if f2 > p-1 {
		return
	}
	refs := toRefs(resolveNP(st, f2, to))
	if placeOnly(refs) && !st.words.placePreps[st.toks[p].low] {
		refs = nil
	}
	m.subj, m.subjAt = refs, f2
}

// nounBefore reports whether a word that names no actor stands before
// token p (a preposition's noun: "bombing" in "bombing near X").
func (st *sent) nounBefore(p int) bool {
	return p >= 1 && p < len(st.toks) && len(st.toks[p-1].ments) == 0 && isWordTok(st.toks[p-1])
}

// hearsayThat reports whether the clause whose subject starts at token
// from is the "that" complement of a claim: a verb of claiming ("Rights
// groups alleged that X armed ...", words.tsv allegeVerbs), or an
// impersonal passive of hearsay ("It is alleged that", "It was reported
// that", "It has been claimed that": "it", a form of "be" and a
// participle of allegedGov).
func (st *sent) hearsayThat(from int) bool {
	j := from - 1
	if j < 1 || st.toks[j].low != "that" {
		return false
	}
	j--
	w := st.toks[j].low
	if st.words.allegeVerbs[w] && st.toks[j].tag != "VBN" {
		return true // "alleged that"; not "it is alleged that" (below)
	}
	if !st.words.allegedGov[w] {
		return false
	}
	be := false
	for j--; j >= 0 && st.words.auxiliaries[st.toks[j].low] && len(st.toks[j].ments) == 0; j-- {
		be = be || st.words.beForms[st.toks[j].low]
	}
	return be && j >= 0 && st.toks[j].low == "it" && (j == 0 || isBoundary(st.toks[j-1]))
}

// gerundGoverned reports whether m is a gerund right after the verb of a
// governor whose class takes a gerund as its complement: possibility
// ("considering expelling", "weighing sending"), the future ("plans
// deploying"), refusal, denial and ceasing ("stopped shelling").
func gerundGoverned(st *sent, ms []*match, m *match, j int) bool {
	if st.toks[m.head].tag != "VBG" {
		return false
	}
	for _, q := range ms {
		if q != m && !q.noun && q.last == j {
			switch q.p.class {
			case classPossible, classFuture, classRefuse, classDeny, classCease:
				return true
			}
		}
	}
	return false
}

// resultVerbAt reports whether token k is a verb of result (words.tsv
// resultVerbs: "left 20 villagers injured"), whose object is the
// patient of the participle after it.
func (st *sent) resultVerbAt(k int) bool {
	if k < 0 {
		return false
	}
	t := st.toks[k]
	return st.words.resultVerbs[t.low] || st.words.resultVerbs[t.lemma]
}

// inverted handles "said Chen Ming-feng": the subject after the verb.
func (c *Coder) inverted(st *sent, m *match) {
	if m.p.class != classSpeech {
		return
	}
	k := m.last + 1
	for k < len(st.toks) && (st.toks[k].low == "the" || st.toks[k].tag == "JJ") {
		k++
	}
	if k < len(st.toks) && len(st.toks[k].ments) > 0 {
		mm := &st.ments[st.toks[k].ments[0]]
		if mm.ent.Type == model.TypePerson || mm.ent.Type == model.TypeOrg {
			m.subj = toRefs([]*mention{mm})
			m.subjAt = k
		}
	}
}

// apposition handles a comma left of the verb: "Kim Hong-kyun, in a call
// with ..., said" and "Hsiao, captain of a corvette, said".
func (c *Coder) apposition(st *sent, ms []*match, k, j int) bool {
	m := ms[k]
	pc := j - 1
	for pc >= 0 && st.toks[pc].low != "," && !(isBoundary(st.toks[pc]) && !st.toks[pc].quote && !asidePrep(st, pc, j)) {
		pc--
	}
	e := pc - 1 // the last word before the aside
	for e > 0 && st.toks[e].inTime > 0 && len(st.toks[e].ments) == 0 {
		e-- // "Kenya on Monday, in a rare move, expelled": the subject stands before the time
	}
	head := st.toks[m.head]
	if head.tag == "VBG" || head.tag == "" && strings.HasSuffix(head.low, "ing") {
		return false // a participle clause: "..., prompting X to"
	}
	if pc > 0 && st.toks[pc].low == "," && len(st.toks[e].ments) > 0 {
		mm := &st.ments[st.toks[e].ments[0]]
		if (mm.ent.Type == model.TypePerson || mm.ent.Type == model.TypeOrg) && !mm.poss {
			from, to := npLeft(st, e)
			m.subj = toRefs(resolveNP(st, from, to))
			m.subjAt = from
			return len(m.subj) > 0
		}
	}
	seg := pc + 1
	if seg < j {
		first := st.toks[seg]
		if st.words.prepositions[first.low] || first.tag == "VBG" || asidePrep(st, seg, j) {
			if pc > 0 && st.toks[pc].low == "," {
				from, to := npLeft(st, e)
				m.subj = toRefs(resolveNP(st, from, to))
				m.subjAt = from
				return len(m.subj) > 0
			}
			return false
		}
		if len(st.toks[j-1].ments) > 0 && (pc < 0 || st.toks[pc].low != ",") {
			return false // "A and B, C said" lists are handled by npLeft
		}
	}
	return false
}

// asidePrep reports whether the clause word at i is a preposition that
// opens a phrase with no verb of its own up to the comma at j ("Kenya,
// after talks, expelled"): an aside, not a clause.
func asidePrep(st *sent, i, j int) bool {
	if !st.words.prepositions[st.toks[i].low] {
		return false
	}
	for x := i + 1; x < j; x++ {
		if strings.HasPrefix(st.toks[x].tag, "VB") || isBoundary(st.toks[x]) {
			return false
		}
	}
	return true
}

// inherit takes the subject of the previous verb in a coordination
// ("denied X but vowed to Y", "scramble jets, activate missile systems").
func (c *Coder) inherit(st *sent, ms []*match, k int, coord bool) {
	m := ms[k]
	skippedPassive := false
	for p := k - 1; p >= 0; p-- {
		q := ms[p]
		if q.noun || q.last >= m.head {
			continue
		}
		if !coord {
			return
		}
		if q.p.class == classSpeech {
			// "X said [he was concerned] and appealed", "X said [12 people
			// were arrested] and called on": a finite verb after a reported
			// clause whose subject is the speaker again or no actor at all
			// coordinates with the speech verb
			if finiteVerb(st, m) && (skippedPassive || speakerPronoun(st, q, m)) {
				m.subj, m.subjAt = q.subj, q.subjAt
			}
			return
		}
		if finiteVerb(st, m) && prepGerund(st, q) {
			continue // "accused X of massing troops and asked Y": the gerund is no conjunct
		}
		if q.passive && len(q.subj) == 0 && finiteVerb(st, m) {
			skippedPassive = true // an agentless passive cannot lend its subject to an active verb
			continue
		}
		if !q.passive && c.reducedRelative(st, q.head) {
			// "X accepted refugees expelled from Y and condemned Z": a
			// participle describing its noun lends no subject (the tagger
			// may call it a past tense)
			continue
		}
		if h := q.head; !q.passive && st.toks[h].tag == "VBN" && h > 0 && strings.HasPrefix(st.toks[h-1].tag, "NN") && st.toks[h-1].tag != "NNP" {
			// "X welcomed families forced from their homes, but rejected
			// ...": a participle describing its noun lends no subject
			continue
		}
		m.subj, m.subjAt = q.subj, q.subjAt
		// a bare verb shares its conjunct's auxiliary and governor ("expected
		// to visit X and meet Y", "to scramble jets, activate ..."); a finite
		// one ("threatened to veto it but agreed") does not
		if bareVerb(st, m) {
			m.gov = q.gov
			m.mod = stronger(m.mod, q.mod)
		}
		return
	}
}

// finiteVerb reports a finite active verb form ("appealed", "calls"),
// which heads a clause of its own rather than sharing an auxiliary.
func finiteVerb(st *sent, m *match) bool {
	t := st.toks[m.head]
	if t.tag != "" {
		return t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBN" && ownPastForm(st, m)
	}
	return !bareVerb(st, m)
}

// ownPastForm reports a past form the tagger calls a participle that
// stands right after its coordinator, with no auxiliary of its own and
// no "by" agent after it ("were arrested and called on the police"): a
// finite verb, which taggers trained on web text often read as VBN.
func ownPastForm(st *sent, m *match) bool {
	k := afterAdverbs(st, m.head) - 1
	if k < 0 || !st.words.coordinators[st.toks[k].low] {
		return false
	}
	return m.last+1 >= len(st.toks) || st.toks[m.last+1].low != "by"
}

// prepGerund reports a gerund governed by a preposition ("of massing",
// "for violating"): a complement, not a clause of its own.
func prepGerund(st *sent, q *match) bool {
	t := st.toks[q.head]
	if !(t.tag == "VBG" || t.tag == "" && strings.HasSuffix(t.low, "ing")) {
		return false
	}
	return q.head > 0 && st.words.prepositions[st.toks[q.head-1].low]
}

// speakerPronoun reports whether the clause reported by speech verb q
// starts with a pronoun that agrees with q's subject ("Guterres said he",
// "the ministry said it") and stands before m.
func speakerPronoun(st *sent, q, m *match) bool {
	if len(q.subj) != 1 {
		return false
	}
	k := q.last + 1
	for k < m.head && (st.toks[k].low == "that" || st.toks[k].inTime > 0) {
		k++
	}
	if k >= m.head {
		return false
	}
	switch q.subj[0].m.ent.Type {
	case model.TypePerson:
		return st.toks[k].low == "he" || st.toks[k].low == "she"
	case model.TypeOrg, model.TypePlace:
		return st.toks[k].low == "it"
	}
	return false
}

// infinitive resolves "to V": a governing verb (agree to, expected to,
// prompting X to), an adjective or noun ("ready to", "right to"), or a
// purpose clause.
func (c *Coder) infinitive(st *sent, ms []*match, k, to int) {
	m := ms[k]
	var g *match
	for p := k - 1; p >= 0; p-- {
		if !ms[p].noun && ms[p].last < m.head && (len(ms[p].subj) > 0 || ms[p].p.class != "") {
			g = ms[p]
			break
		}
	}
	if g != nil && g.p.class != classControl && g.last >= to-2 && g.last <= to && (g.last >= to-1 || to > 0 && len(st.toks[to-1].ments) == 0) {
		m.gov = g
		m.subj, m.subjAt = g.subj, g.subjAt
		m.mod = stronger(m.mod, g.mod)
		if g.p.class == classSpeech || st.words.allegeVerbs[st.toks[g.head].low] {
			m.mod = stronger(m.mod, model.ModalityAlleged) // "is believed to have", "was said to", "is alleged to"
		}
		return
	}
	if g != nil && (g.p.class == classControl || g.p.class == classVia || c.lex.is(g.code, classAppeal)) {
		between := g.last + 1
		if g.passive || g.p.class == classVia {
			m.gov = g
			m.subj, m.subjAt = g.subj, g.subjAt
			m.mod = stronger(m.mod, g.mod)
			return
		}
		for x := between; x < to; x++ {
			if len(st.toks[x].ments) > 0 {
				from, end := x, to-1
				m.subj = toRefs(resolveNP(st, from, end))
				if len(m.subj) == 0 {
					// "urged Seoul's government to"
					f2, e2 := npLeft(st, to-1)
					m.subj = toRefs(resolveNP(st, f2, e2))
				}
				m.subjAt = from
				m.gov = g
				m.mod = stronger(m.mod, g.mod)
				if g.code != "" {
					// what X was urged or asked to do has not happened: the
					// appeal is the event
					m.mod = stronger(m.mod, model.ModalityPossible)
					m.done = true
				}
				return
			}
			if isBoundary(st.toks[x]) {
				break
			}
		}
		if c.lex.is(g.code, classAppeal) && between < to {
			// "urged European leaders to seize ...": only the appeal happened
			m.done = true
			return
		}
	}
	// adjective or noun governor
	if to > 0 {
		w := st.toks[to-1].low
		if to >= 2 && (st.toks[to-2].low == "no" || st.words.negWords[st.toks[to-2].low]) && (st.words.possibleGov[w] || st.words.futureGov[w]) {
			m.mod = stronger(m.mod, model.ModalityNegated) // "had no plans to send troops"
		}
		switch {
		case st.words.allegedGov[w] && to >= 2 && (st.words.beForms[st.toks[to-2].low] || st.toks[to-2].tag == "RB"):
			// "North Korea is believed to have supplied": the clause subject, alleged
			m.mod = stronger(m.mod, model.ModalityAlleged)
			j := to - 2
			for j >= 0 && (st.words.auxiliaries[st.toks[j].low] || st.toks[j].tag == "RB") && len(st.toks[j].ments) == 0 {
				j--
			}
			if j >= 0 && len(st.toks[j].ments) > 0 {
				from, end := npLeft(st, j)
				m.subj, m.subjAt = toRefs(resolveNP(st, from, end)), from
				return
			}
		case st.words.futureGov[w]:
			m.mod = stronger(m.mod, model.ModalityFuture)
		case st.words.possibleGov[w]:
			m.mod = stronger(m.mod, model.ModalityPossible)
			// "Russia's right to develop": the possessor
			if from, end := npLeft(st, to-1); end >= from {
				if refs := toRefs(resolveNP(st, from, end)); len(refs) > 0 {
					m.subj, m.subjAt = refs, from
					return
				}
			}
		default:
			m.mod = stronger(m.mod, model.ModalityPossible)
			if g != nil && g.p.class == classVia {
				m.mod = g.mod
			}
		}
	}
	// purpose clause or "is growing closer to": the clause subject
	if g != nil && g.p.class != classSpeech {
		m.subj, m.subjAt = g.subj, g.subjAt
		if g.p.class == classVia {
			m.mod = g.mod
		}
		return
	}
	for x := to - 1; x >= 0; x-- {
		t := st.toks[x]
		if isBoundary(t) && t.low != "," {
			break
		}
		if len(t.ments) > 0 && x+1 < len(st.toks) {
			n := st.toks[x+1]
			if st.words.auxiliaries[n.low] || strings.HasPrefix(n.tag, "VB") || st.words.futureWords[n.low] || st.words.possibleMod[n.low] {
				from, end := npLeft(st, x)
				m.subj, m.subjAt = toRefs(resolveNP(st, from, end)), from
				return
			}
		}
		if strings.HasPrefix(t.tag, "VB") && x < to-1 && len(t.ments) == 0 {
			// keep looking left for the clause subject
			continue
		}
	}
}

// bareVerb reports whether the head is a base form (VB, or untagged and
// equal to the lemma) or a participle.
func bareVerb(st *sent, m *match) bool {
	t := st.toks[m.head]
	if t.tag == "VBG" || t.tag == "" && strings.HasSuffix(t.low, "ing") {
		return true // a participle clause shares the main clause's aspect ("..., prompting")
	}
	if strings.HasPrefix(t.tag, "VB") {
		return t.tag == "VB" || t.tag == "VBP"
	}
	for _, w := range m.p.words[0] {
		if w == t.low {
			return true
		}
	}
	return false
}

func toRefs(ms []*mention) []actorRef {
	var out []actorRef
	for _, m := range ms {
		out = append(out, actorRef{m: m})
	}
	return out
}

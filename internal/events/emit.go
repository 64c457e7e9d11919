package events

import (
	"slices"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// sentence codes the events of one sentence.
func (c *Coder) sentence(art *model.Article, st *sent) []coded {
	ms := c.phoenixMatches(st, c.findMatches(st))
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].head < ms[b].head })
	if len(ms) == 0 {
		return nil
	}
	for k, m := range ms {
		if m.noun {
			continue
		}
		c.subject(st, ms, k)
		if st.parsed() {
			c.arcSubject(st, m, ms)
		}
		if len(m.subj) == 0 && m.p.dictionary && !m.passive {
			m.subj = actorBefore(st, m.head)
		}
		if !m.passive && c.lex.is(m.code, classViolent) && animalObject(st, m) {
			m.done = true // "officers are killing animals": a cull, no attack
		}
		if !m.passive && c.lex.is(m.code, classViolent) && hazardSubject(st, m) {
			m.done = true // "a measles epidemic killed hundreds": nature is no attacker
		}
		if len(m.p.before) == 0 && c.participleModifier(st, m.head) {
			m.done = true // "condemned miners blockading the highway", whatever the parse
		}
		if st.parsed() {
			if st.rels[m.head] == "acl" && (st.toks[m.head].tag == "VBG" || st.child(m.head, "mark") >= 0) && len(m.p.before) == 0 {
				// (a dictionary pattern that names the words before its verb,
				// "INCHING &ACCORDSYN *", has read the frame itself)
				// "rebels fighting the army" describes them; "a consensus to
				// exchange data", "an offer to mediate" name what the noun
				// is about, which has not happened
				m.done = true
			}
		}
	}
	for k, m := range ms {
		if m.noun {
			c.nominal(st, ms, k)
			if c.lex.is(m.code, classViolent) && animalObject(st, m) {
				m.done = true // "began the culling of pigs" (a light verb's noun)
			}
		}
	}
	c.intentNouns(st, ms)
	c.attackNounSubjects(st, ms)
	if st.parsed() {
		c.requestedClauses(st, ms)
	}
	c.requestedThat(st, ms)
	if st.parsed() {
		ms = c.demands(st, ms)
	}
	c.protestAims(st, ms)
	attrs := c.attributions(art, st, ms)
	// a complement takes over its governor's event
	absorbed := map[*match]bool{}
	for _, m := range ms {
		g := m.gov
		if g == nil || m.code == "" || m.done {
			continue // (a clause on a noun, "an agreement to share data", is not the frame's act)
		}
		if m.p.needTarget && !m.passive && len(m.tgts) == 0 {
			if tg, _ := c.target(st, m, m.subj); len(tg) == 0 {
				// "pledged to support mediation efforts": a generic verb
				// without a target codes nothing, so the frame codes itself
				m.done = true
				continue
			}
		}
		switch g.p.class {
		case classIntent:
			if v, ok := lookupRoot(c.lex.intend, m.code); ok {
				if v != "" {
					m.code = v
				}
				absorbed[g] = true
			} else if v, ok := lookupRoot(c.lex.threaten, m.code); ok {
				// "vowed to retaliate", "pledged to crush the rebels": an
				// announced act of force is a threat, not an intent to cooperate
				m.code = v
				absorbed[g] = true
			} else {
				// "agreed to send troops", "pledged to investigate": an act
				// with no 03x or 13x code of its own is only intended, so the
				// frame codes the intent and the act is not asserted
				m.done = true
			}
		case classThreat:
			if v, ok := lookupRoot(c.lex.threaten, m.code); ok {
				m.code = v
			} else {
				m.code = "130"
			}
			absorbed[g] = true
		case classRefuse:
			absorbed[g] = true
			m.mod = stronger(m.mod, frameMod(g))
			if v, ok := lookupRoot(c.lex.refuse, m.code); ok {
				m.code = v
			} else {
				m.mod = stronger(m.mod, model.ModalityNegated)
			}
		case classCease:
			absorbed[g] = true
			m.mod = stronger(m.mod, frameMod(g)) // "decided to stop shelling": future
			if v, ok := lookupRoot(c.lex.cease, m.code); ok && v != "" {
				m.code = v // "stopped giving aid to X": a cut (162)
			} else {
				m.mod = stronger(m.mod, model.ModalityNegated) // no longer done
			}
		case classFuture:
			m.mod = stronger(m.mod, model.ModalityFuture)
		case classPossible:
			m.mod = stronger(m.mod, model.ModalityPossible)
		case classDeny:
			m.mod = model.ModalityDenied
		}
	}
	// the object of a deny verb is denied ("denied arms deals", "denied
	// that it had attacked X")
	for _, m := range ms {
		for _, d := range ms {
			if d.p.class == classDeny && !d.noun && !m.noun && m != d && m.head > d.last && m.head-d.last <= 8 &&
				!hasBoundaryBetween(st, d.last+1, m.head-1) {
				m.mod = model.ModalityDenied
			}
		}
		if m.noun {
			for _, d := range ms {
				if d.p.class == classDeny && !d.noun && d.last < m.head && m.head-d.last <= 4 {
					m.mod = model.ModalityDenied
				}
			}
		}
	}
	var out []coded
	group := 0
	for _, m := range ms {
		if m.code == "" || absorbed[m] || m.done || len(m.subj) == 0 && !(m.passive && mainClause(st, m.head) && !c.subordinateClause(st, m.head)) && !c.unnamedAttack(st, m, ms) {
			continue
		}
		// "X will not V": an announced refusal, where CAMEO has one (12x)
		if m.willNot && m.mod == model.ModalityNegated && m.gov == nil && !m.p.dictionary {
			// (a dictionary writes its negated patterns itself: "WILL NOT *")
			if v, ok := lookupRoot(c.lex.refuse, m.code); ok {
				m.code, m.mod = v, model.ModalityAsserted
			}
		}
		// a future act on a condition is a threat when CAMEO has one for
		// it: "X will cut aid if Y ..." (the threat itself is made, so
		// asserted); a possible one ("X may halt its mediation unless
		// ...") only when a party to it says so (below)
		condBefore := conditionalBefore(st, m)
		condThreat := ""
		if (m.mod == model.ModalityFuture || m.mod == model.ModalityPossible) && m.gov == nil && (condBefore || conditionAfter(st, m)) {
			if v, ok := lookupRoot(c.lex.threaten, m.code); ok {
				condThreat = v
			}
		}
		if condThreat != "" && m.mod == model.ModalityFuture {
			m.code, m.mod, condBefore, condThreat = condThreat, model.ModalityAsserted, false, ""
		}
		// conditional clauses: "should they establish", "if necessary"
		if condBefore {
			m.mod = stronger(m.mod, model.ModalityPossible)
		}
		srcs := m.subj
		var tgts []*mention
		end := m.last
		marked, blind := false, false
		if s, t, ok := markedRoles(st, m); ok {
			srcs, tgts, marked = s, t, true
		} else if m.passive {
			// "X was attacked by Y": Y is the source, X the target
			var by []*mention
			for _, a := range m.agent {
				by = append(by, a.m)
			}
			for y := m.last + 1; len(by) == 0 && y < len(st.toks) && y <= m.last+4; y++ {
				if st.toks[y].low == "by" && y+1 < len(st.toks) && len(st.toks[y+1].ments) > 0 {
					f, e := npRight(st, y+1)
					by = resolveNP(st, f, e)
					end = e
					break
				}
			}
			if len(by) == 0 && m.p.fromSource {
				by, end = fromSource(st, m, end)
			}
			if len(by) == 0 && c.lex.is(m.code, classViolent) && (len(m.subj) > 0 || m.p.class == "") && !naturalCause(st, m) && !animalPatient(st, m) {
				// "a journalist was killed in a car bomb explosion in X": an
				// attack with no named attacker is an unidentified armed
				// group's, in the country of the place (as ACLED codes it)
				if a := c.placeGroup(st, m, "attacker"); a != nil {
					by = []*mention{a}
				}
			}
			switch {
			case len(by) == 0 && m.p.dictionary && mainClause(st, m.head) && !c.subordinateClause(st, m.head):
				// a dictionary writes its passives as patterns of their own
				// ("+ WAS_ *"); a pattern without them reads the verb's
				// subject as its source whatever the voice (TABARI's reading),
				// kept for the sentence's main clause, which the validation
				// suite tests; in a subordinate or relative clause ("after
				// a patrol was sighted", "who was deported") the subject is
				// the patient as in English, and with no agent there is no
				// source (below)
				blind = true
				tgts, end = c.target(st, m, srcs)
			case len(by) == 0:
				continue
			default:
				for _, r := range srcs {
					tgts = append(tgts, r.m)
				}
				srcs = toRefs(by)
			}
		} else if m.noun {
			tgts, end = c.target(st, m, srcs)
		} else if m.p.recipient {
			// "Zambia received a loan from the IMF": the IMF lent to Zambia
			by, e := fromSource(st, m, end)
			if len(by) == 0 {
				continue
			}
			tgts = nil
			for _, r := range srcs {
				tgts = append(tgts, r.m)
			}
			srcs, end = toRefs(by), e
		} else {
			tgts, end = c.target(st, m, srcs)
		}
		if !m.noun && c.lex.is(m.code, classViolent) && whereOnly(tgts) && st.victimPatient(m) {
			// "12 people were killed in X": the place's civilians; a place
			// before the verb first ("rebels shelled Juba, killing 20 people,
			// officials in Nairobi said")
			if v := c.placeGroupOf(st, m, "civilians", st.placeCountry(0, m.head-1)); v != nil {
				tgts = []*mention{v}
			}
		}
		if !m.passive && !m.noun && !marked && m.mod != model.ModalityPossible && !anyCoded(tgts) && c.lex.is(m.code, classBetween) {
			// (a hedged act with no target of its own stays no news: "X
			// should be prepared to broker talks between ..." is asked of X)
			if b := c.betweenParties(st, m, srcs); len(b) > 0 {
				tgts = b // "Egypt hosted talks between X and Y"
			}
		}
		// reciprocal acts of a compound subject: "X and Y vowed to deepen cooperation"
		if len(srcs) == 2 && m.p.mutual && whereOnly(tgts) {
			// "X and Y exchanged fire in Kashmir": a place is where, not
			// whom, even one that codes its government ("clashed in
			// Khartoum")
			tgts = nil
		}
		if len(tgts) == 0 && len(srcs) == 2 && (c.lex.is(m.code, classReciprocal) && !m.p.dictionary || m.p.mutual) {
			// (a dictionary says which of its codes are mutual: "A:A")
			tgts = []*mention{srcs[1].m, srcs[0].m}
		}
		if len(m.tgts) > 0 && !marked {
			tgts = m.tgts
		}
		if !anyCoded(tgts) && !m.passive && !marked {
			if sp := c.speakerOwned(st, m, srcs); len(sp) > 0 {
				tgts = sp // "X said Y shelled its towns"
			}
		}
		if len(tgts) == 0 && m.p.dictionary && (!m.passive || blind) && !(len(srcs) >= 2 && m.p.mutual) {
			// TABARI's target: the first actor after the verb in its clause
			// ("met a group of X", "arrived in X on his visit")
			if a := actorAfter(st, m.last, 0); a != nil && !slices.ContainsFunc(srcs, func(r actorRef) bool { return r.m.ent == a.ent }) {
				tgts = []*mention{a}
			}
		}
		if r := m.p.roles; r.onlyCompound && len(srcs) < 2 && r.plain != nil {
			// "% * [030:030]" needs a compound subject; else the verb's own code
			if m.code == m.p.code {
				m.code = r.plain.code
			}
			m.p = r.plain
		} else if r.compound && len(srcs) >= 2 {
			// "X and Y have postponed their meeting": each with the other
			tgts = nil
			for _, s := range srcs {
				tgts = append(tgts, s.m)
			}
		}
		if m.p.persons && c.armedSubject(st, m) {
			continue // "peacekeeping troops arrived in X": no visit
		}
		if len(tgts) == 0 && len(srcs) < 2 && c.lex.is(m.code, classPartner) && !m.p.dictionary && !m.noun && !partnerNamed(st, m) && !pluralSubject(st, m) {
			// "the cabinet met on Sunday": a body's own meeting, no consultation
			// with anyone ("AU leaders met" are many parties meeting)
			continue
		}
		if (m.noun && !m.light || m.p.needTarget) && len(tgts) == 0 {
			continue // "Putin's visit" alone is background, not an event
		}
		if len(tgts) == 0 && m.mod == model.ModalityPossible && condThreat == "" && !m.p.dictionary || m.p.fallback && m.mod == model.ModalityPossible {
			continue // a fallback verb in a purpose or hedged clause is no news
		}
		if v, ok := lookupRoot(c.lex.official, m.code); ok && st.allState(srcs) {
			m.code = v // "Vietnam protested China's deployment": an official complaint
		}
		cc, ok := c.lex.Cameo(m.code)
		if !ok {
			continue
		}
		mod := m.mod
		if mod == "" {
			mod = model.ModalityAsserted
		}
		start := st.toks[m.head].start
		if m.subjAt >= 0 && m.subjAt < m.head {
			start = st.toks[m.subjAt].start
		}
		clauseEnd := st.toks[max(end, m.last)].end
		date := c.eventDate(art, st, m, start, clauseEnd)
		if m.noun && mod == model.ModalityAsserted && cc.QuadClass >= 3 && date.FromText == nil && inBackgroundPP(st, m) {
			// "since Russia's invasion of Ukraine": an undated conflict noun is
			// background, not news of the day
			continue
		}
		var chain []model.Attribution
		alleged, announced := false, false
		for _, a := range attrs {
			if m.head >= a.from && m.head <= a.to {
				if !speakerIsSource(a, srcs) {
					chain = append(chain, a.a)
					alleged = alleged || a.alleged
				}
				if speakerIsSource(a, srcs) || partySpeaker(a, srcs, tgts) {
					announced = true // a party announces the act
				}
			}
		}
		if announced && mod == model.ModalityFuture && m.gov == nil {
			// an announced future act is an intent, or a threat (the CAMEO
			// manual's rule): "X said it will provide aid", "X announced it
			// would tighten the blockade"
			if v, ok := c.lex.announcedAs(m.code); ok {
				if nc, ok := c.lex.Cameo(v); ok {
					cc = nc
				}
			}
		}
		if condThreat != "" && mod == model.ModalityPossible {
			if !announced {
				if len(tgts) == 0 {
					continue
				}
			} else if nc, ok := c.lex.Cameo(condThreat); ok {
				cc, mod = nc, model.ModalityAsserted // "X may halt its mediation if ..., X's minister said"
			}
		}
		if alleged && mod == model.ModalityAsserted {
			mod = model.ModalityAlleged
		}
		vs := st.toks[m.head].start
		if m.gov != nil && absorbed[m.gov] && m.gov.head < m.head {
			vs = st.toks[m.gov.head].start // "threatened to impose sanctions"
		}
		verbText := art.Body[vs:st.toks[m.last].end]
		action := model.Span{Start: vs, End: st.toks[m.last].end}
		n := len(srcs) * max(1, len(tgts))
		g := 0
		if n > 1 {
			group++
			g = group
		}
		for si, s := range srcs {
			for ti := 0; ti < max(1, len(tgts)); ti++ {
				var tgt *model.Actor
				if len(tgts) > 0 {
					t := tgts[ti]
					if t.ent == s.m.ent {
						if len(tgts) == 2 && si < 2 && len(srcs) == 2 {
							continue
						}
						continue
					}
					tgt = actorOf(t) // nil for an uncoded target ("Europe"): no target
				}
				src := actorOf(s.m)
				if src == nil {
					if a := appositionActor(st, s.m); a != nil {
						src = actorOf(a) // "NAME, the UN relief coordinator, demanded"
					}
				}
				if src == nil {
					continue
				}
				ev := model.Event{
					Sentence:    st.idx,
					Start:       min(start, action.Start),
					End:         max(clauseEnd, action.End),
					Source:      *src,
					Target:      tgt,
					Cameo:       cc.Code,
					Goldstein:   cc.Goldstein,
					QuadClass:   cc.QuadClass,
					Plover:      model.Plover{Type: cc.Plover.Type, Mode: model.Str(cc.Plover.Mode), Context: append([]string{}, cc.Plover.Contexts...)},
					Modality:    mod,
					Date:        date,
					Attribution: append([]model.Attribution{}, chain...),
					Location:    c.location(st, m, srcs, tgts, start, clauseEnd),
					Verb:        verbText,
				}
				a := action
				ev.Action = &a
				if dupEvent(out, ev) {
					continue // "used tear gas to disperse them": one act, two verbs
				}
				out = append(out, coded{ev: ev, group: g})
				if rev, ok := c.reverse(m, ev); ok {
					out = append(out, coded{ev: rev, group: g})
				}
			}
		}
	}
	return out
}

// reverse is the target's act in return that a dictionary pattern with
// a reciprocal code ("MEET [031:031]", "VISIT [032:033]") codes beside
// the source's.
func (c *Coder) reverse(m *match, ev model.Event) (model.Event, bool) {
	if m.p.recip == "" || ev.Target == nil {
		return ev, false
	}
	cc, ok := c.lex.Cameo(m.p.recip)
	if !ok {
		return ev, false
	}
	src := ev.Source
	ev.Source, ev.Target = *ev.Target, &src
	ev.Cameo, ev.Goldstein, ev.QuadClass = cc.Code, cc.Goldstein, cc.QuadClass
	ev.Plover = model.Plover{Type: cc.Plover.Type, Mode: model.Str(cc.Plover.Mode), Context: append([]string{}, cc.Plover.Contexts...)}
	ev.Attribution = append([]model.Attribution{}, ev.Attribution...)
	return ev, true
}

// inBackgroundPP reports a noun event inside a framing prepositional
// phrase ("since Russia's invasion of Ukraine", "amid the war").
func inBackgroundPP(st *sent, m *match) bool {
	for k := m.head - 1; k >= 0 && k >= m.head-5; k-- {
		t := st.toks[k]
		if st.words.backgroundPreps[t.low] {
			return true
		}
		if isBoundary(t) || st.verb[k] {
			return false
		}
	}
	return false
}

// hasBoundaryBetween reports a sentence-level break (";", a coordinated
// new clause) between two tokens; "that" does not count.
func hasBoundaryBetween(st *sent, from, to int) bool {
	for k := from; k <= to && k < len(st.toks); k++ {
		l := st.toks[k].low
		if l == ";" || l == "but" || l == "." || l == "and" && k+1 < len(st.toks) && st.verb[k+1] {
			return true
		}
	}
	return false
}

// betweenParties returns the actors of a "between X and Y" phrase within
// five words after m, in its clause, that are not its sources: each
// conjunct's by the arcs ("between Mali and Tuareg rebels"), else the
// phrase's up to a preposition, verb or boundary.
func (c *Coder) betweenParties(st *sent, m *match, srcs []actorRef) []*mention {
	k := betweenAt(st, m)
	if k < 0 {
		return nil
	}
	var ps []*mention
	if st.parsed() && st.heads[k] > k && st.rels[k] == "case" {
		for _, r := range c.conjunctActors(st, st.heads[k]) {
			ps = append(ps, r.m)
		}
	}
	if len(ps) < 2 {
		end := k
		for j := k + 1; j < len(st.toks) && j <= k+12; j++ {
			t := st.toks[j]
			if isBoundary(t) || st.words.prepositions[t.low] && len(t.ments) == 0 || strings.HasPrefix(t.tag, "VB") {
				break
			}
			end = j
		}
		ps = resolveNP(st, k+1, end)
	}
	if len(ps) < 2 {
		return nil
	}
	var out []*mention
	for _, p := range ps {
		if actorOf(p) == nil || slices.ContainsFunc(srcs, func(r actorRef) bool { return r.m.ent == p.ent }) {
			continue // a party with no code is no target
		}
		if p.adj && sameCountry(p, slices.DeleteFunc(slices.Clone(ps), func(q *mention) bool { return q.adj })) {
			continue // "Palestinian leader NAME": the leader, not his people too
		}
		out = append(out, p)
	}
	return out
}

// victimPatient reports whether the patient of m's act of force is a
// noun of people in general (words.tsv victimNouns): a passive's subject
// ("12 people were killed") or the object ("killed four persons"), from
// the arcs, else within four words after the verb (past an amount,
// "at least 12").
func (st *sent) victimPatient(m *match) bool {
	if st.parsed() {
		rel := "obj"
		if m.passive {
			rel = "nsubj:pass"
		}
		k := st.child(m.head, rel)
		return k >= 0 && st.wordOf(st.words.victimNouns, st.counted(k))
	}
	if m.passive {
		return false
	}
	for k := m.last + 1; k < len(st.toks) && k <= m.last+4 && !isBoundary(st.toks[k]); k++ {
		if st.wordOf(st.words.victimNouns, k) {
			return true
		}
		if !st.isAmount(st.toks[k]) && !approximator(st, k) {
			return false
		}
	}
	return false
}

// approximator reports, by its tags, a word that makes an amount
// approximate: a comparative or superlative and the preposition beside
// it ("at least", "more than", "fewer than").
func approximator(st *sent, k int) bool {
	comp := func(j int) bool {
		if j < 0 || j >= len(st.toks) {
			return false
		}
		switch st.toks[j].tag {
		case "JJS", "JJR", "RBS", "RBR":
			return true
		}
		return false
	}
	return comp(k) || st.toks[k].tag == "IN" && (comp(k+1) || comp(k-1))
}

// whereOnly reports whether targets name no actor, or only places named
// as places: where an act was, not whom it was done to.
func whereOnly(tgts []*mention) bool {
	coded, places := false, true
	for _, m := range tgts {
		coded = coded || actorOf(m) != nil
		places = places && m.ent.Type == model.TypePlace && !m.adj && !m.poss
	}
	return !coded || places
}

// betweenAt is the "between" within five words after m, in its clause,
// or -1.
func betweenAt(st *sent, m *match) int {
	for k := m.last + 1; k < len(st.toks) && k <= m.last+5 && !isBoundary(st.toks[k]); k++ {
		if st.toks[k].low == "between" {
			return k
		}
	}
	return -1
}

// anyCoded reports whether one of ms has an actor code.
func anyCoded(ms []*mention) bool {
	for _, m := range ms {
		if actorOf(m) != nil {
			return true
		}
	}
	return false
}

func speakerIsSource(a attr, srcs []actorRef) bool {
	if a.a.Entity == nil {
		return false
	}
	for _, s := range srcs {
		if s.m.ent.ID == *a.a.Entity {
			return true
		}
	}
	return false
}

// partySpeaker reports whether the speaker of a belongs to a party of the
// event: its actor code starts with the country (or organisation) of a
// source or a target, and it is not a news medium ("the Albanian embassy
// said X will visit Albania" announces; "a Russian newspaper reported
// Putin would visit" only reports).
func partySpeaker(a attr, srcs []actorRef, tgts []*mention) bool {
	code := model.Deref(a.a.Code)
	if len(code) < 3 || strings.HasSuffix(code, "MED") || a.a.Medium != nil {
		return false
	}
	side := func(m *mention) bool {
		c := model.Deref(m.ent.Code)
		if c == "" {
			c = model.Deref(m.ent.Country)
		}
		return len(c) >= 3 && c[:3] == code[:3]
	}
	for _, s := range srcs {
		if side(s.m) {
			return true
		}
	}
	for _, t := range tgts {
		if side(t) {
			return true
		}
	}
	return false
}

func conditionalBefore(st *sent, m *match) bool {
	for x := m.head - 1; x >= 0 && x >= m.head-6; x-- {
		t := st.toks[x]
		if st.words.conditional[t.low] && (t.low != "should" || x+1 < len(st.toks) && st.words.pronouns[st.toks[x+1].low]) {
			return true
		}
		if t.low == "," || t.low == ";" {
			break
		}
	}
	for x := m.last + 1; x < len(st.toks) && x <= m.last+6; x++ {
		if st.toks[x].low == "if" && x+1 < len(st.toks) && (st.toks[x+1].low == "necessary" || st.toks[x+1].low == "needed") {
			return true
		}
	}
	return false
}

// protestAims marks as done a demand or appeal in the purpose clause of
// a protest by the same actor ("staged a hunger strike to demand X's
// resignation"): it is what the protest asks for, one event, not two.
// The types come from plover.tsv.
func (c *Coder) protestAims(st *sent, ms []*match) {
	for _, m := range ms {
		h := m.head
		if m.noun || m.code == "" || h < 1 || st.toks[h-1].low != "to" || len(m.subj) == 0 {
			continue
		}
		if mc, ok := c.lex.Cameo(m.code); !ok || mc.Plover.Type != "REQUEST" {
			continue
		}
		for _, q := range ms {
			if q == m || q.code == "" || q.last >= h-1 || len(q.subj) == 0 || q.subj[0].m.ent != m.subj[0].m.ent {
				continue
			}
			if hasBoundaryBetween(st, q.last+1, h-2) {
				continue
			}
			if qc, ok := c.lex.Cameo(q.code); ok && qc.Plover.Type == "PROTEST" {
				m.done = true
			}
		}
	}
}

// armedSubject reports whether the subject of m holds a military group
// noun (groups.tsv sector MIL: troops, soldiers, warships, ...).
func (c *Coder) armedSubject(st *sent, m *match) bool {
	for x := max(m.subjAt, 0); x < m.head; x++ {
		if c.lex.groups[st.toks[x].low] == "MIL" {
			return true
		}
	}
	return false
}

// attackNounSubjects codes an attack named by a noun that is the subject
// of an act of force once ("Israeli air strikes killed 40 people", "a
// drone strike destroyed the depot"): the noun names the attack and its
// means (195 air strike, 1952 drone strike), the verb only what it did,
// so the verb's event goes; the noun's target is read as for any event
// noun.
func (c *Coder) attackNounSubjects(st *sent, ms []*match) {
	for _, n := range ms {
		if !n.noun || n.done || len(n.subj) == 0 || !c.lex.is(n.code, classViolent) {
			continue // a noun with no side of its own ("a bomb explosion killed") leaves the verb's event
		}
		for _, v := range ms {
			if v == n {
				continue
			}
			if v.noun || v.done || !c.lex.is(v.code, classViolent) || v.subjAt < 0 || v.subjAt > n.head || n.last >= v.head {
				continue
			}
			if !hasBoundaryBetween(st, n.last+1, v.head-1) {
				if tg, _ := c.target(st, n, n.subj); len(tg) > 0 || len(n.tgts) > 0 {
					v.done = true // else the noun codes nothing ("air raids killed 20 militants"): the verb's event stays
				}
			}
		}
	}
}

// conditionAfter reports whether a conditional clause ("if ...",
// "unless ...") follows the act of m in its sentence, before any speech
// verb that would start another statement.
func conditionAfter(st *sent, m *match) bool {
	for x := m.last + 1; x < len(st.toks); x++ {
		t := st.toks[x]
		if t.low == ";" || st.speech[x] {
			return false
		}
		if st.words.conditionMarks[t.low] {
			return true
		}
	}
	return false
}

func actorOf(m *mention) *model.Actor {
	code := model.Deref(m.ent.Code)
	if code == "" {
		code = model.Deref(m.ent.Country)
	}
	if code == "" {
		return nil
	}
	a := &model.Actor{Code: code, Start: m.start, End: m.end}
	if m.ent.ID != "" {
		id := m.ent.ID
		a.Entity = &id // a group noun ("gunmen") is an actor with no entity
	}
	return a
}

// eventDate takes the time expression inside the event's clause (between
// its subject and the end of its object, up to the next clause edge), else
// the publication date.
func (c *Coder) eventDate(art *model.Article, st *sent, m *match, start, end int) model.EventDate {
	best := -1
	// within the clause span
	for k := range st.toks {
		t := st.toks[k]
		if t.inTime == 0 {
			continue
		}
		if t.start >= start && t.end <= end {
			best = t.inTime - 1
			break
		}
	}
	if best < 0 {
		// right after the clause, before any clause edge ("warned on Friday")
		for k := m.last + 1; k < len(st.toks); k++ {
			t := st.toks[k]
			if t.start < end {
				continue
			}
			if t.inTime > 0 {
				best = t.inTime - 1
				break
			}
			if isBoundary(t) && !t.quote {
				break
			}
			if st.verb[k] && !m.noun || st.words.coordinators[t.low] && k+1 < len(st.toks) && strings.HasPrefix(st.toks[k+1].tag, "VB") {
				break // another verb's clause
			}
		}
	}
	if best < 0 && m.gov != nil && m.gov.subjAt >= 0 {
		// "Peskov on Thursday declined to give": the governor's time
		for k := m.gov.subjAt; k <= m.gov.last; k++ {
			if st.toks[k].inTime > 0 {
				best = st.toks[k].inTime - 1
				break
			}
		}
	}
	if best < 0 {
		best = whileTime(st, start)
	}
	if best >= 0 {
		tm := art.Times[best]
		txt := tm.Text
		if tm.Precision == model.PrecisionRange {
			v := tm.From
			if v == nil {
				v = tm.Value
			}
			if v == nil {
				v = tm.To
			}
			p := model.PrecisionRange
			return model.EventDate{Value: v, Precision: &p, FromText: &txt, From: tm.From, To: tm.To}
		}
		p := tm.Precision
		return model.EventDate{Value: tm.Value, Precision: &p, FromText: &txt}
	}
	return model.EventDate{Value: art.Published.Date, Precision: art.Published.Precision}
}

// whileTime is the time of the main clause for an event whose clause
// starts at byte start right after "as", "while" or "when" ("police fired
// tear gas on Tuesday as demonstrators marched": they marched on
// Tuesday): the nearest time before the subordinator, or -1.
func whileTime(st *sent, start int) int {
	k0 := sort.Search(len(st.toks), func(k int) bool { return st.toks[k].start >= start })
	if k0 < 1 || k0 >= len(st.toks) {
		return -1
	}
	switch st.toks[k0-1].low {
	case "as", "while", "when":
	default:
		return -1
	}
	for k := k0 - 2; k >= 0; k-- {
		if st.toks[k].inTime > 0 {
			return st.toks[k].inTime - 1
		}
	}
	return -1
}

// location is a place named in the clause that is not an actor.
func (c *Coder) location(st *sent, m *match, srcs []actorRef, tgts []*mention, start, end int) *model.Location {
	// the clause runs on past the object to the next clause edge ("hosted X in Cairo")
	for k := m.last + 1; k < len(st.toks); k++ {
		t := st.toks[k]
		if t.end <= end {
			continue
		}
		if isBoundary(t) || st.verb[k] || st.words.coordinators[t.low] {
			break
		}
		end = t.end
	}
	for _, mm := range st.ments {
		if mm.start < start || mm.end > end || mm.ent.Type != model.TypePlace || mm.poss || mm.adj {
			continue
		}
		if sameEntity(&mm, srcs) {
			continue
		}
		isT := false
		for _, t := range tgts {
			if t.ent == mm.ent {
				isT = true
			}
		}
		if isT && !c.lex.is(m.code, classLocated) {
			continue
		}
		id := mm.ent.ID
		return &model.Location{Entity: &id, Name: mm.ent.Name, Lat: mm.ent.Lat, Lon: mm.ent.Lon, Country: mm.ent.Country, Basis: "clause"}
	}
	return nil
}

// focusPlace is the article's most-mentioned place.
func focusPlace(art *model.Article) *model.Location {
	best, n := -1, 0
	for i, e := range art.Entities {
		if e.Type == model.TypePlace && len(e.Mentions) > n {
			best, n = i, len(e.Mentions)
		}
	}
	if best < 0 {
		return nil
	}
	e := art.Entities[best]
	id := e.ID
	return &model.Location{Entity: &id, Name: e.Name, Lat: e.Lat, Lon: e.Lon, Country: e.Country, Basis: "article"}
}

// intentNouns gives an event noun right after an intent frame that ends
// in a preposition ("agreed to a ceasefire", "offered to mediation") that
// frame as its governor: what is agreed to is intended, not done, and the
// frame's class (intent, threat, refuse) decides the code as it does for
// a verb complement ("agreed to withdraw").
func (c *Coder) intentNouns(st *sent, ms []*match) {
	for _, g := range ms {
		if g.noun || len(g.p.words) < 2 || !st.words.prepositions[st.toks[g.last].low] {
			continue
		}
		switch g.p.class {
		case classIntent, classThreat, classRefuse:
		default:
			continue
		}
		for _, m := range ms {
			if !m.noun || m.code == "" || m.head <= g.last || m.gov != nil || !nounPhraseBetween(st, g.last+1, m.head-1) {
				continue
			}
			if !c.lex.framesNoun(g.p.class, m.code) {
				m.done = true // "agreed to an inquiry": the frame's own code says it
				break
			}
			m.gov = g
			m.light = true
			if len(m.subj) == 0 || m.subjAt > g.last {
				m.subj, m.subjAt = g.subj, g.subjAt
			}
			m.mod = stronger(m.mod, g.mod)
			inside(st, ms, m)
			break
		}
	}
}

// inside marks the event nouns in the phrase of the framed noun m as
// not asserted: "objected to Qatari mediation of a truce with X" holds
// no truce.
func inside(st *sent, ms []*match, m *match) {
	// the phrase as parsed, or as far as the words run on without a
	// clause edge or a verb (parsers often attach a noun's own PP to the
	// verb)
	from, to := m.head, m.last
	if st.parsed() {
		from, to = st.phrase(spanHead(st, m.head, m.last))
	}
	run := m.last
	for run+1 < len(st.toks) && !isBoundary(st.toks[run+1]) && !st.verb[run+1] && run < m.last+6 {
		run++
	}
	to = max(to, run)
	for _, q := range ms {
		if q != m && q.noun && q.head > m.last && q.head >= from && q.head <= to {
			q.done = true
		}
	}
}

// nounPhraseBetween reports whether tokens from..to can open a noun
// phrase: determiners, adjectives, numbers and modifier names only.
func nounPhraseBetween(st *sent, from, to int) bool {
	if to-from > 4 {
		return false
	}
	for k := from; k <= to; k++ {
		t := st.toks[k]
		if isBoundary(t) || st.verb[k] || strings.HasPrefix(t.tag, "VB") && t.tag != "VBN" {
			return false
		}
	}
	return true
}

// unnamedAttack gives an active violent verb whose subject is itself an
// attack or a weapon the attack's own actor as its source ("a Saudi air
// strike on X killed 30 civilians"), else the unidentified armed group
// of the place ("a roadside bombing killed two soldiers"); it reports
// whether it did.
func (c *Coder) unnamedAttack(st *sent, m *match, ms []*match) bool {
	if m.noun || m.passive || !c.lex.is(m.code, classViolent) || !st.parsed() {
		return false
	}
	s := st.child(m.head, "nsubj")
	if h := st.heads[m.head]; s < 0 && h >= 0 && st.toks[m.head].tag == "VBG" && (st.rels[m.head] == "advcl" || st.rels[m.head] == "xcomp") {
		s = st.child(h, "nsubj") // "a car bomb exploded near X, killing five": the bomb's
	}
	if s < 0 {
		return false
	}
	attack := false
	for _, q := range ms {
		if c.attackCovers(q, s) {
			attack = true
			if len(q.subj) > 0 && !placeOnly(q.subj) {
				// the attack's own actor: "a Saudi air strike on X
				// killed", "the army's attack on X killed"
				m.subj, m.subjAt = q.subj, -1
				return true
			}
		}
	}
	if !attack {
		return false
	}
	// where the attack was: a place named in its own phrase ("a bombing
	// outside the city of X"), else the sentence's (placeGroup)
	a := c.placeGroupOf(st, m, "attacker", st.placeCountry(st.phrase(s)))
	if a == nil {
		return false
	}
	m.subj, m.subjAt = toRefs([]*mention{a}), -1
	return true
}

// fromSource returns, for a passive without a "by" agent whose pattern
// is flagged fromsource, or an active verb flagged recipient, the actors
// of its "from" phrase and the phrase's end (end when there are none):
// "two Russian diplomats were expelled from Poland" is Poland's
// expulsion, "received a loan from the IMF" the IMF's.
func fromSource(st *sent, m *match, end int) ([]*mention, int) {
	for k := m.last + 1; k < len(st.toks) && k <= m.last+4; k++ {
		t := st.toks[k]
		if isBoundary(t) || st.verb[k] {
			break
		}
		if t.low != "from" {
			continue
		}
		for j := k + 1; j < len(st.toks) && j <= k+3; j++ {
			if len(st.toks[j].ments) > 0 {
				_, e := npRight(st, j)
				for e+2 < len(st.toks) && st.toks[e+1].tag == "POS" && len(st.toks[e+2].ments) > 0 {
					_, e = npRight(st, e+2) // "from Colombia's president"
				}
				if by := resolveNP(st, k+1, e); len(by) > 0 {
					return by, e
				}
				break
			}
		}
		break
	}
	return nil, end
}

// placeOnly reports whether refs hold a place named as a place (not a
// demonym or possessor): where an attack was, not who made it ("a
// roadside bombing near Kandahar").
func placeOnly(refs []actorRef) bool {
	for _, r := range refs {
		if r.m.ent.Type != model.TypePlace || r.m.adj || r.m.poss {
			return false
		}
	}
	return true
}

// placeGroup is the actor without a name that the group noun word stands
// for (groups.tsv), coded with the country of the first place named in
// the sentence as a place (not as a demonym or possessor: "three US
// soldiers were killed in Basra" happened in Iraq), else of the article's
// main place.
func (c *Coder) placeGroup(st *sent, m *match, word string) *mention {
	return c.placeGroupOf(st, m, word, "")
}

// placeCountry is the country of the first place named as a place (not
// as a demonym or possessor) within tokens from..to, "" for none.
func (st *sent) placeCountry(from, to int) string {
	for i := range st.ments {
		mm := &st.ments[i]
		if mm.first >= from && mm.last <= to && mm.ent.Type == model.TypePlace && !mm.adj && !mm.poss {
			if c := model.Deref(mm.ent.Country); c != "" {
				return c
			}
		}
	}
	return ""
}

// placeGroupOf is placeGroup in the country given, when not "".
func (c *Coder) placeGroupOf(st *sent, m *match, word, country string) *mention {
	sector, ok := c.lex.groups[word]
	if !ok {
		return nil
	}
	if country == "" {
		country = st.placeCountry(m.head+1, len(st.toks)-1)
	}
	if country == "" {
		country = st.focusCountry
	}
	if country == "" {
		return nil
	}
	e := &model.Entity{Name: word, Type: model.TypeOrg, Code: model.Str(country + sector)}
	t := st.toks[m.head]
	return &mention{ent: e, start: t.start, end: t.end, first: m.head, last: m.head}
}

// mainClause reports whether the predicate at h heads a clause that
// reports news: the root, a speech verb's complement or a conjunct of
// one, not a relative, adverbial or noun-complement clause ("the raid in
// which 20 people were killed"). Unparsed sentences give false.
func mainClause(st *sent, h int) bool {
	if !st.parsed() {
		return false
	}
	for hops := 0; h >= 0 && hops < 6; hops++ {
		switch st.rels[h] {
		case "root":
			return true
		case "conj", "parataxis":
		case "ccomp":
			if g := st.heads[h]; g < 0 || !st.speech[g] {
				return false
			}
		default:
			return false
		}
		h = st.heads[h]
	}
	return false
}

// framesNoun reports whether a frame of class codes its event noun's act
// (an intent or refusal code for it exists; a threat always does).
func (l *Lexicon) framesNoun(class, code string) bool {
	switch class {
	case classIntent:
		if v, ok := lookupRoot(l.intend, code); ok && v != "" {
			return true
		}
		_, ok := lookupRoot(l.threaten, code)
		return ok
	case classRefuse:
		_, ok := lookupRoot(l.refuse, code)
		return ok
	}
	return class == classThreat
}

// dupEvent reports whether out already holds an event of the sentence
// with the same code, source and target.
func dupEvent(out []coded, ev model.Event) bool {
	tg := func(e model.Event) string {
		if e.Target == nil {
			return ""
		}
		return e.Target.Code
	}
	for _, o := range out {
		if o.ev.Cameo == ev.Cameo && o.ev.Source.Code == ev.Source.Code && tg(o.ev) == tg(ev) {
			return true
		}
	}
	return false
}

// appositionActor is the coded actor of an apposition right after m
// ("Jane Achieng, the UN aid coordinator, ..."): a
// mention between the comma after m and the next one, or nil.
func appositionActor(st *sent, m *mention) *mention {
	k := m.last + 1
	if k >= len(st.toks) || st.toks[k].low != "," {
		return nil
	}
	for j := k + 1; j < len(st.toks) && j <= k+8; j++ {
		t := st.toks[j]
		if t.low == "," || isBoundary(t) || strings.HasPrefix(t.tag, "VB") {
			return nil
		}
		for _, mi := range t.ments {
			a := &st.ments[mi]
			if a.ent != m.ent && a.ent.Type != model.TypeEquipment && actorOf(a) != nil {
				return a
			}
		}
	}
	return nil
}

// requestedClauses marks the events of a clause that a request governs
// ("demanded that Hamas renounce violence", "its demand that Israel ease
// restrictions") as not asserted: they are what is asked for. A request
// is a match whose code maps to PLOVER REQUEST (plover.tsv).
func (c *Coder) requestedClauses(st *sent, ms []*match) {
	for _, m := range ms {
		if m.noun || m.done {
			continue
		}
		r := st.rels[m.head]
		if r != "ccomp" && r != "acl" && r != "advcl" || st.child(m.head, "mark") < 0 {
			continue
		}
		g := st.heads[m.head]
		for _, q := range ms {
			if q == m || q.code == "" || g < q.head || g > q.last {
				continue
			}
			if cc, ok := c.lex.Cameo(q.code); ok && cc.Plover.Type == "REQUEST" {
				m.done = true
			}
		}
	}
}

// markedRoles reads the source and target a dictionary pattern's
// markers name after its last word ("* EID AT ^ WITH +", "+ WAS * DEAD
// IN $"); ok is false when the pattern has none or no actor stands there.
func markedRoles(st *sent, m *match) (srcs []actorRef, tgts []*mention, ok bool) {
	r := m.p.roles
	switch {
	case r.srcAfter > 0:
		a := actorAfter(st, m.last, r.srcAfter-1)
		if a == nil {
			return nil, nil, false
		}
		if r.tgtSubject {
			subj := m.subj
			if len(subj) == 0 {
				subj = actorBefore(st, m.head) // "X's palace guard was freed from Y"
			}
			for _, s := range subj {
				tgts = append(tgts, s.m)
			}
		}
		return []actorRef{{m: a}}, tgts, true
	case r.srcFirst:
		src := actorBefore(st, m.first)
		if len(src) == 0 || len(m.subj) == 0 {
			return nil, nil, false
		}
		for _, s := range m.subj {
			tgts = append(tgts, s.m)
		}
		return src, tgts, true
	case r.tgtAfter > 0 && !m.passive:
		a := actorAfter(st, m.last, r.tgtAfter-1)
		if a == nil {
			return nil, nil, false
		}
		return m.subj, []*mention{a}, true
	}
	return nil, nil, false
}

// actorAfter is the first coded actor after token from, in its clause,
// past skips noun phrases (a phrase runs to the next preposition).
func actorAfter(st *sent, from, skips int) *mention {
	k := from + 1
	for n := 0; n < skips && k < len(st.toks); n++ {
		if st.words.prepositions[st.toks[k].low] {
			k++
		}
		for k < len(st.toks) && !st.words.prepositions[st.toks[k].low] && !clauseBreak(st.toks[k]) {
			k++
		}
	}
	for ; k < len(st.toks) && !clauseBreak(st.toks[k]); k++ {
		for _, mi := range st.toks[k].ments {
			if a := &st.ments[mi]; actorOf(a) != nil {
				return a
			}
		}
	}
	return nil
}

// actorBefore is TABARI's source for a dictionary pattern whose subject
// names no actor itself ("X's death toll has risen", "the X basketball
// team is about to"): the nearest coded actor before the verb in its
// clause, outside a prepositional phrase.
func actorBefore(st *sent, head int) []actorRef {
	for k := head - 1; k >= 0 && !clauseBreak(st.toks[k]); k-- {
		for _, mi := range st.toks[k].ments {
			a := &st.ments[mi]
			if a.last != k || actorOf(a) == nil {
				continue
			}
			if a.first > 0 && st.words.prepositions[st.toks[a.first-1].low] {
				return nil
			}
			return []actorRef{{m: a}}
		}
	}
	return nil
}

// subordinateClause reports whether the verb at h opens a clause that a
// subordinator introduces, read from the words: the word before its
// auxiliaries and its subject noun phrase ("after a patrol was sighted"),
// or before its auxiliaries alone ("who was deported"), past a speech
// parenthesis ("where, it said, 100 people were killed"). The parse often
// hangs such a clause on the main verb as a conjunct or parataxis.
func (c *Coder) subordinateClause(st *sent, h int) bool {
	k := beforeAux(st, h)
	if k < 0 {
		return false
	}
	if st.words.subordinators[st.toks[k].low] {
		return true
	}
	f, _ := npLeft(st, k)
	if f <= 0 || f > k {
		return false
	}
	b := f - 1
	if st.toks[b].low == "," {
		// ", X said," between the subordinator and its clause
		for j := b - 1; j >= 0 && j >= b-5; j-- {
			if st.toks[j].low != "," {
				continue
			}
			speech := false
			for y := j + 1; y < b; y++ {
				for _, p := range c.lex.heads(st.toks[y]) {
					speech = speech || p.class == classSpeech
				}
			}
			if speech && j > 0 {
				b = j - 1
			}
			break
		}
	}
	return st.words.subordinators[st.toks[b].low]
}

// beforeAux returns the token before the auxiliaries, negations and
// adverbs that stand right before the verb at h ("birds were not culled":
// "birds"), or -1.
func beforeAux(st *sent, h int) int {
	k := h - 1
	for k >= 0 && (st.words.auxiliaries[st.toks[k].low] || st.words.beForms[st.toks[k].low] || st.words.negWords[st.toks[k].low] || strings.HasPrefix(st.toks[k].tag, "RB")) {
		k--
	}
	return k
}

// clauseBreak is a boundary that a hyphen ("an anti- X parade") is not.
func clauseBreak(t tok) bool {
	return isBoundary(t) && t.low != "-" && t.low != "–"
}

// allState reports whether every source is a state: an actor whose code
// is a country's alone ("VNM") or with a sector of a state's own bodies
// (words.tsv stateSectors: "VNMGOV"), or an intergovernmental
// organisation ("IGO..."); false with no source. A country's people
// named by a plural demonym ("thousands of Kenyans"), or by a demonym
// before a noun that names no state body ("Bolivian miners"), or by a
// group noun with the country in its phrase ("students in Chile"), are
// no state.
func (st *sent) allState(srcs []actorRef) bool {
	for _, r := range srcs {
		code := model.Deref(r.m.ent.Code)
		switch {
		case strings.HasPrefix(code, "IGO"):
		case len(code) == 3:
			if t := st.toks[r.m.last]; r.m.adj || strings.HasPrefix(t.tag, "NNS") || peopleOf(t.text, r.m.ent.Name) {
				return false // "Georgians protested": people, not their state
			}
			if f := r.m.first; f > 0 && st.words.prepositions[st.toks[f-1].low] {
				return false // "students in Chile": the place of the people who act
			}
		case len(code) == 6 && st.words.stateSectors[strings.ToLower(code[3:])]:
		default:
			return false
		}
	}
	return len(srcs) > 0
}

// peopleOf reports whether word, in a mention of the country name, is
// a plural demonym ("Georgians", "Serbs"), not the name or its last word
// ("the Philippines", "the United States").
func peopleOf(word, name string) bool {
	return len(word) > 1 && word[len(word)-1] == 's' && !strings.HasSuffix(strings.ToLower(name), strings.ToLower(word))
}

// partnerNamed reports whether the verb of m has a counterpart, named as
// an actor or not: an object ("met the leaders of the miners") or a
// "with" phrase, from the arcs, or in an unparsed sentence a noun or
// "with" right after the pattern's words (past determiners).
func partnerNamed(st *sent, m *match) bool {
	for w := 1; w < len(m.p.words); w++ {
		if slices.Contains(m.p.words[w], "with") {
			return true // "spoke with", "talk with"
		}
	}
	if st.parsed() {
		for _, k := range st.kids[m.head] {
			if (st.rel(k) == "obj" || st.rel(k) == "iobj") && st.toks[k].inTime == 0 {
				return true // ("met Sunday": a time the parse took for the object)
			}
			if p, ok := st.argPrep(k); ok && p == "with" {
				return true
			}
		}
		return false
	}
	k := m.last + 1
	for k < len(st.toks) && st.words.determiners[st.toks[k].low] {
		k++
	}
	if k >= len(st.toks) || st.toks[k].inTime > 0 {
		return false
	}
	t := st.toks[k]
	return t.low == "with" || strings.HasPrefix(t.tag, "NN") || len(t.ments) > 0
}

// pluralSubject reports a plural noun as the subject of m: its nsubj,
// or in an unparsed sentence the word before the verb.
func pluralSubject(st *sent, m *match) bool {
	s := -1
	if st.parsed() {
		s = st.child(m.head, "nsubj")
	} else if h := afterAdverbs(st, m.head); h > 0 {
		s = h - 1
	}
	if s < 0 {
		return false
	}
	t := st.toks[s]
	return t.tag == "NNS" || t.tag == "NNPS" || t.tag == "" && strings.HasSuffix(t.low, "s") // (untagged: the form)
}

// frameMod is the modality a frame verb g (one with no event of its
// own: "stop", "refuse") passes to its complement: its own, and that
// of the frame governing it ("decided to stop shelling" is future,
// "may refuse to pay" possible).
func frameMod(g *match) string {
	mod := g.mod
	if gg := g.gov; gg != nil {
		switch gg.p.class {
		case classFuture:
			mod = stronger(mod, model.ModalityFuture)
		case classPossible:
			mod = stronger(mod, model.ModalityPossible)
		}
	}
	return mod
}

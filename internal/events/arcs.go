package events

import (
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// The coder over the dependency parse. A parsed sentence keeps, per
// token, its head (0-based, -1 for the root), relation and lemma; the
// functions here answer "who is the subject, the agent, the object of
// this predicate" from the arcs instead of token windows, so that
// appositions, relative clauses, reported speech and passives between
// an actor and its verb no longer hide it.

// setParse copies the parse of toks into st (nothing when unparsed).
func (st *sent) setParse(toks []model.Token) {
	if len(toks) == 0 || toks[0].Rel == "" {
		return
	}
	n := len(toks)
	st.heads = make([]int, n)
	st.rels = make([]string, n)
	st.lemmas = make([]string, n)
	st.kids = make([][]int, n)
	for i, t := range toks {
		st.heads[i] = t.Head - 1
		st.rels[i] = t.Rel
		st.lemmas[i] = strings.ToLower(t.Lemma)
		if h := t.Head - 1; h >= 0 && h < n {
			st.kids[h] = append(st.kids[h], i)
		}
	}
	st.verblessRoot()
	st.clauseOnAdjunct()
	st.objectAfterAside()
}

// clauseOnAdjunct mends a complement clause the parse hangs on a time
// adjunct of a verb ("X said (on) Wednesday that Y must ...", with the
// clause under "Wednesday" as ccomp, acl or a relative clause whose
// "that" is its object, "Wednesday" taken for an adjunct or even a
// subject): a "that" clause with its own subject right after a time noun
// (words.tsv timeNouns) complements the verb the time noun hangs on.
func (st *sent) clauseOnAdjunct() {
	moved := false
	for c, g := range st.heads {
		switch st.rels[c] {
		case "ccomp", "acl", "acl:relcl":
		default:
			continue
		}
		if g < 0 || !st.words.timeNouns[st.toks[g].low] || g+1 >= len(st.toks) || st.toks[g+1].low != "that" {
			continue
		}
		v := st.heads[g]
		if v < 0 || !strings.HasPrefix(st.toks[v].tag, "VB") {
			continue
		}
		that, subj := g+1, false
		for _, k := range st.kids[c] {
			if st.rel(k) == "nsubj" && k != that {
				subj = true
			}
		}
		if !subj || st.heads[that] != c {
			continue
		}
		st.heads[c], st.rels[c] = v, "ccomp"
		st.rels[that] = "mark"
		moved = true
	}
	if moved {
		st.relink()
	}
}

// relink rebuilds each token's dependents from the heads after a mend.
func (st *sent) relink() {
	for i := range st.kids {
		st.kids[i] = st.kids[i][:0]
	}
	for i, h := range st.heads {
		if h >= 0 {
			st.kids[h] = append(st.kids[h], i)
		}
	}
}

// verblessRoot mends the parse of a sentence whose root is a noun with a
// past-tense verb read as its participle: "Kurds demonstrated in X"
// parsed as "Kurds [who were] demonstrated", "helicopters and tanks
// shelled positions" with "shelled" an adjective of "positions". A news
// sentence has a predicate, so the verb heads it and the noun is its
// subject (the noun it modified, if any, its object). A participle with
// an agent ("villagers killed by X") stays a participle.
func (st *sent) verblessRoot() {
	r := -1
	for i, h := range st.heads {
		if h < 0 {
			r = i
			break
		}
	}
	if r < 0 || !strings.HasPrefix(st.toks[r].tag, "NN") {
		return
	}
	if st.pastAsModifier(r) {
		return
	}
	// an opening prepositional phrase taken for the root ("After talks
	// with A, B expelled ...", the verb a relative clause of "talks"):
	// its comma is no boundary, and the subject is the noun right before
	// the verb, not the phrase
	opening := st.child(r, "case") >= 0 && r < 3
	for c := r + 1; c < len(st.toks); c++ {
		t := st.toks[c]
		if t.bound && !(opening && t.text == ",") && !(relPronoun(t.low) && st.heads[c] >= 0 && st.rels[st.heads[c]] == "acl:relcl" && st.heads[st.heads[c]] == r) {
			return
		}
		if t.tag != "VBN" && t.tag != "VBD" {
			continue
		}
		h := st.heads[c]
		obj := -1
		switch {
		case st.rels[c] == "acl:relcl" && h == r && !opening:
			continue // the subject's relative clause ("the rebels who seized X")
		case st.rels[c] == "acl" && (h == r || h >= 0 && h < c && st.heads[h] == r && st.rel(h) == "nmod"):
			// "Kurds demonstrated", "hundreds of miners protested"
		case (st.rels[c] == "advcl" || st.rels[c] == "conj") && h >= 0 && h < c && st.rels[h] == "acl:relcl" && st.heads[h] == r && !opening:
			// "the rebels who seized X in January attacked Y", the verb
			// hung on the relative clause
		case st.rels[c] == "amod" && h > c && st.heads[h] == r && (st.rels[h] == "conj" || st.rel(h) == "nmod" || st.rels[h] == "appos" || st.rels[h] == "obj") &&
			!st.words.determiners[st.toks[c-1].low] && st.toks[c-1].tag != "IN" && !strings.HasPrefix(st.toks[c-1].tag, "JJ"):
			// "tanks shelled positions", "students throughout X staged
			// demonstrations" (not "thousands of displaced people")
			obj = h
		default:
			return
		}
		if st.child(c, "obl:agent", "nsubj", "nsubj:pass", "aux", "aux:pass", "mark") >= 0 {
			return
		}
		for k := c + 1; k < len(st.toks) && !st.toks[k].bound; k++ {
			if tg := st.toks[k].tag; tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "MD" {
				return // the clause's predicate follows: "firms accused of X were fined"
			}
		}
		if opening {
			s := c - 1 // the name's head ("Nana Akufo-Addo": Nana)
			for s > 0 && st.heads[s] == s-1 && (st.rel(s) == "flat" || st.rel(s) == "compound") {
				s--
			}
			from := s // its first word ("Saudi Arabia": Saudi)
			for from > 0 && st.heads[from-1] == s && st.rels[from-1] != "punct" {
				from--
			}
			if st.rels[c] != "acl" || !strings.HasPrefix(st.toks[s].tag, "NN") || from == 0 || st.toks[from-1].text != "," {
				return
			}
			st.toks[c].tag = "VBD"
			st.heads[c], st.rels[c] = -1, "root"
			st.heads[r], st.rels[r] = c, "obl"
			st.heads[s], st.rels[s] = c, "nsubj"
			st.relink()
			return
		}
		st.toks[c].tag = "VBD"
		st.heads[c], st.rels[c] = -1, "root"
		st.heads[r], st.rels[r] = c, "nsubj"
		if obj >= 0 {
			st.heads[obj], st.rels[obj] = c, "obj"
		}
		st.relink()
		return
	}
}

// pastAsModifier mends a sentence parsed as a nominal predicate whose
// verb was read as an adjective of it: "soldiers in Mali detained two
// journalists" as "soldiers [are] two detained journalists", "Colombia
// resumed/JJ peace talks" (pastAsAdjective). A past form
// between the root noun's subject and the noun, right after a noun of
// the subject's phrase and with no determiner or adjective before it,
// heads the sentence; the subject is its subject, the root its object.
func (st *sent) pastAsModifier(r int) bool {
	s := st.child(r, "nsubj")
	if s < 0 || s > r || st.child(r, "cop") >= 0 {
		return false
	}
	for c := s + 1; c < r; c++ {
		if t := st.toks[c].tag; t != "VBN" && t != "VBD" && !st.pastAsAdjective(c) || st.rels[c] != "amod" || st.heads[c] != r {
			continue
		}
		if p := st.toks[c-1].tag; !strings.HasPrefix(p, "NN") || st.words.determiners[st.toks[c-1].low] {
			return false
		}
		st.toks[c].tag = "VBD"
		st.heads[c], st.rels[c] = -1, "root"
		st.heads[s], st.rels[s] = c, "nsubj"
		st.heads[r], st.rels[r] = c, "obj"
		st.relink()
		return true
	}
	return false
}

// pastAsAdjective reports a past form the tagger read as an adjective
// (JJ, "-ed") that heads a verb pattern of the lexicon: "Colombia
// resumed/JJ peace talks".
func (st *sent) pastAsAdjective(c int) bool {
	t := st.toks[c]
	return t.tag == "JJ" && strings.HasSuffix(t.low, "ed") && st.verbHead != nil && st.verbHead(t)
}

// rel is token i's relation without its subtype ("nsubj" for "nsubj:pass").
func (st *sent) rel(i int) string {
	r := st.rels[i]
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// child returns the first dependent of h whose relation is one of rels
// (full relation names, with subtype), or -1.
func (st *sent) child(h int, rels ...string) int {
	for _, k := range st.kids[h] {
		for _, r := range rels {
			if st.rels[k] == r {
				return k
			}
		}
	}
	return -1
}

// phrase is the token range of the noun phrase headed by h: its subtree
// without the appositions, clauses and punctuation that describe it.
func (st *sent) phrase(h int) (int, int) {
	from, to := h, h
	var walk func(i int)
	walk = func(i int) {
		from, to = min(from, i), max(to, i)
		for _, k := range st.kids[i] {
			if st.inPhrase(k) {
				walk(k)
			}
		}
	}
	walk(h)
	return from, to
}

// inPhrase reports whether dependent k belongs to its head's noun
// phrase: not an apposition, clause or punctuation that describes it,
// nor company ("X along with its allies": X).
func (st *sent) inPhrase(k int) bool {
	switch st.rel(k) {
	case "appos", "acl", "punct", "parataxis", "advcl", "dep":
		return false
	case "nmod", "advmod":
		return !st.comitative(k)
	}
	return true
}

// comitative reports whether the noun at k is introduced by "along
// with" or "together with" (words.tsv comitatives): company, not part of the phrase it hangs on
// (a bare "with" may describe the noun: "a military with drones").
func (st *sent) comitative(k int) bool {
	if st.rel(k) == "advmod" && st.words.comitatives[st.toks[k].low] {
		return true // the parse may hang "with Y" on the adverb
	}
	for _, x := range st.kids[k] {
		if st.rels[x] == "case" && st.toks[x].low == "with" && x > 0 {
			if st.words.comitatives[st.toks[x-1].low] {
				return true
			}
		}
	}
	return false
}

// relPronoun reports a relative pronoun ("who", "which", "that").
func relPronoun(low string) bool { return low == "who" || low == "which" || low == "that" }

// arcActors resolves the noun phrase headed by h to the actors it stands
// for; a relative pronoun stands for the noun its clause modifies.
func (c *Coder) arcActors(st *sent, h int) ([]actorRef, int) {
	if relPronoun(st.toks[h].low) {
		if cl := st.heads[h]; cl >= 0 && st.rels[cl] == "acl:relcl" && st.heads[cl] >= 0 {
			h = st.heads[cl]
		}
	}
	if st.rels[h] == "appos" && st.heads[h] >= 0 && st.child(st.heads[h], "case") < 0 {
		// "Japan, a close ally of X, ...": the described noun (not one in
		// a prepositional phrase: "According to X, local police")
		h = st.heads[h]
	}
	h = st.counted(h)
	from, to := st.phrase(h)
	if p := titleHolder(st, h, from, to); p != nil {
		return []actorRef{{m: p}}, from // "the prime minister of Nepal, NAME"
	}
	refs := toRefs(resolveNP(st, from, to))
	if len(refs) == 0 && len(st.toks[h].ments) == 0 && (st.words.speakerPronouns[st.toks[h].low] || st.ownSide(h)) {
		if sp := st.speakerOf(h); sp >= 0 && sp != h {
			return c.arcActors(st, sp)
		}
	}
	if len(refs) == 0 {
		if g := c.groupActor(st, h, from, to); g != nil {
			refs = []actorRef{{m: g}}
		}
	}
	if st.rel(h) != "nsubj" {
		// (a clause's own subject only: the noun a relative pronoun or a
		// participle stands for may be the wrong one of a list, or the
		// participle's patient: "officials and companies accused of")
		return refs, from
	}
	if cs := c.conjunctActors(st, h); cs != nil && distinctActors(cs) > distinctActors(refs) {
		refs = cs
	}
	return refs, from
}

// conjunctActors resolves a coordinated noun phrase one conjunct at a
// time ("Somali troops and al-Shabaab fighters", "Colombian soldiers
// and FARC dissidents", "government forces and rebels"), where the whole
// phrase's reading sees only the head's part; nil when h has no nominal
// conjunct.
func (c *Coder) conjunctActors(st *sent, h int) []actorRef {
	heads := []int{h}
	for _, k := range st.kids[h] {
		if st.rels[k] == "conj" && nominalTag(st.toks[k].tag) {
			heads = append(heads, k)
		}
	}
	if len(heads) == 1 {
		return nil
	}
	var out []actorRef
	first := ""
	for i, k := range heads {
		from, to := st.ownPhrase(k)
		ms := resolveNP(st, from, to)
		if len(ms) == 0 {
			country := ""
			if i > 0 && !st.modified(k) {
				// a bare conjunct shares the first one's modifiers: "Israeli
				// drones and tanks", "Kenyan police and protesters"
				country = first
			}
			if g := c.groupActorOf(st, k, from, to, country); g != nil {
				ms = []*mention{g}
			}
		}
		if i == 0 && len(ms) > 0 {
			first = model.Deref(ms[0].ent.Country)
		}
		out = append(out, toRefs(ms)...)
	}
	return out
}

// modified reports whether the noun at h has a modifier that may name
// whose it is (an adjective, a compound, a possessor or a phrase).
func (st *sent) modified(h int) bool {
	for _, k := range st.kids[h] {
		switch st.rel(k) {
		case "amod", "compound", "nmod", "flat":
			return true
		}
	}
	return false
}

// ownPhrase is phrase(h) without h's conjuncts and their conjunctions,
// and without a phrase of where it is ("the RSF in Jeddah": words.tsv
// placePreps but "of" and "from").
func (st *sent) ownPhrase(h int) (int, int) {
	from, to := h, h
	for _, k := range st.kids[h] {
		r := st.rel(k)
		if r == "conj" || r == "cc" || !st.inPhrase(k) {
			continue
		}
		if c := st.child(k, "case"); c >= 0 && (r == "nmod" || r == "advmod") && st.words.placePreps[st.toks[c].low] && st.toks[c].low != "of" && st.toks[c].low != "from" {
			continue // (of and from say whose: "the army of Chad")
		}
		f, t := st.phrase(k)
		from, to = min(from, f), max(to, t)
	}
	return from, to
}

// nominalTag reports a noun's or pronoun's Penn tag.
func nominalTag(tag string) bool {
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "PRP")
}

// distinctActors counts the different actor codes of refs.
func distinctActors(refs []actorRef) int {
	var seen []string
	for _, r := range refs {
		if a := actorOf(r.m); a != nil {
			if code := a.Code; !slices.Contains(seen, code) {
				seen = append(seen, code)
			}
		}
	}
	return len(seen)
}

// agentActors resolves a passive's by-agent at a: the actors of its own
// noun phrase and its conjuncts first ("by the Indonesian navy near
// Jakarta" is the navy, not the capital's government), else the whole
// phrase's as a subject's (arcActors: a title's holder, a group).
func (c *Coder) agentActors(st *sent, a int) []actorRef {
	if ms := st.npActors(a); len(ms) > 0 {
		return toRefs(ms)
	}
	refs, _ := c.arcActors(st, a)
	return refs
}

// counted returns the noun an amount at h counts ("thousands of students
// in Chile", "tens of thousands of students": the people counted), h
// itself when it is no amount.
func (st *sent) counted(h int) int {
	for hops := 0; hops < 3 && (st.words.amountNouns[st.toks[h].low] || st.toks[h].tag == "CD"); hops++ {
		k0 := h
		for _, k := range st.kids[h] {
			if st.rel(k) == "nmod" && st.child(k, "case") >= 0 && st.toks[st.child(k, "case")].low == "of" {
				h = k
				break
			}
		}
		if h == k0 {
			break
		}
	}
	return h
}

// ownSide reports whether the noun at h is the speaker's own side named
// by a possessive pronoun ("said his country would not negotiate", "her
// government"; words.tsv ownSideNouns).
func (st *sent) ownSide(h int) bool {
	if !st.words.ownSideNouns[st.toks[h].low] {
		return false
	}
	x := st.child(h, "nmod:poss")
	return x >= 0 && st.words.possPronouns[st.toks[x].low]
}

// roleHead reports a role noun (words.tsv roleHeads), or a hyphenated
// compound ending in one ("secretary-general", "commander-in-chief" has
// "commander" first: any of its parts).
func (st *sent) roleHead(w string) bool {
	if st.words.roleHeads[w] {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if st.words.roleHeads[p] {
			return true
		}
	}
	return false
}

// titleHolder returns the person an apposition names for the noun
// phrase from..to headed by a title or role noun h ("the prime minister
// of Nepal, NAME", the apposition hung on the title or on its country),
// nil when there is none: the holder is the actor, not the country.
func titleHolder(st *sent, h, from, to int) *mention {
	if !st.roleHead(st.toks[h].low) || len(st.toks[h].ments) > 0 {
		return nil
	}
	for x := from; x <= to; x++ {
		for _, k := range st.kids[x] {
			if st.rels[k] != "appos" {
				continue
			}
			for _, mi := range st.toks[k].ments {
				if mm := &st.ments[mi]; mm.ent.Type == model.TypePerson && model.Deref(mm.ent.Code) != "" {
					return mm
				}
			}
		}
	}
	return nil
}

// arcSubject finds the subject of verb match k from the arcs: its nsubj
// (a passive's nsubj:pass is the patient, its obl:agent the source), else
// the subject it shares as a conjunct, an open complement's controller
// (the governor's object if it has one, "urged X to V", else its
// subject), or the noun a relative or participial clause modifies.
// What the arcs reach, when it names an actor, replaces the window
// reading's subject ("X said that Y was struck by a storm, and pledged
// aid": X, not Y), unless the window reading took the same noun (its
// reading of that noun stands). It reports false when the arcs give no
// actor, leaving the window reading in place. Where the window reading
// found a subject, a route through other clauses does not by itself
// make the act unasserted.
func (c *Coder) arcSubject(st *sent, m *match, ms []*match) bool {
	if m.subjAt > m.head {
		return false // a postposed speaker ("..., said Chen") the window found
	}
	h := m.head
	window := len(m.subj) > 0 // the window reading found a subject
	if st.rels[h] == "advcl" && st.toks[h].tag == "VBG" {
		if mk := st.child(h, "mark"); mk >= 0 && (st.toks[mk].low == "of" || st.toks[mk].low == "for") {
			// "accused X of violating ...", "jailed X for spying": what one
			// is accused of is not asserted, wherever the parse attaches it
			m.done = true
			return false
		}
	}
	for hops := 0; hops < 4; hops++ {
		if s := st.child(h, "nsubj", "nsubj:pass", "nsubj:outer"); s >= 0 {
			// a name the parse splits ("The United Nations Secretary-General
			// NAME said", "Lars/NNS Berg, the envoy of X, met") gives the
			// verb two subjects: the window reading's, where it took one of
			// them, stands; else the first, or the nearest to the verb that
			// names an actor when the first names none
			var subjs []int
			same := false
			for _, k := range st.kids[h] {
				if st.rel(k) == "nsubj" {
					if st.rels[k] == "nsubj" && st.child(k, "case") >= 0 && st.toks[st.child(k, "case")].low == "with" {
						// "X together with Y criticised": the parse may give
						// Y as a second subject; company is no subject
						if k == s {
							s = -1
						}
						continue
					}
					if st.child(k, "case") >= 0 {
						// a subject has no preposition: "According to
						// state television, local police detained", parsed with
						// the source as the subject and the police as its
						// apposition, has the apposition as its subject
						a := st.child(k, "appos")
						if k == s {
							s = a
						}
						if a < 0 {
							continue
						}
						k = a
					}
					same = same || covers(m.subj, k)
					subjs = append(subjs, k)
				}
			}
			if s < 0 {
				if len(subjs) == 0 {
					return false
				}
				s = subjs[0]
			}
			refs, at := c.arcActors(st, s)
			for i := len(subjs) - 1; i >= 0 && len(subjs) > 1 && len(refs) == 0; i-- {
				if k := subjs[i]; k < h && st.rels[k] == st.rels[s] {
					if r, a := c.arcActors(st, k); len(r) > 0 {
						s, refs, at = k, r, a
						break
					}
				}
			}
			if st.rels[s] == "nsubj:pass" && h == m.head {
				m.passive = true
				m.agent = nil
				c.patientPattern(st, m)
				if a := st.child(h, "obl:agent"); a >= 0 {
					m.agent = c.agentActors(st, a)
				}
			}
			if !m.passive && len(refs) > 0 && placeOnly(refs) && c.attackNounAt(ms, s) && !st.actorCase(refs) {
				// "An air strike on Gaza killed": a place in an attack's
				// phrase is where it was or what it hit, never who made it
				// (unnamedAttack gives the place's unidentified attacker)
				refs = nil
			}
			if len(refs) == 0 || same && (hops > 0 || len(subjs) > 1) {
				// (the window reading's of the same noun stands, on another
				// clause's subject or one of a split name's)
				return false
			}
			// the clause's own subject, where the parse gives one with an
			// actor, outranks the window's nearest actor before the verb
			// ("X, the envoy of Norway to Colombia, met ...": Norway's
			// envoy, not Colombia)
			m.subj, m.subjAt = refs, at
			return true
		}
		if e := st.child(h, "expl"); e >= 0 && st.words.speakerPronouns[st.toks[e].low] {
			// "Syria says it is willing to ...": parsers take a clause's "it"
			// for an expletive; under a speech verb it is the speaker
			if sp := st.speakerOf(e); sp >= 0 {
				if refs, at := c.arcActors(st, sp); len(refs) > 0 {
					m.subj, m.subjAt = refs, at
					return true
				}
			}
		}
		g := st.heads[h]
		if g < 0 {
			return false
		}
		switch st.rels[h] {
		case "conj":
			if st.child(g, "nsubj:pass") >= 0 && st.child(h, "aux:pass") < 0 && st.rels[g] == "ccomp" && st.heads[g] >= 0 && st.speech[st.heads[g]] {
				// "X said 12 people were arrested and called on ...": an
				// agentless passive lends no subject to an active verb;
				// the speaker does
				h = st.heads[g]
				continue
			}
			h = g
			if v := verbAbove(st, st.heads[g]); v >= 0 && c.reducedRelative(st, g) {
				// "sheltered workers deported from X and criticised Y": the
				// conjunct the parse hung on the participle belongs with the
				// verb whose object the noun is
				h = v
			}
		case "xcomp":
			if o := st.child(g, "obj", "iobj"); o >= 0 && o < h {
				refs, at := c.arcActors(st, o)
				if len(refs) == 0 {
					return false
				}
				m.subj, m.subjAt = refs, at
				return true
			}
			h = g
		case "acl", "acl:relcl":
			if st.rels[h] == "acl" && st.child(h, "mark") >= 0 {
				// a noun's complement clause ("an offer to mediate",
				// "accused X of shelling"): the frame asserts the noun, not it
				// (where the window reading found no subject: a purpose
				// clause the parse hangs on a noun, "opened fire to
				// disperse ..., killing ...", leaves an asserted act)
				if !window {
					m.done = true
				}
				return false
			}
			if st.rels[h] == "acl" && c.reducedRelative(st, h) {
				if h == m.head {
					return false // "traders expelled from X": the noun is the participle's patient
				}
				if h = verbAbove(st, g); h < 0 {
					return false
				}
				continue
			}
			if covers(m.subj, g) {
				return false // the window reading took the same noun
			}
			refs, at := c.arcActors(st, g)
			if len(refs) == 0 {
				return false
			}
			m.subj, m.subjAt = refs, at
			return true
		case "advcl":
			if st.toks[h].tag != "VBG" {
				return false
			}
			for _, q := range ms {
				if q.head == g && q.done && !window {
					m.done = true // "accused X of shelling Y, wounding Z"
				}
			}
			h = g
		default:
			return false
		}
	}
	return false
}

// groupActor is an actor without a name: a group noun ("gunmen",
// "protesters", "police") at the head of the phrase from..to, coded as
// the country of a demonym or place in the sentence, else of the
// article's main place, with the group's sector code.
func (c *Coder) groupActor(st *sent, h, from, to int) *mention {
	return c.groupActorOf(st, h, from, to, "")
}

// groupActorOf is groupActor with the country given, unless it is "".
func (c *Coder) groupActorOf(st *sent, h, from, to int, country string) *mention {
	g, ok := c.lex.groups[st.toks[h].low]
	if !ok {
		if l := st.lemmas[h]; l != "" {
			g, ok = c.lex.groups[l]
		}
	}
	if !ok {
		return nil
	}
	if country == "" {
		// the first country in the phrase, else the last of the sentence's
		// places, else the article's
		for _, mm := range st.ments {
			if mm.first >= from && mm.last <= to || mm.ent.Type == model.TypePlace {
				if c := model.Deref(mm.ent.Country); c != "" {
					country = c
					if mm.first >= from && mm.last <= to {
						break
					}
				}
			}
		}
	}
	if country == "" {
		country = st.focusCountry
	}
	if country == "" {
		return nil
	}
	e := &model.Entity{Name: st.toks[h].text, Type: model.TypeOrg, Code: model.Str(country + g), Country: model.Str(country)}
	return &mention{ent: e, start: st.toks[from].start, end: st.toks[to].end, first: from, last: to}
}

// speakerOf returns the subject of the speech verb that reports the
// clause of pronoun p ("X said [it had V-ed]", "X said [that it would
// V and ...]"), or -1. The verb's class comes from the lexicon.
func (st *sent) speakerOf(p int) int {
	h := st.heads[p]
	if st.rels[p] == "obj" && h >= 0 && st.speech[h] {
		// "X announced it would V", parsed with "it" as the object
		if s := st.child(h, "nsubj"); s >= 0 {
			return s
		}
		return -1
	}
	if h < 0 {
		return -1
	}
	if s := st.reporter(h, false); s != p {
		return s
	}
	return -1
}

// demands adds the demands of reported obligation: "X said (that) Y must
// V" is X demanding of Y (the modal's verbs.txt line has the demand
// flag and the code). The clause's own event is then not asserted.
func (c *Coder) demands(st *sent, ms []*match) []*match {
	for i, t := range st.toks {
		if st.rels[i] != "aux" {
			continue
		}
		var p *pattern
		for _, q := range c.lex.heads(t) {
			if q.class == classDemand && len(q.words) == 1 {
				p = q
			}
		}
		if p == nil {
			continue
		}
		v := st.heads[i]
		if v < 0 || st.heads[v] < 0 {
			continue
		}
		g := st.heads[v]
		switch {
		case st.rels[v] == "ccomp" && (st.speech[g] || nounObj(st, g)):
			// "X said Y must V", "X sent Y a reminder that it must V"
		case (st.rels[v] == "acl" || st.rels[v] == "ccomp") && st.rel(g) == "obj" && st.heads[g] >= 0 && strings.HasPrefix(st.toks[g].tag, "NN"):
			// "X issued a reminder to Y that it must V", "X repeated its
			// call that Y must V": the clause says what the noun asks
			g = st.heads[g]
		default:
			continue
		}
		s, y := st.child(g, "nsubj"), st.child(v, "nsubj")
		if s < 0 || y < 0 {
			continue
		}
		src, at := c.arcActors(st, s)
		tgt, _ := c.arcActors(st, y)
		if len(src) == 0 || len(tgt) == 0 && !st.words.pronouns[st.toks[y].low] {
			continue
		}
		m := &match{p: p, head: g, last: g, subj: src, subjAt: at, code: p.code}
		for _, r := range tgt {
			m.tgts = append(m.tgts, r.m)
		}
		for _, q := range ms {
			if q.head == v {
				q.done = true // what Y must do has not happened
			}
		}
		ms = append(ms, m)
	}
	return ms
}

// nounObj reports whether the verb at g has a common noun as its object.
func nounObj(st *sent, g int) bool {
	o := st.child(g, "obj")
	return o >= 0 && strings.HasPrefix(st.toks[o].tag, "NN") && !strings.HasPrefix(st.toks[o].tag, "NNP")
}

// verbAbove returns v or its nearest ancestor (within three arcs) tagged
// as a verb, -1 when there is none.
func verbAbove(st *sent, v int) int {
	for k := 0; k < 4 && v >= 0; k++ {
		if strings.HasPrefix(st.toks[v].tag, "VB") {
			return v
		}
		v = st.heads[v]
	}
	return -1
}

// covers reports whether one of refs spans token k.
func covers(refs []actorRef, k int) bool {
	for _, r := range refs {
		if r.m.first <= k && k <= r.m.last {
			return true
		}
	}
	return false
}

// attackNounAt reports whether token s is within an attack named by a
// noun (attackCovers).
func (c *Coder) attackNounAt(ms []*match, s int) bool {
	return slices.ContainsFunc(ms, func(q *match) bool { return c.attackCovers(q, s) })
}

// attackCovers reports whether q is a violent event noun whose match
// holds token s, or ends right before it.
func (c *Coder) attackCovers(q *match, s int) bool {
	return q.noun && c.lex.is(q.code, classViolent) && s >= q.head && s <= q.last+1
}

// actorCase reports whether the first of refs stands after a preposition
// that makes a place an attack's actor ("an attack by Russia", words.tsv
// actorPreps).
func (st *sent) actorCase(refs []actorRef) bool {
	k := refs[0].m.last
	if st.heads != nil && k < len(st.heads) {
		if c := st.child(k, "case"); c >= 0 {
			return st.words.actorPreps[st.toks[c].low]
		}
	}
	j := refs[0].m.first - 1
	for j >= 0 && st.words.determiners[st.toks[j].low] {
		j--
	}
	return j >= 0 && st.words.actorPreps[st.toks[j].low]
}

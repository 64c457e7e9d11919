package events

import "strings"

// naturalCause reports whether the passive verb match m names a natural
// hazard as its cause ("was struck by the typhoon", "were hit by
// drought", "had been damaged by floods"): words.tsv's hazards class
// heading the by-phrase (by the arcs, else within a few words after the
// verb), or a hazard or disease after a cause preposition later in the
// sentence (words.tsv causePreps: "were killed last week during an
// Ebola epidemic"). Nature is not an attacker: no unidentified armed group is
// coded for it.
func naturalCause(st *sent, m *match) bool {
	if st.parsed() {
		for _, k := range st.kids[m.head] {
			if st.rel(k) != "obl" {
				continue
			}
			if cs := st.child(k, "case"); cs >= 0 && st.toks[cs].low == "by" && st.hazard(k) {
				return true
			}
		}
	}
	for y := m.last + 1; y < len(st.toks) && y <= m.last+3; y++ {
		if st.toks[y].low != "by" {
			continue
		}
		for z := y + 1; z < len(st.toks) && z <= y+4 && !isBoundary(st.toks[z]) && !st.words.prepositions[st.toks[z].low]; z++ {
			if st.hazard(z) {
				return true
			}
		}
		return false
	}
	// a cause later in the sentence: "were killed last week during an
	// Ebola epidemic", "died from malaria", "killed in floods"
	for y := m.last + 1; y < len(st.toks); y++ {
		if !st.words.causePreps[st.toks[y].low] {
			continue
		}
		for z := y + 1; z < len(st.toks) && z <= y+3; z++ {
			if st.hazard(z) {
				return true
			}
			if isBoundary(st.toks[z]) {
				break
			}
		}
	}
	return false
}

// hazardSubject reports whether the subject of the active verb of m is
// a natural hazard or a disease (words.tsv hazards): by the arcs, else
// among the four words before the verb ("Floods have killed 20 people",
// "the cholera outbreak has killed"), in its clause.
func hazardSubject(st *sent, m *match) bool {
	if st.parsed() {
		if k := st.child(m.head, "nsubj"); k >= 0 {
			return st.hazard(k)
		}
	}
	for k := m.head - 1; k >= 0 && k >= m.head-4 && !isBoundary(st.toks[k]); k-- {
		if st.hazard(k) {
			return true
		}
	}
	return false
}

// hazard reports whether token k is a natural hazard (words.tsv).
func (st *sent) hazard(k int) bool { return st.wordOf(st.words.hazards, k) }

// animalPatient reports whether the passive verb match m was done to
// animals ("thousands of birds were slaughtered", "poultry was culled"):
// words.tsv's animals class heading its subject (by the arcs, through
// "thousands of", else the word before its auxiliaries). A cull is no
// attack: no unidentified armed group is coded for it.
func animalPatient(st *sent, m *match) bool {
	if st.parsed() {
		if k := st.child(m.head, "nsubj:pass"); k >= 0 {
			if st.animal(k) {
				return true
			}
			for _, x := range st.kids[k] {
				if st.rel(x) == "nmod" && st.animal(x) {
					return true
				}
			}
		}
	}
	k := beforeAux(st, m.head)
	return k >= 0 && st.animal(k)
}

// animalObject reports an active act of force whose object names
// animals ("officers are killing animals", "culled 5,000 chickens").
func animalObject(st *sent, m *match) bool {
	if st.parsed() {
		obj := st.child(m.head, "obj")
		if obj >= 0 && st.animal(st.counted(obj)) {
			return true
		}
		// a shared object of coordinated verbs, which the parse hangs on
		// the last of them ("began culling, gassing and burning
		// hogs", the middle one at times read as an adverbial clause):
		// the head's own object, if any, stands after them
		if (obj < 0 || obj > m.last) && st.sharedAnimal(m.head, 2) {
			return true
		}
		if obj >= 0 {
			return false
		}
	}
	for k := m.last + 1; k < len(st.toks) && k <= m.last+4; k++ {
		if st.animal(k) {
			return true
		}
		if t := st.toks[k]; isBoundary(t) || st.words.prepositions[t.low] {
			return false
		}
	}
	return false
}

// sharedAnimal reports whether a verb coordinated with the one at v
// (a conjunct, or a clause of the same form the parse hangs on it), to
// depth levels, has an object that names animals.
func (st *sent) sharedAnimal(v, depth int) bool {
	if depth == 0 {
		return false
	}
	for _, k := range st.kids[v] {
		r := st.rels[k]
		if !strings.HasPrefix(st.toks[k].tag, "VB") || r != "conj" && !(r == "advcl" && st.toks[k].tag == st.toks[v].tag) {
			continue
		}
		if o := st.child(k, "obj"); o >= 0 && st.animal(st.counted(o)) || st.sharedAnimal(k, depth-1) {
			return true
		}
	}
	return false
}

// animal reports whether token k names animals (words.tsv).
func (st *sent) animal(k int) bool { return st.wordOf(st.words.animals, k) }

// wordOf reports whether token k, or its lemma in a parse, is in the
// words.tsv class set.
func (st *sent) wordOf(set map[string]bool, k int) bool {
	return set[st.toks[k].low] || st.parsed() && set[st.lemmas[k]]
}

package events

// patientPattern reads a parsed passive's patient as the object its
// verb's longer patterns name: "the envoy was expelled" is the pattern
// "expel envoy" (161), as "X expelled the envoy" is, not the bare
// "expel" (166). Of the patterns with the match's head that are longer
// than its own, the longest whose words after the head all stand, in
// order, in the patient's phrase (the phrases of the verb's nsubj:pass
// children: a parse may split one noun phrase in two, "UN/nsubj:pass
// inspectors/nsubj:pass"; for a relative pronoun, the noun its clause
// describes, "a helicopter that was captured") replaces it, if it is of the same class. A
// pattern that asks for words before its verb, or whose head is only a
// noun, is left alone.
func (c *Coder) patientPattern(st *sent, m *match) {
	from, to := len(st.toks), -1
	for _, k := range st.kids[m.head] {
		if st.rels[k] == "nsubj:pass" {
			if relPronoun(st.toks[k].low) && st.rels[m.head] == "acl:relcl" && st.heads[m.head] >= 0 {
				k = st.heads[m.head] // "a helicopter that was captured": the noun the clause describes
				f, _ := st.corePhrase(k)
				from, to = min(from, f), max(to, k)
				continue
			}
			f, t := st.phrase(k)
			from, to = min(from, f), max(to, t)
		}
	}
	if to < 0 || to >= m.head {
		return // a patient after its verb is read by the window as usual
	}
	for _, p := range c.headsAt(st, m.head) { // longest first
		if p == m.p || p.size() <= m.p.size() {
			return
		}
		if p.class != m.p.class || len(p.before) > 0 || p.nounOnly || p.code == "" {
			continue
		}
		if wordsInOrder(st, p, from, to) {
			m.p, m.code = p, p.code
			return
		}
	}
}

// wordsInOrder reports whether the words of p after its head stand, in
// order, among tokens from..to.
func wordsInOrder(st *sent, p *pattern, from, to int) bool {
	k := from
	for w := 1; w < len(p.words); w++ {
		for k <= to && !p.at(w, st.toks[k]) {
			k++
		}
		if k > to {
			return false
		}
		k++
	}
	return true
}

package events

// speakerOwned reads the target of a reported act of force whose object
// is the speaker's own: "Ukraine said Russia shelled its energy
// facilities", "Israel said Hezbollah fired rockets at its northern
// towns". The object (or a phrase with a target preposition) holds a
// possessive pronoun (words.tsv possPronouns) not followed by "own",
// the verb's clause is the complement of a speech verb, and the
// speaker names an actor other than the source: the speaker is the
// target. An act of force, or a violation of what one owns (classes.tsv
// flag owned: "Poland said a Russian missile violated its airspace"),
// against one's own is not what the report says, so the pronoun is
// the speaker's; for other acts ("Russia moved its troops") it is the
// subject's, and nothing changes. Parsed sentences only.
func (c *Coder) speakerOwned(st *sent, m *match, srcs []actorRef) []*mention {
	if !st.parsed() || m.noun || !c.lex.is(m.code, classViolent|classOwned) {
		return nil
	}
	owned := false
	for _, k := range st.kids[m.head] {
		if p, ok := st.argPrep(k); ok && c.targetPrep(st, m, p) {
			if x := st.child(k, "nmod:poss"); x >= 0 && st.words.possPronouns[st.toks[x].low] && (x+1 >= len(st.toks) || st.toks[x+1].low != "own") {
				owned = true
				break
			}
		}
	}
	if !owned {
		return nil
	}
	sp := st.reporter(m.head, true)
	if sp < 0 {
		return nil
	}
	refs, _ := c.arcActors(st, sp)
	var out []*mention
	for _, r := range refs {
		if sameEntity(r.m, srcs) || sameCode(r.m, srcs) {
			return nil
		}
		out = append(out, r.m)
	}
	return out
}

// reporter returns the subject of the speech verb whose complement
// holds the clause of word v ("X said [Y had V-ed]", "X said [Y V-ed
// and ...]"), or -1. With participle, also through the tagger's "X said
// Y attacked/VBN ...", parsed as a participle on the speech verb's
// object.
func (st *sent) reporter(v int, participle bool) int {
	h := v
	for hops := 0; h >= 0 && hops < 4; hops++ {
		switch st.rels[h] {
		case "ccomp", "parataxis":
			if g := st.heads[h]; g >= 0 && st.speech[g] {
				return st.child(g, "nsubj")
			}
			return -1
		case "conj", "xcomp":
			h = st.heads[h]
		case "acl":
			if !participle {
				return -1
			}
			// "X said Y attacked ...", the past tense read as a participle
			// describing the speech verb's object Y
			if n := st.heads[h]; n >= 0 && n < h && st.rels[n] == "obj" && st.heads[n] >= 0 && st.speech[st.heads[n]] {
				return st.child(st.heads[n], "nsubj")
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// sameCode reports whether m's actor code is one of refs' codes.
func sameCode(m *mention, refs []actorRef) bool {
	for _, r := range refs {
		if a, b := m.ent.Code, r.m.ent.Code; a != nil && b != nil && *a == *b {
			return true
		}
	}
	return false
}

package events

import "strings"

// reducedRelative reports whether the event verb at h is a participle that
// describes the noun before it, inside the object of an earlier finite verb
// of the same clause: "Thailand sheltered workers deported from
// Malaysia", "police dispersed farmers gathered in the square". The noun
// is what the participle was done to, not its doer, so it lends no source,
// and a later conjunct ("... and criticised Y") takes the finite verb's
// subject instead. The tagger often reads such a participle
// as a past tense (VBD), so the test is the shape, not the tag: a past form
// right after a noun, followed by a preposition or particle (no object of
// its own), with a finite verb, not one of speech, earlier in the clause.
func (c *Coder) reducedRelative(st *sent, h int) bool { return c.participleHost(st, h) >= 0 }

// participleHost returns the finite verb whose object holds the participle
// at h (see reducedRelative), -1 when h is no such participle.
func (c *Coder) participleHost(st *sent, h int) int {
	t := st.toks[h]
	if t.tag != "VBN" && t.tag != "VBD" || h < 2 || !strings.HasPrefix(st.toks[h-1].tag, "NN") {
		return -1
	}
	if h+1 >= len(st.toks) || st.toks[h+1].tag != "IN" && st.toks[h+1].tag != "RP" {
		return -1
	}
	for j := h - 2; j >= 0; j-- {
		u := st.toks[j]
		if isBoundary(u) || st.words.coordinators[u.low] {
			return -1
		}
		if (u.tag == "VBD" || u.tag == "VBZ" || u.tag == "VBP" || u.tag == "VBN") && !st.words.auxiliaries[u.low] {
			for _, p := range c.lex.heads(u) {
				if p.class == classSpeech {
					return -1
				}
			}
			return j
		}
	}
	return -1
}

// participleModifier reports whether the event verb at h is a present
// participle that describes the noun right before it, inside the object
// of an earlier finite verb of its clause (not one of speech): "Ghana
// condemned the rebels attacking villages", "police dispersed students
// blocking the road". The noun is doing what the participle says, but the
// sentence asserts only the finite verb's act; the participle is no
// event of its own. Read from the words, not the arcs: parsers differ on
// whether such a participle modifies the noun (acl), completes the verb
// (xcomp) or heads a small clause with the noun as its subject.
func (c *Coder) participleModifier(st *sent, h int) bool {
	if st.toks[h].tag != "VBG" || h < 2 {
		return false
	}
	if p := st.toks[h-1].tag; p != "NN" && p != "NNS" {
		return false
	}
	for j := h - 2; j >= 0; j-- {
		u := st.toks[j]
		if isBoundary(u) || st.words.coordinators[u.low] {
			return false
		}
		if (u.tag == "VBD" || u.tag == "VBZ" || u.tag == "VBP" || u.tag == "VBN") && !st.words.auxiliaries[u.low] {
			for _, p := range c.lex.heads(u) {
				if p.class == classSpeech {
					return false
				}
			}
			return true
		}
	}
	return false
}

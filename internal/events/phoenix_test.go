package events

import (
	"strings"
	"testing"
)

// parsedSent builds a parsed sentence from "word/head/rel" triples
// (head 1-based, 0 for the root; the lemma is the lower-case word, or
// the part after "=" as in "prevented=prevent/0/root").
func parsedSent(spec string) *sent {
	st := &sent{words: defaultWords()}
	fs := strings.Fields(spec)
	st.kids = make([][]int, len(fs))
	for _, f := range fs {
		p := strings.Split(f, "/")
		word, lemma, _ := strings.Cut(p[0], "=")
		if lemma == "" {
			lemma = strings.ToLower(word)
		}
		h := headIndex(p[1]) - 1
		st.toks = append(st.toks, tok{text: word, low: strings.ToLower(word)})
		st.lemmas = append(st.lemmas, lemma)
		st.heads = append(st.heads, h)
		st.rels = append(st.rels, p[2])
	}
	for i, h := range st.heads {
		if h >= 0 {
			st.kids[h] = append(st.kids[h], i)
		}
	}
	return st
}

func headIndex(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// The Phoenix fallback takes the nearest pattern: words among the
// verb's dependents and theirs win over words deeper in the clause,
// whatever their order in the dictionary.
func TestPhoenixNearestPattern(t *testing.T) {
	v, err := phoenix.Vocabulary()
	if err != nil {
		t.Fatal(err)
	}
	c := &Coder{}
	for _, tc := range []struct {
		name, spec, lemma, want string
	}{
		// "- * DECISION [014]" comes first in the DELAY block; deeper in
		// the clause it loses to the nearer RALLY, PROTEST, PAYMENT, AID
		{"Europe", "Police/2/nsubj prevented=prevent/0/root a/4/det rally/2/obj called/4/acl to/7/mark protest/5/xcomp the/9/det decision/7/obj", "PREVENT", "1721"},
		{"Africa", "Soldiers/2/nsubj prevented=prevent/0/root the/4/det protest/2/obj that/7/nsubj was/7/aux planned/4/acl:relcl after/10/case the/10/det decision/7/obl", "PREVENT", "1721"},
		{"Asia", "Nepal/2/nsubj postponed=postpone/0/root the/4/det payment/2/obj that/7/nsubj was/7/aux agreed/4/acl:relcl after/10/case the/10/det decision/7/obl", "POSTPONE", "071"},
		{"Americas", "Chile/2/nsubj delayed=delay/0/root aid/2/obj that/6/nsubj was/6/aux promised/3/acl:relcl before/9/case the/9/det decision/6/obl", "DELAY", "162"},
		// words only deep in the clause still count when nothing is near
		{"Middle East", "Jordan/2/nsubj delayed=delay/0/root work/2/obj that/6/nsubj was/6/aux needed/3/acl:relcl for/9/case the/9/det summit/6/obl", "DELAY", "160"},
	} {
		st := parsedSent(tc.spec)
		if got := c.phoenixCode(st, v.Verbs, 1, tc.lemma); got != tc.want {
			t.Errorf("%s: %q: code %q, want %q", tc.name, tc.spec, got, tc.want)
		}
	}
}

package events

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// The Phoenix verb dictionary (CAMEO.2.0, compiled by internal/petrarch)
// is the fallback vocabulary of the coder over the parse: a verb that no
// line of verbs.txt heads is looked up by its lemma, and the first of its
// patterns whose words and prepositions stand among the verb's
// dependents gives the code, nearest first: words among the dependents
// and theirs before words deeper in the clause (a block's patterns are
// listed by code, not by verb, so "prevented the rally ... over the
// decision" must read RALLY, not DECISION). sitrep's own lexicon stays on top: a
// lemma it lists (as an event, a speech verb or a frame) is never
// re-read from Phoenix.

// fallbackRel are the relations of a verb that heads a clause of its
// own; participles modifying a noun ("the coast facing X") and
// auxiliaries are not read from Phoenix.
var fallbackRel = map[string]bool{
	"root": true, "conj": true, "ccomp": true, "xcomp": true, "advcl": true, "parataxis": true, "acl:relcl": true,
}

// phoenixMatches adds matches for the parsed sentence's verbs that
// verbs.txt does not cover.
func (c *Coder) phoenixMatches(st *sent, ms []*match) []*match {
	if c.verbs == nil || !st.parsed() {
		return ms
	}
	var vt *petrarch.VerbTable
	for i, t := range st.toks {
		if st.used[i] || !strings.HasPrefix(t.tag, "VB") || len(t.ments) > 0 || !fallbackRel[st.rels[i]] {
			continue
		}
		lemma := st.lemmas[i]
		if lemma == "" || c.lex.isHead(t) || len(c.lex.headed(lemma)) > 0 {
			continue
		}
		if vt == nil {
			if vt = c.verbs(); vt == nil {
				return ms
			}
		}
		code := c.phoenixCode(st, vt, i, strings.ToUpper(lemma))
		if code == "" {
			continue
		}
		if _, ok := c.lex.cameo[code]; !ok {
			continue
		}
		p := &pattern{code: code, words: [][]string{{lemma}}, alts: []map[string]bool{{lemma: true, t.low: true}}, text: lemma, needTarget: true, fallback: true}
		st.used[i], st.verb[i] = true, true
		ms = append(ms, &match{p: p, head: i, last: i, subjAt: -1, code: code})
	}
	return ms
}

// phoenixCode is the code of the verb at token i: its most specific
// pattern whose elements are all found among its dependents, else the
// verb's own code; "" for none or "no event".
func (c *Coder) phoenixCode(st *sent, vt *petrarch.VerbTable, i int, lemma string) string {
	for _, e := range vt.ByLemma(lemma) {
		if len(e.Phrase) != 1 && !c.particles(st, i, e) {
			continue
		}
		code := e.Code
		// the nearest pattern: its words among the verb's dependents and
		// theirs ("prevented the rally") before words deeper in the
		// clause ("the rally ... to protest the decision")
	near:
		for _, depth := range [...]int{nearDepth, deepDepth} {
			for _, p := range e.Patterns {
				if len(p.Before) > 0 || len(p.After) == 0 {
					continue
				}
				if c.elemsFound(st, vt, i, p.After, depth) {
					code = p.Code
					break near
				}
			}
		}
		if code == "" || strings.Contains(code, "-") || strings.Contains(code, ":") {
			return ""
		}
		return code
	}
	return ""
}

// How deep under a verb the words of its Phoenix patterns are looked
// for: first among its dependents and theirs, then down the subtrees of
// its objects and obliques.
const (
	nearDepth = 1
	deepDepth = 3
)

// particles reports whether the other words of a multi-word verb
// ("CORDON OFF") stand among the verb's dependents.
func (c *Coder) particles(st *sent, i int, e *petrarch.VerbEntry) bool {
	for k, w := range e.Phrase {
		if k == e.Head {
			continue
		}
		if !st.depHas(i, w, 0) {
			return false
		}
	}
	return true
}

// elemsFound reports whether every word, synset and preposition of es
// appears among the dependents of token i, words down to depth.
func (c *Coder) elemsFound(st *sent, vt *petrarch.VerbTable, i int, es []petrarch.Elem, depth int) bool {
	n := 0
	for _, e := range es {
		switch e.Kind {
		case petrarch.ElemWords:
			alts := e.Alts
			if len(alts) == 0 && len(e.Words) > 0 {
				alts = []string{e.Words[len(e.Words)-1]}
			}
			if !st.anyDep(i, alts, depth) {
				return false
			}
			n++
		case petrarch.ElemSynset:
			ok := false
			for _, ph := range vt.Synset(e.Synset) {
				if len(ph) > 0 && st.depHas(i, ph[len(ph)-1], depth) {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
			n++
		case petrarch.ElemPrep:
			if !st.prepObj(i, e.Prep) {
				return false
			}
			n++
		}
	}
	return n > 0
}

func (st *sent) anyDep(i int, alts []string, depth int) bool {
	for _, a := range alts {
		if st.depHas(i, a, depth) {
			return true
		}
	}
	return false
}

// depHas reports whether a word (form or lemma, in any case: the
// dictionaries write it in capitals) is a dependent of token
// i, or down to maxDepth more levels, in the subtrees of its objects and
// obliques.
func (st *sent) depHas(i int, w string, maxDepth int) bool {
	var walk func(k, depth int) bool
	walk = func(k, depth int) bool {
		for _, d := range st.kids[k] {
			r := st.rel(d)
			if depth == 0 && (r == "nsubj" || r == "csubj" || r == "punct" || r == "conj" || r == "parataxis" || r == "advcl") {
				continue
			}
			if strings.EqualFold(st.toks[d].low, w) || strings.EqualFold(st.lemmas[d], w) {
				return true
			}
			if depth < maxDepth && walk(d, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(i, 0)
}

// prepObj reports an oblique or object of token i introduced by prep.
func (st *sent) prepObj(i int, prep string) bool {
	for _, d := range st.kids[i] {
		if r := st.rel(d); r != "obl" && r != "nmod" && r != "obj" {
			continue
		}
		for _, k := range st.kids[d] {
			if st.rels[k] == "case" && strings.EqualFold(st.toks[k].low, prep) {
				return true
			}
		}
	}
	return false
}

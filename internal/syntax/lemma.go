package syntax

import (
	"slices"
	"strings"
)

// lemmatizer maps (form, XPOS) to a lemma with what the treebank teaches:
// an exceptions table of the training words its suffix rules get wrong
// ("went"/VBD → "go", "n't"/RB → "not"), and suffix rules ("-ies"/NNS →
// "-y") chosen by the longest word ending seen with that tag. No word
// lists are written by hand.
type lemmatizer struct {
	strs  []string // lemma and suffix strings
	exc   *u64map  // hash(lower form, xpos) → index into strs
	rules *u64map  // hash(xpos, ending) → strip<<32 | index of the added suffix
	known *u64map  // hash(lower lemma) → 1, every lemma of the treebank
	keep  []bool   // per XPOS: lemma keeps the form's case (proper nouns)
	// past, per XPOS class: for the verb tags (VB, VBP, VBD, VBN), the
	// classes of the two past forms (VBD, VBN) other than its own, else
	// -1; nil when not set (see setPast)
	past [][2]int
}

// setPast fills lz.past from the tagger's XPOS list (xpos, and xcls:
// each class's first class of the same XPOS). An irregular past form
// is in the exceptions table under the tags the treebank gave it,
// not always under both past tags ("shot" under VBN only), and the
// tagger reads some as present or base forms after a plural subject
// ("troops shot/VBP two men"). Where a verb's own tag has no exception
// and its rules leave the form as it is, the lemma is the past forms'
// ("shoot"), VBD's first.
func (lz *lemmatizer) setPast(xpos []string, xcls []int) {
	class := func(tag string) int {
		if i := slices.Index(xpos, tag); i >= 0 {
			return xcls[i]
		}
		return -1
	}
	vbd, vbn := class("VBD"), class("VBN")
	lz.past = make([][2]int, len(xpos))
	for i, x := range xpos {
		switch x {
		case "VB", "VBP":
			lz.past[i] = [2]int{vbd, vbn}
		case "VBD":
			lz.past[i] = [2]int{vbn, -1}
		case "VBN":
			lz.past[i] = [2]int{vbd, -1}
		default:
			lz.past[i] = [2]int{-1, -1}
		}
	}
}

// maxEnding is the longest word ending a rule is keyed on.
const maxEnding = 6

func lemmaKey(lower uint64, x int) uint64 { return feat2(1, lower, uint64(x)) }
func ruleKey(ending string, x int) uint64 { return feat2(2, hashString(ending), uint64(x)) }
func commonPrefix(a, b string) (n int) {
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

type rule struct {
	strip int
	add   string
}

// lemmaRule is the rule turning lf into ll.
func lemmaRule(lf, ll string) rule {
	p := commonPrefix(lf, ll)
	return rule{strip: len(lf) - p, add: ll[p:]}
}

func trainLemmatizer(ss []Sentence, xpos []string) *lemmatizer {
	xi := map[string]int{}
	for i, x := range xpos {
		if _, ok := xi[x]; !ok {
			xi[x] = i
		}
	}
	// The XPOS index is the first class with that XPOS, so the tables
	// do not depend on the UPOS half of the pair.
	type wk struct {
		lf string
		x  int
	}
	lemmas := map[wk]map[string]int{}
	keepVotes := map[int][2]int{}
	ruleCounts := map[string]map[rule]int{} // "x\tending" → rule → count
	for _, s := range ss {
		for _, w := range s.Words {
			x := xi[w.XPOS]
			lf := lower(w.Form)
			v := keepVotes[x]
			if w.Form != lf {
				if w.Lemma == lower(w.Lemma) {
					v[0]++
				} else {
					v[1]++
				}
				keepVotes[x] = v
			}
			k := wk{lf, x}
			if lemmas[k] == nil {
				lemmas[k] = map[string]int{}
			}
			lemmas[k][lower(w.Lemma)]++
		}
	}
	for k, m := range lemmas {
		ll := majority(m)
		r := lemmaRule(k.lf, ll)
		for c := r.strip; c <= min(len(k.lf), r.strip+3, maxEnding); c++ {
			key := xpos[k.x] + "\t" + k.lf[len(k.lf)-c:]
			if ruleCounts[key] == nil {
				ruleCounts[key] = map[rule]int{}
			}
			ruleCounts[key][r]++
		}
	}
	lz := &lemmatizer{keep: make([]bool, len(xpos))}
	var known []uint64
	for _, m := range lemmas {
		for l := range m {
			known = append(known, hashString(l))
		}
	}
	slices.Sort(known)
	known = slices.Compact(known)
	lz.known = newU64map(known, make([]uint64, len(known)))
	for x, v := range keepVotes {
		lz.keep[x] = v[1] > v[0]
	}
	strIdx := map[string]int{}
	intern := func(s string) uint64 {
		if i, ok := strIdx[s]; ok {
			return uint64(i)
		}
		strIdx[s] = len(lz.strs)
		lz.strs = append(lz.strs, s)
		return uint64(len(lz.strs) - 1)
	}
	ruleKeys := make([]string, 0, len(ruleCounts))
	for k := range ruleCounts {
		ruleKeys = append(ruleKeys, k)
	}
	slices.Sort(ruleKeys)
	var rk, rv []uint64
	learnt := map[string]rule{}
	for _, k := range ruleKeys {
		m := ruleCounts[k]
		best, bn := rule{}, -1
		for r, n := range m {
			if n > bn || n == bn && (r.strip < best.strip || r.strip == best.strip && r.add < best.add) {
				best, bn = r, n
			}
		}
		if bn < 2 {
			continue // one word is an exception, not a rule
		}
		x, ending, _ := strings.Cut(k, "\t")
		learnt[k] = best
		rk = append(rk, ruleKey(ending, xi[x]))
		rv = append(rv, uint64(best.strip)<<32|intern(best.add))
	}
	lz.rules = newU64map(rk, rv)
	keys := make([]wk, 0, len(lemmas))
	for k := range lemmas {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b wk) int {
		if c := strings.Compare(a.lf, b.lf); c != 0 {
			return c
		}
		return a.x - b.x
	})
	var ek, ev []uint64
	for _, k := range keys {
		ll := majority(lemmas[k])
		// a past tense written as its lemma ("hit", "cut", "shut") is
		// kept too, though the rules read it: pastTense knows it so
		if lz.byRule(k.lf, k.x) != ll || xpos[k.x] == "VBD" && ll == k.lf {
			ek = append(ek, lemmaKey(hashString(k.lf), k.x))
			ev = append(ev, intern(ll))
		}
	}
	lz.exc = newU64map(ek, ev)
	return lz
}

func majority(m map[string]int) string {
	best, bn := "", -1
	for s, n := range m {
		if n > bn || n == bn && s < best {
			best, bn = s, n
		}
	}
	return best
}

// byRule applies the rule of the longest known ending of lf (lower
// case) whose result is a lemma the treebank has; when no rule gives
// one, the rule of the longest ending; with no rule, the lemma is the
// form. The known-lemma test keeps a rule learnt from a few doubled
// consonants ("travelled" → "travel", "robbed" → "rob") off words that
// only look alike ("shelled" → "shell", "bombed" → "bomb").
func (lz *lemmatizer) byRule(lf string, x int) string {
	first := uint64(0)
	found := false
	for c := min(len(lf), maxEnding); c >= 0; c-- {
		v, ok := lz.rules.get(ruleKey(lf[len(lf)-c:], x))
		if !ok {
			continue
		}
		strip := int(v >> 32)
		if strip > len(lf) {
			continue
		}
		if _, ok := lz.known.get(hashJoin(lf[:len(lf)-strip], lz.strs[uint32(v)])); ok {
			return lz.apply(lf, v)
		}
		if !found {
			first, found = v, true
		}
	}
	if found {
		return lz.apply(lf, first)
	}
	return lf
}

// apply returns lf with the rule v (strip<<32 | added string) applied.
func (lz *lemmatizer) apply(lf string, v uint64) string {
	return lf[:len(lf)-int(v>>32)] + lz.strs[uint32(v)]
}

// hashJoin is hashString(a + b) without building the string.
func hashJoin(a, b string) uint64 {
	h := uint64(fnvOffset)
	for _, s := range [2]string{a, b} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= fnvPrime
		}
	}
	return h
}

// lemma returns the lemma of form with XPOS class x (an index of the
// tagger's XPOS list, first class of that tag).
func (lz *lemmatizer) lemma(form string, x int) string {
	lf := form
	if hasUpper(form) {
		lf = lower(form)
	}
	if v, ok := lz.exc.get(lemmaKey(hashString(lf), x)); ok {
		l := lz.strs[v]
		if x < len(lz.keep) && lz.keep[x] && strings.EqualFold(l, form) {
			return form
		}
		return l
	}
	if x < len(lz.past) && lz.past[x][0] >= 0 && lz.past[x][1] < 0 {
		// a past tag (VBD, VBN): "withdrew", "underwent"
		if l, ok := lz.compoundPast(lf, x, lz.past[x][0]); ok {
			return l
		}
	}
	l := lz.byRule(lf, x)
	if l == lf && x < len(lz.past) {
		// a past form under another past tag ("shot"/VBD as "shot"/VBN)
		for _, y := range lz.past[x] {
			if y < 0 {
				continue
			}
			if v, ok := lz.exc.get(lemmaKey(hashString(lf), y)); ok {
				return lz.strs[v]
			}
		}
	}
	if x < len(lz.keep) && lz.keep[x] && len(l) <= len(form) && l == lf[:len(l)] {
		return form[:len(l)] // same letters, the form's case
	}
	return l
}

// lower lower-cases s (Unicode), as the tables were built.
func lower(s string) string { return strings.ToLower(s) }

// hasUpper reports whether lower might change s (any upper-case ASCII or
// any non-ASCII byte), so the common case allocates nothing.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' || s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// pastTense reports whether form can be a verb's past tense: a regular
// one ("shelled": "-ed", which the rules read as another word), or an
// irregular form the treebank gives under the past tense class vbd, or
// under the participle class vbn unless it ends in "n" as only
// participles do ("shot", not "stolen" or "shown"), or one its rules
// read as a lemma it knows ("threw"), or a prefix and such a form
// ("withdrew", compoundPast).
func (lz *lemmatizer) pastTense(form string, vbd, vbn int) bool {
	lf := form
	if hasUpper(form) {
		lf = lower(form)
	}
	h := hashString(lf)
	if _, ok := lz.exc.get(lemmaKey(h, vbd)); ok {
		return true
	}
	if _, ok := lz.exc.get(lemmaKey(h, vbn)); ok {
		return !strings.HasSuffix(lf, "n")
	}
	if _, known := lz.known.get(h); !known && lz.irregularPast(lf, vbd) {
		return true // a past form the rules read ("threw" → "throw"; not "cold")
	}
	if _, ok := lz.compoundPast(lf, vbd, -1); ok {
		return true
	}
	if l, ok := lz.compoundPast(lf, vbn, -1); ok {
		return !strings.HasSuffix(l, "n") && !strings.HasSuffix(lf, "n")
	}
	return strings.HasSuffix(lf, "ed") && lz.byRule(lf, vbd) != lf
}

// compoundPast reads an irregular past form the treebank does not have
// as a prefix of two letters or more and one it has, of four letters
// or more, under the class a or b (-1 for none): "withdrew" is
// "with" + "drew", lemma "withdraw"; "underwent" is "undergo". A word
// the treebank has as a lemma ("present", "veteran"), a regular form
// in "-ed" and a word with a non-letter are not read so.
func (lz *lemmatizer) compoundPast(lf string, a, b int) (string, bool) {
	if len(lf) < 6 || strings.HasSuffix(lf, "ed") || lz.exc == nil || lz.known == nil {
		return "", false
	}
	for i := 0; i < len(lf); i++ {
		if lf[i] < 'a' || lf[i] > 'z' {
			return "", false
		}
	}
	if _, ok := lz.known.get(hashString(lf)); ok {
		return "", false
	}
	for k := 2; k <= len(lf)-4; k++ {
		h := hashString(lf[k:])
		for _, x := range [2]int{a, b} {
			if x < 0 {
				continue
			}
			if v, ok := lz.exc.get(lemmaKey(h, x)); ok {
				return lf[:k] + lz.strs[v], true
			}
			if lz.irregularPast(lf[k:], x) {
				return lf[:k] + lz.byRule(lf[k:], x), true
			}
		}
	}
	return "", false
}

// irregularPast reports whether the rules of class x read lf, of four
// letters or more and not in "-ed", as another word that is a lemma of
// the treebank: an irregular past form the rules cover ("threw" →
// "throw", "drew" → "draw").
func (lz *lemmatizer) irregularPast(lf string, x int) bool {
	if len(lf) < 4 || strings.HasSuffix(lf, "ed") || strings.HasSuffix(lf, "s") {
		return false
	}
	l := lz.byRule(lf, x)
	if l == lf {
		return false
	}
	_, ok := lz.known.get(hashString(l))
	return ok
}

// presentTense reports whether form can be a verb's present tense in
// -s under the class vbz: the rules read it as another word ("plans" →
// "plan", "vows" → "vow").
func (lz *lemmatizer) presentTense(form string, vbz int) bool {
	lf := form
	if hasUpper(form) {
		lf = lower(form)
	}
	return strings.HasSuffix(lf, "s") && lz.lemma(lf, vbz) != lf
}

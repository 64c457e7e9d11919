package events

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// coded is an event before ids and groups are numbered.
type coded struct {
	ev    model.Event
	group int
}

// findMatches finds verb-pattern hits left to right, longest first.
func (c *Coder) findMatches(st *sent) []*match {
	var out []*match
	var sb *wordBits // with dictionaries: the sentence's words (see mayMatch)
	if c.lex.dict != nil {
		sb = c.dictSent(st).bits
	}
	for i := 0; i < len(st.toks); i++ {
		if st.used[i] {
			continue
		}
		cands := c.headsAt(st, i)
		for _, p := range cands {
			if p.class == classDemand {
				continue // read from the arcs only (see demands)
			}
			if p.need != nil && !p.mayMatch(sb) {
				continue // a word after the verb is not in the sentence
			}
			last, ok := c.matchRest(st, p, i)
			if !ok {
				continue
			}
			firstBefore := i
			if len(p.before) > 0 {
				if firstBefore = c.beforeAt(st, p, i); firstBefore < 0 {
					continue
				}
			}
			noun, verb := c.usage(st, i, p)
			if !noun && !verb {
				continue
			}
			m := &match{p: p, head: i, last: last, noun: noun && !verb, subjAt: -1, code: p.code, first: firstBefore}
			st.speech[i] = p.class == classSpeech && !m.noun
			for j := i; j <= last; j++ {
				if j == i || inWords(p, st.toks[j]) {
					st.used[j] = true
					st.verb[j] = !m.noun
				} else if len(st.toks[j].ments) == 0 {
					st.used[j] = true // a gap word ("agreed to hold talks") is not a new match
				}
			}
			out = append(out, m)
			break
		}
	}
	return out
}

// modifierMention reports whether token k ends a possessive or
// adjectival mention ("Russia's", "Chinese"), which makes the next word a
// noun rather than a verb.
func modifierMention(st *sent, k int) bool {
	for _, mi := range st.toks[k].ments {
		m := st.ments[mi]
		if m.last == k && (m.poss || m.adj) {
			return true
		}
		// "against Houthi targets": a name after a preposition is not a
		// subject. (Nor, so, is "fighters in Gaza attacked": letting a
		// finite-verb tag through coded "targets" and "after Russia
		// invaded Ukraine, Poland ..." wrongly; left for a parser.)
		if m.last == k && m.first > 0 && st.words.prepositions[st.toks[m.first-1].low] && st.toks[m.first-1].low != "of" {
			return true
		}
	}
	return false
}

// subjectBefore reports whether token i follows a whole actor mention
// that is not itself an object or a modifier (no verb, preposition or
// determiner right before it): "the group denies", not "the Hamas
// attacks" or "condemned Hamas attacks".
func subjectBefore(st *sent, i int) bool {
	if i == 0 {
		return false
	}
	for _, mi := range st.toks[i-1].ments {
		m := st.ments[mi]
		if m.last != i-1 || m.poss || m.adj || m.ent.Type == model.TypeEquipment {
			continue
		}
		if m.first == 0 {
			return true
		}
		b := st.toks[m.first-1]
		return !st.words.prepositions[b.low] && !st.words.determiners[b.low] && !st.verb[m.first-1] && !strings.HasPrefix(b.tag, "VB")
	}
	return false
}

// clauseSubjectBefore reports whether token i follows a whole actor
// mention that opens its sentence or clause (after a comma or a clause
// word): "X departs from", not "an anti-X parade on".
func clauseSubjectBefore(st *sent, i int) bool {
	if !subjectBefore(st, i) {
		return false
	}
	for _, mi := range st.toks[i-1].ments {
		if m := st.ments[mi]; m.last == i-1 {
			return m.first == 0 || st.toks[m.first-1].low == "," || st.words.clauseWords[st.toks[m.first-1].low]
		}
	}
	return false
}

// afterAdverbs returns the start of the adverbs right before token i
// (i itself when there are none).
func afterAdverbs(st *sent, i int) int {
	for i > 0 && strings.HasPrefix(st.toks[i-1].tag, "RB") && len(st.toks[i-1].ments) == 0 {
		i--
	}
	return i
}

// clauseEndAfter reports whether token i ends its clause or is followed
// by the start of an object ("denies.", "denies the report", "denies that").
func clauseEndAfter(st *sent, i int) bool {
	if i+1 >= len(st.toks) {
		return true
	}
	n := st.toks[i+1]
	return isBoundary(n) || st.words.determiners[n.low] || len(n.ments) > 0
}

// inWords reports whether token t is one of the pattern's words.
func inWords(p *pattern, t tok) bool {
	for w := range p.alts {
		if p.at(w, t) {
			return true
		}
	}
	return false
}

// dictionaryGap is how many words may stand between two words of a
// dictionary pattern: TABARI's patterns allow any words of the clause
// between words not joined by "_".
const dictionaryGap = 12

// maxGap is the gap allowed between two words of p.
func (c *Coder) maxGap(p *pattern) int {
	if p.dictionary {
		return max(c.opts.MaxGap, dictionaryGap)
	}
	return c.opts.MaxGap
}

// matchBefore matches the words a dictionary pattern asks for before
// its verb ("- NOT EVER * OVER EFFORTS"), nearest last, each within
// MaxGap words of the next and inside the clause.
func (c *Coder) matchBefore(st *sent, p *pattern, i int) bool { return c.beforeAt(st, p, i) >= 0 }

// beforeAt is matchBefore's first matched word, -1 when they do not match.
func (c *Coder) beforeAt(st *sent, p *pattern, i int) int {
	pos := i
	for w := len(p.before) - 1; w >= 0; w-- {
		found := -1
		gap := 0
		for k := pos - 1; k >= 0 && gap <= c.maxGap(p); k-- {
			t := st.toks[k]
			if p.before[w][t.lemma] || p.before[w][t.low] {
				found = k
				break
			}
			if p.beforeAdj != nil && p.beforeAdj[w] {
				break // "RECENTLY_*": nothing between
			}
			if isBoundary(t) && !(p.dictionary && t.low == "that") {
				break
			}
			gap++
		}
		if found < 0 {
			return -1
		}
		pos = found
	}
	return pos
}

// matchRest matches the pattern's words after the head.
func (c *Coder) matchRest(st *sent, p *pattern, i int) (int, bool) {
	pos := i
	for w := 1; w < len(p.words); w++ {
		if p.alts[w][placeWord] {
			// a place as the object stands right after the verb, or after
			// "the" ("seized the Donbas"): "captured two suspects in Lagos"
			// is no taking of Lagos
			k := pos + 1
			if k < len(st.toks) && st.toks[k].low == "the" {
				k++
			}
			if k >= len(st.toks) || !p.at(w, st.toks[k]) {
				return 0, false
			}
			for k+1 < len(st.toks) && st.toks[k+1].place && len(st.toks[k+1].ments) > 0 && st.toks[k+1].ments[0] == st.toks[k].ments[0] {
				k++ // the rest of the name ("New Delhi")
			}
			if n := k + 1; n < len(st.toks) && strings.HasPrefix(st.toks[n].tag, "NN") && len(st.toks[n].ments) == 0 &&
				st.toks[n].inTime == 0 && !st.words.placeNouns[st.toks[n].low] {
				return 0, false // a modifier: "withdrew from the Paris climate agreement" ("Bakhmut city" is the place)
			}
			pos = k
			continue
		}
		if p.adj != nil && p.adj[w] {
			if pos+1 >= len(st.toks) || !p.at(w, st.toks[pos+1]) {
				return 0, false
			}
			pos++
			continue
		}
		found := -1
		gap := 0 // words passed; an amount ("25,000 tons of") counts for none
		particle := !p.dictionary && st.particles(p.words[w])
		for k := pos + 1; k < len(st.toks) && gap <= c.maxGap(p); k++ {
			t := st.toks[k]
			if p.at(w, t) {
				if p.nounOnly && strings.HasPrefix(t.tag, "VB") {
					// a compound noun's words are nouns: "drone struck"
					// is no "drone strike"
					break
				}
				found = k
				break
			}
			if !inAmount(st, k) {
				gap++
			}
			if p.nounOnly {
				break // compound nouns are contiguous: "missile attack", "phone call"
			}
			if t.quote {
				continue
			}
			if p.dictionary && t.low == "that" && !st.used[k] {
				continue // TABARI reads on into a "that" clause ("allowed that X is a pleasant place")
			}
			if isBoundary(t) || st.used[k] {
				break
			}
			// particles must be adjacent to the verb, but for adverbs and
			// a time ("threatened on Monday to break relations")
			if particle {
				if adverbialPP(st, k) {
					k++ // "agreed in principle to": the phrase stands as an adverb
					gap++
					continue
				}
				if !(strings.HasSuffix(t.low, "ly") || t.tag == "RB" || t.inTime > 0 || st.words.prepositions[t.low] && k+1 < len(st.toks) && st.toks[k+1].inTime > 0) {
					break
				}
			}
		}
		if found < 0 {
			return 0, false
		}
		pos = found
	}
	return pos, true
}

// particles reports whether every alternative of a pattern word is a
// preposition or a particle (words.tsv: "on|upon", "up"): such a word must follow
// the word before it, but for adverbs and a time ("agreed new sanctions
// on Iran" is no "agree on").
func (st *sent) particles(alts []string) bool {
	for _, a := range alts {
		if !st.words.prepositions[a] && !st.words.particles[a] {
			return false
		}
	}
	return len(alts) > 0
}

// inAmount reports whether token k belongs to an amount: a number, the
// unit or number word right after one, and the "of" after those
// ("about 4,000 tonnes of maize", "12 million euros of aid").
func inAmount(st *sent, k int) bool {
	t := st.toks[k]
	if t.tag == "CD" || amountUnit(st, k) {
		return true
	}
	return t.low == "of" && k > 0 && (st.toks[k-1].tag == "CD" || amountUnit(st, k-1))
}

// amountUnit reports whether token j is a noun right after a number
// ("tons" in "25,000 tons").
func amountUnit(st *sent, j int) bool {
	t := st.toks[j]
	return j > 0 && strings.HasPrefix(t.tag, "NN") && len(t.ments) == 0 && st.toks[j-1].tag == "CD"
}

// isBoundary reports whether t ends a phrase: punctuation, a quotation
// mark or a clause word.
func isBoundary(t tok) bool { return t.bound }

func (st *sent) boundary(t tok) bool {
	switch t.low {
	case ",", ".", ";", ":", "?", "!", "(", ")", "—", "–", "-":
		return true
	}
	return t.quote || st.words.clauseWords[t.low]
}

// usage decides whether the head token is used as a verb or a noun here.
func (c *Coder) usage(st *sent, i int, p *pattern) (noun, verb bool) {
	t := st.toks[i]
	if len(t.ments) > 0 {
		return false, false // part of a name ("Kim Il Sung Square", "Reuters")
	}
	prev := ""
	prevTag := ""
	if i > 0 {
		prev = st.toks[i-1].low
		prevTag = st.toks[i-1].tag
	}
	nounCtx := st.words.determiners[prev] || st.words.hedgeAdj[prev] || st.words.futureAdj[prev] || strings.HasPrefix(prevTag, "JJ") ||
		(i > 0 && modifierMention(st, i-1)) || prevTag == "POS" || prevTag == "PRP$" ||
		// untagged "by phone", "in talks": a preposition's object is a noun
		// (gerunds excepted: "of massing troops")
		t.tag == "" && prev != "to" && st.words.prepositions[prev] && !strings.HasSuffix(t.low, "ing")
	if st.parsed() && !p.nounOnly && clauseHead(st, i) {
		// the parse says the word heads a clause: a verb, whatever the
		// words before it look like ("rebels in Mali agreed")
		return false, true
	}
	verbCtx := prev == "to" || st.words.futureWords[prev] || st.words.possibleMod[prev] || st.words.negWords[prev] || st.words.auxiliaries[prev] ||
		prevTag == "MD" || prevTag == "RB" && !strings.HasPrefix(t.tag, "NN")
	// capitalised words mid-sentence are names, not verbs
	if i > 0 && t.text != "" && t.text[0] >= 'A' && t.text[0] <= 'Z' && !strings.HasPrefix(t.tag, "VB") {
		if t.tag != "" || i > 0 {
			return false, false
		}
	}
	// untagged "sanctions monitors", "attack helicopters": a noun compound
	if t.tag == "" && len(p.words) == 1 && i+1 < len(st.toks) && st.words.roleHeads[st.toks[i+1].low] && !strings.HasSuffix(t.low, "ed") {
		return p.noun, false
	}
	if a := afterAdverbs(st, i); strings.HasPrefix(t.tag, "NNS") && subjectBefore(st, a) && (a < i || clauseEndAfter(st, i)) {
		// "a charge the group denies.", "Turkey regularly bombs ...":
		// taggers read a bare third-person verb after its subject as a
		// plural noun; after the subject's adverbs no noun can stand
		verbCtx = true
	}
	if p.dictionary && (strings.HasPrefix(t.tag, "NN") || t.tag == "JJ" || t.tag == "VBN") && clauseSubjectBefore(st, i) && i+1 < len(st.toks) {
		// "X departs from Y", "X act on a resolution", "X abandoned/JJ
		// efforts": right after its clause's actor, a dictionary verb
		// followed by its preposition or its object is the verb
		if n := st.toks[i+1]; st.words.prepositions[n.low] || st.words.determiners[n.low] || n.tag == "NNS" || n.tag == "NN" {
			verbCtx = true
		}
	}
	switch {
	case strings.HasPrefix(t.tag, "VB"):
		verb = !nounCtx || verbCtx
		noun = !verb
	case strings.HasPrefix(t.tag, "NN"):
		verb = verbCtx && prev != "'s" && !st.words.determiners[prev]
		noun = !verb
	case t.tag == "":
		noun = nounCtx && !verbCtx
		verb = !noun
	case t.tag == "JJ" || t.tag == "VBN":
		verb = verbCtx
	case prevTag == "MD" || prev == "to":
		// "will abandon/RB": after a modal or "to" a pattern's head is its verb
		// whatever the tagger said
		verb = true
	}
	// a verb with its object matched ("activate missile systems") is a verb
	// even when the tagger said noun
	if !verb && !nounCtx && !p.nounOnly && len(p.words) > 1 && !st.words.prepositions[p.words[1][0]] && (t.tag == "" || strings.HasPrefix(t.tag, "NN") || strings.HasPrefix(t.tag, "JJ")) {
		verb, noun = true, false
	}
	if p.nounOnly {
		verb = false
		noun = noun || t.tag == "" || strings.HasPrefix(t.tag, "NN") || strings.HasPrefix(t.tag, "JJ")
	} else if !p.noun {
		noun = false
	}
	// a gerund used as a noun ("the killing of") stays a noun only if listed
	return noun, verb
}

// np is a noun phrase found as a subject or object.
type np struct {
	from, to int // token range
	actors   []*mention
}

// resolveNP picks the actors an NP stands for: its head mention and those
// coordinated with it; a role head's "of/in/at" phrase; else a possessor
// or demonym.
func resolveNP(st *sent, from, to int) []*mention {
	// callers pass ranges computed by walking left and right of a verb;
	// clamp them so that no walk below can leave the sentence
	from, to = max(from, 0), min(to, len(st.toks)-1)
	if from > to {
		return nil
	}
	// the head: last word token
	head := to
	for head > from && !isWordTok(st.toks[head]) {
		head--
	}
	if head > from && st.words.placeNouns[st.toks[head].low] && len(st.toks[head].ments) == 0 &&
		len(st.toks[head-1].ments) > 0 && st.ments[st.toks[head-1].ments[0]].ent.Type == model.TypePlace {
		head-- // "Kano State", "Zamfara state": the place's name is the head
	}
	// "Russia's invasion of Ukraine", "the cost of the war": the head noun
	// stands before the preposition; a place after it is not the actor
	// (a person or organisation after a title is: "Secretary of State X")
	if len(st.toks[head].ments) > 0 && st.ments[st.toks[head].ments[0]].ent.Type == model.TypePlace {
		for j := from + 1; j < head; j++ {
			l := st.toks[j].low
			if st.words.placePreps[l] && len(st.toks[j].ments) == 0 {
				h := st.toks[j-1]
				if len(h.ments) == 0 && !st.words.roleHeads[h.low] && !st.words.placeNouns[h.low] {
					return nil
				}
				if ty := mentionType(st, h); (ty == model.TypeOrg || ty == model.TypePerson) && !hasCoord(st, j+1, head) &&
					(l == "of" || l == "from" || sameCountry(&st.ments[h.ments[0]], []*mention{&st.ments[st.toks[head].ments[0]]})) {
					// "lawmakers from Romania", "the army of Chad": the body
					// the place owns is the actor, and "police in Nairobi" a
					// body of the place's country ("ethnic Albanians in
					// Serbia" are the place's); "the president of Ghana" (a
					// title the entities stage gave its holder) is the person
					return resolveNP(st, from, j-1)
				}

				break
			}
		}
	}
	if len(st.toks[head].ments) > 0 {
		hm := &st.ments[st.toks[head].ments[0]]
		if hm.poss {
			return nil
		}
		out := st.mentionsAt(head)
		if hm.ent.Type == model.TypeOrg {
			// a demonym whose country the role noun already stands for (the
			// entities stage may split "Indian and Pakistani troops" itself)
			// adds nothing
			var adjs []*mention
			for _, a := range coordDemonyms(st, from, hm) {
				if !sameCountry(a, out) {
					adjs = append(adjs, a)
				}
			}
			if len(adjs) > 0 {
				return dedupe(append(adjs, out...))
			}
		}
		// coordinated mentions to the left: "North Korea and Russia"
		j := hm.first - 1
		for j >= from {
			t := st.toks[j]
			if st.coordWord(t.low) || t.low == "the" {
				j--
				continue
			}
			if len(t.ments) > 0 {
				m := &st.ments[t.ments[0]]
				if m.poss || m.adj {
					break
				}
				if j+1 <= hm.first-1 && hasCoord(st, m.last+1, hm.first-1) {
					if hm.ent.Type == model.TypePerson && m.ent.Type != model.TypePerson && listComma(st, m.last+1, hm.first-1) {
						break // "the president of Ghana, NAME": an apposition, not a list
					}
					out = append([]*mention{m}, out...)
					j = m.first - 1
					continue
				}
			}
			break
		}
		return dedupe(out)
	}
	// a role head with a prepositional phrase: "officials of South Korea and the United States"
	for j := from; j <= to; j++ {
		l := st.toks[j].low
		if l == "of" || l == "in" || l == "at" || l == "from" || l == "throughout" || l == "across" {
			var out []*mention
			for k := j + 1; k <= to; k++ {
				for _, mi := range st.toks[k].ments {
					m := &st.ments[mi]
					if !m.poss && m.first == k && (m.ent.Type != model.TypeEquipment) {
						out = append(out, m)
					}
				}
			}
			// the role head stands inside the NP, before the preposition: an
			// NP that starts with one ("At least three Sudanese civilians")
			// has none
			if len(out) > 0 && j > from && st.words.roleHeads[st.toks[j-1].low] {
				return dedupe(out)
			}
			if j == from || !st.words.amountNouns[st.toks[j-1].low] {
				break // "thousands of students in X": past the amount, on to the role
			}
		}
	}
	// possessor or demonym modifier of a role head ("China's government",
	// "Chinese ships"); "North Korean-made missiles" are not an actor
	if !st.words.roleHeads[st.toks[head].low] && !demonymNoun(st, from, head) {
		return nil
	}
	// "Vedomosti newspaper", "Belta agency", "European Union foreign
	// ministers": a name before the head with only lower-case modifiers
	// between; the name's acronym in brackets may follow it ("Kenya Red
	// Cross (KRC) officials"), even where the phrase was cut at the bracket
	lo, hi := from, head-1
	if a := acronymBefore(st, head); a >= 0 {
		lo, hi = min(from, a), a
	}
	for j := hi; j >= lo && j >= hi-2; j-- {
		if len(st.toks[j].ments) > 0 {
			m := &st.ments[st.toks[j].ments[0]]
			if !m.poss && !m.adj && m.ent.Type != model.TypeEquipment {
				return []*mention{m}
			}
			break
		}
		if t := st.toks[j]; !isWordTok(t) || st.words.prepositions[t.low] || t.text[0] < 'a' || t.text[0] > 'z' {
			break
		}
	}
	var mods []*mention
	for j := from; j <= to; j++ {
		for _, mi := range st.toks[j].ments {
			m := &st.ments[mi]
			if (m.poss || m.adj) && m.ent.Type != model.TypeEquipment && m.first == j {
				if len(mods) > 0 && !hasCoord(st, mods[len(mods)-1].last+1, m.first-1) {
					return mods // "Indonesian and Malaysian leaders": each; else the first
				}
				mods = append(mods, m)
			}
		}
	}
	return dedupe(mods)
}

// mentionType is the entity type of the first mention on token t, "" for
// none.
func mentionType(st *sent, t tok) string {
	if len(t.ments) == 0 {
		return ""
	}
	return st.ments[t.ments[0]].ent.Type
}

// sameCountry reports whether one of ms belongs to a's country.
func sameCountry(a *mention, ms []*mention) bool {
	c := model.Deref(a.ent.Country)
	if c == "" {
		c = model.Deref(a.ent.Code)
	}
	for _, m := range ms {
		if c != "" && (model.Deref(m.ent.Country) == c || strings.HasPrefix(model.Deref(m.ent.Code), c)) {
			return true
		}
	}
	return false
}

// coordDemonyms finds the demonyms coordinated before a role noun
// ("Indian and Pakistani troops", "Chinese, Russian and Iranian warships"):
// each stands for its own side, not only the one next to the noun.
func coordDemonyms(st *sent, from int, hm *mention) []*mention {
	k := hm.first - 1
	if k >= from && len(st.toks[k].ments) > 0 {
		if a := &st.ments[st.toks[k].ments[0]]; a.adj && a.last == k {
			k = a.first - 1 // the noun's own demonym
		}
	}
	var out []*mention
	for k >= from {
		l := st.toks[k].low
		if !st.coordWord(l) {
			break
		}
		for k >= from && st.coordWord(st.toks[k].low) {
			k--
		}
		if k < from || len(st.toks[k].ments) == 0 {
			break
		}
		a := &st.ments[st.toks[k].ments[0]]
		if !a.adj || a.last != k {
			break
		}
		out = append([]*mention{a}, out...)
		k = a.first - 1
	}
	return out
}

// hasCoord reports whether tokens from..to hold a coordination ("Ghana
// and Togo", "Ghana as well as Togo").
func hasCoord(st *sent, from, to int) bool {
	for j := from; j <= to; j++ {
		if st.coordWord(st.toks[j].low) || st.joinPhrase(j) > 0 {
			return true
		}
	}
	return false
}

func dedupe(ms []*mention) []*mention {
	var out []*mention
	seen := map[*model.Entity]bool{}
	for _, m := range ms {
		if m.ent.Type == model.TypeEquipment || seen[m.ent] {
			continue
		}
		seen[m.ent] = true
		out = append(out, m)
	}
	return out
}

// headlinePair reports whether the comma at j joins two names as a
// headline does ("EU, Poland agree on tariffs"): the first name opens the
// sentence and the second, right after the comma, ends the noun phrase
// at end, with no possessive. In running text such a comma opens an
// apposition, which closes with a second comma ("X, Y's leader, said").
func headlinePair(st *sent, j, end int) bool {
	a, b := st.toks[j-1].ments, st.toks[j+1].ments
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	ma, mb := &st.ments[a[0]], &st.ments[b[0]]
	return ma.first == 0 && !ma.poss && !mb.poss && mb.first == j+1 && mb.last == end
}

// npLeft collects the noun phrase ending at token end (inclusive).
func npLeft(st *sent, end int) (int, int) {
	end = min(end, len(st.toks)-1)
	j := end
	for j >= 0 {
		t := st.toks[j]
		if isBoundary(t) && t.low != "," {
			break
		}
		if t.low == "," {
			// a comma inside a list of names: "Washington, Seoul, and Kyiv"
			if j > 0 && len(st.toks[j-1].ments) > 0 && j+1 <= end && (len(st.toks[j+1].ments) > 0 || st.toks[j+1].low == "and") &&
				(!listComma(st, j+1, end) || headlinePair(st, j, end)) {
				j--
				continue
			}
			break
		}
		if strings.HasPrefix(t.tag, "VB") && len(t.ments) == 0 && (!(t.tag == "VBN" || t.tag == "VBG") || j > 0 && st.words.auxiliaries[st.toks[j-1].low]) {
			break
		}
		if t.tag == "" && len(t.ments) == 0 && (st.words.auxiliaries[t.low] && t.low != "'s" && t.low != "’s" || st.words.futureWords[t.low] || st.words.possibleMod[t.low]) {
			break
		}
		if st.words.prepositions[t.low] && t.low != "of" && t.low != "at" && t.low != "in" && t.low != "from" {
			break
		}
		if t.low == "to" || st.verb[j] && j != end && len(t.ments) == 0 {
			break
		}
		j--
	}
	return j + 1, end
}

// acronymBefore returns the token before a bracketed acronym that ends
// right before token i ("Red Cross (KRC) officials"), or -1.
func acronymBefore(st *sent, i int) int {
	if i < 4 || st.toks[i-1].low != ")" || st.toks[i-3].low != "(" {
		return -1
	}
	if a := st.toks[i-2].text; strings.ToUpper(a) != a || !isWordTok(st.toks[i-2]) {
		return -1
	}
	return i - 4
}

// demonymNoun reports a common noun whose phrase holds a demonym
// modifier ("an Argentine judge", "Israeli army bulldozers"): the noun
// stands for its country's side, as a role noun does.
func demonymNoun(st *sent, from, head int) bool {
	if tg := st.toks[head].tag; !strings.HasPrefix(tg, "NN") || tg == "NNP" || len(st.toks[head].ments) > 0 {
		return false
	}
	// the noun must be a clause's subject in the parse: tags alone read
	// the participle of "companies accused of ..." as a clause's verb
	if !st.parsed() {
		return false
	}
	r, g := st.rel(head), st.heads[head]
	// "thousands of Chilean students demonstrated": the people an amount subject counts
	amountOf := r == "nmod" && g >= 0 && st.rel(g) == "nsubj" && (st.words.amountNouns[st.toks[g].low] || st.toks[g].tag == "CD")
	if r != "nsubj" && !(r == "conj" && g >= 0 && st.rel(g) == "nsubj") && !amountOf {
		return false // "Syrian helicopters and tanks shelled": a conjunct of the subject
	}
	// and the demonym its own modifier, not a prepositional object's
	// ("protesters outside the Russian embassy")
	for j := from; j < head; j++ {
		if amountOf && j == from && st.toks[j].low == "of" {
			continue
		}
		if t := st.toks[j]; st.words.prepositions[t.low] || t.tag == "IN" || isBoundary(t) {
			return false
		}
	}
	for j := head - 1; j >= from && j >= head-3; j-- {
		t := st.toks[j]
		for _, mi := range t.ments {
			m := st.ments[mi]
			if m.adj && m.ent.Type != model.TypeEquipment {
				return true
			}
		}
	}
	return false
}

// clauseHead reports a verb-tagged token that the parse makes the head of
// a finite clause (the root, a complement, a conjunct or a relative
// clause) with a subject of its own.
func clauseHead(st *sent, i int) bool {
	if !strings.HasPrefix(st.toks[i].tag, "VB") || st.toks[i].tag == "VBG" {
		return false
	}
	switch st.rels[i] {
	case "root", "ccomp", "conj", "parataxis", "acl:relcl", "advcl":
	default:
		return false
	}
	return st.child(i, "nsubj", "nsubj:pass") >= 0
}

// coordWord reports a word that joins coordinated phrases: a conjunction
// of events/words.tsv's listJoins, or a comma.
func (st *sent) coordWord(w string) bool { return st.words.listJoins[w] || w == "," }

// joinPhrase returns how many tokens a listJoins phrase of several words
// ("as well as") that starts at k spans, or 0 when none starts there.
func (st *sent) joinPhrase(k int) int {
	n := 0
	for p := range st.words.listJoins {
		ws := strings.Fields(p)
		if len(ws) < 2 || len(ws) <= n || k+len(ws) > len(st.toks) {
			continue
		}
		match := true
		for i, w := range ws {
			if st.toks[k+i].low != w {
				match = false
				break
			}
		}
		if match {
			n = len(ws)
		}
	}
	return n
}

package petrarch

import (
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// sent is one sentence prepared for coding: upper-case words with their
// tags, and where actors, agents and verbs start.
type sent struct {
	c      *Coder
	date   time.Time
	words  []string
	tags   []string
	actor  []span // at i: actor id and length (id -1: none)
	agent  []span
	verb   []verbOcc
	inVerb []bool
	groups []*group // left-to-right segmentation into actor groups
	memo   map[int]*group
}

type span struct{ id, n int }

type verbOcc struct {
	start, end int
	forms      []verbForm
}

// member is one actor of a group: its codes (alternatives of "A/B"
// codes) with the agents found beside it.
type member struct {
	actors   []string
	pre, suf []string
}

// group is a noun phrase holding actors: "Gondor and Osgiliath",
// "ambassadors of Arnor, Osgiliath and Gondor".
type group struct {
	start, end int
	members    []member
}

func newSent(c *Coder, toks []model.Token, date time.Time) *sent {
	s := &sent{c: c, date: date, memo: map[int]*group{}}
	paren := 0
	for i, t := range toks {
		w := strings.ToUpper(t.Text)
		// "(EU)": a parenthesised aside is not part of the clause.
		switch w {
		case "(":
			paren++
			continue
		case ")":
			if paren > 0 {
				paren--
			}
			continue
		}
		if paren > 0 {
			continue
		}
		switch w {
		case ".", "(", ")", "``", "''", "\"", "!", "?", "[", "]", "'", "`", "_":
			continue
		case "-":
			// "anti- Gondor": a hyphen glued to the word before it.
			if len(s.words) > 0 && i > 0 && toks[i-1].End == t.Start && (i+1 == len(toks) || toks[i+1].Start > t.End) {
				s.words[len(s.words)-1] += "-"
				continue
			}
		}
		w = strings.NewReplacer("’", "'", "‘", "'").Replace(w)
		s.words = append(s.words, w)
		s.tags = append(s.tags, t.Tag)
	}
	n := len(s.words)
	s.actor, s.agent = make([]span, n), make([]span, n)
	s.verb, s.inVerb = make([]verbOcc, n), make([]bool, n)
	stem := make([]bool, n)
	for i := range s.words {
		id, k, st := c.actors.longestStem(s.words, i)
		s.actor[i], stem[i] = span{id, k}, st
		id, k = c.agents.longest(s.words, i)
		s.agent[i] = span{id, k}
	}
	// "The Kuwait": THE_KU reaches "KUWAIT" only as a stem, while
	// KUWAIT matches there on its own; the own match wins.
	for i := range s.words {
		if a := s.actor[i]; a.n > 1 && stem[i] {
			if b := s.actor[i+a.n-1]; b.n > 0 {
				s.actor[i] = span{-1, 0}
			}
		}
	}
	for i := 0; i < n; i++ {
		if v := s.verbAt(i); v.end > v.start {
			s.verb[i] = v
			for k := v.start; k < v.end; k++ {
				s.inVerb[k] = true
			}
			i = v.end - 1
		}
	}
	for i := 0; i < n; {
		if s.npTok(i) {
			if g := s.groupAt(i); g != nil && len(g.members) > 0 {
				s.groups = append(s.groups, g)
				i = g.end
				continue
			}
		}
		i++
	}
	return s
}

var auxiliaries = map[string]bool{"IS": true, "WAS": true, "ARE": true, "WERE": true, "BE": true, "BEEN": true,
	"BEING": true, "HAS": true, "HAVE": true, "HAD": true, "DO": true, "DOES": true, "DID": true, "AM": true}

// verbAt finds the longest dictionary verb form at i that the tagger
// takes for a verb. Auxiliaries followed by a verb are not verbs.
func (s *sent) verbAt(i int) verbOcc {
	var best verbOcc
	for _, f := range s.c.verbs[s.words[i]] {
		if i+len(f.words) > len(s.words) {
			continue
		}
		ok := true
		for k, w := range f.words {
			if s.words[i+k] != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		isVerb := len(f.words) > 1 || s.verbByContext(i)
		for k := range f.words {
			if strings.HasPrefix(s.tags[i+k], "VB") {
				isVerb = true
			}
		}
		if !isVerb {
			continue
		}
		end := i + len(f.words)
		switch {
		case end-i > best.end-best.start:
			best = verbOcc{i, end, []verbForm{f}}
		case end-i == best.end-best.start:
			best.forms = append(best.forms, f)
		}
	}
	if best.end > best.start && auxiliaries[s.words[i]] {
		for k := i + 1; k < len(s.words) && k <= i+3; k++ {
			if strings.HasPrefix(s.tags[k], "VB") {
				return verbOcc{}
			}
			if !adverbTag(s.tags[k]) && s.words[k] != "N'T" {
				break
			}
		}
	}
	return best
}

// verbByContext catches verbs the tagger took for nouns: after a modal,
// an auxiliary or "to" ("has overcome", "to accord"), or right after an
// actor that starts its phrase ("Ethiopia act on", "France agree that").
func (s *sent) verbByContext(i int) bool {
	k := i - 1
	for k >= 0 && (adverbTag(s.tags[k]) || adverbs[s.words[k]]) {
		k--
	}
	if k >= 0 && (s.tags[k] == "MD" || s.words[k] == "TO" || auxiliaries[s.words[k]]) {
		return true
	}
	if i == 0 || i+1 >= len(s.words) {
		return false
	}
	// the actor match that ends just before i
	for st := i - 1; st >= 0 && st >= i-6; st-- {
		if a := s.actor[st]; a.n > 0 && st+a.n == i {
			if st > 0 && s.tags[st-1] == "DT" && (st == 1 || s.words[st-2] == "," || s.tags[st-2] == "CC") {
				st-- // "the Central African Republic agree"
			}
			if st > 0 {
				switch s.tags[st-1] {
				case "DT", "JJ", "PRP$", "POS", "IN", "NN", "NNP", "NNS":
					return false
				}
				if strings.HasSuffix(s.words[st-1], "-") {
					return false
				}
			}
			switch s.tags[i+1] {
			case "DT", "IN", "TO", "PRP$", "RB", "NNP", "WDT":
				return true
			}
			return false
		}
	}
	return false
}

// adverbTag reports whether tag is an adverb's (RB, RBR "earlier", RBS).
func adverbTag(tag string) bool { return strings.HasPrefix(tag, "RB") }

// adverbs the tagger sometimes takes for other words ("will not ever/VB
// clash").
var adverbs = map[string]bool{"NOT": true, "N'T": true, "EVER": true, "NEVER": true, "EVEN": true, "ALSO": true,
	"STILL": true, "NOW": true, "AGAIN": true, "REALLY": true, "JUST": true, "ALREADY": true}

var npTags = map[string]bool{"DT": true, "PDT": true, "JJ": true, "JJR": true, "JJS": true, "NN": true, "NNS": true,
	"NNP": true, "NNPS": true, "POS": true, "PRP$": true, "CD": true, "FW": true}

// npTok reports whether token i can be part of a noun phrase.
func (s *sent) npTok(i int) bool {
	if i >= len(s.words) {
		return false
	}
	if s.actor[i].n > 0 || s.agent[i].n > 0 {
		return true
	}
	if s.inVerb[i] {
		return false
	}
	switch s.words[i] {
	case "NEITHER", "EITHER", "BOTH":
		return true
	case ",", "AND", "OR", "NOR", "OF", "IN", "FROM", "BY", "WITH", "TO", "THAT":
		return false
	}
	return npTags[s.tags[i]] || strings.HasSuffix(s.words[i], "-")
}

// conjunct is one noun phrase of a list.
type conjunct struct {
	end    int
	actor  int // actor id or -1
	agents []int
}

func (s *sent) conjunctAt(i int) conjunct {
	cj := conjunct{end: i, actor: -1}
	for i < len(s.words) && s.npTok(i) {
		a, g := s.actor[i], s.agent[i]
		switch {
		case a.n > 0 && a.n >= g.n:
			if cj.actor < 0 && len(s.c.d.Actors[a.id].CodesOn(s.date)) > 0 {
				cj.actor = a.id
			}
			i += a.n
		case g.n > 0:
			cj.agents = append(cj.agents, g.id)
			i += g.n
		default:
			i++
		}
		cj.end = i
	}
	return cj
}

func (cj conjunct) has() bool { return cj.actor >= 0 || len(cj.agents) > 0 }

// groupAt parses the actor group starting at token i: conjuncts joined
// by commas and conjunctions, and an "of/in/from" phrase supplying the
// actor for conjuncts that have only agents ("officials in Gondor").
func (s *sent) groupAt(i int) *group {
	if g, ok := s.memo[i]; ok {
		return g
	}
	g := &group{start: i, end: i}
	s.memo[i] = g
	if !s.npTok(i) {
		return g
	}
	var cjs []conjunct
	cj := s.conjunctAt(i)
	if cj.end == i {
		return g
	}
	cjs = append(cjs, cj)
	end := cj.end
	for end < len(s.words) {
		j := end
		comma := false
		if s.words[j] == "," {
			comma = true
			j++
		}
		cc := false
		if j < len(s.words) && (s.words[j] == "AND" || s.words[j] == "OR" || s.words[j] == "NOR") {
			cc = true
			j++
			// "awful and evil minister": coordinated adjectives stay
			// inside one noun phrase.
			// So do "Ithilen's awful and evil minister": a lone word
			// after a possessive, coordinated with a phrase that has the
			// head noun (an agent) but does not start with an actor.
			lone := end >= 2 && s.words[end-2] == "'S" && s.actor[end-1].n == 0 && s.agent[end-1].n == 0
			if !comma && s.actor[end-1].n == 0 && s.agent[end-1].n == 0 && (strings.HasPrefix(s.tags[end-1], "JJ") || lone) {
				more := s.conjunctAt(j)
				if more.end > j && (!lone || (len(more.agents) > 0 && s.actor[j].n == 0)) {
					cj := &cjs[len(cjs)-1]
					if cj.actor < 0 {
						cj.actor = more.actor
					}
					cj.agents = append(cj.agents, more.agents...)
					cj.end = more.end
					end = more.end
					continue
				}
			}
		}
		if !comma && !cc {
			break
		}
		next := s.conjunctAt(j)
		if next.end == j {
			break
		}
		// Across a bare comma only a real list goes on ("A, B and C");
		// "Dagolath, its biggest partner," is an apposition.
		if comma && !cc && !s.listGoesOn(j) {
			break
		}
		if next.actor >= 0 || (cc && len(next.agents) > 0) {
			cjs = append(cjs, next)
			end = next.end
			continue
		}
		// "sheep and goats of Gondor": an empty conjunct whose
		// "of"-phrase holds the actor.
		if cc && next.end+1 < len(s.words) && (s.words[next.end] == "OF" || s.words[next.end] == "IN" || s.words[next.end] == "FROM") {
			if t := s.groupAt(next.end + 1); len(t.members) > 0 {
				cjs = append(cjs, next)
				end = next.end
				continue
			}
		}
		// "Lions, tigers, and Gondor": an empty conjunct may lead on to
		// an actor further down the list.
		if comma && next.end < len(s.words) && (s.words[next.end] == "," || s.words[next.end] == "AND") {
			k := next.end
			if s.words[k] == "," {
				k++
			}
			if k < len(s.words) && s.words[k] == "AND" {
				k++
			}
			if la := s.conjunctAt(k); la.actor >= 0 {
				cjs = append(cjs, next)
				end = next.end
				continue
			}
		}
		break
	}
	var heads []conjunct
	needTail := false
	for _, cj := range cjs {
		if cj.actor < 0 {
			needTail = true
		}
	}
	var tail *group
	if needTail && end+1 < len(s.words) {
		switch s.words[end] {
		case "OF", "IN", "FROM":
			if t := s.groupAt(end + 1); len(t.members) > 0 {
				tail = t
			}
		}
	}
	heads = cjs
	tailUsed := false
	for _, cj := range heads {
		switch {
		case cj.actor >= 0:
			g.members = append(g.members, s.member(cj.actor, cj.agents))
		case len(cj.agents) > 0 && tail != nil:
			tailUsed = true
			for _, m := range tail.members {
				m2 := s.addAgents(m, cj.agents)
				g.members = append(g.members, m2)
			}
		case len(cj.agents) > 0:
			// "Danish media and government": a bare agent joins the
			// actor of the conjunct before it.
			if len(g.members) > 0 && len(g.members[len(g.members)-1].actors) > 0 {
				prev := g.members[len(g.members)-1]
				g.members = append(g.members, s.addAgents(member{actors: prev.actors, pre: prev.pre}, cj.agents))
			} else {
				g.members = append(g.members, s.addAgents(member{}, cj.agents))
			}
		}
	}
	if tail != nil && !tailUsed {
		g.members = append(g.members, tail.members...)
		tailUsed = true
	}
	g.end = end
	if tailUsed {
		g.end = tail.end
	}
	return g
}

// listGoesOn reports whether the conjuncts from j on end in one joined
// by "and"/"or".
func (s *sent) listGoesOn(j int) bool {
	for n := 0; n < 8; n++ {
		cj := s.conjunctAt(j)
		if cj.end == j || cj.end >= len(s.words) {
			return false
		}
		k := cj.end
		if s.words[k] == "," {
			k++
		}
		if k < len(s.words) && (s.words[k] == "AND" || s.words[k] == "OR" || s.words[k] == "NOR") {
			return true
		}
		if k == cj.end {
			return false
		}
		j = k
	}
	return false
}

func (s *sent) member(actor int, agents []int) member {
	m := member{actors: s.c.d.Actors[actor].CodesOn(s.date)}
	return s.addAgents(m, agents)
}

func (s *sent) addAgents(m member, agents []int) member {
	m.pre = append([]string(nil), m.pre...)
	m.suf = append([]string(nil), m.suf...)
	for _, id := range agents {
		a := s.c.d.Agents[id]
		if a.Prefix {
			m.pre = append(m.pre, a.Code)
		} else {
			m.suf = append(m.suf, a.Code)
		}
	}
	return m
}

// codes returns the member's full codes: prefix agents, actor, suffix
// agents, leaving out 3-letter parts the code already has
// ("White House security officials": USAGOV, not USAGOVGOV).
func (m member) codes() []string {
	actors := m.actors
	if len(actors) == 0 {
		actors = []string{"---"}
	}
	var out []string
	for _, a := range actors {
		code := strings.Join(m.pre, "") + a
		for _, sfx := range m.suf {
			for k := 0; k < len(sfx); k += 3 {
				part := sfx[k:min(k+3, len(sfx))]
				if !hasPart(code, part) {
					code += part
				}
			}
		}
		out = append(out, code)
	}
	return out
}

func hasPart(code, part string) bool {
	for k := 0; k+len(part) <= len(code); k += 3 {
		if code[k:k+len(part)] == part {
			return true
		}
	}
	return false
}

// hasPhrase reports whether any phrase of x occurs in the sentence.
func (s *sent) hasPhrase(x *phraseIndex) bool {
	for i := range s.words {
		if _, n := x.longest(s.words, i); n > 0 {
			return true
		}
	}
	return false
}

package events

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// Dictionaries (TABARI/PETRARCH actors, agents and verbs, read and
// compiled by internal/petrarch) are coded by this coder: their verb
// patterns compile into the coder's pattern set (WithDictionary) and
// their actor phrases name the actors (DictionaryActors), so the
// PETRARCH validation suite and `--dictionaries DIR` run through the
// same coder as sitrep's own lexicon.

// WithDictionary returns a copy of the lexicon (CAMEO, PLOVER and group
// tables shared) whose verb patterns are those of vt, with sitrep's own
// frames (patterns that code no event but frame one) for the verbs vt
// does not head. A verb becomes a pattern of its phrase and bare code;
// each of its block's patterns becomes one with the words, synsets (as
// alternatives) and prepositions that follow the verb. Source, target
// and skip markers are left to the coder, which finds subject and
// object itself; patterns that code no event ("---") or a reciprocal
// pair ("A:B") are not compiled. The patterns of a head word compile on
// its first lookup (dictIndex): the load indexes the verbs' head words
// only.
func (l *Lexicon) WithDictionary(vt *petrarch.VerbTable) *Lexicon {
	out := *l
	out.patterns = map[string][]*pattern{}
	out.byKey = map[string][]*pattern{}
	out.npat = 0
	d := newDictIndex(vt, &out)
	out.dict = d
	// the dictionaries' agents name the groups: sitrep's group nouns
	// ("militia" → UAF) make no actors of their own
	out.groups = map[string]string{}
	for _, p := range l.frames(d) {
		out.indexShared(p, d.sets)
	}
	out.sortPatterns()
	// codes the CAMEO table lacks (old dictionaries use WEIS-style
	// codes) are kept, with no Goldstein score: the patterns that carry
	// one compile now, with their head's
	out.cameo = l.cameo
	for i, e := range d.entries {
		if !unknownCode(l.cameo, e) {
			continue
		}
		for _, p := range d.word(entryHead(e)[0]) {
			if !p.dictionary || !slices.Contains(d.compiled[i], p) {
				continue
			}
			out.keepCodes(l.cameo, p)
		}
	}
	return &out
}

// keepCodes adds to l's CAMEO table the codes of dictionary pattern p
// (its code and reciprocal code) that it lacks, with no Goldstein
// score; base is the table l's was copied from, cloned before the first
// code is added.
func (l *Lexicon) keepCodes(base map[string]CameoCode, p *pattern) {
	for _, code := range []string{p.code, p.recip} {
		if _, ok := l.cameo[code]; !ok && code != "" {
			if len(l.cameo) == len(base) {
				l.cameo = maps.Clone(base)
			}
			l.cameo[code] = CameoCode{Code: code, Name: "dictionary code " + code, QuadClass: 1}
		}
	}
}

// unknownCode reports whether a code of entry e or of one of its
// patterns (or a reciprocal code) is not in cameo.
func unknownCode(cameo map[string]CameoCode, e *petrarch.VerbEntry) bool {
	unknown := func(code string) bool {
		a, b, _ := strings.Cut(code, ":")
		for _, c := range []string{a, b} {
			if _, ok := cameo[c]; !ok && c != "" && c != "---" && !strings.Contains(c, "#") {
				return true
			}
		}
		return false
	}
	if unknown(e.Code) {
		return true
	}
	for _, vp := range e.Patterns {
		if unknown(vp.Code) {
			return true
		}
	}
	return false
}

// frames are sitrep's own patterns that code no event but frame one
// (attribution, intent, refusal, modality: "indicated", "vowed",
// "refused"), for the verbs the dictionary patterns ps do not head: a
// dictionary alone says what a verb codes, not how it frames another.
func (l *Lexicon) frames(d *dictIndex) []*pattern {
	heads := d.heads
	var out []*pattern
	seen := map[*pattern]bool{}
	for _, w := range slices.Sorted(maps.Keys(l.patterns)) {
		for _, p := range l.patterns[w] {
			if seen[p] || p.code != "" || p.class == "" || p.class == classDemand {
				continue
			}
			seen[p] = true
			if !slices.ContainsFunc(p.words[0], heads) {
				out = append(out, p)
			}
		}
	}
	return out
}

// dictionaryPatterns compiles one verb entry; elems compiles a list of
// pattern elements (compileElems, or a cache of it).
func dictionaryPatterns(vt *petrarch.VerbTable, e *petrarch.VerbEntry, elems func(*petrarch.VerbTable, *[]petrarch.Elem) ([][]dictPos, bool)) []*pattern {
	phrase := lowerAll(e.Phrase)
	if len(phrase) == 0 {
		return nil
	}
	// the head word's forms the dictionary lists ("{FOUGHT}") join its
	// lemma; regular forms are the tagger's lemmas
	base := [][]string{entryHead(e)}
	for _, w := range phrase[1:] {
		base = append(base, []string{w})
	}
	var out []*pattern
	add := func(words [][]string, adj []bool, code string, r dictRoles, before ...[]string) *pattern {
		recip := ""
		if a, b, ok := strings.Cut(code, ":"); ok {
			code = a
			if b != "---" {
				recip = b
			}
		}
		if code == "" || code == "---" || strings.Contains(code, "#") {
			return nil
		}
		p := &pattern{code: code, words: words, adj: adj, line: e.Line, dictionary: true, recip: recip, mutual: recip == code || r.compound, roles: r}
		texts := make([]string, 0, len(before)+len(words))
		for _, alts := range before {
			set := map[string]bool{}
			for _, w := range alts {
				set[w] = true
			}
			p.before = append(p.before, set)
			texts = append(texts, strings.Join(alts, "|"))
		}
		for _, alts := range words {
			texts = append(texts, strings.Join(alts, "|"))
		}
		if m := r.String(); m != "" {
			texts = append(texts, m)
		}
		p.text = strings.Join(texts, " ")
		out = append(out, p)
		return p
	}
	var bare []*pattern // "% * [030:030]": a compound subject's own code
	for _, vp := range e.Patterns {
		before, ok1 := elems(vt, &vp.Before)
		after, ok2 := elems(vt, &vp.After)
		if !ok1 || !ok2 {
			continue
		}
		r := patternRoles(vp)
		for _, b := range before {
			for _, a := range after {
				if len(b)+len(a) == 0 {
					if r.compound {
						if p := add(slices.Clone(base), nil, vp.Code, r); p != nil {
							bare = append(bare, p)
						}
					}
					continue
				}
				words := append([][]string(nil), base...)
				adj := make([]bool, len(base))
				for _, q := range a {
					words, adj = append(words, q.alts), append(adj, q.adj)
				}
				var bw [][]string
				var badj []bool
				for k, q := range b {
					bw = append(bw, q.alts)
					// position k must stand right before the next one, or
					// before the verb ("RECENTLY_*")
					badj = append(badj, k+1 < len(b) && b[k+1].adj || k+1 == len(b) && len(vp.Before) > 0 && vp.Before[len(vp.Before)-1].Next)
				}
				if p := add(words, adj, vp.Code, r, bw...); p != nil && slices.Contains(badj, true) {
					p.beforeAdj = badj
				}
			}
		}
	}
	plain := add(base, nil, e.Code, dictRoles{})
	for _, p := range bare {
		p.roles.plain = plain
		p.roles.onlyCompound = true
	}
	return out
}

// dictRoles is where a dictionary pattern's markers put source and
// target: "%" before the verb (the members of a compound subject act on
// each other), "+" or "$" after its last word, with the noun phrases
// skipped before it ("^"), and "+" before the verb (the subject is the
// target of the actor named after the verb: "+ WAS * DEAD IN $").
type dictRoles struct {
	compound bool
	// onlyCompound: the pattern has no words of its own beside the verb
	// ("% * [030:030]"); with a simple subject the verb's plain pattern
	// codes instead
	onlyCompound bool
	plain        *pattern
	// tgtAfter, srcAfter: the actor after the last pattern word is the
	// target (source), past tgtAfter-1 (srcAfter-1) noun phrases; 0 none
	tgtAfter, srcAfter int
	tgtSubject         bool
	// srcFirst: the source is the actor before the pattern's first word
	// (with tgtSubject: "NOTED + *")
	srcFirst bool
}

// String is the markers in a pattern's text, so that patterns that
// differ only in them stay apart.
func (r dictRoles) String() string {
	var b strings.Builder
	if r.compound {
		b.WriteString("%")
	}
	if r.tgtSubject {
		b.WriteString("+<")
	}
	if r.tgtAfter > 0 {
		b.WriteString("+" + strconv.Itoa(r.tgtAfter))
	}
	if r.srcAfter > 0 {
		b.WriteString("$" + strconv.Itoa(r.srcAfter))
	}
	if r.srcFirst {
		b.WriteString("$<")
	}
	return b.String()
}

// patternRoles reads a pattern's source and target markers.
func patternRoles(vp *petrarch.VerbPattern) dictRoles {
	var r dictRoles
	words := false
	for _, el := range vp.Before {
		switch el.Kind {
		case petrarch.ElemCompound:
			r.compound = true
		case petrarch.ElemTarget:
			r.tgtSubject = true
			// "NOTED + *": the verb's subject is the target of the actor
			// before the pattern's words
			r.srcFirst = words
		case petrarch.ElemWords, petrarch.ElemSynset:
			words = true
		}
	}
	// the markers and skips that end the pattern, inside a closing
	// prepositional phrase too ("(WITH +)")
	es := vp.After
	for len(es) > 0 && es[len(es)-1].Kind == petrarch.ElemPrep {
		es = es[len(es)-1].Objects
	}
	k := len(es)
	for k > 0 && (es[k-1].Kind == petrarch.ElemSkip || es[k-1].Kind == petrarch.ElemTarget || es[k-1].Kind == petrarch.ElemSource) {
		k--
	}
	skips := 0
	for _, el := range es[k:] {
		switch el.Kind {
		case petrarch.ElemSkip:
			skips++
		case petrarch.ElemTarget:
			if r.tgtAfter == 0 {
				r.tgtAfter = skips + 1
			}
		case petrarch.ElemSource:
			if r.srcAfter == 0 {
				r.srcAfter = skips + 1
			}
		}
	}
	if k == 0 && len(vp.After) == len(es) {
		// markers right after the verb ("* + IN DETENTION" has words after
		// them; "* +" none): the coder's own object is the actor there
		r.tgtAfter, r.srcAfter = 0, 0
	}
	if r.srcAfter > 0 {
		r.srcFirst = false
	}
	if r.srcAfter == 0 && !r.srcFirst {
		r.tgtSubject = false // "+ WAS_ *": no source named, the coder's reading
	}
	return r
}

// dictPos is one position of a compiled dictionary pattern: its
// alternatives, and whether it must follow the previous word directly
// ("_" in the dictionary, or the next word of a synset's phrase).
type dictPos struct {
	alts []string
	adj  bool
}

// maxVariants bounds the patterns one dictionary pattern expands into
// (one per choice of each synset's multi-word phrases); past it a
// synset is matched by the last words of its phrases.
const maxVariants = 64

// compileElems turns pattern elements into position sequences: one per
// choice of phrase of each synset with multi-word phrases. ok is false
// when a synset is undefined or empty.
func compileElems(vt *petrarch.VerbTable, es []petrarch.Elem) (out [][]dictPos, ok bool) {
	out = [][]dictPos{nil}
	adjNext := false
	push := func(choices [][]dictPos) {
		if len(out)*len(choices) > maxVariants {
			// too many: the last words of the choices, one position
			var alts []string
			for _, c := range choices {
				if w := c[len(c)-1].alts; !slices.Contains(alts, w[0]) {
					alts = append(alts, w...)
				}
			}
			choices = [][]dictPos{{{alts: alts}}}
		}
		var next [][]dictPos
		for _, v := range out {
			for _, c := range choices {
				c = slices.Clone(c)
				c[0].adj = c[0].adj || adjNext
				next = append(next, append(slices.Clone(v), c...))
			}
		}
		out = next
	}
	synset := func(name string) bool {
		var choices [][]dictPos
		for _, ph := range vt.Synset(name) {
			var c []dictPos
			for k, w := range ph {
				c = append(c, dictPos{alts: []string{strings.ToLower(strings.TrimRight(w, "_"))}, adj: k > 0})
			}
			if len(c) > 0 {
				choices = append(choices, c)
			}
		}
		if len(choices) == 0 {
			return false
		}
		push(choices)
		return true
	}
	var walk func(es []petrarch.Elem) bool
	walk = func(es []petrarch.Elem) bool {
		for _, el := range es {
			switch el.Kind {
			case petrarch.ElemWords:
				if len(el.Alts) > 0 {
					push([][]dictPos{{{alts: lowerAll(el.Alts)}}})
					break
				}
				for _, w := range el.Words {
					if strings.HasPrefix(w, "&") {
						if !synset(w) {
							return false
						}
						continue
					}
					push([][]dictPos{{{alts: []string{strings.ToLower(strings.TrimRight(w, "_"))}}}})
				}
			case petrarch.ElemSynset:
				if !synset(el.Synset) {
					return false
				}
			case petrarch.ElemPrep:
				push([][]dictPos{{{alts: []string{strings.ToLower(el.Prep)}}}})
				if !walk(el.Objects) {
					return false
				}
			default:
				adjNext = false
				continue
			}
			adjNext = el.Next
		}
		return true
	}
	if !walk(es) {
		return nil, false
	}
	return out, true
}

// synsetWords are the last words of a synset's phrases, lower case.
func synsetWords(vt *petrarch.VerbTable, name string) []string {
	var out []string
	seen := map[string]bool{}
	for _, ph := range vt.Synset(name) {
		if len(ph) == 0 {
			continue
		}
		w := strings.ToLower(strings.TrimRight(ph[len(ph)-1], "_"))
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// DictionaryActors is a stage that names the actors of each sentence
// from compiled dictionaries: every actor phrase Vocabulary.Mentions
// finds over the text stage's tokens (an actor with its agents, agents
// alone, "soldiers of X") becomes an organisation coded as the phrase is
// on the article's date. It replaces the entity and actors stages when
// the dictionaries are the whole vocabulary (the PETRARCH suite).
type DictionaryActors struct {
	Vocab *petrarch.Vocabulary
	// alts maps the code an article's actor was given to all the codes
	// of an actor that stands for several ("THE_SHIRE [FRO/BIL/SAM]"),
	// for the article last processed (DictionaryCoder reads it)
	alts map[string][]string
}

// Name implements model.Stage.
func (s *DictionaryActors) Name() string { return "dictionary-actors" }

// Process implements model.Stage.
func (s *DictionaryActors) Process(ctx context.Context, a *model.Article) error {
	date := publishedDate(a)
	byKey := map[string]int{}
	s.alts = map[string][]string{}
	for si, toks := range a.Tokens {
		// the words the dictionaries read: a possessive's "'s" is left
		// out, so "X's foreign minister" is the actor with its agents
		words := make([]string, 0, len(toks))
		at := make([]int, 0, len(toks)) // index in words -> token
		for i, t := range toks {
			if k := petrarch.Key(t.Text); k != "'S" && k != "’S" && k != "'" && k != "’" {
				if !strings.Contains(k, "_") {
					if k != "" {
						words, at = append(words, k), append(at, i)
					}
					continue
				}
				// "Dol_Amroth" written as the dictionaries write a
				// phrase: its words
				for _, w := range strings.Split(k, "_") {
					if w != "" {
						words = append(words, w)
						at = append(at, i)
					}
				}
			}
		}
		ms := possessed(toks, at, joinMentions(words, s.Vocab.Mentions(words, date)))
		all := distribute(words, ms, date)
		for mi, m := range ms {
			code := all[mi][0]
			if code == "" || code == "---" {
				continue
			}
			if strings.HasPrefix(code, "---") && modifies(toks, at[m.End-1]) {
				continue // an agent's word as a modifier: "an official (foreign) visit"
			}
			if len(all[mi]) > 1 {
				s.alts[code] = all[mi]
			}
			start, end := toks[at[m.Start]].Start, toks[at[m.End-1]].End
			text := a.Body[start:end]
			k := code + "\x00" + strings.ToLower(text)
			ei, ok := byKey[k]
			if !ok {
				ei = len(a.Entities)
				byKey[k] = ei
				country := code
				if len(country) > 3 {
					country = country[:3]
				}
				a.Entities = append(a.Entities, model.Entity{ID: "d" + strconv.Itoa(ei+1), Name: text, Type: model.TypeOrg,
					Code: model.Str(code), Country: model.Str(country)})
			}
			a.Entities[ei].Mentions = append(a.Entities[ei].Mentions, model.Mention{Sentence: si, Start: start, End: end, Text: text})
		}
	}
	return nil
}

// possessed joins a possessive actor to the agents that head its noun
// phrase, with only adjectives between, as TABARI reads "X's awful and
// evil minister NAME" (X's minister, XGOV, not the name's actor): the
// possessor's actor with the agents, over the whole phrase. at maps
// each word to its token.
func possessed(toks []model.Token, at []int, ms []petrarch.Mention) []petrarch.Mention {
	var out []petrarch.Mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) && m.Actor != nil && len(m.Agents) == 0 && len(ms[i+1].Agents) > 0 {
			n := ms[i+1]
			last := at[m.End-1]
			ok := last+1 < len(toks) && toks[last+1].Tag == "POS" && at[n.Start] > last+2
			for k := last + 2; ok && k < at[n.Start]; k++ {
				tg := toks[k].Tag
				ok = strings.HasPrefix(tg, "JJ") || tg == "CC" || strings.HasPrefix(tg, "RB")
			}
			if ok {
				m.Agents, m.End = n.Agents, n.End
				i++
			}
		}
		out = append(out, m)
	}
	return out
}

// modifies reports whether token i stands right before a common noun or
// an adjective of its own noun phrase ("an official visit"; not "an
// official said", whatever the tag of "official").
func modifies(toks []model.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1].Tag
	return strings.HasPrefix(n, "JJ") || n == "NN" || n == "NNS"
}

// distribute returns the codes of each actor phrase of a sentence
// (agents alone code "---GOV", as TABARI writes them; an actor that
// stands for several codes for each) with the agents and actors of a
// compound shared as TABARI shares them: agents linked to the first
// actor of a list ("ambassadors of A, B and C", "lawmakers in A and B")
// are every listed actor's, agents alone before a list ("lawmakers and
// officials in A and B") belong to each of its actors, and agents
// alone after an actor ("Danish media and government") to that actor.
// A list is phrases joined by "and" or commas with nothing else between.
func distribute(words []string, ms []petrarch.Mention, date time.Time) [][]string {
	out := make([][]string, len(ms))
	actorCodes := func(m petrarch.Mention) []string {
		if m.Actor == nil {
			return []string{""}
		}
		if cs := m.Actor.CodesOn(date); len(cs) > 1 {
			return cs
		}
		return []string{m.ActorCode}
	}
	combine := func(actors []string, agents []*petrarch.Agent) []string {
		var cs []string
		for _, a := range actors {
			if c := petrarch.Combine(a, agents...); !slices.Contains(cs, c) {
				cs = append(cs, c)
			}
		}
		return cs
	}
	for i, m := range ms {
		out[i] = combine(actorCodes(m), m.Agents)
	}
	listed := func(i int) bool { // ms[i] and ms[i+1] are one list
		gap := words[ms[i].End:ms[i+1].Start]
		if len(gap) == 0 {
			return false
		}
		for _, w := range gap {
			if w != "," && w != "AND" {
				return false
			}
		}
		return true
	}
	linked := func(m petrarch.Mention) bool { // "SOLDIERS OF X", "LAWMAKERS IN X"
		if m.Actor == nil || len(m.Agents) == 0 {
			return false
		}
		for _, w := range words[m.Start:m.End] {
			if w == "OF" || w == "FROM" || w == "IN" {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && listed(j) {
			j++
		}
		// the list is ms[i..j]
		for k := i; k <= j; k++ {
			if !linked(ms[k]) {
				continue
			}
			for n := k + 1; n <= j && ms[n].Actor != nil && len(ms[n].Agents) == 0; n++ {
				out[n] = combine(actorCodes(ms[n]), ms[k].Agents)
			}
		}
		for k := i; k <= j; k++ {
			if ms[k].Actor != nil {
				continue
			}
			var actors []string
			for n := k + 1; n <= j; n++ {
				if ms[n].Actor != nil {
					actors = append(actors, actorCodes(ms[n])...)
				}
			}
			if len(actors) == 0 && k > i && ms[k-1].Actor != nil {
				actors = actorCodes(ms[k-1])
			}
			if len(actors) > 0 {
				out[k] = combine(actors, ms[k].Agents)
			}
		}
		i = j + 1
	}
	return out
}

// joinMentions joins two actor phrases that TABARI reads as one: a
// title and the name after it ("Bree Prime Minister Romendacil" is the
// titled phrase's BREGOV, not the name's BRE), agents with the actor
// after "in" ("activists in Arnor": ARNOPP) or right after them.
func joinMentions(words []string, ms []petrarch.Mention) []petrarch.Mention {
	var out []petrarch.Mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) {
			n := ms[i+1]
			switch {
			case m.Actor != nil && len(m.Agents) > 0 && n.Start == m.End && n.Actor != nil && len(n.Agents) == 0:
				m.End = n.End // the title's code
				i++
			case m.Actor == nil && len(m.Agents) > 0 && n.Start == m.End+1 && words[m.End] == "IN" && n.Actor != nil && len(n.Agents) == 0:
				m.Actor, m.ActorCode, m.End = n.Actor, n.ActorCode, n.End
				i++
			case m.Actor == nil && len(m.Agents) > 0 && n.Start == m.End && n.Actor != nil:
				// agents right before an actor: "MSF Arnor" (a prefix
				// agent, NGO~) is NGOARN
				m.Actor, m.ActorCode, m.End = n.Actor, n.ActorCode, n.End
				m.Agents = append(append([]*petrarch.Agent(nil), m.Agents...), n.Agents...)
				i++
			}
		}
		out = append(out, m)
	}
	return out
}

// publishedDate is the article's publication day (today without one).
func publishedDate(a *model.Article) time.Time {
	if t, _, ok := model.ParseDate(model.Deref(a.Published.Date)); ok {
		return t
	}
	return time.Now().UTC()
}

// DictionaryCoder codes sentences as the PETRARCH validation runner
// asks (petrarch.SentenceCoder): the text stage's sentences and tokens,
// then Stages (DictionaryActors, a ParseStage, the Coder) on one
// article per call; each event is a coding of its source, target and
// CAMEO codes.
type DictionaryCoder struct {
	Text petrarch.Tokenizer
	// Times, when set, finds the sentences' time expressions first (the
	// pipeline's timex stage): the coder reads a time between a subject
	// and its verb, or a verb and its words, as a time
	Times  model.Stage
	Stages []model.Stage
	// Discards, when set, drop a sentence holding a sentence discard
	// phrase and every sentence when one holds a story discard.
	Discards *petrarch.DiscardTable
}

// NewDictionaryCoder codes with compiled dictionaries alone: their
// verbs as the pattern set over lex's CAMEO and PLOVER tables, their
// actors and agents as the actors, their discards; sentences from tx
// (the text stage, tagged and lemmatised), each parsed by p when p is
// not nil.
func NewDictionaryCoder(lex *Lexicon, v *petrarch.Vocabulary, tx petrarch.Tokenizer, p Parser) *DictionaryCoder {
	return &DictionaryCoder{Text: tx, Stages: dictionaryStages(lex, v, p), Discards: v.Discards}
}

// dictionaryStages are the stages that code with compiled dictionaries
// v alone: DictionaryActors, a ParseStage when p is not nil (parsing
// only where a coded pattern may match), and the Coder over lex with
// v's verbs as its pattern set.
func dictionaryStages(lex *Lexicon, v *petrarch.Vocabulary, p Parser) []model.Stage {
	coder := New(lex.WithDictionary(v.Verbs), DefaultOptions())
	stages := []model.Stage{&DictionaryActors{Vocab: v}}
	if p != nil {
		stages = append(stages, &ParseStage{Parser: p, Coder: coder, KeepTags: true, Matches: true})
	}
	return append(stages, coder)
}

// Code implements petrarch.SentenceCoder.
func (d *DictionaryCoder) Code(sentence string, date time.Time) []petrarch.Coding {
	a := model.NewArticle()
	a.Body = sentence
	a.Published = model.Published{Date: model.Str(date.Format("2006-01-02")), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
	for i, sp := range d.Text.Split(sentence) {
		a.Sentences = append(a.Sentences, model.Sentence{Index: i, Start: sp.Start, End: sp.End, Text: sentence[sp.Start:sp.End]})
		a.Tokens = append(a.Tokens, d.Text.Tokenize(sentence, sp))
	}
	stages := d.Stages
	if d.Times != nil {
		stages = append([]model.Stage{d.Times}, stages...)
	}
	ces, err := codeArticle(context.Background(), stages, d.Discards, a)
	if err != nil {
		return nil
	}
	var out []petrarch.Coding
	seen := map[petrarch.Coding]bool{}
	for _, ce := range ces {
		for _, c := range ce.codings {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// codedEvent is an event the dictionary stages coded and the codings it
// stands for (each actor of a compound source or target, each code of
// an actor that stands for several; TABARI's target when it has none).
type codedEvent struct {
	ev      model.Event
	codings []petrarch.Coding
}

// codeArticle runs the dictionary stages on a and reads their events as
// codings; a story discard phrase in the first sentence drops every
// event, a sentence discard phrase its sentence's.
func codeArticle(ctx context.Context, stages []model.Stage, discards *petrarch.DiscardTable, a *model.Article) ([]codedEvent, error) {
	for _, s := range stages {
		if err := s.Process(ctx, a); err != nil {
			return nil, err
		}
	}
	drop := map[int]bool{}
	if discards != nil {
		for i, toks := range a.Tokens {
			words := make([]string, len(toks))
			for k, t := range toks {
				words[k] = petrarch.Key(t.Text)
			}
			if i == 0 && discards.Story(words) {
				return nil, nil // a story discard phrase in the lede
			}
			drop[i] = discards.Sentence(words)
		}
	}
	var words *wordClasses // the coder's classes of words (events/words.tsv)
	for _, s := range stages {
		if c, ok := s.(*Coder); ok {
			words = c.lex.words
		}
	}
	codes := func(code string) []string {
		for _, s := range stages {
			if da, ok := s.(*DictionaryActors); ok {
				if cs, ok := da.alts[code]; ok {
					return cs
				}
			}
		}
		return []string{code}
	}
	var out []codedEvent
	for _, e := range a.Events {
		if drop[e.Sentence] {
			continue
		}
		targets := []string{"---"}
		switch {
		case e.Target != nil && e.Target.Code != "":
			targets = compoundAt(words, a, e.Sentence, e.Target.Start, e.Target.Code)
		default:
			if start, code := nextActor(a, e); code != "" {
				targets = compoundAt(words, a, e.Sentence, start, code)
			}
		}
		var srcs []string
		for _, c := range compoundAt(words, a, e.Sentence, e.Source.Start, e.Source.Code) {
			srcs = append(srcs, codes(c)...)
		}
		ce := codedEvent{ev: e}
		for _, src := range srcs {
			for _, t := range targets {
				for _, tc := range codes(t) {
					c := petrarch.Coding{Source: src, Target: tc, Code: e.Cameo}
					if src != tc && !slices.Contains(ce.codings, c) {
						ce.codings = append(ce.codings, c)
					}
				}
			}
		}
		out = append(out, ce)
	}
	return out, nil
}

// DictionaryStage is `--dictionaries DIR` in the pipeline: it codes each
// article with compiled dictionaries through this coder (DictionaryActors,
// a ParseStage, the Coder, over a copy of the article that shares its
// sentences and times and copies its tokens) and appends one event per
// coding to the article's events. Their actors carry dictionary codes but
// no entity ids (the dictionaries' actors are not the article's entities).
type DictionaryStage struct {
	stages   []model.Stage
	discards *petrarch.DiscardTable
}

// NewDictionaryStage codes with compiled dictionaries v alone (their
// verbs as the pattern set over lex's CAMEO and PLOVER tables, their
// actors, agents and discards), each sentence parsed by p when p is not
// nil.
func NewDictionaryStage(lex *Lexicon, v *petrarch.Vocabulary, p Parser) *DictionaryStage {
	return &DictionaryStage{stages: dictionaryStages(lex, v, p), discards: v.Discards}
}

// Name implements model.Stage.
func (s *DictionaryStage) Name() string { return "dictionary-events" }

// Process implements model.Stage.
func (s *DictionaryStage) Process(ctx context.Context, a *model.Article) error {
	if len(a.Tokens) < len(a.Sentences) {
		return fmt.Errorf("dictionary stage: %d sentences, %d tokenised (run the text stage first)", len(a.Sentences), len(a.Tokens))
	}
	b := *a
	b.Entities, b.Events, b.Quotes = nil, nil, nil
	b.Tokens = make([][]model.Token, len(a.Tokens))
	for i, toks := range a.Tokens {
		b.Tokens[i] = slices.Clone(toks) // the parse writes its arcs into them
	}
	ces, err := codeArticle(ctx, s.stages, s.discards, &b)
	if err != nil {
		return err
	}
	n := len(a.Events) // after sitrep's own events (--extend-events), numbered on from them
	for _, ce := range ces {
		for _, c := range ce.codings {
			ev := ce.ev
			n++
			ev.ID, ev.Group = "v"+strconv.Itoa(n), nil
			// entity ids of the copy name nothing in the article
			ev.Attribution = slices.Clone(ev.Attribution)
			for k := range ev.Attribution {
				ev.Attribution[k].Entity = nil
			}
			if ev.Location != nil {
				loc := *ev.Location
				loc.Entity = nil
				ev.Location = &loc
			}
			ev.Source = model.Actor{Code: c.Source}
			if c.Source == ce.ev.Source.Code {
				ev.Source.Start, ev.Source.End = ce.ev.Source.Start, ce.ev.Source.End
			}
			ev.Target = nil
			if c.Target != "---" {
				ev.Target = &model.Actor{Code: c.Target}
				if t := ce.ev.Target; t != nil && t.Code == c.Target {
					ev.Target.Start, ev.Target.End = t.Start, t.End
				}
			}
			a.Events = append(a.Events, ev)
		}
	}
	return nil
}

// nextActor is TABARI's target for an event the coder found none for:
// the first actor after the verb in its sentence, other than the
// source ("abandoned an anti-Gondor parade", "bargain for asylum in
// Gondor"); its start and code.
func nextActor(a *model.Article, e model.Event) (int, string) {
	after := e.End
	if e.Action != nil {
		after = e.Action.End
	}
	best, code := -1, ""
	for _, ent := range a.Entities {
		for _, m := range ent.Mentions {
			c := model.Deref(ent.Code)
			if m.Sentence != e.Sentence || m.Start < after || c == e.Source.Code {
				continue
			}
			if best < 0 || m.Start < best {
				best, code = m.Start, c
			}
		}
	}
	return best, code
}

// compoundAt returns the codes of the compound actor one of whose
// mentions starts at start: its own code, and each actor joined to it
// by "and" or a comma, with only determiners and adjectives between
// ("between Gondor and Osgiliath", "Fornost and the evil awful Gondor").
func compoundAt(words *wordClasses, a *model.Article, sentence, start int, code string) []string {
	type span struct {
		start, end int
		code       string
	}
	var ms []span
	for _, ent := range a.Entities {
		for _, m := range ent.Mentions {
			if m.Sentence == sentence {
				ms = append(ms, span{m.Start, m.End, model.Deref(ent.Code)})
			}
		}
	}
	slices.SortFunc(ms, func(x, y span) int { return x.start - y.start })
	at := slices.IndexFunc(ms, func(m span) bool { return m.start == start })
	if at < 0 {
		return []string{code}
	}
	gap := func(k int) string { return a.Body[ms[k-1].end:ms[k].start] } // between k-1 and k
	lo, hi := at, at
	for hi+1 < len(ms) && joined(words, gap(hi+1)) {
		hi++
	}
	for lo > 0 && joined(words, gap(lo)) {
		lo--
	}
	// a list's last join is a conjunction ("A, B and C"); a name after a
	// comma alone describes the list before it ("A and B, the X
	// newspaper"): it is not an item, and it stands alone
	for hi > lo && !coordinated(words, gap(hi)) {
		if hi == at {
			return []string{code}
		}
		hi--
	}
	out := []string{code}
	add := func(c string) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for k := at + 1; k <= hi; k++ {
		add(ms[k].code)
	}
	for k := at - 1; k >= lo; k-- {
		add(ms[k].code)
	}
	return out
}

// coordinated reports whether a join between two actor mentions holds a
// conjunction of words.tsv's compoundJoins, not a comma alone.
func coordinated(words *wordClasses, gap string) bool {
	for _, w := range strings.Fields(gap) {
		if words.compoundJoins[w] {
			return true
		}
	}
	return false
}

// joined reports whether the text between two actor mentions joins
// them into a compound: a compoundJoins conjunction ("and") or a comma,
// and no other coordinator (words.tsv), and otherwise only lower-case
// words (determiners, adjectives), at most four.
func joined(wc *wordClasses, gap string) bool {
	gap = strings.ReplaceAll(gap, ",", " , ")
	words := strings.Fields(gap)
	link := false
	for _, w := range words {
		switch {
		case w == "," || wc.compoundJoins[w]:
			link = true // "neither X nor Y" is both
		case wc.coordinators[w] || w == "with" || w == "between" || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0:
			return false
		}
	}
	return link && len(words) <= 5
}

package events

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
)

// Options tune the coder.
type Options struct {
	// MaxGap is how many words may stand between two words of a verb
	// pattern ("refused almost all communication").
	MaxGap int
	// MaxObjectWords bounds the search for a target after the verb.
	MaxObjectWords int
	// Quotes turns quote finding on.
	Quotes bool
}

// DefaultOptions returns the options sitrep uses.
func DefaultOptions() Options { return Options{MaxGap: 4, MaxObjectWords: 14, Quotes: true} }

// Coder is the events stage. It keeps no state between articles and is
// safe for concurrent use.
type Coder struct {
	lex  *Lexicon
	opts Options
	// verbs returns the Phoenix verb table, the fallback vocabulary of
	// parsed sentences (nil: none); see WithVerbs.
	verbs func() *petrarch.VerbTable
	// prepared hands the sentences ParseStage prepared for an article
	// (*model.Article → []*sent) to Process, which takes them out; see
	// handOver.
	prepared sync.Map
	// text tokenises a sentence the text stage left without tokens (nil:
	// the text stage with the built-in tagger); see WithText.
	text petrarch.Tokenizer
}

// WithText sets the text stage that tokenises and tags a sentence that
// arrives without tokens (an article that did not go through the text
// stage): there is one tokeniser, internal/text's.
func (c *Coder) WithText(t petrarch.Tokenizer) *Coder {
	c.text = t
	return c
}

// defaultText is the text stage as the pipeline builds it (tagged and
// lemmatised by the built-in syntax model, untagged without one), for a
// coder given none.
var defaultText = sync.OnceValue(func() petrarch.Tokenizer {
	o := text.DefaultOptions()
	if p, err := syntax.Default(); err == nil {
		o.Tagger = p
	}
	return text.New(o)
})

// tokens are sentence s's tokens: the text stage's, or the text stage
// run on it now.
func (c *Coder) tokens(art *model.Article, i int, s model.Sentence) []model.Token {
	if i < len(art.Tokens) && art.Tokens[i] != nil {
		return art.Tokens[i]
	}
	tx := c.text
	if tx == nil {
		tx = defaultText()
	}
	return tx.Tokenize(art.Body, model.Span{Start: s.Start, End: s.End})
}

// WithVerbs sets the fallback verb vocabulary, read on first use (the
// Phoenix dictionaries take a second to compile): a parsed verb that no
// verbs.txt line heads is coded by its Phoenix patterns.
func (c *Coder) WithVerbs(std *petrarch.Standard) *Coder {
	c.verbs = func() *petrarch.VerbTable {
		v, err := std.Vocabulary()
		if err != nil || v == nil {
			return nil
		}
		return v.Verbs
	}
	return c
}

// New returns a coder over lex.
func New(lex *Lexicon, opts Options) *Coder {
	if opts.MaxGap <= 0 {
		opts.MaxGap = 3
	}
	if opts.MaxObjectWords <= 0 {
		opts.MaxObjectWords = 14
	}
	return &Coder{lex: lex, opts: opts}
}

// Name implements model.Stage.
func (c *Coder) Name() string { return "events" }

// mention is an entity mention in a sentence, with its token range.
type mention struct {
	ent        *model.Entity
	start, end int // bytes
	first      int // token range [first, last]
	last       int
	poss       bool // followed by 's
	adj        bool // demonym used as a modifier ("Chinese ships")
}

// insideName reports whether m names a place inside the name of an
// organisation or person ("Philippines" in "University of the
// Philippines", "Nigeria" in "Central Bank of Nigeria"): the body is the
// actor, the place is part of its name and acts on its own in no event.
func insideName(m mention, ms []mention) bool {
	if m.ent.Type != model.TypePlace {
		return false
	}
	for _, o := range ms {
		if o.ent != m.ent && (o.ent.Type == model.TypeOrg || o.ent.Type == model.TypePerson) &&
			o.start <= m.start && m.end <= o.end && o.end-o.start > m.end-m.start {
			return true
		}
	}
	return false
}

// tok is a token with the facts the coder uses.
type tok struct {
	text, low, tag string
	// lemma is the tagger's lemma, lower case (the text stage puts one
	// on every token); low when the token has none (no tagger ran)
	lemma string
	// key is the lemma key of an inflected token (see lemmaKey), "" for
	// a base form
	key        string
	start, end int
	ments      []int // indexes into sent.ments covering the token
	inTime     int   // index into art.Times + 1, or 0
	// quote and bound are set once in prepare: the coder asks them of
	// every token many times over.
	quote bool // an opening or closing quotation mark
	bound bool // ends a phrase (see isBoundary)
	place bool // inside a mention of a place (not a demonym): a pattern's "@place"
}

type sent struct {
	// verbHead reports whether a token can head a verb pattern (the
	// lexicon's isHead), for the parse mends; nil in tests that build a
	// sentence by hand
	verbHead func(tok) bool
	idx      int
	s        model.Sentence
	toks     []tok
	ments    []mention
	used     []bool // tokens consumed by a pattern match
	verb     []bool // tokens consumed by a match used as a verb
	// speech marks the heads of speech verbs ("said"), whose clausal
	// complement may name their subject by a pronoun
	speech []bool
	// the dependency parse (nil when the sentence was not parsed): head
	// (0-based, -1 root), relation, lower-case lemma and dependents
	heads  []int
	rels   []string
	lemmas []string
	kids   [][]int
	// focusCountry is the country of the article's main place, for actors
	// named by a group noun alone ("gunmen")
	focusCountry string
	// dict keeps, with dictionaries, what findMatches reads of the
	// tokens on every pass (see dictmatch.go); nil until then
	dict *dictSent
	// words are the lexicon's classes of words (events/words.tsv)
	words *wordClasses
}

// match is one verb-pattern hit.
type match struct {
	p    *pattern
	head int // token index of the head
	last int // token index of the last pattern word
	// first: the token of a dictionary pattern's first word before its
	// verb ("NOTED + *"), head when it has none
	first   int
	noun    bool
	subj    []actorRef
	subjAt  int // first token of the subject NP, or -1
	passive bool
	agent   []actorRef // a parsed passive's by-agent (obl:agent)
	// light: an event noun asserted by the light verb that governs it
	// ("staged a strike"), which needs no target
	light bool
	// tgts, when set, are the targets the arcs gave (a demand's addressee)
	tgts []*mention
	mod  string
	// willNot: a negated future ("will not V"), an announced refusal
	willNot bool
	gov     *match // the governing verb of an infinitive complement
	code    string
	done    bool
}

type actorRef struct {
	m *mention
}

// Process implements model.Stage: it fills art.Quotes and art.Events.
func (c *Coder) Process(ctx context.Context, art *model.Article) error {
	art.Events = art.Events[:0]
	if art.Events == nil {
		art.Events = []model.Event{}
	}
	sents := c.takePrepared(art)
	if sents == nil {
		sents = c.prepare(art)
	}
	if f := focusPlace(art); f != nil {
		for _, st := range sents {
			st.focusCountry = model.Deref(f.Country)
		}
	}
	if c.opts.Quotes {
		art.Quotes = c.quotes(art, sents)
	} else if art.Quotes == nil {
		art.Quotes = []model.Quote{}
	}
	focus := focusPlace(art)
	groups := 0
	var prev *model.Entity    // the previous sentence's subject (antecedent)
	var pair [2]*model.Entity // its source and target
	for i := range sents {
		if i%32 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		sents[i].pronounSubject(prev)
		sents[i].pairSubject(pair)
		evs := c.sentence(art, sents[i])
		prev = subjectOf(art, sents[i], evs)
		pair = pairOf(art, evs)
		// number groups and ids, then fill dates, locations
		for _, ev := range evs {
			if ev.group > 0 {
				ev.ev.Group = model.Str("g" + strconv.Itoa(groups+ev.group))
			}
			ev.ev.ID = "v" + strconv.Itoa(len(art.Events)+1)
			if ev.ev.Location == nil && focus != nil {
				l := *focus
				ev.ev.Location = &l
			}
			art.Events = append(art.Events, ev.ev)
		}
		maxg := 0
		for _, ev := range evs {
			if ev.group > maxg {
				maxg = ev.group
			}
		}
		groups += maxg
	}
	return nil
}

// subjectOf is the entity sentence st is about, for a pronoun that opens
// the next: the source of its first event with a named source, else the
// entity named by its first words ("Ghana recalled ..."); nil for none.
func subjectOf(art *model.Article, st *sent, evs []coded) *model.Entity {
	for _, ev := range evs {
		if e := entityByID(art, ev.ev.Source.Entity); e != nil {
			return e
		}
	}
	for _, m := range st.ments {
		if m.first <= 1 && !m.adj && !m.poss && model.Deref(m.ent.Code) != "" {
			return m.ent
		}
	}
	return nil
}

// pronounSubject reads a pronoun that opens the sentence as the subject
// of its verb ("It accused Togo of ...", "He said ...") as the previous
// sentence's subject, ante, when the two agree: "it" an organisation or
// a country, "he" and "she" a person or the holder of a role ("the
// president"), "they" a group or organisation
// (named in lower case: "protesters", or an organisation's name). The
// pronoun becomes a mention of ante in this sentence. "It is", "It was",
// "It has been" (an expletive or a cleft) are left.
func (st *sent) pronounSubject(ante *model.Entity) {
	if ante == nil || len(st.toks) < 2 || len(st.toks[0].ments) > 0 || model.Deref(ante.Code) == "" {
		return
	}
	if !verbStart(st.toks[1]) || st.words.beForms[st.toks[1].low] ||
		len(st.toks) > 2 && st.words.beForms[st.toks[2].low] {
		return // "It is unclear", "It has been alleged ..."
	}
	switch st.toks[0].low {
	case "it":
		if ante.Type != model.TypeOrg && ante.Type != model.TypePlace || groupName(ante) {
			return
		}
	case "he", "she":
		if ante.Type != model.TypePerson && !st.holder(ante) {
			return
		}
	case "they":
		if ante.Type != model.TypeOrg {
			return
		}
	default:
		return
	}
	st.prependMentions(0, ante)
}

// verbStart reports a token that may begin a subject's predicate: a
// verb, a modal or an adverb before one.
func verbStart(t tok) bool {
	return strings.HasPrefix(t.tag, "VB") || t.tag == "MD" || t.tag == "RB"
}

// prependMentions adds mentions of ents on token k, before the
// sentence's own (token k is the sentence's first words, so the
// mentions stay sorted by position): the other mentions' indices on the
// tokens move up by len(ents).
func (st *sent) prependMentions(k int, ents ...*model.Entity) {
	for j := range st.toks {
		for x := range st.toks[j].ments {
			st.toks[j].ments[x] += len(ents)
		}
	}
	t := st.toks[k]
	add := make([]mention, len(ents))
	for i, e := range ents {
		add[i] = mention{ent: e, start: t.start, end: t.end, first: k, last: k}
		st.toks[k].ments = append(st.toks[k].ments, i)
	}
	st.ments = append(add, st.ments...)
}

// entityByID returns the article's entity with id, nil for none.
func entityByID(art *model.Article, id *string) *model.Entity {
	if model.Deref(id) == "" {
		return nil
	}
	for k := range art.Entities {
		if art.Entities[k].ID == *id {
			return &art.Entities[k]
		}
	}
	return nil
}

// pairOf is the source and target of the first of evs that names both,
// as two different entities.
func pairOf(art *model.Article, evs []coded) [2]*model.Entity {
	for _, ev := range evs {
		if ev.ev.Target == nil {
			continue
		}
		s, t := entityByID(art, ev.ev.Source.Entity), entityByID(art, ev.ev.Target.Entity)
		if s != nil && t != nil && s != t {
			return [2]*model.Entity{s, t}
		}
	}
	return [2]*model.Entity{}
}

// pairSubject reads a subject that names the two parties of the previous
// sentence ("The two leaders agreed ...", "Both countries signed ...":
// words.tsv pairWords and pairNouns) as that sentence's source and
// target, both mentions on the noun, so that a reciprocal act codes each
// as the other's partner.
func (st *sent) pairSubject(pair [2]*model.Entity) {
	if pair[0] == nil || pair[1] == nil {
		return
	}
	k := 0
	if k < len(st.toks) && st.toks[k].low == "the" {
		k++
	}
	if k+2 >= len(st.toks) || !st.words.pairWords[st.toks[k].low] || !st.words.pairNouns[st.toks[k+1].low] {
		return
	}
	n := k + 1
	if len(st.toks[n].ments) > 0 {
		return
	}
	if !verbStart(st.toks[n+1]) {
		return
	}
	st.prependMentions(n, pair[0], pair[1])
}

// holder reports an actor named by a singular role noun ("the
// president", "the foreign minister"): a person, whom "he" or "she" may
// stand for.
func (st *sent) holder(e *model.Entity) bool {
	w := e.Name
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	w = strings.ToLower(w)
	return e.Type == model.TypeOrg && st.words.roleHeads[w] && !strings.HasSuffix(w, "s")
}

// groupName reports an actor named by a group noun ("protesters",
// "gunmen"): lower case, plural, "they" and not "it".
func groupName(e *model.Entity) bool {
	return e.Name != "" && e.Name == strings.ToLower(e.Name) && strings.HasSuffix(e.Name, "s")
}

// prepare indexes tokens, mentions and times per sentence.
func (c *Coder) prepare(art *model.Article) []*sent {
	out := make([]*sent, len(art.Sentences))
	for i, s := range art.Sentences {
		st := &sent{idx: i, s: s, words: c.lex.words, verbHead: c.lex.isHead}
		toks := c.tokens(art, i, s)
		st.toks = make([]tok, len(toks))
		for j, t := range toks {
			k := tok{text: t.Text, low: strings.ToLower(t.Text), tag: t.Tag, start: t.Start, end: t.End}
			k.lemma = tokenLemma(t)
			k.key = tokenKey(t, k.low, k.lemma)
			k.quote = maybeQuote(k.text) && (quoteOpen[k.text] || quoteClose[k.text])
			k.bound = st.boundary(k)
			st.toks[j] = k
		}
		for j := 1; j+1 < len(st.toks); j++ {
			if st.toks[j].bound && st.words.clauseWords[st.toks[j].low] && st.toks[j+1].tag == "CD" && (st.toks[j-1].tag == "JJR" || st.toks[j-1].tag == "RBR") {
				st.toks[j].bound = false // an amount, no clause: "more than 500 prisoners"
			}
		}
		st.used = make([]bool, len(toks))
		st.verb = make([]bool, len(toks))
		st.speech = make([]bool, len(toks))
		st.setParse(toks)
		out[i] = st
	}
	for ei := range art.Entities {
		e := &art.Entities[ei]
		// affiliations ("Syrian" in "Syrian troops") code actors as mentions do
		for _, m := range slices.Concat(e.Mentions, e.Affiliations) {
			if m.Sentence < 0 || m.Sentence >= len(out) {
				continue
			}
			st := out[m.Sentence]
			first, last := -1, -1
			j := sort.Search(len(st.toks), func(j int) bool { return st.toks[j].end > m.Start })
			for ; j < len(st.toks) && st.toks[j].start < m.End; j++ {
				if first < 0 {
					first = j
				}
				last = j
			}
			if first < 0 {
				continue
			}
			if e.Type == model.TypePlace && patronOf(st, last, m.End) {
				continue // "Iranian-backed militias" are not Iran's
			}
			mm := mention{ent: e, start: m.Start, end: m.End, first: first, last: last}
			if last+1 < len(st.toks) {
				n := st.toks[last+1].low
				mm.poss = n == "'s" || n == "’s" || n == "'" || n == "’"
			}
			if hasSuffixFold(m.Text, "'s") || hasSuffixFold(m.Text, "’s") {
				mm.poss = true
			}
			if e.Type == model.TypePlace && !strings.EqualFold(m.Text, e.Name) && isDemonym(m.Text) {
				// "Chinese ships": a modifier unless it stands alone as a noun
				if last+1 < len(st.toks) && isWordTok(st.toks[last+1]) && !st.words.clauseWords[st.toks[last+1].low] && !st.words.prepositions[st.toks[last+1].low] {
					mm.adj = true
				}
			}
			st.ments = append(st.ments, mm)
		}
	}
	for _, st := range out {
		drop := make([]bool, len(st.ments))
		for i, m := range st.ments {
			drop[i] = insideName(m, st.ments)
		}
		kept := st.ments[:0]
		for i, m := range st.ments {
			if !drop[i] {
				kept = append(kept, m)
			}
		}
		st.ments = kept
		sort.SliceStable(st.ments, func(a, b int) bool { return st.ments[a].start < st.ments[b].start })
		for mi, m := range st.ments {
			text := art.Body[m.start:m.end]
			place := m.ent.Type == model.TypePlace && !m.adj && (strings.EqualFold(text, m.ent.Name) || !isDemonym(text))
			for j := m.first; j <= m.last; j++ {
				st.toks[j].ments = append(st.toks[j].ments, mi)
				st.toks[j].place = st.toks[j].place || place
			}
		}
	}
	for ti, t := range art.Times {
		if t.Sentence < 0 || t.Sentence >= len(out) {
			continue
		}
		st := out[t.Sentence]
		j := sort.Search(len(st.toks), func(j int) bool { return st.toks[j].end > t.Start })
		for ; j < len(st.toks) && st.toks[j].start < t.End; j++ {
			st.toks[j].inTime = ti + 1
		}
	}
	return out
}

func isDemonym(s string) bool {
	l := strings.ToLower(s)
	for _, suf := range []string{"an", "ese", "ish", "i", "ic", "ch", "ean", "ian", "ine", "ss", "ek"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return strings.Contains(l, "-made") || strings.Contains(l, "-backed") || strings.Contains(l, "-led")
}

// maybeQuote is a cheap test that text may be a quotation mark: they
// start with a straight quote, a backtick or a non-ASCII byte.
func maybeQuote(text string) bool {
	return text != "" && (text[0] == '"' || text[0] == '\'' || text[0] == '`' || text[0] >= 0x80)
}

// hasSuffixFold is strings.HasSuffix ignoring case, without lowering s.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

func isWordTok(t tok) bool {
	if t.text == "" {
		return false
	}
	r := t.text[0]
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80 && !t.quote
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// patronOf reports a name that ends inside token k as the first part of
// a compound of patronage ("Iranian-backed", "US-trained": words.tsv
// patronWords): a country so named is a sponsor of the noun after it,
// not its actor. (Prepare asks it of places only: a "UN-backed court"
// is the UN's institution, as the dictionaries code it.)
func patronOf(st *sent, k, end int) bool {
	t := st.toks[k]
	if end >= t.end || end <= t.start || len(t.low) != len(t.text) {
		return false // (lower-casing changed the bytes: no offsets into low)
	}
	rest := t.low[end-t.start:]
	w, ok := strings.CutPrefix(rest, "-")
	return ok && st.words.patronWords[w]
}

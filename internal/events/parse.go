package events

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Parser fills a sentence's tags, lemmas, heads and relations in place
// (internal/syntax's *Parser does).
type Parser interface {
	ParseSentence(toks []model.Token)
}

// taggedParser parses tokens that already carry its model's tags,
// filling Head and Rel only (internal/syntax's *Parser is one).
type taggedParser interface {
	ParseTagged(toks []model.Token)
}

// ParseStage is the pipeline stage that parses, lazily, the sentences the
// coder can use: those with an actor candidate (a mention or affiliation
// of an entity with an actor code, or a group noun) and an event word (a
// head word of a verb pattern). It
// runs after the entities stage, whose mentions decide what is worth
// parsing; the text stage has already tagged and lemmatised every
// sentence with the same model, so the parse adds Head and Rel to the
// tags every earlier stage read (KeepTags).
type ParseStage struct {
	Parser Parser
	Coder  *Coder
	// KeepTags keeps the tokens' Tag, UPOS and Lemma as they come (the
	// parse fills Head and Rel only, without tagging again when the
	// Parser can parse from given tags). Without it the parse's own tags
	// replace them: the same ones when the text stage tagged with the
	// parser's model.
	KeepTags bool
	// Gaps parses only the sentences the window reading leaves a gap in
	// (see windowGap): the parser costs more than every other stage
	// together.
	Gaps bool
	// Matches parses only the sentences a pattern may match in (see
	// mayCode), and not a sentence an earlier stage parsed: with
	// dictionaries (DictionaryStage), whose verbs head most sentences.
	Matches bool
}

// Name implements model.Stage.
func (s *ParseStage) Name() string { return "syntax" }

// Process implements model.Stage.
func (s *ParseStage) Process(ctx context.Context, a *model.Article) error {
	actor := make([]bool, len(a.Tokens))
	for i := range a.Entities {
		e := &a.Entities[i]
		if model.Deref(e.Code) == "" {
			continue // an uncoded name gives the parse no source or target (docs/performance.md, "the parse gate")
		}
		for _, m := range e.Mentions {
			if m.Sentence >= 0 && m.Sentence < len(actor) {
				actor[m.Sentence] = true
			}
		}
		for _, m := range e.Affiliations {
			if m.Sentence >= 0 && m.Sentence < len(actor) {
				actor[m.Sentence] = true
			}
		}
	}
	var kept []model.Token
	var sents []*sent
	for i, toks := range a.Tokens {
		if i%64 == 0 && ctx.Err() != nil {
			return fmt.Errorf("syntax: %w", ctx.Err())
		}
		if !((actor[i] || s.Coder.groupWord(toks)) && s.Coder.eventWord(toks)) {
			continue
		}
		if s.Matches && parsedTokens(toks) {
			continue
		}
		if s.Gaps || s.Matches {
			if sents == nil {
				sents = s.Coder.prepare(a)
			}
			if s.Gaps && i < len(sents) && !s.Coder.windowGap(sents[i]) {
				continue
			}
			if s.Matches && i < len(sents) && !s.Coder.mayCode(sents[i]) {
				continue
			}
		}
		if !s.KeepTags {
			s.Parser.ParseSentence(toks)
			continue
		}
		if tp, ok := s.Parser.(taggedParser); ok {
			tp.ParseTagged(toks) // no second tagging
			continue
		}
		kept = append(kept[:0], toks...)
		s.Parser.ParseSentence(toks)
		for k := range toks {
			toks[k].Tag, toks[k].UPOS, toks[k].Lemma = kept[k].Tag, kept[k].UPOS, kept[k].Lemma
		}
	}
	if sents != nil && s.KeepTags {
		s.Coder.handOver(a, sents)
	}
	return nil
}

// handOver keeps the sentences the parse stage prepared (to find the
// window reading's gaps) for the coder's Process on the same article,
// which would otherwise prepare them again: the window reading's marks
// are cleared and the arcs of the sentences just parsed are read in.
// Only with KeepTags: the tokens' tags and lemmas, which prepare copied,
// are then unchanged by the parse.
func (c *Coder) handOver(a *model.Article, sents []*sent) {
	for i, st := range sents {
		clear(st.used)
		clear(st.verb)
		clear(st.speech)
		if i < len(a.Tokens) && !st.parsed() && len(a.Tokens[i]) == len(st.toks) {
			st.setParse(a.Tokens[i])
		}
	}
	c.prepared.Store(a, sents)
}

// takePrepared returns (and forgets) the sentences handed over for a,
// nil when there are none or they no longer fit the article.
func (c *Coder) takePrepared(a *model.Article) []*sent {
	v, ok := c.prepared.LoadAndDelete(a)
	if !ok {
		return nil
	}
	sents := v.([]*sent)
	if len(sents) != len(a.Sentences) {
		return nil
	}
	for i, st := range sents {
		if i >= len(a.Tokens) || len(a.Tokens[i]) != len(st.toks) {
			return nil
		}
	}
	return sents
}

// eventWord reports whether one of toks can head a verb pattern, by its
// lemma or its form.
func (c *Coder) eventWord(toks []model.Token) bool {
	var buf [32]byte
	for _, t := range toks {
		if c.headWord(buf[:0], t.Text) || t.Lemma != "" && c.headWord(buf[:0], t.Lemma) {
			return true
		}
		if t.Tag != "" && t.Tag != "NN" && t.Tag != "NNP" && t.Tag != "IN" && t.Tag != "DT" {
			low := strings.ToLower(t.Text)
			if k := tokenKey(t, low, tokenLemma(t)); k != "" && len(c.lex.keyed(k)) > 0 {
				return true
			}
		}
	}
	return false
}

// headWord reports whether w, lowered into buf, heads a verb pattern.
func (c *Coder) headWord(buf []byte, w string) bool {
	if len(w) > cap(buf) {
		return false
	}
	low := append(buf, w...)
	for j, b := range low {
		if b >= 'A' && b <= 'Z' {
			low[j] = b + 'a' - 'A'
		}
	}
	if c.lex.dict != nil {
		return len(c.lex.dict.word(string(low))) > 0
	}
	_, ok := c.lex.patterns[string(low)]
	return ok
}

// groupWord reports whether toks hold a group noun that stands for an
// actor without a name ("gunmen", "protesters"; see groups.tsv).
func (c *Coder) groupWord(toks []model.Token) bool {
	for _, t := range toks {
		if _, ok := c.lex.groups[strings.ToLower(t.Text)]; ok {
			return true
		}
	}
	return false
}

// relativeBefore reports whether a relative pronoun after a noun stands
// between the window's subject and the verb of m: the subject's phrase
// may end in the relative clause's own object ("the rebels who seized
// Goma in January attacked"), which the arcs (nsubj) set right.
func relativeBefore(st *sent, m *match) bool {
	for j := max(m.subjAt, 1); j < m.head; j++ {
		if relPronoun(st.toks[j].low) && strings.HasPrefix(st.toks[j-1].tag, "NN") {
			return true
		}
	}
	for j := m.subjAt - 1; j >= 1 && j >= m.subjAt-8; j-- {
		if isBoundary(st.toks[j]) && !relPronoun(st.toks[j].low) {
			break
		}
		if relPronoun(st.toks[j].low) && strings.HasPrefix(st.toks[j-1].tag, "NN") {
			return true
		}
	}
	return false
}

// parsed reports whether the sentence carries a dependency parse.
func (st *sent) parsed() bool { return st.heads != nil }

// windowGap reports whether the window reading of st leaves something
// the parse could give: a verb or event noun with no subject, a passive
// ("by"), or a pronoun that may stand for a speaker.
func (c *Coder) windowGap(st *sent) bool {
	ms := c.findMatches(st)
	for k, m := range ms {
		if m.noun {
			return true
		}
		c.subject(st, ms, k)
		if len(m.subj) == 0 && (m.code != "" || m.p.class != "") || m.passive {
			return true
		}
		if h := m.head; st.toks[h].tag == "VBG" && h > 0 && strings.HasPrefix(st.toks[h-1].tag, "NN") {
			return true // "protesters blocking roads": a participle the parse may attach to its noun
		}
		if !m.noun && len(m.subj) > 0 && relativeBefore(st, m) {
			return true // "the rebels who seized Goma attacked ...": the window takes Goma
		}
		if !m.noun && c.lex.is(m.code, classViolent|classOwned) && possessiveAfter(st, m) {
			return true // "X said Y shelled its towns": whose, only the arcs read (speakerOwned)
		}
		if !m.noun && len(m.subj) == 1 && st.toks[m.head].tag != "VBN" && coordinatedBefore(st, m) {
			return true // "Somali troops and al-Shabaab fighters clashed": the window takes one conjunct
		}
		if c.lex.is(m.code, classBetween) && betweenAt(st, m) >= 0 {
			return true // "mediated between X and Y rebels": each party by the arcs
		}
		if !m.noun && c.objectGap(st, m) {
			return true // "criticised, for the second time, Y's tariffs": an object the window cannot reach
		}
	}
	for i, t := range st.toks {
		if st.words.speakerPronouns[t.low] {
			return true
		}
		if c.lex.isHead(t) && !st.used[i] && strings.HasPrefix(t.tag, "VB") && t.tag != "VBG" && t.tag != "VBN" {
			return true // a finite event verb the window took for a noun ("students in Chile condemned")
		}
		if c.lex.isHead(t) && !st.used[i] && t.tag == "VBN" && i > 0 && strings.HasPrefix(st.toks[i-1].tag, "NN") {
			return true // a past tense tagged as a participle ("protesters in X blocked roads")
		}
		for _, p := range c.lex.heads(t) {
			if p.class == classDemand {
				return true // "X said Y must V" is read from the arcs only
			}
		}
	}
	return false
}

// coordinatedBefore reports a coordinating conjunction among the eight
// words before m's verb, in its clause, that joins nouns: no verb
// stands between it and m's verb, and it is not right before it ("X and
// Y clashed", not "X was involved in ... and returned"). (Its caller
// leaves out participles: "officials and companies accused of ..." are
// the accused.)
func coordinatedBefore(st *sent, m *match) bool {
	for k := m.head - 1; k >= 0 && k >= m.head-8 && !isBoundary(st.toks[k]); k-- {
		if strings.HasPrefix(st.toks[k].tag, "VB") || st.toks[k].tag == "MD" {
			return false
		}
		if st.coordWord(st.toks[k].low) {
			return k < m.head-1
		}
	}
	return false
}

// possessiveAfter reports a possessive pronoun after m's verb, among its
// pattern's words or the four words after them, in its clause.
func possessiveAfter(st *sent, m *match) bool {
	for k := m.head + 1; k < len(st.toks) && k <= m.last+4 && !isBoundary(st.toks[k]); k++ {
		if st.words.possPronouns[st.toks[k].low] {
			return true
		}
	}
	return false
}

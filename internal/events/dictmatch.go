package events

import (
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Matching with dictionaries: a Phoenix head word heads hundreds of
// patterns ("SAY", "MEET"), and findMatches tries them longest first
// until one matches, so most of its time went to patterns whose words
// are nowhere in the sentence, and to merging the lists a token's
// lemma, form and lemma key head (Lexicon.heads). Both are cut here
// without changing what matches: the merged list of a (lemma, form,
// key) triple is kept once built, and each compiled dictionary pattern
// carries, for each of its words after the verb, a 256-bit set of the
// hashes of its alternatives and their lemma keys; a pattern is tried
// only when every one of those sets meets the set of the hashes of the
// sentence's forms, lemmas and keys (a word p.at matches is in both).

// wordBits is a set of word hashes, 256 buckets.
type wordBits [4]uint64

// hashWord is the bucket of w (FNV-1a, folded to a byte).
func hashWord(w string) uint8 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return uint8(h ^ h>>8 ^ h>>16 ^ h>>24)
}

func (b *wordBits) add(w string) {
	h := hashWord(w)
	b[h>>6] |= 1 << (h & 63)
}

func (b *wordBits) meets(o *wordBits) bool {
	return b[0]&o[0]|b[1]&o[1]|b[2]&o[2]|b[3]&o[3] != 0
}

// sentBits is the set of the hashes of st's forms, lemmas and keys.
func sentBits(st *sent) *wordBits {
	var b wordBits
	for i := range st.toks {
		t := &st.toks[i]
		b.add(t.low)
		b.add(t.lemma)
		if t.key != "" {
			b.add(t.key)
		}
	}
	return &b
}

// setNeed fills p.need from p's alternative and key sets; bits caches
// the set of each shared alternatives map (keyed by its alternatives'
// joined words, as shareSets shares them).
func setNeed(p *pattern, bits map[string]wordBits) {
	if len(p.alts) < 2 {
		return
	}
	p.need = make([]wordBits, len(p.alts)-1)
	for w := 1; w < len(p.alts); w++ {
		k := strings.Join(p.words[w], "\x00")
		b, ok := bits[k]
		if !ok {
			for a := range p.alts[w] {
				b.add(a)
			}
			for a := range p.keys[w] {
				b.add(a)
			}
			bits[k] = b
		}
		p.need[w-1] = b
	}
}

// mayMatch reports whether every word of p after its verb may be in
// the sentence whose hash set is sb (false: matchRest cannot match).
func (p *pattern) mayMatch(sb *wordBits) bool {
	for i := range p.need {
		if !p.need[i].meets(sb) {
			return false
		}
	}
	return true
}

// maxHeadsMemo bounds the triples headsMemo keeps.
const maxHeadsMemo = 1 << 16

// headKey is the (lemma, form, key) triple Lexicon.heads merges.
type headKey struct{ lemma, low, key string }

// headsMemo keeps Lexicon.heads' merged lists with dictionaries (the
// lists of its words are themselves kept by dictIndex, so a merge is
// the same every time).
type headsMemo struct {
	mu sync.RWMutex
	m  map[headKey][]*pattern
}

// dictHeads is Lexicon.heads for a lexicon with dictionaries.
func (l *Lexicon) dictHeads(t tok) []*pattern {
	d := l.dict
	k := headKey{t.lemma, t.low, t.key}
	d.heads3.mu.RLock()
	ps, ok := d.heads3.m[k]
	d.heads3.mu.RUnlock()
	if ok {
		return ps
	}
	ps = l.mergeHeads(t)
	d.heads3.mu.Lock()
	if d.heads3.m == nil || len(d.heads3.m) >= maxHeadsMemo {
		d.heads3.m = map[headKey][]*pattern{} // bounded: a long run meets ever new words
	}
	d.heads3.m[k] = ps
	d.heads3.mu.Unlock()
	return ps
}

// mayCode reports whether a pattern with a code may match in st
// whatever the parse says: some word outside the names heads a pattern
// that codes an event and whose words after
// (and before) it stand in the sentence as matchRest (beforeAt) reads
// them with no word used yet. findMatches, parsed or not, finds a match
// only there (the parse changes a head's usage, not where a pattern's
// words are), and a sentence without a coded match codes nothing (an
// event's code is its match's, or one a frame gives a coded match;
// sitrep's frames, the only patterns with no code, code nothing alone;
// the dictionaries compile no demand): with
// dictionaries the parse stage parses no other sentence
// (ParseStage.Matches).
func (c *Coder) mayCode(st *sent) bool {
	sb := c.dictSent(st).bits
	for i := range st.toks {
		if len(st.toks[i].ments) > 0 {
			continue // part of a name (usage)
		}
		for _, p := range c.headsAt(st, i) {
			if p.code == "" || p.class == classDemand || p.need != nil && !p.mayMatch(sb) {
				continue // a frame alone codes nothing
			}
			if _, ok := c.matchRest(st, p, i); !ok {
				continue
			}
			if len(p.before) > 0 && c.beforeAt(st, p, i) < 0 {
				continue
			}
			if c.mayBeVerb(st, i, p) {
				return true
			}
		}
	}
	return false
}

// mayBeVerb reports whether usage may read token i as p's verb in st
// (fresh from prepare: nothing matched, not parsed), parsed or not and
// whatever matched before it. Only a verb tag other than VBG can be
// made a verb by the parse (clauseHead); otherwise usage reads tags and
// names, and the matches before i only through st.verb, which can make
// a subject before i (subjectBefore), and so a verb, only less likely:
// unmarked, the verb reading is the likeliest it can be. A pattern that
// may head a noun is left to findMatches.
func (c *Coder) mayBeVerb(st *sent, i int, p *pattern) bool {
	if !p.dictionary || p.noun || p.nounOnly {
		return true
	}
	if tag := st.toks[i].tag; strings.HasPrefix(tag, "VB") && tag != "VBG" {
		return true
	}
	_, verb := c.usage(st, i, p)
	return verb
}

// dictSent is what findMatches reads of a sentence's tokens on every
// pass (the parse gate's, the coding's, the speakers'), kept with the
// sentence: its word-hash set and each token's patterns.
type dictSent struct {
	bits  *wordBits
	heads [][]*pattern
	done  []bool
}

// dictSent returns st's kept reading, made on first use (a copy of st
// made after shares it).
func (c *Coder) dictSent(st *sent) *dictSent {
	if st.dict == nil || len(st.dict.heads) != len(st.toks) {
		st.dict = &dictSent{bits: sentBits(st), heads: make([][]*pattern, len(st.toks)), done: make([]bool, len(st.toks))}
	}
	return st.dict
}

// headsAt is c.lex.heads(st.toks[i]), kept with st with dictionaries.
func (c *Coder) headsAt(st *sent, i int) []*pattern {
	if c.lex.dict == nil {
		return c.lex.heads(st.toks[i])
	}
	d := c.dictSent(st)
	if !d.done[i] {
		d.heads[i], d.done[i] = c.lex.heads(st.toks[i]), true
	}
	return d.heads[i]
}

// parsedTokens reports whether toks carry a parse (an earlier stage's,
// with the same parser and tags).
func parsedTokens(toks []model.Token) bool {
	for i := range toks {
		if toks[i].Rel != "" {
			return true
		}
	}
	return false
}

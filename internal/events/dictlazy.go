package events

import (
	"slices"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// dictIndex is a dictionary's verb patterns, compiled on first use: the
// Phoenix verbs expand into some 150,000 patterns, of which a text uses
// the few heads its verbs are. At load only each verb entry's head words
// are indexed (by word and by lemma key); the first lookup of a word or
// key compiles the entries it heads (each entry once, each block
// pattern's synset expansion once for all the verbs of its block) and
// keeps the list, sorted as Lexicon.sortPatterns sorts. The lists are
// what an eager compile of every entry gives: the same patterns (one
// object per pattern, whatever word or key finds it), in the same order,
// with a pattern whose text an earlier entry's pattern has dropped (both
// have the same head words, so they meet in every list). Lookups are
// safe from several goroutines.
type dictIndex struct {
	vt      *petrarch.VerbTable
	entries []*petrarch.VerbEntry
	byWord  map[string][]int32 // head word -> entries, in Entries order
	byKey   map[string][]int32 // lemma key of a head word -> entries
	// static are the lexicon's own lists (sitrep's frames) that follow
	// the dictionary's patterns in each list
	static *Lexicon

	words, keys *sync.Map // word (key) -> []*pattern, sorted

	mu       sync.Mutex
	compiled [][]*pattern // entry -> its patterns; nil until compiled
	done     []bool
	elems    map[*[]petrarch.Elem]elemsResult
	sets     map[string][2]map[string]bool
	bits     map[string]wordBits // setNeed's cache
	// heads3 keeps Lexicon.heads' merged lists
	heads3 headsMemo
}

type elemsResult struct {
	out [][]dictPos
	ok  bool
}

// newDictIndex indexes vt's entries by their head words.
func newDictIndex(vt *petrarch.VerbTable, static *Lexicon) *dictIndex {
	d := &dictIndex{vt: vt, byWord: map[string][]int32{}, byKey: map[string][]int32{}, static: static,
		elems: map[*[]petrarch.Elem]elemsResult{}, sets: map[string][2]map[string]bool{}, words: &sync.Map{}, keys: &sync.Map{}}
	for _, e := range vt.Entries() {
		head := entryHead(e)
		if head == nil {
			continue
		}
		i := int32(len(d.entries))
		d.entries = append(d.entries, e)
		for _, w := range head {
			if s := d.byWord[w]; len(s) == 0 || s[len(s)-1] != i {
				d.byWord[w] = append(s, i)
			}
			k := lemmaKey(w)
			if s := d.byKey[k]; len(s) == 0 || s[len(s)-1] != i {
				d.byKey[k] = append(s, i)
			}
		}
	}
	d.compiled = make([][]*pattern, len(d.entries))
	d.done = make([]bool, len(d.entries))
	return d
}

// entryHead is the head position's alternatives of every pattern of
// entry e: its phrase's first word and the forms of it the dictionary
// lists ("{FOUGHT}"); nil for an empty phrase.
func entryHead(e *petrarch.VerbEntry) []string {
	if len(e.Phrase) == 0 {
		return nil
	}
	first := strings.ToLower(e.Phrase[0])
	head := []string{first}
	for _, f := range e.Forms {
		if len(f) == len(e.Phrase) && e.Head == 0 {
			if w := strings.ToLower(f[0]); w != first && !slices.Contains(head, w) {
				head = append(head, w)
			}
		}
	}
	return head
}

// word returns the patterns headed by w (as Lexicon.patterns[w]).
func (d *dictIndex) word(w string) []*pattern {
	if v, ok := d.words.Load(w); ok {
		return v.([]*pattern)
	}
	return d.list(d.words, w, d.byWord[w], d.static.patterns[w])
}

// key returns the patterns whose head has lemma key k (as
// Lexicon.byKey[k]).
func (d *dictIndex) key(k string) []*pattern {
	if v, ok := d.keys.Load(k); ok {
		return v.([]*pattern)
	}
	return d.list(d.keys, k, d.byKey[k], d.static.byKey[k])
}

// heads reports whether w heads a pattern (len(word(w)) > 0), compiling
// only the entries whose own code codes no event.
func (d *dictIndex) heads(w string) bool {
	for _, i := range d.byWord[w] {
		if eventCode(d.entries[i].Code) {
			return true // its plain pattern
		}
		d.mu.Lock()
		n := len(d.entry(i))
		d.mu.Unlock()
		if n > 0 {
			return true
		}
	}
	return len(d.static.patterns[w]) > 0
}

// eventCode reports whether a dictionary code compiles into a pattern
// (dictionaryPatterns: not empty, not "---", not a "#" code).
func eventCode(code string) bool {
	code, _, _ = strings.Cut(code, ":")
	return code != "" && code != "---" && !strings.Contains(code, "#")
}

// list builds, keeps and returns the list of the patterns of entries es
// followed by static's.
func (d *dictIndex) list(cache *sync.Map, k string, es []int32, static []*pattern) []*pattern {
	if len(es) == 0 {
		return static
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if v, ok := cache.Load(k); ok {
		return v.([]*pattern)
	}
	var out []*pattern
	seen := map[string]bool{}
	for _, i := range es {
		for _, p := range d.entry(i) {
			if !seen[p.text] {
				seen[p.text] = true
				out = append(out, p)
			}
		}
	}
	out = append(out, static...)
	sortBySize(out)
	if len(out) == 0 {
		out = nil
	}
	cache.Store(k, out)
	return out
}

// entry returns entry i's patterns, compiling them the first time
// (d.mu held).
func (d *dictIndex) entry(i int32) []*pattern {
	if d.done[i] {
		return d.compiled[i]
	}
	ps := dictionaryPatterns(d.vt, d.entries[i], d.compileElems)
	if d.bits == nil {
		d.bits = map[string]wordBits{}
	}
	for _, p := range ps {
		shareSets(p, d.sets)
		setNeed(p, d.bits)
	}
	d.compiled[i], d.done[i] = ps, true
	return ps
}

// compileElems is compileElems once per element list: a block's
// patterns are shared by its verbs, and their expansions with them
// (read only).
func (d *dictIndex) compileElems(vt *petrarch.VerbTable, es *[]petrarch.Elem) ([][]dictPos, bool) {
	if r, ok := d.elems[es]; ok {
		return r.out, r.ok
	}
	out, ok := compileElems(vt, *es)
	d.elems[es] = elemsResult{out, ok}
	return out, ok
}

// all returns every dictionary pattern (compiling every entry), each
// once, in no set order (Lexicon.Patterns counts them).
func (d *dictIndex) all() []*pattern {
	var out []*pattern
	seen := map[*pattern]bool{}
	for w := range d.byWord {
		for _, p := range d.word(w) {
			if p.dictionary && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// shareSets sets p's alternative and lemma key sets, shared through
// sets with every pattern that has the same alternatives at a position
// (the sets are read only).
func shareSets(p *pattern, sets map[string][2]map[string]bool) {
	p.alts = make([]map[string]bool, len(p.words))
	p.keys = make([]map[string]bool, len(p.words))
	for i, alts := range p.words {
		k := strings.Join(alts, "\x00")
		if s, ok := sets[k]; ok {
			p.alts[i], p.keys[i] = s[0], s[1]
			continue
		}
		p.alts[i], p.keys[i] = map[string]bool{}, map[string]bool{}
		for _, w := range alts {
			p.alts[i][w] = true
			p.keys[i][lemmaKey(w)] = true
		}
		if sets != nil {
			sets[k] = [2]map[string]bool{p.alts[i], p.keys[i]}
		}
	}
}

package petrarch

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Flag is a frame property of a verb pattern. PETRARCH dictionaries set
// none; sitrep's own lexicon (lexicon/events/verbs.txt) declares them.
type Flag uint32

// The flags of sitrep's verb lexicon (see its header for their meaning).
const (
	FlagNoun       Flag = 1 << iota // the head may also be an event noun
	FlagNounOnly                    // the head is only an event noun
	FlagSpeech                      // attribution verb: no event of its own
	FlagIntent                      // "vow to V": an intent built from V
	FlagFuture                      // "expected to V": V is future
	FlagPossible                    // "seek to V": V is only possible
	FlagRefuse                      // "refused to V": V refused or negated
	FlagDeny                        // "deny X": X's events are denied
	FlagControl                     // "prompting X to V": X is V's subject
	FlagThreat                      // "threatened to V": a threat built from V
	FlagVia                         // "used X to V": V is the purpose
	FlagTarget                      // code only when a target actor is found
	FlagMutual                      // symmetric act: both directions
	FlagLight                       // "mounted an invasion": the event is the governed noun
	FlagDemand                      // "X said Y must V": X's demand of Y
	FlagPersons                     // an act of persons (a visit), not of an armed force
	FlagFromSource                  // a passive's "from X" names the source ("were expelled from X")
	FlagCease                       // "stopped V-ing": V ended (the cease frame's code) or negated
	FlagRecipient                   // the subject receives: "from X" names the source ("received a loan from X")
)

var flagNames = map[string]Flag{
	"noun": FlagNoun, "nounonly": FlagNounOnly, "speech": FlagSpeech, "intent": FlagIntent,
	"future": FlagFuture, "possible": FlagPossible, "refuse": FlagRefuse, "deny": FlagDeny,
	"control": FlagControl, "threat": FlagThreat, "via": FlagVia, "target": FlagTarget, "mutual": FlagMutual,
	"light": FlagLight, "demand": FlagDemand, "persons": FlagPersons, "fromsource": FlagFromSource, "cease": FlagCease,
	"recipient": FlagRecipient,
}

// VerbPattern is one verb pattern in the form both dictionary formats
// compile to (PETRARCH/TABARI verbs files and sitrep's verbs.txt):
// a verb, what must stand before and after it, and the code.
//
// Words are upper case. Before lists elements that precede the verb
// (nearest last), After those that follow it, in order; an empty
// pattern is the verb alone. ElemPrep elements are prepositional
// dependents ("(TO &CEASEFIRE)"), ElemWords objects or noun-phrase
// words, ElemSource/ElemTarget say where source and target stand.
type VerbPattern struct {
	// Phrase is the verb in its base form, Head the index of the word
	// that inflects: "CORDON OFF" has Head 0, "WIRE TAP" Head 1. A
	// PETRARCH block pattern holds for every verb of its block and
	// leaves Phrase nil: its verb is the VerbEntry it was found through.
	Phrase []string
	Head   int
	Before []Elem
	After  []Elem
	// Code is the CAMEO code ("---": no event; "A:B": source and target
	// codes of a reciprocal event; ":B" only the target's).
	Code  string
	Flags Flag
	// MaxGap is the most words allowed between two pattern words (0:
	// PETRARCH's rules, anything within the clause; sitrep uses 3).
	MaxGap int
	// Block is the PETRARCH verb block ("AGREE"), File and Line where the
	// pattern was written.
	Block string
	File  string
	Line  int
	// Alts are the alternatives of a sitrep line's verb ("organize|
	// organise"), the first of them in Phrase; nil for one verb.
	Alts []string
}

// Lemma is the inflecting word of the verb ("AGREE", "TAP"); "" for a
// block pattern (see Phrase).
func (p *VerbPattern) Lemma() string {
	if p.Head >= len(p.Phrase) {
		return ""
	}
	return p.Phrase[p.Head]
}

// Specificity counts the words, synsets and prepositions a pattern
// asks for: among patterns that match, the most specific one wins.
func (p *VerbPattern) Specificity() int {
	n := 0
	var count func(es []Elem)
	count = func(es []Elem) {
		for _, e := range es {
			switch e.Kind {
			case ElemWords:
				n += len(e.Words)
			case ElemSynset:
				n++
			case ElemPrep:
				n++
				count(e.Objects)
			}
		}
	}
	count(p.Before)
	count(p.After)
	return n
}

// VerbEntry is one verb with its surface forms and patterns.
type VerbEntry struct {
	// Phrase and Head as in VerbPattern.
	Phrase []string
	Head   int
	// Forms are the surface forms of the whole phrase (regular
	// inflections of the head, or the forms the dictionary lists).
	Forms [][]string
	// Code is the code of the verb alone (its own, else its block's).
	Code string
	// Patterns are the patterns of its block, most specific first
	// (shared by the verbs of the block: read-only).
	Patterns []*VerbPattern
	Line     int
}

// VerbTable finds verbs by surface form or lemma and expands synsets.
type VerbTable struct {
	byForm  map[string][]*VerbEntry
	byLemma map[string][]*VerbEntry
	synsets map[string][][]string
	entries int
	pats    int
}

// ByForm returns the verbs that have word as the inflecting word of
// one of their forms ("AGREED" -> AGREE; "TAPPED" -> WIRE TAP, whose
// other words the caller checks against Forms).
func (t *VerbTable) ByForm(word string) []*VerbEntry { return t.byForm[word] }

// ByLemma returns the verbs whose inflecting word is lemma.
func (t *VerbTable) ByLemma(lemma string) []*VerbEntry { return t.byLemma[lemma] }

// Synset returns the phrases of synset name (without "&"), with the
// regular plurals of nouns the dictionary did not mark with "_".
func (t *VerbTable) Synset(name string) [][]string {
	return t.synsets[strings.TrimRight(strings.TrimPrefix(name, "&"), "_")]
}

// Entries returns every verb entry, ordered by lemma and then by the
// order the entries were added.
func (t *VerbTable) Entries() []*VerbEntry {
	var out []*VerbEntry
	for _, l := range slices.Sorted(maps.Keys(t.byLemma)) {
		out = append(out, t.byLemma[l]...)
	}
	return out
}

// Len is the number of verbs; Patterns the number of patterns.
func (t *VerbTable) Len() int { return t.entries }

// Patterns is the number of compiled patterns.
func (t *VerbTable) Patterns() int { return t.pats }

func compileVerbs(d *Dictionaries) *VerbTable {
	t := &VerbTable{byForm: map[string][]*VerbEntry{}, byLemma: map[string][]*VerbEntry{}, synsets: map[string][][]string{}}
	for name, members := range d.Synsets {
		var out [][]string
		for _, m := range members {
			out = append(out, texts(m))
			if !m[len(m)-1].Exact {
				for _, pl := range regularPlurals(m) {
					out = append(out, texts(pl))
				}
			}
		}
		t.synsets[name] = out
	}
	for _, b := range d.Verbs {
		// A block's patterns hold for every verb of the block: they are
		// built once and shared (Phrase stays nil).
		pats := make([]*VerbPattern, 0, len(b.Patterns))
		spec := make(map[*VerbPattern]int, len(b.Patterns))
		for i := range b.Patterns {
			p := &b.Patterns[i]
			vp := &VerbPattern{Before: p.Before, After: p.After, Code: p.Code, Block: b.Head, Line: p.Line}
			spec[vp] = vp.Specificity()
			pats = append(pats, vp)
		}
		sort.SliceStable(pats, func(i, j int) bool { return spec[pats[i]] > spec[pats[j]] })
		t.pats += len(pats)
		for vi := range b.Verbs {
			v := &b.Verbs[vi]
			e := &VerbEntry{Phrase: texts(v.Words), Head: v.Infl, Code: v.Code, Line: v.Line}
			if e.Code == "" {
				e.Code = b.Code
			}
			seen := map[string]bool{}
			addForm := func(ws []string) {
				k := strings.Join(ws, " ")
				if len(ws) == 0 || seen[k] {
					return
				}
				seen[k] = true
				e.Forms = append(e.Forms, ws)
			}
			for _, f := range inflections(e.Phrase[e.Head]) {
				ws := append([]string(nil), e.Phrase...)
				ws[e.Head] = f
				addForm(ws)
			}
			for _, f := range v.Forms {
				addForm(texts(f))
			}
			e.Patterns = pats
			heads := map[string]bool{}
			for _, f := range e.Forms {
				h := f[min(e.Head, len(f)-1)]
				if len(f) != len(e.Phrase) {
					h = f[0]
				}
				if !heads[h] {
					heads[h] = true
					t.byForm[h] = append(t.byForm[h], e)
				}
			}
			lemma := e.Phrase[e.Head]
			t.byLemma[lemma] = append(t.byLemma[lemma], e)
			t.entries++
		}
	}
	return t
}

// ParseSitrepVerbLine reads one line of sitrep's verbs.txt ("CODE <TAB>
// pattern [<TAB> flags]") into the shared pattern form: the first word
// is the verb (its "a|b" alternatives in Alts), every further word an
// element after it ("a|b" gives alternatives, in Alts), with at most 3
// words between two of them. It is the one reader of verbs.txt: the
// events coder compiles its patterns from its output. A line is refused
// (the error says file:line: why) for a code that is neither "-" nor 2
// to 4 digits, an unknown flag, more than one class flag (speech,
// intent, ...), a "-" code without a class flag, or an empty
// alternative.
func ParseSitrepVerbLine(line, file string, n int) (*VerbPattern, error) {
	p, err := parseSitrepVerb(line)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, n, err)
	}
	p.File, p.Line = file, n
	return p, nil
}

// classFlags are the flags that say what a pattern does instead of (or
// besides) coding an event of its own; a line has at most one.
const classFlags = FlagSpeech | FlagIntent | FlagFuture | FlagPossible | FlagRefuse | FlagDeny |
	FlagControl | FlagThreat | FlagVia | FlagLight | FlagDemand | FlagCease

func parseSitrepVerb(line string) (*VerbPattern, error) {
	f := strings.Split(strings.TrimRight(line, "\r"), "\t")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	if len(f) < 2 || len(f) > 3 || f[0] == "" || f[1] == "" {
		return nil, errors.New("want CODE<TAB>pattern[<TAB>flags]")
	}
	p := &VerbPattern{Code: f[0], MaxGap: 3}
	if p.Code == "-" {
		p.Code = "---"
	} else if !SitrepCode(p.Code) {
		return nil, fmt.Errorf("bad CAMEO code %q", p.Code)
	}
	words := strings.Fields(strings.ToUpper(f[1]))
	for i, w := range words {
		alts := strings.Split(w, "|")
		if slices.Contains(alts, "") {
			return nil, fmt.Errorf("empty alternative in %q", strings.ToLower(w))
		}
		if i == 0 {
			p.Phrase = alts[:1]
			if len(alts) > 1 {
				p.Alts = alts
			}
			continue
		}
		e := Elem{Kind: ElemWords, Words: alts[:1]}
		if len(alts) > 1 {
			e.Alts = alts
		}
		p.After = append(p.After, e)
	}
	if len(f) > 2 {
		for _, fl := range strings.Split(f[2], ",") {
			fl = strings.TrimSpace(fl)
			if fl == "" {
				continue
			}
			v, ok := flagNames[fl]
			if !ok {
				return nil, fmt.Errorf("unknown flag %q", fl)
			}
			if v&classFlags != 0 && p.Flags&classFlags != 0 {
				return nil, fmt.Errorf("a second class flag %q", fl)
			}
			p.Flags |= v
		}
	}
	if p.Code == "---" && p.Flags&classFlags == 0 {
		return nil, errors.New("a pattern without a code needs a class flag")
	}
	return p, nil
}

// SitrepCode reports whether s is a CAMEO code as sitrep's lexicon files
// (verbs.txt, cameo.tsv, plover.tsv) write it:
// 2 to 4 digits.
func SitrepCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ReadSitrepVerbs reads sitrep's verbs.txt (lexicon/events/verbs.txt)
// into the shared pattern form; a bad line is a warning and skipped.
func ReadSitrepVerbs(r io.Reader, name string) ([]*VerbPattern, []Warning, error) {
	d := &diag{name: name}
	var out []*VerbPattern
	err := scanLines(r, d, func(l srcLine) {
		if strings.TrimSpace(l.text) == "" {
			return
		}
		p, err := ParseSitrepVerbLine(l.text, name, l.n)
		if err != nil {
			d.warnf(l.n, "%s: line skipped", strings.TrimPrefix(err.Error(), fmt.Sprintf("%s:%d: ", name, l.n)))
			return
		}
		out = append(out, p)
	})
	return out, d.warn, err
}

// AddPatterns adds patterns that carry their own verb (sitrep's lines)
// to the table, one entry per verb phrase: the entry's Code is that of
// its bare pattern ("---" if it has none), and its Patterns are all its
// lines, most specific first. A verb the table already knows lends its
// forms (irregular ones included) to the new entry.
func (t *VerbTable) AddPatterns(ps []*VerbPattern) {
	byPhrase := map[string]*VerbEntry{}
	var order []string
	for _, p := range ps {
		if len(p.Phrase) == 0 {
			continue
		}
		k := strings.Join(p.Phrase, " ")
		e := byPhrase[k]
		if e == nil {
			e = &VerbEntry{Phrase: p.Phrase, Head: p.Head, Code: "---", Line: p.Line}
			byPhrase[k] = e
			order = append(order, k)
		}
		if len(p.Before)+len(p.After) == 0 {
			e.Code = p.Code
		}
		e.Patterns = append(e.Patterns, p)
		t.pats++
	}
	for _, k := range order {
		e := byPhrase[k]
		sort.SliceStable(e.Patterns, func(i, j int) bool { return e.Patterns[i].Specificity() > e.Patterns[j].Specificity() })
		lemma := e.Phrase[e.Head]
		seen := map[string]bool{}
		add := func(f []string) {
			if k := strings.Join(f, " "); !seen[k] {
				seen[k] = true
				e.Forms = append(e.Forms, f)
			}
		}
		for _, f := range inflections(lemma) {
			ws := append([]string(nil), e.Phrase...)
			ws[e.Head] = f
			add(ws)
		}
		for _, known := range t.byLemma[lemma] {
			for _, f := range known.Forms {
				if len(f) == len(known.Phrase) {
					ws := append([]string(nil), e.Phrase...)
					ws[e.Head] = f[known.Head]
					add(ws)
				}
			}
		}
		heads := map[string]bool{}
		for _, f := range e.Forms {
			if h := f[e.Head]; !heads[h] {
				heads[h] = true
				t.byForm[h] = append(t.byForm[h], e)
			}
		}
		t.byLemma[lemma] = append(t.byLemma[lemma], e)
		t.entries++
	}
}

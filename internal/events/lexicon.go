package events

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// CameoCode is one entry of the CAMEO table with its PLOVER mapping.
type CameoCode struct {
	Code      string
	Name      string
	Goldstein float64
	QuadClass int
	Plover    PloverCode
}

// PloverCode is the PLOVER event type a CAMEO code maps to, with the mode
// and contexts the CAMEO code implies.
type PloverCode struct {
	Type     string
	Mode     string
	Contexts []string
}

// Verb classes: what a lexicon entry does besides (or instead of) coding
// an event of its own.
const (
	classEvent    = ""         // an event verb
	classSpeech   = "speech"   // attribution verb: "said", "reported"
	classIntent   = "intent"   // "vow to", "agree to": codes 03x of its complement
	classFuture   = "future"   // "expected to", "plans to": complement is future
	classRefuse   = "refuse"   // "refused to": complement refused (12x) or negated
	classDeny     = "deny"     // "denied": the denied object is modality denied
	classControl  = "control"  // "prompting X to": X is the complement's subject
	classThreat   = "threat"   // "threatened to": 13x of the complement
	classPossible = "possible" // "seek to": complement only possible
	classVia      = "via"      // "used X to V": V keeps the main clause modality
	classLight    = "light"    // "mounted an invasion": the object noun is the event
	classDemand   = "demand"   // "X said Y must V": X demands (CODE) of Y
	classCease    = "cease"    // "stopped V-ing": the complement ended (the cease frame's code) or negated
)

// pattern is one verbs.txt entry.
type pattern struct {
	code     string            // CAMEO code or "" for classes without an event
	words    [][]string        // each position: alternatives (lemmas)
	alts     []map[string]bool // each position: its alternatives as a set
	keys     []map[string]bool // each position: the lemma keys of its alternatives
	class    string
	noun     bool // the head word may be a noun ("a visit by", "talks with")
	nounOnly bool
	// needTarget: a generic verb ("provide", "release") codes an event
	// only with a target actor ("released a report" is not a release)
	needTarget bool
	// mutual: a symmetric act ("exchange fire", "clash"): a compound subject
	// with no object does it to each other
	mutual bool
	// persons: an act of persons (arriving for a visit) that an armed
	// force's arrival is not ("peacekeeping troops arrived in X" is a
	// deployment): not coded with a military group noun (groups.tsv
	// sector MIL) in the subject
	persons bool
	// fromSource: in a passive without a "by" agent, "from X" names who
	// did it ("two diplomats were expelled from Poland": Poland expelled)
	fromSource bool
	// recipient: the subject receives the act and "from X" names who
	// did it ("Zambia received a loan from the IMF": the IMF lent); with
	// no "from" phrase the giver is unknown and there is no event
	recipient bool
	// fallback: made from the Phoenix verb dictionary for one parsed verb
	fallback bool
	// dictionary: compiled from a TABARI/PETRARCH verbs file, whose
	// prepositions need not stand next to the verb ("accused X of")
	dictionary bool
	// before: words a dictionary pattern asks for before its verb,
	// nearest last (each position: alternatives)
	before []map[string]bool
	// beforeAdj: before position w must stand right before position w+1
	// (the verb after the last); nil for none
	beforeAdj []bool
	// adj: position w must follow position w-1 directly (dictionary
	// patterns' "_"); nil for none
	adj []bool
	// recip: the code of the target's act in return, from a dictionary
	// pattern's reciprocal code ("031:031")
	recip string
	// roles: where a dictionary pattern's markers put source and target
	roles dictRoles
	// need: a dictionary pattern's words after its verb as hash sets
	// (see mayMatch); nil for sitrep's own patterns
	need []wordBits
	line int
	text string
}

// Lexicon holds the CAMEO table, the PLOVER mapping and the verb
// patterns. It is immutable once loaded and safe to share.
type Lexicon struct {
	cameo    map[string]CameoCode
	plover   map[string]PloverCode
	patterns map[string][]*pattern // head word as written (a lemma) → patterns, longest first
	byKey    map[string][]*pattern // lemma key of the head word → patterns
	npat     int
	// dict, when set, holds a compiled dictionary's patterns, compiled on
	// first lookup; patterns and byKey then hold sitrep's frames, which
	// follow them (headed, keyed)
	dict *dictIndex
	// groups maps a group noun (singular and plural) to the sector code
	// of the actor it names without a name: "gunmen" → UAF
	groups map[string]string
	// classes maps a CAMEO code prefix to the classes its codes belong to
	// (events/classes.tsv); a code takes its longest listed prefix's
	classes map[string]codeClass
	// refuse, intend, threaten and cease map an act's CAMEO code prefix
	// to the code of its refusal (12x), intent (03x; "" for none), threat
	// (13x) and ending ("stopped giving aid" 162, "stopped shelling"
	// 087); official to its code when a state does it (a protest is an
	// official complaint, 114) (events/framecodes.tsv)
	refuse, intend, threaten, cease, official map[string]string
	// words are the closed classes of words the coder's rules read
	// (events/words.tsv)
	words *wordClasses
}

// codeClass is a set of classes of CAMEO codes that the coder's rules
// read (events/classes.tsv).
type codeClass uint16

const (
	classAppeal codeClass = 1 << iota
	classThat
	classConsult
	classVisit
	classIn
	classLocated
	classViolent
	classReciprocal
	classFrom
	classPartner
	classObjGen
	classBetween
	classOwned
)

var codeClassNames = map[string]codeClass{
	"appeal": classAppeal, "that": classThat, "consult": classConsult, "visit": classVisit,
	"in": classIn, "located": classLocated, "violent": classViolent, "reciprocal": classReciprocal,
	"from": classFrom, "partner": classPartner, "of": classObjGen, "between": classBetween, "owned": classOwned,
}

// is reports whether code belongs to class c: the flags of its longest
// prefix in events/classes.tsv.
func (l *Lexicon) is(code string, c codeClass) bool {
	for n := len(code); n >= 2; n-- {
		if f, ok := l.classes[code[:n]]; ok {
			return f&c != 0
		}
	}
	return false
}

// Patterns returns the number of verb patterns loaded.
func (l *Lexicon) Patterns() int {
	if l.dict != nil {
		return l.npat + len(l.dict.all()) // compiles them all
	}
	return l.npat
}

// headed returns the patterns headed by word w (as written), longest
// first.
func (l *Lexicon) headed(w string) []*pattern {
	if l.dict != nil {
		return l.dict.word(w)
	}
	return l.patterns[w]
}

// keyed returns the patterns whose head word has lemma key k, longest
// first.
func (l *Lexicon) keyed(k string) []*pattern {
	if l.dict != nil {
		return l.dict.key(k)
	}
	return l.byKey[k]
}

// Cameo returns the CAMEO entry for code with its PLOVER mapping.
func (l *Lexicon) Cameo(code string) (CameoCode, bool) {
	c, ok := l.cameo[code]
	if !ok {
		return CameoCode{}, false
	}
	c.Plover = l.ploverFor(code)
	return c, true
}

func (l *Lexicon) ploverFor(code string) PloverCode {
	for n := len(code); n >= 2; n-- {
		if p, ok := l.plover[code[:n]]; ok {
			return p
		}
	}
	return PloverCode{}
}

// LoadLexicon reads events/cameo.tsv, events/plover.tsv, events/verbs.txt
// and the other events/ files from each root; later roots add entries or
// override entries with the same key (a CAMEO code; a verb pattern's
// text); events/words.tsv's classes take the words of every root. Files
// are optional in every root but the resulting table must not be empty.
func LoadLexicon(roots ...fs.FS) (*Lexicon, error) {
	l := &Lexicon{
		cameo:    map[string]CameoCode{},
		plover:   map[string]PloverCode{},
		patterns: map[string][]*pattern{},
		byKey:    map[string][]*pattern{},
		groups:   map[string]string{},
		classes:  map[string]codeClass{},
		refuse:   map[string]string{},
		intend:   map[string]string{},
		threaten: map[string]string{},
		cease:    map[string]string{},
		official: map[string]string{},
		words:    newWordClasses(),
	}
	byText := map[string]*pattern{}
	var order []string
	for _, root := range roots {
		if err := readLines(root, "events/cameo.tsv", func(n int, f []string) error {
			if len(f) != 4 {
				return errors.New("want 4 tab-separated fields: code, goldstein, quadclass, name")
			}
			if !petrarch.SitrepCode(f[0]) {
				return fmt.Errorf("bad CAMEO code %q", f[0])
			}
			g, err := strconv.ParseFloat(f[1], 64)
			if err != nil || g < -10 || g > 10 {
				return fmt.Errorf("bad Goldstein score %q", f[1])
			}
			q, err := strconv.Atoi(f[2])
			if err != nil || q < 1 || q > 4 {
				return fmt.Errorf("bad QuadClass %q", f[2])
			}
			l.cameo[f[0]] = CameoCode{Code: f[0], Name: f[3], Goldstein: g, QuadClass: q}
			return nil
		}); err != nil {
			return nil, err
		}
		if err := readLines(root, "events/plover.tsv", func(n int, f []string) error {
			if len(f) != 4 {
				return errors.New("want 4 tab-separated fields: cameo prefix, type, mode, contexts")
			}
			if !petrarch.SitrepCode(f[0]) {
				return fmt.Errorf("bad CAMEO code %q", f[0])
			}
			p := PloverCode{Type: f[1]}
			if f[2] != "-" {
				p.Mode = f[2]
			}
			if f[3] != "-" {
				p.Contexts = strings.Split(f[3], ",")
			}
			l.plover[f[0]] = p
			return nil
		}); err != nil {
			return nil, err
		}
		if err := readLines(root, "events/classes.tsv", func(n int, f []string) error {
			if len(f) != 2 {
				return errors.New("want 2 tab-separated fields: CAMEO code prefix, classes")
			}
			if !petrarch.SitrepCode(f[0]) {
				return fmt.Errorf("bad CAMEO code %q", f[0])
			}
			var c codeClass
			for _, name := range strings.Split(f[1], ",") {
				k, ok := codeClassNames[strings.TrimSpace(name)]
				if !ok {
					return fmt.Errorf("unknown class %q", name)
				}
				c |= k
			}
			l.classes[f[0]] = c
			return nil
		}); err != nil {
			return nil, err
		}
		if err := readLines(root, "events/framecodes.tsv", func(n int, f []string) error {
			if len(f) != 3 {
				return errors.New("want 3 tab-separated fields: act's CAMEO code prefix, frame, code")
			}
			if !petrarch.SitrepCode(f[0]) {
				return fmt.Errorf("bad CAMEO code %q", f[0])
			}
			code := f[2]
			if code == "-" {
				code = ""
			} else if !petrarch.SitrepCode(code) {
				return fmt.Errorf("bad CAMEO code %q", code)
			}
			m := map[string]map[string]string{"refuse": l.refuse, "intend": l.intend, "threaten": l.threaten, "cease": l.cease, "official": l.official}[f[1]]
			if m == nil {
				return fmt.Errorf("unknown frame %q (want refuse, intend, threaten, cease or official)", f[1])
			}
			m[f[0]] = code
			return nil
		}); err != nil {
			return nil, err
		}
		if err := readLines(root, "events/words.tsv", func(n int, f []string) error {
			return l.words.addWords(f)
		}); err != nil {
			return nil, err
		}
		if err := readLines(root, "events/groups.tsv", func(n int, f []string) error {
			if len(f) != 2 || f[0] == "" || len(f[1]) != 3 {
				return errors.New("want 2 tab-separated fields: group noun, 3-letter sector code")
			}
			for _, w := range strings.Split(strings.ToLower(f[0]), "|") {
				l.groups[w] = strings.ToUpper(f[1])
			}
			return nil
		}); err != nil {
			return nil, err
		}
		seen := map[string]int{} // a pattern's text -> its line in this root's file
		if err := readRawLines(root, "events/verbs.txt", func(n int, line string) error {
			vp, err := petrarch.ParseSitrepVerbLine(line, "events/verbs.txt", n)
			if err != nil {
				return err
			}
			p := fromShared(vp)
			// a later root overrides a pattern; within one file a second
			// line of the same pattern would silently replace the first
			if at, ok := seen[p.text]; ok {
				return fmt.Errorf("events/verbs.txt:%d: pattern %q already defined at line %d", n, p.text, at)
			}
			seen[p.text] = n
			if _, ok := byText[p.text]; !ok {
				order = append(order, p.text)
			}
			byText[p.text] = p
			return nil
		}); err != nil {
			return nil, err
		}
	}
	if len(l.cameo) == 0 {
		return nil, errors.New("events/cameo.tsv: no CAMEO codes loaded")
	}
	for _, t := range order {
		p := byText[t]
		if p.code != "" {
			if _, ok := l.cameo[p.code]; !ok {
				return nil, fmt.Errorf("events/verbs.txt:%d: unknown CAMEO code %q", p.line, p.code)
			}
		}
		l.index(p)
	}
	l.sortPatterns()
	return l, nil
}

// index adds p to the pattern set: by each alternative of its head
// word and by their lemma keys. Patterns are written in base form and
// matched against each token's lemma (the tagger's), so no inflections
// are generated.
func (l *Lexicon) index(p *pattern) { l.indexShared(p, nil) }

// indexShared is index with the sets of equal alternative lists shared
// through sets (a compiled dictionary has 150,000 patterns over a few
// thousand lists; the sets are read only).
func (l *Lexicon) indexShared(p *pattern, sets map[string][2]map[string]bool) {
	shareSets(p, sets)
	for _, w := range p.words[0] {
		if !slices.Contains(l.patterns[w], p) {
			l.patterns[w] = append(l.patterns[w], p)
		}
		if k := lemmaKey(w); !slices.Contains(l.byKey[k], p) {
			l.byKey[k] = append(l.byKey[k], p)
		}
	}
	l.npat++
}

// size is the number of positions a pattern asks for.
func (p *pattern) size() int { return len(p.words) + len(p.before) }

// sortPatterns puts each head's patterns longest first.
func (l *Lexicon) sortPatterns() {
	for _, ps := range l.byKey {
		sortBySize(ps)
	}
	for _, ps := range l.patterns {
		sortBySize(ps)
	}
}

// sortBySize puts patterns longest first, keeping the order of equals.
func sortBySize(ps []*pattern) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].size() > ps[j].size() })
}

// classOf maps the class flags of the shared pattern form to the
// coder's classes.
var classOf = map[petrarch.Flag]string{
	petrarch.FlagSpeech: classSpeech, petrarch.FlagIntent: classIntent, petrarch.FlagFuture: classFuture,
	petrarch.FlagRefuse: classRefuse, petrarch.FlagDeny: classDeny, petrarch.FlagControl: classControl,
	petrarch.FlagThreat: classThreat, petrarch.FlagPossible: classPossible, petrarch.FlagVia: classVia,
	petrarch.FlagLight: classLight, petrarch.FlagDemand: classDemand, petrarch.FlagCease: classCease,
}

// fromShared turns a verbs.txt line, as petrarch.ParseSitrepVerbLine
// reads it (the one reader of the file), into the coder's pattern.
func fromShared(vp *petrarch.VerbPattern) *pattern {
	p := &pattern{line: vp.Line}
	if vp.Code != "---" {
		p.code = vp.Code
	}
	for f, class := range classOf {
		if vp.Flags&f != 0 {
			p.class = class
		}
	}
	p.noun = vp.Flags&(petrarch.FlagNoun|petrarch.FlagNounOnly) != 0
	p.nounOnly = vp.Flags&petrarch.FlagNounOnly != 0
	p.needTarget = vp.Flags&petrarch.FlagTarget != 0
	p.mutual = vp.Flags&petrarch.FlagMutual != 0
	p.persons = vp.Flags&petrarch.FlagPersons != 0
	p.fromSource = vp.Flags&petrarch.FlagFromSource != 0
	p.recipient = vp.Flags&petrarch.FlagRecipient != 0
	head := vp.Alts
	if head == nil {
		head = vp.Phrase
	}
	p.words = append(p.words, lowerAll(head))
	for _, e := range vp.After {
		alts := e.Alts
		if alts == nil {
			alts = e.Words
		}
		p.words = append(p.words, lowerAll(alts))
	}
	texts := make([]string, len(p.words))
	for i, alts := range p.words {
		texts[i] = strings.Join(alts, "|")
	}
	p.text = strings.Join(texts, " ")
	return p
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// readLines calls fn for each non-comment line of name in root, split on
// tabs; a missing file is fine. Errors come back as "name:line: reason".
func readLines(root fs.FS, name string, fn func(n int, fields []string) error) error {
	return readRawLines(root, name, func(n int, line string) error {
		fields := strings.Split(line, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(n, fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		return nil
	})
}

// readRawLines calls fn for each non-comment, non-blank line of name in
// root; fn's errors come back as they are (they name the line).
func readRawLines(root fs.FS, name string, fn func(n int, line string) error) error {
	data, err := fs.ReadFile(root, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r ")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s:%d: %w", name, n+1, err) // the line after the last one read
	}
	return nil
}

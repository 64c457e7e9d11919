package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"time"
)

// SyntaxError is a dictionary line that could not be read.
type SyntaxError struct {
	File   string
	Line   int
	Reason string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// Phrase is a dictionary phrase as upper-case words. In TABARI
// notation words are joined by "_" or spaces; a word that ends in "_"
// must match exactly, any other word also matches longer words that
// start with it ("ARGENTIN" matches "ARGENTINA", "ARGENTINE").
type Phrase []Word

// Word is one word of a phrase.
type Word struct {
	Text  string
	Exact bool // written with a trailing "_": no prefix matching
	// Next (patterns only) is set when the word was joined to the
	// following element by "_": nothing may come between them.
	Next bool
}

func (p Phrase) String() string {
	parts := make([]string, len(p))
	for i, w := range p {
		parts[i] = w.Text
		if w.Exact {
			parts[i] += "_"
		}
	}
	return strings.Join(parts, " ")
}

// DatedCode is an actor code valid in a date range (zero = open end).
type DatedCode struct {
	Code     string
	From, To time.Time
	// Alt holds every code of "ELR/GAL": an actor that stands for
	// several actors at once (Lorien is both ELR and GAL).
	Alt []string
}

// ValidOn reports whether the code applies on day d.
func (c DatedCode) ValidOn(d time.Time) bool {
	return (c.From.IsZero() || !d.Before(c.From)) && (c.To.IsZero() || d.Before(c.To))
}

// Actor is one actor entry: its names (the head and its "+" synonyms)
// and its codes, possibly date-restricted.
type Actor struct {
	Names []Phrase
	Codes []DatedCode
	Line  int
}

// CodeOn returns the actor's code on day d ("" if none applies). A
// date-restricted code that covers d wins over an open default code,
// so a default written first does not hide later restrictions; among
// restricted codes the first listed wins.
func (a *Actor) CodeOn(d time.Time) string {
	if c := a.codeOn(d); c != nil {
		return c.Code
	}
	return ""
}

// CodesOn is CodeOn with every alternative of a "A/B" code.
func (a *Actor) CodesOn(d time.Time) []string {
	if c := a.codeOn(d); c != nil {
		if len(c.Alt) > 0 {
			return c.Alt
		}
		return []string{c.Code}
	}
	return nil
}

func (a *Actor) codeOn(d time.Time) *DatedCode {
	for i := range a.Codes {
		c := &a.Codes[i]
		if (!c.From.IsZero() || !c.To.IsZero()) && c.ValidOn(d) {
			return c
		}
	}
	for i := range a.Codes {
		c := &a.Codes[i]
		if c.From.IsZero() && c.To.IsZero() {
			return c
		}
	}
	return nil
}

// Agent is an agent entry ("FOREIGN_MINISTER [~GOVFRM]"): its names,
// explicit plurals, and the code it adds to an actor — as a suffix when
// written "~GOV", as a prefix when written "NGO~".
type Agent struct {
	Names   []Phrase
	Plurals []Phrase
	// ExplicitPlurals is set when the entry had "{...}" (possibly
	// empty): then only the listed plurals match, no regular -S/-ES.
	ExplicitPlurals bool
	Code            string
	Prefix          bool
	Line            int
}

// Pattern is a verb pattern: the words before and after the verb ("*"),
// with TABARI's markers kept as words: "$" source, "+" target, "%"
// compound actor, "^" skip a noun phrase, "&NAME" a synset.
type Pattern struct {
	Pre, Post []Word
	// PreNext / StarNext: the last Pre word is joined to the verb by
	// "_" ("IN_*"), the verb to the first Post word ("*_OUT").
	PreNext, StarNext bool
	Code              string
	Line              int
}

// Verb is a verb (or verb phrase) with its explicit inflected forms.
type Verb struct {
	Words Phrase
	// Infl is the index of the word that inflects: the word written
	// after "+" ("WIRE_+TAP"), else the first.
	Infl  int
	Forms []Phrase
	Code  string // own code, or "" to use the block's
	Line  int
}

// VerbBlock is one "--- HEAD [code] ---" block.
type VerbBlock struct {
	Head     string
	Code     string
	Verbs    []Verb
	Patterns []Pattern
	Line     int
}

// Discards are phrases that discard a sentence or (Story) a whole story.
type Discards struct {
	Sentence []Phrase
	Story    []Phrase
}

// Dictionaries is a loaded set of TABARI/PETRARCH dictionaries.
type Dictionaries struct {
	Actors   []*Actor
	Agents   []*Agent
	Verbs    []*VerbBlock
	Synsets  map[string][]Phrase
	Discards Discards
}

// lines iterates over a dictionary file with comments removed: "#" to
// the end of the line and "<!-- ... -->" blocks (also spanning lines, and
// the misspelt "<! --"). fn gets the 1-based line number and the text.
func lines(r io.Reader, fn func(n int, s string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	inComment := false
	for n := 1; sc.Scan(); n++ {
		s := sc.Text()
		var b strings.Builder
		for len(s) > 0 {
			if inComment {
				i := strings.Index(s, "-->")
				if i < 0 {
					s = ""
					break
				}
				s, inComment = s[i+3:], false
				continue
			}
			i := strings.Index(s, "<!")
			if i < 0 {
				b.WriteString(s)
				break
			}
			b.WriteString(s[:i])
			s, inComment = s[i+2:], true
		}
		line := b.String()
		line = stripHash(line)
		if err := fn(n, strings.TrimRight(line, " \t\r")); err != nil {
			return err
		}
	}
	return sc.Err()
}

// stripHash drops a "#" comment; a "#" inside [ ] is part of a code
// ("[###]", TABARI's discard code).
func stripHash(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '#':
			if depth <= 0 {
				return s[:i]
			}
		}
	}
	return s
}

// parsePhrase turns "ARNOR_" or "PRESIDENT HOSNI MURBARAK" or
// "GAZA_CITY" into words.
func parsePhrase(s string) Phrase {
	var p Phrase
	for _, f := range strings.Fields(strings.ToUpper(s)) {
		parts := strings.Split(f, "_")
		for i, w := range parts {
			if w != "" {
				// A word followed by "_" (a connector or a trailing
				// marker) is a complete word, not a stem.
				p = append(p, Word{Text: w, Exact: i < len(parts)-1})
			}
		}
	}
	return p
}

var codeRe = regexp.MustCompile(`\[([^\]]*)\]`)

// parseTabariDate reads YYMMDD (19xx for YY > 30) or YYYYMMDD.
func parseTabariDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch len(s) {
	case 6:
		t, err := time.Parse("060102", s)
		if err != nil {
			return t, err
		}
		if t.Year() > 2030 {
			t = t.AddDate(-100, 0, 0)
		}
		return t, nil
	case 8:
		return time.Parse("20060102", s)
	}
	return time.Time{}, fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
}

// parseCode reads the inside of an actor code bracket: "ISR",
// "HOB < 950601", "HOBGOV 19950601 - 19990815", "HOBREB > 990816",
// "ELR/GAL" (alternatives; the first is used).
func parseCode(s string) (DatedCode, error) {
	s = strings.TrimSpace(s)
	var dc DatedCode
	switch {
	case strings.Contains(s, "<"):
		i := strings.Index(s, "<")
		d, err := parseTabariDate(s[i+1:])
		if err != nil {
			return dc, err
		}
		dc.Code, dc.To = strings.TrimSpace(s[:i]), d
	case strings.Contains(s, ">"):
		i := strings.Index(s, ">")
		d, err := parseTabariDate(s[i+1:])
		if err != nil {
			return dc, err
		}
		dc.Code, dc.From = strings.TrimSpace(s[:i]), d.AddDate(0, 0, 1)
	case strings.Count(s, "-") == 1 && len(strings.Fields(strings.Replace(s, "-", " ", 1))) == 3:
		f := strings.Fields(strings.Replace(s, "-", " ", 1))
		if len(f) != 3 {
			return dc, fmt.Errorf("code %q: want CODE FROM - TO", s)
		}
		from, err := parseTabariDate(f[1])
		if err != nil {
			return dc, err
		}
		to, err := parseTabariDate(f[2])
		if err != nil {
			return dc, err
		}
		dc.Code, dc.From, dc.To = f[0], from, to.AddDate(0, 0, 1)
	default:
		if len(strings.Fields(s)) != 1 {
			return dc, fmt.Errorf("code %q: unexpected words", s)
		}
		dc.Code = s
	}
	dc.Code = strings.ToUpper(dc.Code)
	if strings.IndexByte(dc.Code, '/') > 0 {
		for _, c := range strings.Split(dc.Code, "/") {
			if c = strings.TrimSpace(c); c != "" {
				dc.Alt = append(dc.Alt, c)
			}
		}
		if len(dc.Alt) > 0 {
			dc.Code = dc.Alt[0]
		}
	}
	if dc.Code == "" {
		return dc, fmt.Errorf("empty code")
	}
	return dc, nil
}

// ReadActors reads an actors dictionary.
func ReadActors(r io.Reader, name string) ([]*Actor, error) {
	var out []*Actor
	var cur *Actor
	err := lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		if t == "" {
			return nil
		}
		if strings.Count(t, "[") != strings.Count(t, "]") {
			return &SyntaxError{name, n, "unbalanced [ ]"}
		}
		head := t
		if i := strings.IndexByte(t, '['); i >= 0 {
			head = strings.TrimSpace(t[:i])
		}
		switch {
		case strings.HasPrefix(t, "["): // a code line for the current actor
			if cur == nil {
				return &SyntaxError{name, n, "code line before any actor"}
			}
		case strings.HasPrefix(t, "+"):
			if cur == nil {
				return &SyntaxError{name, n, "synonym before any actor"}
			}
			cur.Names = append(cur.Names, parsePhrase(strings.TrimPrefix(head, "+")))
		default:
			if strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") {
				return &SyntaxError{name, n, "indented line is neither a code nor a synonym"}
			}
			cur = &Actor{Names: []Phrase{parsePhrase(head)}, Line: n}
			out = append(out, cur)
		}
		for _, m := range codeRe.FindAllStringSubmatch(t, -1) {
			dc, err := parseCode(m[1])
			if err != nil {
				return &SyntaxError{name, n, err.Error()}
			}
			cur.Codes = append(cur.Codes, dc)
		}
		return nil
	})
	return out, err
}

// ReadAgents reads an agents dictionary, expanding "!MACRO!" words.
func ReadAgents(r io.Reader, name string) ([]*Agent, error) {
	macros := map[string][]string{}
	var out []*Agent
	err := lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		if t == "" {
			return nil
		}
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			i := strings.IndexByte(t, '=')
			key := strings.TrimSpace(t[:i])
			if len(key) < 3 || !strings.HasSuffix(key, "!") {
				return &SyntaxError{name, n, "macro name must be !NAME!"}
			}
			var vals []string
			for _, v := range strings.Split(t[i+1:], ",") {
				if v = strings.ToUpper(strings.TrimSpace(v)); v != "" {
					vals = append(vals, v)
				}
			}
			macros[strings.ToUpper(key)] = vals
			return nil
		}
		m := codeRe.FindStringSubmatch(t)
		if m == nil {
			return &SyntaxError{name, n, "agent without [code]"}
		}
		head := strings.TrimSpace(t[:strings.IndexByte(t, '[')])
		var plurals []string
		explicit := false
		if i := strings.IndexByte(head, '{'); i >= 0 {
			explicit = true
			j := strings.IndexByte(head, '}')
			if j < i {
				return &SyntaxError{name, n, "unbalanced { }"}
			}
			plurals = strings.Fields(head[i+1 : j])
			head = strings.TrimSpace(head[:i])
		}
		code := strings.TrimSpace(m[1])
		if len(parsePhrase(head)) == 0 {
			return &SyntaxError{name, n, "agent without a name"}
		}
		if strings.Trim(code, "~ ") == "" {
			return &SyntaxError{name, n, "empty agent code"}
		}
		a := &Agent{Line: n, ExplicitPlurals: explicit}
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.Code, a.Prefix = strings.TrimSuffix(code, "~"), true
		default:
			return &SyntaxError{name, n, fmt.Sprintf("agent code %q must start or end with ~", code)}
		}
		for _, h := range expandMacros(strings.ToUpper(head), macros) {
			a.Names = append(a.Names, parsePhrase(h))
		}
		for _, p := range plurals {
			for _, h := range expandMacros(strings.ToUpper(p), macros) {
				a.Plurals = append(a.Plurals, parsePhrase(h))
			}
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

func expandMacros(s string, macros map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	vals, ok := macros[key]
	if !ok {
		return []string{s}
	}
	var out []string
	for _, v := range vals {
		out = append(out, expandMacros(s[:i]+v+s[i+j+2:], macros)...)
	}
	return out
}

// blockRe reads "--- HEAD [code] ---"; real dictionaries also have
// multi-word heads, a second code and a comment eating the closing dashes.
var blockRe = regexp.MustCompile(`^---\s+([^\[]+?)\s*\[([^\]]*)\]`)

// ReadVerbs reads a verbs dictionary: synsets, verb blocks, verbs with
// their forms, and patterns.
func ReadVerbs(r io.Reader, name string) ([]*VerbBlock, map[string][]Phrase, error) {
	synsets := map[string][]Phrase{}
	var blocks []*VerbBlock
	var cur *VerbBlock
	var syn string
	err := lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		if t == "" {
			syn = ""
			return nil
		}
		switch {
		case strings.HasPrefix(t, "---"):
			m := blockRe.FindStringSubmatch(t)
			if m == nil {
				return &SyntaxError{name, n, "verb block header must be --- VERB [code] ---"}
			}
			cur = &VerbBlock{Head: strings.ToUpper(strings.Trim(strings.Join(strings.Fields(m[1]), "_"), "_")), Code: strings.TrimSpace(m[2]), Line: n}
			blocks = append(blocks, cur)
			syn = ""
		case strings.HasPrefix(t, "&"):
			syn = strings.TrimRight(strings.ToUpper(strings.Fields(t)[0]), "_")
			if len(syn) < 2 {
				return &SyntaxError{name, n, "empty synset name"}
			}
			synsets[syn] = nil
		case strings.HasPrefix(t, "+") && syn != "":
			synsets[syn] = append(synsets[syn], parsePhrase(t[1:]))
		case strings.HasPrefix(t, "-"):
			if cur == nil {
				return &SyntaxError{name, n, "pattern outside a verb block"}
			}
			p, err := parsePattern(t[1:])
			if err != nil {
				return &SyntaxError{name, n, err.Error()}
			}
			p.Line = n
			cur.Patterns = append(cur.Patterns, p)
		default:
			if cur == nil {
				return &SyntaxError{name, n, fmt.Sprintf("%q outside a verb block", t)}
			}
			v, err := parseVerb(strings.TrimPrefix(t, "+"))
			if err != nil {
				return &SyntaxError{name, n, err.Error()}
			}
			v.Line = n
			cur.Verbs = append(cur.Verbs, v)
		}
		return nil
	})
	return blocks, synsets, err
}

func parseVerb(t string) (Verb, error) {
	var v Verb
	if m := codeRe.FindStringSubmatch(t); m != nil {
		v.Code = strings.TrimSpace(m[1])
		t = strings.Replace(t, m[0], "", 1)
	}
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t, '}')
		if j < i {
			return v, fmt.Errorf("unbalanced { } in verb forms")
		}
		for _, f := range strings.Fields(t[i+1 : j]) {
			v.Forms = append(v.Forms, parsePhrase(strings.ReplaceAll(f, "+", "")))
		}
		t = t[:i] + t[j+1:]
	} else if strings.ContainsRune(t, '}') {
		return v, fmt.Errorf("unbalanced { } in verb forms")
	}
	if i := strings.IndexByte(t, '+'); i >= 0 {
		v.Infl = len(parsePhrase(t[:i]))
	}
	v.Words = parsePhrase(strings.ReplaceAll(t, "+", ""))
	if len(v.Words) == 0 {
		return v, fmt.Errorf("empty verb")
	}
	if v.Infl >= len(v.Words) {
		v.Infl = 0
	}
	return v, nil
}

func parsePattern(t string) (Pattern, error) {
	var p Pattern
	m := codeRe.FindStringSubmatch(t)
	if m == nil {
		return p, fmt.Errorf("pattern without [code]")
	}
	p.Code = strings.TrimSpace(m[1])
	body := strings.TrimSpace(t[:strings.Index(t, m[0])])
	star := strings.IndexByte(body, '*')
	if star < 0 {
		return p, fmt.Errorf("pattern without * (the verb's place)")
	}
	if strings.Count(body, "*") > 1 {
		return p, fmt.Errorf("pattern with more than one *")
	}
	split := func(s string) (ws []Word, lead, trail bool) {
		for _, f := range strings.Fields(strings.ReplaceAll(s, "_", " _ ")) {
			if f == "_" {
				if len(ws) == 0 {
					lead = true
				} else {
					ws[len(ws)-1].Next = true
				}
				continue
			}
			ws = append(ws, Word{Text: strings.ToUpper(f)})
		}
		if len(ws) > 0 && ws[len(ws)-1].Next {
			ws[len(ws)-1].Next, trail = false, true
		}
		return ws, lead, trail
	}
	var lead bool
	p.Pre, _, p.PreNext = split(body[:star])
	p.Post, lead, _ = split(body[star+1:])
	p.StarNext = lead
	return p, nil
}

// ReadDiscards reads a discards file: "+PHRASE" discards the story,
// "PHRASE" the sentence.
func ReadDiscards(r io.Reader, name string) (Discards, error) {
	var d Discards
	err := lines(r, func(n int, s string) error {
		t := strings.TrimSpace(s)
		if t == "" {
			return nil
		}
		if strings.ContainsAny(t, "[]{}") {
			return &SyntaxError{name, n, "discard phrases take no codes or forms"}
		}
		if strings.HasPrefix(t, "+") {
			d.Story = append(d.Story, parsePhrase(t[1:]))
		} else {
			d.Sentence = append(d.Sentence, parsePhrase(t))
		}
		return nil
	})
	return d, err
}

// Files names the dictionary files of a set; empty names are skipped.
type Files struct {
	Actors, Agents, Verbs, Discards []string
}

// Load reads the named files from fsys.
func Load(fsys fs.FS, f Files) (*Dictionaries, error) {
	d := &Dictionaries{Synsets: map[string][]Phrase{}}
	open := func(name string, fn func(io.Reader) error) error {
		fh, err := fsys.Open(name)
		if err != nil {
			return fmt.Errorf("open dictionary: %w", err)
		}
		defer fh.Close()
		return fn(fh)
	}
	for _, n := range f.Actors {
		if err := open(n, func(r io.Reader) error {
			a, err := ReadActors(r, n)
			d.Actors = append(d.Actors, a...)
			return err
		}); err != nil {
			return nil, err
		}
	}
	for _, n := range f.Agents {
		if err := open(n, func(r io.Reader) error {
			a, err := ReadAgents(r, n)
			d.Agents = append(d.Agents, a...)
			return err
		}); err != nil {
			return nil, err
		}
	}
	for _, n := range f.Verbs {
		if err := open(n, func(r io.Reader) error {
			b, syn, err := ReadVerbs(r, n)
			d.Verbs = append(d.Verbs, b...)
			for k, v := range syn {
				d.Synsets[k] = v
			}
			return err
		}); err != nil {
			return nil, err
		}
	}
	for _, n := range f.Discards {
		if err := open(n, func(r io.Reader) error {
			x, err := ReadDiscards(r, n)
			d.Discards.Sentence = append(d.Discards.Sentence, x.Sentence...)
			d.Discards.Story = append(d.Discards.Story, x.Story...)
			return err
		}); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// LoadDir reads a dictionary directory: files whose names contain
// "actor", "agent", "verb" or "discard" (case-insensitive, .txt).
func LoadDir(fsys fs.FS) (*Dictionaries, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read dictionary dir: %w", err)
	}
	var f Files
	for _, e := range entries {
		n := strings.ToLower(e.Name())
		if e.IsDir() || !strings.HasSuffix(n, ".txt") {
			continue
		}
		switch {
		case strings.Contains(n, "actor"):
			f.Actors = append(f.Actors, e.Name())
		case strings.Contains(n, "agent"):
			f.Agents = append(f.Agents, e.Name())
		case strings.Contains(n, "verb"):
			f.Verbs = append(f.Verbs, e.Name())
		case strings.Contains(n, "discard"):
			f.Discards = append(f.Discards, e.Name())
		}
	}
	if len(f.Actors)+len(f.Verbs) == 0 {
		return nil, fmt.Errorf("no actor or verb dictionaries found")
	}
	return Load(fsys, f)
}

package petrarch

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// ElemKind says what a pattern element stands for.
type ElemKind uint8

const (
	// ElemWords is a word or a noun phrase: Words holds its words in
	// order, the head last ("{PEACE PLAN}" is PEACE, PLAN). A word
	// starting with "&" is a synset.
	ElemWords ElemKind = iota
	// ElemSynset is a lone synset: Synset names it ("CEASEFIRE").
	ElemSynset
	// ElemSource ("$") binds the source actor.
	ElemSource
	// ElemTarget ("+") binds the target actor.
	ElemTarget
	// ElemCompound ("%") binds an actor that is both source and target.
	ElemCompound
	// ElemSkip ("^") skips a noun phrase.
	ElemSkip
	// ElemPrep is a prepositional phrase "(TO &CEASEFIRE)": Prep is the
	// preposition and Objects what it governs (possibly nothing: "(WITH)"
	// asks only for the preposition).
	ElemPrep
)

// Elem is one typed element of a verb pattern.
type Elem struct {
	Kind    ElemKind
	Words   []string
	Synset  string
	Prep    string
	Objects []Elem
	// Alts, when set, are the words any one of which fills a one-word
	// ElemWords slot (sitrep's "a|b"); Words then holds the first.
	Alts []string
	// Next is set when "_" joins this element to the next one: nothing
	// may come between them.
	Next bool
}

// blockRe reads "--- HEAD [code] ---"; real dictionaries also have
// multi-word heads, a second code and a comment eating the closing dashes.
var blockRe = regexp.MustCompile(`^---\s+([^\[]+?)\s*\[([^\]]*)\]`)

// eventCodeRe is the shape of a CAMEO event code in a verbs file: "---"
// (no event), 2 to 4 digits, "A:B" (source and target codes of a
// reciprocal pattern, either may be empty or "---") and TABARI's "###"
// (discard).
var eventCodeRe = regexp.MustCompile(`^(---|###|\d{2,4})?(:(---|\d{2,4}))?$`)

func checkEventCode(d *diag, n int, code string) {
	if code == "" || !eventCodeRe.MatchString(code) {
		// Kept: the code may belong to an extended code set.
		d.warnf(n, "code %q is not a CAMEO event code", code)
	}
}

// ReadVerbs reads a verbs dictionary in TABARI or PETRARCH-2 format
// (CAMEO.2.0.txt): synsets ("&NAME" with "+member" lines), verb blocks
// ("--- HEAD [code] ---"), verbs with their forms, and patterns. Bad
// lines, and patterns that use an undefined synset, are returned as
// warnings and skipped; the error is only a read failure.
func ReadVerbs(r io.Reader, name string) (VerbDict, []Warning, error) {
	vd := VerbDict{Synsets: map[string][]Phrase{}}
	var cur *VerbBlock
	var syn string
	synNoPlural := false
	synLine := map[string]int{}
	d := &diag{name: name}
	err := scanLines(r, d, func(l srcLine) {
		n := l.n
		t := strings.TrimSpace(l.text)
		if t == "" {
			if l.blank {
				syn = ""
			}
			return
		}
		switch {
		case strings.HasPrefix(t, "---"):
			syn = ""
			m := blockRe.FindStringSubmatch(t)
			if m == nil {
				d.warnf(n, "verb block header must be --- VERB [code] ---: block skipped")
				cur = nil
				return
			}
			code := strings.TrimSpace(m[2])
			checkEventCode(d, n, code)
			cur = &VerbBlock{Head: strings.ToUpper(strings.Trim(strings.Join(strings.Fields(m[1]), "_"), "_")), Code: code, Line: n}
			vd.Blocks = append(vd.Blocks, cur)
		case strings.HasPrefix(t, "&"):
			raw := strings.ToUpper(strings.Fields(t)[0])
			syn, synNoPlural = strings.TrimRight(raw, "_"), strings.HasSuffix(raw, "_")
			if len(syn) < 2 {
				d.warnf(n, "empty synset name: skipped")
				syn = ""
				return
			}
			syn = syn[1:]
			if prev, ok := synLine[syn]; ok {
				d.warnf(n, "synset &%s already defined at line %d: members added to it", syn, prev)
			} else {
				synLine[syn] = n
			}
			if _, ok := vd.Synsets[syn]; !ok {
				vd.Synsets[syn] = nil
			}
		case strings.HasPrefix(t, "+") && syn != "":
			p := parsePhrase(strings.Trim(t[1:], "{}"))
			if len(p) == 0 {
				d.warnf(n, "empty synset member: skipped")
				return
			}
			if synNoPlural {
				p[len(p)-1].Exact = true
			}
			vd.Synsets[syn] = append(vd.Synsets[syn], p)
		case strings.HasPrefix(t, "~"):
			// PETRARCH-2 verb transformations ("~ a (a b ATTACK) SAY =
			// a b 015") recode an event inside a reported one: a coder
			// over the parse gets that from the lexicon's frames instead.
			return
		case strings.HasPrefix(t, "-"):
			if cur == nil {
				d.warnf(n, "pattern outside a verb block: skipped")
				return
			}
			p, err := parsePattern(t[1:])
			if err != nil {
				d.warnf(n, "%v: pattern skipped", err)
				return
			}
			checkEventCode(d, n, p.Code)
			p.Line = n
			cur.Patterns = append(cur.Patterns, p)
		default:
			if cur == nil {
				d.warnf(n, "%q outside a verb block: skipped", t)
				return
			}
			v, err := parseVerb(strings.TrimPrefix(t, "+"))
			if err != nil {
				d.warnf(n, "%v: verb skipped", err)
				return
			}
			if v.Code != "" {
				checkEventCode(d, n, v.Code)
			}
			v.Line = n
			cur.Verbs = append(cur.Verbs, v)
		}
	})
	checkSynsets(d, &vd, synLine)
	for _, b := range vd.Blocks {
		if len(b.Verbs) == 0 {
			d.warnf(b.Line, "verb block %s has no verbs: its patterns never apply", b.Head)
		}
	}
	return vd, d.warn, err
}

// checkSynsets drops patterns that use an undefined synset (as PETRARCH
// does) and reports them, with empty synsets and undefined synsets
// inside synset members.
func checkSynsets(d *diag, vd *VerbDict, defined map[string]int) {
	undefined := func(ws []Word) string {
		for _, w := range ws {
			if strings.HasPrefix(w.Text, "&") {
				if _, ok := vd.Synsets[strings.TrimRight(w.Text[1:], "_")]; !ok {
					return w.Text
				}
			}
		}
		return ""
	}
	for _, b := range vd.Blocks {
		kept := b.Patterns[:0]
		for _, p := range b.Patterns {
			if u := undefined(append(append([]Word(nil), p.Pre...), p.Post...)); u != "" {
				d.warnf(p.Line, "undefined synset %s: pattern skipped", u)
				continue
			}
			kept = append(kept, p)
		}
		b.Patterns = kept
	}
	for name, members := range vd.Synsets {
		if len(members) == 0 {
			d.warnf(defined[name], "synset &%s has no members", name)
		}
		for _, m := range members {
			if u := undefined(m); u != "" {
				d.warnf(defined[name], "synset &%s uses undefined synset %s", name, u)
			}
		}
	}
	sortWarnings(d.warn)
}

func parseVerb(t string) (Verb, error) {
	var v Verb
	if !balanced(t) {
		return v, fmt.Errorf("unbalanced brackets")
	}
	if m := codeRe.FindStringSubmatch(t); m != nil {
		v.Code = strings.TrimSpace(m[1])
		t = strings.Replace(t, m[0], "", 1)
	}
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t, '}')
		for _, f := range strings.Fields(t[i+1 : j]) {
			if p := parsePhrase(strings.ReplaceAll(f, "+", "")); len(p) > 0 {
				v.Forms = append(v.Forms, p)
			}
		}
		t = t[:i] + t[j+1:]
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

// patTokens splits a pattern body into words, markers and the
// punctuation "(", ")", "{", "}", "_" and "*".
func patTokens(s string) []string {
	var out []string
	word := func(i, j int) {
		if j > i {
			out = append(out, s[i:j])
		}
	}
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
			word(start, i)
			start = i + 1
		case '(', ')', '{', '}', '_', '*':
			word(start, i)
			out = append(out, string(c))
			start = i + 1
		}
	}
	word(start, len(s))
	return out
}

func parsePattern(t string) (Pattern, error) {
	var p Pattern
	if !balanced(t) {
		return p, fmt.Errorf("unbalanced brackets")
	}
	m := codeRe.FindStringSubmatch(t)
	if m == nil {
		return p, fmt.Errorf("pattern without [code]")
	}
	p.Code = strings.TrimSpace(m[1])
	body := strings.TrimSpace(t[:strings.Index(t, m[0])])
	if rest := strings.TrimSpace(t[strings.Index(t, m[0])+len(m[0]):]); rest != "" {
		return p, fmt.Errorf("text %q after the code", rest)
	}
	star := strings.IndexByte(body, '*')
	if star < 0 {
		return p, fmt.Errorf("pattern without * (the verb's place)")
	}
	if strings.Count(body, "*") > 1 {
		return p, fmt.Errorf("pattern with more than one *")
	}
	split := func(s string) (ws []Word, lead, trail bool) {
		for _, f := range patTokens(s) {
			switch f {
			case "(", ")", "{", "}":
				continue
			case "_":
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
	var err error
	if p.Before, err = parseElems(body[:star]); err != nil {
		return p, err
	}
	if p.After, err = parseElems(body[star+1:]); err != nil {
		return p, err
	}
	if len(p.Pre)+len(p.Post) == 0 && len(p.Before)+len(p.After) > 0 {
		return p, fmt.Errorf("pattern without words")
	}
	return p, nil
}

// parseElems reads the typed elements of one side of a pattern.
func parseElems(s string) ([]Elem, error) {
	toks := patTokens(s)
	var out []Elem
	var np *Elem // open "{...}"
	var pp *Elem // open "(...)"
	add := func(e Elem) {
		switch {
		case np != nil:
			np.Words = append(np.Words, e.Words...)
			if e.Kind == ElemSynset {
				np.Words = append(np.Words, "&"+e.Synset)
			}
		case pp != nil && pp.Prep == "" && e.Kind == ElemWords && len(e.Words) == 1:
			pp.Prep = e.Words[0]
		case pp != nil:
			pp.Objects = append(pp.Objects, e)
		default:
			out = append(out, e)
		}
	}
	last := func() *Elem {
		switch {
		case pp != nil && len(pp.Objects) > 0:
			return &pp.Objects[len(pp.Objects)-1]
		case pp != nil:
			return nil
		case len(out) > 0:
			return &out[len(out)-1]
		}
		return nil
	}
	for _, tok := range toks {
		switch tok {
		case "{":
			if np != nil {
				return nil, fmt.Errorf("nested { }")
			}
			np = &Elem{Kind: ElemWords}
		case "}":
			if np == nil {
				return nil, fmt.Errorf("unbalanced { }")
			}
			e := *np
			np = nil
			if len(e.Words) > 0 {
				add(e)
			}
		case "(":
			if pp != nil || np != nil {
				return nil, fmt.Errorf("nested ( )")
			}
			pp = &Elem{Kind: ElemPrep}
		case ")":
			if pp == nil || np != nil {
				return nil, fmt.Errorf("unbalanced ( )")
			}
			e := *pp
			pp = nil
			if e.Prep == "" {
				return nil, fmt.Errorf("( ) without a preposition")
			}
			out = append(out, e)
		case "_":
			if l := last(); l != nil && np == nil {
				l.Next = true
			}
		default:
			w := strings.ToUpper(tok)
			switch {
			case w == "$":
				add(Elem{Kind: ElemSource})
			case w == "+":
				add(Elem{Kind: ElemTarget})
			case w == "%":
				add(Elem{Kind: ElemCompound})
			case w == "^":
				add(Elem{Kind: ElemSkip})
			case strings.HasPrefix(w, "&"):
				name := strings.TrimRight(w[1:], "_")
				if name == "" {
					return nil, fmt.Errorf("empty synset name")
				}
				add(Elem{Kind: ElemSynset, Synset: name})
			default:
				add(Elem{Kind: ElemWords, Words: []string{w}})
			}
		}
	}
	if np != nil || pp != nil {
		return nil, fmt.Errorf("unclosed bracket")
	}
	return out, nil
}

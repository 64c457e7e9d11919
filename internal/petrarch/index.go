package petrarch

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// The dictionaries' lookup tables: phrase indexes (actors, agents,
// discards), the forms of a verb and the codes of an actor with its
// agents. Coding itself is internal/events' (DictionaryActors,
// DictionaryCoder, DictionaryStage).

// Tokenizer is the sentence analysis the dictionary coder runs on;
// *text.Analyzer satisfies it.
type Tokenizer interface {
	Split(body string) []model.Span
	Tokenize(body string, s model.Span) []model.Token
}

// phraseIndex finds dictionary phrases in a token sequence. Exact
// first words are looked up directly, stems by every prefix of the token.
type phraseIndex struct {
	exact map[string][]phraseEntry
	stem  map[string][]phraseEntry
}

type phraseEntry struct {
	words Phrase
	id    int
}

func (x *phraseIndex) add(p Phrase, id int, exactOnly bool) {
	if len(p) == 0 {
		return
	}
	if x.exact == nil {
		x.exact, x.stem = map[string][]phraseEntry{}, map[string][]phraseEntry{}
	}
	if exactOnly {
		q := make(Phrase, len(p))
		for i, w := range p {
			q[i] = Word{Text: w.Text, Exact: true}
		}
		p = q
	}
	e := phraseEntry{p, id}
	if p[0].Exact {
		x.exact[p[0].Text] = append(x.exact[p[0].Text], e)
	} else {
		x.stem[p[0].Text] = append(x.stem[p[0].Text], e)
	}
}

// addAgents indexes agents by name and plural (the listed plurals, or
// the regular ones when none are listed); agent words match whole.
func (x *phraseIndex) addAgents(agents []*Agent) {
	for i, a := range agents {
		for _, n := range a.Names {
			x.add(n, i, true)
			if !a.ExplicitPlurals {
				for _, pl := range regularPlurals(n) {
					x.add(pl, i, true)
				}
			}
		}
		for _, n := range a.Plurals {
			x.add(n, i, true)
		}
	}
}

func wordMatches(w Word, t string) bool {
	if w.Exact {
		return t == w.Text
	}
	return strings.HasPrefix(t, w.Text)
}

// longest returns the id and length (in tokens) of the longest phrase
// starting at words[i]; ties go to the longer written phrase, then to
// the earlier entry.
func (x *phraseIndex) longest(words []string, i int) (id, n int) {
	id, n, _ = x.longestStem(words, i)
	return id, n
}

// longestStem is longest that also reports whether the last word
// matched its token only as a stem ("KU" in "KUWAIT").
func (x *phraseIndex) longestStem(words []string, i int) (id, n int, stem bool) {
	id = -1
	best := 0
	try := func(es []phraseEntry) {
		for _, e := range es {
			if i+len(e.words) > len(words) {
				continue
			}
			ok := true
			chars := 0
			for k, w := range e.words {
				if !wordMatches(w, words[i+k]) {
					ok = false
					break
				}
				chars += len(w.Text)
			}
			if !ok {
				continue
			}
			if len(e.words) > n || (len(e.words) == n && chars > best) {
				id, n, best = e.id, len(e.words), chars
				stem = len(e.words[len(e.words)-1].Text) < len(words[i+len(e.words)-1])
			}
		}
	}
	if i >= len(words) {
		return -1, 0, false
	}
	t := words[i]
	if x.exact == nil || t == "" {
		return -1, 0, false
	}
	try(x.exact[t])
	for k := 1; k <= len(t); k++ {
		if es, ok := x.stem[t[:k]]; ok {
			try(es)
		}
	}
	return id, n, stem
}

func texts(p Phrase) []string {
	out := make([]string, len(p))
	for i, w := range p {
		out[i] = w.Text
	}
	return out
}

func regularPlurals(p Phrase) []Phrase {
	if len(p) == 0 {
		return nil
	}
	last := p[len(p)-1].Text
	var forms []string
	switch {
	case strings.HasSuffix(last, "Y") && len(last) > 1 && !strings.ContainsRune("AEIOU", rune(last[len(last)-2])):
		forms = []string{last[:len(last)-1] + "IES"}
	case strings.HasSuffix(last, "S") || strings.HasSuffix(last, "X") || strings.HasSuffix(last, "Z") ||
		strings.HasSuffix(last, "CH") || strings.HasSuffix(last, "SH"):
		forms = []string{last + "ES"}
	case strings.HasSuffix(last, "MAN"):
		forms = []string{last[:len(last)-3] + "MEN"}
	default:
		forms = []string{last + "S"}
	}
	var out []Phrase
	for _, f := range forms {
		q := append(Phrase(nil), p...)
		q[len(q)-1] = Word{Text: f, Exact: true}
		out = append(out, q)
	}
	return out
}

func isVowel(b byte) bool { return strings.IndexByte("AEIOU", b) >= 0 }

// inflections returns the regular forms of a verb: base, -S/-ES/-IES,
// -ED/-D/-IED, -ING, with consonant doubling and e-dropping.
func inflections(v string) []string {
	out := []string{v}
	n := len(v)
	if n == 0 {
		return out
	}
	last := v[n-1]
	switch {
	case last == 'Y' && n > 1 && !isVowel(v[n-2]):
		out = append(out, v[:n-1]+"IES", v[:n-1]+"IED", v+"ING")
	case last == 'E':
		out = append(out, v+"S", v+"D", v[:n-1]+"ING", v+"ING")
	default:
		if strings.HasSuffix(v, "S") || strings.HasSuffix(v, "X") || strings.HasSuffix(v, "Z") ||
			strings.HasSuffix(v, "CH") || strings.HasSuffix(v, "SH") || strings.HasSuffix(v, "O") {
			out = append(out, v+"ES")
		} else {
			out = append(out, v+"S")
		}
		out = append(out, v+"ED", v+"ING")
		if n >= 3 && !isVowel(last) && isVowel(v[n-2]) && !isVowel(v[n-3]) && strings.IndexByte("WXY", last) < 0 {
			out = append(out, v+string(last)+"ED", v+string(last)+"ING")
		}
	}
	return out
}

// member is one actor of a group: its codes (alternatives of "A/B"
// codes) with the agents found beside it.
type member struct {
	actors   []string
	pre, suf []string
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

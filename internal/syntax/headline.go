package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headline case (see the package doc's "Headlines"): a sentence written
// the way headlines are, every word capitalised or every letter upper
// case, is tagged with its words in the case body text would give them,
// so a capitalised verb is read as a verb rather than a name.

// headlineMinWords is the fewest alphabetic words a headline-cased
// sentence has: two capitalised words are as often a name as a title.
const headlineMinWords = 3

// headlineMaxWords is the most words a headline has: headlines are
// short, while a long sentence in capitals is shouting in body text.
const headlineMaxWords = 12

// headlineMaxLower is the longest word (in bytes) a Title Case headline
// leaves in lower case: headline style capitalises every word of four
// letters or more, so a longer lower-case word ("host", "says") means
// body text with many names in it.
const headlineMaxLower = 3

// headlineCase says how a sentence's words are cased.
type headlineCase uint8

const (
	bodyCase  headlineCase = iota // ordinary text: forms are read as written
	titleCase                     // most words capitalised, the rest short
	upperCase                     // every letter upper case
)

// sentenceCase classifies forms. A headline is a run of words: from
// headlineMinWords to headlineMaxWords alphabetic words (first rune a
// letter), which are at least three quarters of its tokens, with no
// brackets and at most one comma (tables of results and lists of names,
// capitalised too, have numbers, brackets and commas). It is upperCase
// if no word has a lower-case letter and two words are longer than one
// letter; titleCase if at least headlineMinWords words are capitalised,
// they are at least three quarters of the words, and every other word
// is at most headlineMaxLower bytes long; else the sentence is bodyCase.
func sentenceCase(forms []string) headlineCase {
	words, caps, long, commas := 0, 0, 0, 0
	anyLower := false
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			if unicode.In(r, unicode.Ps, unicode.Pe) {
				return bodyCase
			}
			if f == "," {
				if commas++; commas > 1 {
					return bodyCase
				}
			}
			continue
		}
		words++
		if utf8.RuneCountInString(f) > 1 {
			long++
		}
		if unicode.IsUpper(r) {
			caps++
		} else if len(f) > headlineMaxLower {
			return bodyCase
		}
		if !anyLower && strings.IndexFunc(f, unicode.IsLower) >= 0 {
			anyLower = true
		}
	}
	switch {
	case words < headlineMinWords || words > headlineMaxWords || 4*words < 3*len(forms):
		return bodyCase
	case !anyLower && long >= 2:
		return upperCase
	case caps >= headlineMinWords && 4*caps >= 3*words:
		return titleCase
	}
	return bodyCase
}

// isUpperWord reports whether f has an upper-case letter and no
// lower-case one.
func isUpperWord(f string) bool {
	return strings.IndexFunc(f, unicode.IsUpper) >= 0 && strings.IndexFunc(f, unicode.IsLower) < 0
}

// hasHeadlineVerb reports whether sc.cls, the tags of sc.forms, have a
// headline verb or a modal.
func (p *Parser) hasHeadlineVerb(sc *scratch) bool {
	for _, c := range sc.cls[:len(sc.forms)] {
		if x := p.tag.xpos[c]; headlineVerb[x] || x == "MD" {
			return true
		}
	}
	return false
}

// isInitial reports whether f is a capital letter and a period ("L.").
func isInitial(f string) bool {
	r, n := utf8.DecodeRuneInString(f)
	return unicode.IsUpper(r) && f[n:] == "."
}

// titleForm writes f as a name is written in body text: its first
// letter upper case, the rest lower case.
func titleForm(f string) string {
	r, n := utf8.DecodeRuneInString(f)
	return string(unicode.ToUpper(r)) + strings.ToLower(f[n:])
}

// headlineVerb are the tags of a headline's verbs: headlines report in
// the present tense ("Expels", "Seize") or the base form after "to" or
// a modal ("to Meet"). A sentence whose words read in lower case give
// none of these is read as written (caseForms).
var headlineVerb = map[string]bool{"VBZ": true, "VBP": true, "VB": true}

// presentVerb are the tags that make a word the treebank does not know
// a verb of a headline: the present tense it reports in. A past form
// read off a suffix ("Vincent" as "-ent" like "went"), or a base form
// with no "to" or modal before it (the tagger's guess for an unknown
// word after a comma: "Clark County"), is not; and a name is never a
// verb.
var presentVerb = map[string]bool{"VBZ": true, "VBP": true}

// headlineLower are the UPOS tags of the known words a headline's
// capitals hide from the tagger, which it reads in lower case: verbs and
// function words. Nouns, proper nouns and adjectives keep their capital.
var headlineLower = map[string]bool{
	"VERB": true, "AUX": true, "ADP": true, "ADV": true, "DET": true, "PRON": true,
	"CCONJ": true, "SCONJ": true, "PART": true,
}

// isNameClass reports whether tag class c is a proper noun's.
func (t *tagger) isNameClass(c int) bool {
	x := t.xpos[c]
	return x == "NNP" || x == "NNPS"
}

// nameAmbs returns the ambiguity classes made only of proper-noun tag
// classes (every non-empty subset of them, hashed as buildAmbig does).
func nameAmbs(t *tagger) map[uint64]bool {
	var names []int
	for c := range t.xpos {
		if t.isNameClass(c) {
			names = append(names, c)
		}
	}
	out := map[uint64]bool{}
	if len(names) > 16 {
		return out
	}
	for set := 1; set < 1<<len(names); set++ {
		h := uint64(fnvOffset)
		for i, c := range names { // ascending, as buildAmbig sorts
			if set&(1<<i) != 0 {
				h = mix(h, uint64(c))
			}
		}
		out[h|1] = true
	}
	return out
}

// knownName reports whether the tagger's own evidence makes the
// capitalised form f a name: its lower-cased form's ambiguity class has
// proper-noun tags only, or the word's own features, its exact form and
// its lower-cased identity, alone score a proper-noun class highest
// ("United", "New" as in names, "Clark").
func (p *Parser) knownName(sc *scratch, f string) bool {
	if p.nameAmb[p.tag.amb.class(hashLower(f))] {
		return true
	}
	sc.ts.fs = append(sc.ts.fs[:0], feat1(tForm, hashString(f)), feat1(tWord, hashLower(f)))
	p.tag.w.score(&sc.ts.wk, sc.ts.fs, &sc.ts.scores)
	C := p.tag.w.classes
	b := argmax(sc.ts.scores[:C])
	return sc.ts.scores[b] > 0 && p.tag.isNameClass(b)
}

// caseForms rewrites sc.forms, the forms the tagger reads, when they
// make a headline-cased sentence, tags them into sc.cls, and reports
// whether it did (sc.headline then says whether the rewritten forms
// were kept, sc.orig holds the words' own forms and sc.lowered those
// read lower case). The first word, single letters, initials and the
// word after an initial keep their case, as in body text, and so do
// names by the tagger's evidence (knownName) and acronyms in a Title
// Case headline ("EU"). Another capitalised word the treebank knows is
// read lower case if the tagger, reading it so, makes it a verb or a
// function word (headlineLower). A capitalised word the treebank does
// not know may be a name ("Kenya") or not ("Expels"): it is read as
// written (titleForm in an upper-case headline), as body text writes
// names, unless the sentence has no verb yet and the tagger, reading
// the sentence with that word alone in lower case, makes it a present-
// tense verb (presentVerb). If no word read lower case comes out a
// headline verb, the sentence is read as written after all: the body-
// case reading is for the verbs a headline's capitals hide, and a
// verbless title or heading has none.
func (p *Parser) caseForms(sc *scratch) bool {
	sc.headline = false
	hc := sentenceCase(sc.forms)
	if hc == bodyCase {
		return false
	}
	sc.headline = true
	sc.orig = append(sc.orig[:0], sc.forms...)
	orig := sc.orig
	sc.lowered = sc.lowered[:0]
	sc.unknown = sc.unknown[:0]
	first, initial := true, false
	for i, f := range orig {
		low := false
		r, _ := utf8.DecodeRuneInString(f)
		after := initial
		initial = isInitial(f)
		if unicode.IsLetter(r) && utf8.RuneCountInString(f) == 1 || initial || after && unicode.IsUpper(r) {
			// A single letter, an initial and the name after it ("Tori L.
			// Wells") keep their case, as in body text.
			first = false
		} else if unicode.IsLetter(r) && first {
			// Body text capitalises its first word too.
			first = false
			if hc == upperCase && !p.knownName(sc, f) {
				sc.forms[i] = titleForm(f)
			}
		} else if unicode.IsUpper(r) {
			switch {
			case hc == titleCase && isUpperWord(f):
			case p.knownName(sc, f):
			case hc == upperCase && p.knownName(sc, titleForm(f)):
				sc.forms[i] = titleForm(f)
			case p.tag.amb.class(hashLower(f)) == 0:
				if hc == upperCase {
					sc.forms[i] = titleForm(f)
				}
				sc.unknown = append(sc.unknown, i)
			default:
				low = true
				sc.forms[i] = strings.ToLower(f)
			}
		}
		sc.lowered = append(sc.lowered, low)
	}
	// A known word read as a noun or adjective keeps its capital: inside
	// a name body text writes it so ("Clark County School District"),
	// and only the verbs and function words a headline capitalises
	// mislead the tagger.
	p.tagForms(sc)
	for i, low := range sc.lowered {
		if low && !headlineLower[p.tag.upos[sc.cls[i]]] {
			sc.lowered[i] = false
			if hc == upperCase {
				sc.forms[i] = titleForm(orig[i])
			} else {
				sc.forms[i] = orig[i]
			}
		}
	}
	// Then the unknown words, if the sentence has no verb yet: a
	// headline has one ("Thank You Barrys Auto Tech" has "Thank").
	if p.hasHeadlineVerb(sc) {
		sc.unknown = sc.unknown[:0]
	}
	for _, i := range sc.unknown {
		written := sc.forms[i]
		sc.forms[i] = strings.ToLower(written)
		p.tagForms(sc)
		if presentVerb[p.tag.xpos[sc.cls[i]]] {
			sc.lowered[i] = true
		} else {
			sc.forms[i] = written
		}
	}
	for _, i := range sc.unknown {
		if sc.lowered[i] {
			sc.forms[i] = strings.ToLower(orig[i])
		}
	}
	p.tagForms(sc)
	for i, low := range sc.lowered {
		if low && headlineVerb[p.tag.xpos[sc.cls[i]]] {
			return true
		}
	}
	// No word read lower case is a verb: the body-case reading found
	// none of the verbs it is for (a name, a title, a table's heading),
	// so the sentence is read as written.
	sc.headline = false
	copy(sc.forms, sc.orig)
	p.tagForms(sc)
	return true
}

// lemmaForm is the form word i is lemmatised from: the lower-case one
// the tagger read if caseForms lowered it, else the word's own.
func (sc *scratch) lemmaForm(i int) string {
	if sc.headline && !sc.lowered[i] {
		return sc.orig[i]
	}
	return sc.forms[i]
}

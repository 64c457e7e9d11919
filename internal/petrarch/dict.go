package petrarch

import (
	"strings"
	"time"
)

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
//
// Pre and Post are the flat word sequences TABARI matches; Before and
// After are the same pattern as typed elements (noun phrases written
// "{MOD HEAD}", prepositional phrases "(PREP ...)" in PETRARCH-2
// dictionaries), which a coder over a parse tree uses.
type Pattern struct {
	Pre, Post     []Word
	Before, After []Elem
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

// Issue is one phrase of a PETRARCH issues file ("n:refugee
// [REFUGEES]"): Forms holds every expanded form ("REFUGEE",
// "REFUGEES"). Ignore phrases ("~...", "~~...") have no code: they
// cancel the category's issues in the sentence (Story: in the story).
type Issue struct {
	Category string
	Forms    []Phrase
	Code     string
	Ignore   bool
	Story    bool
	Line     int
}

// VerbDict is what one verbs file holds.
type VerbDict struct {
	Blocks []*VerbBlock
	// Synsets maps a name without "&" and trailing "_" ("&CURRENCY" ->
	// "CURRENCY") to its phrases. A phrase whose last word is Exact
	// takes no generated plural.
	Synsets map[string][]Phrase
}

// Dictionaries is a loaded set of TABARI/PETRARCH dictionaries with
// the warnings of every file read.
type Dictionaries struct {
	Actors   []*Actor
	Agents   []*Agent
	Verbs    []*VerbBlock
	Synsets  map[string][]Phrase
	Discards Discards
	Issues   []*Issue
	// Warnings lists, file by file in reading order, every line that
	// was skipped or read only in part.
	Warnings []Warning
	// Files counts what each file contributed.
	Files []FileSummary
}

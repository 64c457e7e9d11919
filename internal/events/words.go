package events

import (
	"errors"
	"fmt"
	"strings"
)

// Closed-class word lists: grammar, not vocabulary of the world. They are
// lexicon data (events/words.tsv, read by LoadLexicon); only the quotation
// marks, which are punctuation, stay here.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	quoteOpen  = set("\"", "“", "‘", "``")
	quoteClose = set("\"", "”", "’", "''")
)

// wordClasses are the classes of words of events/words.tsv; what each does
// in the coder is in the file's header. The coder reads them through the
// sentence (st.words), which points at its lexicon's.
type wordClasses struct {
	determiners     map[string]bool
	auxiliaries     map[string]bool
	beForms         map[string]bool
	futureWords     map[string]bool
	possibleMod     map[string]bool
	negWords        map[string]bool
	habitual        map[string]bool
	allegedWords    map[string]bool
	hedgeAdj        map[string]bool
	futureAdj       map[string]bool
	possibleGov     map[string]bool
	allegedGov      map[string]bool
	backgroundPreps map[string]bool
	futureGov       map[string]bool
	clauseWords     map[string]bool
	coordinators    map[string]bool
	prepositions    map[string]bool
	targetPreps     map[string]bool
	quantifiers     map[string]bool
	conditional     map[string]bool
	conditionMarks  map[string]bool
	pronouns        map[string]bool
	roleHeads       map[string]bool
	placeNouns      map[string]bool
	blockNoun       map[string]bool
	amountNouns     map[string]bool
	adverbialPPs    map[string]bool
	speakerPronouns map[string]bool
	allegeVerbs     map[string]bool
}

// class returns the set of the class named name in events/words.tsv.
func (w *wordClasses) class(name string) map[string]bool {
	switch name {
	case "determiners":
		return w.determiners
	case "auxiliaries":
		return w.auxiliaries
	case "beForms":
		return w.beForms
	case "futureWords":
		return w.futureWords
	case "possibleMod":
		return w.possibleMod
	case "negWords":
		return w.negWords
	case "habitual":
		return w.habitual
	case "allegedWords":
		return w.allegedWords
	case "hedgeAdj":
		return w.hedgeAdj
	case "futureAdj":
		return w.futureAdj
	case "possibleGov":
		return w.possibleGov
	case "allegedGov":
		return w.allegedGov
	case "backgroundPreps":
		return w.backgroundPreps
	case "futureGov":
		return w.futureGov
	case "clauseWords":
		return w.clauseWords
	case "coordinators":
		return w.coordinators
	case "prepositions":
		return w.prepositions
	case "targetPreps":
		return w.targetPreps
	case "quantifiers":
		return w.quantifiers
	case "conditional":
		return w.conditional
	case "conditionMarks":
		return w.conditionMarks
	case "pronouns":
		return w.pronouns
	case "roleHeads":
		return w.roleHeads
	case "placeNouns":
		return w.placeNouns
	case "blockNoun":
		return w.blockNoun
	case "amountNouns":
		return w.amountNouns
	case "adverbialPPs":
		return w.adverbialPPs
	case "speakerPronouns":
		return w.speakerPronouns
	case "allegeVerbs":
		return w.allegeVerbs
	}
	return nil
}

// addWords reads one line of events/words.tsv: a class and its words,
// separated by "|".
func (w *wordClasses) addWords(f []string) error {
	if len(f) != 2 || f[1] == "" {
		return errors.New("want 2 tab-separated fields: class, words separated by |")
	}
	m := w.class(f[0])
	if m == nil {
		return fmt.Errorf("unknown word class %q", f[0])
	}
	for _, x := range strings.Split(f[1], "|") {
		x = strings.TrimSpace(x)
		if x == "" {
			return errors.New("empty word")
		}
		m[x] = true
	}
	return nil
}

func newWordClasses() *wordClasses {
	return &wordClasses{
		determiners:     map[string]bool{},
		auxiliaries:     map[string]bool{},
		beForms:         map[string]bool{},
		futureWords:     map[string]bool{},
		possibleMod:     map[string]bool{},
		negWords:        map[string]bool{},
		habitual:        map[string]bool{},
		allegedWords:    map[string]bool{},
		hedgeAdj:        map[string]bool{},
		futureAdj:       map[string]bool{},
		possibleGov:     map[string]bool{},
		allegedGov:      map[string]bool{},
		backgroundPreps: map[string]bool{},
		futureGov:       map[string]bool{},
		clauseWords:     map[string]bool{},
		coordinators:    map[string]bool{},
		prepositions:    map[string]bool{},
		targetPreps:     map[string]bool{},
		quantifiers:     map[string]bool{},
		conditional:     map[string]bool{},
		conditionMarks:  map[string]bool{},
		pronouns:        map[string]bool{},
		roleHeads:       map[string]bool{},
		placeNouns:      map[string]bool{},
		blockNoun:       map[string]bool{},
		amountNouns:     map[string]bool{},
		adverbialPPs:    map[string]bool{},
		speakerPronouns: map[string]bool{},
		allegeVerbs:     map[string]bool{},
	}
}

// isAmount reports whether t heads an amount: a number or an amount noun.
func (st *sent) isAmount(t tok) bool {
	return t.tag == "CD" || st.words.amountNouns[t.low] || t.text != "" && t.text[0] >= '0' && t.text[0] <= '9'
}

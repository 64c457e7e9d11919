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
	listJoins       map[string]bool
	compoundJoins   map[string]bool
	prepositions    map[string]bool
	particles       map[string]bool
	targetPreps     map[string]bool
	wherePreps      map[string]bool
	placePreps      map[string]bool
	actorPreps      map[string]bool
	quantifiers     map[string]bool
	conditional     map[string]bool
	conditionMarks  map[string]bool
	pronouns        map[string]bool
	possPronouns    map[string]bool
	ownSideNouns    map[string]bool
	roleHeads       map[string]bool
	placeNouns      map[string]bool
	blockNoun       map[string]bool
	amountNouns     map[string]bool
	adverbialPPs    map[string]bool
	speakerPronouns map[string]bool
	allegeVerbs     map[string]bool
	subordinators   map[string]bool
	hazards         map[string]bool
	animals         map[string]bool
	victimNouns     map[string]bool
	carrierVerbs    map[string]bool
	thirdPartyVerbs map[string]bool
	stateSectors    map[string]bool
	patronWords     map[string]bool
	pairWords       map[string]bool
	causePreps      map[string]bool
	resultVerbs     map[string]bool
	pairNouns       map[string]bool
	timeNouns       map[string]bool
	comitatives     map[string]bool
	proposalNouns   map[string]bool
}

// fields are the classes' sets by their names in events/words.tsv.
func (w *wordClasses) fields() map[string]*map[string]bool {
	return map[string]*map[string]bool{
		"determiners":     &w.determiners,
		"auxiliaries":     &w.auxiliaries,
		"beForms":         &w.beForms,
		"futureWords":     &w.futureWords,
		"possibleMod":     &w.possibleMod,
		"negWords":        &w.negWords,
		"habitual":        &w.habitual,
		"allegedWords":    &w.allegedWords,
		"hedgeAdj":        &w.hedgeAdj,
		"futureAdj":       &w.futureAdj,
		"possibleGov":     &w.possibleGov,
		"allegedGov":      &w.allegedGov,
		"backgroundPreps": &w.backgroundPreps,
		"futureGov":       &w.futureGov,
		"clauseWords":     &w.clauseWords,
		"coordinators":    &w.coordinators,
		"listJoins":       &w.listJoins,
		"compoundJoins":   &w.compoundJoins,
		"prepositions":    &w.prepositions,
		"particles":       &w.particles,
		"targetPreps":     &w.targetPreps,
		"wherePreps":      &w.wherePreps,
		"placePreps":      &w.placePreps,
		"actorPreps":      &w.actorPreps,
		"quantifiers":     &w.quantifiers,
		"conditional":     &w.conditional,
		"conditionMarks":  &w.conditionMarks,
		"pronouns":        &w.pronouns,
		"possPronouns":    &w.possPronouns,
		"ownSideNouns":    &w.ownSideNouns,
		"roleHeads":       &w.roleHeads,
		"placeNouns":      &w.placeNouns,
		"blockNoun":       &w.blockNoun,
		"amountNouns":     &w.amountNouns,
		"adverbialPPs":    &w.adverbialPPs,
		"speakerPronouns": &w.speakerPronouns,
		"allegeVerbs":     &w.allegeVerbs,
		"subordinators":   &w.subordinators,
		"hazards":         &w.hazards,
		"animals":         &w.animals,
		"victimNouns":     &w.victimNouns,
		"carrierVerbs":    &w.carrierVerbs,
		"thirdPartyVerbs": &w.thirdPartyVerbs,
		"stateSectors":    &w.stateSectors,
		"patronWords":     &w.patronWords,
		"pairWords":       &w.pairWords,
		"causePreps":      &w.causePreps,
		"resultVerbs":     &w.resultVerbs,
		"pairNouns":       &w.pairNouns,
		"timeNouns":       &w.timeNouns,
		"comitatives":     &w.comitatives,
		"proposalNouns":   &w.proposalNouns,
	}
}

// class returns the set of the class named name in events/words.tsv.
func (w *wordClasses) class(name string) map[string]bool {
	if f, ok := w.fields()[name]; ok {
		return *f
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
	w := &wordClasses{}
	for _, f := range w.fields() {
		*f = map[string]bool{}
	}
	return w
}

// isAmount reports whether t heads an amount: a number or an amount noun.
func (st *sent) isAmount(t tok) bool {
	return t.tag == "CD" || st.words.amountNouns[t.low] || t.text != "" && t.text[0] >= '0' && t.text[0] <= '9'
}

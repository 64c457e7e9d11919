// Package petrarch reads TABARI/PETRARCH dictionaries (actors with
// synonyms and date-restricted codes, agents with !MACROS!, verbs with
// synsets, blocks and patterns, discards) and codes sentences with them
// over sitrep's own sentence analysis, so that political scientists can
// bring two decades of dictionaries to sitrep. Syntax errors are
// reported as file:line: reason.
//
// The coder does not need a Treebank parse. It works on internal/text's
// tokens and Penn tags: actor and agent phrases are found by longest
// match (a word without a trailing "_" is a stem), noun phrases holding
// them are grouped into compounds ("Gondor and Osgiliath", "officials in
// Fornost and Gondor"), dictionary verbs are found in all their regular
// and listed forms, and each verb's patterns are matched around it with
// TABARI's gap rules ("_" forbids a gap; "$", "+", "%" bind the source,
// target and compound; "^" skips a noun phrase; "&SYNSET" expands
// recursively). The most specific matching pattern wins; otherwise the
// verb's or block's code applies ("---": no event, "A:B": reciprocal,
// "###": discard the sentence). The source is the first actor group of
// the verb's clause (or Y in "X was verbed by Y"), the target the first
// group after the verb that is not the subject of a later clause
// ("..., a senior official said").
//
// ReadRecords and Validate run PETRARCH's validation file against a
// Coder and report recall and extra codings per record category.
package petrarch

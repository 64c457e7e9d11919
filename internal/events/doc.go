// Package events is sitrep's event coder: it reads an article that the
// text, timex and entities stages have filled and codes who did what to
// whom in CAMEO (with Goldstein score and QuadClass) and PLOVER, with the
// modality of each event (asserted, future, possible, denied, alleged,
// habitual, negated), its claim chain (who says so), its date and its
// place, and it finds direct quotes with their speakers.
//
// Precision comes first: an event needs a verb phrase of the lexicon and a
// resolved source actor, or it is not coded. Denials, refusals, purpose
// clauses, conditionals and hedges change the modality or the code rather
// than letting a denied or hypothetical act pass as news.
//
// The analysis is shallow and clause-based, so that it works on untagged
// tokens (closed-class word lists, the verb lexicon and capitalisation)
// and is better with Penn tags. Ontologies and the verb lexicon are data
// files under lexicon/events/ (cameo.tsv, plover.tsv, verbs.txt), loaded
// by LoadLexicon from any number of roots so users can add and override
// entries.
package events

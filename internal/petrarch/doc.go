// Package petrarch reads TABARI/PETRARCH dictionaries and compiles them
// into the vocabulary a coder uses; it also keeps a window-based coder
// and the PETRARCH validation suite runner.
//
// # Reading
//
// ReadActors, ReadAgents, ReadVerbs, ReadDiscards and ReadIssues read
// one file each; Load and LoadDir read a set (LoadDir classifies files
// by name, see KindOf: *actor*, *agent*, *verb* or CAMEO*, *discard*,
// *issue*, plain or .gz) and read the files side by side. Real
// dictionaries have typos, so readers never refuse a file: a line that
// cannot be read (a 7-, 9- or 10-digit date, a code followed by a stray
// date, an agent without a code, unbalanced brackets, invalid UTF-8, a
// line longer than MaxLineBytes, a pattern using an undefined synset) is
// skipped and reported as a Warning "file:line: reason", and suspect
// content that is kept (a code that is not CAMEO, an empty synset, an
// empty file) is reported too. Dictionaries.Warnings and .Files (counts
// per file) feed `sitrep dictionaries check DIR`.
//
// Both verb formats are read: TABARI patterns ("- * WITH + [041]") and
// PETRARCH-2's CAMEO.2.0.txt, whose patterns mark noun phrases "{...}"
// and prepositional phrases "(TO &CEASEFIRE)" and whose synsets are
// "&NAME" with "+member" lines. A Pattern keeps the flat word sequence
// (Pre, Post) and the typed elements (Before, After: Elem).
//
// # Compiling
//
// Compile turns Dictionaries into a Vocabulary: ActorTable (Lookup
// resolves a name against a date, so a leader is government for his
// term), AgentTable with Combine and Vocabulary.MatchGroup/Mentions
// ("Sudanese soldiers" -> SDNMIL), DiscardTable, and VerbTable (ByForm,
// ByLemma, Synset) of VerbEntry and VerbPattern, the one pattern form
// both PETRARCH verbs files and sitrep's verbs.txt (ParseSitrepVerbLine)
// compile to; ParseSitrepVerbLine is the one reader of verbs.txt (the
// events coder builds its patterns from its output). Standard loads a set (the Phoenix dictionaries embedded
// under PhoenixDir) on first use.
//
// # Coding and validation
//
// Coder codes sentences over internal/text's tokens and Penn tags with
// TABARI's window rules: actor and agent phrases by longest match (a
// word without a trailing "_" is a stem), compounds ("Gondor and
// Osgiliath"), verbs in all their forms, patterns matched around the
// verb ("_" forbids a gap; "$", "+", "%" bind source, target and
// compound; "^" skips a noun phrase; "&SYNSET" expands). The most
// specific matching pattern wins; otherwise the verb's or block's code
// applies ("---": no event, "A:B": reciprocal, "###": discard).
//
// ReadRecords and Validate run PETRARCH's validation file against a
// Coder and report recall and extra codings per record category; a
// broken record is a warning and the others are still run.
package petrarch

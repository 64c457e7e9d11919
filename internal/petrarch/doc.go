// Package petrarch reads TABARI/PETRARCH dictionaries and compiles them
// into the vocabulary the event coder (internal/events) uses, and runs
// PETRARCH validation records against a coder. It codes nothing itself:
// the dictionaries' verbs compile into internal/events' pattern set
// (Lexicon.WithDictionary) and their actors name its actors
// (DictionaryActors); events.DictionaryCoder validates and
// events.DictionaryStage serves `--dictionaries DIR` in the pipeline.
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
// # Validation
//
// ReadRecords and Validate run PETRARCH's validation file against a
// SentenceCoder and report recall and extra codings per record
// category; a broken record is a warning and the others are still run.
// The suite is coded through internal/events by `sitrep
// validate-petrarch`, whose tests (internal/cli) ratchet its recall;
// this package's tests read the suite's files and score Validate on them.
package petrarch

// Package syntax is sitrep's tagger, lemmatiser and dependency parser:
// pure Go, trained from the Universal Dependencies English Web Treebank
// (Silveira et al. 2014, CC BY-SA 4.0) by `sitrep train-parser`, shipped
// as lexicon/syntax/en_ewt.model and loaded lazily by Default.
//
// It reads the text stage's tokens (Parser.ParseSentence) and fills, in
// place, each token's Penn tag (model.Token.Tag), UPOS, lemma, head
// (1-based within the sentence, 0 for the root: the CoNLL-U convention)
// and UD relation with its subtype ("nsubj:pass"). TagSentence fills
// the tags and lemmas only; ParseTagged parses tokens TagSentence has
// already tagged, without tagging them again.
//
// # Tagger
//
// A greedy left-to-right averaged perceptron predicts the (UPOS, XPOS)
// pair as one class, so the two never disagree. Besides the usual word,
// affix, shape and previous-tag features, each word carries its
// ambiguity class (the set of tags training gave it), which for the next
// two words stands in for the tags not yet predicted. The right-to-left
// model only scores the words the left-to-right one is not confident of
// (sureMargin).
//
// A tagger trained on web text reads the verb of the commonest news report
// as a participle ("Rebels shelled/VBN Goma", "Police shot/NN two
// protesters"); a repair after it restores the past tense from the tags,
// the lemmatiser and the sentence's shape (finite.go, repairFinite).
//
// # Headlines
//
// The treebank writes names capitalised and other words in lower case
// but at a sentence's start, so the tagger reads a capitalised word
// mid-sentence as a name: in a headline ("Peru Recalls Ambassador From
// Mexico", or all in capitals) the verb came out NNP or NNS and the
// events coder saw no verb. The tagging entry points (TagSentence,
// ParseSentence, ParseTagged, Annotate) therefore read a headline-cased
// sentence's words in the case body text would give them (headline.go),
// for the tagger's features and the lemma only: the tokens' Text, offsets
// and case, which the other stages read, are not changed.
//
// A sentence is headline-cased when it is a run of 3 to 12 words (no
// brackets, at most one comma, words three quarters of its tokens, so
// result tables and lists of names stay body text) that are all in
// capitals, or of which three quarters are capitalised and the rest
// are at most three letters long (headline style capitalises every
// word of four letters or more; body text with many names has longer
// lower-case words). The first word, single letters, initials ("L.")
// and the word after an initial keep their case, as in body text; so do
// names by the tagger's own evidence: a word whose ambiguity class has
// proper-noun tags only ("Iraq"), or whose own features (exact form and
// lower-cased identity) alone score a proper noun highest ("United",
// "North"), and an acronym in a Title Case headline ("EU"). Another
// capitalised word the treebank knows is read in lower case when the
// tagger, so reading it, makes it a verb or a function word; read as a
// noun or adjective it keeps its capital, as inside a name ("Clark
// County School District"). A capitalised word the treebank does not
// know may be a name ("Eritrea") or not ("Expels"): if the sentence has
// no verb yet, each such word is read in lower case when the tagger,
// reading the sentence with that word alone in lower case, makes it a
// present-tense verb, the tense headlines report in (a name is never a
// verb; an unknown name read off a suffix comes out a past or base form,
// "-ent" as in "went", or a plural noun). If no word read in lower case
// comes out a verb, the sentence is read as written after all: the
// body-case reading is for the verbs capitals hide, and a verbless
// title, name or heading has none. Words are lowered by the tagger's
// evidence, never by a word list.
//
// Measured: CoNLL++ dev F1, PLOVER, GeoVirus, the seed and EWT dev's
// tags and parse unchanged (EWT's Title Case lines are mostly names and
// signatures, which the rule leaves alone; its shouted review sentences
// in capitals are read in body case); the names model trained through
// the text stage comes out byte for byte the same. Of 16 headlines of
// our own, 12 give an event against 5 before. Left: a plural subject
// with a base-form verb the tagger reads as a compound noun in body
// case too ("rebels attack cargo ship"), and a verb the treebank does
// not know after a first word the tagger reads as a verb.
//
// # Lemmatiser
//
// Learnt from the treebank's lemmas, with no hand-written lists: suffix
// rules keyed on (XPOS, longest known word ending), and an exceptions
// table of the training words the rules get wrong (and of the past
// tenses written as their lemma, "hit", "cut", so the repairs know them
// as past forms). Of the rules of a
// word's endings, longest first, the first whose result is a lemma the
// treebank has wins, else the longest: so a rule learnt from doubled
// consonants ("travelled" → "travel") does not cut "shelled" to
// "shel". The treebank's own lemmas stand where it has them, so plural
// nouns it lemmatises as plurals keep that ("troops" → "troops").
//
// # Parser
//
// A greedy arc-hybrid transition parser (Kuhlmann et al. 2011) with the
// root at the end of the buffer, so every sentence gets exactly one root
// without a repair pass, trained as an averaged perceptron with the
// dynamic oracle and error exploration of Goldberg & Nivre (2013) on
// jackknifed (predicted) tags, with Zhang & Nivre (2011)-style rich
// features (third-order children, valency, label sets, distance).
// TrainOptions.Parsers > 1 trains that many parsers on differently
// shuffled passes (seeds Seed, Seed+1, ...) and keeps the mean of their
// averaged weights, scored exactly as fast as one parser. The built-in
// model is the mean of four parsers trained 12 epochs each (UAS 85.07 /
// LAS 81.87 on EWT dev against 84.85 / 81.53 for one parser of 10
// epochs); the events coder was made to hold on both parses before it
// shipped (docs/performance.md, docs/events.md).
// Greedy rather than a beam: a beam of k costs k times the feature
// lookups, and the speed target (tagger and parser together over 100,000
// tokens a second on one core) leaves room for about one greedy pass; the
// dynamic oracle recovers much of what a beam would (Goldberg & Nivre
// report about one point of UAS over a static oracle). Measured here: a
// beam over the greedy model's scores is worse (UAS −6 at k=2) unless it
// keeps only moves within a small margin of the best (+0.4 at k=2, at
// twice the cost); selectional branching (Choi & McCallum 2013: reparse
// from the closest call, keep the better whole parse) gave +0.26 UAS for
// 22% more scored moves, +0.6 for twice as many: more time than the
// speed target leaves. It stays as an option that is off in the
// built-in parser (depParser.setBranching, parser_branch.go), for
// experiments (parser_harness_test.go's PX_BRANCH). Arc-hybrid rather than arc-eager: its oracle is
// exact and simple, and it needs no unshift or root repair at the end of
// the sentence. Each move is scored
// with its label as one class (SHIFT, LEFT(l), RIGHT(l)): a factorised
// parser (three moves, then a separate label classifier for the chosen
// arc) measured 0.75 UAS and 1.1 LAS lower on EWT dev and only about 15%
// faster, since the cost is the feature lookups, not the row sums.
//
// # Weights
//
// Features are 64-bit hashes of a template and its atoms (word hashes,
// tag classes, labels, distances), never strings. Each feature has a
// sparse row of (class, weight) pairs; the weights are int16 steps of
// one model-wide scale, summed into int32 scores. At load the rows are
// laid out for scoring (scoring.go): the feature table is open
// addressing over 16-byte slots (32-bit fingerprint and either the row
// itself, when it has at most three weights, as most do, or where it
// is), on 2 MB pages where Linux grants them; rows of many classes are
// kept dense and summed two classes per 64-bit add; score reads all
// slots first and touches the remaining rows before summing, so the
// cache misses overlap. The parser also folds (fold.go): the features a
// configuration makes constant (children it lacks, an empty s1 or s2,
// the bias) are replaced by one precomputed row, the buffer's features
// are summed once per buffer front, and a configuration with an empty
// stack is shifted without scoring. All of this gives exactly the scores
// of the plain rows. Parsing allocates nothing but the lemma strings it
// returns; working memory is pooled.
//
// The tagger's working memory keeps a word cache (wordcache.go): 8,192
// entries, direct mapped on the exact form's hash, each holding a form
// of up to 26 bytes, its atoms, its sure class and, once the word has
// been scored, each model's sum of the rows of its 11 word-only features
// (bias, lower and exact form, four suffixes, two prefixes, shape,
// ambiguity class: tagWordFeatures), which are the same wherever the
// word stands. A word seen again skips its other hashes, its ambiguity
// class and sure-table lookups, and those 11 of its 39 lookups per
// model: it is scored from the cached row plus its 28 context features
// (tagContextFeatures). An entry is used only for the same form, and a
// row only while the entry still holds the word's atoms (a later word of
// the sentence may take it), so the tags are exactly those computed
// afresh (integer sums, in any order). Memory: 0.9 MB of entries (112
// bytes each) and two rows tables of 8,192 × classes int32 (3.3 MB each
// with the built-in model's 102 classes; the right-to-left one is mostly
// untouched, since that model scores only the words the first is unsure
// of), per pooled scratch, allocated on its first sentence. Each scored
// word's scores are added into its per-word sum and their best class
// picked in one pass (addScaled). Together these take about 11% off the
// tagger's CPU time (BenchmarkTagWordCache, which alternates with the
// tagger as it was, in one process: the cache alone about 4%, the one
// pass the rest), and 8-12% off TagSentence alternated against the build
// before (docs/performance.md); the word features of frequent words
// mostly sit in the CPU's caches already, and the misses are in the
// context features' word pairs.
//
// Training is deterministic (fixed seeds, sorted tables, no timestamps;
// the file is not compressed): the same treebank and options give the
// same bytes.
package syntax

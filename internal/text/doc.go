// Package text is sitrep's sentence and token stage: it splits an article
// body into sentences and tokens with exact byte offsets and tags each token
// with a Penn Treebank part of speech.
//
// The splitter is hand-written and linear: it knows abbreviations (a data
// file, lexicon/text/abbreviations.tsv), initials, decimal numbers, quotes
// that close a sentence, ellipses, and treats every newline as a sentence
// end because ingest separates paragraphs with "\n". Overlong sentences are
// cut on a space so downstream stages never see unbounded input. A library
// splitter (neurosnap/sentences) was not used because it returns text, not
// offsets, and knows nothing of our paragraph convention.
//
// Two taggers are offered. The default, TaggerRules, uses word lists
// (lexicon/text/pos.tsv, verbs.tsv), capitalisation and suffixes with the
// previous tags for context: about 1.5 µs per sentence, agreeing with the
// perceptron on ~93% of tokens in news text (coarse classes: name, noun,
// verb form, adjective). TaggerPerceptron runs prose's averaged perceptron
// on our tokens: more accurate, but ~50 µs per sentence, most of it in the
// model's feature look-ups.
package text

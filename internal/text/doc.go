// Package text is sitrep's sentence and token stage: it splits an article
// body into sentences and tokens with exact byte offsets and, as each
// sentence is cut, hands its tokens to the tagger (Options.Tagger), which
// fills their Penn tag, UPOS and lemma in place.
//
// The splitter is hand-written and linear: it knows abbreviations (a data
// file, lexicon/text/abbreviations.tsv), initials, decimal numbers, quotes
// that close a sentence, ellipses, and treats every newline as a sentence
// end because ingest separates paragraphs with "\n". Overlong sentences are
// cut on a space so downstream stages never see unbounded input. A library
// splitter (neurosnap/sentences) was not used because it returns text, not
// offsets, and knows nothing of our paragraph convention.
//
// The tagger is the trained one of internal/syntax (averaged perceptron
// and learnt lemmatiser, UD English EWT), which the pipeline passes in:
// this package cannot import it, since internal/syntax's tests tokenise
// with this one. Tokenised and tagged once here, the tokens are what every
// later stage reads (timex, measure, entities, events) and what the parser
// parses, keeping these tags (events.ParseStage.KeepTags). Without a
// tagger the tokens stay untagged.
//
// A headline in Title Case or capitals ("Peru Recalls Ambassador From
// Mexico") is tagged as body text would be written: the tagger itself
// reads such a sentence's words in body case where its evidence says
// they are no names (internal/syntax's package doc, "Headlines"), so
// the verb gets a verb tag, while the tokens' Text, offsets and case,
// which entities and events read, stay the headline's own. It is done
// in the tagger rather than here because only the tagger's lexicon and
// weights tell a name from a capitalised common word, and tokenising
// once means no stage may re-tokenise a lower-cased copy.
package text

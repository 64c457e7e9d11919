// Package pipeline wires sitrep's stages together: ingest produces
// articles, Pipeline runs the analysis stages on each (text, timex,
// measure, entities, events), and Runner feeds the results to a store,
// with near-duplicate detection, progress and a per-input error report.
// The CLI, the HTTP ingest endpoint and the queue workers all go through
// here, so every entry point analyses articles the same way.
//
// One article's failure costs only that article: Process recovers a
// stage's panic and returns it, like a stage's error, as an ArticleError
// naming the input record, the stage and the sentence it reproduces on;
// the callers report it, count it and go on.
package pipeline

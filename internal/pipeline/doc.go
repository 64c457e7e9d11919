// Package pipeline wires sitrep's stages together: ingest produces
// articles, Pipeline runs the analysis stages on each (text, timex,
// measure, entities, events), and Runner feeds the results to a store,
// with near-duplicate detection, progress and a per-input error report.
// The CLI, the HTTP ingest endpoint and the queue workers all go through
// here, so every entry point analyses articles the same way.
package pipeline

// Package model holds the types that flow between sitrep's pipeline
// stages and make up its JSON output contract (docs/output.md): Article,
// Sentence, Entity, Event and the byte Span every fact points at.
//
// Offsets are bytes into Article.Body, half-open, as in go/token. The
// package has no dependencies beyond the standard library so that every
// stage can import it.
package model

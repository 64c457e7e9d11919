// Package names is a small multiclass averaged perceptron for typing
// proper-noun spans (person, organisation, place, other). Features are
// strings hashed to 64 bits by the caller's extractor (see
// internal/entities/namefeat.go); this package only learns, scores, saves
// and loads weights, so the feature set can change without touching it.
//
// Training is deterministic: samples are visited in an order drawn from
// a fixed-seed generator, and the saved file lists features in sorted
// order, so the same samples give the same bytes.
package names

package entities

// Retrain the name classifier from the UD English Web Treebank (see
// namefeat.go); deterministic: the same treebank and lexicons give the
// same file.
//go:generate go run ./trainnames -ud ../../../shared/ud -out ../../lexicon/entities/names.model

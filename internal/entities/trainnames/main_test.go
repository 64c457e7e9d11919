package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testutil"
)

// TestShippedModelIsReproduced retrains the name classifier and compares
// it with the committed lexicon/entities/names.model byte for byte: the
// file is a function of the treebank, the lexicons and the tagger, so a
// change to any of them must come with a regenerated model
// (`go generate ./internal/entities`).
func TestShippedModelIsReproduced(t *testing.T) {
	ud := testutil.Shared(t, "ud")
	out := filepath.Join(t.TempDir(), "names.model")
	if err := run(context.Background(), ud, out, "", false); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../../lexicon/entities/names.model")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retraining gives a %d-byte model that differs from the committed %d-byte lexicon/entities/names.model: run `go generate ./internal/entities` and commit the file", len(got), len(want))
	}
}

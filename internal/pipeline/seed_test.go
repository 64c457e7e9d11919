package pipeline

import (
	"context"
	"github.com/sitrep-project/sitrep/internal/testutil"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/eval"
	"github.com/sitrep-project/sitrep/internal/ingest"
)

// goldFiles are the gold sets scored here: the seed (beside the
// repository, read-only) and the ones written by the project for other
// regions and topics.
func goldFiles(t *testing.T) []string {
	var files []string
	if seed, ok := testutil.SharedOptional(t, "gold/seed.yaml"); ok {
		files = append(files, seed)
	}
	own, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sample", "*.yaml"))
	return append(files, own...)
}

// TestSeedGold is the acceptance check of the entities and events
// issues on the seed: every gold entity, coreference link, time,
// quantity, quote and required event found, precision ≥ 0.9, nothing
// forbidden.
func TestSeedGold(t *testing.T) {
	p := testPipeline(t, false)
	for _, path := range goldFiles(t) {
		if !strings.HasSuffix(path, "seed.yaml") {
			continue
		}
		g, err := eval.LoadGold(path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eval.Run(context.Background(), g, EvalRunner{Pipeline: p, Options: ingest.DefaultOptions()})
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		rep.Write(&sb, true)
		checks := map[string]eval.Counts{"entities": rep.Entities, "entities not found": rep.NotEntities, "coreference": rep.Coreference,
			"times": rep.Times, "quantities": rep.Quantities, "quotes": rep.Quotes, "published": rep.Published, "structure": rep.Structure, "recall": rep.Recall}
		for name, c := range checks {
			if c.Hit != c.Total || c.Total == 0 && name != "entities not found" {
				t.Errorf("%s: %d/%d", name, c.Hit, c.Total)
			}
		}
		if rep.Precision.Ratio() < 0.9 || rep.Forbidden > 0 {
			t.Errorf("precision %.3f, forbidden %d", rep.Precision.Ratio(), rep.Forbidden)
		}
		if t.Failed() {
			t.Log(sb.String())
		}
	}
}

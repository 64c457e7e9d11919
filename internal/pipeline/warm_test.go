package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestWarmChangesNoResult: a pipeline that was warmed (models loaded, the
// executable's read-only pages released) analyses articles exactly as a
// fresh one does, and the warm-up article was coded (so it did load the
// stages' lazy tables).
func TestWarmChangesNoResult(t *testing.T) {
	ctx := context.Background()
	texts := []string{
		"Ghanaian police arrested twelve protesters in Accra on Tuesday, the interior ministry said.",
		"Vietnam and the Philippines signed a coast guard cooperation agreement in Manila on 3 May.",
		"Gunmen attacked a convoy near Mosul, killing four soldiers, Iraqi officials said.",
	}
	run := func(p *Pipeline) []string {
		var out []string
		for _, s := range texts {
			a := model.NewArticle()
			a.Body = s
			a.Published = model.Published{Date: model.Str("2023-05-04"), Precision: model.Str(model.PrecisionDay), Source: "flag"}
			if err := p.Process(ctx, a); err != nil {
				t.Fatal(err)
			}
			a.Tokens = nil
			b, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		return out
	}
	cold, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := run(cold)
	warm, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := warm.Warm(ctx); err != nil {
		t.Fatalf("Warm: %v", err)
	}
	got := run(warm)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("article %d differs after Warm:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
	a := model.NewArticle()
	a.Body = warmText
	if err := cold.Process(ctx, a); err != nil {
		t.Fatal(err)
	}
	if len(a.Events) == 0 || len(a.Entities) == 0 {
		t.Errorf("the warm-up article codes %d events and %d entities; it must reach every stage", len(a.Events), len(a.Entities))
	}
}

// TestReleaseExecutableDataKeepsReadOnlyData: after the pages are
// released, the executable's read-only data reads back the same.
func TestReleaseExecutableDataKeepsReadOnlyData(t *testing.T) {
	before := string([]byte(warmText)) // a heap copy
	releaseExecutableData()
	if warmText != before {
		t.Fatal("read-only data changed after release")
	}
	if _, err := os.ReadFile("/proc/self/maps"); err == nil {
		// the maps file is there, so the release ran; analysis still works
		p, err := New(DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		a := model.NewArticle()
		a.Body = warmText
		if err := p.Process(context.Background(), a); err != nil || len(a.Events) == 0 {
			t.Fatalf("analysis after release: err %v, %d events", err, len(a.Events))
		}
	}
}

package events

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the full coded output (events with modality, dates,
// attribution, location; quotes with speakers) of the annotated articles
// in testdata/annotated/, which need no earlier stage, so that any change
// in this stage's behaviour shows up in review. Refresh with -update.
func TestGolden(t *testing.T) {
	lex := loadUpstream(t).lex
	files, _ := filepath.Glob("testdata/annotated/*.txt")
	if len(files) == 0 {
		t.Fatal("no annotated articles")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := annotated(t, string(data), "2025-03-14")
			if err := New(lex, DefaultOptions()).Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkEvents(t, a)
			var b strings.Builder
			writeOutput(&b, a)
			path := filepath.Join("testdata", "annotated", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if string(want) != b.String() {
				t.Errorf("%s differs from the output; run with -update and review the diff:\n%s", path, b.String())
			}
		})
	}
}

func writeOutput(b *strings.Builder, a *model.Article) {
	ent := func(id *string) string {
		if id == nil {
			return "-"
		}
		for _, e := range a.Entities {
			if e.ID == *id {
				return e.Name
			}
		}
		return *id
	}
	for _, e := range a.Events {
		tg := "-"
		if e.Target != nil {
			tg = e.Target.Code + " " + ent(e.Target.Entity)
		}
		fmt.Fprintf(b, "%s s%d %s %s(%s) -> %s | %s %s/%s | %q | %s %s/%s from %q\n",
			e.ID, e.Sentence, e.Cameo, e.Source.Code, ent(e.Source.Entity), tg, e.Plover.Type, model.Deref(e.Plover.Mode),
			strings.Join(e.Plover.Context, ","), e.Verb, e.Modality, model.Deref(e.Date.Value), model.Deref(e.Date.Precision),
			model.Deref(e.Date.FromText))
		for _, at := range e.Attribution {
			fmt.Fprintf(b, "    says: %q by %s verb=%s medium=%q\n", at.Text, ent(at.Entity), at.Verb, model.Deref(at.Medium))
		}
		if e.Location != nil {
			fmt.Fprintf(b, "    at: %s (%s)\n", e.Location.Name, e.Location.Basis)
		}
	}
	for _, q := range a.Quotes {
		fmt.Fprintf(b, "quote s%d %q by %s\n", q.Sentence, q.Text, ent(q.Speaker))
	}
}

package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// TestRunnerBatchMatchesSingle ingests the sample corpus into two real
// SQLite files, one article per transaction and in batches, and checks
// both hold the same, and that a second run stores nothing new.
func TestRunnerBatchMatchesSingle(t *testing.T) {
	ctx := context.Background()
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	sample := filepath.Join("..", "..", "testdata", "sample", "world-2025.jsonl")
	run := func(st store.Store, batch int) Summary {
		var errs []error
		r := &Runner{Pipeline: p, Ingest: ingest.DefaultOptions(), Store: st, Batch: batch, OnError: func(err error) { errs = append(errs, err) }}
		if err := r.Source(ctx, sample); err != nil || len(errs) > 0 {
			t.Fatalf("source: %v %v", err, errs)
		}
		return r.Summary()
	}
	open := func(name string) store.Store {
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), name), sqlite.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	single, batched := open("single.db"), open("batched.db")
	s1, s2 := run(single, 1), run(batched, 4)
	if s1.New == 0 || s1.New != s2.New || s1.Events != s2.Events {
		t.Fatalf("summaries differ: single %+v, batched %+v", s1, s2)
	}
	st1, _ := single.Stats(ctx)
	st2, _ := batched.Stats(ctx)
	if st1 != st2 {
		t.Errorf("stats differ: single %+v, batched %+v", st1, st2)
	}
	if again := run(batched, 4); again.New != 0 || again.AlreadyStored != s2.New {
		t.Errorf("re-ingest stored again: %+v", again)
	}
}

func TestRunnerMarksNearDuplicates(t *testing.T) {
	ctx := context.Background()
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	body := "Guyana accused Venezuela on Monday of massing troops near the disputed Essequibo region and asked the UN Security Council to intervene. President Irfaan Ali said his government would defend its territory."
	var got []*model.Article
	r := &Runner{Pipeline: p, Ingest: ingest.DefaultOptions(), Emit: func(a *model.Article, _ store.PutResult) error {
		got = append(got, a)
		return nil
	}}
	for i, b := range []string{body, body + " Caracas did not comment."} {
		line := `{"url":"https://example.org/` + string(rune('a'+i)) + `","title":"Guyana accuses Venezuela","published":"2025-07-01","text":"` + b + `"}`
		if err := r.Bytes(ctx, "wire.jsonl", []byte(line+"\n")); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 2 || got[0].DuplicateOf != nil || got[1].DuplicateOf == nil || *got[1].DuplicateOf != got[0].ID {
		t.Fatalf("second copy not linked to the first: %d articles", len(got))
	}
}

// breakOne is a real store whose batches carry one article the store
// rejects (its id is blanked), as a corrupt article would be.
type breakOne struct {
	*sqlite.Store
	victim int // index in the next batch
}

func (b *breakOne) PutArticles(ctx context.Context, arts []*model.Article) ([]store.PutResult, error) {
	if b.victim < len(arts) {
		bad := *arts[b.victim]
		bad.ID = ""
		arts = append([]*model.Article(nil), arts...)
		arts[b.victim] = &bad
	}
	b.victim = len(arts) + 1 // break only the first batch
	return b.Store.PutArticles(ctx, arts)
}

// TestRunnerBatchFailureCountsOnlyTheFailed checks that an article the
// store rejects inside a batch is reported as an error, not counted as
// stored or as already stored, and costs no other article.
func TestRunnerBatchFailureCountsOnlyTheFailed(t *testing.T) {
	ctx := context.Background()
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"), sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var errs []error
	r := &Runner{Pipeline: p, Ingest: ingest.DefaultOptions(), Store: &breakOne{Store: st, victim: 1}, Batch: 4,
		OnError: func(err error) { errs = append(errs, err) }}
	if err := r.Source(ctx, filepath.Join("..", "..", "testdata", "sample", "world-2025.jsonl")); err != nil {
		t.Fatal(err)
	}
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	sum := r.Summary()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || sum.AlreadyStored != 0 || sum.New != stats.Articles || sum.Articles != stats.Articles {
		t.Errorf("summary %+v with errors %v; store holds %d articles", sum, errs, stats.Articles)
	}
	if stats.Articles < 3 {
		t.Errorf("store holds %d articles: the failure cost others", stats.Articles)
	}
}

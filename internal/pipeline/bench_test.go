package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// BenchmarkPipeline measures raw text → events stored in SQLite on the
// sample corpus (or the file $SITREP_BENCH_INPUT), with and without the
// store, reporting sentences/s.
func BenchmarkPipeline(b *testing.B) {
	ctx := context.Background()
	// As the sitrep command runs (see GCPercent).
	defer debug.SetGCPercent(debug.SetGCPercent(GCPercent))
	p, err := New(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	var raw []*model.Article
	inputs := []string{filepath.Join("..", "..", "testdata", "sample", "seed-2024-nk-russia-taiwan.txt"),
		filepath.Join("..", "..", "testdata", "sample", "world-2025.jsonl")}
	if in := os.Getenv("SITREP_BENCH_INPUT"); in != "" {
		inputs = []string{in} // another corpus (docs/performance.md, "Pipeline with the parser")
	}
	for _, f := range inputs {
		err := ingest.Read(ctx, f, ingest.DefaultOptions(),
			func(a *model.Article) error { raw = append(raw, a); return nil }, func(error) {})
		if err != nil {
			b.Fatal(err)
		}
	}
	// load what the stages load lazily (the syntax model, the gazetteer)
	// before measuring
	warm := *raw[0]
	if err := p.Process(ctx, &warm); err != nil {
		b.Fatal(err)
	}
	for _, withStore := range []bool{false, true} {
		b.Run(fmt.Sprintf("store=%v", withStore), func(b *testing.B) {
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "b.db"), sqlite.DefaultOptions())
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			var sentences, parsed, bytes int
			var batch []*model.Article
			i := 0
			cpu0 := testutil.CPUTime()
			for b.Loop() {
				a := *raw[i%len(raw)]
				a.ID = fmt.Sprintf("%s-%d", a.ID, i)
				i++
				if err := p.Process(ctx, &a); err != nil {
					b.Fatal(err)
				}
				sentences += len(a.Sentences)
				for _, toks := range a.Tokens {
					if len(toks) > 0 && toks[0].Rel != "" {
						parsed++ // the parse gives every token a relation
					}
				}
				bytes += len(a.Body)
				if withStore {
					a.Tokens = nil // as Runner does
					batch = append(batch, &a)
					if len(batch) == DefaultBatch {
						if _, err := st.PutArticles(ctx, batch); err != nil {
							b.Fatal(err)
						}
						batch = batch[:0]
					}
				}
			}
			if len(batch) > 0 {
				if _, err := st.PutArticles(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			cpu := testutil.CPUTime() - cpu0
			b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
			if cpu > 0 {
				b.ReportMetric(float64(sentences)/cpu.Seconds(), "sentences/cpu-s")
			}
			b.ReportMetric(100*float64(parsed)/float64(max(sentences, 1)), "%parsed")
			b.ReportMetric(float64(bytes)/1e6/b.Elapsed().Seconds(), "MB/s")
		})
	}
}

package events

import (
	"context"
	"github.com/sitrep-project/sitrep/internal/testutil"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// BenchmarkCoder codes the seed articles (already through the earlier
// stages) and reports sentences per second.
func BenchmarkCoder(b *testing.B) {
	seed := testutil.Shared(b, "seed/000_8bdc426c88a831b7.txt")
	arts := ingestFile(b, seed, "2024-06-14")
	c := New(loadUpstream(b).lex, DefaultOptions())
	n := 0
	for _, a := range arts {
		n += len(a.Sentences)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			a.Events, a.Quotes = []model.Event{}, []model.Quote{}
			if err := c.Process(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(b.Elapsed().Seconds()*1e6/float64(n*b.N), "µs/sentence")
}

// BenchmarkPathological codes one huge sentence full of quotes and verbs;
// it must stay roughly linear.
func BenchmarkPathological(b *testing.B) {
	var sb []byte
	for i := 0; i < 3000; i++ {
		sb = append(sb, "\"Russia attacked,\" said Russia, and denied, and vowed to visit Russia "...)
	}
	body := string(sb)
	c := New(loadUpstream(b).lex, DefaultOptions())
	for i := 0; i < b.N; i++ {
		a := model.NewArticle()
		a.Body = body
		a.Sentences = []model.Sentence{{Start: 0, End: len(body), Text: body}}
		if err := c.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

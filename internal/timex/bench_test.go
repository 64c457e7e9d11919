package timex

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

// BenchmarkTimex measures the timex stage on a tokenised news-like body
// and reports µs per sentence.
func BenchmarkTimex(b *testing.B) {
	r := New(DefaultOptions())
	art := texttest.Article(b, "testdata/news.txt", "2024-06-14", tagged(b))
	texttest.Bench(b, len(art.Sentences), func() error {
		return r.Process(context.Background(), art)
	})
	if len(art.Times) < 10 {
		b.Errorf("only %d times found", len(art.Times))
	}
}

package measure

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

// BenchmarkMeasure measures the quantity stage on a tokenised news-like
// body and reports µs per sentence.
func BenchmarkMeasure(b *testing.B) {
	f := New(DefaultOptions())
	art := texttest.Article(b, "testdata/news.txt", "", tagged(b))
	texttest.Bench(b, len(art.Sentences), func() error {
		return f.Process(context.Background(), art)
	})
	if len(art.Quantities) < 10 {
		b.Errorf("only %d quantities: %+v", len(art.Quantities), art.Quantities)
	}
}

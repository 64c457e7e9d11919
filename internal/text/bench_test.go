package text

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

// BenchmarkAnalyzer measures the whole text stage (split, tokenize and
// the trained tagger) on a news-like body and reports µs per sentence.
func BenchmarkAnalyzer(b *testing.B) {
	opts := DefaultOptions()
	opts.Tagger = texttest.Tagger(b)
	benchAnalyzer(b, opts)
}

// BenchmarkAnalyzerNoTags isolates splitting and tokenising.
func BenchmarkAnalyzerNoTags(b *testing.B) {
	benchAnalyzer(b, DefaultOptions())
}

func benchAnalyzer(b *testing.B, opts Options) {
	a := New(opts)
	art := texttest.Article(b, "testdata/news.txt", "", a)
	texttest.Bench(b, len(art.Sentences), func() error {
		return a.Process(context.Background(), art)
	})
}

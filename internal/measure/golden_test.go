package measure

import (
	"flag"
	"testing"

	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGolden pins the quantities found in a news-like body; run with
// -update after an intended change and review the diff.
func TestGolden(t *testing.T) {
	f := New(DefaultOptions())
	art := texttest.Article(t, "testdata/news.txt", "", tagged(t), f)
	for _, q := range art.Quantities {
		texttest.CheckMention(t, art, q.Mention)
	}
	texttest.GoldenJSON(t, "testdata/news.golden.json", art.Quantities, *update)
}

// tagged is the text stage as the pipeline builds it: tokens tagged and
// lemmatised by the trained tagger.
func tagged(tb testing.TB) *text.Analyzer {
	o := text.DefaultOptions()
	o.Tagger = texttest.Tagger(tb)
	return text.New(o)
}

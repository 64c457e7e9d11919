package timex

import (
	"flag"
	"testing"

	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGolden pins the times found in a news-like body (pub 2024-06-14);
// run with -update after an intended change and review the diff.
func TestGolden(t *testing.T) {
	art := texttest.Article(t, "testdata/news.txt", "2024-06-14", tagged(t), New(DefaultOptions()))
	for _, x := range art.Times {
		texttest.CheckMention(t, art, x.Mention)
	}
	texttest.GoldenJSON(t, "testdata/news.golden.json", art.Times, *update)
}

// tagged is the text stage as the pipeline builds it: tokens tagged and
// lemmatised by the trained tagger.
func tagged(tb testing.TB) *text.Analyzer {
	o := text.DefaultOptions()
	o.Tagger = texttest.Tagger(tb)
	return text.New(o)
}

package text

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGolden pins the sentences and tokens of a news-like body (the tags
// are the trained tagger's, tested in internal/syntax);
// run with -update after an intended change and review the diff.
func TestGolden(t *testing.T) {
	art := texttest.Article(t, "testdata/news.txt", "", New(DefaultOptions()))
	checkArticle(t, art)
	var b strings.Builder
	for i, s := range art.Sentences {
		fmt.Fprintf(&b, "%d [%d:%d] %s\n  ", i, s.Start, s.End, s.Text)
		for _, tk := range art.Tokens[i] {
			fmt.Fprintf(&b, " %s", tk.Text)
		}
		b.WriteString("\n")
	}
	texttest.Golden(t, "testdata/news.golden", []byte(b.String()), *update)
}

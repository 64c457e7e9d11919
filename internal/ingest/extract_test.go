package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/sitrep-project/sitrep/internal/model"
)

// tokenF1 scores got against want as bags of lowercased word tokens.
func tokenF1(got, want string) (p, r, f float64) {
	tok := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[w]++
		}
		return m
	}
	g, w := tok(got), tok(want)
	common, ng, nw := 0, 0, 0
	for k, c := range g {
		ng += c
		common += min(c, w[k])
	}
	for _, c := range w {
		nw += c
	}
	if ng == 0 || nw == 0 {
		return 0, 0, 0
	}
	p, r = float64(common)/float64(ng), float64(common)/float64(nw)
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

// extractorScores runs both extractors over the HTML test pages that
// have an expected body and returns the mean token F1 of each.
func extractorScores(t testing.TB) map[string]float64 {
	pages, _ := filepath.Glob(filepath.Join("testdata", "html", "*.expected.txt"))
	if len(pages) < 3 {
		t.Fatalf("want 3+ scored pages, have %d", len(pages))
	}
	mean := map[string]float64{}
	for _, ex := range []string{ExtractorTrafilatura, ExtractorTrafilaturaFast, ExtractorReadability} {
		sum := 0.0
		for _, exp := range pages {
			want, _ := os.ReadFile(exp)
			in := strings.TrimSuffix(exp, ".expected.txt") + ".html"
			opts := DefaultOptions()
			opts.Extractor = ex
			var body string
			err := Read(context.Background(), in, opts, func(a *model.Article) error { body = a.Body; return nil }, nil)
			if err != nil {
				t.Logf("%s %s: %v", ex, in, err)
			}
			p, r, f := tokenF1(body, string(want))
			t.Logf("%-11s %-22s P=%.3f R=%.3f F1=%.3f", ex, filepath.Base(in), p, r, f)
			sum += f
		}
		mean[ex] = sum / float64(len(pages))
		t.Logf("%-11s mean F1=%.3f", ex, mean[ex])
	}
	return mean
}

// TestExtractorF1 measures both HTML extractors against the bodies
// written by hand for the test pages; the default must be the better.
func TestExtractorF1(t *testing.T) {
	mean := extractorScores(t)
	def := DefaultOptions().Extractor
	for ex, f := range mean {
		if f > mean[def]+1e-9 {
			t.Errorf("extractor %s (F1 %.3f) beats the default %s (%.3f)", ex, f, def, mean[def])
		}
	}
	if mean[def] < 0.9 {
		t.Errorf("default extractor mean F1 %.3f < 0.9", mean[def])
	}
}

// TestExtractorFallback: whichever extractor is chosen, no news page with
// an expected body is rejected as "no article": when the chosen one finds
// nothing that reads as an article, the other one is tried. The page
// with no article still has none.
func TestExtractorFallback(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "html", "*.expected.txt"))
	for _, ex := range []string{ExtractorReadability, ExtractorTrafilatura, ExtractorTrafilaturaFast} {
		opts := DefaultOptions()
		opts.Extractor = ex
		for _, exp := range pages {
			in := strings.TrimSuffix(exp, ".expected.txt") + ".html"
			n := 0
			if err := Read(context.Background(), in, opts, func(*model.Article) error { n++; return nil }, nil); err != nil || n != 1 {
				t.Errorf("%s %s: %d articles, %v", ex, filepath.Base(in), n, err)
			}
		}
		err := Read(context.Background(), filepath.Join("testdata", "html", "no_article.html"), opts, func(*model.Article) error { return nil }, nil)
		if !errors.Is(err, ErrNoArticle) {
			t.Errorf("%s no_article.html: %v, want ErrNoArticle", ex, err)
		}
	}
}

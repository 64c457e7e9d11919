package text

import (
	"context"
	"github.com/sitrep-project/sitrep/internal/testutil"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// coarse folds tags into the distinctions downstream stages use.
func coarse(t string) string {
	switch {
	case t == "NNP" || t == "NNPS":
		return "NAME"
	case strings.HasPrefix(t, "NN"):
		return "NOUN"
	case t == "VBD" || t == "VBN":
		return t
	case strings.HasPrefix(t, "VB"):
		return "VERB"
	case strings.HasPrefix(t, "JJ"):
		return "ADJ"
	case strings.HasPrefix(t, "RB"):
		return "ADV"
	}
	return t
}

// TestRulesAgreeWithPerceptron measures how often the fast rule tagger
// agrees with the perceptron on news text; it guards against regressions
// in the rules and documents the trade-off.
func TestRulesAgreeWithPerceptron(t *testing.T) {
	var bodies []string
	paths := []string{"testdata/news.txt"}
	if p, ok := testutil.SharedOptional(t, "seed/000_8bdc426c88a831b7.txt"); ok {
		paths = append(paths, p)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(b))
	}
	rules := New(DefaultOptions())
	popts := DefaultOptions()
	popts.Tagger = TaggerPerceptron
	perc := New(popts)
	same, sameCoarse, total := 0, 0, 0
	confusions := map[string]int{}
	for _, body := range bodies {
		a1, a2 := model.NewArticle(), model.NewArticle()
		a1.Body, a2.Body = body, body
		if err := rules.Process(context.Background(), a1); err != nil {
			t.Fatal(err)
		}
		if err := perc.Process(context.Background(), a2); err != nil {
			t.Fatal(err)
		}
		for i := range a1.Tokens {
			for j, tk := range a1.Tokens[i] {
				p := a2.Tokens[i][j].Tag
				total++
				if tk.Tag == p {
					same++
				}
				if coarse(tk.Tag) == coarse(p) {
					sameCoarse++
				} else if testing.Verbose() {
					confusions[tk.Text+" "+tk.Tag+"≠"+p]++
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no tokens tagged")
	}
	exact, cf := float64(same)/float64(total), float64(sameCoarse)/float64(total)
	t.Logf("rules vs perceptron on %d tokens: exact %.1f%%, coarse %.1f%%", total, 100*exact, 100*cf)
	for k, v := range confusions {
		t.Logf("  %s ×%d", k, v)
	}
	if cf < 0.85 {
		t.Errorf("coarse agreement %.1f%% below 85%%", 100*cf)
	}
}

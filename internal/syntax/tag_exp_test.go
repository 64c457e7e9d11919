package syntax

import (
	"os"
	"testing"
	"time"
)

func TestExpTag(t *testing.T) {
	if os.Getenv("EXPTAG") == "" {
		t.Skip("experiment")
	}
	tr, _ := ReadCoNLLUFile("/work/shared/ud/en_ewt-ud-train.conllu.gz")
	dev, _ := ReadCoNLLUFile("/work/shared/ud/en_ewt-ud-dev.conllu.gz")
	up, xp, idx := tagClasses(tr)
	start := time.Now()
	tg := trainTagger(tr, up, xp, idx, 6, 1)
	t.Logf("train %v", time.Since(start))
	var sc tagScratch
	n, cu, cx := 0, 0, 0
	for _, s := range dev {
		forms := []string{}
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		sc.at = fillAtoms(sc.at, forms, tg.amb)
		out := make([]int, len(forms))
		tg.tag(&sc, sc.at, out)
		for i, w := range s.Words {
			n++
			if tg.upos[out[i]] == w.UPOS {
				cu++
			}
			if tg.xpos[out[i]] == w.XPOS {
				cx++
			}
		}
	}
	t.Logf("UPOS %.2f XPOS %.2f", 100*float64(cu)/float64(n), 100*float64(cx)/float64(n))
}

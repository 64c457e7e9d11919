package syntax

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"
)

func TestExpTrain(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip("experiment")
	}
	tr, _ := ReadCoNLLUFile("/work/shared/ud/en_ewt-ud-train.conllu.gz")
	dev, _ := ReadCoNLLUFile("/work/shared/ud/en_ewt-ud-dev.conllu.gz")
	o := DefaultTrainOptions()
	o.ParseEpochs, _ = strconv.Atoi(os.Getenv("EP"))
	o.Log = t.Logf
	start := time.Now()
	p, err := Train(context.Background(), tr, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train %v", time.Since(start))
	f, e := p.dep.w.size()
	t.Logf("parser feats %d ents %d", f, e)
	s, _ := p.Evaluate(context.Background(), dev, nil)
	t.Logf("%+v", s)
	if out := os.Getenv("OUT"); out != "" {
		fh, _ := os.Create(out)
		p.Write(fh)
		fh.Close()
	}
}

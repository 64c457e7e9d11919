package syntax

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

var update = flag.Bool("update", false, "raise testdata/dev_scores.txt to the built-in model's figures")

// sharedUD returns a file of ../shared/ud; outside CI a missing file
// skips, under CI=true it fails.
func sharedUD(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "ud", name)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("treebank missing under CI: %v", err)
		}
		t.Skipf("treebank not available: %v", err)
	}
	return p
}

const scoresFile = "testdata/dev_scores.txt"

// TestDevRatchet scores the built-in model on EWT dev (gold tokenisation)
// and fails if any figure fell below the recorded one. -update records
// the new figures when none fell.
func TestDevRatchet(t *testing.T) {
	dev, err := ReadCoNLLUFile(sharedUD(t, "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Evaluate(context.Background(), dev, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT dev: %v (LAS universal %.2f, lemmas %.2f)", got, got.LASUniversal, got.Lemma)
	var want Scores
	b, err := os.ReadFile(scoresFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Sscanf(string(b), "UPOS %f XPOS %f UAS %f LAS %f LASUniversal %f Lemma %f",
		&want.UPOS, &want.XPOS, &want.UAS, &want.LAS, &want.LASUniversal, &want.Lemma); err != nil {
		t.Fatalf("%s: %v", scoresFile, err)
	}
	const eps = 0.005
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"UPOS", got.UPOS, want.UPOS}, {"XPOS", got.XPOS, want.XPOS}, {"UAS", got.UAS, want.UAS},
		{"LAS", got.LAS, want.LAS}, {"LASUniversal", got.LASUniversal, want.LASUniversal}, {"Lemma", got.Lemma, want.Lemma},
	} {
		if c.got < c.want-eps {
			t.Errorf("%s fell to %.2f from %.2f", c.name, c.got, c.want)
		}
	}
	if *update && !t.Failed() {
		s := fmt.Sprintf("UPOS %.2f XPOS %.2f UAS %.2f LAS %.2f LASUniversal %.2f Lemma %.2f\n",
			got.UPOS, got.XPOS, got.UAS, got.LAS, got.LASUniversal, got.Lemma)
		if err := os.WriteFile(scoresFile, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// devTokens returns EWT dev's sentences as text-stage tokens.
func devTokens(b *testing.B) ([][]model.Token, int) {
	dev, err := ReadCoNLLUFile(sharedUD(b, "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		b.Fatal(err)
	}
	out := make([][]model.Token, len(dev))
	n := 0
	for i, s := range dev {
		for _, w := range s.Words {
			out[i] = append(out[i], model.Token{Text: w.Form})
		}
		n += len(s.Words)
	}
	return out, n
}

// benchTokens runs annotate over EWT dev's sentences b.N times and
// reports the time per token, wall and CPU.
func benchTokens(b *testing.B, annotate func(*Parser, []model.Token)) {
	benchTokensAfter(b, nil, annotate)
}

// benchTokensAfter is benchTokens with prepare run over the sentences
// first, untimed.
func benchTokensAfter(b *testing.B, prepare, annotate func(*Parser, []model.Token)) {
	p, err := benchModel()
	if err != nil {
		b.Fatal(err)
	}
	sents, n := devTokens(b)
	if prepare != nil {
		for _, s := range sents {
			prepare(p, s)
		}
	}
	b.ResetTimer()
	cpu := testutil.CPUTime()
	for range b.N {
		for _, s := range sents {
			annotate(p, s)
		}
	}
	cpu = testutil.CPUTime() - cpu
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/token")
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/token")
	}
}

// benchModel is $SITREP_SYNTAX_MODEL if set (a candidate model), else
// the built-in one.
func benchModel() (*Parser, error) {
	if path := os.Getenv("SITREP_SYNTAX_MODEL"); path != "" {
		p, err := LoadFile(path)
		if err == nil && os.Getenv("PX_BRANCH") != "" {
			m, err := strconv.ParseFloat(os.Getenv("PX_BRANCH"), 64)
			if err != nil {
				return nil, err
			}
			p.dep.setBranching(m)
		}
		return p, err
	}
	return Default()
}

// BenchmarkParseSentence measures tagging, lemmatising and parsing
// together, per token (run with -cpu 1).
func BenchmarkParseSentence(b *testing.B) { benchTokens(b, (*Parser).ParseSentence) }

// BenchmarkParseTagged measures the parser alone, on tokens TagSentence
// tagged (what a pipeline that tags every sentence pays to parse one).
func BenchmarkParseTagged(b *testing.B) {
	benchTokensAfter(b, (*Parser).TagSentence, (*Parser).ParseTagged)
}

// BenchmarkTagSentence measures the tagger and lemmatiser alone.
func BenchmarkTagSentence(b *testing.B) { benchTokens(b, (*Parser).TagSentence) }

// BenchmarkLoad measures reading the built-in model (what the first
// Default call costs), or $SITREP_SYNTAX_MODEL.
func BenchmarkLoad(b *testing.B) {
	data, err := sitrep.Lexicon.ReadFile(ModelPath)
	if path := os.Getenv("SITREP_SYNTAX_MODEL"); path != "" {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	cpu := testutil.CPUTime()
	for range b.N {
		if _, err := Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	if cpu = testutil.CPUTime() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/load")
	}
}

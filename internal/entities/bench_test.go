package entities

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// benchArticles are the regional test articles, run through the text
// stage once so that the benchmark times only recognition.
func benchArticles(b *testing.B) []*model.Article {
	files, _ := filepath.Glob("testdata/*.txt")
	var out []*model.Article
	tx := text.New(tagged(b))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := parseAnnotated(string(raw))
		art := model.NewArticle()
		art.Body = body
		if err := tx.Process(context.Background(), art); err != nil {
			b.Fatal(err)
		}
		out = append(out, art)
	}
	return out
}

// BenchmarkRecognize reports sentences per second with every lexicon
// loaded (the city gazetteer is decoded before the timer starts).
func BenchmarkRecognize(b *testing.B) {
	lex := testLexicon(b)
	if _, err := lex.Gazetteer(); err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(b)
	r := New(lex, DefaultOptions())
	sents := 0
	for _, a := range arts {
		sents += len(a.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			a.Entities = nil
			a.Warnings = nil
			if err := r.Process(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sents*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoadLexicon reports the heap the lexicons (and the decoded
// gazetteer) keep alive.
func BenchmarkLoadLexicon(b *testing.B) {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	var keep *Lexicon
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&before)
		l, err := LoadLexicon(root)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Gazetteer(); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		keep = l
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
	runtime.KeepAlive(keep)
}

// Package texttest holds test helpers shared by the text, timex and
// measure packages: golden files and per-sentence benchmarks, and the
// trained tagger for any test that needs tagged tokens.
package texttest

import (
	"context"
	"encoding/json"
	"os"
	"syscall"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/syntax"
)

// Tagger returns the built-in trained tagger and lemmatiser, which the
// pipeline gives the text stage (text.Options.Tagger): tests that need
// tagged tokens tokenise with it as the pipeline does. It fails tb if
// the model does not load.
func Tagger(tb testing.TB) *syntax.Parser {
	tb.Helper()
	p, err := syntax.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// Golden compares got with the file at path, or rewrites the file when
// update is set (the packages' -update flag).
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}

// Bench runs run b.N times and reports wall and CPU microseconds per
// sentence; CPU time stays meaningful when the machine is loaded.
func Bench(b *testing.B, sentences int, run func() error) {
	b.Helper()
	var ru0, ru1 syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano()
	per := float64(b.Elapsed().Nanoseconds()) / float64(b.N*sentences) / 1000
	b.ReportMetric(per, "µs/sentence")
	b.ReportMetric(float64(cpu)/float64(b.N*sentences)/1000, "cpu-µs/sentence")
	b.ReportMetric(1e6/per, "sentences/s")
}

// Article reads a body from path, sets the publication date pub ("" for
// unknown) and runs stages over it.
func Article(tb testing.TB, path, pub string, stages ...model.Stage) *model.Article {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	art := model.NewArticle()
	art.Body = string(data)
	art.Published.Date = model.Str(pub)
	for _, st := range stages {
		if err := st.Process(context.Background(), art); err != nil {
			tb.Fatalf("%s: %v", st.Name(), err)
		}
	}
	return art
}

// GoldenJSON is Golden for v rendered as indented JSON.
func GoldenJSON(t testing.TB, path string, v any, update bool) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	Golden(t, path, append(got, '\n'), update)
}

// CheckMention fails t unless m's text is exact and lies inside its
// sentence.
func CheckMention(t testing.TB, art *model.Article, m model.Mention) {
	t.Helper()
	if m.Sentence < 0 || m.Sentence >= len(art.Sentences) || m.End > len(art.Body) || m.Start > m.End ||
		art.Body[m.Start:m.End] != m.Text || !art.Sentences[m.Sentence].Span().Contains(m.Span()) {
		t.Errorf("mention %+v not exact or outside its sentence", m)
	}
}

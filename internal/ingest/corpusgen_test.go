package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// The stored corpus of docs/performance.md ("A corpus that is stored, not
// only read"): every article new, so `sitrep ingest` analyses and stores
// each one. Written by
//
//	go test ./internal/ingest -run TestStoredCorpus -corpus /tmp/corpus6.jsonl
//
// (-corpus-articles sets the count; 3,017 articles make ~6 MB).
var (
	corpusOut      = flag.String("corpus", "", "write the stored-corpus JSONL to this file")
	corpusArticles = flag.Int("corpus-articles", 3017, "articles in the -corpus file")
)

// sampleDir holds the sample stories and the seed story in the repository.
const sampleDir = "../../testdata/sample"

// corpusStory is one story the corpus repeats.
type corpusStory struct {
	Title, Published, Text string
}

// sampleStories reads the JSONL sample stories and, as one more story,
// the whole seed dump (its first line as the title).
func sampleStories(t testing.TB) []corpusStory {
	t.Helper()
	var out []corpusStory
	err := Read(context.Background(), filepath.Join(sampleDir, "world-2025.jsonl"), DefaultOptions(), func(a *model.Article) error {
		out = append(out, corpusStory{Title: model.Deref(a.Title), Published: model.Deref(a.Published.Date), Text: a.Body})
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile(filepath.Join(sampleDir, "seed-2024-nk-russia-taiwan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSpace(strings.ReplaceAll(string(seed), "\r\n", "\n"))
	title, _, _ := strings.Cut(text, "\n")
	out = append(out, corpusStory{Title: title, Text: text})
	if len(out) < 2 {
		t.Fatalf("got %d sample stories", len(out))
	}
	return out
}

// writeStoredCorpus writes n JSONL records cycling over stories; record i
// (from 1) opens its text with "Report i." and has a URL of its own, so
// no two records are the same article.
func writeStoredCorpus(w io.Writer, stories []corpusStory, n int) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := 1; i <= n; i++ {
		s := stories[(i-1)%len(stories)]
		rec := struct {
			URL       string `json:"url"`
			Title     string `json:"title"`
			Published string `json:"published,omitempty"`
			Text      string `json:"text"`
		}{
			URL:       fmt.Sprintf("https://corpus.example.org/report/%d", i),
			Title:     s.Title,
			Published: s.Published,
			Text:      fmt.Sprintf("Report %d. %s", i, s.Text),
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// TestStoredCorpus checks the generator on a small corpus (every record
// read back as its own article, numbered, with its story's declared
// date) and
// writes the full one when -corpus is given.
func TestStoredCorpus(t *testing.T) {
	stories := sampleStories(t)
	n := 3*len(stories) + 1
	var buf bytes.Buffer
	if err := writeStoredCorpus(&buf, stories, n); err != nil {
		t.Fatal(err)
	}
	var arts []*model.Article
	err := ReadBytes(context.Background(), "corpus.jsonl", buf.Bytes(), DefaultOptions(), func(a *model.Article) error {
		arts = append(arts, a)
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != n {
		t.Fatalf("read %d articles, want %d", len(arts), n)
	}
	urls := map[string]bool{}
	for i, a := range arts {
		u := model.Deref(a.URL)
		if urls[u] {
			t.Errorf("record %d: URL %q repeated", i+1, u)
		}
		urls[u] = true
		if want := fmt.Sprintf("Report %d. ", i+1); !strings.HasPrefix(a.Body, want) {
			t.Errorf("record %d: body opens %q, want %q", i+1, a.Body[:min(len(a.Body), 20)], want)
		}
		s := stories[i%len(stories)]
		if got := model.Deref(a.Published.Date); s.Published != "" && got != s.Published {
			t.Errorf("record %d: published %q, want %q", i+1, got, s.Published)
		}
	}
	if *corpusOut == "" {
		return
	}
	f, err := os.Create(*corpusOut)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeStoredCorpus(f, stories, *corpusArticles); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d articles to %s", *corpusArticles, *corpusOut)
}

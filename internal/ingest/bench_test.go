package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// dumpCorpus concatenates the test dumps (and the seed when present) into
// a ~1 MB multi-article dump.
func dumpCorpus(b *testing.B) []byte {
	var parts [][]byte
	files, _ := filepath.Glob("testdata/dump/*.txt")
	files = append(files, seedPath)
	for _, p := range files {
		if d, err := os.ReadFile(p); err == nil {
			parts = append(parts, bytes.ReplaceAll(d, []byte("\r\n"), []byte("\n")))
		}
	}
	var buf bytes.Buffer
	for buf.Len() < 1<<20 {
		for _, p := range parts {
			buf.Write(p)
			buf.WriteString("\n\n\n\n")
		}
	}
	return buf.Bytes()
}

// BenchmarkReadDump measures the dump splitter end to end (reports MB/s).
func BenchmarkReadDump(b *testing.B) {
	data := dumpCorpus(b)
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		err := ReadBytes(context.Background(), "bench.txt", data, DefaultOptions(), func(*model.Article) error { n++; return nil }, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadHTML measures each extractor on one test page.
func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "ukraine_grain.html"))
	if err != nil {
		b.Fatal(err)
	}
	for _, ex := range []string{ExtractorReadability, ExtractorTrafilatura, ExtractorTrafilaturaFast} {
		b.Run(ex, func(b *testing.B) {
			opts := DefaultOptions()
			opts.Extractor = ex
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := ReadBytes(context.Background(), "page.html", data, opts, func(*model.Article) error { return nil }, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

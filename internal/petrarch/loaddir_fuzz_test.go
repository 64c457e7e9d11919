package petrarch

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoadDir reads a directory of an actors file (plain, gzipped, or a
// gzip stream cut short) and a verbs file through LoadDir, as
// --dictionaries does, then compiles it and finds the actor mentions of
// the files' own words: no panic; an error names its file; every warning
// names one of the files and a line of it; the mentions are half-open
// word spans, in order, not overlapping.
func FuzzLoadDir(f *testing.F) {
	actors, err := os.ReadFile("testdata/mini/mini.actors.txt")
	if err != nil {
		f.Fatal(err)
	}
	verbs, err := os.ReadFile("testdata/mini/mini.verbs.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(actors, verbs, uint8(0))
	f.Add(actors, verbs, uint8(1))
	f.Add(actors, verbs, uint8(2))
	f.Add([]byte("KIM_JONG_UN_ [PRKGOV]\n\t[PRKMIL 20111217-]\n"), []byte("--- X [---] ---\n"), uint8(1))
	f.Add([]byte("\xff\xfe\n"), []byte(""), uint8(0))
	f.Fuzz(func(t *testing.T, actors, verbs []byte, mode uint8) {
		name, data := "f.actors.txt", actors
		if mode%3 != 0 {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(actors)
			zw.Close()
			data, name = b.Bytes(), name+".gz"
			if mode%3 == 2 {
				data = data[:len(data)/2] // cut short
			}
		}
		fsys := fstest.MapFS{name: {Data: data}, "f.verbs.txt": {Data: verbs}, "notes.md": {Data: actors}}
		d, err := LoadDir(fsys)
		if err != nil {
			if !strings.Contains(err.Error(), "f.actors.txt") && !strings.Contains(err.Error(), "f.verbs.txt") {
				t.Fatalf("error names no file: %v", err)
			}
			return
		}
		lines := map[string]int{"f.actors.txt": bytes.Count(actors, []byte("\n")) + 1, "f.verbs.txt": bytes.Count(verbs, []byte("\n")) + 1}
		for _, w := range d.Warnings {
			if n, ok := lines[w.File]; !ok || w.Line < 1 || w.Line > n || w.Reason == "" {
				t.Fatalf("warning not at a line of a file read: %v", w)
			}
		}
		if len(d.Files) != 2 {
			t.Fatalf("%d files summarised, want 2: %+v", len(d.Files), d.Files)
		}
		v := Compile(d, DefaultCompileOptions())
		words := strings.Fields(strings.ToUpper(strings.ReplaceAll(string(actors), "_", " ")))
		if len(words) > 2000 {
			words = words[:2000]
		}
		end := 0
		for _, m := range v.Mentions(words, day("2012-01-01")) {
			if m.Start < end || m.End <= m.Start || m.End > len(words) {
				t.Fatalf("mention [%d, %d) after %d of %d words", m.Start, m.End, end, len(words))
			}
			end = m.End
		}
	})
}

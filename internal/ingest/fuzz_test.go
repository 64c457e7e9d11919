package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// fuzzRead runs one form reader over data and checks every emitted
// article's invariants against the raw bytes.
func fuzzRead(t *testing.T, form string, data []byte) {
	opts, _ := DefaultOptions().normalized()
	raw := data
	if isGzip(data) {
		raw = nil
	}
	r := &reader{ctx: context.Background(), name: "fuzz", opts: opts, onErr: func(err error) {
		if _, ok := err.(*Error); !ok {
			t.Errorf("record error %T, want *Error", err)
		}
	}}
	r.emit = func(a *model.Article) error {
		if !utf8.ValidString(a.Body) {
			t.Errorf("body is not valid UTF-8")
		}
		if err := articleInvariants(a, raw); err != nil {
			t.Errorf("%s: %v", form, err)
		}
		return nil
	}
	switch form {
	case formDump:
		if checkText(data) != nil {
			return
		}
		_ = r.readDump(data)
	case formJSONL:
		if checkText(data) != nil {
			return
		}
		_ = r.readJSONL(data)
	case formWARC:
		_ = r.readWARC(data, isGzip(data))
	}
}

func addSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
}

func FuzzDump(f *testing.F) {
	addSeeds(f, "testdata/dump/*.txt", seedPath)
	f.Add([]byte("HEADLINE ONE TWO\n\nTT\nA line. (AFP)\n\n\n\nOther Title Here\n\nBody text goes on.\n"))
	f.Add([]byte("\ufeffTitle\r\n\r\nCaption. EPA/X Y\r\nCaption. EPA/X Y\r\nBody one.\r\nSUBHEAD\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formDump, data) })
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "testdata/jsonl/*.jsonl")
	f.Add([]byte(`{"title":"T","text":"Line one.\nLINE TWO\nLine three. (Reuters)"}` + "\n{bad\n"))
	f.Add([]byte(`{"html":"<p>a &amp; b</p><h2>x</h2><p>c</p>","published":"2024"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formJSONL, data) })
}

func FuzzWARC(f *testing.F) {
	addSeeds(f, "testdata/warc/*")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formWARC, data) })
}

package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files and generated test inputs")

// goldenArticle is what the golden files hold: the contract fields plus
// the ingest-only ones other stages rely on.
type goldenArticle struct {
	*model.Article
	HeadingAt   []int  `json:"heading_at"`
	Fingerprint string `json:"fingerprint"`
	Segments    int    `json:"offset_segments"`
}

type goldenRun struct {
	Articles     []goldenArticle `json:"articles"`
	RecordErrors []string        `json:"record_errors"`
	Error        string          `json:"error"`
}

func runInput(t testing.TB, path string, opts Options) goldenRun {
	t.Helper()
	run := goldenRun{Articles: []goldenArticle{}, RecordErrors: []string{}}
	raw, _ := os.ReadFile(path)
	if isGzip(raw) {
		raw = nil // offsets refer to decompressed bytes, or to nothing
	}
	err := Read(context.Background(), path, opts, func(a *model.Article) error {
		if err := articleInvariants(a, raw); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		run.Articles = append(run.Articles, goldenArticle{a, a.HeadingAt, fmt.Sprintf("%016x", a.Fingerprint), len(a.Offsets)})
		return nil
	}, func(err error) {
		if _, ok := err.(*Error); !ok {
			t.Errorf("%s: onErr got %T, want *Error", path, err)
		}
		run.RecordErrors = append(run.RecordErrors, err.Error())
	})
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Errorf("%s: Read returned %T, want *Error", path, err)
		}
		run.Error = err.Error()
	}
	return run
}

// articleInvariants checks body shape, ids, subheading positions and the
// offset map (against raw when given).
func articleInvariants(a *model.Article, raw []byte) error {
	if a.Body == "" {
		return fmt.Errorf("empty body")
	}
	if strings.TrimSpace(a.Body) != a.Body {
		return fmt.Errorf("body has leading/trailing whitespace")
	}
	if strings.Contains(a.Body, "\n\n") {
		return fmt.Errorf("body has an empty paragraph")
	}
	if a.ID != model.ContentID(a.Body) {
		return fmt.Errorf("id is not ContentID(body)")
	}
	if a.Fingerprint != Simhash(a.Body) {
		return fmt.Errorf("fingerprint is not Simhash(body)")
	}
	if len(a.HeadingAt) != len(a.Subheadings) {
		return fmt.Errorf("%d HeadingAt for %d subheadings", len(a.HeadingAt), len(a.Subheadings))
	}
	prev := 0
	for _, h := range a.HeadingAt {
		if h < prev || h > len(a.Body) {
			return fmt.Errorf("HeadingAt %v out of order or bounds (body %d)", a.HeadingAt, len(a.Body))
		}
		prev = h
	}
	end := 0
	for _, s := range a.Offsets {
		if s.Len <= 0 || s.Body < end || s.Body+s.Len > len(a.Body) || s.Raw < 0 {
			return fmt.Errorf("bad segment %+v (body %d)", s, len(a.Body))
		}
		end = s.Body + s.Len
		if raw != nil {
			if s.Raw+s.Len > len(raw) {
				return fmt.Errorf("segment %+v beyond raw (%d)", s, len(raw))
			}
			if a.Body[s.Body:s.Body+s.Len] != string(raw[s.Raw:s.Raw+s.Len]) {
				return fmt.Errorf("segment %+v: body %q != raw %q", s, a.Body[s.Body:s.Body+s.Len], raw[s.Raw:s.Raw+s.Len])
			}
		}
	}
	if a.Published.Source == model.DateUnknown && a.Published.Date != nil {
		return fmt.Errorf("unknown date with a value")
	}
	if a.Published.Source != model.DateUnknown && (a.Published.Date == nil || a.Published.Precision == nil) {
		return fmt.Errorf("known date without value or precision")
	}
	return nil
}

// TestGolden runs every testdata input of every form and compares the
// emitted articles, record errors and the final error with
// testdata/golden/FORM_NAME.json (refresh with -update).
func TestGolden(t *testing.T) {
	var inputs []string
	for _, form := range []string{"dump", "html", "feed", "warc", "jsonl"} {
		files, _ := filepath.Glob(filepath.Join("testdata", form, "*"))
		for _, f := range files {
			if strings.HasSuffix(f, ".expected.txt") {
				continue
			}
			inputs = append(inputs, f)
		}
	}
	inputs = append(inputs, seedPath)
	for _, in := range inputs {
		name := filepath.Base(filepath.Dir(in)) + "_" + filepath.Base(in)
		if in == seedPath {
			name = "seed"
		}
		t.Run(name, func(t *testing.T) {
			if in == seedPath {
				testutil.Require(t, in)
			}
			run := runInput(t, in, DefaultOptions())
			got, err := json.MarshalIndent(run, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			gp := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(gp, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gp)
			if err != nil {
				t.Fatalf("missing golden file (run go test -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from golden %s (run go test -update and review the diff)\n got: %s", in, gp, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("...%s... vs ...%s...", a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}

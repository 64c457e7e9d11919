package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestIngestMissingPaths: a missing or mistyped path among several inputs
// is an error for that input; the others are stored and the exit code
// says something failed.
func TestIngestMissingPaths(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	dump := filepath.Join(dir, "wire.txt")
	os.WriteFile(dump, []byte("Ferry Service Resumes in the Solomon Islands\n\n"+
		"The ferry between Honiara and Auki resumed on Monday after a month of repairs, the shipping ministry said.\n"+
		"Passengers said fares had gone up by a third since the service stopped.\n"), 0o644)
	sample := filepath.Join("..", "..", "testdata", "sample", "world-2025.jsonl")
	missing := filepath.Join(dir, "no-such-file.txt")
	typo := filepath.Join(dir, "wire.tx")
	out, errs, code := run(t, "--db", db, "ingest", "--quiet", missing, dump, typo, sample)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some inputs failed)", code)
	}
	for _, p := range []string{missing, typo} {
		if !strings.Contains(errs, p) || !strings.Contains(errs, "no such file") {
			t.Errorf("stderr does not name %s: %s", p, errs)
		}
	}
	m := regexp.MustCompile(`ingested (\d+) inputs .*: (\d+) articles .* (\d+) errors`).FindStringSubmatch(out)
	if m == nil || m[1] != "2" || m[2] == "0" || m[3] != "2" {
		t.Fatalf("summary %q: want 2 inputs read, their articles stored, 2 errors", out)
	}
	list, _, code := run(t, "--db", db, "articles", "--format", "json")
	if code != 0 || !strings.Contains(list, "Solomon Islands") {
		t.Errorf("the good dump was not stored: exit %d", code)
	}

	// extract behaves the same.
	out, errs, code = run(t, "extract", missing, dump)
	if code != 1 || !strings.Contains(errs, missing) {
		t.Errorf("extract: exit %d, stderr %s", code, errs)
	}
	if arts, _ := decodeLines(t, out); len(arts) != 1 {
		t.Errorf("extract: %d articles, want the good one", len(arts))
	}
}

// TestExtractLenientBytes: a dump with a stray Windows-1252 quote is
// extracted whole, exit 0, with a warning naming the byte.
func TestExtractLenientBytes(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "cp1252.txt")
	text := "Market Reopens in Kano\n\nTraders in Kano reopened the central market on Tuesday after a fire, and one said it was \x93a new start\x94 for the city.\n"
	os.WriteFile(dump, []byte(text), 0o644)
	out, errs, code := run(t, "extract", dump)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	arts, _ := decodeLines(t, out)
	if len(arts) != 1 || !strings.Contains(arts[0].Body, "“a new start”") {
		t.Fatalf("articles %d: %+v", len(arts), arts)
	}
	want := "invalid UTF-8 at byte " + strconv.Itoa(strings.Index(text, "\x93"))
	if w := strings.Join(arts[0].Warnings, "|"); !strings.Contains(w, want) {
		t.Errorf("warnings %q lack %q", w, want)
	}
}

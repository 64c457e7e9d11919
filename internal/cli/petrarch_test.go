package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDictionariesCheck: the check lists every bad line as file:line and
// a per-file summary, and fails only when nothing can be read (or with
// --strict).
func TestDictionariesCheck(t *testing.T) {
	bad := t.TempDir()
	for name, text := range map[string]string{
		"my.actors.txt": "RURITANIA [RUR]\nKING_RUDOLF\n\t[RURGOV 1894011-19000101]\n\t[RURELI]\nBORDURIA [BOR\n",
		"my.verbs.txt":  "",
		"my.agents.txt": "SOLDIER [~MIL]\nPRESIDENT\n",
	} {
		if err := os.WriteFile(filepath.Join(bad, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		code     int
		want     []string
		wantErrs []string
	}{
		{"warnings only", []string{"dictionaries", "check", bad}, 0, []string{
			"my.actors.txt:3: date \"1894011\" has 7 digits",
			"my.actors.txt:5: unbalanced",
			"my.verbs.txt:1: empty file",
			"my.agents.txt:2: agent without [code]",
			"my.actors.txt", "total",
		}, nil},
		{"strict", []string{"dictionaries", "check", "--strict", bad}, 1, []string{"my.actors.txt:3:"}, []string{"4 warnings"}},
		{"embedded Phoenix", []string{"dictionaries", "check"}, 0, []string{
			"Phoenix.Countries.actors.txt:2039:", "CAMEO.2.0.txt", "Phoenix.IssueCoding.txt", "total",
		}, nil},
		{"no dictionaries", []string{"dictionaries", "check", empty}, 1, nil, []string{"no actor or verb dictionaries"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := run(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantErrs {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}

// TestValidatePetrarchCoder: the suite runs through the events coder;
// --min-recall fails the run below the bar it reaches (its figure is
// ratcheted in internal/events and internal/petrarch).
func TestValidatePetrarchCoder(t *testing.T) {
	dir := filepath.Join(shared, "petrarch")
	recs := filepath.Join(dir, "PETR.UnitTest.records.xml")
	if _, err := os.Stat(recs); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PETRARCH suite missing: %v", err)
		}
		t.Skipf("PETRARCH suite missing: %v", err)
	}
	for _, tt := range []struct {
		bar  string
		code int
	}{
		{"0.9", 0},
		{"0.95", 1},
	} {
		out, errs, code := run(t, "validate-petrarch", recs, "--dictionaries", dir, "--min-recall", tt.bar)
		if code != tt.code || !strings.Contains(out, "recall ") {
			t.Errorf("--min-recall %s: exit %d (want %d)\n%s\n%s", tt.bar, code, tt.code, lastLines(out, 2), errs)
		}
	}
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(ls[max(0, len(ls)-n):], "\n")
}

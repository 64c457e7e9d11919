package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testutil"
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

// suiteMinRecall is the recall validate-petrarch reaches on PETRARCH's
// unit-test suite through the events coder, rounded down: the suite's
// ratchet (internal/petrarch tests its readers and Validate on the
// suite's files without coding them).
const suiteMinRecall = 0.90

// TestValidatePetrarchSuite runs PETRARCH's validation suite once
// through validate-petrarch and ratchets its recall.
func TestValidatePetrarchSuite(t *testing.T) {
	recs := testutil.Shared(t, "petrarch/PETR.UnitTest.records.xml")
	dir := filepath.Dir(recs)
	args := []string{"validate-petrarch", recs, "--dictionaries", dir, "--min-recall", fmt.Sprint(suiteMinRecall)}
	if os.Getenv("PETRARCH_VERBOSE") != "" {
		args = append(args, "-v")
	}
	out, errs, code := run(t, args...)
	if os.Getenv("PETRARCH_VERBOSE") != "" {
		t.Log(out)
	}
	recall, ok := reportedRecall(out)
	if code != 0 || !ok || recall < 100*suiteMinRecall {
		t.Fatalf("suite below the ratchet %.2f (exit %d):\n%s\n%s", suiteMinRecall, code, lastLines(out, 2), errs)
	}
	t.Log(lastLines(out, 2))
}

// reportedRecall reads the recall (a percentage) off validate-petrarch's
// last line.
func reportedRecall(out string) (float64, bool) {
	var recall float64
	_, err := fmt.Sscanf(lastLines(out, 1), "recall %g%%", &recall)
	return recall, err == nil
}

// handRecords are validation records of this test's own, over the
// fictional actors of internal/petrarch/testdata/mini: two the mini
// dictionaries code, one they cannot (no such verb).
const handRecords = `<Validation>
<Sentences>
<Sentence date="20240312" id="H-1" category="VERB">
<EventCoding sourcecode="SYL" targetcode="BOR" eventcode="122"></EventCoding>
<Text>Syldavia condemned Borduria on Tuesday.</Text>
</Sentence>
<Sentence date="20240312" id="H-2" category="VERB">
<EventCoding sourcecode="RUR" targetcode="SYL" eventcode="112"></EventCoding>
<Text>Ruritania accused Syldavia of hoarding grain.</Text>
</Sentence>
<Sentence date="20240312" id="H-3" category="MISS">
<EventCoding sourcecode="BOR" targetcode="SYL" eventcode="042"></EventCoding>
<Text>Borduria welcomed the Syldavian envoy warmly.</Text>
</Sentence>
</Sentences>
</Validation>
`

// TestValidatePetrarchBars: the command codes through the events coder
// and --min-recall fails the run below the bar, on records small enough
// to run twice (the suite runs once, in TestValidatePetrarchSuite).
func TestValidatePetrarchBars(t *testing.T) {
	recs := filepath.Join(t.TempDir(), "hand.records.xml")
	if err := os.WriteFile(recs, []byte(handRecords), 0o644); err != nil {
		t.Fatal(err)
	}
	dicts := filepath.Join("..", "petrarch", "testdata", "mini")
	for _, tt := range []struct {
		bar  string
		code int
	}{
		{"0.6", 0},
		{"0.9", 1},
	} {
		out, errs, code := run(t, "validate-petrarch", recs, "--dictionaries", dicts, "--min-recall", tt.bar, "-v")
		recall, ok := reportedRecall(out)
		if code != tt.code || !ok || recall < 66 || recall > 67 {
			t.Errorf("--min-recall %s: exit %d (want %d), recall %.1f%% (want 66.7%%)\n%s\n%s", tt.bar, code, tt.code, recall, out, errs)
		}
		if !strings.Contains(out, "FAIL H-3") || !strings.Contains(out, "ok   H-1") {
			t.Errorf("--min-recall %s: per-record report lacks H-1 matched and H-3 missed:\n%s", tt.bar, out)
		}
		if tt.code != 0 && !strings.Contains(errs, "recall 0.667 (bar 0.900)") {
			t.Errorf("--min-recall %s: error does not give recall and bar: %s", tt.bar, errs)
		}
	}
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(ls[max(0, len(ls)-n):], "\n")
}

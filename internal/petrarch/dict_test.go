package petrarch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// suiteDir is the PETRARCH validation suite beside the repository (test
// data only; never copied into the product).
func suiteDir(t testing.TB) string {
	t.Helper()
	d := filepath.Join("..", "..", "..", "shared", "petrarch")
	if _, err := os.Stat(filepath.Join(d, "PETR.Validate.verbs.txt")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PETRARCH suite missing: %v", err)
		}
		t.Skipf("PETRARCH suite missing: %v", err)
	}
	return d
}

func TestLoadSuiteDictionaries(t *testing.T) {
	d, err := LoadDir(os.DirFS(suiteDir(t)))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) < 100 || len(d.Agents) < 50 || len(d.Verbs) < 100 || len(d.Synsets) < 5 || len(d.Discards.Story) == 0 {
		t.Fatalf("loaded %d actors, %d agents, %d verb blocks, %d synsets, %d story discards",
			len(d.Actors), len(d.Agents), len(d.Verbs), len(d.Synsets), len(d.Discards.Story))
	}
	find := func(name string) *Actor {
		for _, a := range d.Actors {
			for _, n := range a.Names {
				if n.String() == name {
					return a
				}
			}
		}
		t.Fatalf("actor %s not loaded", name)
		return nil
	}
	gollum := find("SMEAGOL")
	day := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	for _, c := range []struct{ date, want string }{{"1990-01-01", "HOB"}, {"1997-01-01", "HOBGOV"}, {"2001-01-01", "HOBREB"}} {
		if got := gollum.CodeOn(day(c.date)); got != c.want {
			t.Errorf("GOLLUM on %s = %q, want %q", c.date, got, c.want)
		}
	}
	if a := find("ARNOR_"); a.Codes[0].Code != "ARN" {
		t.Errorf("ARNOR code %v", a.Codes)
	}
	var minister *Agent
	for _, a := range d.Agents {
		for _, n := range a.Names {
			if n.String() == "MINISTER_ OF_ SILLY_ WALKS" {
				minister = a
			}
		}
	}
	if minister == nil || minister.Code != "GOV" {
		t.Errorf("!MINST! macro not expanded: %+v", minister)
	}
}

func TestSyntaxErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, kind, text string
		line             int
	}{
		{"unbalanced code", "actors", "ARNOR [ARN\n", 1},
		{"bad date", "actors", "ARNOR [ARN]\nGONDOR\n\t[GON > 99x1]\n", 3},
		{"synonym first", "actors", "\n+ARNORIAN\n", 2},
		{"agent without tilde", "agents", "PRESIDENT [GOV]\n", 1},
		{"agent without code", "agents", "!P! = MAN\nPRESIDENT\n", 2},
		{"pattern without star", "verbs", "--- MEET [040] ---\nMEET\n- WITH + [041]\n", 3},
		{"pattern outside block", "verbs", "- * WITH + [041]\n", 1},
		{"bad header", "verbs", "--- MEET 040 ---\n", 1},
		{"discard with code", "discards", "BASEBALL [---]\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := strings.NewReader(tt.text)
			var err error
			switch tt.kind {
			case "actors":
				_, err = ReadActors(r, "x.txt")
			case "agents":
				_, err = ReadAgents(r, "x.txt")
			case "verbs":
				_, _, err = ReadVerbs(r, "x.txt")
			case "discards":
				_, err = ReadDiscards(r, "x.txt")
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line != tt.line || !strings.HasPrefix(err.Error(), fmt.Sprintf("x.txt:%d:", tt.line)) {
				t.Errorf("got %v, want a syntax error at x.txt:%d", err, tt.line)
			}
		})
	}
}

// bigActors makes an actor dictionary of about n bytes in the format of
// the Phoenix/ICEWS dictionaries (synonyms and date-restricted codes).
func bigActors(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "PERSON_NUMBER_%d_OF_COUNTRY  [C%02dGOV >010101] [C%02dOPP <010101]  # generated\n+P_N_%d\n+THE_%d_MINISTER\n\n", i, i%90, i%90, i, i)
	}
	return b.String()
}

func BenchmarkLoadActors1500KB(b *testing.B) {
	text := bigActors(1_500_000)
	b.SetBytes(int64(len(text)))
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		actors, err := ReadActors(strings.NewReader(text), "big.txt")
		if err != nil || len(actors) == 0 {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6, "MB-alloc")
		runtime.KeepAlive(actors)
	}
}

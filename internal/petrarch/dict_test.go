package petrarch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/testutil"
)

// suiteDir is the PETRARCH validation suite beside the repository (test
// data only; never copied into the product).
func suiteDir(t testing.TB) string {
	t.Helper()
	return filepath.Dir(testutil.Shared(t, "petrarch/PETR.Validate.verbs.txt"))
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

// readKind reads text as one kind of dictionary and returns how many
// entries were kept and the warnings.
func readKind(t *testing.T, kind Kind, text string) (int, []Warning) {
	t.Helper()
	r := strings.NewReader(text)
	var n int
	var warn []Warning
	var err error
	switch kind {
	case KindActors:
		var a []*Actor
		a, warn, err = ReadActors(r, "x.txt")
		for _, x := range a {
			n += len(x.Names) + len(x.Codes)
		}
	case KindAgents:
		var a []*Agent
		a, warn, err = ReadAgents(r, "x.txt")
		n = len(a)
	case KindVerbs:
		var vd VerbDict
		vd, warn, err = ReadVerbs(r, "x.txt")
		for _, b := range vd.Blocks {
			n += len(b.Verbs) + len(b.Patterns)
		}
		for _, m := range vd.Synsets {
			n += len(m)
		}
	case KindDiscards:
		var x Discards
		x, warn, err = ReadDiscards(r, "x.txt")
		n = len(x.Sentence) + len(x.Story)
	case KindIssues:
		var x []*Issue
		x, warn, err = ReadIssues(r, "x.txt")
		n = len(x)
	}
	if err != nil {
		t.Fatalf("read error: %v", err)
	}
	return n, warn
}

// TestWarningsNameFileAndLine: a bad line is a warning at file:line,
// the line is skipped, and every good line around it is kept.
func TestWarningsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		text string
		line int    // the warning's line
		want string // in its reason
		kept int    // entries kept (names+codes, agents, verbs+patterns+members, ...)
	}{
		{"unbalanced code", KindActors, "ARNOR [ARN\nGONDOR [GON]\n", 1, "unbalanced", 3},
		{"bad date", KindActors, "ARNOR [ARN]\nGONDOR\n\t[GON > 99x1]\n", 3, "date", 3},
		{"7-digit date", KindActors, "KING_ELESSAR\n\t[GONGOV 3019325-3019401]\n\t[GONELI]\n", 2, "7 digits", 2},
		{"9-digit date", KindActors, "KING_ELESSAR\n\t[GONGOV >201903251]\n\t[GONELI]\n", 2, "9 digits", 2},
		{"10-digit date", KindActors, "KING_ELESSAR\n\t[GONGOV 2019032500-20190401]\n\t[GONELI]\n", 2, "10 digits", 2},
		{"stray date after code", KindActors, "KING_ELESSAR\n\t[GONGOV 20190325]\n\t[GONELI]\n", 2, "without <, > or FROM-TO", 2},
		{"range backwards", KindActors, "KING_ELESSAR\n\t[GONGOV 20190325-20180101]\n", 2, "ends before", 1},
		{"code not CAMEO (kept)", KindActors, "ITHILIEN [ITHTV]\n", 1, "not a CAMEO actor code", 2},
		{"synonym first", KindActors, "\n+ARNORIAN\nARNOR [ARN]\n", 2, "before any actor", 2},
		{"agent without tilde", KindAgents, "PRESIDENT [GOV]\nSOLDIER [~MIL]\n", 1, "must start or end with ~", 1},
		{"agent without code", KindAgents, "!P! = MAN\nPRESIDENT\nSOLDIER [~MIL]\n", 2, "without [code]", 1},
		{"agent brackets", KindAgents, "RANGER {RANGERS [~MIL]\nSOLDIER [~MIL]\n", 1, "unbalanced", 1},
		{"agent code inside plurals", KindAgents, "SOLDIER [~MIL]\nRANGER {RANGERS [~MIL]}\n", 2, "without } before the [code]", 1},
		{"empty macro", KindAgents, "!P! = \nCONGRESS!P! [~LEG]\nSOLDIER [~MIL]\n", 1, "empty macro", 1},
		{"undefined macro", KindAgents, "CONGRESS!Q! [~LEG]\nSOLDIER [~MIL]\n", 1, "undefined macro !Q!", 1},
		{"pattern without star", KindVerbs, "--- MEET [040] ---\nMEET\n- WITH + [041]\n- * WITH + [041]\n", 3, "without *", 2},
		{"pattern outside block", KindVerbs, "- * WITH + [041]\n--- MEET [040] ---\nMEET\n", 1, "outside a verb block", 1},
		{"bad header", KindVerbs, "--- MEET 040 ---\nMEET\n", 1, "header", 0},
		{"undefined synset", KindVerbs, "--- GIVE [070] ---\nGIVE\n- * &FODO [073]\n- * AID [070]\n", 3, "undefined synset &FODO", 2},
		{"code not CAMEO (kept)", KindVerbs, "--- GIVE [070] ---\nGIVE\n- * AID [07X]\n", 3, "not a CAMEO event code", 2},
		{"unbalanced pattern", KindVerbs, "--- GIVE [070] ---\nGIVE\n- * (TO + [073]\n- * AID [070]\n", 3, "unbalanced", 2},
		{"empty synset", KindVerbs, "&NOTHING\n\n--- GIVE [070] ---\nGIVE\n", 1, "no members", 1},
		{"discard with code", KindDiscards, "BASEBALL [---]\nCRICKET\n", 1, "no codes", 1},
		{"issue without code", KindIssues, "<ISSUE CATEGORY=\"A\">\nn:refugee\nn:famine [FAMINE]\n", 2, "without [CODE]", 1},
		{"invalid UTF-8", KindActors, "ARNOR [ARN]\nGOND\xffOR [GON]\nROHAN [ROH]\n", 2, "invalid UTF-8", 4},
		{"line too long", KindActors, "ARNOR [ARN]\n+" + strings.Repeat("A", MaxLineBytes+10) + "\nROHAN [ROH]\n", 2, "longer than", 4},
		{"empty file", KindVerbs, "", 1, "empty file", 0},
		{"comments only", KindAgents, "# nothing here\n<!-- nor here -->\n", 1, "empty file", 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+"/"+tt.name, func(t *testing.T) {
			kept, warn := readKind(t, tt.kind, tt.text)
			found := false
			for _, w := range warn {
				if w.Line == tt.line && strings.Contains(w.Reason, tt.want) &&
					strings.HasPrefix(w.String(), fmt.Sprintf("x.txt:%d: ", tt.line)) {
					found = true
				}
			}
			if !found {
				t.Errorf("warnings %v: want one at x.txt:%d containing %q", warn, tt.line, tt.want)
			}
			if kept != tt.kept {
				t.Errorf("kept %d entries, want %d (warnings %v)", kept, tt.kept, warn)
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
		actors, _, err := ReadActors(strings.NewReader(text), "big.txt")
		if err != nil || len(actors) == 0 {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6, "MB-alloc")
		runtime.KeepAlive(actors)
	}
}

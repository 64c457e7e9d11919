package events

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLexiconBuiltin(t *testing.T) {
	lex := loadUpstream(t).lex
	t.Logf("%d verb patterns, %d CAMEO codes", lex.Patterns(), len(lex.cameo))
	if n := lex.Patterns(); n < 400 {
		t.Errorf("only %d verb patterns", n)
	}
	// every CAMEO code maps to a PLOVER type and a sane QuadClass
	for code := range lex.cameo {
		c, ok := lex.Cameo(code)
		if !ok || c.Plover.Type == "" {
			t.Errorf("%s: no PLOVER type", code)
		}
		root := code[:2]
		want := map[string]int{"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
			"09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "14": 3}[root]
		if want == 0 {
			want = 4
		}
		if c.QuadClass != want {
			t.Errorf("%s: quad class %d, want %d", code, c.QuadClass, want)
		}
	}
	for _, tc := range []struct {
		code, name, plover string
		quad               int
	}{
		{"042", "Make a visit", "CONSULT", 1},
		{"043", "Host a visit", "CONSULT", 1},
		{"036", "Express intent to meet or negotiate", "AGREE", 1},
		{"011", "Decline comment", "STATEMENT", 1},
		{"163", "Impose embargo, boycott, or sanctions", "SANCTION", 4},
		{"152", "Increase military alert status", "MOBILIZE", 4},
		{"195", "Employ aerial weapons, not specified below", "ASSAULT", 4},
		{"0233", "Appeal for humanitarian aid", "REQUEST", 1},
		{"1011", "Demand economic cooperation", "REQUEST", 3},
	} {
		c, ok := lex.Cameo(tc.code)
		if !ok || c.Name != tc.name || c.Plover.Type != tc.plover || c.QuadClass != tc.quad {
			t.Errorf("Cameo(%s) = %+v, %v", tc.code, c, ok)
		}
	}
	if _, ok := lex.Cameo("999"); ok {
		t.Error("Cameo(999) found")
	}
}

func TestLexiconErrorsAndOverride(t *testing.T) {
	base := loadUpstream(t).lex
	_ = base
	good := fstest.MapFS{
		"events/cameo.tsv":  {Data: []byte("042\t1.9\t1\tMake a visit\n")},
		"events/plover.tsv": {Data: []byte("04\tCONSULT\t-\t-\n")},
		"events/verbs.txt":  {Data: []byte("# comment\n042\tdrop in on\n")},
	}
	lex, err := LoadLexicon(good)
	if err != nil {
		t.Fatal(err)
	}
	if lex.Patterns() != 1 || len(lex.heads(tok{low: "dropped", lemma: "drop"})) != 1 {
		t.Errorf("user pattern not loaded: %d", lex.Patterns())
	}
	over := fstest.MapFS{"events/cameo.tsv": {Data: []byte("042\t2.5\t1\tVisit\n")}}
	lex, err = LoadLexicon(good, over)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := lex.Cameo("042"); c.Goldstein != 2.5 || c.Name != "Visit" {
		t.Errorf("override: %+v", c)
	}
	// a later root may redefine a pattern (within one file it is an error)
	again := fstest.MapFS{"events/verbs.txt": {Data: []byte("042\tdrop in on\tnoun\n")}}
	if lex, err = LoadLexicon(good, again); err != nil {
		t.Fatalf("a user root redefining a pattern: %v", err)
	}
	if lex.Patterns() != 1 {
		t.Errorf("redefined pattern counted %d times", lex.Patterns())
	}
	bad := []struct {
		file, data, want string
	}{
		{"events/cameo.tsv", "042\tx\t1\tVisit\n", "events/cameo.tsv:1: bad Goldstein"},
		{"events/cameo.tsv", "# c\n42a\t1\t1\tVisit\n", "events/cameo.tsv:2: bad CAMEO code"},
		{"events/plover.tsv", "04\tCONSULT\n", "events/plover.tsv:1: want 4"},
		{"events/verbs.txt", "\n\n999\tfoo\n", "events/verbs.txt:3: unknown CAMEO code"},
		{"events/verbs.txt", "042\tfoo\tbogus\n", "events/verbs.txt:1: unknown flag"},
		{"events/verbs.txt", "-\tfoo\n", "events/verbs.txt:1: a pattern without a code"},
		{"events/verbs.txt", "042\tfoo||bar\n", "events/verbs.txt:1: empty alternative"},
		{"events/verbs.txt", "042\tcall on\n# again\n042\tcall on\n", `events/verbs.txt:3: pattern "call on" already defined at line 1`},
	}
	for _, b := range bad {
		fs := fstest.MapFS{}
		for k, v := range good {
			fs[k] = v
		}
		fs[b.file] = &fstest.MapFile{Data: []byte(b.data)}
		_, err := LoadLexicon(fs)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s %q: err %v, want %q", b.file, b.data, err, b.want)
		}
	}
	if _, err := LoadLexicon(fstest.MapFS{}); err == nil {
		t.Error("empty lexicon accepted")
	}
}

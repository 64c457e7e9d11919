package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// shared is the read-only acceptance material beside the repository.
var shared = filepath.Join("..", "..", "..", "shared")

func seedPath(t *testing.T) string {
	t.Helper()
	return testutil.Shared(t, "seed/000_8bdc426c88a831b7.txt")
}

// run executes the command line in-process and returns its output.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func decodeLines(t *testing.T, out string) ([]model.Article, []any) {
	t.Helper()
	var arts []model.Article
	var raws []any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a model.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("output line is not an article: %v", err)
		}
		raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(sc.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		raws = append(raws, raw)
	}
	return arts, raws
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(shared, "spec", "output.schema.json"))
	if err != nil {
		t.Fatalf("compile output schema: %v", err)
	}
	return sch
}

// checkSpans verifies the offset rules of the contract on one article.
func checkSpans(t *testing.T, a model.Article) {
	t.Helper()
	in := func(what string, s, e int, text string) {
		if s < 0 || e > len(a.Body) || s > e {
			t.Errorf("%s: span [%d,%d) out of body (len %d)", what, s, e, len(a.Body))
			return
		}
		if a.Body[s:e] != text {
			t.Errorf("%s: body[%d:%d] = %q, text %q", what, s, e, a.Body[s:e], text)
		}
	}
	prev := 0
	for i, s := range a.Sentences {
		if s.Index != i || s.Start < prev {
			t.Errorf("sentence %d: index %d start %d after %d", i, s.Index, s.Start, prev)
		}
		prev = s.End
		in("sentence", s.Start, s.End, s.Text)
	}
	mention := func(what string, m model.Mention) {
		in(what, m.Start, m.End, m.Text)
		if m.Sentence < 0 || m.Sentence >= len(a.Sentences) || !a.Sentences[m.Sentence].Span().Contains(m.Span()) {
			t.Errorf("%s %q: not inside sentence %d", what, m.Text, m.Sentence)
		}
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			mention("mention of "+e.Name, m)
		}
	}
	for _, q := range a.Quantities {
		mention("quantity", q.Mention)
	}
	for _, tm := range a.Times {
		mention("time", tm.Mention)
	}
	for _, q := range a.Quotes {
		// A quote may run over several sentences; it starts in its own.
		in("quote", q.Start, q.End, q.Text)
		if q.Sentence < 0 || q.Sentence >= len(a.Sentences) || q.Start < a.Sentences[q.Sentence].Start || q.Start > a.Sentences[q.Sentence].End {
			t.Errorf("quote %q: does not start in sentence %d", q.Text, q.Sentence)
		}
	}
	for _, ev := range a.Events {
		if ev.Sentence < 0 || ev.Sentence >= len(a.Sentences) || !a.Sentences[ev.Sentence].Span().Contains(model.Span{Start: ev.Start, End: ev.End}) {
			t.Errorf("event %s: span [%d,%d) not inside sentence %d", ev.ID, ev.Start, ev.End, ev.Sentence)
		}
	}
}

func TestExtractSeed(t *testing.T) {
	seed := seedPath(t)
	sch := compileSchema(t)
	tests := []struct {
		name      string
		args      []string
		wantDates [2]string
		wantSrc   [2]string
	}{
		{"inferred", nil, [2]string{"", "2025-01-09"}, [2]string{model.DateUnknown, model.DateFromInferred}},
		{"flag overrides", []string{"--published", "2024-06-14"}, [2]string{"2024-06-14", "2024-06-14"}, [2]string{model.DateFromFlag, model.DateFromFlag}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := run(t, append([]string{"extract", seed, "--format", "json"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			arts, raws := decodeLines(t, out)
			if len(arts) != 2 {
				t.Fatalf("%d articles, want 2", len(arts))
			}
			for i, raw := range raws {
				if err := sch.Validate(raw); err != nil {
					t.Errorf("article %d does not validate against output.schema.json: %v", i, err)
				}
			}
			wantTitles := []string{"South Korea, US Sound Alarm over North Korea-Russia Ties ahead of Putin Visit",
				"Taiwan Demonstrates Sea Defenses against Potential Chinese Attack as Tensions Rise with Beijing"}
			wantCredit := []string{"AFP", "EPA/RITCHIE B. TONGO"}
			minSent := []int{20, 15}
			for i, a := range arts {
				if got := model.Deref(a.Title); got != wantTitles[i] {
					t.Errorf("article %d title %q, want %q", i, got, wantTitles[i])
				}
				if len(a.Captions) == 0 || model.Deref(a.Captions[0].Credit) != wantCredit[i] {
					t.Errorf("article %d captions %+v, want credit %q", i, a.Captions, wantCredit[i])
				}
				for _, c := range a.Captions {
					if strings.Contains(a.Body, c.Text) {
						t.Errorf("article %d: caption text in body: %q", i, c.Text)
					}
				}
				for _, bad := range []string{"TT\n", "\nTT", "(AFP)", "EPA/", "GROWING PARTNERSHIP", "POSSIBLE PREPARATIONS"} {
					if strings.Contains(a.Body, bad) {
						t.Errorf("article %d body contains %q", i, bad)
					}
				}
				if len(a.Sentences) < minSent[i] {
					t.Errorf("article %d: %d sentences, want ≥ %d", i, len(a.Sentences), minSent[i])
				}
				if got := model.Deref(a.Published.Date); got != tt.wantDates[i] || a.Published.Source != tt.wantSrc[i] {
					t.Errorf("article %d published %q (%s), want %q (%s)", i, got, a.Published.Source, tt.wantDates[i], tt.wantSrc[i])
				}
				checkSpans(t, a)
			}
			if got := arts[0].Subheadings; len(got) != 2 || got[0] != "GROWING PARTNERSHIP" || got[1] != "POSSIBLE PREPARATIONS" {
				t.Errorf("subheadings %q", got)
			}
		})
	}
}

func TestExtractBadInputs(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "blob.bin")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0xff, 0xfe}, 0o644)
	good := filepath.Join("..", "..", "testdata", "sample", "world-2025.jsonl")
	out, errs, code := run(t, "extract", empty, binary, good)
	if code == 0 {
		t.Errorf("bad inputs gave exit 0")
	}
	for _, name := range []string{"empty.txt", "blob.bin"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s: %s", name, errs)
		}
	}
	if arts, _ := decodeLines(t, out); len(arts) == 0 {
		t.Errorf("the good input was not extracted alongside the bad ones")
	}
}

func TestIngestIdempotentAndQueries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	sample := filepath.Join("..", "..", "testdata", "sample")
	out, errs, code := run(t, "--db", db, "ingest", "--quiet", sample)
	if code != 0 {
		t.Fatalf("ingest exit %d: %s\n%s", code, errs, out)
	}
	if !strings.Contains(out, "new") {
		t.Errorf("no summary: %s", out)
	}
	out2, _, code := run(t, "--db", db, "ingest", "--quiet", sample)
	if code != 0 || !strings.Contains(out2, "(0 new,") {
		t.Errorf("second ingest should store nothing new: %s", out2)
	}
	list, _, code := run(t, "--db", db, "articles", "--format", "json")
	if code != 0 {
		t.Fatalf("articles exit %d", code)
	}
	n := strings.Count(list, "\n")
	if n < 5 {
		t.Errorf("%d articles listed, want ≥ 5", n)
	}
	var first struct{ ID string }
	json.Unmarshal([]byte(strings.SplitN(list, "\n", 2)[0]), &first)
	show, errs, code := run(t, "--db", db, "show", first.ID[:10])
	if code != 0 || !strings.Contains(show, "[0]") {
		t.Errorf("show exit %d: %s %s", code, errs, show)
	}
	_, errs, code = run(t, "--db", db, "show", "0000000000")
	if code == 0 || !strings.Contains(errs, "not found") {
		t.Errorf("missing article: exit %d, %s", code, errs)
	}
	for _, args := range [][]string{{"entities"}, {"events", "--format", "json"}, {"quotes"}, {"timeline", "RUS"}, {"export", "--format", "csv"}, {"alerts", "list"}} {
		if _, errs, code := run(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
	}
}

func TestEveryCommandHasHelpWithExample(t *testing.T) {
	cmds := [][]string{{"ingest"}, {"extract"}, {"articles"}, {"show"}, {"entities"}, {"events"}, {"quotes"}, {"timeline"},
		{"export"}, {"alerts", "add"}, {"alerts", "list"}, {"alerts", "rm"}, {"eval"}, {"serve"}, {"worker"}, {"watch"}, {"bench"}}
	for _, c := range cmds {
		out, _, _ := run(t, append(c, "--help")...)
		if !strings.Contains(out, "Example") {
			t.Errorf("sitrep %s --help has no example:\n%s", strings.Join(c, " "), out)
		}
	}
}

func TestEvalSeedMeetsTheBar(t *testing.T) {
	seedPath(t)
	out, errs, code := run(t, "eval", filepath.Join(shared, "gold", "seed.yaml"), "--min-recall", "1", "--min-precision", "0.9")
	t.Log(out)
	if code != 0 {
		t.Errorf("seed eval below the bar (exit %d): %s", code, errs)
	}
}

// TestBenchParsedWithDictionaries: with --dictionaries the dictionary
// stage parses its own copy of the tokens, and the bench counts those
// sentences as parsed (it printed 0.0% when it read the articles alone).
func TestBenchParsedWithDictionaries(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "sample", "world-2025.jsonl")
	dicts := filepath.Join("..", "petrarch", "testdata", "mini")
	out, errOut, code := run(t, "--dictionaries", dicts, "bench", "--duration", "1ms", "--rounds", "1", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var share float64
	found := false
	for _, line := range strings.Split(out, "\n") {
		if i := strings.Index(line, "% of sentences parsed"); i > 0 {
			f := strings.Fields(line[:i])
			if _, err := fmt.Sscanf(f[len(f)-1], "%g", &share); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			found = true
		}
	}
	if !found {
		t.Fatalf("no share of sentences parsed:\n%s", out)
	}
	if share <= 0 || share > 100 {
		t.Errorf("%.1f%% of sentences parsed with --dictionaries, want within (0, 100]:\n%s", share, out)
	}
}

// TestBenchRounds checks that bench reports every round and then the
// median one, with the store in the loop.
func TestBenchRounds(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "sample", "world-2025.jsonl")
	prof := filepath.Join(t.TempDir(), "cpu.pprof")
	out, errOut, code := run(t, "bench", "--duration", "30ms", "--rounds", "3", "--store", "--cpuprofile", prof, sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rounds []string
	var median string
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 4 && f[0] == "round":
			rounds = append(rounds, strings.Join(f[2:], " "))
		case len(f) > 3 && f[0] == "analysis+store":
			median = strings.Join(f[1:], " ")
		}
	}
	if len(rounds) != 3 {
		t.Fatalf("%d round lines, want 3:\n%s", len(rounds), out)
	}
	if !slices.Contains(rounds, median) {
		t.Errorf("reported %q is none of the rounds %q", median, rounds)
	}
	var rate float64
	if _, err := fmt.Sscanf(strings.Fields(median)[2], "%g", &rate); err != nil || rate <= 0 {
		t.Errorf("sentences/s %q: %v", median, err)
	}
	if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
		t.Errorf("cpu profile: %v", err)
	}
}

// TestExtractTokens: --tokens adds each sentence's tokens, spans into the
// body, every token tagged and lemmatised, parsed sentences with one
// root and heads inside the sentence; without it there are none.
func TestExtractTokens(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.jsonl")
	body := `{"url":"http://example.org/a","published":"2022-09-12","text":"Chile's foreign minister said on Monday that Santiago had recalled its ambassador from Lima. The talks in Quito will resume in October."}` + "\n"
	if err := os.WriteFile(in, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "extract", "--tokens", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a model.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	parsed := 0
	for _, s := range a.Sentences {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", s.Index)
		}
		roots := 0
		for _, tk := range s.Tokens {
			if a.Body[tk.Start:tk.End] != tk.Text || tk.Tag == "" || tk.UPOS == "" || tk.Lemma == "" {
				t.Errorf("sentence %d: token %+v: span, tag, upos or lemma wrong", s.Index, tk)
			}
			if tk.Rel == "root" {
				roots++
			}
			if tk.Head < 0 || tk.Head > len(s.Tokens) {
				t.Errorf("sentence %d: token %q head %d outside the sentence", s.Index, tk.Text, tk.Head)
			}
		}
		if s.Tokens[0].Rel != "" || roots > 0 {
			parsed++
			if roots != 1 {
				t.Errorf("sentence %d: parsed with %d roots", s.Index, roots)
			}
		}
	}
	if parsed == 0 {
		t.Error("no sentence was parsed; the first names an actor and an event word")
	}
	plain, _, _ := run(t, "extract", in)
	if strings.Contains(plain, `"tokens"`) {
		t.Error("tokens in the output without --tokens")
	}
}

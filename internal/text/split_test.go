package text

import (
	"bufio"
	"context"
	"github.com/sitrep-project/sitrep/internal/testutil"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

func texts(body string, spans []model.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = body[s.Start:s.End]
	}
	return out
}

func TestSplit(t *testing.T) {
	a := New(DefaultOptions())
	tests := []struct {
		name, body string
		want       []string
	}{
		{"plain", "The army advanced. Rebels fled north.", []string{"The army advanced.", "Rebels fled north."}},
		{"title abbreviations", "Gen. Lee met Lt. Col. Smith and Dr. Ruto. They talked.",
			[]string{"Gen. Lee met Lt. Col. Smith and Dr. Ruto.", "They talked."}},
		{"U.S. mid sentence", "The U.S. Navy sent ships. Iran protested.",
			[]string{"The U.S. Navy sent ships.", "Iran protested."}},
		{"U.S. at end before starter", "Troops left the U.S. The move was planned.",
			[]string{"Troops left the U.S.", "The move was planned."}},
		{"U.K. before name", "He flew to the U.K. Foreign Office.", []string{"He flew to the U.K. Foreign Office."}},
		{"initials", "Photo by Ritchie B. Tongo of EPA. Next one.", []string{"Photo by Ritchie B. Tongo of EPA.", "Next one."}},
		{"multi initials", "J.R.R. Tolkien wrote it. Fine.", []string{"J.R.R. Tolkien wrote it.", "Fine."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"quote closes sentence", `He said, "We will fight." Then he left.`,
			[]string{`He said, "We will fight."`, "Then he left."}},
		{"quote opens next", `He said it was over. "Next sentence here," she added.`,
			[]string{"He said it was over.", `"Next sentence here," she added.`}},
		{"comma inside quote", `"We don't know. But we're concerned," he said.`,
			[]string{`"We don't know.`, `But we're concerned," he said.`}},
		{"curly quotes", "“It is over.” The talks ended. ‘Maybe.’ Yes.",
			[]string{"“It is over.”", "The talks ended.", "‘Maybe.’", "Yes."}},
		{"question in quote then lowercase", `"Why now?" he asked. "Because!" she said.`,
			[]string{`"Why now?" he asked.`, `"Because!" she said.`}},
		{"quoted question then speaker", `"Is it energy?" Campbell asked. He paused.`,
			[]string{`"Is it energy?" Campbell asked.`, "He paused."}},
		{"quoted question then new sentence", `"Is it energy?" Nobody knows.`,
			[]string{`"Is it energy?"`, "Nobody knows."}},
		{"exclamation", "Stop! Go now?! Fine.", []string{"Stop!", "Go now?!", "Fine."}},
		{"ellipsis lowercase", "We waited... and waited. Then rain.", []string{"We waited... and waited.", "Then rain."}},
		{"ellipsis upper", "We waited… Nothing came.", []string{"We waited…", "Nothing came."}},
		{"newline ends", "No period here\nNext paragraph.", []string{"No period here", "Next paragraph."}},
		{"blank lines and spaces", "  First one.  \n\n  Second one.  ", []string{"First one.", "Second one."}},
		{"e.g. lowercase", "Some states, e.g. Chad, agreed. Others not.", []string{"Some states, e.g. Chad, agreed.", "Others not."}},
		{"etc then starter", "Guns, tanks, etc. The list grew.", []string{"Guns, tanks, etc.", "The list grew."}},
		{"month abbreviation", "It began on Jan. 5 in Kano. Police came.", []string{"It began on Jan. 5 in Kano.", "Police came."}},
		{"number abbreviation", "Resolution No. 2231 expired. Iran said so.", []string{"Resolution No. 2231 expired.", "Iran said so."}},
		{"company", "Acme Corp. said profits fell. Shares dropped.", []string{"Acme Corp. said profits fell.", "Shares dropped."}},
		{"paren after stop", "It ended (finally.) Then peace.", []string{"It ended (finally.)", "Then peace."}},
		{"digit after stop", "It rose in 2016. 2017 was worse.", []string{"It rose in 2016.", "2017 was worse."}},
		{"empty", "", nil},
		{"only spaces", " \n \t ", nil},
		{"no terminator", "just words", []string{"just words"}},
		{"trailing quote", `She said "no."`, []string{`She said "no."`}},
		{"url-ish", "See example.com for more. OK.", []string{"See example.com for more.", "OK."}},
		{"non-ascii", "Zelensky met Erdoğan. Ankara hosted.", []string{"Zelensky met Erdoğan.", "Ankara hosted."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := a.Split(tt.body)
			got := texts(tt.body, spans)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.body, got, tt.want)
			}
			checkSpans(t, tt.body, spans)
		})
	}
}

func checkSpans(t *testing.T, body string, spans []model.Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(body) {
			t.Fatalf("bad span %v after %d in %d bytes", s, prev, len(body))
		}
		txt := body[s.Start:s.End]
		if strings.TrimSpace(txt) != txt {
			t.Errorf("span %v %q has outer spaces", s, txt)
		}
		if strings.Contains(txt, "\n") {
			t.Errorf("span %v %q crosses a newline", s, txt)
		}
		if gap := body[prev:s.Start]; strings.TrimSpace(gap) != "" {
			// The store searches bodies through their sentences.
			t.Errorf("text %q between spans is in no sentence", gap)
		}
		prev = s.End
	}
	if rest := body[prev:]; strings.TrimSpace(rest) != "" {
		t.Errorf("text %q after the last span is in no sentence", rest)
	}
}

func TestOverlong(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxSentenceBytes = 100
	a := New(opts)
	body := strings.Repeat("word ", 10000) + "end."
	art := model.NewArticle()
	art.Body = body
	if err := a.Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if len(art.Warnings) != 1 {
		t.Errorf("warnings = %q, want one", art.Warnings)
	}
	for _, s := range art.Sentences {
		if s.End-s.Start > 100 || body[s.Start:s.End] != s.Text {
			t.Fatalf("bad sentence %+v", s)
		}
	}
	// No spaces at all: cut on a rune boundary.
	body = strings.Repeat("é", 3000)
	spans := a.Split(body)
	checkSpans(t, body, spans)
	total := 0
	for _, s := range spans {
		total += s.Len()
	}
	if total != len(body) {
		t.Errorf("cut spans cover %d of %d bytes", total, len(body))
	}
}

// TestSeedParagraphs checks exact spans and tokens on real news paragraphs.
func TestSeedParagraphs(t *testing.T) {
	f, err := os.Open(testutil.Shared(t, "seed/000_8bdc426c88a831b7.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var paras []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if len(sc.Text()) > 100 {
			paras = append(paras, sc.Text())
		}
	}
	a := New(DefaultOptions())
	art := model.NewArticle()
	art.Body = strings.Join(paras, "\n")
	if err := a.Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if len(art.Sentences) < len(paras) {
		t.Fatalf("%d sentences for %d paragraphs", len(art.Sentences), len(paras))
	}
	checkArticle(t, art)
}

func checkArticle(t *testing.T, art *model.Article) {
	t.Helper()
	spans := make([]model.Span, len(art.Sentences))
	for i, s := range art.Sentences {
		if s.Index != i || art.Body[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d not exact: %+v", i, s)
		}
		spans[i] = s.Span()
		prev := s.Start
		for _, tk := range art.Tokens[i] {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > s.End || art.Body[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token %+v not inside sentence %d %+v", tk, i, s)
			}
			prev = tk.End
		}
	}
	checkSpans(t, art.Body, spans)
	if len(art.Tokens) != len(art.Sentences) {
		t.Fatalf("%d token lists for %d sentences", len(art.Tokens), len(art.Sentences))
	}
}

func TestLexiconErrors(t *testing.T) {
	bad := map[string]string{
		"text/abbreviations.tsv": "gen.\ttitle\nfoo\ttitle\n",
	}
	_, err := NewFromLexicon(Options{}, builtinRoot(), mapFS(bad))
	if err == nil || !strings.Contains(err.Error(), "text/abbreviations.tsv:2") {
		t.Errorf("err = %v, want file:line", err)
	}
	bad["text/abbreviations.tsv"] = "gen.\tsometimes\n"
	if _, err := NewFromLexicon(Options{}, mapFS(bad)); err == nil {
		t.Error("unknown kind accepted")
	}
	// A user root adds an abbreviation.
	good := map[string]string{"text/abbreviations.tsv": "brgy.\ttitle\n"}
	a, err := NewFromLexicon(Options{}, builtinRoot(), mapFS(good))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Split("They live in Brgy. Santo Niño. It flooded."); len(got) != 2 {
		t.Errorf("user abbreviation ignored: %d sentences", len(got))
	}
}

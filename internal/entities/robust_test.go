package entities

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestBadInput: odd text must not panic, must stay within its sentence
// spans, and must warn where quality will be poor.
func TestBadInput(t *testing.T) {
	long := strings.Repeat("Officials in Kyiv said Ivan Petrenko met him, and ", 1000) + "it ended."
	cases := []struct {
		name, body, lang, warn string
	}{
		{"german", "Der russische Präsident Wladimir Putin traf am Montag in Moskau den chinesischen Außenminister. Er sagte, die Beziehungen seien gut.", "de", "not English"},
		{"all caps", strings.Repeat("PRESIDENT JOE BIDEN SAID THE UNITED STATES WOULD SEND MORE WEAPONS TO UKRAINE. ", 5), "", "upper case"},
		{"no capitals", strings.Repeat("president joe biden said the united states would send more weapons to ukraine. ", 5), "", "no capitals"},
		{"long sentence", long, "", "bytes long"},
		{"undeclared foreign", strings.Repeat("Der Präsident traf am Montag in Moskau den chinesischen Außenminister und sagte, die Beziehungen seien gut. ", 20), "", "not look like English"},
		{"empty", "", "", ""},
		{"symbols", "### --- ''' ’’ “” ... 'S 's ’s - -class", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			art := model.NewArticle()
			art.Body = c.body
			art.Language = c.lang
			if c.body != "" {
				art.Sentences = splitSimple(c.body)
			}
			if err := New(testLexicon(t), DefaultOptions()).Process(context.Background(), art); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, art)
			if c.warn != "" && !strings.Contains(strings.Join(art.Warnings, "\n"), c.warn) {
				t.Errorf("warnings %q lack %q", art.Warnings, c.warn)
			}
		})
	}
}

// splitSimple cuts sentences at ". " so that tests do not depend on the
// text stage.
func splitSimple(body string) []model.Sentence {
	var out []model.Sentence
	start := 0
	for i := 0; i < len(body); i++ {
		if body[i] == '.' && (i+1 == len(body) || body[i+1] == ' ') {
			out = append(out, model.Sentence{Index: len(out), Start: start, End: i + 1, Text: body[start : i+1]})
			start = i + 1
			for start < len(body) && body[start] == ' ' {
				start++
			}
			i = start - 1
		}
	}
	if start < len(body) {
		out = append(out, model.Sentence{Index: len(out), Start: start, End: len(body), Text: body[start:]})
	}
	return out
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"South Korea's vice foreign minister, Kim Hong-kyun, said it.",
		"The island’s navy highlighted its Tuo Chiang-class corvettes near Kaohsiung.",
		"Gen. X, then Y's Z, said “he” would — ‘maybe’.",
		"'s ' ’ - . , U.S. U.N. 192 Fleet",
	} {
		f.Add(s)
	}
	lex := testLexicon(f)
	f.Fuzz(func(t *testing.T, body string) {
		art := model.NewArticle()
		art.Body = body
		art.Sentences = splitSimple(body)
		if err := New(lex, DefaultOptions()).Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		for _, e := range art.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(body) || body[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
				s := art.Sentences[m.Sentence]
				if m.Start < s.Start || m.End > s.End {
					t.Fatalf("mention %+v outside sentence %+v", m, s)
				}
			}
		}
	})
}

// TestConcurrent shares one Lexicon and Recognizer between goroutines
// (run with -race).
func TestConcurrent(t *testing.T) {
	r := New(testLexicon(t), DefaultOptions())
	body := "Russian President Vladimir Putin met Kim Jong Un in Pyongyang. Kim said he was pleased."
	done := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 20; i++ {
				art := model.NewArticle()
				art.Body = body
				art.Sentences = splitSimple(body)
				if err := r.Process(context.Background(), art); err != nil {
					done <- err
					return
				}
				if len(art.Entities) < 4 {
					done <- errors.New("entities missing")
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}

package syntax

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// FuzzStage runs the text stage and the syntax stage over arbitrary text,
// parsing the sentences a mask picks and only tagging the others: no
// panic; every token is a half-open span inside its sentence, in order,
// spelling the body's bytes; every parsed sentence is one tree with one
// root; a sentence only tagged has tags and no relations.
func FuzzStage(f *testing.F) {
	for _, s := range []string{
		"Flooding cut the road between Tarija and Potosí on Friday. Rescuers reached the valley by helicopter.",
		"Vietnam's coast guard said a Chinese vessel rammed a fishing boat off the Paracels — the third time this year.",
		"« Nous ne partirons pas », a déclaré le maire de Bamako. The curfew ends at 6 a.m.",
		"Ташкент и Алматы подписали соглашение. 北京 said nothing. الرياض rejected it.",
		"Sen. O'Neill (D-Mass.) met Gov. Hochul at 10:30 p.m.; U.S.-led talks resumed.",
		strings.Repeat("Kathmandu", 400) + " is long.",
		strings.Repeat("- ", 300),
		"", " \n\t ", "a", ".", "\u200b\u200d\ufeff", "'s n't ’s „ » ... -- !!!",
		"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20",
	} {
		f.Add(s, uint8(0xff))
		f.Add(s, uint8(0x55))
	}
	p := builtin(f)
	o := text.DefaultOptions()
	o.Tagger = text.TaggerNone
	tx := text.New(o)
	f.Fuzz(func(t *testing.T, body string, mask uint8) {
		if len(body) > 8<<10 {
			body = body[:8<<10]
		}
		body = strings.ToValidUTF8(body, "\uFFFD") // as ingest hands it on
		a := model.NewArticle()
		a.Body = body
		if err := tx.Process(context.Background(), a); err != nil {
			t.Fatalf("text: %v", err)
		}
		need := func(_ *model.Article, i int) bool { return mask&(1<<(i%8)) != 0 }
		if err := (&Stage{Parser: p, Need: need}).Process(context.Background(), a); err != nil {
			t.Fatalf("syntax: %v", err)
		}
		if len(a.Tokens) > len(a.Sentences) {
			t.Fatalf("%d token lists for %d sentences", len(a.Tokens), len(a.Sentences))
		}
		for i, toks := range a.Tokens {
			s := a.Sentences[i]
			prev := s.Start
			for j, tk := range toks {
				if tk.Start < prev || tk.End <= tk.Start || tk.End > s.End || body[tk.Start:tk.End] != tk.Text {
					t.Fatalf("sentence %d [%d,%d) token %d %q [%d,%d) (previous end %d)", i, s.Start, s.End, j, tk.Text, tk.Start, tk.End, prev)
				}
				prev = tk.End
			}
			if len(toks) == 0 {
				continue
			}
			if need(a, i) {
				checkTree(t, toks)
				continue
			}
			for j, tk := range toks {
				if tk.Tag == "" || tk.UPOS == "" || tk.Rel != "" {
					t.Fatalf("sentence %d only tagged: token %d %+v", i, j, tk)
				}
			}
		}
	})
}

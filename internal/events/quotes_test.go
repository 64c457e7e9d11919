package events

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

func TestQuotes(t *testing.T) {
	body := "Ukrainian President Volodymyr Zelensky spoke in Kyiv on Monday.\n" +
		"\"We will fight on,\" Zelensky said. \"We have no choice.\"\n" +
		"“Hard times. We endure,” said Zelensky.\n" +
		"Zelensky said the offer fell \"far short” of what Ukraine needs."
	a := codeText(t, body, "2025-03-14")
	var zel string
	for _, e := range a.Entities {
		if strings.Contains(e.Name, "Zelensky") {
			zel = e.ID
		}
	}
	if zel == "" {
		// an entity regression, not a reason to skip
		t.Fatalf("entity stage did not find Zelensky: %+v", a.Entities)
	}
	want := []struct {
		text string
		sent int
	}{
		{"We will fight on,", 1},
		{"We have no choice.", -1},
		{"Hard times. We endure,", -1},
		{"far short", -1},
	}
	if len(a.Quotes) != len(want) {
		t.Fatalf("got %d quotes: %+v", len(a.Quotes), a.Quotes)
	}
	for i, w := range want {
		q := a.Quotes[i]
		if q.Text != w.text || a.Body[q.Start:q.End] != q.Text {
			t.Errorf("quote %d = %q, want %q", i, q.Text, w.text)
		}
		if w.sent >= 0 && q.Sentence != w.sent {
			t.Errorf("quote %d in sentence %d, want %d", i, q.Sentence, w.sent)
		}
		if model.Deref(q.Speaker) != zel {
			t.Errorf("quote %q speaker %v, want %s", q.Text, model.Deref(q.Speaker), zel)
		}
	}
}

// FuzzProcess codes arbitrary text over the fallback tokenizer; the
// output must keep the contract's invariants and never panic.
func FuzzProcess(f *testing.F) {
	f.Add("Russia attacked Ukraine on Monday, officials said.\n\"We will respond,\" he said.")
	f.Add("“Unclosed quote\nRussia’s army, which denied it, did not shell Kyiv\"")
	f.Add("Russia and Russia met with Russia to talk.")
	lex := loadUpstream(f).lex
	c := New(lex, DefaultOptions())
	f.Fuzz(func(t *testing.T, body string) {
		a := model.NewArticle()
		a.Body = body
		start := 0
		for i := 0; i <= len(body); i++ {
			if i == len(body) || body[i] == '\n' {
				if i > start {
					a.Sentences = append(a.Sentences, model.Sentence{Index: len(a.Sentences), Start: start, End: i, Text: body[start:i]})
				}
				start = i + 1
			}
		}
		code, country := "RUS", "RUS"
		e := model.Entity{ID: "e1", Name: "Russia", Type: model.TypePlace, Code: &code, Country: &country}
		for si, s := range a.Sentences {
			off := 0
			for {
				k := strings.Index(s.Text[off:], "Russia")
				if k < 0 {
					break
				}
				st := s.Start + off + k
				e.Mentions = append(e.Mentions, model.Mention{Sentence: si, Start: st, End: st + 6, Text: "Russia"})
				off += k + 6
			}
		}
		a.Entities = []model.Entity{e}
		if err := c.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, ev := range a.Events {
			s := a.Sentences[ev.Sentence]
			if ev.Start < s.Start || ev.End > s.End || ev.Action == nil || body[ev.Action.Start:ev.Action.End] != ev.Verb {
				t.Fatalf("bad event %+v", ev)
			}
		}
		for _, q := range a.Quotes {
			if q.Start > q.End || body[q.Start:q.End] != q.Text {
				t.Fatalf("bad quote %+v", q)
			}
		}
	})
}

package events

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDumpSeed(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	for _, pub := range []string{"2024-06-14"} {
		arts := ingestFile(t, "../../../shared/seed/000_8bdc426c88a831b7.txt", pub)
		for _, a := range arts {
			fmt.Println("=== ", *a.Title, a.Published)
			for i, s := range a.Sentences {
				fmt.Printf("S%d: %s\n", i, s.Text)
				for _, tk := range a.Tokens[i] {
					fmt.Printf("%s/%s ", tk.Text, tk.Tag)
				}
				fmt.Println()
			}
			for _, e := range a.Entities {
				fmt.Printf("%s %s %q code=%v country=%v roles=%v:", e.ID, e.Type, e.Name, deref(e.Code), deref(e.Country), e.Roles)
				for _, m := range e.Mentions {
					fmt.Printf(" [%d %q]", m.Sentence, m.Text)
				}
				fmt.Println()
			}
			for _, tm := range a.Times {
				fmt.Printf("T %d %q %v %s %v %v\n", tm.Sentence, tm.Text, deref(tm.Value), tm.Precision, deref(tm.From), deref(tm.To))
			}
		}
	}
}

func deref(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func TestDumpMatches(t *testing.T) {
	s := os.Getenv("DUMPSENT")
	if s == "" {
		t.Skip()
	}
	up := loadUpstream(t)
	c := New(up.lex, DefaultOptions())
	path := os.Getenv("DUMPFILE")
	if path == "" {
		path = "../../../shared/seed/000_8bdc426c88a831b7.txt"
	}
	for _, a := range ingestFile(t, path, "2024-06-14") {
		sents := c.prepare(a)
		for _, st := range sents {
			if !strings.Contains(st.s.Text, s) {
				continue
			}
			for _, tk := range st.toks {
				fmt.Printf("%s/%s/%d ", tk.text, tk.tag, len(tk.ments))
			}
			fmt.Println()
			ms := c.findMatches(st)
			for k, m := range ms {
				if !m.noun {
					c.subject(st, ms, k)
				}
			}
			for _, m := range ms {
				var subj []string
				for _, r := range m.subj {
					subj = append(subj, r.m.ent.Name)
				}
				fmt.Printf("%q head=%s/%s code=%s class=%s noun=%v subj=%v mod=%s gov=%v\n", m.p.text, st.toks[m.head].text, st.toks[m.head].tag, m.code, m.p.class, m.noun, subj, m.mod, m.gov != nil)
			}
		}
	}
}

func TestDumpFile(t *testing.T) {
	path := os.Getenv("DUMPEVENTS")
	if path == "" {
		t.Skip()
	}
	up := loadUpstream(t)
	c := New(up.lex, DefaultOptions())
	for _, a := range ingestFile(t, path, "") {
		if err := c.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		writeOutput(&b, a)
		fmt.Println("#", deref(a.Title))
		for _, s := range a.Sentences {
			fmt.Printf("  S%d %s\n", s.Index, s.Text)
		}
		fmt.Print(b.String())
	}
}

func TestDumpText(t *testing.T) {
	s := os.Getenv("DUMPTEXT")
	if s == "" {
		t.Skip()
	}
	up := loadUpstream(t)
	a := codeText(t, s, "2025-03-14")
	c := New(up.lex, DefaultOptions())
	if os.Getenv("UNTAGGED") != "" {
		for _, ts := range a.Tokens {
			for k := range ts {
				ts[k].Tag = ""
			}
		}
		if err := c.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	st := c.prepare(a)[0]
	for _, tk := range st.toks {
		fmt.Printf("%s/%s/%d ", tk.text, tk.tag, len(tk.ments))
	}
	fmt.Println()
	for _, e := range a.Entities {
		fmt.Println(e.ID, e.Name, deref(e.Code), e.Mentions)
	}
	var b strings.Builder
	writeOutput(&b, a)
	fmt.Print(b.String())
}

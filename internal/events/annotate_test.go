package events

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// annotated builds an article from annotated text, one sentence a line,
// without the earlier stages: [[CODE:TYPE words]] or [[CODE:TYPE
// words|Canonical Name]] is an entity mention, {{TIME words=VALUE/PREC}}
// a time expression (VALUE "A..B" gives a range's from and to). Tokens
// are left to the coder's fallback tokenizer, with no POS tags.
func annotated(t testing.TB, text, published string) *model.Article {
	t.Helper()
	a := model.NewArticle()
	a.Published = model.Published{Date: model.Str(published), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
	ents := map[string]int{}
	var body strings.Builder
	for li, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if li > 0 {
			body.WriteByte('\n')
		}
		start := body.Len()
		for line != "" {
			i := strings.Index(line, "[[")
			j := strings.Index(line, "{{")
			if i < 0 && j < 0 {
				body.WriteString(line)
				break
			}
			if i < 0 || j >= 0 && j < i {
				i = j
			}
			body.WriteString(line[:i])
			closeMark := "]]"
			if line[i] == '{' {
				closeMark = "}}"
			}
			k := strings.Index(line[i:], closeMark)
			if k < 0 {
				t.Fatalf("unclosed annotation in %q", line)
			}
			inner := line[i+2 : i+k]
			line = line[i+k+2:]
			if closeMark == "}}" {
				inner = strings.TrimPrefix(inner, "TIME ")
				eq := strings.LastIndex(inner, "=")
				words, val := inner[:eq], inner[eq+1:]
				slash := strings.LastIndex(val, "/")
				tm := model.Time{Precision: val[slash+1:]}
				if v := val[:slash]; strings.Contains(v, "..") {
					p := strings.SplitN(v, "..", 2)
					tm.From, tm.To = model.Str(p[0]), model.Str(p[1])
				} else {
					tm.Value = model.Str(v)
				}
				tm.Mention = model.Mention{Sentence: li, Start: body.Len(), End: body.Len() + len(words), Text: words}
				body.WriteString(words)
				a.Times = append(a.Times, tm)
				continue
			}
			sp := strings.IndexByte(inner, ' ')
			head, words := inner[:sp], inner[sp+1:]
			name := words
			if bar := strings.IndexByte(words, '|'); bar >= 0 {
				words, name = words[:bar], words[bar+1:]
			}
			colon := strings.IndexByte(head, ':')
			code, typ := head[:colon], head[colon+1:]
			idx, ok := ents[name]
			if !ok {
				idx = len(a.Entities)
				ents[name] = idx
				country := code
				if len(country) > 3 {
					country = country[:3]
				}
				a.Entities = append(a.Entities, model.Entity{ID: "e" + itoa(idx+1), Name: name, Type: typ,
					Code: model.Str(code), Country: model.Str(country)})
			}
			a.Entities[idx].Mentions = append(a.Entities[idx].Mentions,
				model.Mention{Sentence: li, Start: body.Len(), End: body.Len() + len(words), Text: words})
			body.WriteString(words)
		}
		a.Sentences = append(a.Sentences, model.Sentence{Index: li, Start: start, End: body.Len(), Text: body.String()[start:]})
	}
	a.Body = body.String()
	for _, s := range a.Sentences {
		if a.Body[s.Start:s.End] != s.Text {
			t.Fatalf("bad sentence span %q", s.Text)
		}
	}
	return a
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestAnnotatedUntagged(t *testing.T) {
	lex := loadUpstream(t).lex
	text := `[[GBR:PLACE Britain's]] foreign secretary, [[GBRGOV:PERSON David Lammy]], in a phone call with [[SAUGOV:PERSON Prince Faisal]], said [[IRN:PLACE Iran]] had supplied [[RUS:PLACE Russia]] with drones, according to [[GBRGOV:ORG the Foreign Office]].
{{TIME On Tuesday=2025-03-11/day}}, an official said [[FRAGOV:PERSON Macron]] was expected to visit [[DZA:PLACE Algeria]] {{TIME in the coming weeks=2025-03-14..2025-04-14/range}}.
"We will not accept this," [[CHNGOV:ORG the foreign ministry]] said in a statement. "Taiwan is part of China."
[[SRB:PLACE Serbia]] and [[HUN:PLACE Hungary]] have denied arms deals but vowed to deepen cooperation.
[[ISR:PLACE Israeli]] jets struck targets in [[LBN:PLACE Lebanon]] {{TIME on Sunday=2025-03-09/day}}, the army said.
[[BRAGOV:PERSON Lula]] spoke with [[VENGOV:PERSON Maduro]] by phone {{TIME on Saturday=2025-03-08/day}}.`
	a := annotated(t, text, "2025-03-14")
	if err := New(lex, DefaultOptions()).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, w := range []want{
		{"041", "GBRGOV", "SAUGOV", ""},    // nominal call: the apposition head is the source
		{"07", "IRN", "RUS", ""},           // reported speech: Iran is the actor
		{"042", "FRAGOV", "DZA", "future"}, // expected to visit
		{"016", "SRB", "-", "asserted"},    // compound deny, one per actor
		{"016", "HUN", "-", "asserted"},    //
		{"030", "SRB", "HUN", ""},          // coordinated verb keeps the subject; reciprocal
		{"19", "ISR", "LBN", model.ModalityAsserted},
		{"041", "BRAGOV", "VENGOV", ""}, // "by phone" is a noun: the date after it is the call's
	} {
		if !has(a, w) {
			t.Errorf("missing %+v in %s", w, dump(a))
		}
	}
	for _, e := range a.Events {
		switch {
		case strings.HasPrefix(e.Cameo, "07"):
			if len(e.Attribution) < 2 || !strings.Contains(e.Attribution[0].Text, "according to") {
				t.Errorf("supply attribution %+v", e.Attribution)
			}
		case e.Cameo == "042":
			if model.Deref(e.Date.FromText) != "in the coming weeks" || model.Deref(e.Date.Precision) != "range" || model.Deref(e.Date.Value) != "2025-03-14" {
				t.Errorf("visit date %+v", e.Date)
			}
		case strings.HasPrefix(e.Cameo, "19"):
			if model.Deref(e.Date.Value) != "2025-03-09" || e.Location == nil || e.Location.Name != "Lebanon" {
				t.Errorf("strike date/location %+v %+v", e.Date, e.Location)
			}
		case e.Cameo == "041" && e.Source.Code == "BRAGOV":
			if model.Deref(e.Date.Value) != "2025-03-08" {
				t.Errorf("call date %+v", e.Date)
			}
		case e.Cameo == "016":
			if e.Group == nil {
				t.Error("compound deny without group")
			}
			if e.Date.FromText != nil || model.Deref(e.Date.Value) != "2025-03-14" {
				t.Errorf("deny date should default to publication: %+v", e.Date)
			}
		}
	}
	if len(a.Quotes) != 2 {
		t.Fatalf("quotes: %+v", a.Quotes)
	}
	for _, q := range a.Quotes {
		if model.Deref(q.Speaker) == "" || a.Entities[atoi(model.Deref(q.Speaker)[1:])-1].Name != "the foreign ministry" {
			t.Errorf("quote %q speaker %v", q.Text, model.Deref(q.Speaker))
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

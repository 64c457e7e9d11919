package actors_test

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// FuzzStage runs the text, timex, entity and actors stages over arbitrary
// text and publication dates: no stage panics or fails; every mention and
// affiliation the actors stage leaves is a half-open span inside its
// sentence spelling the body's bytes; entity IDs are unique and every
// entity has a name, a type and at least one mention or affiliation;
// codes are upper case letters and digits.
func FuzzStage(f *testing.F) {
	for _, s := range []string{
		"Peruvian police arrested the former mayor of Arequipa on Thursday, prosecutors said.",
		"Indonesia's defence minister met his Australian counterpart in Darwin; the two agreed to joint patrols.",
		"Sudan's army chief, Gen. Abdel Fattah al-Burhan, accused the RSF of shelling El Fasher.",
		"The Kenyan Red Cross and UNHCR sent aid to Turkana. Officials of the AU welcomed it.",
		"Former Brazilian president Lula's party, the PT, rejected the plan. „Nein“, said Berlin.",
		"Mongolian herders, Kyrgyz border guards and a Kazakh senator — all quoted — disagreed.",
		strings.Repeat("President ", 200) + "Ruto.",
		"", ".", "’s ’s ’s", "THE UN SECURITY COUNCIL MET. IT ADJOURNED.", "\u202eRussia\u202c and Ukraine",
	} {
		f.Add(s, "2025-03-14")
	}
	f.Add("Chad's president visited Niamey.", "1999")
	f.Add("Chad's president visited Niamey.", "not a date")
	getStages(f) // load the tables once, before the first input
	f.Fuzz(func(t *testing.T, body, date string) {
		if len(body) > 8<<10 {
			body = body[:8<<10]
		}
		body = strings.ToValidUTF8(body, "\uFFFD")
		a := analyze(t, date, body, true)
		ids := map[string]bool{}
		for _, e := range a.Entities {
			if ids[e.ID] || e.ID == "" || e.Name == "" || e.Type == "" || len(e.Mentions)+len(e.Affiliations) == 0 {
				t.Fatalf("entity %+v", e)
			}
			ids[e.ID] = true
			if e.Code != nil && strings.Trim(*e.Code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
				t.Fatalf("entity %s code %q", e.ID, *e.Code)
			}
			for _, m := range append(append([]model.Mention{}, e.Mentions...), e.Affiliations...) {
				if m.Sentence < 0 || m.Sentence >= len(a.Sentences) {
					t.Fatalf("entity %s mention %+v: no such sentence", e.ID, m)
				}
				s := a.Sentences[m.Sentence]
				if m.Start < s.Start || m.End <= m.Start || m.End > s.End || body[m.Start:m.End] != m.Text {
					t.Fatalf("entity %s mention %+v outside sentence [%d,%d)", e.ID, m, s.Start, s.End)
				}
			}
		}
	})
}

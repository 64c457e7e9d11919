package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// FuzzRenderArticle renders any stored article document as `sitrep
// show` does (a database written by another version, or edited, may
// hold spans that do not fit its body): no panic, and every sentence
// whose span fits the body is printed with its text.
func FuzzRenderArticle(f *testing.F) {
	good := model.NewArticle()
	good.ID, good.Title = "a1", model.Str("Talks")
	good.Body = "Chile and Peru met in Lima.\nTalks resume soon."
	good.Sentences = []model.Sentence{{Index: 0, Start: 0, End: 27, Text: good.Body[:27]}, {Index: 1, Start: 28, End: 46, Text: good.Body[28:]}}
	good.Entities = []model.Entity{{ID: "e1", Name: "Chile", Type: model.TypePlace, Mentions: []model.Mention{{Sentence: 0, Start: 0, End: 5}}}}
	good.Subheadings, good.HeadingAt = []string{"Diplomacy"}, []int{28}
	seed, err := json.Marshal(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"id":"x","body":"abc","sentences":[{"index":0,"start":2,"end":9}],"entities":[{"mentions":[{"start":3,"end":1}]}],"heading_at":[0,0]}`))
	f.Add([]byte(`{"body":"ab","sentences":[{"start":-1,"end":1},{"start":1,"end":2}],"entities":[{"mentions":[{"start":0,"end":5},{"start":1,"end":2}]}]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var a model.Article
		if json.Unmarshal(doc, &a) != nil {
			return
		}
		var out bytes.Buffer
		renderArticle(&out, &a)
		for _, s := range a.Sentences {
			if s.Start >= 0 && s.Start <= s.End && s.End <= len(a.Body) && !strings.Contains(out.String(), fmt.Sprintf("\n[%d] ", s.Index)) {
				t.Fatalf("sentence %d [%d, %d) not printed:\n%s", s.Index, s.Start, s.End, out.String())
			}
		}
	})
}

// TestMarkText: marks inside the sentence are written inline; a span
// that does not fit the body is clipped, and marks that do not fit, run
// backwards or overlap the one before are left out.
func TestMarkText(t *testing.T) {
	body := "Kenya and Uganda met."
	ke, ug := mark{model.Span{Start: 0, End: 5}, "PLACE KEN"}, mark{model.Span{Start: 10, End: 16}, "PLACE UGA"}
	for _, tt := range []struct {
		name  string
		span  model.Span
		marks []mark
		want  string
	}{
		{"both", model.Span{Start: 0, End: 21}, []mark{ke, ug}, "[Kenya|PLACE KEN] and [Uganda|PLACE UGA] met."},
		{"span past the body", model.Span{Start: 6, End: 99}, []mark{ke, ug}, "and [Uganda|PLACE UGA] met."},
		{"span before the body", model.Span{Start: -4, End: 5}, []mark{ke}, "[Kenya|PLACE KEN]"},
		{"span backwards", model.Span{Start: 9, End: 3}, []mark{ke, ug}, ""},
		{"mark backwards", model.Span{Start: 0, End: 21}, []mark{{model.Span{Start: 9, End: 2}, "X"}, ug}, "Kenya and [Uganda|PLACE UGA] met."},
		{"marks overlapping", model.Span{Start: 0, End: 21}, []mark{{model.Span{Start: 0, End: 12}, "X"}, ug}, "[Kenya and Ug|X]anda met."},
	} {
		if got := markText(body, tt.span, tt.marks); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

package events

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestBoundsSentenceInitialPreposition: a subject NP that starts with a
// preposition ("At least three ... were killed") once made resolveNP look
// at token -1 for a role head. Each sentence is a quantity, a demonym, a
// group noun and a passive verb, from several regions.
func TestBoundsSentenceInitialPreposition(t *testing.T) {
	bodies := []string{
		"At least three Sudanese civilians were killed.", // the construction of issue 12
		"At least five Nigerian soldiers were wounded.",
		"At most twelve Colombian farmers were detained on Sunday.",
		"At least 40 Ukrainian prisoners were released, officials said.",
		"In all, about 30 Peruvian miners were rescued.",
		"From the border, eight Syrian children were evacuated.",
		"At least two dozen Haitian migrants were arrested by police.",
		"At least nine Burmese monks were beaten, witnesses said.",
		"At", "At least", "At least three Sudanese",
	}
	for _, body := range bodies {
		t.Run(body, func(t *testing.T) {
			a := codeText(t, body, "2024-03-01")
			for _, e := range a.Events {
				if e.Start < 0 || e.End > len(a.Body) || e.Start > e.End {
					t.Errorf("event %s span [%d,%d) outside body of %d bytes", e.ID, e.Start, e.End, len(a.Body))
				}
			}
		})
	}
}

// TestResolveNPBounds calls the resolver with ranges that reach outside
// the sentence: it clamps them instead of indexing out of range.
func TestResolveNPBounds(t *testing.T) {
	ent := &model.Entity{ID: "e1", Type: model.TypeOrg, Code: model.Str("SDNCVL")}
	st := &sent{words: defaultWords(), toks: []tok{{text: "At", low: "at"}, {text: "least", low: "least"}, {text: "civilians", low: "civilians", ments: []int{0}}}}
	st.ments = []mention{{ent: ent, first: 2, last: 2}}
	st.used = make([]bool, len(st.toks))
	st.verb = make([]bool, len(st.toks))
	cases := []struct {
		name     string
		from, to int
		want     int
	}{
		{"whole", 0, 2, 1},
		{"negative from", -3, 2, 1},
		{"past the end", 0, 9, 1},
		{"empty", 2, 1, 0},
		{"all outside", -5, -1, 0},
		{"preposition only", 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := resolveNP(st, c.from, c.to); len(got) != c.want {
				t.Errorf("resolveNP(%d, %d) = %d actors, want %d", c.from, c.to, len(got), c.want)
			}
		})
	}
	if from, end := npLeft(st, 7); from < 0 || end >= len(st.toks) {
		t.Errorf("npLeft(7) = [%d, %d], want inside the sentence", from, end)
	}
}

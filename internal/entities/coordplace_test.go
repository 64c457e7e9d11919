package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestCoordinatedPlaceInName: capitalised words, "of"/"for" and a
// coordinated region ("Eastern and Southern Africa": a word, "and",
// then a region whose first word it stands beside) are one
// organisation's name; no place of its own is cut out of it. Two places
// joined by "and" after "of" stay two places.
func TestCoordinatedPlaceInName(t *testing.T) {
	for _, c := range []struct{ region, text string }{
		{"east Africa", "Officials from the [[ORG Commission for East and Central Africa]] met in Kampala."},
		{"southern Africa", "Traders said the [[ORG Customs Council for Eastern and Southern Africa]] would cut duties."},
		{"south Asia", "The [[ORG Office for South and Central Asia]] issued a travel warning."},
		{"Europe", "Experts at the [[ORG Foundation for Western and Eastern Europe]] criticised the plan."},
		{"Americas", "The [[ORG Development Bank for North and South America]] cut its lending."},
		{"north Africa", "Officials of the [[ORG Centre for North and East Africa]] met in Cairo."},
	} {
		t.Run(c.region, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			body, anns := parseAnnotated(c.text)
			for _, e := range art.Entities {
				for _, m := range e.Mentions {
					if m.Span().Overlaps(model.Span{Start: anns[0].start, End: anns[0].end}) && e.Type != model.TypeOrg {
						t.Errorf("%q inside %q is a %s", m.Text, body[anns[0].start:anns[0].end], e.Type)
					}
				}
			}
		})
	}
	for _, text := range []string{
		"Leaders of Kenya and South Sudan met in Juba.",
		"Foreign Ministers of Egypt and South Sudan met in Juba.",
	} {
		art := analyse(t, "", nil, text)
		places := 0
		for _, e := range art.Entities {
			if e.Type == model.TypePlace {
				places++
			}
			if e.Type == model.TypeOrg {
				t.Errorf("%q: organisation %q", text, e.Name)
			}
		}
		if places != 3 {
			t.Errorf("%q: %d places, want 3 (%v)", text, places, mentionsOf(art))
		}
	}
}

package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestNationalCabinet: "cabinet" is a body a country's name or demonym
// describes (orgtypes.tsv mode national), so a capitalised cabinet
// after it is that country's government ("the Israeli Security
// Cabinet"), not a person.
func TestNationalCabinet(t *testing.T) {
	for _, c := range []struct{ region, text, code string }{
		{"Middle East", "The Israeli [[ORG Security Cabinet]] approved the plan on Monday.", "ISRGOV"},
		{"Middle East", "Israel's [[ORG Security Cabinet]] met late into the night.", "ISRGOV"},
		{"east Africa", "The Kenyan [[ORG Cabinet]] approved the budget on Tuesday.", "KENGOV"},
		{"eastern Europe", "The Ukrainian [[ORG War Cabinet]] met in Kyiv after the strikes.", "UKRGOV"},
		{"South America", "The Colombian [[ORG Economic Cabinet]] met in Bogota to review the deficit.", "COLGOV"},
	} {
		t.Run(c.region, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			body, anns := parseAnnotated(c.text)
			name := body[anns[0].start:anns[0].end]
			if e := findEntity(art, name, model.TypeOrg); e == nil {
				t.Errorf("%q: no organisation %q in %v", c.text, name, mentionsOf(art))
			} else if model.Deref(e.Code) != c.code {
				t.Errorf("%q: %s has code %v, want %s", c.text, name, model.Deref(e.Code), c.code)
			}
		})
	}
}

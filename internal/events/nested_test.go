package events

import (
	"strings"
	"testing"
)

// A place named inside an organisation's name ("Bank of Ghana",
// "University of the Andes") is part of that name: the organisation is
// the actor and the place codes no event of its own.
func TestPlaceInsideNameIsNoActor(t *testing.T) {
	for _, tc := range []struct {
		text, source, place string
	}{
		{"The University of the Philippines condemned the arrest of three of its students.", "PHLEDU", "PHL"},
		{"The Central Bank of Nigeria warned lenders against hoarding dollars.", "NGABUS", "NGA"},
		{"The Bank of Ghana criticised the new levy on mobile payments.", "GHA", "GHA"},
		{"The University of Nairobi condemned the police raid on its campus.", "KEN", "KEN"},
		{"The Reserve Bank of India warned banks over rising bad loans.", "IND", "IND"},
		{"The University of Tokyo praised the new research pact with Seoul.", "JPN", "JPN"},
	} {
		a := codePipeline(t, tc.text)
		if len(a.Events) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		for _, e := range a.Events {
			if !strings.HasPrefix(e.Source.Code, tc.source) || e.Source.Code == tc.place {
				t.Errorf("%q: source %s, want the organisation's code (%s...), never the bare place %s", tc.text, e.Source.Code, tc.source, tc.place)
			}
		}
	}
}

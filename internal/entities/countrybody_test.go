package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestCountryBodyOfIGOName: a name that is both a UN organ and a
// country's own body (igos.tsv column 4) is the country's after its name
// with "'s", the UN organ otherwise.
func TestCountryBodyOfIGOName(t *testing.T) {
	cases := []struct {
		region, text, name, code string
	}{
		{"Russia", "Russia's Security Council accused Kyiv of planning the attack.", "Security Council", "RUSGOV"},
		{"Central Asia", "Kazakhstan's Security Council approved a new military doctrine on Friday.", "Security Council", "KAZGOV"},
		{"Caucasus", "Armenia's Security Council met after the clash on the border with Azerbaijan.", "Security Council", "ARMGOV"},
		{"Eastern Europe", "Belarus's Security Council discussed the exercises near the Polish border.", "Security Council", "BLRGOV"},
		{"South America", "Uruguay's General Assembly approved the budget after a long debate.", "General Assembly", "URYLEG"},
		// the UN organ: no country's name with 's right before it
		{"West Africa", "The Security Council condemned the attack on the convoy near Gao.", "UN Security Council", "IGOUNO"},
		{"Middle East", "Jordan's envoy told the General Assembly that the siege must end.", "UN General Assembly", "IGOUNO"},
	}
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			for _, e := range art.Entities {
				if e.Name == c.name && e.Type == model.TypeOrg {
					if model.Deref(e.Code) != c.code {
						t.Errorf("%q: %s has code %v, want %s", c.text, c.name, model.Deref(e.Code), c.code)
					}
					return
				}
			}
			t.Errorf("%q: no organisation %q in %v", c.text, c.name, mentionsOf(art))
		})
	}
}

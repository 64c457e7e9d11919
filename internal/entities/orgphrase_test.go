package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestOrganisationPhraseOfY: a body named by an organisation phrase of
// several words ("Joint Chiefs of Staff", "Armed Forces", "Coast Guard")
// is one organisation after a sentence-initial "The" as after "the",
// and goes on through "of" and a place ("Joint Chiefs of Staff of
// Nigeria") as after an organisation word, with the phrase's sector.
func TestOrganisationPhraseOfY(t *testing.T) {
	checkOrgCodes(t, []annotatedOrg{
		{"east Asia", "The [[ORG Joint Chiefs of Staff of South Korea]] said the North fired two missiles.", "KORMIL"},
		{"west Africa", "The [[ORG Joint Chiefs of Staff of Nigeria]] accused Chad of sheltering the rebels.", "NGAMIL"},
		{"south Asia", "Officials said the [[ORG Joint Chiefs of Staff of Pakistan]] met in Rawalpindi.", "PAKMIL"},
		{"eastern Europe", "The [[ORG Armed Forces of Ukraine]] said they repelled the attack near Bakhmut.", "UKRMIL"},
		{"southeast Asia", "The [[ORG Armed Forces of the Philippines]] said two soldiers died in Sulu.", "PHLMIL"},
		{"east Asia", "The [[ORG Coast Guard of Japan]] said the vessel entered its waters.", "JPNMIL"},
	}, true)
	// without a country the entity stage names no body (the actors
	// stage codes it from the dictionaries), and no person either
	for _, text := range []string{
		"The Joint Chiefs of Staff said the drills with Japan would go ahead.",
		"The Joint Chiefs of Staff in Seoul said the North fired two missiles.",
	} {
		for _, e := range analyse(t, "", nil, text).Entities {
			if e.Type == model.TypePerson {
				t.Errorf("%q: %q is a person", text, e.Name)
			}
		}
	}
}

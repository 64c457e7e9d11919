package actors_test

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// A name the dictionaries list that is an office (a role phrase of the
// entity stage) names its holder, a person with that role and the
// office's code; a body the dictionaries list under a sector stays an
// organisation.
func TestOfficesAreTheirHolders(t *testing.T) {
	for _, c := range []struct {
		region, text, name, typ, code string
	}{
		{"Caribbean", "The Secretary of State said on Friday that the embassy in Port-au-Prince would stay open.", "Secretary of State", model.TypePerson, "USAGOV"},
		{"Asia", "The Secretary of State arrived in Manila for talks on maritime security.", "Secretary of State", model.TypePerson, "USAGOV"},
		{"Middle East", "The Secretary of State urged Israel and Lebanon to accept the truce.", "Secretary of State", model.TypePerson, "USAGOV"},
		{"Africa", "On his tour, the Secretary of State praised Kenya for leading the mission.", "Secretary of State", model.TypePerson, "USAGOV"},
		{"Europe", "The Secretary of State criticised Hungary over its veto.", "Secretary of State", model.TypePerson, "USAGOV"},
		// bodies: the Senate and the Joint Chiefs are not people
		{"Americas", "The Senate approved the aid package for Ukraine on Thursday.", "Senate", model.TypeOrg, "USAGOVLEG"},
		{"Americas", "The National Security Council met to discuss the strikes in Yemen.", "National Security Council", model.TypeOrg, ""},
	} {
		t.Run(c.region+"/"+c.name, func(t *testing.T) {
			a := analyze(t, "2024-06-06", c.text, true)
			for _, e := range a.Entities {
				if e.Name != c.name {
					continue
				}
				if e.Type != c.typ {
					t.Errorf("%q: %s is %s, want %s", c.text, c.name, e.Type, c.typ)
				}
				if c.code != "" && (e.Code == nil || *e.Code != c.code) {
					t.Errorf("%q: %s has code %v, want %s", c.text, c.name, e.Code, c.code)
				}
				if c.typ == model.TypePerson && (len(e.Roles) == 0 || e.Roles[0] == "") {
					t.Errorf("%q: the office holder %s has no role", c.text, c.name)
				}
				return
			}
			t.Errorf("%q: no entity named %q in %v", c.text, c.name, a.Entities)
		})
	}
}

// A body the dictionaries list under one country ("Joint Chiefs of
// Staff" [USAMIL], "National Security Council" [USAGOV]) is the body of
// the country the text gives it ("South Korea's ..."); without one it
// keeps the dictionaries' code.
func TestBodyOfTheNamedCountry(t *testing.T) {
	runCodes(t, []codeCase{
		{"Asia", "2024-06-06", "South Korea's Joint Chiefs of Staff said the North fired two missiles.", "Joint Chiefs of Staff", "KORMIL"},
		{"Asia", "2024-06-06", "Japan's National Security Council met on Friday to discuss the launch.", "National Security Council", "JPNGOV"},
		{"Africa", "2024-06-06", "Nigeria's Senate rejected the new tax bill on Tuesday.", "Senate", "NGALEG"},
		{"Europe", "2024-06-06", "Britain's Ministry of Defence denied the report about the drones.", "Ministry of Defence", "GBRGOV"},
		{"Americas", "2024-06-06", "Chile's Senate approved the pension reform.", "Senate", "CHLLEG"},
		{"Americas", "2024-06-06", "The Senate approved the aid package for Ukraine on Thursday.", "Senate", "USAGOVLEG"},
	})
}

package events

import "testing"

// Protest and coercion in other words: a light verb over an act
// ("resorted to throwing stones", "reimposed the blockade"), a strike
// as "stopped work", riots as an event noun with a target.
func TestParsedProtestForms(t *testing.T) {
	runConstructions(t, []construction{
		{"Thai youths resorted to throwing stones at police.", want{"145", "THA", "", ""}, nil},
		{"Hundreds of Kenyan workers stopped work on Monday at the start of a nationwide strike.", want{"143", "KEN", "", ""}, nil},
		{"Dock workers in Chile stopped work on Friday over unpaid wages.", want{"143", "CHL", "", ""}, nil},
		{"Bolivian riots against the government are still continuing.", want{"145", "BOL", "BOL", ""}, nil},
		{"Egypt reimposed the blockade of the Gaza Strip on Sunday.", want{"191", "EGY", "", ""}, nil},
		{"Turkey reimposed a curfew in Diyarbakir on Monday.", want{"172", "TUR", "", ""}, nil},
	})
}

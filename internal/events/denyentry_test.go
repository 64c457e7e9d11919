package events

import "testing"

// Denying someone entry, a visa or access is a refusal (12x, as "refused
// entry"), not a denial of a charge (016); "denied that ..." stays one.
func TestParsedDenyEntry(t *testing.T) {
	runConstructions(t, []construction{
		{"Kenya denied entry to three Somali officials.", want{"12", "KEN", "SOM", ""}, []want{{"016", "KEN", "", ""}}},
		{"Chile denied visas to Bolivian officials.", want{"12", "CHL", "BOL", ""}, []want{{"016", "CHL", "", ""}}},
		{"Russia denied access to Ukrainian diplomats.", want{"12", "RUS", "UKR", ""}, []want{{"016", "RUS", "", ""}}},
		{"Israel denied passage to Egyptian aid convoys.", want{"12", "ISR", "EGY", ""}, []want{{"016", "ISR", "", ""}}},
		{"Indonesia denied permission to Malaysian fishermen to land.", want{"12", "IDN", "MYS", ""}, []want{{"016", "IDN", "", ""}}},
		{"Iran denied that it had attacked Iraq.", want{"016", "IRN", "", ""}, []want{{"19", "IRN", "", ""}}},
	})
}

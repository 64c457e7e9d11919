package events

import "testing"

// A protest by a state (a country, its government or state bodies, an
// intergovernmental organisation) is an official complaint (114), not a
// demonstration (141): framecodes.tsv's "official" frame. A protest by
// people, named by a group noun or a plural demonym, stays 141.
func TestOfficialProtest(t *testing.T) {
	runObjects(t, []construction{
		{"Vietnam protested China's deployment of an oil rig in disputed waters.", want{"114", "VNM", "CHN", ""}, []want{{"141", "", "", ""}}},
		{"The Philippines protested China's actions near the shoal.", want{"114", "PHL", "CHN", ""}, []want{{"141", "", "", ""}}},
		{"Peru's government protested the detention of its consul in La Paz.", want{"114", "PERGOV", "", ""}, []want{{"141", "", "", ""}}},
		{"The Chinese foreign ministry protested the arrest of two Chinese nationals in Manila.", want{"114", "CHNGOV", "", ""}, []want{{"141", "", "", ""}}},
		{"The African Union protested the coup in Niger.", want{"114", "IGO", "", ""}, []want{{"141", "", "", ""}}},
		// people protesting demonstrate
		{"Thousands of Kenyans protested in Nairobi against the finance bill.", want{"141", "KEN", "", ""}, []want{{"114", "", "", ""}}},
		{"Brazilians protested the ruling in Sao Paulo.", want{"141", "BRA", "", ""}, []want{{"114", "", "", ""}}},
		{"Students protested the tuition increase in Santiago.", want{"141", "CHL", "", ""}, []want{{"114", "", "", ""}}},
		{"Iranian students protested the arrest in Tehran.", want{"141", "IRN", "", ""}, []want{{"114", "", "", ""}}},
	})
}

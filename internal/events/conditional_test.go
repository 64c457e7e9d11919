package events

import "testing"

// A future act on a condition ("will cut aid if ...") is a threat, made
// now; a possible one ("may halt its mediation unless ...") only when a
// party to it says so, not in others' speculation.
func TestParsedConditionalThreat(t *testing.T) {
	runConstructions(t, []construction{
		{"Norway will cut aid to Uganda if the law is signed.", want{"1311", "NOR", "UGA", "asserted"}, []want{{"16", "NOR", "", ""}}},
		{"The African Union will suspend aid to Mali if the junta delays the elections.", want{"13", "IGO", "MLI", "asserted"}, []want{{"16", "IGO", "", ""}}},
		{"Brazil may halt its mediation efforts if the talks stall, Brazil's foreign minister said.", want{"135", "BRA", "", ""}, nil},
		{"Ottawa may impose new sanctions if the crisis continues, analysts said.", want{}, []want{{"13", "CAN", "", ""}}},
		{"Japan could cut aid to Myanmar if the fighting goes on, diplomats in Bangkok said.", want{}, []want{{"13", "JPN", "", ""}}},
		{"The opposition in Kenya said it will boycott the elections unless the president resigns.", want{"133", "KEN", "", ""}, []want{{"14", "KEN", "", ""}}},
		{"Canada will impose sanctions on Belarus unless the prisoners are freed.", want{"13", "CAN", "BLR", ""}, []want{{"16", "CAN", "", ""}}},
		{"Vietnam will expel the Chinese diplomats if the vessels stay in its waters.", want{"13", "VNM", "", ""}, []want{{"16", "VNM", "", ""}}},
	})
}

// "X will not V" announces a refusal where CAMEO has one (12x); an act of
// force that will not happen stays a negated attack.
func TestParsedWillNotRefusal(t *testing.T) {
	runConstructions(t, []construction{
		{"Jordan will not accept more Syrian refugees.", want{"122", "JOR", "", "asserted"}, []want{{"07", "JOR", "", ""}}},
		{"Kenya said it would not withdraw its troops from Somalia.", want{"124", "KEN", "", ""}, []want{{"08", "KEN", "", ""}}},
		{"Uganda won't send aid to South Sudan.", want{"122", "UGA", "SSD", ""}, []want{{"07", "UGA", "", ""}}},
		{"Hungary will not admit refugees from Serbia.", want{"122", "HUN", "", ""}, nil},
		{"Chile will not hold talks with Bolivia.", want{"125", "CHL", "", ""}, []want{{"04", "CHL", "", ""}}},
		{"Russia will not attack Ukraine, the Kremlin said.", want{"19", "RUS", "UKR", "negated"}, []want{{"12", "", "", ""}}},
	})
}

// A participle describing its noun ("refugees expelled from Peru") lends
// no subject to a later conjunct verb.
func TestParsedParticipleLendsNoSubject(t *testing.T) {
	runConstructions(t, []construction{
		{"Kenya opened its ports to ships turned away from Somalia, but was still refusing entry to Eritreans.", want{"12", "KEN", "", ""}, nil},
		{"Chile accepted refugees expelled from Peru and condemned Bolivia.", want{"111", "CHL", "BOL", ""}, []want{{"11", "BOL", "", ""}}},
		{"Turkey sheltered Syrians displaced by the fighting and criticised Russia.", want{"111", "TUR", "RUS", ""}, []want{{"11", "SYR", "", ""}}},
		{"Poland welcomed Ukrainians forced from their homes, but rejected the EU quota plan.", want{"12", "POL", "", ""}, []want{{"12", "UKR", "", ""}}},
		{"Ghanaian President John Mahama hosted the summit and pledged to support the mediation.", want{"03", "GHA", "", ""}, nil},
	})
}

// An attempt is coded as the act, with the attempt's own modality
// ("tried to storm": asserted, as CAMEO codes attempts); seeking stays
// possible.
func TestParsedAttempt(t *testing.T) {
	runConstructions(t, []construction{
		{"North Korean hackers have tried to hack into the servers of the Indian navy.", want{"176", "PRK", "", "asserted"}, nil},
		{"Protesters in Iraq tried to storm the US embassy in Baghdad.", want{"19", "IRQ", "USA", "asserted"}, nil},
		{"Russia attempted to hack into the Dutch chemical weapons watchdog.", want{"176", "RUS", "", "asserted"}, nil},
		{"Rebels in Chad attempted to seize the capital on Saturday.", want{"", "TCD", "", ""}, []want{{"", "", "", "possible"}}},
		{"Gunmen in Nigeria tried to abduct schoolchildren in Kaduna.", want{"18", "NGA", "", "asserted"}, nil},
		{"Iran is seeking to expand its influence in Iraq.", want{}, []want{{"", "IRN", "", "asserted"}}},
	})
}

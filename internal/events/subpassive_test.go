package events

import "testing"

// An agentless passive of force whose patient names no actor, in a
// clause a subordinator opens,
// even past a speech parenthesis ("where, officials said, twelve people
// were killed"), is background to the main clause, not an attack by an
// unidentified armed group; in the main clause it is one.
func TestSubordinatePassiveNoAttacker(t *testing.T) {
	none := []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}
	runConstructions(t, []construction{
		{"Kenya sent troops to the border town where, officials said, twelve people were killed.", want{}, none},
		{"Peru closed the highway after, the company said, three passengers were kidnapped.", want{}, none},
		{"Nigeria deployed police to the village where, residents said, ten farmers were shot.", want{}, none},
		{"Colombia sent aid to the region where, the army said, five pilgrims were wounded.", want{}, none},
		{"Nepal closed the road after, police said, two bus drivers were abducted.", want{}, none},
		{"Indonesia evacuated the island where, the governor said, four tourists were stabbed.", want{}, none},
		// the main clause: an unidentified armed group's attack
		{"Twelve people were killed in Kenya, officials said.", want{"18", "KENUAF", "", ""}, nil},
	})
}

// A passive's patient is the object its verb's longer patterns name,
// so the passive codes as the active does (patientPattern): "the envoy
// was expelled" is "expel envoy" (161), not the bare "expel" (166).
func TestPassivePatientPattern(t *testing.T) {
	runObjects(t, []construction{
		{"The Kenyan ambassador was expelled by Ethiopia on Monday.", want{"161", "ETH", "KEN", ""}, []want{{"166", "", "", ""}}},
		{"Two Chilean diplomats were expelled by Argentina after the dispute.", want{"161", "ARG", "CHL", ""}, []want{{"166", "", "", ""}}},
		{"Three British journalists were expelled by Zimbabwe last year.", want{"174", "ZWE", "GBR", ""}, []want{{"166", "", "", ""}}},
		{"Several aid agencies were expelled by the Sudanese government.", want{"1663", "SDN", "", ""}, nil},
		{"UN inspectors were expelled by Iraq in 1998.", want{"1662", "IRQ", "IGOUNO", ""}, nil},
		{"The Indonesian envoy was expelled by Myanmar's military government.", want{"161", "MMR", "IDN", ""}, nil},
		// the active, for comparison
		{"Ethiopia expelled the Kenyan ambassador on Monday.", want{"161", "ETH", "KEN", ""}, nil},
		// a patient the longer patterns do not name keeps the bare verb's code
		{"Two Kenyan traders were expelled by Ethiopia on Monday.", want{"166", "ETH", "KEN", ""}, []want{{"161", "", "", ""}}},
	})
}

// A passive's by-agent is its own noun phrase's actor: a place after it
// is where ("by the Indonesian navy near Jakarta" is the navy, not the
// capital's government, and still the navy near a place the gazetteer
// does not know).
func TestPassiveAgentOwnPhrase(t *testing.T) {
	runObjects(t, []construction{
		{"Vietnamese fishermen were detained by the Indonesian navy near Jakarta.", want{"173", "IDNMIL", "VNM", ""}, []want{{"173", "IDNGOV", "", ""}}},
		{"Vietnamese fishermen were detained by the Indonesian navy near Natuna.", want{"173", "IDNMIL", "VNM", ""}, nil},
		{"Kenyan traders were detained by Ugandan police near Kampala.", want{"173", "UGACOP", "KEN", ""}, []want{{"173", "UGAGOV", "", ""}}},
		{"Two Nepali climbers were arrested by Chinese police in Lhasa.", want{"173", "CHNCOP", "NPL", ""}, []want{{"173", "CHNGOV", "", ""}}},
		{"Chilean students were dispersed by Bolivian soldiers near La Paz.", want{"17", "BOLMIL", "CHL", ""}, []want{{"17", "BOLGOV", "", ""}}},
	})
}

// Capturing a thing is seizing property (171), capturing people an
// arrest (173): the object's noun chooses, in a passive too.
func TestCaptureThingOrPerson(t *testing.T) {
	runObjects(t, []construction{
		{"Sudanese troops captured a Russian helicopter.", want{"171", "SDNMIL", "", ""}, []want{{"173", "", "", ""}}},
		{"A Russian helicopter was captured by Sudanese troops.", want{"171", "SDNMIL", "", ""}, []want{{"173", "", "", ""}}},
		{"Ukrainian forces captured two Russian tanks.", want{"171", "UKRMIL", "RUS", ""}, []want{{"173", "", "", ""}}},
		{"Houthi rebels captured a cargo ship in the Red Sea.", want{"171", "YEMREB", "", ""}, []want{{"173", "", "", ""}}},
		{"Police captured two suspects in Lagos.", want{"173", "NGACOP", "", ""}, []want{{"171", "", "", ""}}},
	})
}

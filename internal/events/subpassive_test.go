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

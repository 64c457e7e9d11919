package events

import "testing"

// The arcs decide a conjunct's subject even where the window reading
// found an actor before the verb: "X said that Y was struck by a storm,
// and pledged aid" is X's pledge (an agentless passive lends no subject
// to an active conjunct; the speaker does), not Y's, the nearest actor.
func TestArcsFirstConjunctSubject(t *testing.T) {
	runConstructions(t, []construction{
		{"Japan's government said that the Philippines was struck by the typhoon, and pledged aid.", want{"03", "JPN", "", ""}, []want{{"03", "PHL", "", ""}}},
		{"Norway said that Malawi was badly damaged by the cyclone, and pledged emergency funds.", want{"03", "NOR", "", ""}, []want{{"03", "MWI", "", ""}}},
		{"The Turkish government said that Syria was struck by the earthquake, and offered assistance.", want{"03", "TUR", "", ""}, []want{{"03", "SYR", "", ""}}},
		{"A statement on the French embassy website said that Chad and Niger were affected by the outbreak, and urged travellers to avoid both.", want{"02", "FRA", "", ""}, []want{{"02", "TCD", "", ""}, {"02", "NER", "", ""}}},
		{"Britain's foreign office said that Mozambique was hit by the cyclone, and pledged aid.", want{"03", "GBR", "", ""}, []want{{"03", "MOZ", "", ""}}},
		{"India said that Sri Lanka was battered by the storm, and offered help.", want{"03", "IND", "", ""}, []want{{"03", "LKA", "", ""}}},
	})
}

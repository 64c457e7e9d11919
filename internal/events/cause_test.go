package events

import "testing"

// A passive caused by a natural hazard ("destroyed by the cyclone",
// "killed by a cholera epidemic") names no attacker: no unidentified
// armed group is coded for it. A weapon with no named attacker still is.
func TestNaturalCauseNoAttacker(t *testing.T) {
	runConstructions(t, []construction{
		{"Three villages in Bangladesh were destroyed by the cyclone on Sunday.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Dozens of people in Peru were killed by landslides after heavy rains.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Hundreds of homes in Turkey were destroyed by the earthquake.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Thousands of people in Malawi have been killed by a cholera epidemic.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Japan's government said that the Philippines was struck by the typhoon, and pledged aid.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Norway said that Malawi was badly damaged by floods, and pledged emergency funds.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		// a weapon is no hazard: the attacker is an unidentified armed group
		{"Two soldiers were killed by a roadside bomb in Afghanistan.", want{"18", "AFGUAF", "", ""}, nil},
	})
}

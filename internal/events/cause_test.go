package events

import "testing"

// A passive caused by a natural hazard ("destroyed by the cyclone",
// "killed by a measles outbreak") names no attacker: no unidentified
// armed group is coded for it. A weapon with no named attacker still is.
func TestNaturalCauseNoAttacker(t *testing.T) {
	runConstructions(t, []construction{
		{"Three villages in Bangladesh were destroyed by the cyclone on Sunday.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Dozens of people in Peru were killed by landslides after heavy rains.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Hundreds of homes in Turkey were destroyed by the earthquake.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Dozens of children in Chad were killed by a measles outbreak last year.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Japan's government said that the Philippines was struck by the typhoon, and pledged aid.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Norway said that Malawi was badly damaged by floods, and pledged emergency funds.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		// a weapon is no hazard: the attacker is an unidentified armed group
		{"Two soldiers were killed by a roadside bomb in Afghanistan.", want{"18", "AFGUAF", "", ""}, nil},
	})
}

// A passive act of force done to animals ("thousands of birds were
// slaughtered") is a cull: no unidentified armed group is coded for it.
func TestAnimalCullNoAttacker(t *testing.T) {
	runConstructions(t, []construction{
		{"Thousands of chickens were slaughtered in Vietnam after the outbreak.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Millions of ducks have been killed in Indonesia to stop the virus.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Hundreds of pigs were killed on farms in Poland last week.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"About 5,000 sheep were slaughtered in Morocco during the outbreak.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		{"Cattle were slaughtered across Argentina to contain the disease.", want{}, []want{{"18", "", "", ""}, {"19", "", "", ""}, {"20", "", "", ""}}},
		// people are no animals: an unidentified armed group's attack
		{"Hundreds of villagers were slaughtered in Nigeria last week.", want{"20", "NGAUAF", "", ""}, nil},
	})
}

package events

import "testing"

// "X along with Y" and "X together with Y" as a subject: X is the
// actor, whether the parse hangs the company on the verb or on X.
func TestComitativeSubject(t *testing.T) {
	runConstructions(t, []construction{
		{"Kenya along with its neighbours demanded that Somalia release the hostages.", want{"10", "KEN", "", ""}, nil},
		{"France together with its partners demanded that Mali hold elections.", want{"10", "FRA", "", ""}, nil},
		{"Japan along with South Korea condemned the missile launch by North Korea.", want{"11", "JPN", "", ""}, nil},
		{"Brazil together with Argentina criticised the tariffs imposed by the United States.", want{"11", "BRA", "", ""}, nil},
		{"Nigeria along with other West African states demanded that Niger restore civilian rule.", want{"10", "NGA", "", ""}, nil},
		{"Germany together with its allies urged Serbia to recognise Kosovo.", want{"02", "DEU", "", ""}, nil},
	})
}

package events

import "testing"

// A participle right after a noun in the object of an earlier verb
// ("traders expelled from X") describes what was done to the noun: the
// noun is not its source, and it lends no subject to a later conjunct.
func TestParsedReducedRelative(t *testing.T) {
	runConstructions(t, []construction{
		// Africa
		{"Kenya sheltered Somali traders expelled from Ethiopia.", want{}, []want{{"16", "SOM", "", ""}}},
		// Asia, workers
		{"Thailand sheltered Cambodian workers deported from Malaysia last week.", want{}, []want{{"17", "KHM", "", ""}}},
		// Latin America, migrants; the hosting stays
		{"Colombia received Venezuelan migrants expelled from Peru in March.", want{"04", "COL", "VEN", ""}, []want{{"16", "VEN", "", ""}}},
		// Europe, students
		{"Poland accepted Belarusian students expelled from Minsk universities.", want{}, []want{{"16", "BLR", "", ""}}},
		// Middle East, refugees and an agent
		{"Germany welcomed Syrian refugees driven out of Turkey by the fighting.", want{}, []want{{"20", "SYR", "", ""}}},
		// the conjunct after the participle keeps the main verb's side
		{"Tanzania took in Burundian farmers chased out of Rwanda, but refused entry to their herds.", want{"12", "TZA", "", ""}, []want{{"20", "BDI", "", ""}}},
		// a subject with a place is no participle's noun
		{"Rebels in Mali attacked an army post near Gao.", want{"19", "MLI", "", ""}, nil},
	})
}

// A present participle right after a noun in the object of an earlier
// finite verb describes the noun ("condemned miners blockading the
// highway"): no event of its own, read from the words, whatever the
// parse makes of it (a noun's modifier, the verb's complement or a small
// clause with the noun as its subject).
func TestParticipleAfterObject(t *testing.T) {
	runConstructions(t, []construction{
		{"Peru condemned miners blockading the highway to Cusco.", want{"11", "PER", "", ""}, []want{{"14", "", "", ""}}},
		{"Nigeria arrested militants attacking oil pipelines in the delta.", want{"173", "NGA", "", ""}, []want{{"19", "", "", ""}, {"18", "", "", ""}}},
		{"Colombia accused rebels kidnapping farmers in Cauca of breaking the truce.", want{"112", "COL", "", ""}, []want{{"18", "", "", ""}}},
		{"Ethiopia criticized militias attacking aid convoys in Tigray.", want{"11", "ETH", "", ""}, []want{{"19", "", "", ""}, {"18", "", "", ""}}},
		{"Sri Lanka condemned the students occupying the university in Colombo.", want{"11", "LKA", "", ""}, []want{{"14", "", "", ""}}},
		{"Turkey criticised police officers beating protesters in Ankara.", want{"11", "TUR", "", ""}, []want{{"18", "", "", ""}}},
	})
}

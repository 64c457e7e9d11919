package events

import "testing"

// A set phrase standing as an adverb ("in principle", "in return") may
// stand between a frame verb and its particle: "agreed in principle to V"
// is the intent to V (03x), not V itself.
func TestParsedAdverbialPhrase(t *testing.T) {
	runConstructions(t, []construction{
		{"Kenya agreed in principle to provide aid to Somalia.", want{"03", "KEN", "", ""}, []want{{"07", "KEN", "", ""}}},
		{"Vietnam agreed in principle to withdraw its troops from Cambodia.", want{"03", "VNM", "", ""}, []want{{"087", "VNM", "", ""}}},
		{"Chile pledged in return to release the Peruvian fishermen.", want{"03", "CHL", "", ""}, []want{{"08", "CHL", "", ""}}},
		{"Germany agreed in principle to lift sanctions on Belarus.", want{"03", "DEU", "", ""}, []want{{"08", "DEU", "", ""}}},
		{"Iran agreed in principle to meet Saudi officials in Baghdad.", want{"03", "IRN", "", ""}, []want{{"04", "IRN", "", ""}}},
	})
}

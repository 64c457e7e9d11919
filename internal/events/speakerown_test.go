package events

import "testing"

// A reported act of force against the speaker's own ("X said Y shelled
// its towns") has the speaker as its target (speakerOwned); an act that
// is no attack ("moved its troops") and "its own" keep the pronoun the
// subject's.
func TestSpeakerOwnedTarget(t *testing.T) {
	runObjects(t, []construction{
		{"Ukraine said Russia shelled its energy facilities overnight.", want{"19", "RUS", "UKR", ""}, nil},
		{"Somalia said al-Shabaab fighters attacked its soldiers near Mogadishu.", want{"19", "", "SOM", ""}, nil},
		{"Azerbaijan said Armenian forces fired on its positions overnight.", want{"19", "ARM", "AZE", ""}, nil},
		{"The Philippine coast guard said Chinese vessels blocked its supply boat near a reef.", want{"191", "CHN", "PHL", ""}, nil},
		{"India said Pakistani troops attacked its border posts in Kashmir.", want{"19", "PAK", "IND", ""}, nil},
		// not an attack, or the subject's own
		{"Ukraine said Russia moved its troops closer to the border.", want{}, []want{{"", "RUS", "UKR", ""}}},
		{"Russia said Ukraine attacked its own positions by mistake.", want{}, []want{{"19", "UKR", "RUS", ""}}},
	})
}

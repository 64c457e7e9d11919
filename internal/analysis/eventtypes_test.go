package analysis

import "testing"

func TestEventLabels(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{"042", "042 Make a visit"},
		{"190", "190 Use conventional military force, not specified below"},
		{"19", "19 Fight"},
		{"0429", "0429 Make a visit"}, // unnamed: the nearest named prefix
		{"", ""},
		{"999", "999"},
	} {
		if got := EventLabel(tc.code); got != tc.want {
			t.Errorf("EventLabel(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
	if got := PloverLabel("MOBILIZE"); got != "Mobilize" {
		t.Errorf("PloverLabel(MOBILIZE) = %q", got)
	}
}

package events

import (
	"strings"
	"testing"
)

// An intent frame ("agreed to", "pledged to") over an act with no 03x
// or 13x code of its own codes the intent; the act is not asserted.
func TestPipelineIntendedActNotAsserted(t *testing.T) {
	for _, tc := range []struct {
		body   string
		intent want
		not    string // CAMEO prefix of the complement, which must not be coded
	}{
		{"Kenya agreed to send troops to Haiti on Monday.", want{"03", "KEN", "", ""}, "15"},
		{"Brazil agreed to dispatch warships to the coast of Guyana.", want{"03", "BRA", "", ""}, "15"},
		{"Indonesia pledged to send troops to the border with Malaysia.", want{"03", "IDN", "", ""}, "15"},
		{"Egypt agreed to investigate the deaths of the Sudanese migrants.", want{"03", "EGY", "", ""}, "09"},
		{"Poland agreed to send jets to Lithuania next month.", want{"03", "POL", "", ""}, "15"},
	} {
		t.Run(tc.body, func(t *testing.T) {
			a := codePipeline(t, tc.body)
			if !has(a, tc.intent) {
				t.Errorf("want %+v; got %s", tc.intent, eventList(a))
			}
			for _, e := range a.Events {
				if strings.HasPrefix(e.Cameo, tc.not) {
					t.Errorf("intended act coded as %s; got %s", e.Cameo, eventList(a))
				}
			}
		})
	}
}

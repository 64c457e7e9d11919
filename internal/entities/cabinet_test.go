package entities

import "testing"

// TestNationalCabinet: "cabinet" is a body a country's name or demonym
// describes (orgtypes.tsv mode national), so a capitalised cabinet
// after it is that country's government ("the Israeli Security
// Cabinet"), not a person.
func TestNationalCabinet(t *testing.T) {
	checkOrgCodes(t, []annotatedOrg{
		{"Middle East", "The Israeli [[ORG Security Cabinet]] approved the plan on Monday.", "ISRGOV"},
		{"Middle East", "Israel's [[ORG Security Cabinet]] met late into the night.", "ISRGOV"},
		{"east Africa", "The Kenyan [[ORG Cabinet]] approved the budget on Tuesday.", "KENGOV"},
		{"eastern Europe", "The Ukrainian [[ORG War Cabinet]] met in Kyiv after the strikes.", "UKRGOV"},
		{"South America", "The Colombian [[ORG Economic Cabinet]] met in Bogota to review the deficit.", "COLGOV"},
	}, false)
}

package actors_test

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// A body every country has, though the dictionaries list its name under
// one country (Phoenix files JOINT_CHIEFS_OF_STAFF, SENATE and
// NATIONAL_SECURITY_COUNCIL under the United States; its agents table
// lists the same names with a sector only), is the body of the country
// named in or right after its phrase: "in" a capital or country, "of" a
// country, a possessive or demonym before it. Only a phrase that names
// no country takes the dictionaries' country.
func TestCommonBodyTakesNamedCountry(t *testing.T) {
	// "in" a capital: the country's own body
	runCodes(t, []codeCase{
		{"East Asia", "2024-06-06", "The Joint Chiefs of Staff in Seoul reported two launches toward the East Sea.", "Joint Chiefs of Staff", "KORMIL"},
		{"East Asia", "2024-06-06", "The Joint Chiefs of Staff in Tokyo said a drone flew near Yonaguni.", "Joint Chiefs of Staff", "JPNMIL"},
		{"Southeast Asia", "2024-06-06", "The Senate in Manila passed the budget on Tuesday.", "Senate", "PHLLEG"},
		{"West Africa", "2024-06-06", "The Senate in Abuja rejected the loan request after a long debate.", "Senate", "NGALEG"},
		{"South Asia", "2024-06-06", "The National Security Council in Islamabad met on Friday to review the border.", "National Security Council", "PAKGOV"},
		{"South Asia", "2024-06-06", "The Supreme Court in New Delhi struck down the electoral bonds scheme.", "Supreme Court", "INDJUD"},
		{"Middle East", "2024-06-06", "The Constitutional Court in Ankara annulled the decree on Monday.", "Constitutional Court", "TURJUD"},
		{"Europe", "2024-06-06", "The General Staff in Moscow said the exercises had ended.", "General Staff", "RUSMIL"},
		{"East Asia", "2024-06-06", "The Defense Department in Taipei said jets crossed the median line.", "Defense Department", "TWNGOV"},
	})
	// "of" a country, a possessive or a demonym: the same
	runCodes(t, []codeCase{
		{"Middle East", "2024-06-06", "The National Security Council of Turkey met in Ankara on Friday.", "National Security Council", "TURGOV"},
		{"Middle East", "2024-06-06", "Turkey's National Security Council extended the state of emergency.", "National Security Council", "TURGOV"},
		{"West Africa", "2024-06-06", "Nigeria's Senate confirmed the new service chiefs on Thursday.", "Senate", "NGALEG"},
		{"East Asia", "2024-06-06", "South Korea's Joint Chiefs of Staff raised the alert level.", "Joint Chiefs of Staff", "KORMIL"},
		{"South Asia", "2024-06-06", "The Pakistani National Security Council met on Friday.", "Pakistani National Security Council", "PAKGOV"},
	})
	// no country named with the phrase: the dictionaries' default
	runCodes(t, []codeCase{
		{"North America", "2024-06-06", "The Joint Chiefs of Staff said the drills would go on.", "Joint Chiefs of Staff", "USAMIL"},
		{"North America", "2024-06-06", "The Senate passed the defense bill on Tuesday.", "Senate", "USAGOVLEG"},
	})
}

// A later mention that names no country is the body the article named
// before, not the dictionaries' default.
func TestCommonBodyLaterMention(t *testing.T) {
	for _, c := range []struct{ region, text, name, want string }{
		{"Southeast Asia", "The Senate in Manila passed the budget on Tuesday. The Senate will vote on the tax bill next week.", "Senate", "PHLLEG"},
		{"West Africa", "The Senate in Abuja rejected the loan. The Senate also summoned the central bank governor.", "Senate", "NGALEG"},
		{"East Asia", "The Joint Chiefs of Staff in Seoul reported two launches. The Joint Chiefs of Staff said the missiles flew 600 km.", "Joint Chiefs of Staff", "KORMIL"},
	} {
		a := analyze(t, "2024-06-06", c.text, true)
		var codes []string
		for _, e := range a.Entities {
			if e.Name == c.name {
				codes = append(codes, model.Deref(e.Code))
			}
		}
		if len(codes) != 1 || codes[0] != c.want {
			t.Errorf("%s: %q: %s coded %v, want one %s", c.region, c.text, c.name, codes, c.want)
		}
	}
}

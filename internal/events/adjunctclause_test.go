package events

import "testing"

// "X said (on) Wednesday that Y must V": a parse may hang the clause on
// the day (as a complement, a modifier or a relative clause whose
// "that" is its object); a "that" clause with its own subject right
// after a time noun is the speech verb's, and X demands of Y.
func TestClauseAfterTimeAdjunct(t *testing.T) {
	runConstructions(t, []construction{
		{"Turkish President Recep Erdogan said here Wednesday that NATO must halt its exercises near Russia.", want{"10", "TUR", "", ""}, nil},
		{"Ghanaian President John Mahama said Wednesday that Mali must hold elections soon.", want{"10", "GHA", "", ""}, nil},
		{"Indonesian President Prabowo Subianto said here Wednesday that Myanmar must release political prisoners.", want{"10", "IDN", "", ""}, nil},
		{"Chilean President Gabriel Boric said on Wednesday that Bolivia must return the stolen trucks.", want{"10", "CHL", "", ""}, nil},
		{"Egyptian Foreign Minister Badr Abdelatty said Wednesday that Israel must open the Rafah crossing.", want{"10", "EGY", "", ""}, nil},
		{"Brazilian President Lula said Wednesday that the EU must be ready to negotiate with Mercosur.", want{"10", "BRA", "", ""}, nil},
	})
}

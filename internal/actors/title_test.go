package actors_test

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// A title of several words that names no person is an actor of the
// country it belongs to, with the title's sector, as a one-word agent
// is ("Kenya's foreign minister" -> KENGOV).
func TestTitlesWithTheirCountry(t *testing.T) {
	runCodes(t, []codeCase{
		{"South Asia", "2024-06-06", "Pakistan's Chief of Army Staff met the Afghan ambassador in Islamabad.", "Chief of Army Staff", "PAKMIL"},
		{"West Africa", "2024-06-06", "Nigeria's Inspector General of Police ordered an inquiry into the shooting in Kano.", "Inspector General of Police", "NGACOP"},
		{"Europe", "2024-06-06", "France's Chief of the Defence Staff visited the troops stationed in Estonia.", "Chief of the Defence Staff", "FRAMIL"},
		{"South Asia", "2024-06-06", "India's National Security Adviser held talks with Chinese officials in Beijing.", "National Security Adviser", "INDGOV"},
		{"East Africa", "2024-06-06", "The Ugandan police chief warned protesters against marching on parliament.", "police chief", "UGACOP"},
		{"Latin America", "2024-06-06", "The defence minister of Peru accused Bolivia of arming smugglers.", "defence minister", "PERGOV"},
		{"Middle East", "2024-06-06", "Jordan's Chief of the General Staff inspected the border posts on Sunday.", "Chief of the General Staff", "JORMIL"},
	})
	// a title of a body ("the EU's") or of no country is no actor
	runNoCodes(t, []codeCase{
		{"East Africa", "2024-06-06", "The police chief said the curfew would be lifted.", "police chief", ""},
		{"Europe", "2024-06-06", "The EU's foreign policy chief urged restraint in the region.", "foreign policy chief", ""},
	})
}

// A title with its country before a person's name and a comma
// ("Nigeria's Inspector General of Police, X, visited") is a mention of
// that person, coded with the title's country and sector, so that the
// phrase acts as the person and not as its possessor's country; a title
// after the name ("X, Ghana's chief of defence staff,") codes the person
// the same way.
func TestTitleBesideName(t *testing.T) {
	cases := []codeCase{
		{"West Africa", "2024-06-06", "Nigeria's Inspector General of Police, Kayode Egbetokun, visited Kano on Monday.", "Inspector General of Police", "NGACOP"},
		{"South Asia", "2024-06-06", "Pakistan's Chief of Army Staff, Asim Munir, met Chinese officials in Beijing on Friday.", "Chief of Army Staff", "PAKMIL"},
		{"East Africa", "2024-06-06", "Kenya's foreign minister, Musalia Mudavadi, met the Somali president in Nairobi.", "foreign minister", "KENGOV"},
		{"Latin America", "2024-06-06", "Brazil's defence minister, Jose Mucio, visited Manaus on Monday.", "defence minister", "BRAGOV"},
		{"Southeast Asia", "2024-06-06", "Thailand's police chief, Somchai Wongsawat, resigned on Friday.", "police chief", "THACOP"},
		{"Europe", "2024-06-06", "France's Chief of the Defence Staff, Pierre Schill, visited soldiers in Estonia.", "Chief of the Defence Staff", "FRAMIL"},
	}
	runCodes(t, cases)
	for _, c := range cases {
		a := analyze(t, c.date, c.text, true)
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Text == c.word && (e.Type != model.TypePerson || len(e.Mentions) < 2) {
					t.Errorf("%s: %q: %q is %s %q, want a mention of the person named after it", c.region, c.text, c.word, e.Type, e.Name)
				}
			}
		}
	}
	// the title after the name: the person takes its country and sector
	runCodes(t, []codeCase{
		{"West Africa", "2024-06-06", "Thomas Oppong-Peprah, Ghana's chief of defence staff, visited Tamale on Monday.", "Thomas Oppong-Peprah", "GHAMIL"},
		{"East Africa", "2024-06-06", "Japhet Koome, Kenya's police chief, visited Eldoret on Monday.", "Japhet Koome", "KENCOP"},
	})
}

// A person whose title the dictionaries list with the name ("Pope
// Francis", "King Juan Carlos"), where the name alone is no entry: the
// entity stage took the title for a role, and the name with its title
// is looked up.
func TestTitleListedWithName(t *testing.T) {
	runCodes(t, []codeCase{
		{"Europe", "2024-06-06", "Pope Francis met the Ukrainian president at the Vatican.", "Francis", "VATGOV"},
		{"Europe", "2010-06-06", "King Juan Carlos visited Morocco last week.", "Juan Carlos", "ESPGOV"},
	})
}

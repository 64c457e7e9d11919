package actors_test

import "testing"

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
	// a title before or beside a person's name describes the person; a
	// title of a body ("the EU's") or of no country is no actor
	runNoCodes(t, []codeCase{
		{"East Africa", "2024-06-06", "The police chief said the curfew would be lifted.", "police chief", ""},
		{"Europe", "2024-06-06", "The EU's foreign policy chief urged restraint in the region.", "foreign policy chief", ""},
		{"Southeast Asia", "2024-06-06", "Thailand's police chief, Somchai Wongsawat, resigned on Friday.", "police chief", ""},
	})
}

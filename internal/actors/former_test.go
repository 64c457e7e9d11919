package actors_test

import "testing"

// A title marked as held before ("former", "ex-": lexicon/entities/
// former.tsv) codes its holder as the country's elite (ELI), not with
// the title's sector, unless a dated dictionary role of the person
// covers the article's date; a word that only dates the title ("then")
// keeps its sector.
func TestFormerTitles(t *testing.T) {
	runCodes(t, []codeCase{
		{"West Africa", "2024-06-06", "Nigeria's former president, Olusegun Obasanjo, said on Monday that elections must be free.", "Olusegun Obasanjo", "NGAELI"},
		{"West Africa", "2015-05-05", "Olusegun Obasanjo, a former army general, told Nigerian voters in Abuja to stay calm.", "Olusegun Obasanjo", "NGAELI"},
		{"Latin America", "2024-06-06", "Former Peruvian president Pedro Castillo was arrested in Lima.", "Pedro Castillo", "PERELI"},
		{"East Africa", "2024-06-06", "The ex-defence minister of Kenya met opposition leaders in Nairobi.", "ex-defence minister", "KENELI"},
		{"South Asia", "2024-06-06", "Ahmed Raza, a former army chief of Pakistan, said the border was calm.", "Ahmed Raza", "PAKELI"},
		{"Europe", "2024-06-06", "Poland's former foreign minister criticised the government in Warsaw.", "foreign minister", "POLELI"},
		{"West Africa", "2024-06-06", "Ghana's ex-finance minister, Ken Ofori-Atta, left Accra last year.", "Ken Ofori-Atta", "GHAELI"},
		{"Latin America", "2024-06-06", "Brazil's former defence minister, Jose Mucio, visited Manaus on Monday.", "Jose Mucio", "BRAELI"},
		{"Southeast Asia", "", "Thailand's former prime minister, Somchai Wongsawat, returned to Bangkok on Sunday.", "Somchai Wongsawat", "THAELI"},
	})
	// a dated role on the article's date wins over "former"
	runCodes(t, []codeCase{
		{"West Africa", "2003-05-05", "Olusegun Obasanjo, a former army general, told Nigerian voters in Abuja to stay calm.", "Olusegun Obasanjo", "NGAGOV"},
		{"West Africa", "2003-05-05", "Nigeria's former military ruler, Olusegun Obasanjo, opened a clinic in Abeokuta.", "Olusegun Obasanjo", "NGAGOV"},
	})
	// "then" dates the title: its holder keeps the title's sector
	runCodes(t, []codeCase{
		{"East Africa", "2024-06-06", "The then defence minister of Kenya met opposition leaders in Nairobi.", "defence minister", "KENGOV"},
		{"East Africa", "2024-06-06", "Kenya's then police chief, Joseph Boinnet, ordered an inquiry in Mombasa.", "Joseph Boinnet", "KENCOP"},
		{"Europe", "2024-06-06", "Poland's foreign minister criticised the government in Warsaw.", "foreign minister", "POLGOV"},
	})
}

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

// A title that names its country after "of" and stands before its
// holder's name, with or without a comma ("a former interior minister of
// Iraq, X"; "Finance Minister of Ghana X"), codes the holder with that
// country and the title's sector, or ELI when a former.tsv word marks
// it; the title is a mention of the person, no actor of its own.
func TestTitleOfCountryBeforeName(t *testing.T) {
	runCodes(t, []codeCase{
		{"Middle East", "2024-06-06", "A former interior minister of Iraq, Karim Haddad, said the talks in Baghdad had failed.", "Karim Haddad", "IRQELI"},
		{"Middle East", "2024-06-06", "A former interior minister of Iraq, Karim Haddad, said the talks in Baghdad had failed.", "interior minister", "IRQELI"},
		{"Latin America", "2024-06-06", "The former defence minister of Peru, Luis Aranibar, said the army would stay in its barracks.", "Luis Aranibar", "PERELI"},
		{"West Africa", "2024-06-06", "Former finance minister of Ghana Kwabena Asante-Mensah warned that the debt talks would drag on.", "Kwabena Asante-Mensah", "GHAELI"},
		{"South Asia", "2024-06-06", "An ex-prime minister of Pakistan, Tariq Durrani, was arrested in Lahore on Monday.", "Tariq Durrani", "PAKELI"},
		{"Southeast Asia", "2024-06-06", "A one-time foreign minister of the Philippines, Ramon Dizon, urged talks over the shoal.", "Ramon Dizon", "PHLELI"},
		{"East Asia", "2024-06-06", "A former minister of Japan, Kenji Moriyama, visited Seoul on Friday.", "Kenji Moriyama", "JPNELI"},
		// "then" only dates the title; no former word: the title's sector
		{"Europe", "2024-06-06", "The then interior minister of France, Pierre Lemarchand, ordered the raid in Marseille.", "Pierre Lemarchand", "FRAGOV"},
		{"East Africa", "2024-06-06", "The defence minister of Uganda, Moses Okello, inspected troops in Gulu.", "Moses Okello", "UGAGOV"},
	})
	// a dated role of the dictionaries on the article's date wins
	runCodes(t, []codeCase{
		{"Russia", "2012-05-01", "A former foreign minister of Russia, Sergei Lavrov, said the talks had failed.", "Sergei Lavrov", "RUSGOV"},
	})
}

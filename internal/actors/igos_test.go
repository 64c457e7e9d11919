package actors_test

import "testing"

// Intergovernmental bodies the Phoenix files lack or list by one name
// only (lexicon/actors/actors.txt): UN agencies and regional bodies by
// full name and by acronym. An acronym the entity stage placed in the
// country of its sentence ("the ILO urged Dhaka") takes the body's code.
func TestIGONamesAndAcronyms(t *testing.T) {
	runCodes(t, []codeCase{
		{"Africa", "2021-06-01", "The FAO warned that locusts were spreading across northern Kenya.", "FAO", "IGOUNOAGRFAO"},
		{"Africa", "2021-06-01", "The Food and Agriculture Organization sent seed to farmers in Malawi.", "Food and Agriculture Organization", "IGOUNOAGRFAO"},
		{"Asia", "2021-06-01", "The ILO urged Bangladesh to raise the minimum wage for garment workers.", "ILO", "IGOUNOLABILO"},
		{"Africa", "2021-06-01", "UNESCO added the old town of Djenne in Mali to its danger list.", "UNESCO", "IGOUNODEV"},
		{"Middle East", "2021-06-01", "The OPCW sent inspectors to Douma in Syria.", "OPCW", "IGO"},
		{"Americas", "2021-06-01", "CELAC leaders gathered in Havana to discuss migration.", "CELAC", "IGOLAM"},
		{"Americas", "2021-06-01", "The Inter-American Development Bank lent Peru 300 million dollars.", "Inter-American Development Bank", "IGONAMDEV"},
		{"Americas", "2021-06-01", "CARICOM observers monitored the vote in Guyana.", "CARICOM", "IGOCRB"},
		{"Americas", "2014-06-01", "UNASUR sent a mission to Caracas.", "UNASUR", "IGOSAM"},
		{"Europe", "2021-06-01", "The European Central Bank raised interest rates on Thursday.", "European Central Bank", "IGOEUREEC"},
		{"Africa", "2021-06-01", "The International Organization for Migration flew stranded migrants home from Libya.", "International Organization for Migration", "IGOUNOREF"},
		{"Asia", "2021-06-01", "The IOM registered Rohingya families arriving in Cox's Bazar.", "IOM", "IGOUNOREF"},
		{"Asia", "2021-06-01", "UNCTAD warned that debt was crushing poor countries in South Asia.", "UNCTAD", "IGOUNOBUS"},
		{"Africa", "2021-06-01", "The International Fund for Agricultural Development lent Niger money for wells.", "International Fund for Agricultural Development", "IGOUNOAGR"},
		{"Asia", "2021-06-01", "UNODC said opium cultivation in Myanmar had risen sharply.", "UNODC", "IGOUNOCOP"},
		{"Africa", "2023-06-01", "ATMIS handed two bases near Baidoa to the Somali army.", "ATMIS", "IGOAFRAFU"},
		{"Americas", "2021-06-01", "SICA leaders met in Panama City to discuss migration.", "SICA", "IGOLAM"},
		{"Europe", "2021-06-01", "Europol said police in Spain had arrested twelve smugglers.", "Europol", "IGOEUREEC"},
		{"Middle East", "2021-06-01", "The Arab Monetary Fund lent Jordan money for its budget.", "Arab Monetary Fund", "IGOMEAAMF"},
		{"Asia", "2021-06-01", "The AIIB approved a loan for a metro line in Dhaka.", "AIIB", "IGOASADEV"},
		{"Europe", "2021-06-01", "The European Court of Human Rights ruled against Azerbaijan.", "European Court of Human Rights", "IGOEURCOE"},
		{"Africa", "2021-06-01", "The ICAO audited the airports of Nigeria.", "ICAO", "IGOUNOBUS"},
	})
}

// Armed groups whose Phoenix code names another country or only a
// region, corrected in the overlay with dated roles where the name
// passed from one group to another.
func TestArmedGroupCountries(t *testing.T) {
	runCodes(t, []codeCase{
		{"Middle East", "2021-06-01", "Islamic Jihad fired rockets from Gaza into southern Israel.", "Islamic Jihad", "PSEREB"},
		{"Middle East", "2019-11-12", "Palestinian Islamic Jihad vowed revenge for the strike in Gaza.", "Islamic Jihad", "PSEREB"},
		{"Middle East", "1986-06-01", "Islamic Jihad released a French hostage in Beirut.", "Islamic Jihad", "LBNREB"},
		{"Middle East", "2021-06-01", "The PFLP claimed the shooting near Jenin.", "PFLP", "PSEREB"},
		{"Middle East", "2023-12-01", "Ansar Allah seized a cargo ship in the Red Sea.", "Ansar Allah", "YEMREB"},
		{"Middle East", "2003-06-01", "Ansar Allah gunmen clashed with rivals in Ain al-Hilweh near Sidon.", "Ansar Allah", "LBNREB"},
		{"Europe", "1985-12-28", "The Abu Nidal Organization attacked the check-in counters at the airport in Vienna.", "Abu Nidal Organization", "PSEREB"},
		{"Africa", "2008-03-01", "The Oromo Liberation Front ambushed a convoy near Nekemte.", "Oromo Liberation Front", "ETHREB"},
		{"Africa", "2020-03-01", "The OLF accused the ruling party of jailing its candidates.", "OLF", "ETHOPP"},
		{"Africa", "2007-04-24", "The ONLF attacked an oil field in the Somali region.", "ONLF", "ETHREB"},
		{"Africa", "2022-06-01", "The Oromo Liberation Army ambushed a bus near Gimbi.", "Oromo Liberation Army", "ETHREB"},
	})
}

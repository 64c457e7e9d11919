package actors_test

import "testing"

// sitrep's agents (lexicon/actors/agents.txt), nouns the Phoenix agents
// table lacks, combine with the country named with them, as the
// Phoenix agents do.
func TestOwnAgentsWithCountry(t *testing.T) {
	runCodes(t, []codeCase{
		{"Americas", "2021-06-01", "Colombian negotiators met the guerrilla commanders in Havana.", "negotiators", "COLGOV"},
		{"Africa", "2021-06-01", "Ugandan peacekeepers patrolled the port of Mogadishu.", "peacekeepers", "UGAMIL"},
		{"Asia", "2021-06-01", "A Chinese delegation arrived in Islamabad for talks on the corridor.", "delegation", "CHNGOV"},
		{"Africa", "2021-06-01", "A delegation from Ghana walked out of the summit.", "delegation", "GHAGOV"},
		{"Middle East", "2021-06-01", "Qatari mediators shuttled between the two sides in Doha.", "mediators", "QATGOV"},
		{"Europe", "2021-06-01", "Russian spies were expelled from the Netherlands.", "spies", "RUSSPY"},
		{"Africa", "2021-06-01", "Nigerian herders drove their cattle south into Benue.", "herders", "NGAAGR"},
		{"Americas", "2021-06-01", "Chilean miners went on strike at the copper mine.", "miners", "CHLLAB"},
		{"Asia", "2021-06-01", "Indian paratroopers landed near the border.", "paratroopers", "INDMIL"},
	})
}

// Without a country named with them they name no actor, whatever their
// sector: peacekeepers in Mali are not Mali's.
func TestOwnAgentsNeedCountry(t *testing.T) {
	runNoCodes(t, []codeCase{
		{"Africa", "2021-06-01", "Peacekeepers came under fire near Gao in Mali.", "Peacekeepers", ""},
		{"Americas", "2021-06-01", "Researchers said the virus spread quickly in Brazil.", "Researchers", ""},
		{"Europe", "2021-06-01", "Negotiators worked through the night in Geneva.", "Negotiators", ""},
		{"Asia", "2021-06-01", "The delegation toured a factory near Hanoi.", "delegation", ""},
		{"Middle East", "2021-06-01", "Mediators in Cairo proposed a new truce.", "Mediators", ""},
	})
}

package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestPlaceLists: a name listed with first-level divisions of one country
// is a division of that country, even where the name alone is a capital,
// a country or a bigger town elsewhere; listed with countries it is a
// country.
func TestPlaceLists(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"US states with a capital's name", "Recalls reached stores in [[LOC Idaho]], [[LOC Montana]], [[LOC Washington]] and [[LOC Oregon]].",
			[]wantPlace{{name: "Washington", country: "USA", precision: "division", lat: 47.4, lon: -120.5, maxKM: 161}}},
		{"a state after states", "Tornado warnings covered [[LOC Kansas]], [[LOC Michigan]] and [[LOC Wyoming]] until midnight.",
			[]wantPlace{{name: "Wyoming", country: "USA", precision: "division", lat: 43, lon: -107.5, maxKM: 161}}},
		{"Canadian provinces", "Cases were confirmed in [[LOC Alberta]], [[LOC Quebec]] and [[LOC New Brunswick]] last month.",
			[]wantPlace{{name: "New Brunswick", country: "CAN", precision: "division", lat: 46.5, lon: -66.2, maxKM: 161}}},
		{"Australian states", "Schools shut in [[LOC Queensland]], [[LOC Victoria]] and [[LOC Tasmania]] as the storm moved south.",
			[]wantPlace{{name: "Victoria", country: "AUS", precision: "division"}}},
		{"Nigerian states", "Flood victims in [[LOC Kwara]], [[LOC Niger]] and [[LOC Kogi]] need shelter.",
			[]wantPlace{{name: "Niger", country: "NGA", precision: "division"}}},
		{"countries stay countries", "Vaccinators will visit [[LOC Ghana]], [[LOC Niger]], [[LOC Nigeria]] and [[LOC Togo]] this year.",
			[]wantPlace{{name: "Niger", country: "NER", precision: "country"}}},
		{"states listed are no qualifiers", "Storms battered [[LOC Texas]], [[LOC Louisiana]] and [[LOC Mississippi]].",
			[]wantPlace{{name: "Texas", country: "USA", precision: "division"}}},
	})
	// a state listed before a state is not qualified by it
	art := analyse(t, "", nil, "Storms battered Texas, Louisiana and Mississippi.")
	if e := findEntity(art, "Texas", "PLACE"); e == nil || e.Basis == "qualifier" {
		t.Errorf("Texas before Louisiana: %+v, want a basis other than qualifier", e)
	}
}

// TestDivisionQualifier: a country's name after "Town," is the division
// of that name the town lies in.
func TestDivisionQualifier(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"a US state named like a country", "Samples went to a laboratory in [[LOC Atlanta]], [[LOC Georgia]], for tests.",
			[]wantPlace{{name: "Georgia", country: "USA", basis: "qualifier", precision: "division", lat: 32.7, lon: -83.4, maxKM: 161},
				{name: "Atlanta", country: "USA", lat: 33.75, lon: -84.39, maxKM: 20}}},
		{"a Mexican state", "Police in [[LOC Toluca]], [[LOC Mexico]], arrested two suspects.",
			[]wantPlace{{name: "Toluca", country: "MEX", lat: 19.29, lon: -99.66, maxKM: 30}}},
		{"a Belgian province", "Snow closed the roads around [[LOC Arlon]], [[LOC Luxembourg]], on Friday.",
			[]wantPlace{{name: "Arlon", country: "BEL", lat: 49.68, lon: 5.82, maxKM: 30}}},
		{"a Nigerian state", "Traders in [[LOC Minna]], [[LOC Niger]], reported fuel shortages.",
			[]wantPlace{{name: "Minna", country: "NGA", lat: 9.61, lon: 6.56, maxKM: 30}}},
	})
}

// TestContainedIn: "X in Y" chooses the reading of X inside Y.
func TestContainedIn(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"a Scottish town", "Farmers gathered at the market in [[LOC Perth]] in [[LOC Scotland]] on Monday.",
			[]wantPlace{{name: "Perth", country: "GBR", lat: 56.4, lon: -3.43, maxKM: 30}}},
		{"an Ontario city", "A factory in [[LOC London]] in [[LOC Ontario]] will close next year.",
			[]wantPlace{{name: "London", country: "CAN", lat: 42.98, lon: -81.25, maxKM: 30}}},
		{"a Pakistani city", "Heavy rain flooded streets in [[LOC Hyderabad]] in [[LOC Sindh]] province.",
			[]wantPlace{{name: "Hyderabad", country: "PAK", lat: 25.39, lon: 68.37, maxKM: 30}}},
		{"a Spanish city", "The museum in [[LOC Merida]] in [[LOC Spain]] reopened.",
			[]wantPlace{{name: "Merida", country: "ESP", lat: 38.92, lon: -6.34, maxKM: 30}}},
	})
}

// TestLaterContext: places named later in the article choose between
// namesakes too.
func TestLaterContext(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"an Alabama city", "A tornado tore through [[LOC Birmingham]] on Monday. Officials in [[LOC Alabama]] declared an emergency.",
			[]wantPlace{{name: "Birmingham", country: "USA", lat: 33.52, lon: -86.8, maxKM: 30}}},
		{"a Pakistani city", "Cholera spread in [[LOC Hyderabad]] this week. Hospitals across [[LOC Sindh]] were full.",
			[]wantPlace{{name: "Hyderabad", country: "PAK", lat: 25.39, lon: 68.37, maxKM: 30}}},
		{"a Venezuelan city", "Protesters filled the streets of [[LOC Valencia]] on Sunday. The governor of [[LOC Carabobo]] called for calm.",
			[]wantPlace{{name: "Valencia", country: "VEN", lat: 10.16, lon: -68, maxKM: 30}}},
		{"an Australian town", "Floods hit homes in [[LOC Ipswich]] overnight. Emergency crews from across [[LOC Queensland]] arrived at dawn.",
			[]wantPlace{{name: "Ipswich", country: "AUS", lat: -27.6, lon: 152.76, maxKM: 30}}},
	})
}

// TestStateOf: "the state of X" is the division even where X alone is a
// capital or a country.
func TestStateOf(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"a US state", "The first case was found on a farm in the state of [[LOC Washington]].",
			[]wantPlace{{name: "Washington", country: "USA", precision: "division", lat: 47.4, lon: -120.5, maxKM: 161}}},
		{"an Australian state", "Bushfires raged across the state of [[LOC Victoria]] on Saturday.",
			[]wantPlace{{name: "Victoria", country: "AUS", precision: "division"}}},
		{"a Mexican state", "Gunmen killed four police officers in the state of [[LOC Mexico]] overnight.",
			[]wantPlace{{name: "México", country: "MEX", precision: "division", lat: 19.35, lon: -99.6, maxKM: 161}}},
		{"a Nigerian state", "Bandits abducted pupils in the state of [[LOC Niger]] last week.",
			[]wantPlace{{name: "Niger", country: "NGA", precision: "division"}}},
	})
}

// TestFormerDivisions: the names of divisions before a merger or a
// renaming, which news archives use, find the division that holds them
// now.
func TestFormerDivisions(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"a French region before 2016", "Farmers in [[LOC Alsace]] and [[LOC Picardy]] blocked roads with tractors.",
			[]wantPlace{{name: "Grand Est", country: "FRA", precision: "division"}, {name: "Hauts-de-France", country: "FRA"}}},
		{"Norwegian counties before 2020", "Poultry in [[LOC Vestfold]] and [[LOC Hedmark]] must be kept indoors.",
			[]wantPlace{{name: "Vestfold og Telemark", country: "NOR", precision: "division"}, {name: "Innlandet", country: "NOR"}}},
		{"an Indian state renamed", "A cyclone made landfall in [[LOC Orissa]] on Friday.",
			[]wantPlace{{name: "Odisha", country: "IND", precision: "division"}}},
		{"a Pakistani province renamed", "Militants attacked a checkpoint in the [[LOC North-West Frontier Province]].",
			[]wantPlace{{name: "Khyber Pakhtunkhwa", country: "PAK", precision: "division"}}},
		{"an Indonesian province renamed", "Separatists in [[LOC Irian Jaya]] raised their flag.",
			[]wantPlace{{name: "Papua", country: "IDN", precision: "division"}}},
	})
}

// TestCountyQualifier: "Town, County" qualifies the town by a
// second-level division, which is a place of its own.
func TestCountyQualifier(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"an English county", "A cow at a farm near [[LOC Ipswich]], [[LOC Suffolk]], tested positive.",
			[]wantPlace{{name: "Ipswich", country: "GBR", basis: "qualifier", lat: 52.06, lon: 1.16, maxKM: 20}, {name: "Suffolk", country: "GBR", basis: "qualifier"}}},
		{"a US county", "Police in [[LOC Springfield]], [[LOC Sangamon County]], arrested two men.",
			[]wantPlace{{name: "Springfield", country: "USA", lat: 39.8, lon: -89.64, maxKM: 20}, {name: "Sangamon County", country: "USA", basis: "qualifier"}}},
		{"an Irish county", "Cattle were moved from [[LOC Dingle]], [[LOC Kerry]] to the market.",
			[]wantPlace{{name: "Dingle", country: "IRL", basis: "qualifier"}, {name: "Kerry", country: "IRL", basis: "qualifier"}}},
		{"a French department", "Cheese makers near [[LOC Bayeux]], [[LOC Calvados]] protested on Monday.",
			[]wantPlace{{name: "Bayeux", country: "FRA", basis: "qualifier"}, {name: "Calvados", country: "FRA", basis: "qualifier"}}},
		{"a Philippine province ('Province of Cebu' in GeoNames)", "The mayor of [[LOC Toledo]], [[LOC Cebu]] resigned on Friday.",
			[]wantPlace{{name: "Toledo", country: "PHL", basis: "qualifier", lat: 10.38, lon: 123.64, maxKM: 20}, {name: "Cebu", country: "PHL", basis: "qualifier"}}},
	})
}

// TestQualifiedUnknownTown: a town the gazetteer lacks, qualified by a
// division, is a place in that division without a point, not its
// namesake abroad.
func TestQualifiedUnknownTown(t *testing.T) {
	art := checkAnnotated(t, "He will appear in a [[LOC Bradford]], [[LOC Ontario]] court in May.")
	e := findEntity(art, "Bradford", "PLACE")
	if e == nil || model.Deref(e.Country) != "CAN" || e.Lat != nil || e.Basis != "qualifier" {
		t.Errorf("Bradford, Ontario: %+v, want a Canadian place without a point", e)
	}
}

// TestPlainSpellings: places whose names have letters with no plain
// decomposition (ł, ı, ø, đ) are found by the plain spelling English
// news uses.
func TestPlainSpellings(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"a Polish city", "Workers marched in [[LOC Lodz]] on Monday.",
			[]wantPlace{{name: "Lodz", country: "POL", lat: 51.77, lon: 19.47, maxKM: 20}}},
		{"a Turkish town", "Floods hit homes in [[LOC Dogubayazit]] near the border.",
			[]wantPlace{{name: "Dogubayazit", country: "TUR", lat: 39.55, lon: 44.08, maxKM: 20}}},
		{"a Norwegian city", "Snow closed the airport in [[LOC Tromso]].",
			[]wantPlace{{name: "Tromso", country: "NOR", lat: 69.65, lon: 18.96, maxKM: 20}}},
		{"a Vietnamese city", "Textile workers went on strike in [[LOC Nam Dinh]] on Sunday.",
			[]wantPlace{{name: "Nam Định", country: "VNM", lat: 20.3, lon: 106.2, maxKM: 60}}},
	})
}

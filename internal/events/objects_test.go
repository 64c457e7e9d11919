package events

import "testing"

// runObjects checks each case both with every sentence parsed and as the
// pipeline codes it (runPipeline: codePipeline, groups_test.go).
func runObjects(t *testing.T, cases []construction) {
	t.Helper()
	runConstructions(t, cases)
	runPipeline(t, cases)
}

// runPipeline checks each case as the pipeline codes it (codePipeline):
// the actors stage, then only the sentences with a window gap parsed.
func runPipeline(t *testing.T, cases []construction) {
	t.Helper()
	for _, tc := range cases {
		t.Run("pipeline/"+tc.body, func(t *testing.T) { tc.check(t, codePipeline(t, tc.body)) })
	}
}

// The target is the verb's object from the arcs, even past a phrase set
// off by commas that the window reading stops at (the parse hangs the
// object on the aside; objectAfterAside mends it).
func TestArcObjectAfterAside(t *testing.T) {
	runObjects(t, []construction{
		{"Chile criticised, for the third time this month, Peru's fishing quotas.", want{"11", "CHL", "PER", ""}, nil},
		{"Senegal condemned, in a strongly worded note, Gambia's closure of the crossing.", want{"11", "SEN", "GMB", ""}, nil},
		{"Vietnam summoned, early on Monday, China's ambassador in Hanoi.", want{"114", "VNM", "CHN", ""}, nil},
		{"Lithuania accused, in a report to the OSCE, Belarus of flying balloons over the border.", want{"112", "LTU", "BLR", ""}, nil},
		{"Fiji thanked, in a statement on Tuesday, New Zealand for its help after the cyclone.", want{"05", "FJI", "NZL", ""}, nil},
		{"Armenia praised, without naming any other country, Georgia's decision to reopen the road.", want{"05", "ARM", "GEO", ""}, nil},
	})
}

// The object's own phrase decides, not the first name after the verb: a
// place after the object is where, a demonym in it is whose; a role
// noun's "of" phrase names its country; an object's "to" phrase may name
// the target ("granted concessions to Y").
func TestArcObjectPhrase(t *testing.T) {
	runObjects(t, []construction{
		{"Morocco summoned a senior Algerian envoy in Rabat on Tuesday.", want{"114", "MAR", "DZA", ""}, []want{{"", "MAR", "MARGOV", ""}}},
		{"Kenya expelled two Somali officials based in Nairobi.", want{"16", "KEN", "SOM", ""}, []want{{"", "KEN", "KENGOV", ""}}},
		{"Bolivia expelled the ambassador of Peru after the vote.", want{"16", "BOL", "PER", ""}, nil},
		{"Kenya summoned the envoy of Somalia over the maritime dispute.", want{"114", "KEN", "SOM", ""}, nil},
		{"Ukraine criticised the leaders of Hungary for blocking the aid package.", want{"11", "UKR", "HUN", ""}, nil},
		{"India supplied diesel and rice to Sri Lanka on credit.", want{"07", "IND", "LKA", ""}, nil},
		{"Ghana gave emergency food aid to Burkina Faso.", want{"07", "GHA", "BFA", ""}, nil},
		{"Protesters in Chile tried to storm the Argentine consulate in Santiago.", want{"19", "CHL", "ARG", ""}, []want{{"", "CHL", "CHLGOV", ""}}},
	})
}

// Guards against misread objects: a noun after a prepositional phrase is
// the preposition's, not the verb's object ("seized last year from Y's
// soldiers": Y is no target), and so is one whose words before it hold a
// preposition ("accused Y of arming rebels in Z"); a possessive pronoun
// names no target.
func TestArcObjectGuards(t *testing.T) {
	runObjects(t, []construction{
		{"The militia said it would hand back rifles seized last year from Nigerian soldiers.", want{}, []want{{"17", "", "NGA", ""}}},
		{"Rebels in Chad agreed to return vehicles taken in May from Sudanese traders.", want{}, []want{{"17", "", "SDN", ""}}},
		{"Ecuador said it would defend its territory against any incursion.", want{}, []want{{"", "ECU", "ECU", ""}}},
		{"Poland condemned the attack on its embassy in Minsk.", want{"11", "POL", "", ""}, []want{{"", "POL", "POL", ""}}},
		{"Rwanda accused Burundi of sheltering militias in South Kivu.", want{"112", "RWA", "BDI", ""}, []want{{"", "RWA", "COD", ""}}},
		{"Vietnam accused China of arming rebels in Myanmar.", want{"112", "VNM", "CHN", ""}, []want{{"", "VNM", "MMR", ""}}},
	})
}

// An amount of people ("dozens of protesters", "hundreds of Eritrean
// prisoners") is the people counted, as an object as well as a subject.
func TestArcObjectAmountOf(t *testing.T) {
	runObjects(t, []construction{
		{"Kenyan police arrested hundreds of demonstrators in Nairobi.", want{"17", "KENCOP", "KENOPP", ""}, nil},
		{"Thai soldiers detained dozens of Cambodian workers near the border.", want{"17", "THA", "KHM", ""}, nil},
		{"Venezuelan troops detained scores of Colombian smugglers on Friday.", want{"17", "VEN", "COL", ""}, nil},
		{"Pakistani police rounded up dozens of Afghan refugees in Karachi.", want{"17", "PAK", "AFG", ""}, nil},
		{"Georgian riot police dispersed thousands of protesters in Tbilisi.", want{"17", "GEO", "GEOOPP", ""}, nil},
	})
}

// A body or group "in PLACE" is the actor when it belongs to the place's
// country ("police in Lagos", "students in Caracas"), not the place or
// the capital's government; a past tense the tagger read as an
// adjective of the object ("soldiers in Mali detained two journalists",
// parsed as a nominal predicate) still heads its clause.
func TestGroupInPlace(t *testing.T) {
	runPipeline(t, []construction{
		{"Soldiers in Mali detained two French journalists.", want{"17", "MLIMIL", "FRA", ""}, nil},
		{"Police in Lagos arrested four Ghanaian traders.", want{"17", "NGACOP", "GHA", ""}, []want{{"", "NGAGOV", "", ""}}},
		{"Guards in Tehran detained three British sailors.", want{"17", "IRN", "GBR", ""}, []want{{"", "IRNGOV", "", ""}}},
		{"Students in Caracas condemned the government.", want{"111", "VENEDU", "VENGOV", ""}, []want{{"", "VENGOV", "VENGOV", ""}}},
		{"Officials in Hanoi criticised China's coast guard.", want{"111", "VNMGOV", "CHN", ""}, nil},
	})
}

// A place after the object's phrase is where, not whom: "met the leaders
// of the striking miners in Antofagasta" has no target in the city's
// government, nor "arrested a gang leader in Mombasa".
func TestArcObjectPlaceIsWhere(t *testing.T) {
	runObjects(t, []construction{
		{"Chile's president met the leaders of the striking miners in Antofagasta.", want{"04", "CHL", "", ""}, []want{{"", "", "CHLGOV", ""}}},
		{"Kenyan police arrested a gang leader in Mombasa.", want{"17", "KENCOP", "", ""}, []want{{"", "", "KENGOV", ""}}},
		{"Haitian police detained a militia commander in Port-de-Paix.", want{"17", "HTI", "", ""}, []want{{"", "", "HTIGOV", ""}}},
		{"Bolivia's president received the heads of the farmers' unions in La Paz.", want{"", "BOL", "", ""}, []want{{"", "", "BOLGOV", ""}}},
		{"Thai police questioned the owner of a fishing fleet in Songkhla.", want{"", "THA", "", ""}, []want{{"", "", "THAGOV", ""}}},
	})
}

// A group noun as the object ("killed 23 villagers", "arrested
// protesters") names the group of the country its phrase or the
// sentence's place names, as a group subject does; a sentence whose
// window reading finds no target there is parsed for it.
func TestArcObjectGroup(t *testing.T) {
	runPipeline(t, []construction{
		{"Police in Kenya arrested protesters on Friday.", want{"17", "KENCOP", "KENOPP", ""}, nil},
		{"Myanmar troops detained seven students in Mandalay.", want{"17", "MMRMIL", "MMREDU", ""}, nil},
		{"Al-Shabaab fighters killed 12 villagers near Beledweyne.", want{"18", "SOM", "SOMCVL", ""}, nil},
		{"Tunisian police detained 20 protesters in Sfax.", want{"17", "TUNCOP", "TUNOPP", ""}, nil},
		{"Nicaraguan police arrested 15 students in Managua.", want{"17", "NICCOP", "NICEDU", ""}, nil},
		{"Gunmen abducted 25 students from a college in Katsina.", want{"18", "NGAUAF", "NGAEDU", ""}, nil},
		{"Mexican soldiers killed nine suspected cartel gunmen in a clash in Michoacan.", want{"18", "MEXMIL", "MEXUAF", ""}, nil},
	})
}

// An object that names no actor belongs to the one its "of" phrase or
// its participle's "by" agent names ("shelled positions held by Eritrean
// troops", "praised the courage of the Ukrainian people"); a sentence
// whose window reading has no target there is parsed for it.
func TestArcObjectOwner(t *testing.T) {
	runPipeline(t, []construction{
		{"Ethiopia has shelled positions held by Eritrean troops near Zalambessa.", want{"19", "ETH", "ERI", ""}, nil},
		{"Poland praised the courage of the Ukrainian people.", want{"05", "POL", "UKR", ""}, nil},
		{"Chile welcomed the appointment of a Peruvian diplomat as UN envoy.", want{"0", "CHL", "PER", ""}, nil},
		{"Israeli aircraft struck depots controlled by Hezbollah in southern Lebanon.", want{"19", "ISR", "LBN", ""}, nil},
		{"Kenya condemned the detention of two Somali journalists.", want{"111", "KEN", "SOM", ""}, nil},
	})
}

// A thing attacked that names no actor belongs to the people a
// participle of carrying or sheltering takes (words.tsv carrierVerbs):
// they are whom the act was aimed at.
func TestArcObjectCarriedPeople(t *testing.T) {
	runObjects(t, []construction{
		{"Militants attacked a bus carrying villagers in Srinagar.", want{"19", "IND", "INDCVL", ""}, nil},
		{"Gunmen ambushed a convoy transporting Malian soldiers near Gao.", want{"19", "MLIUAF", "MLIMIL", ""}, nil},
		{"Warplanes bombed a school sheltering displaced families in Gaza.", want{"19", "", "PSE", ""}, nil},
		{"Rebels shelled a ferry carrying refugees on Lake Kivu near Goma.", want{"19", "COD", "CODREF", ""}, nil},
		{"Gunmen attacked a minibus carrying Kenyan police officers near Mandera.", want{"19", "KENUAF", "KENCOP", ""}, nil},
		// a participle of another kind lends its object nothing
		{"Turkey criticised a report accusing Ankara of torture.", want{"111", "TUR", "-", ""}, []want{{"111", "TUR", "TUR", ""}}},
	})
}

// Taking ground from someone (classes.tsv "from" on 192): the one it was
// taken from is the target; "recapture" and "retake" are occupations as
// "capture" and "seize" are.
func TestCaptureFrom(t *testing.T) {
	runObjects(t, []construction{
		{"Somali forces recaptured the town from al-Shabaab.", want{"192", "SOMMIL", "SOMREB", ""}, nil},
		{"Russian forces captured the village from Ukrainian troops after weeks of shelling.", want{"192", "RUS", "UKR", ""}, nil},
		{"Ethiopian troops retook the airport from Tigrayan forces on Sunday.", want{"192", "ETH", "", ""}, nil},
		{"Colombian soldiers seized the base from FARC dissidents in Cauca.", want{"192", "COL", "COL", ""}, nil},
		{"Malian soldiers recaptured the district from militants near Mopti.", want{"192", "MLI", "MLIUAF", ""}, nil},
	})
}

// Taking a place named right after the verb is an occupation (verbs.txt
// "@place"), not an arrest or a seizure of goods; the place must be the
// object, not a place after it.
func TestCapturePlaceName(t *testing.T) {
	runObjects(t, []construction{
		{"M23 rebels seized Goma in January.", want{"192", "CODREB", "", ""}, []want{{"171", "", "", ""}}},
		{"Taliban fighters captured Kunduz on Sunday.", want{"192", "AFG", "", ""}, []want{{"173", "", "", ""}}},
		{"Syrian rebels seized Aleppo after a lightning offensive.", want{"192", "SYR", "", ""}, []want{{"171", "", "", ""}}},
		{"Sudanese paramilitaries captured the city of Wad Madani.", want{"192", "SDN", "", ""}, nil},
		{"Houthi fighters overran Sanaa in 2014.", want{"192", "YEM", "", ""}, nil},
		// a place after the object: the object's act
		{"Police captured two suspects in Lagos.", want{"173", "NGACOP", "", ""}, []want{{"192", "", "", ""}}},
		{"Customs officers seized cocaine in Guayaquil.", want{}, []want{{"192", "", "", ""}}},
	})
}

// Closing a border is an administrative restriction on the neighbour
// (CAMEO 172, as Phoenix's "CLOSE BORDER"); reopening one eases it
// (081): the border's "with" phrase names the target.
func TestBorderClosure(t *testing.T) {
	runObjects(t, []construction{
		{"Venezuela closed its border with Colombia on Friday.", want{"172", "VEN", "COL", ""}, nil},
		{"Poland sealed its border with Belarus.", want{"172", "POL", "BLR", ""}, nil},
		{"Chad closed its borders with Sudan after the clashes.", want{"172", "TCD", "SDN", ""}, nil},
		{"Thailand shut its border with Myanmar near Mae Sot.", want{"172", "THA", "MMR", ""}, nil},
		{"Uzbekistan reopened its border with Tajikistan in March.", want{"081", "UZB", "TJK", ""}, nil},
		{"Shops closed early in Kabul on Friday.", want{}, []want{{"172", "", "", ""}}},
	})
}

// A consultation needs a counterpart: a single body that meets with no
// object and no "with" phrase ("the cabinet met") holds its own meeting;
// a plural subject is many parties meeting, and a counterpart that names
// no actor is still one.
func TestMeetingNeedsPartner(t *testing.T) {
	runObjects(t, []construction{
		{"Israel's cabinet met on Sunday.", want{}, []want{{"04", "", "", ""}}},
		{"Kenya's cabinet met to discuss the budget.", want{}, []want{{"04", "", "", ""}}},
		{"Japan's parliament met in an emergency session.", want{}, []want{{"04", "", "", ""}}},
		{"African Union leaders met in Addis Ababa on Saturday.", want{"04", "IGOAFRAFU", "", ""}, nil},
		{"Chile's president met the leaders of the striking miners in Antofagasta.", want{"04", "CHL", "", ""}, nil},
		{"Brazil's president spoke with Maduro by phone.", want{"04", "BRA", "", ""}, nil},
	})
}

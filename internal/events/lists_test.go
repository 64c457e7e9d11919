package events

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// A list's last join is a conjunction ("X, Y and Z"). A name after a
// comma alone, at the end of the targets, is not another target: it
// describes the place before it ("in Sofia, Bulgaria") or speaks
// ("... Egypt and Syria, Lebanon's president said").
func TestTargetListEndsWithConjunction(t *testing.T) {
	runConstructions(t, []construction{
		{"Turkey criticised Egypt and Syria, Lebanon's foreign minister said on Monday.", want{"", "TUR", "SYR", ""}, []want{{"", "TUR", "LBN", ""}}},
		{"Kenya accused Uganda and Rwanda, Tanzania's president said.", want{"", "KEN", "RWA", ""}, []want{{"", "KEN", "TZA", ""}}},
		{"Chile condemned Peru and Bolivia, Argentina's foreign ministry said in a statement.", want{"", "CHL", "BOL", ""}, []want{{"", "CHL", "ARG", ""}}},
		{"Japan criticised China and North Korea, South Korea's defence ministry said.", want{"", "JPN", "PRK", ""}, []want{{"", "JPN", "KOR", ""}}},
		{"Norway praised Colombia and Ecuador, Brazil's president said on Friday.", want{"", "NOR", "ECU", ""}, []want{{"", "NOR", "BRA", ""}}},
		// a list with its conjunction keeps every item
		{"Egypt criticised Turkey, Syria and Lebanon on Monday.", want{"", "EGY", "LBN", ""}, nil},
		{"France condemned Mali, Niger and Burkina Faso over the expulsions.", want{"", "FRA", "NER", ""}, nil},
	})
}

// In dictionary mode the same holds for compound sources and targets: a
// name after a comma alone at the end of a list ("A and B, the X
// media said") is not an item, and a speaker after such a comma stands
// alone.
func TestDictionaryListEndsWithConjunction(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Ghana welcomed a resumption of talks between Mali and France, the Japan media said on Friday.", []petrarch.Coding{c("GHA", "MLI", "041"), c("GHA", "FRA", "041"), c("JPNMED", "---", "023")}, []petrarch.Coding{c("FRA", "---", "023"), c("MLI", "---", "023"), c("GHA", "JPNMED", "041")}},
		{"Nepal and India signed a water accord, Chile's president said on Tuesday.", []petrarch.Coding{c("CHLGOV", "---", "023")}, []petrarch.Coding{c("IND", "---", "023"), c("NPL", "---", "023"), c("CHLGOV", "IND", "081")}},
		{"Turkey criticized Egypt and Syria, Lebanon's president said.", []petrarch.Coding{c("TUR", "SYR", "122"), c("LBNGOV", "---", "023")}, []petrarch.Coding{c("SYR", "---", "023"), c("EGY", "---", "023")}},
		{"Kenya, Somalia and Egypt criticized Turkey, the Japan media said.", []petrarch.Coding{c("EGY", "TUR", "122"), c("JPNMED", "---", "023")}, []petrarch.Coding{c("TUR", "---", "023")}},
		{"Peru and Bolivia signed a border accord, Brazil's president said.", []petrarch.Coding{c("BRAGOV", "---", "023")}, []petrarch.Coding{c("BOL", "---", "023"), c("PER", "---", "023")}},
		{"Brazil, Norway and Vietnam signed an accord.", []petrarch.Coding{c("BRA", "---", "081"), c("NOR", "---", "081"), c("VNM", "---", "081")}, nil},
	})
}

package events

import "testing"

// A coordinated subject is read one conjunct at a time, each with its own
// modifiers (a demonym, a name, a group's name), and a symmetric act
// between the two makes each the other's target: the place where they
// fought is not the target, even a capital that codes its government.
// Both readings: every sentence parsed, and the pipeline's (only the
// sentences with a window gap parsed).
func TestCoordinatedSubjectsEachOther(t *testing.T) {
	runPipeline(t, []construction{
		{"Nigerian soldiers and Boko Haram fighters clashed near Maiduguri.", want{"19", "NGAMIL", "NGAREB", ""}, nil},
		{"Congolese soldiers and M23 rebels clashed near Goma.", want{"19", "CODREB", "CODMIL", ""}, nil},
		{"Yemeni troops and Houthi rebels clashed in Taiz.", want{"19", "YEMMIL", "YEMREB", ""}, nil},
		{"Venezuelan troops and Colombian guerrillas clashed in Apure.", want{"19", "VENMIL", "COLREB", ""}, nil},
		{"Mexican soldiers and cartel gunmen exchanged fire in Culiacan.", want{"19", "MEXUAF", "MEXMIL", ""}, nil},
		{"Israeli troops and Palestinian gunmen exchanged fire in Jenin.", want{"19", "ISRMIL", "PSEUAF", ""}, nil},
		// a bare second conjunct shares the first one's country
		{"Kenyan police and protesters clashed in Nairobi.", want{"19", "KENOPP", "KENCOP", ""}, []want{{"19", "", "KENGOV", ""}}},
		{"Peruvian police and demonstrators clashed in Lima.", want{"19", "PERCOP", "PEROPP", ""}, []want{{"19", "", "PERGOV", ""}}},
		{"Bangladeshi police and students clashed in Dhaka.", want{"19", "BGDEDU", "BGDCOP", ""}, []want{{"19", "", "BGDGOV", ""}}},
		// the place is where, not whom, for two named parties too
		{"Israel and Hamas exchanged fire in Gaza.", want{"19", "PSEREB", "ISR", ""}, nil},
		{"Armenian and Azerbaijani forces fought in Nagorno-Karabakh.", want{"19", "ARMMIL", "AZEMIL", ""}, nil},
	})
}

// A name before a noun of armed people ("FARC dissidents", "Houthi
// insurgents") names whose they are, as before "fighters".
func TestArmedGroupNounsTakeTheirName(t *testing.T) {
	runPipeline(t, []construction{
		{"FARC dissidents attacked a police station in Cauca.", want{"19", "COLREB", "", ""}, nil},
		{"Houthi insurgents seized a ship in the Red Sea.", want{"17", "YEMREB", "", ""}, nil},
		{"Tuareg separatists attacked an army base near Kidal.", want{"19", "MLIREB", "", ""}, nil},
	})
}

// The object shared by coordinated verbs, hung on the last of them, tells
// whether the act was done to animals.
func TestSharedAnimalObject(t *testing.T) {
	runObjects(t, []construction{
		{"Vietnamese health teams have begun killing, gassing and burning 4,000 pigs at a farm near Hanoi.", want{}, []want{{"18", "", "", ""}, {"20", "", "", ""}}},
		{"Officials in Gujarat began slaughtering, gassing and burying thousands of chickens on Monday.", want{}, []want{{"18", "", "", ""}, {"20", "", "", ""}}},
	})
}

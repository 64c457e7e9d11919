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

// A third party's mediation or hosting "between X and Y" has both as its
// targets (classes.tsv flag between); talks "between X and Y" with no
// third party stay each other's.
func TestBetweenPartiesAreTargets(t *testing.T) {
	runPipeline(t, []construction{
		{"Oman hosted talks between Iran and the United States in Muscat.", want{"043", "OMN", "IRN", ""}, nil},
		{"Oman hosted talks between Iran and the United States in Muscat.", want{"043", "OMN", "USA", ""}, nil},
		{"Algeria mediated between the Malian government and the rebels.", want{"045", "DZA", "MLIREB", ""}, nil},
		{"Algeria mediated between the Malian government and the rebels.", want{"045", "DZA", "MLIGOV", ""}, nil},
		{"Switzerland facilitated negotiations between Armenia and Azerbaijan.", want{"045", "CHE", "ARM", ""}, nil},
		{"The African Union brokered a truce between Ethiopian troops and Tigrayan rebels.", want{"045", "IGOAFRAFU", "ETHREB", ""}, nil},
		// a party with no code is no target
		{"The African Union brokered a truce between Ethiopia and the TPLF.", want{"045", "IGOAFRAFU", "ETH", ""}, nil},
		{"Talks between Peru and Chile resumed in Lima.", want{"04", "PER", "CHL", ""}, nil},
		// where a party is is not who it is
		{"Egypt hosted talks between Sudan's army and the RSF in Cairo.", want{"043", "EGY", "SDNREB", ""}, []want{{"043", "EGY", "EGY", ""}}},
		{"Jordan mediated between Israel and Palestinian President Mahmoud Abbas.", want{"045", "JOR", "PSEGOV", ""}, nil},
	})
}

// A leader's demonym in a "between" phrase is not a party of its own:
// "between X and Palestinian President NAME" has two targets, not three.
func TestBetweenLeaderDemonym(t *testing.T) {
	for _, body := range []string{
		"Jordan mediated between Israel and Palestinian President Mahmoud Abbas.",
		"Oman mediated between Saudi Arabia and Iranian President Masoud Pezeshkian.",
	} {
		a := codePipeline(t, body)
		var targets []string
		for _, e := range a.Events {
			if e.Target != nil {
				targets = append(targets, e.Target.Code)
			}
		}
		if len(targets) != 2 || len(targets[1]) == 3 && len(targets[0]) == 3 {
			t.Errorf("%s: targets %v, want the country and the leader's government", body, targets)
		}
	}
}

// An offer or pledge to mediate "between X and Y" has both as targets
// (classes.tsv 039 between); coordinated demonyms before a role noun each
// name their side ("Thai and Cambodian officials").
func TestOfferToMediateAndCoordinatedDemonyms(t *testing.T) {
	runPipeline(t, []construction{
		{"Kenya offered to mediate between Sudan's army and the RSF.", want{"039", "KEN", "SDNMIL", ""}, nil},
		{"Brazil pledged to mediate between Venezuela and Guyana.", want{"039", "BRA", "GUY", ""}, nil},
		{"Lao and Vietnamese officials met in Vientiane.", want{"04", "VNM", "LAO", ""}, nil},
		{"Moroccan and Spanish leaders signed a migration pact.", want{"057", "ESP", "MAR", ""}, nil},
		// asked of a third party, or hedged: no mediation
		{"Chile said Brazil should be prepared to broker talks between Venezuela and Guyana.", want{}, []want{{"03", "", "", ""}, {"04", "", "", ""}}},
	})
}

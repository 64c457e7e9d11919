package events

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// An event noun after an intent frame ("agreed to a meeting") is the
// frame's intent to do it (CAMEO 03x, PLOVER AGREE), not the act itself;
// a noun the frame has no intent code for ("agreed to an inquiry")
// leaves the frame's own code.
func TestParsedIntentNoun(t *testing.T) {
	runConstructions(t, []construction{
		{"Chile agreed to a meeting with Peru next month.", want{"036", "CHL", "", ""}, []want{{"04", "CHL", "", model.ModalityAsserted}}},
		{"Laos and Cambodia agreed to a summit in Vientiane.", want{"03", "LAO", "", ""}, []want{{"04", "LAO", "", model.ModalityAsserted}}},
		{"Sudan agreed to a visit by Kenya's president.", want{"03", "SDN", "", ""}, []want{{"042", "KEN", "", ""}}},
		{"Armenia agreed to a ceasefire with Azerbaijan on Tuesday.", want{"03", "ARM", "", ""}, []want{{"087", "ARM", "", ""}}},
		{"Rebels in Mali agreed to a truce with the army.", want{"03", "MLI", "", ""}, []want{{"087", "MLI", "", ""}}},
		{"Bolivia agreed to an investigation by UN experts.", want{"03", "BOL", "", ""}, []want{{"09", "BOL", "", ""}}},
	})
}

// An act of force with no named attacker (an agentless passive, or an
// attack or weapon as the subject) is an unidentified armed group's, in
// the country of the place named, as ACLED codes it.
func TestParsedUnnamedAttacker(t *testing.T) {
	runConstructions(t, []construction{
		{"Two police officers were killed in Mogadishu on Monday.", want{"18", "SOMUAF", "", ""}, nil},
		{"A car bomb explosion killed four soldiers in northern Mali.", want{"18", "MLIUAF", "", ""}, nil},
		{"Three aid workers were abducted near Goma on Friday.", want{"18", "CODUAF", "", ""}, nil},
		{"A roadside bomb killed two Afghan policemen outside Kandahar.", want{"18", "AFGUAF", "", ""}, nil},
		{"A journalist was shot dead in Tegucigalpa, police said.", want{"19", "HNDUAF", "", ""}, nil},
		// no news in a relative clause: the raid is what was complained of
		{"Lebanon complained about a raid in which it said nine people were killed.", want{}, []want{{"18", "LBNUAF", "", ""}}},
	})
}

// A demonym and a common noun name the country's side when they are the
// subject of a clause ("Kenyan lawyers condemned ..."), not when the
// demonym belongs to a prepositional object or the noun to a participle.
func TestParsedDemonymNoun(t *testing.T) {
	runConstructions(t, []construction{
		{"Kenyan lawyers condemned Uganda on Monday.", want{"111", "KEN", "UGA", ""}, nil},
		{"Nigerian farmers accused Cameroon of seizing their land.", want{"112", "NGA", "CMR", ""}, nil},
		{"An Argentine judge has criticised Uruguay over the pulp mill.", want{"11", "ARG", "URY", ""}, nil},
		{"Thai fishermen accused Malaysia of harassment.", want{"112", "THA", "MYS", ""}, nil},
		{"Iranian hackers attacked Albania's government websites.", want{"", "IRN", "", ""}, nil},
		{"Fishermen near the Chinese border condemned Vietnam.", want{}, []want{{"111", "CHN", "", ""}}},
		{"Belarusian firms accused of smuggling were fined by Poland.", want{}, []want{{"112", "BLR", "", ""}}},
	})
}

// A future act announced by its own side ("X said it will V", "X's
// embassy said X will V") is an intent (03x) or a threat (13x); one that a
// newspaper reports stays the act, future.
func TestParsedAnnouncedFuture(t *testing.T) {
	runConstructions(t, []construction{
		{"Japan said it will provide food aid to Somalia.", want{"03", "JPN", "", ""}, []want{{"07", "JPN", "", ""}}},
		{"Brazil announced it would send medical aid to Haiti.", want{"03", "BRA", "", ""}, []want{{"07", "BRA", "", ""}}},
		{"India's foreign minister will visit Nepal in May, the Nepalese embassy said.", want{"03", "IND", "", ""}, nil},
		{"Turkey said it would impose sanctions on Cyprus.", want{"13", "TUR", "", ""}, []want{{"16", "TUR", "", ""}}},
		{"Ghana announced that it will expel Togolese diplomats.", want{"13", "GHA", "", ""}, []want{{"17", "GHA", "", ""}}},
		{"A Chilean newspaper reported that Chile's president would visit Peru.", want{"042", "CHL", "PER", "future"}, nil},
	})
}

// The same act of agreement in active, apposition, reported and nominal
// form codes the same source and root.
func TestParsedParaphraseAgree(t *testing.T) {
	for _, body := range []string{
		"Armenia agreed to talks with Azerbaijan.",
		"Armenia, a neighbour of Georgia, agreed to talks with Azerbaijan.",
		"Armenia said it will hold talks with Azerbaijan.",
		"Armenia has agreed to a meeting with Azerbaijan.",
		"Officials said Armenia had agreed to negotiations with Azerbaijan.",
	} {
		t.Run(body, func(t *testing.T) {
			a := codeParsed(t, body)
			if !has(a, want{"03", "ARM", "", ""}) {
				t.Errorf("want 03 ARM; got %s", eventList(a))
			}
			if has(a, want{"04", "ARM", "", model.ModalityAsserted}) {
				t.Errorf("talks coded as held; got %s", eventList(a))
			}
		})
	}
}

// The same unnamed attack in active, passive, reported and group-noun
// form codes the same source and root.
func TestParsedParaphraseUnnamedAttack(t *testing.T) {
	for _, body := range []string{
		"Gunmen killed two police officers in Mogadishu.",
		"Two police officers were killed in Mogadishu.",
		"A bomb explosion killed two police officers in Mogadishu.",
		"Officials said two police officers had been killed in Mogadishu.",
		"Unidentified attackers killed two police officers in Mogadishu.",
	} {
		t.Run(body, func(t *testing.T) {
			a := codeParsed(t, body)
			if !has(a, want{"18", "SOMUAF", "", ""}) {
				t.Errorf("want 18 SOMUAF; got %s", eventList(a))
			}
		})
	}
}

// A frame's "to" may stand after a time ("threatened on Monday to ..."):
// the complement is still the frame's.
func TestParsedFrameAcrossTime(t *testing.T) {
	runConstructions(t, []construction{
		{"Serbia threatened on Monday to impose sanctions on Kosovo.", want{"13", "SRB", "", ""}, []want{{"16", "SRB", "", ""}}},
		{"Peru agreed on Friday to hold talks with Ecuador.", want{"03", "PER", "", ""}, []want{{"04", "PER", "", ""}}},
		{"Ghana vowed on Sunday to expel Nigerian traders.", want{"13", "GHA", "", ""}, []want{{"16", "GHA", "", ""}, {"17", "GHA", "", ""}}},
		{"Fiji promised on Thursday to provide aid to Tonga.", want{"03", "FJI", "", ""}, []want{{"07", "FJI", "", ""}}},
		{"Kenya refused on Tuesday to release the Somali fishermen.", want{"12", "KEN", "", ""}, []want{{"08", "KEN", "", ""}}},
	})
}

// "X says it is willing to V": the "it" that parsers read as an
// expletive is the speaker.
func TestParsedSpeakerExpletive(t *testing.T) {
	runConstructions(t, []construction{
		{"Ukraine says it is willing to negotiate with Russia.", want{"03", "UKR", "", ""}, nil},
		{"Egypt said it is ready to mediate between Sudan and Ethiopia.", want{"03", "EGY", "", ""}, nil},
		{"Japan said it is willing to provide aid to Myanmar.", want{"03", "JPN", "", ""}, nil},
		{"Qatar says it is ready to host talks between Chad and Sudan.", want{"03", "QAT", "", ""}, nil},
		{"Colombia says it is ready to resume talks with Venezuela.", want{"03", "COL", "", ""}, nil},
	})
}

// Withdrawing peacekeepers, observers or aid workers ends an
// international mission (CAMEO 166, SANCTION); announced by its own side
// it is a threat to (136).
func TestParsedWithdrawMission(t *testing.T) {
	runConstructions(t, []construction{
		{"Chad withdrew its peacekeepers from Mali on Sunday.", want{"166", "TCD", "", ""}, []want{{"087", "TCD", "", ""}}},
		{"Nigeria withdrew its observers from Guinea.", want{"166", "NGA", "", ""}, nil},
		{"Ireland withdrew its aid workers from Ethiopia.", want{"166", "IRL", "", ""}, nil},
		{"Kenya said it will withdraw its peacekeepers from Somalia.", want{"13", "KEN", "", ""}, []want{{"03", "KEN", "", ""}}},
		{"Uganda announced it would withdraw its monitors from South Sudan.", want{"13", "UGA", "", ""}, []want{{"03", "UGA", "", ""}}},
		{"Estonia expelled two Russian diplomats on Friday.", want{"16", "EST", "RUS", ""}, nil},
	})
}

// A participle that modifies a noun ("rebels attacking villages")
// describes it: no event of its own.
func TestParsedParticipleModifier(t *testing.T) {
	runConstructions(t, []construction{
		{"Ghana condemned the rebels attacking villages in Togo.", want{"111", "GHA", "", ""}, []want{{"19", "", "", ""}}},
		{"Kenya criticised militants kidnapping aid workers in Somalia.", want{"11", "KEN", "", ""}, []want{{"18", "", "", ""}}},
		{"India denounced gunmen shooting at pilgrims in Kashmir.", want{"11", "IND", "", ""}, []want{{"19", "", "", ""}}},
		{"Chile condemned the protesters blocking roads in Bolivia.", want{"11", "CHL", "", ""}, []want{{"14", "", "", ""}}},
		{"Benin criticised smugglers crossing the border from Nigeria.", want{"11", "BEN", "", ""}, []want{{"19", "", "", ""}}},
	})
}

// A name before a role noun, with only lower-case modifiers between,
// is the actor ("European Union foreign ministers").
func TestParsedNameBeforeRole(t *testing.T) {
	runConstructions(t, []construction{
		{"NATO defence ministers condemned Russia on Thursday.", want{"111", "IGO", "RUS", ""}, nil},
		{"Kenya Defence Forces commanders accused Somalia of harbouring militants.", want{"112", "KEN", "SOM", ""}, nil},
		{"Ghana Police Service officers arrested ten Togolese smugglers.", want{"173", "GHA", "", ""}, nil},
		{"Vietnam coast guard vessels confronted Chinese fishing boats.", want{"", "VNM", "", ""}, nil},
		{"Brazil foreign ministry officials criticised Paraguay over the dam.", want{"11", "BRA", "PRY", ""}, nil},
	})
}

// Opposing, refusing or agreeing to an event noun frames it; the event
// nouns inside its phrase ("mediation in talks with X") did not happen.
func TestParsedFramedNounPhrase(t *testing.T) {
	runConstructions(t, []construction{
		{"Turkey is opposed to Greek mediation in the talks with Cyprus.", want{"12", "TUR", "", ""}, []want{{"04", "", "", ""}}},
		{"Morocco is opposed to Algerian mediation in the dispute.", want{"12", "MAR", "", ""}, []want{{"04", "", "", ""}}},
		{"Peru agreed to a summit on talks with Chile.", want{"03", "PER", "", ""}, []want{{"04", "", "", model.ModalityAsserted}}},
		{"Serbia is opposed to Russian mediation between Kosovo and Montenegro.", want{"12", "SRB", "", ""}, []want{{"04", "RUS", "", ""}}},
		{"Egypt agreed to a summit on negotiations with Ethiopia.", want{"03", "EGY", "", ""}, []want{{"04", "", "", model.ModalityAsserted}}},
	})
}

// A light verb's object that is a multi-word event noun ("organized a
// general strike", "began a hunger strike") takes the verb's subject.
func TestParsedLightVerbCompound(t *testing.T) {
	runConstructions(t, []construction{
		{"Opposition parties in Kenya organized a general strike on Monday.", want{"14", "KEN", "", ""}, nil},
		{"Students in Chile began a hunger strike last week.", want{"14", "CHL", "", ""}, nil},
		{"Workers in Peru staged a general strike over wages.", want{"14", "PER", "", ""}, nil},
		{"Students in Turkey continued their hunger strike on Sunday.", want{"14", "TUR", "", ""}, nil},
		{"Activists in Bahrain launched a hunger strike against the ban.", want{"14", "BHR", "", ""}, nil},
	})
}

// "accused X of V-ing", "jailed X for V-ing": the gerund is what X is
// accused of, not an event, wherever the parse attaches it.
func TestParsedAccusedOfGerund(t *testing.T) {
	runConstructions(t, []construction{
		{"Iran accused Washington of violating Iraq's sovereignty, its foreign ministry said.", want{"112", "IRN", "USA", ""}, []want{{"12", "", "", ""}}},
		{"Chad accused Sudan of arming rebels, the government said.", want{"112", "TCD", "SDN", ""}, []want{{"07", "", "", ""}}},
		{"Armenia accused Azerbaijan of shelling border villages, officials said.", want{"112", "ARM", "AZE", ""}, []want{{"19", "", "", ""}}},
		{"Pakistan jailed three Afghan men for attacking a police post.", want{"17", "PAK", "", ""}, []want{{"18", "", "", ""}, {"19", "", "", ""}}},
		{"Niger accused Benin of blocking its exports, the minister said.", want{"112", "NER", "BEN", ""}, []want{{"19", "", "", ""}, {"17", "", "", ""}}},
	})
}

// A clause that complements a noun ("an invitation to attend talks", "a
// pact to exchange intelligence") says what the noun is about: it has not
// happened.
func TestParsedNounComplementClause(t *testing.T) {
	runConstructions(t, []construction{
		{"Kenya rejected an invitation to attend a summit in Uganda.", want{"12", "KEN", "", ""}, []want{{"04", "KEN", "", ""}}},
		{"Bolivia and Peru reached an agreement to share water data.", want{"057", "BOL", "", ""}, []want{{"06", "", "", ""}}},
		{"Chile welcomed a proposal to hold talks with Argentina.", want{}, []want{{"04", "CHL", "", model.ModalityAsserted}}},
		{"Ghana accepted an offer to mediate between Togo and Benin.", want{}, []want{{"04", "GHA", "", model.ModalityAsserted}}},
		{"Nepal rejected a plan to build a dam with India.", want{"12", "NPL", "", ""}, []want{{"06", "NPL", "", ""}}},
	})
}

// Two verbs of one act ("used tear gas to disperse them") give one event.
func TestParsedOneActTwoVerbs(t *testing.T) {
	for _, body := range []string{
		"Police in Nairobi used tear gas to disperse protesters on Monday.",
		"Police in Lagos used tear gas to disperse protesters.",
		"Police in Jakarta used tear gas to disperse students.",
		"Police in Tbilisi used tear gas to disperse demonstrators.",
		"Police in Quito used tear gas to disperse protesters.",
	} {
		t.Run(body, func(t *testing.T) {
			a := codeParsed(t, body)
			seen := map[string]bool{}
			for _, e := range a.Events {
				tg := ""
				if e.Target != nil {
					tg = e.Target.Code
				}
				k := e.Cameo + " " + e.Source.Code + " " + tg
				if seen[k] {
					t.Errorf("the same act twice: %s", eventList(a))
				}
				seen[k] = true
			}
			if len(a.Events) == 0 {
				t.Errorf("no event")
			}
		})
	}
}

// "X said Y must V" and "X issued a reminder that Y must V" are X's
// demand, not Y's act.
func TestParsedMustDemand(t *testing.T) {
	runConstructions(t, []construction{
		{"Brazil said on Monday that Venezuela must release the detained activists.", want{"10", "BRA", "", ""}, []want{{"08", "VEN", "", ""}}},
		{"Japan's prime minister said that China must be ready to resume talks.", want{"10", "JPN", "", ""}, []want{{"03", "CHN", "", ""}}},
		{"Ghana issued a warning to Togo that it must close its border camps.", want{"10", "GHA", "", ""}, nil},
		{"Canada sent a reminder to Haiti that it must hold elections.", want{"10", "CAN", "", ""}, nil},
		{"Norway repeated its demand that Sri Lanka must protect civilians.", want{"10", "NOR", "", ""}, nil},
	})
}

// A person without an actor code speaks for the organisation of the
// apposition that follows the name.
func TestParsedAppositionActor(t *testing.T) {
	runConstructions(t, []construction{
		{"Maria Lopez, the United Nations envoy, criticised Myanmar on Monday.", want{"11", "IGO", "MMR", ""}, nil},
		{"Pedro Alves, a Brazilian diplomat, condemned Paraguay.", want{"111", "BRA", "PRY", ""}, nil},
		{"Amara Diallo, a Guinean minister, accused Mali of arming rebels.", want{"112", "GIN", "MLI", ""}, nil},
		{"Sato Kenji, a NATO official, criticised Russia over the drills.", want{"11", "IGO", "RUS", ""}, nil},
		{"Olga Petrova, the Russian ambassador, condemned Estonia.", want{"111", "RUS", "EST", ""}, nil},
	})
}

// Easing restrictions is a concession; ending mediation or cutting
// supplies a sanction; a light verb's withdrawal a retreat.
func TestParsedConcessionAndCuts(t *testing.T) {
	runConstructions(t, []construction{
		{"Bolivia eased security measures in La Paz on Friday.", want{"081", "BOL", "", ""}, nil},
		{"Uzbekistan cancelled restrictions on foreign media.", want{"081", "UZB", "", ""}, nil},
		{"Qatar ended mediation between Sudan and Chad.", want{"165", "QAT", "", ""}, nil},
		{"Japan reduced supplies to North Korea.", want{"162", "JPN", "PRK", ""}, nil},
		{"Russia began the withdrawal of its troops from Armenia.", want{"087", "RUS", "", ""}, nil},
		{"In a surprise move, Kenya condemned Uganda.", want{"111", "KEN", "UGA", ""}, nil},
	})
}

// "Thousands of students in X": the role after the amount takes the
// place's country.
func TestParsedAmountOfRole(t *testing.T) {
	runConstructions(t, []construction{
		{"Thousands of students in Chile condemned the government.", want{"111", "CHL", "", ""}, nil},
		{"Hundreds of workers throughout Nigeria staged a strike.", want{"14", "NGA", "", ""}, nil},
		{"Dozens of activists across Kenya have staged protests.", want{"14", "KEN", "", ""}, nil},
		{"Tens of thousands of protesters in Serbia demanded new elections.", want{"10", "SRB", "", ""}, nil},
		{"Scores of lawmakers in Peru criticised the president.", want{"11", "PER", "", ""}, nil},
	})
}

// What a request asks for ("demanded that X release ...") has not
// happened.
func TestParsedRequestedClause(t *testing.T) {
	runConstructions(t, []construction{
		{"Sweden demanded that Iran release the detained aid worker.", want{"10", "SWE", "", ""}, []want{{"08", "IRN", "", ""}}},
		{"Ghana demanded that Togo withdraw its troops from the border.", want{"10", "GHA", "", ""}, []want{{"087", "TGO", "", ""}}},
		{"Peru urged that Bolivia reopen the border crossing.", want{"", "PER", "", ""}, []want{{"08", "BOL", "", ""}}},
		{"Kenya repeated its demand that Somalia expel the militants.", want{"10", "KEN", "", ""}, []want{{"17", "SOM", "", ""}, {"16", "SOM", "", ""}}},
		{"Norway demanded that Russia release the jailed activists.", want{"10", "NOR", "", ""}, []want{{"08", "RUS", "", ""}}},
	})
}

// An event noun after a light verb in an announced future act is a
// threat or an intent like the verb would be ("said it would tighten the
// blockade").
func TestParsedAnnouncedLightNoun(t *testing.T) {
	runConstructions(t, []construction{
		{"Chad announced it will extend the curfew in the capital.", want{"13", "TCD", "", ""}, []want{{"17", "TCD", "", ""}}},
		{"Egypt said it would tighten the blockade of the border crossing.", want{"13", "EGY", "", ""}, []want{{"19", "EGY", "", ""}}},
		{"Kenya announced that it will impose a curfew in Mombasa.", want{"13", "KEN", "", ""}, []want{{"17", "KEN", "", ""}}},
		{"Thailand said it will extend the curfew in the south.", want{"13", "THA", "", ""}, []want{{"17", "THA", "", ""}}},
		{"Sri Lanka announced it would lift the curfew in Colombo.", want{"03", "LKA", "", ""}, []want{{"08", "LKA", "", ""}}},
	})
}

// Offering troops is an intent to give military aid; allowing the return
// or entry of others (announced) an intent to allow access.
func TestParsedOfferAndAllow(t *testing.T) {
	runConstructions(t, []construction{
		{"Rwanda offered troops to the Central African Republic.", want{"03", "RWA", "", ""}, nil},
		{"Turkey has offered its soldiers to Somalia's government.", want{"03", "TUR", "", ""}, nil},
		{"Ethiopia said it would allow the entry of aid convoys.", want{"03", "ETH", "", ""}, nil},
		{"Myanmar said it will allow the return of UN monitors.", want{"03", "MMR", "", ""}, nil},
		{"Venezuela announced it would allow access to the border towns.", want{"03", "VEN", "", ""}, nil},
	})
}

// Preventing a named actor's act coerces it.
func TestParsedPrevent(t *testing.T) {
	runConstructions(t, []construction{
		{"Uganda prevented Kenyan traders from crossing the border.", want{"17", "UGA", "KEN", ""}, nil},
		{"Nigeria prevented Beninese traders from entering Lagos.", want{"17", "NGA", "BEN", ""}, nil},
		{"Turkey prevented Greek ships from entering the port.", want{"17", "TUR", "GRC", ""}, nil},
		{"China prevented Philippine boats from reaching the shoal.", want{"17", "CHN", "PHL", ""}, nil},
		{"Morocco prevented Algerian officials from landing.", want{"17", "MAR", "DZA", ""}, nil},
	})
}

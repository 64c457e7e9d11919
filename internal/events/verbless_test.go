package events

import "testing"

// A sentence parsed with a noun as its root and its past-tense verb as
// that noun's participle ("Kurds demonstrated" as "Kurds [who were]
// demonstrated") has its verb as predicate and the noun as subject; an
// amount subject's demonym names the country of the people it counts.
func TestParsedVerblessRoot(t *testing.T) {
	runConstructions(t, []construction{
		{"Bolivian miners demonstrated in Oruro.", want{"14", "BOL", "", ""}, nil},
		{"Thousands of Chilean students demonstrated in Valparaiso on Sunday.", want{"14", "CHL", "", ""}, nil},
		{"Sudanese jets and tanks shelled rebel positions close to the town of Kadugli.", want{"19", "SDN", "", ""}, nil},
		{"Kenyan students demonstrated in Nairobi.", want{"14", "KEN", "", ""}, nil},
		{"Hundreds of Bolivian miners protested in La Paz on Friday.", want{"14", "BOL", "", ""}, nil},
		{"Villagers killed by the army were buried on Monday.", want{}, []want{{"", "", "", ""}}},
		{"Thousands of students throughout Kenya staged demonstrations on Friday.", want{"14", "KEN", "", ""}, nil},
		{"Tens of thousands of students in Chile staged protests on Friday.", want{"14", "CHL", "", ""}, nil},
		{"Tens of thousands of Serbian workers throughout the country staged strikes on Monday.", want{"14", "SRB", "", ""}, nil},
	})
}

// A name's bracketed acronym between it and a role noun ("Kenya Red
// Cross (KRC) officials") leaves the name the actor.
func TestPipelineAcronymBeforeRole(t *testing.T) {
	for _, tc := range []construction{
		{"Zambia Red Cross (ZRC) officials demanded help from the government.", want{"10", "NGO", "", ""}, nil},
		{"Ghana Medical Association (GMA) members staged a protest in Accra.", want{"14", "GHA", "", ""}, nil},
		{"North Atlantic Treaty Organization (NATO) officials condemned the missile test.", want{"11", "IGO", "", ""}, nil},
		{"World Health Organization (WHO) officials sent medical supplies to Yemen.", want{"07", "IGO", "", ""}, nil},
		{"African Union (AU) officials condemned the coup in Niger.", want{"11", "IGO", "", ""}, nil},
	} {
		t.Run(tc.body, func(t *testing.T) {
			if a := codePipeline(t, tc.body); !has(a, tc.want) {
				t.Errorf("want %+v; got %s", tc.want, eventList(a))
			}
		})
	}
}

// A past tense the tagger read as a participle right after a noun makes
// the sentence worth parsing, and the parse mends it ("protesters in X
// blocked roads"); sharing expertise or technology is cooperation.
func TestPipelinePastTaggedParticiple(t *testing.T) {
	for _, tc := range []construction{
		{"Protesters in Peru blocked roads into Cusco.", want{"144", "PER", "", ""}, nil},
		{"Farmers in India blocked highways into Delhi.", want{"144", "IND", "", ""}, nil},
		{"Rebels in Chad on Monday blocked transport to Abeche.", want{"144", "TCD", "", ""}, nil},
		{"Cuba has been sharing its expertise with Venezuela.", want{"064", "CUB", "", ""}, nil},
		{"Israel shared technology with India on water management.", want{"064", "ISR", "IND", ""}, nil},
	} {
		t.Run(tc.body, func(t *testing.T) {
			if a := codePipeline(t, tc.body); !has(a, tc.want) {
				t.Errorf("want %+v; got %s", tc.want, eventList(a))
			}
		})
	}
}

// A light verb the tagger read as an adjective of the event noun after
// it ("Colombia resumed/JJ peace talks", parsed as a nominal predicate)
// heads the sentence: the noun is its object and takes its subject.
func TestLightVerbReadAsAdjective(t *testing.T) {
	runObjects(t, []construction{
		{"Colombia resumed peace talks with the ELN.", want{"04", "COL", "", ""}, nil},
		{"Sudan resumed peace talks with the RSF in Jeddah.", want{"04", "SDN", "SDNREB", ""}, nil},
		{"Armenia resumed peace talks with Azerbaijan.", want{"04", "ARM", "AZE", ""}, nil},
		{"Ethiopia resumed peace talks with Tigrayan leaders.", want{"04", "ETH", "", ""}, nil},
		{"Israel resumed ceasefire talks with Hamas in Cairo.", want{"04", "ISR", "PSE", ""}, nil},
	})
}

package events

import "testing"

// A body followed by a link of belonging ("lawmakers from Romania",
// "the army of Chad") is that country's body and the actor of its
// clause, even where the article is about another country and the
// body's word opens the sentence.
func TestPipelineBodyOfCountry(t *testing.T) {
	for _, tc := range []construction{
		{"Nigerian officials met on Sunday. Lawmakers from Ghana criticised the plan on Monday.", want{"11", "GHALEG", "", ""}, nil},
		{"Thai police made arrests on Sunday. Soldiers from Myanmar attacked a village near the border.", want{"19", "MMRMIL", "", ""}, nil},
		{"Peru held talks on Sunday. The army of Bolivia attacked a rebel camp near the border.", want{"19", "BOLMIL", "", ""}, nil},
		{"Greek ministers met on Sunday. Lawmakers from Albania condemned the decision on Monday.", want{"11", "ALBLEG", "", ""}, nil},
		{"Jordan closed a crossing on Sunday. Soldiers from Lebanon attacked a checkpoint on Monday.", want{"19", "LBNMIL", "", ""}, nil},
	} {
		t.Run(tc.body, func(t *testing.T) {
			a := codePipeline(t, tc.body)
			if !has(a, tc.want) {
				t.Errorf("want %+v; got %s", tc.want, eventList(a))
			}
		})
	}
}

// A link to coordinated countries names the bodies of each: every
// country stays an actor ("officials of Kenya and Uganda warned").
func TestPipelineBodyOfCountries(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []want
	}{
		{"Officials of Kenya and Uganda warned on Friday that the talks could fail.", []want{{"13", "KEN", "", ""}, {"13", "UGA", "", ""}}},
		{"On Monday officials of Peru and Chile criticised the decision.", []want{{"11", "PER", "", ""}, {"11", "CHL", "", ""}}},
		{"Envoys from Japan and Vietnam condemned the launch on Sunday.", []want{{"11", "JPN", "", ""}, {"11", "VNM", "", ""}}},
		{"Diplomats of Egypt and Jordan criticised the plan on Tuesday.", []want{{"11", "EGY", "", ""}, {"11", "JOR", "", ""}}},
		{"Officials from Poland and Lithuania warned on Monday that the border could close.", []want{{"13", "POL", "", ""}, {"13", "LTU", "", ""}}},
	} {
		t.Run(tc.body, func(t *testing.T) {
			a := codePipeline(t, tc.body)
			for _, w := range tc.want {
				if !has(a, w) {
					t.Errorf("want %+v; got %s", w, eventList(a))
				}
			}
		})
	}
}

// A body placed in a division written with its division word ("police
// in Zamfara state", "protesters in Niger State") is the body, not the
// place: the place's name heads the phrase before the word, and a
// division named like a country is that division's country's.
func TestPipelineBodyInDivision(t *testing.T) {
	for _, tc := range []construction{
		{"Police in Zamfara state arrested 12 bandits on Sunday.", want{"173", "NGACOP", "NGACRM", ""}, nil},
		{"Soldiers in Sindh province detained two men near the border.", want{"173", "PAKMIL", "", ""}, nil},
		{"Protesters in Niger State blocked the main road on Monday.", want{"144", "NGAOPP", "", ""}, nil},
		{"Farmers in Mendoza province blocked a highway on Tuesday.", want{"144", "ARGAGR", "", ""}, nil},
		{"Lawmakers from Washington State walked out of the session.", want{"143", "USALEG", "", ""}, nil},
	} {
		t.Run(tc.body, func(t *testing.T) {
			a := codePipeline(t, tc.body)
			if !has(a, tc.want) {
				t.Errorf("want %+v; got %s", tc.want, eventList(a))
			}
		})
	}
}

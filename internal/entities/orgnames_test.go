package entities

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// orgCase is one sentence and the organisation it must hold: its whole
// name, a code prefix ("" for no code), and words inside the name that
// must be no mention of any entity.
type orgCase struct {
	region, text, name, code string
	inside                   []string
}

func checkOrgCases(t *testing.T, cases []orgCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.region+"/"+c.name, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			found := false
			for _, e := range art.Entities {
				if e.Name == c.name || entityHasMention(e, c.name) {
					if e.Type != model.TypeOrg {
						t.Errorf("%q is a %s", c.name, e.Type)
					}
					found = true
					code := model.Deref(e.Code)
					if c.code == "" && code != "" || !strings.HasPrefix(code, c.code) {
						t.Errorf("%q coded %q, want %q", c.name, code, c.code)
					}
				}
				for _, m := range e.Mentions {
					for _, w := range c.inside {
						if m.Text == w {
							t.Errorf("%q inside %q is a %s mention of %q", w, c.name, e.Type, e.Name)
						}
					}
				}
			}
			if !found {
				t.Errorf("no organisation %q in %v", c.name, mentionsOf(art))
			}
		})
	}
}

func entityHasMention(e model.Entity, text string) bool {
	for _, m := range e.Mentions {
		if m.Text == text {
			return true
		}
	}
	return false
}

// TestIGOBodies: an intergovernmental organisation's name, then words up
// to an organisation word (and its connectors), is one body of it, with
// its code; the words after the organisation's name are no person.
func TestIGOBodies(t *testing.T) {
	checkOrgCases(t, []orgCase{
		{"Africa", "The United Nations Population Fund sent midwives to clinics in Malawi.", "United Nations Population Fund", "IGOUNO", []string{"Population Fund"}},
		{"South Asia", "The UN Office for Project Services built two bridges in western Nepal.", "UN Office for Project Services", "IGOUNO", []string{"Office for Project Services"}},
		{"Europe", "The EU Foreign Affairs Council agreed new tariffs in Luxembourg on Monday.", "EU Foreign Affairs Council", "IGOEUREEC", []string{"Foreign Affairs Council"}},
		{"Americas", "The OAS Permanent Council condemned the vote count in Managua.", "OAS Permanent Council", "IGOOAS", []string{"Permanent Council"}},
		{"Middle East", "The Arab League Economic Council met in Cairo to discuss grain prices.", "Arab League Economic Council", "IGOMEAARL", []string{"Economic Council"}},
		{"Southeast Asia", "The ASEAN Coordinating Council will meet in Vientiane next month.", "ASEAN Coordinating Council", "IGOSEAASN", []string{"Coordinating Council"}},
	})
	// a title after the organisation's name is no body of it
	art := analyse(t, "", nil, "NATO Secretary General Jens Halvorsen arrived in Vilnius on Tuesday.")
	for _, e := range art.Entities {
		if e.Type == model.TypeOrg && strings.Contains(e.Name, "Secretary") {
			t.Errorf("title read as a body: %q", e.Name)
		}
	}
}

// TestStatesBodies: an organisation word, a connector and capitalised
// words ending in "States", "Nations" or "Countries" name a body of
// several states (code IGO); a demonym or region inside the name is no
// place of its own and gives it no country.
func TestStatesBodies(t *testing.T) {
	checkOrgCases(t, []orgCase{
		{"Caribbean", "The Organisation of Eastern Caribbean States sent observers to the vote in Roseau.", "Organisation of Eastern Caribbean States", "IGO", []string{"Caribbean", "Eastern Caribbean"}},
		{"Africa", "The Community of Sahel-Saharan States held a summit in Ndjamena.", "Community of Sahel-Saharan States", "IGO", nil},
		{"Americas", "Leaders of the Union of South American Nations met in Quito.", "Union of South American Nations", "IGO", []string{"South American"}},
		{"Middle East", "The Organization of Arab Petroleum Exporting Countries cut its forecast in Kuwait.", "Organization of Arab Petroleum Exporting Countries", "IGO", []string{"Arab"}},
		{"Central Asia", "The Organization of Turkic States opened a secretariat office in Istanbul.", "Organization of Turkic States", "IGO", []string{"Turkic"}},
		{"Central Africa", "Ministers of the Conference of Central African States met in Libreville.", "Conference of Central African States", "IGO", []string{"Central African"}},
	})
}

// TestForceAcronyms: an acronym right before a noun for an armed body's
// members ("troops", "fighters", "peacekeepers") names their group, an
// organisation, never equipment; the members make no second entity.
func TestForceAcronyms(t *testing.T) {
	cases := []struct {
		region, text, name string
	}{
		{"Central Africa", "ADF fighters killed ten villagers near Beni overnight.", "ADF"},
		{"Sahel", "JNIM fighters attacked an army post near Djibo.", "JNIM"},
		{"Southeast Asia", "KNU soldiers seized a border post near Myawaddy.", "KNU"},
		{"Americas", "ELN rebels blew up a pipeline in Arauca.", "ELN"},
		{"Lake Chad", "MNJTF troops freed forty hostages near Lake Chad.", "MNJTF"},
		{"East Africa", "SPLA-IO forces clashed with government troops in Upper Nile.", "SPLA-IO"},
	}
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			found := false
			for _, e := range art.Entities {
				if e.Type == model.TypeEquipment {
					t.Errorf("equipment %q", e.Name)
				}
				if entityHasMention(e, c.name) {
					found = true
					if e.Type != model.TypeOrg {
						t.Errorf("%q is a %s", c.name, e.Type)
					}
				}
			}
			if !found {
				t.Errorf("no organisation %q in %v", c.name, mentionsOf(art))
			}
		})
	}
	// an aircraft type keeps its equipment reading
	art := analyse(t, "", nil, "Two F-16 fighters flew over the strait.")
	for _, e := range art.Entities {
		if e.Type == model.TypeOrg && strings.HasPrefix(e.Name, "F") {
			t.Errorf("aircraft read as a group: %q", e.Name)
		}
	}
}

// TestOrganisationOfPlaceCountry: "University of <place>" is one
// organisation whose country is the place's when every reading of the
// place lies in one country; the place (a division, or a namesake in
// two countries) is no actor and no mention inside the name.
func TestOrganisationOfPlaceCountry(t *testing.T) {
	checkOrgCases(t, []orgCase{
		{"Americas", "The University of Texas criticised the plan to cut research funds.", "University of Texas", "USAEDU", []string{"Texas"}},
		{"Americas", "University of Washington researchers said the glacier was shrinking.", "University of Washington", "USAEDU", []string{"Washington"}},
		{"South America", "The University of Buenos Aires said its budget had been cut again.", "University of Buenos Aires", "ARGEDU", []string{"Buenos Aires"}},
		{"Africa", "The University of Cape Town suspended classes after the fire.", "University of Cape Town", "ZAFEDU", nil},
		{"Oceania", "The University of Queensland published a survey of the reef.", "University of Queensland", "AUSEDU", []string{"Queensland"}},
		{"South Asia", "The University of Punjab postponed its examinations by a month.", "University of Punjab", "", []string{"Punjab"}},
		{"Caucasus", "The University of Georgia banned the rally on campus.", "University of Georgia", "", []string{"Georgia"}},
	})
}

// TestCoordinatedOrganisations: "and" before a second organisation named
// by its own organisation word and "of" ends the first name.
func TestCoordinatedOrganisations(t *testing.T) {
	cases := []struct {
		region, text, first, second string
	}{
		{"Oceania/East Asia", "The University of Sydney and the University of Tokyo signed an agreement.", "University of Sydney", "University of Tokyo"},
		{"West Africa", "The Ministry of Health and the Ministry of Finance disagreed over the budget in Accra.", "Ministry of Health", "Ministry of Finance"},
		{"Southeast Asia", "The Bank of Thailand and the Bank of Korea cut interest rates.", "Bank of Thailand", "Bank of Korea"},
		{"Europe", "The University of Vienna and University of Zagreb opened a joint institute.", "University of Vienna", "University of Zagreb"},
		{"South America", "The Ministry of Defence and the Ministry of Justice of Peru signed a protocol.", "Ministry of Defence", "Ministry of Justice"},
	}
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			seen := map[string]bool{}
			for _, e := range art.Entities {
				for _, m := range e.Mentions {
					seen[m.Text] = true
					if strings.Contains(m.Text, " and ") {
						t.Errorf("one mention for two organisations: %q", m.Text)
					}
				}
			}
			for _, n := range []string{c.first, c.second} {
				if !seen[n] && !strings.HasPrefix(c.second, n) {
					t.Errorf("no mention %q in %v", n, mentionsOf(art))
				}
			}
		})
	}
}

// TestPortfolioTitles: a title with its portfolio ("Minister of State
// for Trade", "Secretary of State for Defence") is one title: the words
// of the portfolio are no organisation and no person, and the name
// after it is the holder's.
func TestPortfolioTitles(t *testing.T) {
	cases := []struct {
		region, text string
		inside       []string
		holder       string
	}{
		{"Europe", "The Minister of State for Trade resigned on Friday.", []string{"State", "Trade", "State for Trade"}, ""},
		{"Oceania", "Minister for Foreign Affairs Mele Tupou arrived in Suva.", []string{"Foreign Affairs"}, "Mele Tupou"},
		{"Europe", "The Secretary of State for Defence visited the base at Akrotiri.", []string{"State", "Defence"}, ""},
		{"East Africa", "Cabinet Secretary for Interior Wanjiru Kamau toured Marsabit.", []string{"Interior"}, "Wanjiru Kamau"},
		{"Central Africa", "The Minister of Interior of Chad resigned on Sunday.", []string{"Interior"}, ""},
		{"Americas", "The Secretary of Defense said the carriers would stay in the Gulf.", []string{"Defense"}, ""},
		{"Asia", "The Secretary of State will visit Manila next week.", []string{"State"}, ""},
	}
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			holder := c.holder == ""
			for _, e := range art.Entities {
				for _, m := range e.Mentions {
					for _, w := range c.inside {
						if m.Text == w {
							t.Errorf("%q of the title is a %s", w, e.Type)
						}
					}
					if m.Text == c.holder && e.Type == model.TypePerson {
						holder = true
					}
				}
			}
			if !holder {
				t.Errorf("no person %q in %v", c.holder, mentionsOf(art))
			}
		})
	}
}

// TestIGONameInsideLongerName: an intergovernmental organ's name of
// several words ("Security Council", "Human Rights Council") after a
// capitalised word ends another body's name, which is one organisation
// and not the UN's organ.
func TestIGONameInsideLongerName(t *testing.T) {
	checkOrgCases(t, []orgCase{
		{"Americas", "The National Security Council met late into the night over the crisis in Venezuela.", "National Security Council", "", []string{"Security Council"}},
		{"Middle East", "Iran's Supreme National Security Council approved the new enrichment plan.", "Supreme National Security Council", "IRN", []string{"Security Council"}},
		{"Europe", "Members of the Russian Security Council discussed the grain deal in Moscow.", "Russian Security Council", "RUS", []string{"Security Council"}},
		{"Europe", "Ukraine's National Security and Defence Council imposed sanctions on ten firms.", "National Security and Defence Council", "UKR", []string{"Security"}},
		{"Africa", "The Kenyan Human Rights Council criticised the police over the arrests.", "Kenyan Human Rights Council", "KEN", []string{"Human Rights Council"}},
		{"Asia", "Japan's National Security Council ordered a review of missile defences.", "National Security Council", "JPN", []string{"Security Council"}},
	})
	// the organ itself, after a sentence's first word or lower-case words
	checkOrgCases(t, []orgCase{
		{"Africa", "Diplomats told the Security Council that aid to Darfur was blocked.", "Security Council", "IGOUNO", nil},
		{"Middle East", "The Security Council will vote on the Gaza resolution on Monday.", "Security Council", "IGOUNO", nil},
	})
}

// TestLegislaturesByOwnName: a national legislature known by its own
// name is one organisation, its country's legislature, never a person
// nor another country's body ("Congress" inside "National People's
// Congress" is not the US Congress).
func TestLegislaturesByOwnName(t *testing.T) {
	checkOrgCases(t, []orgCase{
		{"Europe", "The State Duma voted to ratify the pact with Minsk.", "State Duma", "RUSLEG", []string{"State"}},
		{"Asia", "India's Lok Sabha passed the data protection bill late on Monday.", "Lok Sabha", "INDLEG", nil},
		{"Europe", "Ukraine's Verkhovna Rada extended martial law for another 90 days.", "Verkhovna Rada", "UKRLEG", nil},
		{"Asia", "China's National People's Congress endorsed the five-year plan.", "National People's Congress", "CHNLEG", []string{"Congress"}},
		{"Europe", "Poland's Sejm rejected the proposal to delay the vote.", "Sejm", "POLLEG", nil},
		{"Asia", "Japan's National Diet approved a record defence budget.", "National Diet", "JPNLEG", nil},
		{"Middle East", "Turkey's Grand National Assembly approved Sweden's bid to join NATO.", "Grand National Assembly", "TURLEG", nil},
	})
}

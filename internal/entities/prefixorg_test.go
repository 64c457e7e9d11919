package entities

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestPrefixOrganisations: a legal form or head noun written first
// ("PT", "OAO", "Empresa", "Compagnie") opens an organisation's name that
// runs through the capitalised words, lower-case connectors and place
// names after it; a country named inside gives its code.
func TestPrefixOrganisations(t *testing.T) {
	cases := []struct {
		region, text, code string
	}{
		{"southeast Asia", "Shares of [[ORG PT Kereta Api Indonesia]] fell after the rail strike in Bandung.", "IDNBUS"},
		{"southeast Asia, no country inside", "[[ORG PT Bumi Sentosa Mining]] said coal output rose in the third quarter.", ""},
		{"Russia", "[[ORG OAO Uralkamen]] raised its steel prices on Tuesday.", ""},
		{"central Asia", "Officials said [[ORG JSC Astana Grain Terminal]] had signed a supply deal with millers.", ""},
		{"South America", "[[ORG Empresa Nacional de Minería]] halted copper shipments from the port of Antofagasta.", ""},
		{"central Africa", "The miner [[ORG Compagnie Minière du Katanga]] resumed cobalt exports last month.", ""},
		{"north Africa", "[[ORG Société Tunisienne d'Electricité]] raised tariffs for households.", ""},
		{"Middle East", "Depositors queued outside [[ORG Banque du Levant]] in the capital.", ""},
	}
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			body, anns := parseAnnotated(c.text)
			name := body[anns[0].start:anns[0].end]
			for _, e := range art.Entities {
				for _, m := range e.Mentions {
					if m.Span().Overlaps(model.Span{Start: anns[0].start, End: anns[0].end}) && e.Type != model.TypeOrg {
						t.Errorf("%q inside the organisation %q is a %s", m.Text, name, e.Type)
					}
				}
				if e.Type == model.TypeOrg && e.Name == name && c.code != "" && (e.Code == nil || *e.Code != c.code) {
					t.Errorf("%s has code %v, want %s", name, e.Code, c.code)
				}
			}
		})
	}
}

// TestOrganisationOfPlace: an organisation word, "of" (or "of the") and a
// country, capital or named place make one organisation's name; the
// place is its affiliation and gives its code, no place mention of its own.
// A name that is also a first-level division ("Georgia") is left to the
// place rules.
func TestOrganisationOfPlace(t *testing.T) {
	cases := []struct {
		region, text, place, code string
	}{
		{"southern Africa", "The [[ORG Reserve Bank of Malawi]] held its policy rate on Thursday.", "Malawi", "MWIBUS"},
		{"east Africa", "Students at the [[ORG University of Nairobi]] boycotted lectures over fees.", "Nairobi", "KENEDU"},
		{"Europe", "The [[ORG National Bank of Poland]] left interest rates unchanged.", "Poland", "POLBUS"},
		{"Middle East", "The [[ORG Red Crescent Society of Iran]] sent tents to the flooded villages.", "Iran", "IRNNGO"},
		{"South America", "Economists at the [[ORG Central Bank of Paraguay]] cut their growth forecast.", "Paraguay", "PRYBUS"},
		{"South Asia", "A spokesman for the [[ORG Tea Board of Sri Lanka]] said auction prices rose.", "Sri Lanka", "LKAGOV"},
	}
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			body, anns := parseAnnotated(c.text)
			name := body[anns[0].start:anns[0].end]
			affil := false
			for _, e := range art.Entities {
				if e.Type == model.TypeOrg && e.Name == name && (e.Code == nil || *e.Code != c.code) {
					t.Errorf("%s has code %v, want %s", name, e.Code, c.code)
				}
				for _, m := range e.Mentions {
					if m.Text == c.place {
						t.Errorf("%q inside %q is a %s mention of %q", c.place, name, e.Type, e.Name)
					}
				}
				for _, m := range e.Affiliations {
					affil = affil || m.Text == c.place && e.Type == model.TypePlace
				}
			}
			if !affil {
				t.Errorf("%q is no affiliation in %q", c.place, name)
			}
		})
	}
	t.Run("a state that is also a country", func(t *testing.T) {
		// "University of Georgia" is one organisation; Georgia (a
		// country and a US state) gives it no country, and no reading
		// of it is an actor in the name
		art := analyse(t, "", nil, "Researchers at the University of Georgia in Athens tested the vaccine.")
		found := false
		for _, e := range art.Entities {
			if e.Name == "University of Georgia" && e.Type == model.TypeOrg {
				found = true
				if c := model.Deref(e.Code); strings.HasPrefix(c, "GEO") {
					t.Errorf("University of Georgia coded %s, the country", c)
				}
			}
			for _, m := range e.Mentions {
				if m.Text == "Georgia" {
					t.Errorf("Georgia inside the name is a %s mention of %q", e.Type, e.Name)
				}
			}
		}
		if !found {
			t.Errorf("no organisation University of Georgia in %v", mentionsOf(art))
		}
	})
}

// TestNationalBodies: a country or demonym before a body named by its
// kind ("Thai Commerce Ministry", "UK Department of Transport") is the
// body's affiliation and code; the body's name is its own ("Commerce
// Ministry"), kept apart from another country's body of the same name.
// A name that is the organisation's own keeps its country word.
func TestNationalBodies(t *testing.T) {
	cases := []struct {
		region, text, affil, code string
	}{
		{"southeast Asia", "The Thai [[ORG Commerce Ministry]] said rice exports rose in November.", "Thai", "THAGOV"},
		{"Europe", "The UK [[ORG Department of Transport]] on Friday said the talks had ended.", "UK", "GBRGOV"},
		{"southeast Asia, a joined name", "The firm must report to the Indonesian [[ORG Forestry and Environment Ministry]] by Monday.", "Indonesian", "IDNGOV"},
		{"east Africa", "A Kenyan [[ORG Health Ministry]] official said the clinics would reopen.", "Kenyan", "KENGOV"},
		{"South America", "The Peruvian [[ORG Foreign Ministry]] summoned the ambassador on Tuesday.", "Peruvian", "PERGOV"},
		{"Middle East", "The Jordanian [[ORG Water Ministry]] cut supplies to farms near the valley.", "Jordanian", "JORGOV"},
	}
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			body, anns := parseAnnotated(c.text)
			name := body[anns[0].start:anns[0].end]
			affil, org := false, false
			for _, e := range art.Entities {
				for _, m := range e.Mentions {
					if m.Text == c.affil || strings.Contains(m.Text, c.affil+" ") {
						t.Errorf("%q is a %s mention of %q, not an affiliation", m.Text, e.Type, e.Name)
					}
				}
				for _, m := range e.Affiliations {
					affil = affil || m.Text == c.affil
				}
				if e.Type == model.TypeOrg && e.Name == name {
					org = true
					if e.Code == nil || *e.Code != c.code {
						t.Errorf("%s has code %v, want %s", name, e.Code, c.code)
					}
				}
			}
			if !affil || !org {
				t.Errorf("affiliation %q %v, organisation %q %v: %v", c.affil, affil, name, org, mentionsOf(art))
			}
		})
	}
	t.Run("two countries' bodies of one name", func(t *testing.T) {
		art := analyse(t, "", nil, "The Vietnamese Commerce Ministry disagreed, and the Thai Commerce Ministry replied on Monday.")
		codes := map[string]bool{}
		for _, e := range art.Entities {
			if e.Type == model.TypeOrg && e.Name == "Commerce Ministry" && e.Code != nil {
				codes[*e.Code] = true
			}
		}
		if !codes["VNMGOV"] || !codes["THAGOV"] {
			t.Errorf("want a Vietnamese and a Thai Commerce Ministry, got %v", codes)
		}
	})
	runAnnotated(t, []annotatedCase{
		{"an own name with a country word", "[[ORG Kenya Wildlife Service]] rangers arrested two poachers.", nil},
		{"a company named after its country", "[[ORG South African Breweries]] bought a stake in the brewer.", nil},
	})
}

// TestLeaguesAndForTails: "League" ends an organisation's name (a party's
// or a sport's), and a place after "for", an article and an adjective
// ends the name it closes, as its affiliation.
func TestLeaguesAndForTails(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"South Asia: a party league", "Supporters of the [[ORG Awami League]] marched through the old city.",
			[]notWant{{"Awami League", model.TypePerson}}},
		{"Europe: a regional party", "The separatist [[ORG Padanian League]] held a rally near the river on Sunday.",
			[]notWant{{"Padanian League", model.TypePerson}}},
		{"southeast Asia: a league for a cause", "Members of the [[ORG National League for Democracy]] were detained.",
			[]notWant{{"National League", model.TypeOrg}}},
		{"Africa: a sports league", "The [[ORG Premier Soccer League]] suspended the match after crowd trouble in Soweto.", nil},
		{"Europe: a movement for a country", "He left the [[ORG Movement for a Democratic Slovenia]] last year.",
			[]notWant{{"Slovenia", model.TypePlace}, {"Movement for a Democratic", model.TypeOrg}}},
		{"Latin America: a front for a country", "The [[ORG Front for a Sovereign Paraguay]] called a strike.",
			[]notWant{{"Paraguay", model.TypePlace}}},
	})
}

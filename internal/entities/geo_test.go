package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// geoCase is annotated text plus places that must resolve to a country,
// within maxKM of a point when lat/lon are given.
type geoCase struct {
	name, text string
	places     []wantPlace
}

type wantPlace struct {
	name, country, precision, basis string
	lat, lon, maxKM                 float64
}

func runGeoCases(t *testing.T, cases []geoCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			for _, w := range c.places {
				e := findEntity(art, w.name, model.TypePlace)
				if e == nil {
					t.Errorf("no place %q; got %v", w.name, mentionsOf(art))
					continue
				}
				if model.Deref(e.Country) != w.country {
					t.Errorf("%s: country %q, want %s", w.name, model.Deref(e.Country), w.country)
				}
				if w.precision != "" && e.Precision != w.precision {
					t.Errorf("%s: precision %q, want %s", w.name, e.Precision, w.precision)
				}
				if w.basis != "" && e.Basis != w.basis {
					t.Errorf("%s: basis %q, want %s", w.name, e.Basis, w.basis)
				}
				if w.maxKM > 0 {
					if e.Lat == nil {
						t.Errorf("%s: no coordinates", w.name)
					} else if km := haversine(*e.Lat, *e.Lon, w.lat, w.lon); km > w.maxKM {
						t.Errorf("%s: %.0f km from %.2f,%.2f", w.name, km, w.lat, w.lon)
					}
				}
			}
		})
	}
}

// TestDivisions: states, provinces and the UK's home nations are places,
// multi-word ones as one span.
func TestDivisions(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"US states", "Flooding closed roads across [[LOC Ohio]] and [[LOC West Virginia]] on Tuesday.",
			[]wantPlace{{name: "Ohio", country: "USA", precision: "division", lat: 40.3, lon: -82.8, maxKM: 161}, {name: "West Virginia", country: "USA"}}},
		{"Australian states", "Bushfires burned in [[LOC New South Wales]] while [[LOC Queensland]] braced for cyclones.",
			[]wantPlace{{name: "New South Wales", country: "AUS", lat: -32.5, lon: 147, maxKM: 161}, {name: "Queensland", country: "AUS"}}},
		{"Indian states", "Voters in [[LOC Uttar Pradesh]] and [[LOC Bihar]] queued from dawn.",
			[]wantPlace{{name: "Uttar Pradesh", country: "IND", lat: 27, lon: 80.9, maxKM: 161}, {name: "Bihar", country: "IND"}}},
		{"home nations", "Teachers in [[LOC Scotland]] and [[LOC Wales]] voted to strike, unlike colleagues in [[LOC England]].",
			[]wantPlace{{name: "Scotland", country: "GBR"}, {name: "Wales", country: "GBR"}, {name: "England", country: "GBR"}}},
		{"a province with a country name inside", "Wildfires forced thousands from their homes in [[LOC British Columbia]].",
			[]wantPlace{{name: "British Columbia", country: "CAN"}}},
		{"a Nigerian state", "Gunmen attacked three villages in [[LOC Zamfara]] state overnight.",
			[]wantPlace{{name: "Zamfara", country: "NGA"}}},
		{"a division word", "Aid reached farmers in [[LOC Nyanza Province]] after the floods.", nil},
	})
}

// TestPlaceContext: qualifiers and the article's other places choose
// between namesakes; the basis says which.
func TestPlaceContext(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"city, state", "A tornado struck [[LOC Paris]], [[LOC Texas]], late on Sunday.",
			[]wantPlace{{name: "Paris", country: "USA", basis: "qualifier", precision: "city", lat: 33.66, lon: -95.56, maxKM: 50}}},
		{"city, country", "Farmers marched in [[LOC Perth]], [[LOC Scotland]], against the new levy.",
			[]wantPlace{{name: "Perth", country: "GBR", basis: "qualifier"}}},
		{"a capital's namesake in the article's country", "Officials in [[LOC Texas]] and [[LOC California]] met. In [[LOC San Jose]], the mayor said power was back.",
			[]wantPlace{{name: "San Jose", country: "USA", lat: 37.34, lon: -121.89, maxKM: 50}}},
		{"a state named like a country", "Storms hit [[LOC Alabama]] and [[LOC Florida]] before moving into [[LOC Georgia]].",
			[]wantPlace{{name: "Georgia", country: "USA"}}},
		{"the country when the article is about it", "Protesters filled the streets of [[LOC Tbilisi]] as [[LOC Georgia]] debated the law.",
			[]wantPlace{{name: "Georgia", country: "GEO", basis: "lexicon", precision: "country"}}},
		{"two countries side by side", "[[LOC Nigeria]] criticized [[LOC Niger]] over the border closure.",
			[]wantPlace{{name: "Niger", country: "NER", precision: "country"}}},
		{"a country and its namesake state's country", "Talks between the [[LOC United States]] and [[LOC Georgia]] resumed in [[LOC Tbilisi]].",
			[]wantPlace{{name: "Georgia", country: "GEO", precision: "country"}}},
		{"the state with its division word beside its country", "[[LOC Nigeria]] sent troops to [[LOC Niger]] State after the raids.",
			[]wantPlace{{name: "Niger", country: "NGA", precision: "division"}}},
		{"the state in a later sentence of the country's article", "Floods hit [[LOC Nigeria]] again. In [[LOC Niger]], farmers lost their crops to the water.",
			[]wantPlace{{name: "Niger", country: "NGA", precision: "division"}}},
		{"a state capital named after a country's capital", "Rain fell across [[LOC Victoria]] and [[LOC New South Wales]] as [[LOC Australia]] counted the cost.",
			[]wantPlace{{name: "Victoria", country: "AUS", precision: "division"}}},
		{"Washington state", "Fires spread in [[LOC Washington]] state and [[LOC Oregon]].",
			[]wantPlace{{name: "Washington", country: "USA", lat: 47.4, lon: -120.5, maxKM: 161}}},
		{"a district named after its town", "Ships loaded in [[LOC Taiwan]]’s busiest port of [[LOC Kaohsiung]], a hub for trade.",
			[]wantPlace{{name: "Kaohsiung", country: "TWN", precision: "city"}}},
	})
}

// TestAlternateNames: former names and exonyms are the places they name.
func TestAlternateNames(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"historic country", "Mobutu ruled [[LOC Zaire]] for three decades.", []wantPlace{{name: "Democratic Republic of the Congo", country: "COD"}}},
		{"historic city", "The train from [[LOC Bombay]] reached [[LOC Calcutta]] at dawn.",
			[]wantPlace{{name: "Bombay", country: "IND", lat: 19.07, lon: 72.88, maxKM: 30}, {name: "Calcutta", country: "IND", lat: 22.57, lon: 88.36, maxKM: 30}}},
		{"exonyms", "Flights from [[LOC Peking]] to [[LOC Kiev]] resumed.",
			[]wantPlace{{name: "Peking", country: "CHN", basis: "only"}, {name: "Kiev", country: "UKR"}}},
		{"an abbreviation is its division", "Police in [[LOC NSW]] said roads in [[LOC=New South Wales|New South Wales]] were closed.",
			[]wantPlace{{name: "New South Wales", country: "AUS"}}},
	})
}

// TestCountryPoints: countries sit at their customary representative
// points, not at area centroids hundreds of kilometres away.
func TestCountryPoints(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"americas", "Trade between [[LOC Argentina]] and [[LOC Chile]] grew.",
			[]wantPlace{{name: "Argentina", country: "ARG", lat: -34, lon: -64, maxKM: 50}, {name: "Chile", country: "CHL", lat: -30, lon: -71, maxKM: 50}}},
		{"united states", "[[LOC United States]] officials met.", []wantPlace{{name: "United States", country: "USA", lat: 39.76, lon: -98.5, maxKM: 50}}},
		{"asia", "[[LOC Russia]] and [[LOC India]] signed a deal.",
			[]wantPlace{{name: "Russia", country: "RUS", lat: 60, lon: 100, maxKM: 50}, {name: "India", country: "IND", lat: 22, lon: 79, maxKM: 50}}},
		{"africa", "Rains returned to [[LOC Nigeria]] and [[LOC Kenya]].",
			[]wantPlace{{name: "Nigeria", country: "NGA", lat: 10, lon: 8, maxKM: 50}, {name: "Kenya", country: "KEN", lat: 1, lon: 38, maxKM: 50}}},
	})
}

// TestDivisionWordAfterCountryName: a country's or capital's namesake
// division written with its division word ("Niger State", "Washington
// State") is the division; the word names no organisation, and a body
// placed there is the division's country's.
func TestDivisionWordAfterCountryName(t *testing.T) {
	for _, tc := range []struct {
		text, name, country string
		body, bodyCountry   string
	}{
		{"Rains flooded farms in Niger State on Monday.", "Niger", "NGA", "", ""},
		{"Protesters in Niger State blocked the main road.", "Niger", "NGA", "Protesters", "NGA"},
		{"Lawmakers from Niger State walked out of the session.", "Niger", "NGA", "Lawmakers", "NGA"},
		{"Fires spread across Washington State overnight.", "Washington", "USA", "", ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			art := analyse(t, "", nil, tc.text)
			found, bodyFound := false, tc.body == ""
			for _, e := range art.Entities {
				switch {
				case e.Name == "State":
					t.Errorf("the division word is an entity: %+v", e)
				case e.Name == tc.name:
					found = true
					if e.Country == nil || *e.Country != tc.country {
						t.Errorf("%s: country %v, want %s", e.Name, e.Country, tc.country)
					}
				case tc.body != "" && e.Name == tc.body:
					bodyFound = true
					if e.Country == nil || *e.Country != tc.bodyCountry {
						t.Errorf("%s: country %v, want %s", e.Name, e.Country, tc.bodyCountry)
					}
				}
			}
			if !found || !bodyFound {
				t.Errorf("no %s or %s among %+v", tc.name, tc.body, art.Entities)
			}
		})
	}
}

package gazetteer

import "testing"

// TestResolveContext: the whole article's places, the kind of the places
// a name is listed with, and a qualifier naming a division where the
// gazetteer has the town under a longer name.
func TestResolveContext(t *testing.T) {
	cities := []City{
		{Name: "Hyderabad", CC: "IN", Admin1: "40", Feature: "PPLA", Pop: 6809970, Lat: 17.38, Lon: 78.46},
		{Name: "Hyderabad", CC: "PK", Admin1: "05", Feature: "PPLA2", Pop: 1386330, Lat: 25.39, Lon: 68.37},
		{Name: "Valencia", CC: "ES", Admin1: "60", Feature: "PPLA", Pop: 814208, Lat: 39.47, Lon: -0.38},
		{Name: "Valencia", CC: "VE", Admin1: "07", Feature: "PPLA", Pop: 1385202, Lat: 10.16, Lon: -68},
		{Name: "New Brunswick", CC: "US", Admin1: "NJ", Feature: "PPLA2", Pop: 55181, Lat: 40.49, Lon: -74.45},
		{Name: "Bradford", CC: "GB", Admin1: "ENG", Feature: "PPLA2", Pop: 299310, Lat: 53.79, Lon: -1.75},
		{Name: "Bradford West Gwillimbury", CC: "CA", Admin1: "08", Feature: "PPL", Pop: 35325, Lat: 44.11, Lon: -79.56},
		{Name: "Bradford Hills", CC: "CA", Admin1: "08", Feature: "PPL", Pop: 1200, Lat: 44.5, Lon: -80},
		{Name: "Magdalena", CC: "PE", Admin1: "06", Feature: "PPL", Pop: 1100, Lat: -7.25, Lon: -78.65},
	}
	divs := []Division{
		{Code: "CA.04", Name: "New Brunswick", ASCII: "New Brunswick", Lat: 46.4, Lon: -66.4, HasLL: true, Pop: 500000},
		{Code: "CA.08", Name: "Ontario", ASCII: "Ontario", Lat: 49, Lon: -84, HasLL: true, Pop: 12000000},
		{Code: "CO.38", Name: "Magdalena", ASCII: "Magdalena", Lat: 10.1, Lon: -74.4, HasLL: true, Pop: 900000},
	}
	g, err := Build(cities, divs, nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, why string
		ctx       Context
		cc, basis string
	}{
		{"Hyderabad", "no context: the larger city", Context{}, "IN", BasisPopulation},
		{"Hyderabad", "a province named later in the article", Context{ArticleCountries: map[string]int{"PK": 1}, ArticleAdmin1: map[string]int{"PK.05": 1}}, "PK", BasisContext},
		{"Valencia", "a country named later in the article", Context{ArticleCountries: map[string]int{"ES": 1}}, "ES", BasisContext},
		{"New Brunswick", "US places so far, listed with provinces", Context{Countries: map[string]int{"US": 4}, Admin1: map[string]int{"US.NJ": 1}, ListKind: KindAdmin1, ListCC: "CA"}, "CA", BasisContext},
		{"Bradford", "a qualifier naming a division: the town there of a longer name", Context{QualCC: "CA", QualAdmin1: "08"}, "CA", BasisQualifier},
		{"Magdalena", "the name itself is no support for its own reading", Context{ArticleCountries: map[string]int{"CO": 1, "PE": 2}, ArticleAdmin1: map[string]int{"CO.38": 1}, ArticleNames: map[string]NameCount{"Magdalena": {"CO.38", 1}}}, "CO", BasisPopulation},
	}
	for _, c := range cases {
		r, ok := g.Resolve(c.name, &c.ctx)
		if !ok {
			t.Errorf("%s (%s): no reading", c.name, c.why)
			continue
		}
		if r.CC != c.cc || r.Basis != c.basis {
			t.Errorf("%s (%s): got %s %s (%s), want %s %s", c.name, c.why, r.CC, r.Basis, r.Name, c.cc, c.basis)
		}
	}
	if r, _ := g.Resolve("Bradford", &Context{QualCC: "CA", QualAdmin1: "08"}); r.Name != "Bradford West Gwillimbury" {
		t.Errorf("Bradford, Ontario: got %q, want the most populous town so named", r.Name)
	}
	// "Valencia, Ontario": no town of the name there; a place in
	// Ontario without a point, not Spain's or Venezuela's Valencia
	if r, ok := g.Resolve("Valencia", &Context{QualCC: "CA", QualAdmin1: "08"}); !ok || r.CC != "CA" || r.Admin1 != "08" || r.HasLL || r.Basis != BasisQualifier {
		t.Errorf("Valencia, Ontario: got %+v %v, want a place in CA.08 without a point", r, ok)
	}
}

// TestCompassVariants: a division whose name opens with a compass word
// answers to the word's other form ("South Darfur" for GeoNames'
// "Southern Darfur", "North Kivu" for "Nord Kivu"), and a hyphenated
// name to its spelling with spaces ("Bas Congo"), "Province of Cebu"
// to "Cebu".
func TestCompassVariants(t *testing.T) {
	divs := []Division{
		{Code: "SD.49", Name: "Southern Darfur", ASCII: "Southern Darfur"},
		{Code: "CD.11", Name: "Nord Kivu", ASCII: "Nord Kivu"},
		{Code: "ZA.11", Name: "Western Cape", ASCII: "Western Cape"},
		{Code: "KR.05", Name: "North Chungcheong", ASCII: "North Chungcheong"},
		{Code: "US.SD", Name: "South Dakota", ASCII: "South Dakota"},
		{Code: "CD.08", Name: "Bas-Congo", ASCII: "Bas-Congo"},
		{Code: "PH.07.21", Name: "Province of Cebu", ASCII: "Province of  Cebu"},
		{Code: "FR.84", Name: "Auvergne-Rhône-Alpes", ASCII: "Auvergne-Rhone-Alpes"},
	}
	g, err := Build(nil, divs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, code := range map[string]string{"South Darfur": "SD.49", "North Kivu": "CD.11", "West Cape": "ZA.11", "Northern Chungcheong": "KR.05", "Southern Dakota": "US.SD", "South Dakota": "US.SD",
		"Bas Congo": "CD.08", "Bas-Congo": "CD.08", "North-Kivu": "CD.11", "Cebu": "PH.07.21", "Auvergne Rhone Alpes": "FR.84"} {
		ps := g.Lookup(name)
		if len(ps) != 1 || ps[0].Code != code {
			t.Errorf("%s: got %v, want %s", name, ps, code)
		}
	}
	if g.Has("Darfur") || g.Has("Southern") {
		t.Error("a compass word or the rest of the name alone found a division")
	}
}

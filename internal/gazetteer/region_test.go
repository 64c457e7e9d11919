package gazetteer

import "testing"

func TestAdmin1Of(t *testing.T) {
	g := testGaz(t)
	cases := []struct {
		name, cc string
		lat, lon float64
		want     string // division code, "" for none
	}{
		{"Paris", "US", 33.66, -95.56, "US.TX"},                 // a city's own record
		{"Ballina", "AU", -28.86, 153.57, "AU.02"},              // namesakes abroad ignored
		{"Ballina", "AU", -28.9, 153.5, "AU.02"},                // rounded point, same record
		{"Wyoming", "US", 43, -107.5, "US.WY"},                  // a division is its own region
		{"Guerrero", "MX", 17.6, -99.9, "MX.12"},                // ...in another country
		{"Fort Worth Stockyards", "US", 32.79, -97.35, "US.TX"}, // no record: nearest division point
		{"Wyoming", "US", 42.91, -85.71, "US.WY"},               // the city Wyoming, MI: Michigan unknown here, nearest
		{"Perth", "AU", -31.95, 115.86, "AU.02"},                // its AU.08 is not in the test data: the one AU division
		{"Somewhere", "ZZ", 1, 1, ""},                           // a country without divisions
	}
	for _, c := range cases {
		p, ok := g.Admin1Of(c.name, c.cc, c.lat, c.lon)
		got := ""
		if ok {
			got = p.Code
		}
		if got != c.want {
			t.Errorf("Admin1Of(%q, %s, %v, %v) = %q, want %q", c.name, c.cc, c.lat, c.lon, got, c.want)
		}
		if ok && p.Kind != KindAdmin1 {
			t.Errorf("Admin1Of(%q): kind %d, want a first-level division", c.name, p.Kind)
		}
	}
}

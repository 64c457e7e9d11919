package store

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

func TestRegionsOf(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	s := func(v string) *string { return &v }
	cases := []struct {
		name, country, prec string
		lat, lon            float64
		code, region        string
	}{
		{"Lyon", "FRA", "city", 45.75, 4.85, "FR.84", "Auvergne-Rhône-Alpes"},
		{"Guadalajara", "MEX", "city", 20.67, -103.39, "MX.14", "Jalisco"},
		{"Kano", "NGA", "city", 12.0, 8.52, "NG.29", "Kano"},
		{"Texas", "USA", "division", 31.2, -99.5, "US.TX", "Texas"},
		{"Yongbyon Nuclear Scientific Research Center", "PRK", "point", 39.8, 125.75, "KP.11", "P'yŏngan-bukto"},
		{"Vietnam", "VNM", "country", 16.0, 106.0, "", ""}, // a country's point has no division
		{"Somewhere", "", "city", 1, 1, "", ""},            // no country
	}
	var r Regions
	for _, c := range cases {
		loc := &model.Location{Name: c.name, Lat: f(c.lat), Lon: f(c.lon), Country: s(c.country)}
		ent := &model.Entity{Name: c.name, Type: "LOC", Lat: f(c.lat), Lon: f(c.lon), Country: s(c.country), Precision: c.prec}
		code, name := r.Of(loc, ent)
		if code != c.code || name != c.region {
			t.Errorf("%s: got %q %q, want %q %q", c.name, code, name, c.code, c.region)
		}
	}
	if code, _ := r.Of(nil, nil); code != "" {
		t.Errorf("no location: got %q", code)
	}
}

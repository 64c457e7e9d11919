package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
)

func TestRepresent(t *testing.T) {
	cs := []gazetteer.City{{Lat: 30, Lon: -100, Pop: 10}, {Lat: 34, Lon: -96, Pop: 1000}, {Lat: 26, Lon: -98, Pop: 5}}
	lat, lon, pop, ok := represent(cs)
	if !ok || lat != 30 || lon != -98 || pop != 1015 {
		t.Errorf("got %v %v %v %v, want the middle of the box 30,-98 and 1015 people", lat, lon, pop, ok)
	}
	if _, _, _, ok := represent(nil); ok {
		t.Error("a division without cities has no point")
	}
}

// TestRepresentStray: a town filed under a division far from the rest
// of it (or a remote island) does not move the division's point; a
// division whose towns thin out into empty land keeps its outer towns.
func TestRepresentStray(t *testing.T) {
	island := []gazetteer.City{{Lat: 46.2, Lon: -63.1}, {Lat: 46.4, Lon: -63.8}, {Lat: 46.8, Lon: -64.1}, {Lat: 46.1, Lon: -62.6}, {Lat: 46.35, Lon: -62.25}}
	lat, lon, _, _ := represent(island)
	stray := append(append([]gazetteer.City(nil), island...), gazetteer.City{Lat: 45.5, Lon: -75.5})
	slat, slon, _, _ := represent(stray)
	if km := gazetteer.KM(lat, lon, slat, slon); km > 1 {
		t.Errorf("a stray town 900 km away moved the point %.0f km", km)
	}
	// a chain of towns 150 km apart stretching north: none stands alone
	var chain []gazetteer.City
	for i := 0; i < 10; i++ {
		chain = append(chain, gazetteer.City{Lat: -28 + 1.35*float64(i), Lon: 152}, gazetteer.City{Lat: -28 + 1.35*float64(i), Lon: 145})
	}
	if lat, _, _, _ := represent(chain); math.Abs(lat-(-28+1.35*4.5)) > 0.01 {
		t.Errorf("chain: lat %.2f, want the middle %.2f", lat, -28+1.35*4.5)
	}
}

// TestHullCentroid: the centre of area, not the mean of the points: a
// cluster of towns in one corner of a square does not pull it.
func TestHullCentroid(t *testing.T) {
	pts := [][2]float64{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {1, 1}, {1.5, 1}, {1, 1.5}, {2, 2}}
	x, y, ok := hullCentroid(pts)
	if !ok || math.Abs(x-5) > 1e-9 || math.Abs(y-5) > 1e-9 {
		t.Errorf("got %v %v %v, want 5 5", x, y, ok)
	}
	if _, _, ok := hullCentroid([][2]float64{{0, 0}, {1, 1}, {2, 2}}); ok {
		t.Error("points on a line have no hull")
	}
}

func TestSeat(t *testing.T) {
	cs := []gazetteer.City{{Name: "Yushu", Lat: 33, Lon: 97, Pop: 120000}, {Name: "Other", Lat: 1, Lon: 1, Pop: 5}}
	for _, name := range []string{"Yushu Zangzu Zizhizhou", "Yushu County", "Yushu"} {
		lat, _, pop, ok := seat(cs, code{code: "CN.06.1", name: name, ascii: name})
		if !ok || lat != 33 || pop != 120000 {
			t.Errorf("%s: got %v %v %v", name, lat, pop, ok)
		}
	}
	if _, _, _, ok := seat(cs, code{name: "Nowhere District", ascii: "Nowhere District"}); ok {
		t.Error("a district with no town of its name has no point")
	}
}

// TestUpdateCountries: only the lat/lon columns change; comments, other
// columns and countries without a point are kept byte for byte.
func TestUpdateCountries(t *testing.T) {
	dir := t.TempDir()
	countries := "# header\nARG\tAR\tArgentina\t\tArgentine\tBuenos Aires\t-34.60\t-58.38\t-38.4\t-63.6\t\nXXX\tXX\tNowhere\t\t\t\t\t\t1\t2\t\n"
	pts := "# points\nAR\t-34\t-64\n"
	cp, pp := filepath.Join(dir, "countries.tsv"), filepath.Join(dir, "points.tsv")
	if err := os.WriteFile(cp, []byte(countries), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pp, []byte(pts), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateCountries(cp, pp); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(cp)
	want := strings.Replace(countries, "-38.4\t-63.6", "-34\t-64", 1)
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if err := os.WriteFile(pp, []byte("AR\t-34\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateCountries(cp, pp); err == nil || !strings.Contains(err.Error(), "points.tsv:1") {
		t.Errorf("bad points line: err %v, want its position", err)
	}
}

// TestReadPoints: the fixed division points parse, and a bad line is an
// error naming its position.
func TestReadPoints(t *testing.T) {
	pts, err := readPoints("division_points.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := pts["CA.02"]; !ok || p[0] < 48 || p[0] > 60 {
		t.Errorf("British Columbia: %v %v", p, ok)
	}
	bad := filepath.Join(t.TempDir(), "p.tsv")
	if err := os.WriteFile(bad, []byte("# c\nUS.AK\t64\t-250\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readPoints(bad); err == nil || !strings.Contains(err.Error(), "p.tsv:2") {
		t.Errorf("bad coordinates: err %v, want its position", err)
	}
}

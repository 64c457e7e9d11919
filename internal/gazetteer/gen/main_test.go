package main

import (
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

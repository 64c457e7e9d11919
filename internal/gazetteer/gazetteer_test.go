package gazetteer

import (
	"bufio"
	"bytes"
	"runtime"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
)

func TestParseDivision(t *testing.T) {
	cases := []struct {
		fields []string
		ok     bool
		level  int
	}{
		{[]string{"US.TX", "Texas", "Texas", "31.1", "-100.1", "25000000"}, true, 1},
		{[]string{"GB.ENG.Q4", "Worcestershire", "Worcestershire", "", "", "0"}, true, 2},
		{[]string{"AU.02", "New South Wales", "New South Wales"}, true, 1},
		{[]string{"US", "Nowhere", "Nowhere"}, false, 0},
		{[]string{"US.TX.1.2", "Deep", "Deep"}, false, 0},
		{[]string{"US.TX", "", ""}, false, 0},
		{[]string{"US.TX", "Texas", "Texas", "91", "0"}, false, 0},
		{[]string{"US.TX", "Texas", "Texas", "31", "-100", "many"}, false, 0},
		{[]string{"US.TX"}, false, 0},
	}
	for _, c := range cases {
		d, err := ParseDivision(c.fields)
		if (err == nil) != c.ok {
			t.Errorf("%v: err %v, want ok=%v", c.fields, err, c.ok)
			continue
		}
		if c.ok && d.Level() != c.level {
			t.Errorf("%v: level %d, want %d", c.fields, d.Level(), c.level)
		}
	}
}

// testGaz is a small hand-made gazetteer: namesakes on three continents.
func testGaz(t *testing.T) *Gazetteer {
	t.Helper()
	cities := []City{
		{Name: "Paris", CC: "FR", Admin1: "11", Feature: "PPLC", Pop: 2138551, Lat: 48.85, Lon: 2.35},
		{Name: "Paris", CC: "US", Admin1: "TX", Feature: "PPLA2", Pop: 25171, Lat: 33.66, Lon: -95.56},
		{Name: "Perth", CC: "AU", Admin1: "08", Feature: "PPLA", Pop: 1896548, Lat: -31.95, Lon: 115.86},
		{Name: "Perth", CC: "GB", Admin1: "SCT", Feature: "PPL", Pop: 44820, Lat: 56.40, Lon: -3.43},
		{Name: "Mumbai", CC: "IN", Admin1: "16", Feature: "PPLA", Pop: 12691836, Lat: 19.07, Lon: 72.88},
		{Name: "Ballina", CC: "AU", Admin1: "02", Feature: "PPL", Pop: 16506, Lat: -28.86, Lon: 153.57},
		{Name: "Ballina", CC: "IE", Admin1: "C", Feature: "PPL", Pop: 10361, Lat: 54.12, Lon: -9.15},
		{Name: "Wyoming", CC: "US", Admin1: "MI", Feature: "PPL", Pop: 75567, Lat: 42.91, Lon: -85.71},
	}
	divs := []Division{
		{Code: "US.TX", Name: "Texas", ASCII: "Texas", Lat: 31, Lon: -100, HasLL: true, Pop: 20000000},
		{Code: "US.WY", Name: "Wyoming", ASCII: "Wyoming", Lat: 43, Lon: -107.5, HasLL: true, Pop: 400000},
		{Code: "GB.SCT", Name: "Scotland", ASCII: "Scotland", Lat: 56.5, Lon: -4, HasLL: true, Pop: 4800000},
		{Code: "AU.02", Name: "New South Wales", ASCII: "New South Wales", Lat: -32.6, Lon: 147.5, HasLL: true, Pop: 7000000},
		{Code: "AU.02.100", Name: "Ballina", ASCII: "Ballina"},
		{Code: "MX.12", Name: "Guerrero", ASCII: "Guerrero", Lat: 17.6, Lon: -99.9, HasLL: true},
		{Code: "CN.22", Name: "Běijīng Shì", ASCII: "Beijing Shi"},
	}
	g, err := Build(cities, divs, []AltName{{Name: "Bombay", Target: "Mumbai@IN"}, {Name: "NSW", Target: "AU.02"}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestResolve(t *testing.T) {
	g := testGaz(t)
	cases := []struct {
		name, why string
		ctx       Context
		cc, basis string
		kind      Kind
	}{
		{"Paris", "prominence without context", Context{}, "FR", BasisPopulation, KindCity},
		{"Paris", "a qualifier beats population", Context{QualCC: "US", QualAdmin1: "TX"}, "US", BasisQualifier, KindCity},
		{"Perth", "a country qualifier", Context{QualCC: "GB"}, "GB", BasisQualifier, KindCity},
		{"Perth", "the article's country", Context{Countries: map[string]int{"GB": 3}}, "GB", BasisContext, KindCity},
		{"Ballina", "a nearby place", Context{Points: []Point{{-28.6, 153.3}}}, "AU", BasisContext, KindCity},
		{"Ballina", "the article's country", Context{Countries: map[string]int{"IE": 1}}, "IE", BasisContext, KindCity},
		{"Wyoming", "a state outranks its namesake town", Context{}, "US", BasisPopulation, KindAdmin1},
		{"Bombay", "an alternate name", Context{}, "IN", BasisOnly, KindCity},
		{"NSW", "an abbreviation of a division", Context{}, "AU", BasisOnly, KindAdmin1},
		{"Guerrero", "a state", Context{}, "MX", BasisOnly, KindAdmin1},
		{"Beijing Shi", "an ASCII name", Context{}, "CN", BasisOnly, KindAdmin1},
		{"Beijing Shi", "the folded name", Context{}, "CN", BasisOnly, KindAdmin1},
	}
	for _, c := range cases {
		r, ok := g.Resolve(c.name, &c.ctx)
		if !ok {
			t.Errorf("%s (%s): no reading", c.name, c.why)
			continue
		}
		if r.CC != c.cc || r.Basis != c.basis || r.Kind != c.kind {
			t.Errorf("%s (%s): got %s %s kind %d, want %s %s kind %d", c.name, c.why, r.CC, r.Basis, r.Kind, c.cc, c.basis, c.kind)
		}
	}
	if _, ok := g.Resolve("Atlantis", &Context{}); ok {
		t.Error("Atlantis resolved")
	}
	if r, _ := g.Resolve("Ballina", &Context{Countries: map[string]int{"AU": 2}, Admin1: map[string]int{"AU.02": 1}}); r.Kind != KindCity {
		t.Errorf("a district named after its town should give the town, got kind %d", r.Kind)
	}
}

func TestBuildErrors(t *testing.T) {
	if _, err := Build(nil, nil, []AltName{{Name: "Bombay", Target: "Mumbai@IN"}}); err == nil || !strings.Contains(err.Error(), "Bombay") {
		t.Errorf("unknown alternate target: err %v, want one naming Bombay", err)
	}
	if _, err := Build(nil, nil, []AltName{{Name: "Nowhere", Target: "ZZ.99"}}); err == nil {
		t.Error("unknown division code accepted")
	}
	if _, err := DecodeCities([]byte{0x0a, 0xff}); err == nil || !strings.Contains(err.Error(), "byte 0") {
		t.Errorf("damaged stream: err %v, want its offset", err)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Khān Yūnis": "Khan Yunis", "Sanaʽa": "Sanaa", "Côte d'Ivoire": "Cote dIvoire", "Texas": "Texas", "İstanbul": "Istanbul",
		"Łódź": "Lodz", "Diyarbakır": "Diyarbakir", "Tromsø": "Tromso", "Đà Nẵng": "Da Nang", "Għargħur": "Gharghur"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// loadAll builds the gazetteer exactly as the binary does: the embedded
// cities and the lexicon's divisions and alternate names.
func loadAll(tb testing.TB) *Gazetteer {
	tb.Helper()
	cities, err := DecodeCities(sitrep.Cities)
	if err != nil {
		tb.Fatal(err)
	}
	divs := loadDivisions(tb)
	g, err := Build(cities, divs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// loadDivisions reads the embedded lexicon/entities/divisions.tsv.
func loadDivisions(tb testing.TB) []Division {
	tb.Helper()
	raw, err := sitrep.Lexicon.ReadFile("lexicon/entities/divisions.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	var divs []Division
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for line := 1; sc.Scan(); line++ {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			d, err := ParseDivision(strings.Split(l, "\t"))
			if err != nil {
				tb.Fatalf("divisions.tsv:%d: %v", line, err)
			}
			divs = append(divs, d)
		}
	}
	return divs
}

// TestEmbeddedData checks the generated data joins up: divisions of
// several regions have points near where they are.
func TestEmbeddedData(t *testing.T) {
	g := loadAll(t)
	for _, c := range []struct {
		code     string
		lat, lon float64
	}{
		{"US.CA", 37.2, -119.5}, {"AU.04", -20.9, 144.4}, {"IN.36", 26.9, 80.9}, {"GB.SCT", 56.5, -4.2}, {"NG.57", 12.1, 6.2}, {"BR.27", -22.5, -48.6},
	} {
		p, ok := g.Division(c.code)
		if !ok || !p.HasLL {
			t.Errorf("%s: missing or without a point", c.code)
			continue
		}
		if km := KM(p.Lat, p.Lon, c.lat, c.lon); km > 400 {
			t.Errorf("%s %s: point %.2f,%.2f is %.0f km off", c.code, p.Name, p.Lat, p.Lon, km)
		}
	}
	// within 161 km of the atlas centre: divisions with a stray town
	// filed under them (Prince Edward Island, Hebei) or with their towns
	// at one edge (British Columbia, Alaska, South Australia)
	for _, c := range []struct {
		code     string
		lat, lon float64
	}{
		{"CA.09", 46.3, -63.3}, {"CN.10", 39, 116}, {"CA.02", 54, -125}, {"US.AK", 64, -150}, {"AU.05", -30, 135.5}, {"GB.ENG", 52.5, -1.5},
	} {
		p, ok := g.Division(c.code)
		if !ok || !p.HasLL {
			t.Errorf("%s: missing or without a point", c.code)
			continue
		}
		if km := KM(p.Lat, p.Lon, c.lat, c.lon); km > 161 {
			t.Errorf("%s %s: point %.2f,%.2f is %.0f km off", c.code, p.Name, p.Lat, p.Lon, km)
		}
	}
}

// BenchmarkLoad measures decoding the cities and indexing them with the
// divisions: the start-up cost the binary pays once (budget: 1 s).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		g := loadAll(b)
		if g.Len() < 150000 {
			b.Fatalf("only %d places", g.Len())
		}
	}
}

// BenchmarkLoadLive reports the heap a loaded gazetteer keeps (live-MB,
// after a collection), the resident cost every analysing process pays.
func BenchmarkLoadLive(b *testing.B) {
	var live float64
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		g := loadAll(b)
		runtime.GC()
		runtime.ReadMemStats(&after)
		live = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		runtime.KeepAlive(g)
	}
	b.ReportMetric(live, "live-MB")
}

// TestFoldNames checks the rune-by-rune Fold against folding the whole
// string's NFD on every city and division name of the embedded data (all
// scripts GeoNames uses) and on marks that NFD reorders.
func TestFoldNames(t *testing.T) {
	cities, err := DecodeCities(sitrep.Cities)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Ả̃Ḉ", "q̣̇", "ẞ̃", "Hà Nội", "서울특별시", "Tōkyō", "Ağrı", "Šiauliai"}
	for _, c := range cities {
		names = append(names, c.Name)
	}
	for _, d := range loadDivisions(t) {
		names = append(names, d.Name, d.ASCII)
	}
	bad := 0
	for _, n := range names {
		if got, want := Fold(n), foldNFD(n); got != want {
			if bad++; bad <= 10 {
				t.Errorf("Fold(%q) = %q, NFD folds to %q", n, got, want)
			}
		}
	}
	if len(names) < 150000 {
		t.Errorf("only %d names", len(names))
	}
}

// BenchmarkLookup looks up names as recognition does: city and division
// names, capitalised words that are no place, and folded spellings.
func BenchmarkLookup(b *testing.B) {
	g := loadAll(b)
	cities, err := DecodeCities(sitrep.Cities)
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for i := 0; i < len(cities); i += 97 {
		names = append(names, cities[i].Name, Fold(cities[i].Name))
	}
	names = append(names, "Minister", "Tuesday", "Reuters", "Khan Yunis", "Nord-Kivu", "New South Wales", "Police", "United Nations")
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, s := range names {
			n += len(g.Lookup(s))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(names)), "ns/name")
}

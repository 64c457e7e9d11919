package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sliceStore streams a fixed list of events; only EachEvent is used by
// Write. With gen set it generates events instead, for large runs.
type sliceStore struct {
	store.Store
	events []store.EventRecord
	gen    func(i int) (store.EventRecord, bool)
	// seen is called after each event was handed to Write's callback.
	seen func(i int) error
}

func (s *sliceStore) EachEvent(ctx context.Context, f store.EventFilter, fn func(store.EventRecord) error) error {
	for i := 0; ; i++ {
		var r store.EventRecord
		if s.gen != nil {
			var ok bool
			if r, ok = s.gen(i); !ok {
				return nil
			}
		} else {
			if i == len(s.events) {
				return nil
			}
			r = s.events[i]
		}
		if (f.ArticleID != "" && r.ArticleID != f.ArticleID) || (f.Cluster != "" && r.Cluster != f.Cluster) {
			continue
		}
		if err := fn(r); err != nil {
			return err
		}
		if s.seen != nil {
			if err := s.seen(i); err != nil {
				return err
			}
		}
	}
}

// sampleEvents covers the shapes an export meets: full events, missing
// target, date and location, hostile text.
func sampleEvents() []store.EventRecord {
	mk := func(article, id string, sent int, src, tgt, cameo string, g float64, quad int) store.EventRecord {
		r := store.EventRecord{
			Event: model.Event{
				ID: id, Sentence: sent, Source: model.Actor{Entity: model.Str("e1"), Code: src},
				Cameo: cameo, Goldstein: g, QuadClass: quad,
				Plover:      model.Plover{Type: "CONSULT", Context: []string{}},
				Modality:    model.ModalityAsserted,
				Attribution: []model.Attribution{},
			},
			ArticleID: article,
			Key:       article + ":" + id,
			Cluster:   article + ":" + id,
		}
		if tgt != "" {
			r.Target = &model.Actor{Entity: model.Str("e2"), Code: tgt}
		}
		return r
	}
	a := mk("a1f3", "v1", 0, "KENGOV", "SOMGOV", "036", 4, 1)
	a.SourceName, a.TargetName = "Government of Kenya", "Somali government"
	a.Date = model.EventDate{Value: model.Str("2024-11-20"), Precision: model.Str("day"), FromText: model.Str("on Wednesday")}
	a.Day = "2024-11-20"
	a.SentenceText = "Kenya offered to mediate talks with Somalia on Wednesday."
	a.Location = &model.Location{Name: "Nairobi", Lat: model.Float(-1.28333), Lon: model.Float(36.81667), Country: model.Str("KEN"), Basis: "clause"}
	a.Attribution = []model.Attribution{{Text: "according to the foreign ministry"}, {Text: "officials said"}}
	a.Region, a.RegionName, a.LocationPrecision = "KE.05", "Nairobi Area", "city"

	b := mk("a1f3", "v2", 3, "IGOUNO", "MMRMILREB", "0231", 3.4, 1)
	b.SourceName, b.TargetName = "United Nations", "Arakan Army"
	b.Date = model.EventDate{Value: model.Str("2024-11"), Precision: model.Str("month")}
	b.Day = "2024-11-01"
	b.SentenceText = "The UN urged\tthe \"Arakan Army\"\nto allow aid,\r\nsaying: \"now\"."
	b.Location = &model.Location{Name: "Rakhine\tState", Country: model.Str("MMR")}

	c := mk("b7c9", "v1", 1, "USAGOV", "", "010", 0, 1)
	c.SourceName = "=HYPERLINK(\"http://evil\")"
	c.SentenceText = "-- The White House said little, “as usual”."
	c.Location = &model.Location{Name: "Washington", Lat: model.Float(38.9), Lon: model.Float(-77.04), Country: model.Str("USA")}
	c.Modality = model.ModalityDenied
	c.Region, c.RegionName, c.LocationPrecision = "US.DC", "Washington, D.C.", "city"

	d := mk("c0de", "v4", 0, "AFGREBMOSTAL", "PAKMIL", "190", -10, 4)
	d.SourceName, d.TargetName = "Taliban", "Pakistan Army"
	d.Date = model.EventDate{Value: model.Str("2025-03-09"), Precision: model.Str("day")}
	d.Day = "2025-03-09"
	d.SentenceText = "Taliban fighters attacked a Pakistani border post, killing 4."
	return []store.EventRecord{a, b, c, d}
}

func export(t testing.TB, st store.Store, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, st, store.EventFilter{}, format); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	st := &sliceStore{events: sampleEvents()}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			got := export(t, st, format)
			path := filepath.Join("testdata", "events."+Extension(format))
			if format == GDELTExt {
				path = filepath.Join("testdata", "events-ext."+Extension(format))
			}
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update if the change is intended):\n%s", format, path, got)
			}
		})
	}
}

func TestCSVRoundTrip(t *testing.T) {
	events := sampleEvents()
	out := export(t, &sliceStore{events: events}, CSV)
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v", err)
	}
	if len(rows) != len(events)+1 {
		t.Fatalf("%d rows, want header + %d", len(rows), len(events))
	}
	if !reflect.DeepEqual(rows[0], csvHeader) {
		t.Errorf("header = %q", rows[0])
	}
	col := map[string]int{}
	for i, h := range csvHeader {
		col[h] = i
	}
	for i, ev := range events {
		row := rows[i+1]
		// encoding/csv reads \r\n inside a quoted field as \n.
		want := strings.ReplaceAll(cell(ev.SentenceText), "\r\n", "\n")
		if row[col["key"]] != ev.Key || row[col["sentence_text"]] != want {
			t.Errorf("row %d = %q", i, row)
		}
	}
	// Good and bad cells side by side.
	cells := []struct{ in, want string }{
		{"Kenya", "Kenya"},
		{"=1+1", "'=1+1"},
		{"+cmd", "'+cmd"},
		{"-- dash", "'-- dash"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"", ""},
		{"a=b", "a=b"},
	}
	for _, c := range cells {
		if got := cell(c.in); got != c.want {
			t.Errorf("cell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := rows[3][col["source_name"]]; !strings.HasPrefix(got, "'=") {
		t.Errorf("formula name exported as %q", got)
	}
	if got := rows[1][col["attribution"]]; got != "according to the foreign ministry | officials said" {
		t.Errorf("attribution = %q", got)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	events := sampleEvents()
	out := export(t, &sliceStore{events: events}, JSONL)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(events) {
		t.Fatalf("%d lines, want %d", len(lines), len(events))
	}
	for i, l := range lines {
		var got store.EventRecord
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(got, events[i]) {
			t.Errorf("line %d round-trips to\n%+v\nwant\n%+v", i+1, got, events[i])
		}
	}
}

func TestGDELTRows(t *testing.T) {
	events := sampleEvents()
	out := string(export(t, &sliceStore{events: events}, GDELT))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(events) {
		t.Fatalf("%d lines, want %d", len(lines), len(events))
	}
	if len(GDELTColumns) != 61 {
		t.Fatalf("GDELTColumns has %d names, GDELT 2.0 has 61", len(GDELTColumns))
	}
	if strings.Contains(out, `"`) {
		t.Error("a double quote survived; TSV readers that honour quotes would merge fields")
	}
	rows := make([]map[string]string, len(lines))
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Fatalf("line %d has %d fields, want 61", i+1, len(f))
		}
		rows[i] = map[string]string{}
		for j, name := range GDELTColumns {
			rows[i][name] = f[j]
		}
	}
	checks := []struct {
		row       int
		col, want string
	}{
		{0, "GlobalEventID", fmt.Sprint(GlobalEventID("a1f3:v1"))},
		{0, "Day", "20241120"}, {0, "MonthYear", "202411"}, {0, "Year", "2024"},
		{0, "FractionDate", "2024.8767"}, // (10*30+20)/365
		{0, "Actor1Code", "KENGOV"}, {0, "Actor1Name", "GOVERNMENT OF KENYA"},
		{0, "Actor1CountryCode", "KEN"}, {0, "Actor1Type1Code", "GOV"},
		{0, "Actor2CountryCode", "SOM"}, {0, "IsRootEvent", "1"},
		{0, "EventCode", "036"}, {0, "EventBaseCode", "036"}, {0, "EventRootCode", "03"},
		{0, "QuadClass", "1"}, {0, "GoldsteinScale", "4"}, {0, "AvgTone", "0"},
		{0, "Actor1Geo_Type", "1"}, {0, "Actor1Geo_CountryCode", "KE"}, {0, "Actor1Geo_FullName", "Kenya"},
		{0, "ActionGeo_Type", "4"}, {0, "ActionGeo_FullName", "Nairobi"},
		{0, "ActionGeo_CountryCode", "KE"}, {0, "ActionGeo_ADM1Code", "KE05"}, {0, "ActionGeo_Lat", "-1.28333"}, {0, "ActionGeo_Long", "36.81667"},
		{0, "SOURCEURL", "a1f3"},
		// Not a country: IGO is the type, UNO the known group.
		{1, "Actor1CountryCode", ""}, {1, "Actor1Type1Code", "IGO"}, {1, "Actor1KnownGroupCode", "UNO"},
		{1, "Actor2CountryCode", "MMR"}, {1, "Actor2Type1Code", "MIL"}, {1, "Actor2Type2Code", "REB"},
		{1, "EventBaseCode", "023"}, {1, "EventRootCode", "02"}, {1, "IsRootEvent", "0"},
		{1, "ActionGeo_Type", "1"}, {1, "ActionGeo_FullName", "Rakhine State"},
		{2, "Day", ""}, {2, "FractionDate", ""}, {2, "Actor2Code", ""}, {2, "ActionGeo_Type", "3"}, {2, "ActionGeo_ADM1Code", "USDC"},
		{1, "ActionGeo_ADM1Code", ""}, {3, "ActionGeo_ADM1Code", ""},
		{3, "Actor1CountryCode", "AFG"}, {3, "Actor1Type1Code", "REB"}, {3, "Actor1Religion1Code", "MOS"},
		{3, "Actor1KnownGroupCode", "TAL"}, {3, "ActionGeo_Type", "0"}, {3, "GoldsteinScale", "-10"},
	}
	for _, c := range checks {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row+1, c.col, got, c.want)
		}
	}
}

// TestGDELTControlCharacters: a control character in an actor code or a
// region (which the columns split from them carry on) keeps each event on
// one row of 61 fields.
func TestGDELTControlCharacters(t *testing.T) {
	cases := []struct{ src, tgt, region string }{
		{"\n00", "PER", "PE.15"},
		{"CHL\tGOV", "ARG\rMIL", "CL.12"},
		{"NGA", "IGO\x00UNO", "NG.\n9"},
		{"IDN\u2028REB", "", "ID.\t4"},
		{"KHM", "THA\x7fMIL", "TH.4\r"},
	}
	for _, c := range cases {
		r := sampleEvents()[0]
		r.Source.Code, r.Region = c.src, c.region
		r.Target = &model.Actor{Entity: model.Str("e2"), Code: c.tgt}
		out := string(export(t, &sliceStore{events: []store.EventRecord{r}}, GDELT))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 1 || strings.Count(lines[0], "\t") != 60 {
			t.Errorf("%q %q %q: %d lines, %d tabs", c.src, c.tgt, c.region, len(lines), strings.Count(out, "\t"))
		}
	}
}

func TestSplitActor(t *testing.T) {
	tests := []struct {
		code string
		want actorParts
	}{
		{"RUSGOV", actorParts{country: "RUS", types: [3]string{"GOV"}}},
		{"RUS", actorParts{country: "RUS"}},
		{"IGOUNO", actorParts{group: "UNO", types: [3]string{"IGO"}}},
		{"NGOHRIAMN", actorParts{group: "AMN", types: [3]string{"NGO", "HRI"}}},
		{"ISRJEWRAD", actorParts{country: "ISR", rel1: "JEW", types: [3]string{"RAD"}}},
		{"GOV", actorParts{types: [3]string{"GOV"}}},
		{"EUR", actorParts{group: "EUR"}}, // a region, not a country
		// A regional body: the region, then the body's own code.
		{"IGOWSTNAT", actorParts{group: "NAT", types: [3]string{"IGO"}}},
		{"IGOEUREEC", actorParts{group: "EEC", types: [3]string{"IGO"}}},
		{"IGOAFRAFU", actorParts{group: "AFU", types: [3]string{"IGO"}}},
		{"IGOWAFBUSWAS", actorParts{group: "WAS", types: [3]string{"IGO", "BUS"}}},
		{"IGOUNOREFHCR", actorParts{group: "UNO", types: [3]string{"IGO", "REF"}}},
		{"IGOCAS", actorParts{group: "CAS", types: [3]string{"IGO"}}},
		{"rusgov", actorParts{group: "rus"}},
		{"", actorParts{}},
		{"KO", actorParts{}},
	}
	for _, tt := range tests {
		if got := splitActor(tt.code); got != tt.want {
			t.Errorf("splitActor(%q) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}

func TestGlobalEventIDStable(t *testing.T) {
	id := GlobalEventID("a1f3:v1")
	if id != GlobalEventID("a1f3:v1") || id == GlobalEventID("a1f3:v2") || id>>63 != 0 {
		t.Errorf("GlobalEventID not a stable distinct 63-bit id: %d", id)
	}
}

func TestUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(context.Background(), &buf, &sliceStore{events: sampleEvents()}, store.EventFilter{}, "xlsx")
	if err == nil || buf.Len() != 0 {
		t.Errorf("Write(xlsx) = %v with %d bytes written; want an error and nothing", err, buf.Len())
	}
	if ContentType("xlsx") != "application/octet-stream" || Extension("xlsx") != "" {
		t.Error("unknown format has a content type or extension")
	}
	for _, f := range Formats() {
		if ContentType(f) == "application/octet-stream" || Extension(f) == "" {
			t.Errorf("format %s lacks a content type or extension", f)
		}
	}
}

// countingWriter counts what reached the destination.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

func TestStreams(t *testing.T) {
	const total = 50_000
	base := sampleEvents()[0]
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			w := &countingWriter{}
			st := &sliceStore{
				gen: func(i int) (store.EventRecord, bool) {
					r := base
					r.Key = fmt.Sprintf("a:%d", i)
					r.Cluster = "" // its own event: no cluster walk per row
					return r, i < total
				},
				seen: func(i int) error {
					// Halfway through, bytes must already have left:
					// nothing is held back until the end.
					if i == total/2 && w.n == 0 {
						return errors.New("nothing written halfway through the walk")
					}
					return nil
				},
			}
			if err := Write(context.Background(), w, st, store.EventFilter{}, format); err != nil {
				t.Fatal(err)
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestErrors(t *testing.T) {
	st := &sliceStore{gen: func(i int) (store.EventRecord, bool) { return sampleEvents()[0], i < 100_000 }}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			if err := Write(context.Background(), failingWriter{}, st, store.EventFilter{}, format); err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Errorf("write error = %v, want disk full", err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if err := Write(ctx, io.Discard, st, store.EventFilter{}, format); !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled = %v, want context.Canceled", err)
			}
		})
	}
}

func TestFilterPassedThrough(t *testing.T) {
	out := export(t, &sliceStore{events: sampleEvents()}, JSONL)
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, &sliceStore{events: sampleEvents()}, store.EventFilter{ArticleID: "c0de"}, JSONL); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 1 || strings.Count(string(out), "\n") != 4 {
		t.Errorf("filtered export has %d lines, want 1", n)
	}
}

// FuzzText feeds arbitrary text into every text field and checks that
// each format keeps one event per record.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "tab\there", "new\nline", `"quoted"`, "\r\n\u2028\x00", "=cmd", "é\xff"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, sentence, name string) {
		r := sampleEvents()[0]
		r.SentenceText, r.SourceName = sentence, name
		r.Location.Name = name
		r.Cameo = name
		st := &sliceStore{events: []store.EventRecord{r, r}}

		g := export(t, st, GDELT)
		lines := strings.Split(strings.TrimSuffix(string(g), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("gdelt: %d lines for 2 events", len(lines))
		}
		for _, l := range lines {
			if n := strings.Count(l, "\t") + 1; n != 61 || strings.Contains(l, `"`) {
				t.Fatalf("gdelt: bad row (%d fields): %q", n, l)
			}
		}

		rows, err := csv.NewReader(bytes.NewReader(export(t, st, CSV))).ReadAll()
		if err != nil || len(rows) != 3 {
			t.Fatalf("csv: %d rows, %v", len(rows), err)
		}
		// encoding/csv turns \r\n inside quoted fields into \n.
		want := strings.ReplaceAll(cell(sentence), "\r\n", "\n")
		if got := rows[1][csvColumn("sentence_text")]; got != want {
			t.Fatalf("csv: sentence %q came back as %q", want, got)
		}

		j := export(t, st, JSONL)
		if n := bytes.Count(j, []byte("\n")); n != 2 {
			t.Fatalf("jsonl: %d lines for 2 events", n)
		}
	})
}

func BenchmarkWrite(b *testing.B) {
	base := sampleEvents()
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			st := &sliceStore{gen: func(i int) (store.EventRecord, bool) {
				r := base[i%len(base)]
				r.Key = fmt.Sprintf("bench:%d", i)
				return r, i < b.N
			}}
			b.ReportAllocs()
			b.ResetTimer()
			if err := Write(context.Background(), io.Discard, st, store.EventFilter{}, format); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// csvColumn is the index of a CSV column by name.
func csvColumn(name string) int {
	for i, h := range csvHeader {
		if h == name {
			return i
		}
	}
	panic("no CSV column " + name)
}

func TestADM1(t *testing.T) {
	west, east := model.Float(34.4), model.Float(35.2)
	cases := []struct {
		region, iso3 string
		lon          *float64
		want         string
	}{
		{"US.TX", "USA", nil, "USTX"},  // postal codes, as GDELT writes US states
		{"NG.29", "NGA", nil, "NI29"},  // FIPS country code, FIPS division code
		{"DE.16", "DEU", nil, "GM16"},  //
		{"PS.GZ", "PSE", west, "GZGZ"}, // the FIPS country follows the point
		{"PS.WE", "PSE", east, "WEWE"}, //
		{"GB.ENG", "GBR", nil, ""},     // GeoNames' own codes
		{"FR.84", "FRA", nil, ""},      // 2016 regions: no FIPS code
		{"CH.ZH", "CHE", nil, ""},      // ISO codes
		{"", "KEN", nil, ""},           // no division
		{"KE.05", "", nil, ""},         // no country
		{"US.TX.201", "USA", nil, ""},  // not a first-level code
	}
	for _, c := range cases {
		if got := ADM1(c.region, c.iso3, c.lon); got != c.want {
			t.Errorf("ADM1(%q, %q) = %q, want %q", c.region, c.iso3, got, c.want)
		}
	}
}

package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// gdeltRows parses a GDELT export into rows by column name.
func gdeltRows(t *testing.T, b []byte, cols []string) []map[string]string {
	t.Helper()
	var out []map[string]string
	for i, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		f := strings.Split(l, "\t")
		if len(f) != len(cols) {
			t.Fatalf("line %d has %d fields, want %d", i+1, len(f), len(cols))
		}
		row := map[string]string{}
		for j, c := range cols {
			row[c] = f[j]
		}
		out = append(out, row)
	}
	return out
}

// One strike reported three times by two outlets (two articles), one
// undated statement from a file input with a URL as its source.
func clusterEvents() []store.EventRecord {
	added := time.Date(2025, 3, 2, 8, 30, 5, 0, time.UTC)
	mk := func(article, id, url, source, day string) store.EventRecord {
		r := store.EventRecord{
			Event: model.Event{ID: id, Source: model.Actor{Code: "UKRMIL"}, Target: &model.Actor{Code: "RUS"},
				Cameo: "195", Goldstein: -10, QuadClass: 4, Plover: model.Plover{Type: "ASSAULT", Context: []string{}},
				Attribution: []model.Attribution{},
				Location:    &model.Location{Name: "Belgorod", Lat: model.Float(50.6), Lon: model.Float(36.58), Country: model.Str("RUS")}},
			ArticleID: article, ArticleURL: url, ArticleSource: source, Key: article + ":" + id,
			Cluster: "a1:v1", Day: day, DatePrecision: model.PrecisionDay, IngestedAt: added, Fatalities: 3,
			ArticlePublished: day,
		}
		return r
	}
	a := mk("a1", "v1", "https://kyiv.example/strike", "", "2025-03-01")
	b := mk("a1", "v2", "https://kyiv.example/strike", "", "2025-03-01")
	c := mk("a2", "v1", "https://wire.example/belgorod", "", "2025-03-02")
	d := mk("a3", "v1", "", "https://gaza.example/feed.xml", "")
	d.Cluster, d.Key, d.DatePrecision, d.Fatalities = "a3:v1", "a3:v1", store.PrecisionNone, 0
	d.Source, d.Target, d.Cameo, d.QuadClass = model.Actor{Code: "PSE"}, nil, "010", 1
	d.Location = &model.Location{Name: "Gaza City", Lat: model.Float(31.5), Lon: model.Float(34.47), Country: model.Str("PSE")}
	return []store.EventRecord{a, b, c, d}
}

func TestGDELTClusterCountsAndExtras(t *testing.T) {
	st := &sliceStore{events: clusterEvents()}
	rows := gdeltRows(t, export(t, st, GDELT), GDELTColumns)
	ext := gdeltRows(t, export(t, st, GDELTExt), append(append([]string{}, GDELTColumns...), GDELTExtraColumns...))
	for _, c := range []struct {
		row       int
		col, want string
	}{
		{0, "NumMentions", "3"}, {0, "NumSources", "2"}, {0, "NumArticles", "2"},
		{2, "NumMentions", "3"}, {3, "NumMentions", "1"},
		{0, "DATEADDED", "20250302083005"},
		{0, "SOURCEURL", "https://kyiv.example/strike"},
		{3, "SOURCEURL", "https://gaza.example/feed.xml"}, // the source, when it is the only URL
		{0, "ActionGeo_CountryCode", "RS"}, {0, "Actor1Geo_CountryCode", "UP"}, {0, "Actor2Geo_CountryCode", "RS"},
		{3, "ActionGeo_CountryCode", "GZ"},
		{3, "Day", ""}, {3, "Year", ""},
	} {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row+1, c.col, got, c.want)
		}
	}
	for _, c := range []struct {
		row       int
		col, want string
	}{
		{0, "ActionGeo_CountryISO", "RUS"}, {0, "DatePrecision", "day"}, {0, "Fatalities", "3"},
		{3, "DatePrecision", "none"}, {3, "ActionGeo_CountryISO", "PSE"},
	} {
		if got := ext[c.row][c.col]; got != c.want {
			t.Errorf("gdelt-ext row %d %s = %q, want %q", c.row+1, c.col, got, c.want)
		}
	}
	for i := range rows {
		for _, col := range GDELTColumns {
			if ext[i][col] != rows[i][col] {
				t.Errorf("row %d %s: gdelt-ext %q, gdelt %q", i+1, col, ext[i][col], rows[i][col])
			}
		}
	}
}

// The CSV carries the article's URL, title and publication date and
// reads back, field for field, through encoding/csv.
func TestCSVArticleColumns(t *testing.T) {
	evs := clusterEvents()
	evs[0].ArticleTitle = "Drones hit \"Belgorod\" depot, 3 dead\n(update)"
	st := &sliceStore{events: evs}
	rows, err := csv.NewReader(bytes.NewReader(export(t, st, CSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(evs)+1 {
		t.Fatalf("%d rows, want header + %d", len(rows), len(evs))
	}
	for i, e := range evs {
		r := rows[i+1]
		for col, want := range map[string]string{
			"article_url": e.ArticleURL, "article_title": e.ArticleTitle, "article_published": e.ArticlePublished,
			"event_type": "195 Employ aerial weapons, not specified below", "date_precision": e.DatePrecision,
			"cluster": e.Cluster, "key": e.Key,
		} {
			if i == 3 && col == "event_type" {
				want = "010 Make statement, not specified below"
			}
			if got := r[csvColumn(col)]; got != want {
				t.Errorf("row %d %s = %q, want %q", i+1, col, got, want)
			}
		}
	}
	if got := rows[1][csvColumn("fatalities")]; got != "3" {
		t.Errorf("fatalities = %q, want 3", got)
	}
}

func TestFIPS(t *testing.T) {
	for iso, want := range map[string]string{"DEU": "GM", "GBR": "UK", "PRK": "KN", "KOR": "KS", "UKR": "UP",
		"CHN": "CH", "ISR": "IS", "KEN": "KE", "SRB": "RI", "XKX": "KV", "ZZZ": ""} {
		if got := FIPS(iso, nil); got != want {
			t.Errorf("FIPS(%s) = %q, want %q", iso, got, want)
		}
	}
	if FIPS("PSE", model.Float(35.2)) != "WE" || FIPS("PSE", model.Float(34.4)) != "GZ" {
		t.Error("Palestine: West Bank and Gaza not told apart")
	}
}

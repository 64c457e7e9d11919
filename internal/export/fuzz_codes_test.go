package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// FuzzCodes feeds arbitrary codes, dates, regions and numbers (the fields
// FuzzText leaves alone) into every format: no panic, Write succeeds, and
// each format keeps one event per record with its full set of columns
// (GDELT 61, CSV the header's), JSONL lines being JSON objects.
func FuzzCodes(f *testing.F) {
	f.Add("KENGOV", "SOMREBAQ", "0231", "2024-11-20", "2024-11", "month", "KE.05", "KEN", -1.28, 36.8, 4.0)
	f.Add("IGOWSTNAT", "", "19", "", "", "", "", "", 0.0, 0.0, -10.0)
	f.Add("PSE", "ISR", "", "2025-02-30", "2025", "year", "PS.GZ", "PSE", 31.5, 34.4, 0.0)
	f.Add("X", "ab", "☃☃☃", "0000-01-01", "9999-12-31", "day", ".", "pse", 91.0, 181.0, 1e300)
	f.Add("USAUSAUSAUSA", "CHNCHNMUSCHRJEWHIN", "1", "2024-1-1", "20241101", "??", "US..TX", "USA", -90.0, -180.0, -1e-300)
	f.Add("", "", "", "", "", "", "", "", 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, src, tgt, cameo, day, dateValue, precision, region, country string, lat, lon, goldstein float64) {
		for _, x := range []float64{lat, lon, goldstein} {
			if math.IsNaN(x) || math.IsInf(x, 0) { // the stores keep finite numbers
				return
			}
		}
		r := sampleEvents()[0]
		r.Source.Code, r.Cameo, r.Day, r.Region, r.Goldstein = src, cameo, day, region, goldstein
		if tgt != "" {
			r.Target = &model.Actor{Entity: model.Str("e2"), Code: tgt}
		} else {
			r.Target = nil
		}
		r.Date = model.EventDate{Value: model.Str(dateValue), Precision: model.Str(precision)}
		r.Location = &model.Location{Name: "Somewhere", Lat: model.Float(lat), Lon: model.Float(lon), Country: model.Str(country)}
		r2 := r
		r2.Location, r2.Region = nil, ""
		st := &sliceStore{events: []store.EventRecord{r, r2}}

		g := export(t, st, GDELT)
		lines := strings.Split(strings.TrimSuffix(string(g), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("gdelt: %d lines for 2 events", len(lines))
		}
		for _, l := range lines {
			if n := strings.Count(l, "\t") + 1; n != 61 {
				t.Fatalf("gdelt: bad row (%d fields): %q", n, l)
			}
		}
		rows, err := csv.NewReader(bytes.NewReader(export(t, st, CSV))).ReadAll()
		if err != nil || len(rows) != 3 {
			t.Fatalf("csv: %d rows, %v", len(rows), err)
		}
		j := export(t, st, JSONL)
		for i, l := range bytes.Split(bytes.TrimSuffix(j, []byte("\n")), []byte("\n")) {
			var m map[string]any
			if err := json.Unmarshal(l, &m); err != nil || i > 1 {
				t.Fatalf("jsonl line %d %q: %v", i, l, err)
			}
		}
		_ = export(t, st, GDELTExt)
	})
}

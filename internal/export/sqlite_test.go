package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// hostileArticle has sentences with tabs, quotes and line breaks, the
// text that breaks naive exporters.
func hostileArticle() *model.Article {
	a := model.NewArticle()
	sents := []string{
		"Chile's\tnavy \"escorted\" a Peruvian\nfishing fleet, officials said.",
		"Peru thanked Chile on Tuesday;\r\nno \"incident\" was reported.",
	}
	a.Body = strings.Join(sents, " ")
	a.ID = model.ContentID(a.Body)
	a.Title = model.Str("Fleet escorted")
	a.URL = model.Str("https://news.example/chile-peru")
	a.Published = model.Published{Date: model.Str("2025-04-15"), Precision: model.Str("day"), Source: model.DateFromMetadata}
	a.Entities = []model.Entity{
		{ID: "e1", Name: "Chilean Navy", Type: model.TypeOrg, Code: model.Str("CHLMIL"), Country: model.Str("CHL"), Roles: []string{}, Mentions: []model.Mention{}},
		{ID: "e2", Name: "Peru", Type: model.TypePlace, Code: model.Str("PER"), Country: model.Str("PER"), Roles: []string{}, Mentions: []model.Mention{}},
	}
	off := 0
	for i, s := range sents {
		a.Sentences = append(a.Sentences, model.Sentence{Index: i, Start: off, End: off + len(s), Text: s})
		off += len(s) + 1
	}
	ev := func(id string, sent int, src, tgt model.Actor, cameo string, g float64) model.Event {
		s := a.Sentences[sent]
		return model.Event{
			ID: id, Sentence: sent, Start: s.Start, End: s.End, Source: src, Target: &tgt,
			Cameo: cameo, Goldstein: g, QuadClass: 2,
			Plover:      model.Plover{Type: "AID", Context: []string{}},
			Modality:    model.ModalityAsserted,
			Date:        model.EventDate{Value: model.Str("2025-04-15"), Precision: model.Str("day")},
			Attribution: []model.Attribution{{Text: "officials said"}},
			Location:    &model.Location{Name: "Arica", Lat: model.Float(-18.48), Lon: model.Float(-70.33), Country: model.Str("CHL")},
		}
	}
	chl := model.Actor{Entity: model.Str("e1"), Code: "CHLMIL"}
	per := model.Actor{Entity: model.Str("e2"), Code: "PER"}
	a.Events = []model.Event{ev("v1", 0, chl, per, "070", 7), ev("v2", 1, per, chl, "051", 3.4)}
	return a
}

func TestExportSQLite(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sitrep.db"), sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := hostileArticle()
	if _, err := st.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}

	rows, err := csv.NewReader(bytes.NewReader(export(t, st, CSV))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("csv: %d rows, %v; want header + 2", len(rows), err)
	}
	if got, want := rows[1][csvColumn("sentence_text")], a.Sentences[0].Text; got != want {
		t.Errorf("csv sentence = %q, want %q", got, want)
	}

	lines := strings.Split(strings.TrimSuffix(string(export(t, st, JSONL)), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("jsonl: %d lines, want 2", len(lines))
	}
	var r store.EventRecord
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Key != a.ID+":v2" || r.Cameo != "051" {
		t.Errorf("jsonl record = %+v", r)
	}

	g := strings.Split(strings.TrimSuffix(string(export(t, st, GDELT)), "\n"), "\n")
	if len(g) != 2 {
		t.Fatalf("gdelt: %d lines, want 2", len(g))
	}
	for _, l := range g {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Fatalf("gdelt: %d fields in %q", len(f), l)
		}
		if f[1] != "20250415" || f[len(f)-1] == "" {
			t.Errorf("gdelt: day %q, source %q", f[1], f[len(f)-1])
		}
	}

	var buf bytes.Buffer
	if err := Write(ctx, &buf, st, store.EventFilter{Source: "PER"}, JSONL); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 1 {
		t.Errorf("filtered export: %d events, want 1", n)
	}
}

// BenchmarkWriteSQLite measures the whole path: SQLite reads plus
// encoding, over 20,000 stored events.
func BenchmarkWriteSQLite(b *testing.B) {
	const n = 20_000
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlite.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	tmpl := hostileArticle().Events[0]
	events := make([]model.Event, n)
	for i := range events {
		e := tmpl
		e.ID = "v" + strconv.Itoa(i)
		e.Date.Value = model.Str(fmt.Sprintf("2025-%02d-%02d", i%12+1, i%28+1))
		events[i] = e
	}
	if err := st.BulkInsertEvents(ctx, "bench", events); err != nil {
		b.Fatal(err)
	}
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(ctx, io.Discard, st, store.EventFilter{}, format); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

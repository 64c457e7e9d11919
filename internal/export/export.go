package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/analysis"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Export formats.
const (
	CSV   = "csv"
	JSONL = "jsonl"
	GDELT = "gdelt"
	// GDELTExt is GDELT's 61 columns and sitrep's GDELTExtraColumns.
	GDELTExt = "gdelt-ext"
)

// Formats lists the formats Write accepts.
func Formats() []string { return []string{CSV, JSONL, GDELT, GDELTExt} }

// ContentType returns the HTTP media type of a format, or
// application/octet-stream for an unknown one.
func ContentType(format string) string {
	switch format {
	case CSV:
		return "text/csv; charset=utf-8"
	case JSONL:
		return "application/x-ndjson"
	case GDELT, GDELTExt:
		return "text/tab-separated-values; charset=utf-8"
	}
	return "application/octet-stream"
}

// Extension returns the usual file name extension of a format (without
// the dot), or "" for an unknown one.
func Extension(format string) string {
	switch format {
	case CSV:
		return "csv"
	case JSONL:
		return "jsonl"
	case GDELT, GDELTExt:
		return "tsv"
	}
	return ""
}

// Write streams every event matching f (Limit and Cursor are ignored) to
// w in the given format, in the store's event order. It returns an error
// for an unknown format before writing anything.
func Write(ctx context.Context, w io.Writer, st store.Store, f store.EventFilter, format string) error {
	var (
		row   func(*store.EventRecord) error
		flush func() error
	)
	switch format {
	case CSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(csvHeader); err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
		rec := make([]string, len(csvHeader))
		row = func(r *store.EventRecord) error { return cw.Write(csvRow(rec, r)) }
		flush = func() error { cw.Flush(); return cw.Error() }
	case JSONL:
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		row = func(r *store.EventRecord) error { return enc.Encode(r) }
		flush = bw.Flush
	case GDELT, GDELTExt:
		bw := bufio.NewWriterSize(w, 64<<10)
		g := &gdeltWriter{w: bw, counts: newClusterCounts(ctx, st), extra: format == GDELTExt}
		row = g.row
		flush = bw.Flush
	default:
		return fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	err := st.EachEvent(ctx, f, func(r store.EventRecord) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return row(&r)
	})
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := flush(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// csvHeader names the CSV columns. The first twenty are the original
// ones, in their order; the rest were added after them so that readers
// by position keep working.
var csvHeader = []string{
	"key", "article_id", "sentence", "date", "precision",
	"source_code", "source_name", "target_code", "target_name",
	"cameo", "goldstein", "quad_class", "plover_type", "modality",
	"location_name", "location_lat", "location_lon", "location_country",
	"attribution", "sentence_text",
	"event_type", "day", "date_precision", "fatalities", "cluster",
	"article_url", "article_title", "article_published", "location_basis",
	"region", "region_name", "day_to",
}

// csvRow fills rec (reused between rows) with one event.
func csvRow(rec []string, r *store.EventRecord) []string {
	var tcode, tname string
	if r.Target != nil {
		tcode, tname = r.Target.Code, r.TargetName
	}
	var lname, llat, llon, lcountry string
	if l := r.Location; l != nil {
		lname, llat, llon, lcountry = l.Name, optFloat(l.Lat), optFloat(l.Lon), model.Deref(l.Country)
	}
	attr := make([]string, 0, len(r.Attribution))
	for _, a := range r.Attribution {
		attr = append(attr, a.Text)
	}
	rec = rec[:0]
	rec = append(rec,
		r.Key, r.ArticleID, strconv.Itoa(r.Sentence),
		model.Deref(r.Date.Value), model.Deref(r.Date.Precision),
		r.Source.Code, cell(r.SourceName), tcode, cell(tname),
		r.Cameo, ftoa(r.Goldstein), strconv.Itoa(r.QuadClass), r.Plover.Type, r.Modality,
		cell(lname), llat, llon, lcountry,
		cell(strings.Join(attr, " | ")), cell(r.SentenceText),
		cell(analysis.EventLabel(r.Cameo)), r.Day, r.DatePrecision, strconv.Itoa(r.Fatalities), r.Cluster,
		cell(r.ArticleURL), cell(r.ArticleTitle), r.ArticlePublished, locationBasis(r.Location),
		cell(r.Region), cell(r.RegionName), r.DayTo,
	)
	return rec
}

// cell defuses text a spreadsheet would otherwise evaluate as a formula
// (CSV injection): a leading = + - @ tab or CR gets a quote prefix.
func cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func optFloat(f *float64) string {
	if f == nil {
		return ""
	}
	return ftoa(*f)
}

func locationBasis(l *model.Location) string {
	if l == nil {
		return ""
	}
	return l.Basis
}

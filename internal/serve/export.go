package serve

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/store"
)

// TODO(serve): switch to export.Write / export.ContentType once
// internal/export builds; this stand-in keeps the endpoint working.

func exportContentType(format string) string {
	switch format {
	case "csv":
		return "text/csv; charset=utf-8"
	case "gdelt":
		return "text/tab-separated-values; charset=utf-8"
	default:
		return "application/x-ndjson"
	}
}

func exportEvents(ctx context.Context, w io.Writer, st store.Store, f store.EventFilter, format string) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		return st.EachEvent(ctx, f, func(e store.EventRecord) error { return enc.Encode(e) })
	case "csv", "gdelt":
		cw := csv.NewWriter(w)
		if format == "gdelt" {
			cw.Comma = '\t'
		}
		if err := cw.Write([]string{"key", "day", "source", "target", "cameo", "goldstein", "quad_class", "modality", "article_id"}); err != nil {
			return err
		}
		err := st.EachEvent(ctx, f, func(e store.EventRecord) error {
			tgt := ""
			if e.Target != nil {
				tgt = e.Target.Code
			}
			return cw.Write([]string{e.Key, e.Day, e.Source.Code, tgt, e.Cameo,
				strconv.FormatFloat(e.Goldstein, 'f', -1, 64), strconv.Itoa(e.QuadClass), e.Modality, e.ArticleID})
		})
		cw.Flush()
		if err != nil {
			return err
		}
		return cw.Error()
	}
	return fmt.Errorf("unknown export format %q", format)
}

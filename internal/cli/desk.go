package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep/internal/analysis"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// eventHeader and eventRow are the events table: the date with its
// precision when it is not a day, and the CAMEO code with its name.
const eventHeader = "DATE\tSOURCE\tTARGET\tEVENT\tGOLD\tMODALITY\tVERB\tWHERE\tSENTENCE"

func eventRow(e store.EventRecord) string {
	tgt := "-"
	if e.Target != nil {
		tgt = e.Target.Code
	}
	return fmt.Sprintf("%s\t%s\t%s\t%s\t%+.1f\t%s\t%s\t%s\t%s", e.DateLabel(), e.Source.Code, tgt,
		clip(analysis.EventLabel(e.Cameo), 36), e.Goldstein, e.Modality, e.Verb, clip(where(e), 32), clip(e.SentenceText, 80))
}

// where is the events table's place: its name, its first-level division
// when that is another name, and its country ("Kano, NGA", "Mitte,
// Berlin, DEU"); "-" when unplaced.
func where(e store.EventRecord) string {
	l := e.Location
	if l == nil {
		return "-"
	}
	parts := []string{}
	if l.Name != "" {
		parts = append(parts, l.Name)
	}
	if e.RegionName != "" && e.RegionName != l.Name {
		parts = append(parts, e.RegionName)
	}
	if c := model.Deref(l.Country); c != "" {
		parts = append(parts, c)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// printTimeline writes a timeline table: dated buckets, then spans
// ("2016-01-01..", "2025-03-01..2025-03-31 month") and the undated row,
// so every event counted is on screen.
func printTimeline(w io.Writer, pts []store.TimelinePoint) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "BUCKET\tCOUNT\tVERB-COOP\tMAT-COOP\tVERB-CONF\tMAT-CONF\tINDEX\tFATALITIES")
	for _, p := range pts {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%+.2f\t%d\n", bucketLabel(p), p.Count, p.Quad[0], p.Quad[1], p.Quad[2],
			p.Quad[3], p.Index, p.Fatalities)
	}
	return tw.Flush()
}

func bucketLabel(p store.TimelinePoint) string {
	switch p.Kind {
	case store.PointUndated:
		return "undated"
	case store.PointSpan:
		return p.Bucket + ".." + p.To + " (" + p.Precision + ")"
	}
	return p.Bucket
}

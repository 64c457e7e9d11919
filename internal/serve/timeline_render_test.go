package serve

import (
	"bytes"
	"html/template"
	"math"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

// The timeline's markup as the template wrote it before chartBars,
// chartDots, chartSpans, looseItems and timelineRows (and the "gold"
// partial it called).
const timelineMarkupTemplate = `{{define "gold"}}<span class="gold {{gclass .}}" title="Goldstein score (−10 conflict … +10 cooperation)">{{signed .}}</span>{{end}}` +
	`{{define "bars"}}<svg><g class="bars">{{range .Bars}}<g class="bar"><title>{{.Title}}</title>{{$b := .}}{{range .Parts}}<rect class="{{.Class}}" x="{{$b.X}}" y="{{.Y}}" width="{{$b.W}}" height="{{.H}}"></rect>{{end}}</g>{{end}}</g></svg>{{end}}` +
	`{{define "dots"}}<svg><g class="dots">{{range .Dots}}<circle cx="{{.X}}" cy="{{.Y}}" r="3"><title>{{.Title}}</title></circle>{{end}}</g></svg>{{end}}` +
	`{{define "rows"}}<table><tbody>{{range .}}<tr><td>{{pointlabel .}}</td><td>{{.Count}}</td><td>{{index .Quad 0}}</td><td>{{index .Quad 1}}</td><td>{{index .Quad 2}}</td><td>{{index .Quad 3}}</td><td>{{template "gold" .Index}}</td><td>{{.Fatalities}}</td></tr>{{end}}</tbody></table>{{end}}` +
	`{{define "spans"}}<svg><g class="spans">{{range .Spans}}<g class="span-mark" data-from="{{.From}}" data-to="{{.To}}"><title>{{.Title}}</title><line x1="{{.X1}}" x2="{{.X2}}" y1="{{.Y}}" y2="{{.Y}}"></line><rect class="cap" x="{{.X1}}" y="{{.Y}}" width="1.5" height="6" transform="translate(0,-3)"></rect><rect class="cap" x="{{.X2}}" y="{{.Y}}" width="1.5" height="6" transform="translate(-1.5,-3)"></rect></g>{{end}}</g></svg>{{end}}` +
	`{{define "loose"}}<ul class="plain">{{range .}}
      <li data-kind="{{.Kind}}" data-count="{{.Count}}">{{if eq .Kind "undated"}}<strong>Undated</strong>: {{.Count}} events with no date in their text or article{{else}}<strong>{{pointlabel .}}</strong>: {{.Count}} events dated only to this {{.Precision}}{{end}}{{if .Fatalities}}, {{.Fatalities}} killed{{end}} · Goldstein index {{template "gold" .Index}}</li>{{end}}
    </ul>{{end}}` +
	`{{define "fast-spans"}}<svg><g class="spans">{{chartspans .}}</g></svg>{{end}}` +
	`{{define "fast-loose"}}<ul class="plain">{{looseitems .}}
    </ul>{{end}}` +
	`{{define "fast-bars"}}<svg><g class="bars">{{chartbars .}}</g></svg>{{end}}` +
	`{{define "fast-dots"}}<svg><g class="dots">{{chartdots .}}</g></svg>{{end}}` +
	`{{define "fast-rows"}}<table><tbody>{{tlrows .}}</tbody></table>{{end}}`

// TestTimelineMarkupAsTemplate checks that the timeline page's bars, dots,
// range marks, off-axis list and data table are the markup the template wrote, byte for byte: the
// same bars, titles, coordinates, counts and scores, escaped alike.
func TestTimelineMarkupAsTemplate(t *testing.T) {
	pts := []store.TimelinePoint{
		{Bucket: "2025-03-03", Count: 3, Quad: [4]int{1, 1, 1, 0}, Goldstein: 6, Index: 2, Fatalities: 1},
		{Bucket: "2025-03-10"},
		{Bucket: "2025-03-17", Count: 7, Quad: [4]int{0, 1, 2, 4}, Goldstein: -35, Index: -5},
		{Bucket: "2025-03-24", Count: 1, Quad: [4]int{0, 0, 0, 1}, Goldstein: -10, Index: -10, Fatalities: 12},
		{Bucket: "2025-03-31", Count: 3, Quad: [4]int{3, 0, 0, 0}, Goldstein: 0.1, Index: 1.0 / 30},
		{Bucket: "2025-04-07", Count: 2, Quad: [4]int{0, 0, 1, 1}, Goldstein: -0.1, Index: -0.05},
	}
	// Many buckets make fractional widths and positions.
	long := make([]store.TimelinePoint, 0, 523)
	for i := range 523 {
		long = append(long, store.TimelinePoint{Bucket: store.AddDays("2016-01-04", 7*i), Count: i % 7,
			Quad: [4]int{i % 3, i % 2, 0, i%7 - i%3 - i%2 + max(0, i%3+i%2-i%7)}, Index: math.Sin(float64(i)) * 9.7})
	}
	loose := []store.TimelinePoint{
		{Bucket: "2025-03-01", Kind: store.PointSpan, To: "2025-03-31", Precision: "month", Count: 4, Quad: [4]int{4}, Index: 3.25},
		{Bucket: "2025-02-03", Kind: store.PointSpan, Precision: "range", Count: 1, Quad: [4]int{0, 0, 0, 1}, Index: -10, Fatalities: 2},
		{Bucket: store.PointUndated, Kind: store.PointUndated, Count: 2, Quad: [4]int{1, 0, 1, 0}, Index: -0.5},
	}
	tpl := template.Must(template.New("t").Funcs(funcs).Parse(timelineMarkupTemplate))
	run := func(name string, data any) string {
		var b bytes.Buffer
		if err := tpl.ExecuteTemplate(&b, name, data); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, axis := range [][]store.TimelinePoint{pts, long, nil} {
		c := buildChart(axis)
		if len(axis) > 0 && (len(c.Bars) != len(axis) || len(c.Dots) == 0) {
			t.Fatalf("chart of %d points: %d bars, %d dots", len(axis), len(c.Bars), len(c.Dots))
		}
		c.Spans = spanMarks(c, axis, loose, "week")
		if len(axis) > 0 && len(c.Spans) == 0 {
			t.Fatalf("chart of %d points: no span marks", len(axis))
		}
		for _, part := range []string{"bars", "dots", "spans"} {
			want, got := run(part, c), run("fast-"+part, c)
			if got != want {
				t.Errorf("%s of %d points differ:\n got %.300s\nwant %.300s", part, len(axis), got, want)
			}
		}
		rows := append(append([]store.TimelinePoint(nil), axis...), loose...)
		want, got := run("rows", rows), run("fast-rows", rows)
		if got != want {
			t.Errorf("rows of %d points differ:\n got %.300s\nwant %.300s", len(rows), got, want)
		}
		if n := strings.Count(got, "<tr>"); n != len(rows) {
			t.Errorf("%d rows, want %d", n, len(rows))
		}
	}
	if want, got := run("loose", loose), run("fast-loose", loose); got != want {
		t.Errorf("off-axis list differs:\n got %s\nwant %s", got, want)
	}
	// What a reader sees: a bar's title and the table's range label.
	got := run("fast-bars", buildChart(pts)) + run("fast-rows", loose)
	for _, s := range []string{"2025-03-17: 7 events (verbal coop 0, material coop 1, verbal conflict 2, material conflict 4), Goldstein index -5.00",
		"2025-02-03 – open (range)", `<span class="gold conflict" title="Goldstein score (−10 conflict … +10 cooperation)">-10.0</span>`} {
		if !strings.Contains(got, s) {
			t.Errorf("markup lacks %q", s)
		}
	}
}

// htmlEscape escapes as html/template does in text and in quoted
// attribute values, for hostile strings too: the timeline's markup
// written in Go is as safe as the template it replaced.
func TestHTMLEscapeAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("x").Parse(`<p title="{{.}}">{{.}}</p>`))
	for _, s := range []string{
		"", "plain", `<script>alert(1)</script>`, `" onmouseover="alert(1)`, `' onfocus='x`,
		"a&b", "1+1", "nul\x00byte", "ünïcödé — “quotes”", `</title><script>x</script>`, "<<>>&&\"\"''++",
	} {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		esc := string(htmlEscape(nil, s))
		got := `<p title="` + esc + `">` + esc + `</p>`
		if got != want.String() {
			t.Errorf("%q: escaped as %s, the template writes %s", s, got, want.String())
		}
	}
}

package serve

import (
	"net/url"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/export"
	"github.com/sitrep-project/sitrep/internal/store"
)

// exportLink is a download offered beside a list: its label, URL and a
// hint of what the file holds.
type exportLink struct {
	Label, URL, Title string
}

// eventExports links /api/export in every format with a list's event
// filters (paging and page size dropped: an export has every match).
func eventExports(filters url.Values) []exportLink {
	v := url.Values{}
	for _, k := range eventParams {
		if k == "cursor" || k == "limit" {
			continue
		}
		if x, ok := filters[k]; ok {
			v[k] = x
		}
	}
	titles := map[string]string{
		export.CSV:      "One row per event with its article's URL, title and date; opens in a spreadsheet",
		export.JSONL:    "One JSON event record per line",
		export.GDELT:    "GDELT 2.0 event table: the 61 columns, tab-separated, no header",
		export.GDELTExt: "GDELT's 61 columns plus ISO country, date precision and fatalities",
	}
	var out []exportLink
	for _, f := range export.Formats() {
		v.Set("format", f)
		out = append(out, exportLink{Label: f, URL: "/api/export?" + v.Encode(), Title: titles[f]})
	}
	return out
}

// articleExports links the article listing's JSON with the page's
// filters, a page of the most it serves.
func articleExports(filters url.Values) []exportLink {
	v := url.Values{}
	for _, k := range articleParams {
		if x, ok := filters[k]; ok && k != "cursor" && k != "limit" {
			v[k] = x
		}
	}
	v.Set("limit", strconv.Itoa(store.MaxLimit))
	return []exportLink{{Label: "json", URL: "/api/articles?" + v.Encode(),
		Title: "The listed articles as JSON (id, title, URL, publication date, counts), up to " + strconv.Itoa(store.MaxLimit) + " per page"}}
}

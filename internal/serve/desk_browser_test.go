package serve

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// deskArticles are what an analyst's desk must show honestly: a report
// with no date at all, an event placed only at a country's centre, and
// events of two intergovernmental bodies.
func deskArticles(w *genWorld) []*model.Article {
	undated := genArticle(w, 5001, genOpts{Src: "RUS", Tgt: "PRK"})
	undated.Published = model.Published{Source: model.DateUnknown}
	for i := range undated.Events {
		undated.Events[i].Date = model.EventDate{}
	}
	country := genArticle(w, 5002, genOpts{Src: "IND", Tgt: "PAK"})
	c := w.country("IND")
	country.Entities[1].Lat, country.Entities[1].Lon, country.Entities[1].Precision = model.Float(c.Lat), model.Float(c.Lon), "country"
	country.Events[0].Location = &model.Location{Entity: model.Str("e2"), Name: country.Entities[1].Name,
		Lat: model.Float(c.Lat), Lon: model.Float(c.Lon), Country: model.Str("IND"), Basis: "article"}
	igo := genArticle(w, 5003, genOpts{Src: "RUS", Tgt: "UKR"})
	igo.Events[0].Source.Code = "IGOUNO"
	igo.Events[1].Source.Code = "IGOEUREEC"
	city := genArticle(w, 5004, genOpts{Src: "NGA", Tgt: "KEN"})
	city.Entities[1].Name, city.Entities[1].Precision = "Kano", "city"
	city.Entities[1].Lat, city.Entities[1].Lon, city.Entities[1].Country = model.Float(12.0), model.Float(8.52), model.Str("NGA")
	city.Events[0].Location = &model.Location{Entity: model.Str("e2"), Name: "Kano",
		Lat: model.Float(12.0), Lon: model.Float(8.52), Country: model.Str("NGA"), Basis: "clause"}
	// A range with a known end, inside the generated data's months.
	ranged := genArticle(w, 5005, genOpts{Src: "RUS", Tgt: "PRK"})
	rng := model.PrecisionRange
	ranged.Events[0].Date = model.EventDate{Value: model.Str("2025-02-03"), Precision: &rng, FromText: model.Str("from early February to mid-March"),
		From: model.Str("2025-02-03"), To: model.Str("2025-03-14")}
	return []*model.Article{undated, country, igo, city, ranged}
}

// TestBrowserDesk drives the pages an analyst trusts or not on the first
// screens: a timeline that counts undated events, newest-first lists
// with event type names and an export of what is shown, a map that says
// which places are country-level guesses, a network that keeps the UN
// and the EU apart without overlapping labels, and alert rules managed
// from the dashboard.
func TestBrowserDesk(t *testing.T) {
	br := newBrowser(t)
	defer br.close()
	st, _ := seedStore(t, 60, deskArticles(loadWorld(t))...)
	const token = "desk-token-123"
	s, err := New(st, func() Options {
		o := DefaultOptions()
		o.Token = token
		o.PollInterval = 200 * time.Millisecond
		return o
	}())
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx := context.Background()
	count := func(f store.EventFilter) int {
		n := 0
		if err := st.EachEvent(ctx, f, func(store.EventRecord) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	dyad := store.EventFilter{Source: "RUS", Target: "PRK", Undirected: true}

	// 1. The timeline counts every event of the dyad, the undated ones
	// beside the chart, and draws a range with a known end as a closed
	// span over the weeks it covers.
	var undated, total int
	var spanTo string
	br.step("timeline",
		chromedp.Navigate(ts.URL+"/timeline?a=RUS&b=PRK&interval=week"),
		br.waitTrue(`document.querySelector('#off-axis li[data-kind="undated"]') !== null`),
		br.eval(`Number(document.querySelector('#off-axis li[data-kind="undated"]').dataset.count)`, &undated),
		br.eval(`Number(document.getElementById("timeline-total").dataset.total)`, &total),
		br.eval(`(() => { const g = document.querySelector('#timeline-chart g.span-mark[data-from="2025-02-03"]'); if (!g) return "";
			const l = g.querySelector("line"); return Number(l.getAttribute("x2")) > Number(l.getAttribute("x1")) ? g.dataset.to : "empty"; })()`, &spanTo),
		br.shot("desk-01-timeline-undated"),
	)
	if want := count(dyad); undated != 2 || total != want {
		t.Errorf("timeline: %d undated of %d counted, want 2 of %d", undated, total, want)
	}
	if spanTo != "2025-03-14" {
		t.Errorf("timeline: range drawn to %q, want a closed span to 2025-03-14", spanTo)
	}

	// 2. The event list: newest first, type names, an export of exactly
	// the filtered events.
	var dates, names []string
	var csvURL string
	br.step("events",
		chromedp.Navigate(ts.URL+"/?dyad=RUS,PRK&limit=200"),
		chromedp.WaitVisible(`#events-table table`),
		br.eval(`Array.from(document.querySelectorAll("#events-table td.event-date")).map(td => td.textContent.trim())`, &dates),
		br.eval(`Array.from(document.querySelectorAll("#events-table td.event-type .cameo-name")).map(s => s.textContent.trim())`, &names),
		br.eval(`document.querySelector('#events-table a.export-link[data-format="csv"]').getAttribute("href")`, &csvURL),
		br.shot("desk-02-events"),
	)
	for i := 1; i < len(dates); i++ {
		prev, cur := dates[i-1], dates[i]
		if prev == "undated" && cur != "undated" || prev != "undated" && cur != "undated" && cur[:10] > prev[:10] {
			t.Errorf("events not newest first: %q after %q", cur, prev)
		}
	}
	if len(dates) == 0 || dates[len(dates)-1] != "undated" {
		t.Errorf("undated events not listed last: %v", dates)
	}
	for i, n := range names {
		if n == "" {
			t.Errorf("row %d has no event type name", i+1)
		}
	}
	if !strings.Contains(csvURL, "dyad=RUS%2CPRK") || !strings.Contains(csvURL, "format=csv") {
		t.Errorf("export link %q lacks the filters", csvURL)
	}
	resp, body := get(t, ts.URL+csvURL)
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("export: %d %v", resp.StatusCode, err)
	}
	if len(rows)-1 != count(dyad) || !strings.Contains(strings.Join(rows[0], ","), "article_url") {
		t.Errorf("export has %d rows, want %d events; header %v", len(rows)-1, count(dyad), rows[0])
	}

	// 2b. The region filter beside the country filter: the form keeps
	// the events of one state, each row names it, and the export link
	// carries the filter.
	var regions []string
	var regionCSV string
	br.step("region filter",
		chromedp.Navigate(ts.URL+"/?limit=200"),
		chromedp.WaitVisible(`#events-table table`),
		chromedp.SetValue(`input[name=region]`, "KANO"),
		chromedp.Click(`form button[type=submit]`),
		br.waitTrue(`document.querySelectorAll("#events-table tbody tr").length > 0 && document.querySelectorAll("#events-table tbody tr").length === document.querySelectorAll("#events-table td.event-where .region").length`),
		br.eval(`Array.from(document.querySelectorAll("#events-table td.event-where .region")).map(s => s.textContent.trim() + " " + s.title)`, &regions),
		br.eval(`document.querySelector('#events-table a.export-link[data-format="csv"]').getAttribute("href")`, &regionCSV),
		br.shot("desk-02b-region"),
	)
	if want := count(store.EventFilter{Region: "Kano"}); len(regions) != want || want == 0 {
		t.Errorf("region filter: %d rows %v, want %d", len(regions), regions, want)
	}
	for _, r := range regions {
		if !strings.HasPrefix(r, "Kano ") || !strings.Contains(r, "NG.29") {
			t.Errorf("region filter: row in %q", r)
		}
	}
	if !strings.Contains(regionCSV, "region=KANO") {
		t.Errorf("export link %q lacks the region", regionCSV)
	}

	// 3. The map: a country-level guess is drawn as one and can be
	// hidden; countries are shaded by their events.
	var status string
	var hidden int
	br.step("map",
		chromedp.Navigate(ts.URL+"/map"),
		br.waitTrue(`document.querySelectorAll("path.event-marker").length > 0 && document.querySelectorAll("path.prec-country").length > 0`),
		br.until(`Number(document.getElementById("map").dataset.shaded || 0) > 0 && document.querySelectorAll("path.country.shaded").length > 0`),
		br.eval(`document.getElementById("map-status").textContent`, &status),
		chromedp.Sleep(300*time.Millisecond),
		br.shot("desk-03-map-precision"),
		chromedp.Click(`#hide-country`),
		br.waitTrue(`document.querySelectorAll("path.prec-country").length === 0`),
		br.eval(`Number(document.getElementById("map").dataset.hidden)`, &hidden),
		br.shot("desk-04-map-hidden"),
	)
	if !strings.Contains(status, "only at country level") || hidden == 0 {
		t.Errorf("map: status %q, %d hidden", status, hidden)
	}

	// 4. The network: the UN and the EU are nodes of their own, and no
	// label overlaps another.
	var codes []string
	var overlaps int
	br.step("network",
		chromedp.Navigate(ts.URL+"/network?actor=IGO"),
		chromedp.WaitVisible(`#network`),
		br.eval(`Array.from(document.querySelectorAll("#network text.node-label")).map(t => t.textContent)`, &codes),
		br.eval(`(() => { const b = Array.from(document.querySelectorAll("#network text.node-label, #network circle")).map(e => e.getBBox());
			let n = 0; const labels = document.querySelectorAll("#network text.node-label").length;
			for (let i = 0; i < labels; i++) for (let j = i + 1; j < b.length; j++) {
				const x = b[i], y = b[j];
				if (j - labels === i) continue; // a label and its own circle
				if (x.x < y.x + y.width - 0.5 && y.x < x.x + x.width - 0.5 && x.y < y.y + y.height - 0.5 && y.y < x.y + x.height - 0.5) n++;
			}
			return n; })()`, &overlaps),
		br.shot("desk-05-network"),
	)
	joined := " " + strings.Join(codes, " ") + " "
	if !strings.Contains(joined, " IGOUNO ") || !strings.Contains(joined, " IGOEUREEC ") || strings.Contains(joined, " IGO ") {
		t.Errorf("network nodes %v: want IGOUNO and IGOEUREEC, never a bare IGO", codes)
	}
	if overlaps > 0 {
		t.Errorf("%d network labels overlap another label or node", overlaps)
	}

	// 5. Alert rules: the API's validation shows in the form; a rule is
	// created, paused, resumed and deleted.
	var field, msg string
	br.expect("status of 400 (Bad Request) " + ts.URL + "/api/alert-rules")
	br.step("alert rules: invalid",
		chromedp.Navigate(ts.URL+"/alerts"),
		chromedp.WaitVisible(`#rule-form`),
		chromedp.SetValue(`#rule-form input[name=token]`, token),
		chromedp.SetValue(`#rule-form input[name=name]`, "Sahel fighting"),
		chromedp.SetValue(`#rule-form input[name=source]`, "ML-I"),
		chromedp.Click(`#rule-form button[type=submit]`),
		br.waitTrue(`!document.getElementById("rule-error").hidden`),
		br.eval(`document.getElementById("rule-error").dataset.field`, &field),
		br.eval(`document.getElementById("rule-error").textContent`, &msg),
		br.shot("desk-06-rule-invalid"),
	)
	if field != "source" || !strings.Contains(msg, "letters and digits") {
		t.Errorf("invalid rule: field %q message %q", field, msg)
	}
	var state string
	br.step("alert rules: create, pause, resume, delete",
		chromedp.SetValue(`#rule-form input[name=source]`, "MLI"),
		chromedp.SetValue(`#rule-form input[name=code]`, "19"),
		chromedp.Click(`#rule-form button[type=submit]`),
		chromedp.Sleep(time.Second), // the page reloads
		br.waitTrue(`Array.from(document.querySelectorAll("#rules td.rule-name")).some(td => td.textContent === "Sahel fighting")`),
		chromedp.Click(`#rules button.rule-pause`),
		chromedp.Sleep(time.Second),
		br.waitTrue(`document.querySelector("#rules tr[data-id]") && document.querySelector("#rules tr[data-id]").dataset.paused === "true"`),
		br.eval(`document.querySelector("#rules td.rule-state").textContent.trim()`, &state),
		br.shot("desk-07-rule-paused"),
		chromedp.Click(`#rules button.rule-pause`),
		chromedp.Sleep(time.Second),
		br.waitTrue(`document.querySelector("#rules tr[data-id]").dataset.paused === "false"`),
		chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		chromedp.Click(`#rules button.rule-delete`),
		chromedp.Sleep(time.Second),
		br.waitTrue(`document.querySelector("#rules tr[data-id]") === null`),
	)
	if state != "paused" {
		t.Errorf("paused rule shows %q", state)
	}
	rules, err := st.AlertRules(ctx)
	if err != nil || len(rules) != 0 {
		t.Errorf("rules after delete: %v, %v", rules, err)
	}
}

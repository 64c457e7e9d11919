package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/netguard"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// sharedN articles give 2*sharedN events: more than store.MaxLimit, so
// clamping is observable.
const sharedN = 520

var (
	sharedOnce  sync.Once
	sharedSt    *sqlite.Store
	sharedArts  []*model.Article
	sharedDir   string
	sharedPanic any
)

// xssArticle carries markup in its title and in an event's attribution.
func xssArticle(w *genWorld) *model.Article {
	return genArticle(w, 100000, genOpts{
		Title:  `<script>window.pwned=1</script> Ministry <b>statement</b>`,
		Agency: `<img src=x onerror="window.pwned=2"><script>window.pwned=3</script> Wire`,
		Src:    "KEN", Tgt: "ETH", Action: 2,
	})
}

// shared returns a read-only store shared by the tests that only read.
func shared(t *testing.T) (*sqlite.Store, []*model.Article) {
	t.Helper()
	sharedOnce.Do(func() {
		defer func() { sharedPanic = recover() }()
		dir, err := os.MkdirTemp("", "sitrep-serve-test")
		if err != nil {
			panic(err)
		}
		sharedDir = dir
		ft := &fixtureTB{TB: t, dir: dir}
		sharedSt, sharedArts = seedStore(ft, sharedN, xssArticle(loadWorld(ft)))
	})
	if sharedPanic != nil || sharedSt == nil {
		t.Fatalf("shared store: %v", sharedPanic)
	}
	return sharedSt, sharedArts
}

// fixtureTB lets the shared fixture outlive the test that built it.
type fixtureTB struct {
	testing.TB
	dir string
}

func (f *fixtureTB) TempDir() string           { return f.dir }
func (f *fixtureTB) Cleanup(func())            {}
func (f *fixtureTB) Fatalf(s string, a ...any) { panic(fmt.Sprintf(s, a...)) }
func (f *fixtureTB) Helper()                   {}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedSt != nil {
		sharedSt.Close()
	}
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

func newServer(t *testing.T, st store.Store, mod func(*Options)) *httptest.Server {
	t.Helper()
	opts := DefaultOptions()
	opts.PollInterval = 50 * time.Millisecond
	if mod != nil {
		mod(&opts)
	}
	s, err := New(st, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	return do(t, "GET", u, "", nil, nil)
}

func do(t *testing.T, method, u, token string, body io.Reader, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", u, err)
	}
	return resp, b
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", trim(b), err)
	}
	return v
}

func trim(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}

type errBody struct {
	Error apiError `json:"error"`
}

func wantError(t *testing.T, resp *http.Response, b []byte, status int, code, param string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, trim(b))
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("content type %q, want JSON", ct)
	}
	e := decode[errBody](t, b)
	if e.Error.Code != code || e.Error.Param != param || e.Error.Message == "" {
		t.Errorf("error %+v, want code %q param %q", e.Error, code, param)
	}
}

// pageAll follows next cursors and returns every item.
func pageAll[T any](t *testing.T, base string, limit int) []T {
	t.Helper()
	var all []T
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 10000 {
			t.Fatal("paging does not end")
		}
		u := base + "&limit=" + fmt.Sprint(limit)
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		resp, b := get(t, u)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", u, resp.StatusCode, trim(b))
		}
		p := decode[store.Page[T]](t, b)
		if len(p.Items) > limit {
			t.Fatalf("page of %d items, limit %d", len(p.Items), limit)
		}
		all = append(all, p.Items...)
		if p.Next == "" {
			return all
		}
		cursor = p.Next
	}
}

func TestPagingHasNoDuplicatesOrGaps(t *testing.T) {
	st, arts := shared(t)
	ts := newServer(t, st, nil)
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	events := pageAll[store.EventRecord](t, ts.URL+"/api/events?", 97)
	if len(events) != stats.Events {
		t.Errorf("paged %d events, store has %d", len(events), stats.Events)
	}
	seen := map[string]bool{}
	for i, e := range events {
		if seen[e.Key] {
			t.Fatalf("duplicate event %s", e.Key)
		}
		seen[e.Key] = true
		if i > 0 && events[i-1].Day > e.Day && e.Day != "" {
			t.Fatalf("events out of day order: %s after %s", e.Day, events[i-1].Day)
		}
	}
	for _, a := range arts[:20] {
		for _, e := range a.Events {
			if !seen[a.ID+":"+e.ID] {
				t.Errorf("event %s:%s missing from the pages", a.ID, e.ID)
			}
		}
	}
	articles := pageAll[store.ArticleSummary](t, ts.URL+"/api/articles?", 50)
	ids := map[string]bool{}
	for _, a := range articles {
		if ids[a.ID] {
			t.Fatalf("duplicate article %s", a.ID)
		}
		ids[a.ID] = true
	}
	if len(ids) != stats.Articles {
		t.Errorf("paged %d articles, store has %d", len(ids), stats.Articles)
	}
}

func hasCode(code, prefix string) bool { return strings.HasPrefix(code, prefix) }

func tgt(e store.EventRecord) string {
	if e.Target == nil {
		return ""
	}
	return e.Target.Code
}

func TestEventFilters(t *testing.T) {
	st, arts := shared(t)
	ts := newServer(t, st, nil)
	one := arts[3]
	firstKey := one.ID + ":v1"
	var cluster string
	{
		_, b := get(t, ts.URL+"/api/events/"+firstKey)
		cluster = decode[store.EventRecord](t, b).Cluster
	}
	tests := []struct {
		name  string
		query string
		ok    func(store.EventRecord) bool
	}{
		{"actor either side", "actor=RUS", func(e store.EventRecord) bool { return hasCode(e.Source.Code, "RUS") || hasCode(tgt(e), "RUS") }},
		{"source", "source=IND", func(e store.EventRecord) bool { return hasCode(e.Source.Code, "IND") }},
		{"target", "target=PAK", func(e store.EventRecord) bool { return hasCode(tgt(e), "PAK") }},
		{"dyad both ways", "dyad=RUS,PRK", func(e store.EventRecord) bool {
			return hasCode(e.Source.Code, "RUS") && hasCode(tgt(e), "PRK") || hasCode(e.Source.Code, "PRK") && hasCode(tgt(e), "RUS")
		}},
		{"dyad directed", "dyad=PRK,RUS&directed=true", func(e store.EventRecord) bool { return hasCode(e.Source.Code, "PRK") && hasCode(tgt(e), "RUS") }},
		{"lowercase codes", "dyad=rus,prk", func(e store.EventRecord) bool { return strings.Contains(e.Source.Code+tgt(e), "RUS") }},
		{"cameo prefix", "code=19", func(e store.EventRecord) bool { return hasCode(e.Cameo, "19") }},
		{"modality list", "modality=denied,future", func(e store.EventRecord) bool { return e.Modality == "denied" || e.Modality == "future" }},
		{"date range", "since=2025-02-01&until=2025-02-10", func(e store.EventRecord) bool { return e.Day >= "2025-02-01" && e.Day <= "2025-02-10" }},
		{"bbox europe", "bbox=-10,35,40,60", func(e store.EventRecord) bool {
			return e.Location != nil && *e.Location.Lon >= -10 && *e.Location.Lon <= 40 && *e.Location.Lat >= 35 && *e.Location.Lat <= 60
		}},
		{"full text", "q=embargo", func(e store.EventRecord) bool { return strings.Contains(e.SentenceText, "embargo") }},
		{"article", "article=" + one.ID, func(e store.EventRecord) bool { return e.ArticleID == one.ID }},
		{"cluster", "cluster=" + url.QueryEscape(cluster), func(e store.EventRecord) bool { return e.Cluster == cluster }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := pageAll[store.EventRecord](t, ts.URL+"/api/events?"+tt.query, store.MaxLimit)
			if len(items) == 0 {
				t.Fatal("no events matched")
			}
			for _, e := range items {
				if !tt.ok(e) {
					t.Fatalf("event %s (%s→%s %s %s %s) does not match %s", e.Key, e.Source.Code, tgt(e), e.Cameo, e.Modality, e.Day, tt.query)
				}
			}
		})
	}
}

func TestBadParameters(t *testing.T) {
	st, _ := shared(t)
	ts := newServer(t, st, nil)
	tests := []struct {
		path, param string
	}{
		{"/api/events?since=2025-13-01", "since"},
		{"/api/events?until=yesterday", "until"},
		{"/api/events?since=2025-03-01&until=2025-01-01", "until"},
		{"/api/events?limit=ten", "limit"},
		{"/api/events?limit=-5", "limit"},
		{"/api/events?bbox=1,2,3", "bbox"},
		{"/api/events?bbox=0,0,200,10", "bbox"},
		{"/api/events?bbox=10,0,0,10", "bbox"},
		{"/api/events?bbox=a,b,c,d", "bbox"},
		{"/api/events?modality=maybe", "modality"},
		{"/api/events?dyad=RUS", "dyad"},
		{"/api/events?directed=perhaps", "directed"},
		{"/api/events?actor=RUS%20GOV", "actor"},
		{"/api/events?cursor=not-a-cursor", "cursor"},
		{"/api/clusters?since=01/02/2025", "since"},
		{"/api/articles?since=2025-1-1", "since"},
		{"/api/articles?cursor=%21%21", "cursor"},
		{"/api/entities?type=ALIEN", "type"},
		{"/api/quotes?limit=1.5", "limit"},
		{"/api/timeline?interval=fortnight", "interval"},
		{"/api/timeline?a=RUS&since=2025", "since"},
		{"/api/alerts?after=-1", "after"},
		{"/api/export?format=xlsx", "format"},
		{"/api/export?format=csv&bbox=x", "bbox"},
		{"/api/network?level=planet", "level"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, b := get(t, ts.URL+tt.path)
			wantError(t, resp, b, 400, "bad_request", tt.param)
		})
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	st, _ := shared(t)
	ts := newServer(t, st, func(o *Options) { o.Token = "s3cret" })
	for _, p := range []string{"/api/articles/0000", "/api/events/nope:v1", "/api/events/novalue", "/api/nothing/here", "/api/"} {
		resp, b := get(t, ts.URL+p)
		wantError(t, resp, b, 404, "not_found", "")
	}
	resp, b := do(t, "DELETE", ts.URL+"/api/alert-rules/987654", "s3cret", nil, nil)
	wantError(t, resp, b, 404, "not_found", "")
	resp, b = do(t, "POST", ts.URL+"/api/events", "", nil, nil)
	wantError(t, resp, b, 405, "method_not_allowed", "")
	resp, b = get(t, ts.URL+"/no/such/page")
	if resp.StatusCode != 404 || !strings.Contains(string(b), "Page not found") {
		t.Errorf("dashboard 404: %d %s", resp.StatusCode, trim(b))
	}
}

func TestLimitIsClamped(t *testing.T) {
	st, _ := shared(t)
	ts := newServer(t, st, nil)
	resp, b := get(t, ts.URL+"/api/events?limit=5000")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	p := decode[store.Page[store.EventRecord]](t, b)
	if len(p.Items) != store.MaxLimit || p.Next == "" {
		t.Errorf("limit=5000 gave %d items (next %q), want %d and more", len(p.Items), p.Next, store.MaxLimit)
	}
	_, b = get(t, ts.URL+"/api/events")
	if n := len(decode[store.Page[store.EventRecord]](t, b).Items); n != store.DefaultLimit {
		t.Errorf("default page has %d items, want %d", n, store.DefaultLimit)
	}
}

func TestReadEndpoints(t *testing.T) {
	st, arts := shared(t)
	ts := newServer(t, st, nil)
	a := arts[7]

	resp, b := get(t, ts.URL+"/api/articles/"+a.ID)
	if resp.StatusCode != 200 {
		t.Fatalf("article: %d", resp.StatusCode)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "title", "url", "published", "captions", "subheadings", "body", "duplicate_of", "sentences", "entities", "quantities", "times", "quotes", "events"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("article document lacks %q", k)
		}
	}
	got := decode[model.Article](t, b)
	if got.Body != a.Body || len(got.Events) != len(a.Events) {
		t.Errorf("article round trip differs")
	}

	resp, b = get(t, ts.URL+"/api/events/"+a.ID+":v1")
	if resp.StatusCode != 200 {
		t.Fatalf("event: %d %s", resp.StatusCode, trim(b))
	}
	ev := decode[store.EventRecord](t, b)
	if ev.Key != a.ID+":v1" || ev.Cameo != a.Events[0].Cameo || ev.SentenceText != a.Sentences[0].Text {
		t.Errorf("event %+v", ev)
	}

	stats := decode[store.Stats](t, mustGet(t, ts.URL+"/api/stats"))
	if stats.Articles < sharedN || stats.Events < 2*sharedN-10 {
		t.Errorf("stats %+v", stats)
	}

	clusters := pageAll[store.Cluster](t, ts.URL+"/api/clusters?dyad=RUS,PRK", 200)
	multi := 0
	for _, c := range clusters {
		if c.Reports > 1 {
			multi++
		}
	}
	if len(clusters) == 0 || multi == 0 {
		t.Errorf("clusters: %d, with several reports: %d", len(clusters), multi)
	}

	ents := decode[store.Page[store.EntitySummary]](t, mustGet(t, ts.URL+"/api/entities?type=PERSON&limit=5"))
	if len(ents.Items) == 0 || ents.Items[0].Type != "PERSON" {
		t.Errorf("entities %+v", ents)
	}
	quotes := decode[store.Page[store.QuoteRecord]](t, mustGet(t, ts.URL+"/api/quotes?article="+a.ID))
	if len(quotes.Items) != 1 || quotes.Items[0].SpeakerName == "" {
		t.Errorf("quotes %+v", quotes)
	}

	tl := decode[timelineResponse](t, mustGet(t, ts.URL+"/api/timeline?a=RUS&b=PRK&interval=week"))
	total := 0
	for _, p := range tl.Points {
		total += p.Count
		if p.Quad[0]+p.Quad[1]+p.Quad[2]+p.Quad[3] != p.Count {
			t.Errorf("bucket %s: quads %v do not add up to %d", p.Bucket, p.Quad, p.Count)
		}
	}
	dyad := pageAll[store.EventRecord](t, ts.URL+"/api/events?dyad=RUS,PRK", store.MaxLimit)
	if total != len(dyad) || total == 0 {
		t.Errorf("timeline counts %d events, the dyad has %d", total, len(dyad))
	}

	net := decode[Network](t, mustGet(t, ts.URL+"/api/network"))
	if len(net.Nodes) < 5 || len(net.Edges) == 0 {
		t.Errorf("network %d nodes %d edges", len(net.Nodes), len(net.Edges))
	}
}

func mustGet(t *testing.T, u string) []byte {
	t.Helper()
	resp, b := get(t, u)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, trim(b))
	}
	return b
}

func TestExportFormatsStream(t *testing.T) {
	st, _ := shared(t)
	ts := newServer(t, st, nil)
	want := len(pageAll[store.EventRecord](t, ts.URL+"/api/events?dyad=IND,PAK", store.MaxLimit))
	tests := []struct {
		format, ctype string
		rows          func([]byte) int
	}{
		{"csv", "text/csv", func(b []byte) int {
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Fatalf("csv: %v", err)
			}
			return len(recs) - 1
		}},
		{"jsonl", "application/x-ndjson", func(b []byte) int {
			n := 0
			for line := range strings.SplitSeq(strings.TrimSpace(string(b)), "\n") {
				var e store.EventRecord
				if err := json.Unmarshal([]byte(line), &e); err != nil {
					t.Fatalf("jsonl line: %v", err)
				}
				n++
			}
			return n
		}},
		{"gdelt", "text/tab-separated-values", func(b []byte) int { return strings.Count(string(b), "\n") }},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			resp, b := get(t, ts.URL+"/api/export?format="+tt.format+"&dyad=IND,PAK")
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, trim(b))
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("content type %q", ct)
			}
			if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
				t.Errorf("content disposition %q", cd)
			}
			if n := tt.rows(b); n != want {
				t.Errorf("%d rows, want %d", n, want)
			}
		})
	}
	// A whole-store export is streamed, not buffered: it arrives chunked.
	resp, err := http.Get(ts.URL + "/api/export?format=jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.ContentLength != -1 {
		t.Errorf("full export has Content-Length %d; want a chunked stream", resp.ContentLength)
	}
	n, _ := io.Copy(io.Discard, resp.Body)
	if n < 100000 {
		t.Errorf("full export only %d bytes", n)
	}
}

func TestTokenRule(t *testing.T) {
	st, _ := seedStore(t, 3)
	var calls []string
	w := loadWorld(t)
	ingest := func(ctx context.Context, name, path string, sink IngestSink) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		calls = append(calls, name+"|"+string(data))
		if string(data) == "broken" {
			return errors.New("no articles found in broken")
		}
		a := genArticle(w, 9000+len(calls), genOpts{})
		sink.Article(IngestedArticle{ID: a.ID, Title: model.Deref(a.Title), Events: len(a.Events)})
		return nil
	}
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "<html><body><p>A fetched page.</p></body></html>")
	}))
	defer page.Close()
	ro := newServer(t, st, func(o *Options) { o.Ingest = ingest })
	rw := newServer(t, st, func(o *Options) {
		o.Ingest = ingest
		o.Token = "s3cret"
		o.MaxBodyBytes = 4096
		o.Fetch = netguard.Policy{AllowPrivate: true} // the page is on loopback
	})
	rule := `{"name":"RUS-PRK","kind":"new_event","source":"RUS","target":"PRK"}`

	tests := []struct {
		name         string
		srv          *httptest.Server
		method, path string
		token, body  string
		status       int
		code         string
	}{
		{"ingest read-only", ro, "POST", "/api/ingest", "s3cret", "text", 403, "read_only"},
		{"rule read-only", ro, "POST", "/api/alert-rules", "", rule, 403, "read_only"},
		{"delete read-only", ro, "DELETE", "/api/alert-rules/1", "", "", 403, "read_only"},
		{"ingest no token", rw, "POST", "/api/ingest", "", "text", 401, "unauthorized"},
		{"ingest wrong token", rw, "POST", "/api/ingest", "guess", "text", 401, "unauthorized"},
		{"rule wrong token", rw, "POST", "/api/alert-rules", "guess", rule, 401, "unauthorized"},
		{"ingest too large", rw, "POST", "/api/ingest", "s3cret", strings.Repeat("x", 5000), 413, "payload_too_large"},
		{"rule too large", rw, "POST", "/api/alert-rules", "s3cret", `{"name":"` + strings.Repeat("x", 5000) + `"}`, 413, "payload_too_large"},
		{"rule bad kind", rw, "POST", "/api/alert-rules", "s3cret", `{"name":"x","kind":"psychic"}`, 400, "bad_request"},
		{"rule no name", rw, "POST", "/api/alert-rules", "s3cret", `{"kind":"sigma"}`, 400, "bad_request"},
		{"rule not json", rw, "POST", "/api/alert-rules", "s3cret", `name=x`, 400, "bad_request"},
		{"ingest empty", rw, "POST", "/api/ingest", "s3cret", "", 400, "bad_request"},
		{"ingest bad url", rw, "POST", "/api/ingest", "s3cret", `{"url":"ftp://x"}`, 400, "bad_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := do(t, tt.method, tt.srv.URL+tt.path, tt.token, strings.NewReader(tt.body), map[string]string{"Content-Type": "application/json"})
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, trim(b))
			}
			if e := decode[errBody](t, b); e.Error.Code != tt.code {
				t.Errorf("code %q, want %q", e.Error.Code, tt.code)
			}
			if tt.status == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	if len(calls) != 0 {
		t.Fatalf("ingest ran on refused requests: %q", calls)
	}

	// Allowed writes.
	resp, b := do(t, "POST", rw.URL+"/api/ingest?name=wire.txt&wait=true", "s3cret", strings.NewReader("Some raw news text."), nil)
	if resp.StatusCode != 200 {
		t.Fatalf("ingest: %d %s", resp.StatusCode, trim(b))
	}
	if sum := decode[IngestJob](t, b); sum.State != JobDone || sum.Articles != 1 || sum.Events != 2 || len(sum.Items) != 1 || sum.Items[0].ID == "" {
		t.Errorf("summary %+v", sum)
	}
	resp, b = do(t, "POST", rw.URL+"/api/ingest?wait=1", "s3cret", strings.NewReader("broken"), nil)
	wantError(t, resp, b, 422, "ingest_failed", "body")
	resp, b = do(t, "POST", rw.URL+"/api/ingest?wait=true", "s3cret", strings.NewReader(`{"url":"`+page.URL+`/a"}`), map[string]string{"Content-Type": "application/json"})
	if resp.StatusCode != 200 {
		t.Fatalf("ingest url: %d %s", resp.StatusCode, trim(b))
	}
	if want := []string{"wire.txt|Some raw news text.", "upload|broken", page.URL + "/a|<html><body><p>A fetched page.</p></body></html>"}; !slices.Equal(calls, want) {
		t.Errorf("ingest calls %q, want %q", calls, want)
	}

	resp, b = do(t, "POST", rw.URL+"/api/alert-rules", "s3cret", strings.NewReader(rule), nil)
	if resp.StatusCode != 201 {
		t.Fatalf("add rule: %d %s", resp.StatusCode, trim(b))
	}
	saved := decode[store.AlertRule](t, b)
	list := decode[struct{ Items []store.AlertRule }](t, mustGet(t, ro.URL+"/api/alert-rules"))
	if len(list.Items) != 1 || list.Items[0].Name != "RUS-PRK" {
		t.Errorf("rules %+v", list.Items)
	}
	resp, b = do(t, "DELETE", rw.URL+fmt.Sprintf("/api/alert-rules/%d", saved.ID), "s3cret", nil, nil)
	if resp.StatusCode != 204 {
		t.Fatalf("delete rule: %d %s", resp.StatusCode, trim(b))
	}
	resp, b = do(t, "DELETE", rw.URL+"/api/alert-rules/abc", "s3cret", nil, nil)
	wantError(t, resp, b, 400, "bad_request", "id")

	// No Ingest function: uploads are refused even with the token.
	noIngest := newServer(t, st, func(o *Options) { o.Token = "s3cret" })
	resp, b = do(t, "POST", noIngest.URL+"/api/ingest", "s3cret", strings.NewReader("x"), nil)
	wantError(t, resp, b, 501, "ingest_disabled", "")
}

// sseReader reads Server-Sent Events from a stream.
type sseEvent struct{ id, event, data string }

func readSSE(t *testing.T, br *bufio.Reader) sseEvent {
	t.Helper()
	var ev sseEvent
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatalf("read stream: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "":
			if ev.data != "" {
				return ev
			}
		case strings.HasPrefix(line, "id: "):
			ev.id = line[4:]
		case strings.HasPrefix(line, "event: "):
			ev.event = line[7:]
		case strings.HasPrefix(line, "data: "):
			ev.data = line[6:]
		}
	}
}

func openStream(t *testing.T, ctx context.Context, u, lastID string) *bufio.Reader {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("stream: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	br := bufio.NewReader(resp.Body)
	// Wait for the greeting so that alerts stored next come after connecting.
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(line, ": connected") {
			return br
		}
	}
}

func TestAlertStream(t *testing.T) {
	st, arts := seedStore(t, 2)
	ts := newServer(t, st, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	br := openStream(t, ctx, ts.URL+"/api/alerts/stream", "")
	put, err := st.PutAlert(ctx, store.Alert{RuleID: 1, RuleName: "watch", Message: "RUS → PRK: new event", EventKey: arts[0].ID + ":v1"})
	if err != nil {
		t.Fatal(err)
	}
	ev := readSSE(t, br)
	if ev.event != "alert" || ev.id != fmt.Sprint(put.ID) {
		t.Fatalf("got %+v", ev)
	}
	if a := decode[store.Alert](t, []byte(ev.data)); a.Message != put.Message || a.EventKey != put.EventKey {
		t.Errorf("alert %+v", a)
	}

	// Resuming with Last-Event-ID skips what the client has seen.
	second, err := st.PutAlert(ctx, store.Alert{RuleID: 1, RuleName: "watch", Message: "second"})
	if err != nil {
		t.Fatal(err)
	}
	br2 := openStream(t, ctx, ts.URL+"/api/alerts/stream", fmt.Sprint(put.ID))
	if ev := readSSE(t, br2); ev.id != fmt.Sprint(second.ID) {
		t.Errorf("resumed stream sent %+v, want alert %d", ev, second.ID)
	}
	resp, b := do(t, "GET", ts.URL+"/api/alerts/stream", "", nil, map[string]string{"Last-Event-ID": "x"})
	wantError(t, resp, b, 400, "bad_request", "Last-Event-ID")

	list := decode[struct {
		Items []store.Alert
		Next  string
	}](t, mustGet(t, ts.URL+"/api/alerts?after=0&limit=1"))
	if len(list.Items) != 1 || list.Next != fmt.Sprint(put.ID) {
		t.Errorf("alerts page %+v", list)
	}
}

func TestOpenAPIDocument(t *testing.T) {
	st, _ := seedStore(t, 1)
	ts := newServer(t, st, nil)
	doc := decode[struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}](t, mustGet(t, ts.URL+"/api/openapi.json"))
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	want := map[string][]string{
		"/api/articles": {"get"}, "/api/articles/{id}": {"get"}, "/api/events": {"get"}, "/api/events/{key}": {"get"},
		"/api/clusters": {"get"}, "/api/entities": {"get"}, "/api/quotes": {"get"}, "/api/timeline": {"get"},
		"/api/network": {"get"}, "/api/alerts": {"get"}, "/api/alerts/stream": {"get"},
		"/api/alert-rules": {"get", "post"}, "/api/alert-rules/{id}": {"delete"}, "/api/export": {"get"},
		"/api/stats": {"get"}, "/api/ingest": {"post"}, "/api/ingest/{id}": {"get"}, "/api/openapi.json": {"get"},
	}
	for p, ms := range want {
		for _, m := range ms {
			if _, ok := doc.Paths[p][m]; !ok {
				t.Errorf("openapi.json lacks %s %s", m, p)
			}
		}
	}
	if len(doc.Paths) != len(want) {
		t.Errorf("openapi.json has %d paths, the server %d", len(doc.Paths), len(want))
	}

	// The component schemas are valid JSON Schema (2020-12, as OpenAPI
	// 3.1 says) and describe what the server really sends.
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDoc))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("https://sitrep.invalid/openapi.json", raw); err != nil {
		t.Fatal(err)
	}
	st2, arts := shared(t)
	ts2 := newServer(t, st2, nil)
	samples := map[string]string{
		"EventRecord": "/api/events/" + arts[0].ID + ":v1",
		"Stats":       "/api/stats",
		"Timeline":    "/api/timeline?a=RUS",
		"Network":     "/api/network",
		"Article":     "/api/articles/" + arts[0].ID,
	}
	for name, path := range samples {
		sch, err := c.Compile("https://sitrep.invalid/openapi.json#/components/schemas/" + name)
		if err != nil {
			t.Fatalf("schema %s: %v", name, err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(mustGet(t, ts2.URL+path)))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s does not match schema %s: %v", path, name, err)
		}
	}
}

func TestDashboardEscapesMarkup(t *testing.T) {
	st, arts := shared(t)
	ts := newServer(t, st, nil)
	x := arts[len(arts)-1]
	pages := []string{"/articles/" + x.ID, "/events/" + x.ID + ":v1", "/?dyad=KEN,ETH", "/articles?text=Ministry&limit=1000"}
	for _, p := range pages {
		resp, b := get(t, ts.URL+p)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", p, resp.StatusCode)
		}
		s := string(b)
		for _, bad := range []string{"<script>window.pwned", "<img src=x", "<b>statement"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains raw %q", p, bad)
			}
		}
		if !strings.Contains(s, "&lt;script&gt;window.pwned") {
			t.Errorf("%s does not show the escaped markup", p)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP %q", csp)
		}
	}
	// The JSON API escapes too (no raw < in a JSON body a browser might sniff).
	_, b := get(t, ts.URL+"/api/articles/"+x.ID)
	if bytes.Contains(b, []byte("<script>")) {
		t.Error("API JSON contains a raw <script>")
	}
}

func TestDashboardPages(t *testing.T) {
	st, arts := shared(t)
	ts := newServer(t, st, nil)
	a := arts[11]
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"by event date", `id="events-table"`, "alert-feed", "Next page"}},
		{"/?dyad=RUS,PRK&modality=asserted", 200, []string{"RUS", "PRK"}},
		{"/?since=garbage", 400, []string{"The since filter"}},
		{"/partials/events?actor=IND", 200, []string{`id="events-table"`, "IND"}},
		{"/events/" + a.ID + ":v1", 200, []string{`class="hl-source"`, `class="hl-action"`, `class="hl-target"`, `class="hl-time"`, `class="hl-attr"`, "All reports of this event"}},
		{"/events/missing:v9", 404, []string{"Not found"}},
		{"/timeline?a=RUS&b=PRK", 200, []string{`id="timeline-chart"`, `class="q1"`, "index-line"}},
		{"/timeline?a=RUS&interval=year", 400, []string{"interval"}},
		{"/timeline?a=ZZZ&b=QQQ", 200, []string{"No events for this dyad"}},
		{"/map", 200, []string{`id="map"`, "leaflet.js", "map.js"}},
		{"/network", 200, []string{`id="network"`, "edge-coop", "edge-conflict"}},
		{"/articles", 200, []string{"Articles", "Next page"}},
		{"/articles/" + a.ID, 200, []string{"ent-person", "ent-place", "ent-org", "RESPONSE", "hl-time", "qty", "told reporters"}},
		{"/static/app.css", 200, []string{"--coop"}},
		{"/static/vendor/htmx.org/dist/htmx.min.js", 200, []string{"htmx"}},
		{"/static/vendor/world-atlas/countries-110m.json", 200, []string{"Topology"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, b := get(t, ts.URL+tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, trim(b))
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

func TestServeShutsDownWithOpenStream(t *testing.T) {
	st, _ := seedStore(t, 1)
	opts := DefaultOptions()
	opts.Metrics = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "sitrep_up 1\n") })
	s, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	if b := mustGet(t, base+"/metrics"); !strings.Contains(string(b), "sitrep_up") {
		t.Errorf("metrics: %s", b)
	}
	// An open alert stream must not hold the shutdown up.
	sctx, scancel := context.WithCancel(context.Background())
	defer scancel()
	openStream(t, sctx, base+"/api/alerts/stream", "")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(8 * time.Second):
		t.Fatal("no shutdown with an open stream")
	}
}

func TestListenAndServeBadAddress(t *testing.T) {
	st, _ := seedStore(t, 1)
	opts := DefaultOptions()
	opts.Addr = "256.0.0.1:http"
	s, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ListenAndServe(context.Background()); err == nil || !strings.Contains(err.Error(), "listen on") {
		t.Errorf("err %v", err)
	}
}

func TestNetworkRecentWindow(t *testing.T) {
	st, _ := shared(t)
	ts := newServer(t, st, func(o *Options) { o.NetworkScan = 100 })
	n := decode[Network](t, mustGet(t, ts.URL+"/api/network"))
	if n.Since == "" || n.Events == 0 || n.Events > 200 {
		t.Errorf("network window: since %q, %d events", n.Since, n.Events)
	}
	again := decode[Network](t, mustGet(t, ts.URL+"/api/network"))
	if again.Since != n.Since || again.Events != n.Events {
		t.Errorf("cached network differs")
	}
	all := decode[Network](t, mustGet(t, ts.URL+"/api/network?since=2024-01-01&level=actor"))
	if all.Since != "" || all.Events <= n.Events {
		t.Errorf("explicit since: %q, %d events", all.Since, all.Events)
	}
}

// TestArticleMatchesContract validates /api/articles/{id} against the
// output contract's JSON Schema when the shared spec is checked out next
// to the repository (SITREP_OUTPUT_SCHEMA overrides the path).
func TestArticleMatchesContract(t *testing.T) {
	path := os.Getenv("SITREP_OUTPUT_SCHEMA")
	if path == "" {
		path = filepath.Join("..", "..", "..", "shared", "spec", "output.schema.json")
	}
	testutil.Require(t, path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("file:///output.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("file:///output.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	st, arts := shared(t)
	ts := newServer(t, st, nil)
	for _, a := range []*model.Article{arts[0], arts[len(arts)-1]} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(mustGet(t, ts.URL+"/api/articles/"+a.ID)))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("article %s breaks the contract: %v", a.ID, err)
		}
	}
}

package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzAPIQueries sends arbitrary query strings to every GET endpoint of
// the API and to the pages that read filters, over a small generated
// store. Invariants: no panic, never a 5xx (a bad query is the client's
// error), and every API answer but an export's is a JSON document.
func FuzzAPIQueries(f *testing.F) {
	for _, s := range []string{
		"", "limit=5", "actor=KEN&since=2024-01-01&until=2024-12-31", "dyad=IND,PAK&directed=false",
		"bbox=-20,-35,52,38&modality=denied", "text=ceasefire&country=ukr", "region=US.TX&level=actor",
		"format=gdelt&limit=2", "format=csv&code=19", "a=CHN&b=PHL&interval=month",
		"after=18446744073709551615", "cursor=!!!", "cursor=eyJ4IjoxfQ", "text=%25%5F%27%22",
		"q=\u00e9l\u00e9ction&text=\u00e9l\u00e9ction", "name=S\u00e3o%20Paulo&type=place",
		"limit=1&limit=2", "since=0001-01-01&interval=day", "since=9999-12-31", "%00=%00",
		strings.Repeat("a=b&", 2100), "level=" + strings.Repeat("x", 20),
	} {
		f.Add(s)
	}
	st, _ := seedStore(f, 30)
	f.Cleanup(func() { st.Close() })
	s, err := New(st, DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	paths := []string{
		"/api/events", "/api/clusters", "/api/articles", "/api/entities", "/api/quotes",
		"/api/timeline", "/api/network", "/api/countries", "/api/export", "/api/alerts",
		"/", "/partials/events", "/timeline", "/map", "/network", "/articles",
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if strings.ContainsAny(raw, "# ") {
			return // not a query string a client can send
		}
		if _, err := url.Parse("http://127.0.0.1/?" + raw); err != nil {
			return // nor is one net/url refuses (control characters)
		}
		for _, p := range paths {
			req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+p+"?"+raw, nil)
			req.Host = "127.0.0.1"
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("GET %s?%s: status %d: %.300s", p, raw, rec.Code, rec.Body.Bytes())
			}
			if strings.HasPrefix(p, "/api/") && (p != "/api/export" || rec.Code >= 400) && !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("GET %s?%s: status %d, not JSON: %.300q", p, raw, rec.Code, rec.Body.Bytes())
			}
		}
	})
}

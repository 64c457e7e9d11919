package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// FuzzAPIBodies sends arbitrary JSON bodies to the write endpoints that
// decode one (alert rules, created and patched). Invariants: no panic,
// never a 5xx (a bad body is the client's error), and every answer is a
// JSON document.
func FuzzAPIBodies(f *testing.F) {
	for _, s := range []string{
		`{"name":"rus-prk","kind":"sigma","source":"RUS","target":"PRK","k":3}`,
		`{"name":"x","kind":"threshold","source":"KEN","threshold":2,"webhook":"https://example.org/hook"}`,
		`{"name":"x","kind":"sigma","webhook":"http://user:pw@127.0.0.1/"}`,
		`{"paused":true}`, `{"name":` + `"` + string(bytes.Repeat([]byte("a"), 300)) + `"}`,
		`[]`, `null`, `{"k":1e400}`, `{"kind":"sigma","k":-1}`, "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), sqlite.DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	opts := DefaultOptions()
	opts.Token = "t0ken"
	s, err := New(st, opts)
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, r := range []struct{ method, path string }{
			{http.MethodPost, "/api/alert-rules"},
			{http.MethodPatch, "/api/alert-rules/1"},
		} {
			req := httptest.NewRequest(r.method, r.path, bytes.NewReader(body))
			req.Host = "127.0.0.1"
			req.Header.Set("Authorization", "Bearer t0ken")
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s %s %q: status %d: %s", r.method, r.path, body, rec.Code, rec.Body.Bytes())
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s %s %q: status %d, not JSON: %q", r.method, r.path, body, rec.Code, rec.Body.Bytes())
			}
		}
	})
}

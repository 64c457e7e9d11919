package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/netguard"
	"github.com/sitrep-project/sitrep/internal/store"
)

// startReal runs the server as `sitrep serve` does (Serve on a TCP
// listener, with its timeouts), not through httptest's handler-only
// server, and returns its base URL.
func startReal(t *testing.T, st store.Store, mod func(*Options)) string {
	t.Helper()
	opts := DefaultOptions()
	opts.PollInterval = 50 * time.Millisecond
	opts.SpoolDir = t.TempDir()
	if mod != nil {
		mod(&opts)
	}
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
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// recorder is an IngestFunc that records what it was asked to ingest.
type recorder struct {
	mu    sync.Mutex
	calls []string
}

func (rec *recorder) ingest(ctx context.Context, name, path string, sink IngestSink) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	rec.mu.Lock()
	rec.calls = append(rec.calls, name+"|"+string(data))
	rec.mu.Unlock()
	sink.Article(IngestedArticle{ID: fmt.Sprintf("a%d", len(data)), Title: "t", Events: 1})
	return nil
}

func (rec *recorder) n() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.calls)
}

// sink is a local HTTP server that counts every request it sees.
func newSink(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.WriteString(w, "<html><body><p>Internal admin page: the secret is 42.</p></body></html>")
	}))
	t.Cleanup(s.Close)
	return s, &hits
}

func TestIngestURLRefusesPrivateAddresses(t *testing.T) {
	st, _ := seedStore(t, 1)
	sink, hits := newSink(t)
	port := sink.Listener.Addr().(*net.TCPAddr).Port
	// The redirector stands for a public site that redirects to the
	// sink: its address (127.0.0.2) is allowed, loopback otherwise not.
	red := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, sink.URL+"/admin", http.StatusFound)
	}))
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.2 (all of 127/8 is local on Linux): %v", err)
	}
	red.Listener = ln
	red.Start()
	defer red.Close()

	rec := &recorder{}
	base := startReal(t, st, func(o *Options) {
		o.Token, o.Ingest = "s3cret", rec.ingest
		o.Fetch = netguard.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}
	})
	tests := []struct{ name, url string }{
		{"loopback", sink.URL + "/admin"},
		{"localhost", fmt.Sprintf("http://localhost:%d/admin", port)},
		{"IPv6 loopback", fmt.Sprintf("http://[::1]:%d/admin", port)},
		{"IPv4-mapped loopback", fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/admin", port)},
		{"metadata service", "http://169.254.169.254/latest/meta-data/"},
		{"carrier-grade NAT", "http://100.64.0.1/"},
		{"unspecified", fmt.Sprintf("http://0.0.0.0:%d/admin", port)},
		{"private", "http://10.0.0.1/"},
		{"redirect to loopback", red.URL + "/news"},
		{"credentials", "https://reader:pa55word@8.8.8.8/feed"},
		{"not http", "file:///etc/passwd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := do(t, "POST", base+"/api/ingest?wait=true", "s3cret", strings.NewReader(`{"url":"`+tt.url+`"}`),
				map[string]string{"Content-Type": "application/json"})
			wantError(t, resp, b, 400, "bad_request", "url")
			if strings.Contains(string(b), "pa55word") || strings.Contains(string(b), "secret is 42") {
				t.Errorf("answer leaks: %s", b)
			}
		})
	}
	if hits.Load() != 0 || rec.n() != 0 {
		t.Fatalf("sink saw %d requests, ingest ran %d times; want none", hits.Load(), rec.n())
	}

	// A JSON record that has a url next to its text is a document, not
	// a request to fetch.
	resp, b := do(t, "POST", base+"/api/ingest?wait=true", "s3cret", strings.NewReader(`{"url":"`+sink.URL+`/admin","text":"Ghana and Peru signed a fisheries accord."}`),
		map[string]string{"Content-Type": "application/json"})
	if resp.StatusCode != 200 || hits.Load() != 0 || rec.n() != 1 {
		t.Fatalf("JSON record: %d %s; sink hits %d, ingest calls %d", resp.StatusCode, trim(b), hits.Load(), rec.n())
	}

	// The positive case: with the private-fetch option the same sink is
	// reached and its page ingested.
	open := startReal(t, st, func(o *Options) {
		o.Token, o.Ingest, o.Fetch = "s3cret", rec.ingest, netguard.Policy{AllowPrivate: true}
	})
	resp, b = do(t, "POST", open+"/api/ingest?wait=true", "s3cret", strings.NewReader(`{"url":"`+red.URL+`/news"}`),
		map[string]string{"Content-Type": "application/json"})
	if resp.StatusCode != 200 || hits.Load() != 1 || rec.n() != 2 {
		t.Fatalf("allowed fetch: %d %s; sink hits %d, ingest calls %d", resp.StatusCode, trim(b), hits.Load(), rec.n())
	}
}

// rawRequest opens a connection and sends a request head, without the
// body; the caller trickles it.
func rawRequest(t *testing.T, base, head string) (net.Conn, *bufio.Reader) {
	t.Helper()
	u, _ := url.Parse(base)
	c, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := io.WriteString(c, strings.ReplaceAll(head, "\n", "\r\n")+"\r\n"); err != nil {
		t.Fatal(err)
	}
	return c, bufio.NewReader(c)
}

// trickle sends a byte every interval until stop is closed or the
// connection fails.
func trickle(c net.Conn, every time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if _, err := c.Write([]byte("x")); err != nil {
				return
			}
		}
	}
}

func TestTrickledBodies(t *testing.T) {
	st, _ := seedStore(t, 1)
	rec := &recorder{}
	const bodyTimeout = 400 * time.Millisecond
	base := startReal(t, st, func(o *Options) {
		o.Token, o.Ingest, o.BodyTimeout = "s3cret", rec.ingest, bodyTimeout
	})
	// Refusals are tested on a server with the default body timeout
	// (minutes): the answer must not wait for the body at all.
	rw := startReal(t, st, func(o *Options) { o.Token, o.Ingest = "s3cret", rec.ingest })
	ro := startReal(t, st, func(o *Options) { o.Ingest = rec.ingest })
	tests := []struct {
		name, base, head string
		status           int
		code             string
		prefix           string // body bytes sent before the trickle
	}{
		{"no token, length", rw, "POST /api/ingest HTTP/1.1\nHost: 127.0.0.1\nContent-Length: 1000000\n", 401, "unauthorized", ""},
		{"no token, chunked", rw, "POST /api/ingest HTTP/1.1\nHost: 127.0.0.1\nTransfer-Encoding: chunked\n", 401, "unauthorized", ""},
		{"wrong token, rule", rw, "POST /api/alert-rules HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer guess\nContent-Length: 200\n", 401, "unauthorized", ""},
		{"read-only", ro, "POST /api/ingest HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer s3cret\nContent-Length: 100000\n", 403, "read_only", ""},
		{"token, trickled upload", base, "POST /api/ingest HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer s3cret\nContent-Length: 100000\n", 408, "body_timeout", ""},
		{"token, trickled rule", base, "POST /api/alert-rules HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer s3cret\nContent-Type: application/json\nContent-Length: 5000\n", 408, "body_timeout", `{"name":"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, br := rawRequest(t, tt.base, tt.head)
			if _, err := io.WriteString(c, tt.prefix); err != nil {
				t.Fatal(err)
			}
			stop := make(chan struct{})
			defer close(stop)
			go trickle(c, 50*time.Millisecond, stop)
			// The whole body would take 100000 × 50 ms; the answer must
			// come long before (refusals at once, the upload within the
			// body timeout).
			_ = c.SetReadDeadline(time.Now().Add(15 * time.Second))
			start := time.Now()
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatalf("no response while the body trickles: %v", err)
			}
			b, _ := io.ReadAll(resp.Body)
			elapsed := time.Since(start)
			wantError(t, resp, b, tt.status, tt.code, errParam(tt.code))
			if !resp.Close {
				t.Error("connection kept open after refusing an unread body")
			}
			if tt.status == 408 && elapsed < bodyTimeout {
				t.Errorf("cut after %v, before the body timeout %v", elapsed, bodyTimeout)
			}
		})
	}
	if rec.n() != 0 {
		t.Errorf("ingest ran %d times", rec.n())
	}
}

func errParam(code string) string {
	if code == "body_timeout" {
		return "body"
	}
	return ""
}

func TestCredentialsNeverReturned(t *testing.T) {
	st, _ := seedStore(t, 1)
	strict := startReal(t, st, func(o *Options) { o.Token = "s3cret" })
	lax := startReal(t, st, func(o *Options) { o.Token = "s3cret"; o.Fetch = netguard.Policy{AllowPrivate: true} })
	post := func(base, body string) (*http.Response, []byte) {
		return do(t, "POST", base+"/api/alert-rules", "s3cret", strings.NewReader(body), map[string]string{"Content-Type": "application/json"})
	}
	refused := []struct{ name, webhook string }{
		{"credentials", "https://bot:hunter2@8.8.8.8/hook"},
		{"loopback", "http://127.0.0.1:9/hook"},
		{"IPv6 loopback", "http://[::1]:9/hook"},
		{"IPv4-mapped", "http://[::ffff:127.0.0.1]:9/hook"},
		{"private", "http://192.168.1.20/hook"},
		{"link-local", "http://169.254.169.254/hook"},
		{"carrier-grade NAT", "http://100.100.100.100/hook"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := post(strict, `{"name":"x","webhook":"`+tt.webhook+`"}`)
			wantError(t, resp, b, 400, "bad_request", "webhook")
			if strings.Contains(string(b), "hunter2") {
				t.Errorf("error echoes the password: %s", b)
			}
		})
	}
	// Credentials stay refused even where private addresses are allowed.
	resp, b := post(lax, `{"name":"x","webhook":"https://bot:hunter2@127.0.0.1/hook"}`)
	wantError(t, resp, b, 400, "bad_request", "webhook")

	// A secret in the path or query is stored but never shown.
	resp, b = post(lax, `{"name":"team hook","webhook":"http://127.0.0.1:9/services/T0/zz9plural?token=zz9plural"}`)
	if resp.StatusCode != 201 {
		t.Fatalf("add rule: %d %s", resp.StatusCode, trim(b))
	}
	for _, body := range [][]byte{b, mustGet(t, strict+"/api/alert-rules"), mustGet(t, lax+"/api/alert-rules")} {
		if strings.Contains(string(body), "zz9plural") {
			t.Errorf("answer shows the webhook's secret: %s", trim(body))
		}
		if !strings.Contains(string(body), `"webhook":"http://127.0.0.1:9/…"`) {
			t.Errorf("answer does not show the redacted webhook: %s", trim(body))
		}
	}
	rules, err := st.AlertRules(context.Background())
	if err != nil || len(rules) != 1 || !strings.Contains(rules[0].Webhook, "zz9plural") {
		t.Errorf("stored rules %+v, %v: want the full webhook kept for delivery", rules, err)
	}
}

func TestParameterLimits(t *testing.T) {
	st, _ := shared(t)
	ts := newServer(t, st, nil)
	long := strings.Repeat("w", 50000)
	tests := []struct {
		path, param string
		status      int
	}{
		{"/api/entities?name=" + long, "name", 400},
		{"/api/quotes?speaker=" + long, "speaker", 400},
		{"/api/events?text=" + long, "text", 400},
		{"/api/events?q=" + long, "q", 400},
		{"/api/articles?text=" + strings.Repeat("w", 257), "text", 400},
		{"/api/events?actor=" + strings.Repeat("A", 33), "actor", 400},
		{"/api/events?cursor=" + strings.Repeat("c", 513), "cursor", 400},
		{"/api/articles?text=" + strings.Repeat("w", 256), "", 200},
		{"/partials/events?q=" + strings.Repeat("w", 100000), "", 400},
		{"/articles?text=" + strings.Repeat("w", 300), "", 400},
		{"/api/events?" + strings.Repeat("a", 65) + "=1", strings.Repeat("a", 64) + "…", 400},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%.40s", tt.path), func(t *testing.T) {
			resp, b := get(t, ts.URL+tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, trim(b))
			}
			for k, vs := range resp.Header {
				for _, v := range vs {
					if len(v) > 2*maxQueryBytes {
						t.Errorf("header %s is %d bytes long", k, len(v))
					}
				}
			}
			if tt.status == 400 && strings.HasPrefix(tt.path, "/api/") {
				e := decode[errBody](t, b)
				if e.Error.Param != tt.param {
					t.Errorf("param %q, want %q", e.Error.Param, tt.param)
				}
			}
		})
	}
}

func TestUnknownParameters(t *testing.T) {
	st, _ := shared(t)
	ts := newServer(t, st, nil)
	tests := []struct {
		path, param string
	}{
		{"/api/events?txet=embargo", "txet"},
		{"/api/events?text=embargo&speaker=x", "speaker"},
		{"/api/articles?name=x", "name"},
		{"/api/stats?verbose=1", "verbose"},
		{"/api/timeline?a=RUS&limit=3", "limit"},
		{"/api/export?format=csv&fromat=jsonl", "fromat"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, b := get(t, ts.URL+tt.path)
			wantError(t, resp, b, 400, "unknown_parameter", tt.param)
			if !strings.Contains(decode[errBody](t, b).Error.Message, `"`+tt.param+`"`) {
				t.Errorf("message does not name %q: %s", tt.param, b)
			}
		})
	}
	// text is the filter's one name (the CLI's --text); q, its old API
	// name, still works and may not contradict it.
	byText := decode[store.Page[store.EventRecord]](t, mustGet(t, ts.URL+"/api/events?text=embargo&limit=1000"))
	byQ := decode[store.Page[store.EventRecord]](t, mustGet(t, ts.URL+"/api/events?q=embargo&limit=1000"))
	all := decode[store.Page[store.EventRecord]](t, mustGet(t, ts.URL+"/api/events?limit=1000"))
	if len(byText.Items) == 0 || len(byText.Items) != len(byQ.Items) || len(byText.Items) >= len(all.Items) {
		t.Errorf("text filter: %d events, q: %d, unfiltered: %d", len(byText.Items), len(byQ.Items), len(all.Items))
	}
	resp, b := get(t, ts.URL+"/api/events?text=embargo&q=sanctions")
	wantError(t, resp, b, 400, "bad_request", "q")
}

func TestHostHeader(t *testing.T) {
	st, _ := seedStore(t, 1)
	base := startReal(t, st, nil)
	named := startReal(t, st, func(o *Options) { o.AllowedHosts = []string{"sitrep.example.org"} })
	tests := []struct {
		name, base, host string
		ok               bool
	}{
		{"127.0.0.1 with port", base, "", true},
		{"localhost", base, "localhost:8080", true},
		{"IPv6 loopback", base, "[::1]:8080", true},
		{"rebinding name", base, "attacker.example:8080", false},
		{"rebinding name, no port", base, "attacker.example", false},
		{"configured name", named, "sitrep.example.org", true},
		{"loopback not configured", named, "localhost", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", tt.base+"/api/stats", nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.host != "" {
				req.Host = tt.host
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if tt.ok && resp.StatusCode != 200 {
				t.Errorf("status %d: %s", resp.StatusCode, trim(b))
			}
			if !tt.ok {
				wantError(t, resp, b, http.StatusMisdirectedRequest, "bad_host", "Host")
			}
		})
	}
	for _, tc := range []struct {
		addr string
		want bool // checked
	}{{"127.0.0.1:8080", true}, {"[::1]:8080", true}, {"localhost:8080", true}, {":8080", false}, {"0.0.0.0:8080", false}, {"192.0.2.10:80", false}} {
		if got := allowedHosts(tc.addr, nil) != nil; got != tc.want {
			t.Errorf("allowedHosts(%q) checks = %v, want %v", tc.addr, got, tc.want)
		}
	}
}

func TestIngestJobs(t *testing.T) {
	st, _ := seedStore(t, 1)
	release := make(chan struct{})
	var ran atomic.Int32
	slow := func(ctx context.Context, name, path string, sink IngestSink) error {
		ran.Add(1)
		select {
		case <-release:
		case <-ctx.Done():
			return ctx.Err()
		}
		sink.Article(IngestedArticle{ID: name, Events: 2})
		sink.Error(errors.New("record 2: no article text found"))
		return nil
	}
	base := startReal(t, st, func(o *Options) { o.Token, o.Ingest, o.MaxJobs = "s3cret", slow, 1 })
	resp, b := do(t, "POST", base+"/api/ingest?name=one.txt", "s3cret", strings.NewReader("first"), nil)
	if resp.StatusCode != http.StatusAccepted || resp.Header.Get("Location") == "" {
		t.Fatalf("first upload: %d %s", resp.StatusCode, trim(b))
	}
	loc := resp.Header.Get("Location")
	job := decode[IngestJob](t, b)
	if job.Name != "one.txt" || job.Bytes != 5 || (job.State != JobQueued && job.State != JobRunning) {
		t.Errorf("queued job %+v", job)
	}
	// The first is running, the queue (1) fills, the third is refused.
	waitUntil(t, func() bool { return ran.Load() == 1 })
	resp, b = do(t, "POST", base+"/api/ingest?name=two.txt", "s3cret", strings.NewReader("second"), nil)
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("second upload: %d %s", resp.StatusCode, trim(b))
	}
	resp, b = do(t, "POST", base+"/api/ingest?name=three.txt", "s3cret", strings.NewReader("third"), nil)
	wantError(t, resp, b, http.StatusServiceUnavailable, "busy", "")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("503 without Retry-After")
	}
	if got := decode[IngestJob](t, mustGet(t, base+loc)); got.State != JobRunning {
		t.Errorf("running job reports %q", got.State)
	}
	close(release)
	done := decode[IngestJob](t, mustGet(t, base+loc+"?wait=true"))
	if done.State != JobDone || done.Articles != 1 || done.Events != 2 || len(done.Errors) != 1 || done.Finished == nil {
		t.Errorf("finished job %+v", done)
	}
	resp, b = get(t, base+"/api/ingest/nosuchjob")
	wantError(t, resp, b, 404, "not_found", "")
	// Spooled files are removed once their job ran.
	waitUntil(t, func() bool { return ran.Load() == 2 })
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

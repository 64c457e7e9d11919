package serve

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/netguard"
	"github.com/sitrep-project/sitrep/internal/store"
)

// IngestFunc runs ingest, the pipeline and the store on one uploaded
// document, spooled to the file at path, and reports each stored article
// and each record-level problem to sink as it goes (so that memory does
// not grow with the upload, and the job shows progress). name is a file
// name hint ("upload.html", "feed.xml") or the URL the server fetched;
// it becomes the articles' source. An error means the whole document
// failed.
type IngestFunc func(ctx context.Context, name, path string, sink IngestSink) error

// IngestSink receives what an ingest run produces.
type IngestSink interface {
	// Article reports one stored article.
	Article(IngestedArticle)
	// Error reports a problem that cost one record, not the upload.
	Error(error)
	// Progress reports how many bytes of the document were read, of
	// total (-1: unknown).
	Progress(read, total int64)
}

// Options configures a Server.
type Options struct {
	// Addr is the listen address of ListenAndServe.
	Addr string
	// Token is the bearer token that write requests must present; ""
	// makes the server read-only.
	Token string
	// MaxBodyBytes limits request bodies and documents fetched for
	// POST /api/ingest (413 beyond).
	MaxBodyBytes int64
	// Ingest handles POST /api/ingest; nil disables ingest (501).
	Ingest IngestFunc
	// Fetch is the outbound-fetch policy for URLs posted to /api/ingest
	// (see internal/netguard): the strict policy unless the operator
	// passed --allow-private-fetch.
	Fetch netguard.Policy
	// MaxJobs bounds the ingest jobs waiting or running; an upload
	// beyond gets 503 with Retry-After.
	MaxJobs int
	// SpoolDir holds uploads until their job has run ("": os.TempDir()).
	SpoolDir string

	// BodyTimeout is how long a client may take to send a request body
	// (sized for MaxBodyBytes on a slow link); a body still arriving
	// after it is cut with 408. It is set per request, so long
	// responses (exports, the alert stream) are not affected.
	BodyTimeout time.Duration
	// ReadHeaderTimeout bounds reading the request line and headers.
	ReadHeaderTimeout time.Duration
	// WriteTimeout bounds writing a response; streams (exports, alerts)
	// extend it while they make progress.
	WriteTimeout time.Duration
	// IdleTimeout closes keep-alive connections idle for this long.
	IdleTimeout time.Duration
	// AllowedHosts are the Host header names the server answers (the
	// port is ignored); others get 421. Empty means: when Addr is a
	// loopback address, localhost, 127.0.0.1 and ::1 (a browser page on
	// another site cannot reach the API through DNS rebinding); else
	// any host.
	AllowedHosts []string
	// Metrics is mounted at /metrics when non-nil.
	Metrics http.Handler
	// Log receives request and error logs; nil discards them.
	Log *slog.Logger
	// PollInterval is how often the alert stream polls the store.
	PollInterval time.Duration
	// Web is the dashboard tree (templates/ and static/ under "web/");
	// Vendor the npm files (under "node_modules/").
	Web    fs.FS
	Vendor fs.FS
	// NetworkEdges caps the edges drawn on the actor network page.
	NetworkEdges int
	// NetworkScan is about how many events the network streams when the
	// request names no start date: the most recent ones.
	NetworkScan int
}

// DefaultOptions returns the options of `sitrep serve` without flags.
func DefaultOptions() Options {
	return Options{
		Addr:         "127.0.0.1:8080",
		MaxBodyBytes: 32 << 20,
		PollInterval: 2 * time.Second,
		Web:          sitrep.Web,
		Vendor:       sitrep.Vendor,
		NetworkEdges: 120,
		NetworkScan:  20000,
		MaxJobs:      8,

		BodyTimeout:       5 * time.Minute,
		ReadHeaderTimeout: 10 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
}

// Server serves the API and the dashboard over one store.
type Server struct {
	st      store.Store
	opts    Options
	log     *slog.Logger
	pages   *pages
	handler http.Handler
	// netCache memoises actor networks until the store changes.
	netCache netCache
	// done is closed when ListenAndServe shuts down, so that long-lived
	// streams (SSE) end and let Shutdown finish.
	done chan struct{}
	// hosts are the allowed Host names (nil: any).
	hosts []string
	jobs  *jobs
	// fetch fetches URLs posted to /api/ingest under opts.Fetch.
	fetch *http.Client
}

// New builds a server over st. It fails when the dashboard templates do
// not parse.
func New(st store.Store, opts Options) (*Server, error) {
	if st == nil {
		return nil, errors.New("serve: nil store")
	}
	def := DefaultOptions()
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = def.MaxBodyBytes
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = def.PollInterval
	}
	if opts.Web == nil {
		opts.Web = def.Web
	}
	if opts.Vendor == nil {
		opts.Vendor = def.Vendor
	}
	if opts.NetworkEdges <= 0 {
		opts.NetworkEdges = def.NetworkEdges
	}
	if opts.NetworkScan <= 0 {
		opts.NetworkScan = def.NetworkScan
	}
	if opts.Addr == "" {
		opts.Addr = def.Addr
	}
	if opts.MaxJobs <= 0 {
		opts.MaxJobs = def.MaxJobs
	}
	for _, d := range []struct {
		v   *time.Duration
		def time.Duration
	}{
		{&opts.BodyTimeout, def.BodyTimeout}, {&opts.ReadHeaderTimeout, def.ReadHeaderTimeout},
		{&opts.WriteTimeout, def.WriteTimeout}, {&opts.IdleTimeout, def.IdleTimeout},
	} {
		if *d.v <= 0 {
			*d.v = d.def
		}
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{st: st, opts: opts, log: log, done: make(chan struct{}), hosts: allowedHosts(opts.Addr, opts.AllowedHosts)}
	s.jobs = newJobs(s)
	s.fetch = opts.Fetch.Client()
	p, err := loadPages(opts.Web)
	if err != nil {
		return nil, fmt.Errorf("load dashboard: %w", err)
	}
	s.pages = p
	static, err := fs.Sub(opts.Web, "web/static")
	if err != nil {
		return nil, fmt.Errorf("dashboard static files: %w", err)
	}
	vendor, err := fs.Sub(opts.Vendor, "node_modules")
	if err != nil {
		return nil, fmt.Errorf("vendor files: %w", err)
	}
	s.handler = s.routes(static, vendor)
	return s, nil
}

// Handler returns the root handler (API, dashboard, static files).
func (s *Server) Handler() http.Handler { return s.handler }

// ListenAndServe serves on opts.Addr until ctx is cancelled, then shuts
// down gracefully (in-flight requests get 10 s; streams are told to end).
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.opts.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve is ListenAndServe on an existing listener.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.opts.ReadHeaderTimeout,
		// No ReadTimeout: it would also end the alert stream (a read
		// deadline that passes cancels the request). Bodies get their
		// own deadline per request instead (bodyDeadline).
		WriteTimeout: s.opts.WriteTimeout,
		IdleTimeout:  s.opts.IdleTimeout,
		// Headers stay small: no parameter may be long (params.go).
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "read_only", s.opts.Token == "")
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.closeDone()
	s.jobs.close()
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func (s *Server) closeDone() {
	select {
	case <-s.done:
	default:
		close(s.done)
	}
}

// routes wires every endpoint. Method dispatch is done by methods()
// rather than by mux patterns so that a wrong method gets a JSON 405
// under /api instead of the mux's plain-text one.
func (s *Server) routes(static, vendor fs.FS) http.Handler {
	mux := http.NewServeMux()
	// Every API endpoint names the query parameters it knows; any other
	// is a 400 naming it (a misspelt filter must not silently return
	// everything).
	api := func(pattern string, params []string, m methods) { mux.Handle(pattern, knownParams(params, m)) }

	api("/api/articles", articleParams, methods{"GET": listHandler(s, "articles", articleFilter, s.st.Articles)})
	api("/api/articles/{id}", nil, methods{"GET": s.apiArticle})
	api("/api/events", eventParams, methods{"GET": listHandler(s, "events", eventFilter, s.st.Events)})
	api("/api/events/{key}", nil, methods{"GET": s.apiEvent})
	api("/api/clusters", eventParams, methods{"GET": listHandler(s, "clusters", eventFilter, s.st.Clusters)})
	api("/api/entities", entityParams, methods{"GET": listHandler(s, "entities", entityFilter, s.st.Entities)})
	api("/api/quotes", quoteParams, methods{"GET": listHandler(s, "quotes", quoteFilter, s.st.Quotes)})
	api("/api/timeline", timelineParams, methods{"GET": s.apiTimeline})
	api("/api/network", networkParamNames, methods{"GET": s.apiNetwork})
	api("/api/alerts", []string{"after", "limit"}, methods{"GET": s.apiAlerts})
	api("/api/alerts/stream", []string{"after"}, methods{"GET": s.apiAlertStream})
	api("/api/alert-rules", nil, methods{"GET": s.apiAlertRules, "POST": s.write(s.apiAddAlertRule)})
	api("/api/alert-rules/{id}", nil, methods{"DELETE": s.write(s.apiDeleteAlertRule), "PATCH": s.write(s.apiPatchAlertRule)})
	api("/api/countries", eventParams, methods{"GET": s.apiCountries})
	api("/api/export", exportParams, methods{"GET": s.apiExport})
	api("/api/stats", nil, methods{"GET": s.apiStats})
	api("/api/ingest", []string{"name", "wait"}, methods{"POST": s.write(s.apiIngest)})
	api("/api/ingest/{id}", []string{"wait"}, methods{"GET": s.apiIngestJob})
	api("/api/openapi.json", nil, methods{"GET": s.apiOpenAPI})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such endpoint: "+r.URL.Path, "")
	})
	if s.opts.Metrics != nil {
		mux.Handle("/metrics", s.opts.Metrics)
	}

	mux.Handle("GET /static/vendor/", http.StripPrefix("/static/vendor/", staticHandler(vendor)))
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(static)))
	mux.HandleFunc("GET /{$}", s.pageOverview)
	mux.HandleFunc("GET /partials/events", s.partialEvents)
	mux.HandleFunc("GET /events/{key}", s.pageEvent)
	mux.HandleFunc("GET /timeline", s.pageTimeline)
	mux.HandleFunc("GET /map", s.pageMap)
	mux.HandleFunc("GET /network", s.pageNetwork)
	mux.HandleFunc("GET /articles", s.pageArticles)
	mux.HandleFunc("GET /articles/{id}", s.pageArticle)
	mux.HandleFunc("GET /alerts", s.pageAlerts)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusNotFound, "Page not found", "There is no page at "+r.URL.Path+".")
	})
	return s.middleware(mux)
}

// methods dispatches on the request method; HEAD is served by GET.
type methods map[string]http.HandlerFunc

func (m methods) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	if h, ok := m[method]; ok {
		h(w, r)
		return
	}
	allow := make([]string, 0, len(m))
	for k := range m {
		allow = append(allow, k)
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed here", "")
}

// contentSecurityPolicy forbids inline scripts and styles: an article
// that smuggles markup past escaping still cannot run anything.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if !s.hostAllowed(r.Host) {
			w.Header().Set("Connection", "close")
			writeError(w, http.StatusMisdirectedRequest, "bad_host",
				"this server does not answer for the host in the request (see --allowed-hosts)", "Host")
			return
		}
		if err := checkQuery(r.URL.RawQuery); err != nil {
			w.Header().Set("Connection", "close")
			s.fail(w, r, err)
			return
		}
		s.bodyDeadline(w, r)
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
		}
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "path", r.URL.Path, "panic", fmt.Sprint(v))
				if !rw.wrote {
					writeError(rw, http.StatusInternalServerError, "internal", "internal error", "")
				}
			}
			s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rw.status, "duration", time.Since(start))
		}()
		next.ServeHTTP(rw, r)
	})
}

// statusWriter records the status for the access log. It forwards
// Flush (SSE and exports need it) through Unwrap.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) Flush() {
	w.wrote = true
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// write guards a handler that changes the store: 403 read_only when the
// server has no token, 401 when the request's bearer token is wrong.
// Both are decided from the headers alone and answered at once: the
// body is never read (refuseBody), so a client trickling a body gets its
// 401 immediately and its connection closed.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opts.Token == "" {
			refuseBody(w)
			writeError(w, http.StatusForbidden, "read_only", "this server is read-only (started without a token)", "")
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opts.Token)) != 1 {
			refuseBody(w)
			w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", "missing or wrong bearer token", "")
			return
		}
		h(w, r)
	}
}

// staticHandler serves an fs.FS with a cache lifetime suited to files
// that change only with the binary.
func staticHandler(fsys fs.FS) http.Handler {
	fileServer := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") || r.URL.Path == "" {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	})
}

package serve

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/analysis"
	"github.com/sitrep-project/sitrep/internal/export"
	"github.com/sitrep-project/sitrep/internal/store"
)

//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openAPIDoc)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.fail(w, r, fmt.Errorf("stats: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// listHandler serves a paged listing: parse the query into a filter,
// ask the store, answer the page.
func listHandler[F, T any](s *Server, what string, parse func(url.Values) (F, error), list func(context.Context, F) (store.Page[T], error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f, err := parse(r.URL.Query())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		page, err := list(r.Context(), f)
		if err != nil {
			s.fail(w, r, fmt.Errorf("list %s: %w", what, err))
			return
		}
		writeJSON(w, http.StatusOK, nonNilPage(page))
	}
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("article %s: %w", r.PathValue("id"), err))
		return
	}
	a.Normalize()
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request) {
	rec, err := s.findEvent(r.Context(), r.PathValue("key"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

// findEvent looks an event up by its key (article id ":" event id). The
// store has no point lookup, so it pages through the article's events,
// which are few.
func (s *Server) findEvent(ctx context.Context, key string) (store.EventRecord, error) {
	articleID, _, ok := strings.Cut(key, ":")
	if !ok || articleID == "" {
		return store.EventRecord{}, fmt.Errorf("event %q: %w", key, store.ErrNotFound)
	}
	f := store.EventFilter{ArticleID: articleID, Limit: store.MaxLimit}
	for {
		page, err := s.st.Events(ctx, f)
		if err != nil {
			return store.EventRecord{}, fmt.Errorf("events of article %s: %w", articleID, err)
		}
		for _, e := range page.Items {
			if e.Key == key {
				return e, nil
			}
		}
		if page.Next == "" {
			return store.EventRecord{}, fmt.Errorf("event %q: %w", key, store.ErrNotFound)
		}
		f.Cursor = page.Next
	}
}

// timelineResponse echoes the normalised query next to the points so a
// client can label its chart.
type timelineResponse struct {
	A        string                `json:"a"`
	B        string                `json:"b"`
	Directed bool                  `json:"directed"`
	Code     string                `json:"code"`
	Interval string                `json:"interval"`
	Since    string                `json:"since"`
	Until    string                `json:"until"`
	Points   []store.TimelinePoint `json:"points"`
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	q, err := timelineQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pts, err := s.st.Timeline(r.Context(), q)
	if err != nil {
		s.fail(w, r, fmt.Errorf("timeline: %w", err))
		return
	}
	if pts == nil {
		pts = []store.TimelinePoint{}
	}
	writeJSON(w, http.StatusOK, timelineResponse{q.A, q.B, q.Directed, q.Code, q.Interval, q.Since, q.Until, pts})
}

func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) {
	f, level, err := networkParams(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n, err := s.network(r.Context(), f, level)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, n)
}

func (s *Server) apiAlerts(w http.ResponseWriter, r *http.Request) {
	q := query{r.URL.Query()}
	after, err := q.int64("after")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	limit, err := q.limit()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	alerts, err := s.st.Alerts(r.Context(), after, limit)
	if err != nil {
		s.fail(w, r, fmt.Errorf("list alerts: %w", err))
		return
	}
	if alerts == nil {
		alerts = []store.Alert{}
	}
	next := ""
	if len(alerts) == limit {
		next = strconv.FormatInt(alerts[len(alerts)-1].ID, 10)
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": alerts, "next": next})
}

// apiAlertStream is a Server-Sent Events stream of fired alerts. It
// polls the store (alerts can be fired by another process writing to
// the same database) and resumes after Last-Event-ID on reconnect.
func (s *Server) apiAlertStream(w http.ResponseWriter, r *http.Request) {
	q := query{r.URL.Query()}
	after, err := q.int64("after")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if id := strings.TrimSpace(r.Header.Get("Last-Event-ID")); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "bad_request", "Last-Event-ID must be an alert id", "Last-Event-ID")
			return
		}
		after = n
	}
	rc := http.NewResponseController(w)
	// The stream outlives WriteTimeout; each write gets its own below.
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // proxies must not buffer the stream
	w.WriteHeader(http.StatusOK)
	if _, err := io.WriteString(w, "retry: 3000\n: connected\n\n"); err != nil {
		return
	}
	_ = rc.Flush()

	ctx := r.Context()
	ticker := time.NewTicker(s.opts.PollInterval)
	defer ticker.Stop()
	lastWrite := time.Now()
	for {
		alerts, err := s.st.Alerts(ctx, after, store.MaxLimit)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			s.log.Warn("alert stream poll", "err", err)
		}
		for _, a := range alerts {
			data, err := json.Marshal(a)
			if err != nil {
				continue
			}
			if _, err := fmt.Fprintf(w, "id: %d\nevent: alert\ndata: %s\n\n", a.ID, data); err != nil {
				return
			}
			after = a.ID
			lastWrite = time.Now()
		}
		// A comment now and then keeps idle proxies from closing us.
		if time.Since(lastWrite) > 15*time.Second {
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
			lastWrite = time.Now()
		}
		if err := rc.Flush(); err != nil {
			return
		}
		_ = rc.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout))
		select {
		case <-ctx.Done():
			return
		case <-s.done:
			return
		case <-ticker.C:
		}
	}
}

func (s *Server) apiAlertRules(w http.ResponseWriter, r *http.Request) {
	rules, err := s.st.AlertRules(r.Context())
	if err != nil {
		s.fail(w, r, fmt.Errorf("list alert rules: %w", err))
		return
	}
	items := make([]store.AlertRule, 0, len(rules))
	for _, rule := range rules {
		items = append(items, analysis.Redacted(rule))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

// RuleKinds are the alert rule kinds a client may create.
var RuleKinds = analysis.RuleKinds

// maxRuleBody bounds an alert rule's JSON, whatever MaxBodyBytes is.
const maxRuleBody = 16 << 10

func (s *Server) apiAddAlertRule(w http.ResponseWriter, r *http.Request) {
	var rule store.AlertRule
	if !s.decodeBody(w, r, &rule, "body must be a JSON alert rule") {
		return
	}
	if err := analysis.ValidateRule(r.Context(), &rule, s.opts.Fetch); err != nil {
		var re *analysis.RuleError
		if errors.As(err, &re) {
			writeError(w, http.StatusBadRequest, "bad_request", re.Message, re.Field)
			return
		}
		s.fail(w, r, err)
		return
	}
	saved, err := s.st.AddAlertRule(r.Context(), rule)
	if err != nil {
		s.fail(w, r, fmt.Errorf("add alert rule: %w", err))
		return
	}
	w.Header().Set("Location", "/api/alert-rules/"+strconv.FormatInt(saved.ID, 10))
	writeJSON(w, http.StatusCreated, analysis.Redacted(saved))
}

// bodyTimedOut answers a request whose body did not arrive within
// BodyTimeout.
func (s *Server) bodyTimedOut(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	writeError(w, http.StatusRequestTimeout, "body_timeout",
		fmt.Sprintf("the request body did not arrive within %s", s.opts.BodyTimeout), "body")
}

func (s *Server) apiDeleteAlertRule(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, "bad_request", "rule id must be a positive integer", "id")
		return
	}
	if err := s.st.DeleteAlertRule(r.Context(), id); err != nil {
		s.fail(w, r, fmt.Errorf("delete alert rule %d: %w", id, err))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ExportFormats are the formats of /api/export.
var ExportFormats = export.Formats()

func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	format := strings.ToLower(strings.TrimSpace(v.Get("format")))
	if format == "" {
		format = "jsonl"
	}
	if !slices.Contains(ExportFormats, format) {
		writeError(w, http.StatusBadRequest, "bad_request",
			fmt.Sprintf("unknown format %q (one of %s)", v.Get("format"), strings.Join(ExportFormats, ", ")), "format")
		return
	}
	f, err := eventFilter(v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.Limit, f.Cursor = 0, ""
	ext := exportExtension(format)
	w.Header().Set("Content-Type", exportContentType(format))
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "sitrep-events." + ext}))
	fw := &flushWriter{w: w, rc: http.NewResponseController(w), timeout: s.opts.WriteTimeout}
	if err := exportEvents(r.Context(), fw, s.st, f, format); err != nil {
		if !fw.wrote {
			w.Header().Del("Content-Disposition")
			s.fail(w, r, fmt.Errorf("export %s: %w", format, err))
			return
		}
		// Headers are gone; all we can do is cut the stream short so the
		// client sees a truncated file rather than a silently partial one.
		s.log.Error("export failed mid-stream", "format", format, "err", err)
		panic(http.ErrAbortHandler)
	}
}

// flushWriter flushes every 64 KiB so that a long export reaches the
// client while it is being produced, and gives each flush its own
// write timeout: an export may run longer than WriteTimeout as long as
// the client keeps reading.
type flushWriter struct {
	w       io.Writer
	rc      *http.ResponseController
	timeout time.Duration
	pending int
	wrote   bool
}

func (f *flushWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	f.wrote = f.wrote || n > 0
	f.pending += n
	if f.pending >= 64<<10 {
		f.pending = 0
		_ = f.rc.Flush()
		if f.timeout > 0 {
			_ = f.rc.SetWriteDeadline(time.Now().Add(f.timeout))
		}
	}
	return n, err
}

// apiIngest spools the body (or the document at {"url": ...}) to a file
// and queues an ingest job: 202 with the job and its Location, or, with
// wait=true, 200 with the finished job (422 when the document failed).
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.opts.Ingest == nil {
		refuseBody(w)
		writeError(w, http.StatusNotImplemented, "ingest_disabled", "this server does not accept uploads", "")
		return
	}
	q := query{r.URL.Query()}
	wait, _, err := q.boolean("wait")
	if err != nil {
		refuseBody(w)
		s.fail(w, r, err)
		return
	}
	path, size, err := s.spool(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			w.Header().Set("Connection", "close")
			s.fail(w, r, err)
		case isTimeout(err):
			s.bodyTimedOut(w)
		default:
			s.fail(w, r, err)
		}
		return
	}
	s.bodyRead(w)
	name := q.str("name")
	if name == "" {
		if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err == nil {
			name = clipText(params["filename"], maxParamValue)
		}
	}
	if name == "" {
		name = "upload"
	}
	head, blank, err := spoolHead(path, size)
	if err != nil {
		os.Remove(path)
		s.fail(w, r, err)
		return
	}
	if blank {
		os.Remove(path)
		writeError(w, http.StatusBadRequest, "bad_request", "empty body: send a document or {\"url\": ...}", "body")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" && head != nil {
		// {"url": ...} alone asks the server to fetch; any other JSON
		// is a document in its own right (one JSONL record may well
		// have a url field next to its text).
		var req map[string]json.RawMessage
		var target string
		if json.Unmarshal(head, &req) == nil && len(req) == 1 && json.Unmarshal(req["url"], &target) == nil && target != "" {
			os.Remove(path)
			if path, size, err = s.fetchToSpool(r.Context(), target); err != nil {
				s.fetchFailed(w, r, err)
				return
			}
			name = target
		}
	}
	j, err := s.jobs.submit(name, path, size)
	if err != nil {
		os.Remove(path)
		w.Header().Set("Retry-After", "30")
		writeError(w, http.StatusServiceUnavailable, "busy", fmt.Sprintf("%d ingest jobs are waiting; try again later", s.opts.MaxJobs), "")
		return
	}
	w.Header().Set("Location", "/api/ingest/"+j.v.ID)
	if !wait {
		writeJSON(w, http.StatusAccepted, j.view())
		return
	}
	s.answerJob(w, r, j)
}

// apiIngestJob reports an ingest job; wait=true waits for its end.
func (s *Server) apiIngestJob(w http.ResponseWriter, r *http.Request) {
	j, ok := s.jobs.get(r.PathValue("id"))
	if !ok {
		writeError(w, http.StatusNotFound, "not_found", "no such ingest job (finished jobs are kept for a while only)", "")
		return
	}
	wait, _, err := query{r.URL.Query()}.boolean("wait")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !wait {
		writeJSON(w, http.StatusOK, j.view())
		return
	}
	s.answerJob(w, r, j)
}

// answerJob waits for j and answers its report: 200, or 422 when the
// whole document failed.
func (s *Server) answerJob(w http.ResponseWriter, r *http.Request, j *job) {
	if err := j.wait(r.Context()); err != nil {
		return // the client went away; the job goes on
	}
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout))
	v := j.view()
	if v.State == JobFailed {
		writeError(w, http.StatusUnprocessableEntity, "ingest_failed", v.Error, "body")
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// nonNilPage makes an empty listing serialise as [] rather than null.
func nonNilPage[T any](p store.Page[T]) store.Page[T] {
	if p.Items == nil {
		p.Items = []T{}
	}
	return p
}

package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// apiError is the body of every API error:
// {"error":{"code":"bad_request","message":"...","param":"since"}}.
type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

// paramError is a malformed query parameter; handlers turn it into a 400
// naming the parameter.
type paramError struct {
	Param   string
	Message string
}

func (e *paramError) Error() string { return e.Param + ": " + e.Message }

func badParam(param, format string, args ...any) error {
	return &paramError{Param: param, Message: fmt.Sprintf(format, args...)}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client went away; nothing to do
}

func writeError(w http.ResponseWriter, status int, code, msg, param string) {
	writeJSON(w, status, map[string]apiError{"error": {Code: code, Message: msg, Param: param}})
}

// fail maps an error from parsing or the store to the right response.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, "bad_request", pe.Message, pe.Param)
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, "payload_too_large",
			fmt.Sprintf("request body exceeds %d bytes", mbe.Limit), "")
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", "not found", "")
	case isCursorError(err):
		writeError(w, http.StatusBadRequest, "bad_request", "invalid cursor", "cursor")
	case r.Context().Err() != nil:
		// Client gone; nobody reads the answer.
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal", "internal error", "")
	}
}

// isCursorError recognises a store's complaint about an opaque cursor it
// did not issue: the client's fault, so a 400 rather than a 500.
func isCursorError(err error) bool { return errors.Is(err, store.ErrBadCursor) }

// Limits on query parameters (bytes). Every text parameter has one, so
// that a long value is a 400 before it reaches the store (SQLite refuses
// very long LIKE patterns) and nothing echoed back — a header, a page
// link — can grow without bound. They are documented in openapi.json
// (maxLength) and docs/deploy.md.
const (
	// maxQueryBytes bounds the whole query string.
	maxQueryBytes = 8192
	// maxParamName bounds a parameter's name.
	maxParamName = 64
	// maxParamValue is the limit of a parameter not listed in paramMax.
	maxParamValue = 256
)

// paramMax is the longest value of each named parameter.
var paramMax = map[string]int{
	"text": 256, "q": 256, "name": 256, "speaker": 256,
	"actor": 32, "source": 32, "target": 32, "code": 32, "a": 32, "b": 32, "dyad": 65,
	"article": 128, "cluster": 128, "cursor": 512,
	"since": 32, "until": 32, "limit": 16, "after": 20,
	"bbox": 128, "modality": 128, "format": 16, "interval": 16, "level": 16, "type": 16,
	"directed": 8, "wait": 8, "country": 8, "region": 64,
}

// checkQuery enforces the length limits on a raw query string, for the
// API and the pages alike.
func checkQuery(raw string) error {
	if raw == "" {
		return nil
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return badParam("", "malformed query string")
	}
	// A parameter over its own limit is named, even when the whole
	// query is also too long.
	for k, vs := range v {
		if len(k) > maxParamName {
			return badParam(clipParam(k), "parameter name longer than %d bytes", maxParamName)
		}
		limit, ok := paramMax[k]
		if !ok {
			limit = maxParamValue
		}
		for _, x := range vs {
			if len(x) > limit {
				return badParam(k, "must be at most %d bytes long, got %d", limit, len(x))
			}
		}
	}
	if len(raw) > maxQueryBytes {
		return badParam("", "the query string is longer than %d bytes", maxQueryBytes)
	}
	return nil
}

// The query parameters each API endpoint knows (knownParams answers 400
// for any other). A filter added to a parser must be added here too.
var (
	// eventParams is what eventFilter reads. "q" is the old name of
	// "text", still accepted.
	eventParams = []string{"actor", "source", "target", "dyad", "directed", "code", "modality",
		"since", "until", "bbox", "text", "q", "article", "cluster", "country", "region", "limit", "cursor"}
	articleParams     = []string{"text", "q", "since", "until", "limit", "cursor"}
	entityParams      = []string{"name", "type", "code", "limit", "cursor"}
	quoteParams       = []string{"speaker", "article", "text", "q", "limit", "cursor"}
	timelineParams    = []string{"a", "b", "directed", "code", "interval", "since", "until"}
	networkParamNames = append(slices.Clone(eventParams), "level")
	exportParams      = append(slices.Clone(eventParams), "format")
)

// textParam reads the full-text filter: "text", the one name the CLI
// (--text) and the API share; "q", its old API name, is still read, and
// the two may not disagree.
func (q query) textParam() (string, error) {
	t, old := q.str("text"), q.str("q")
	switch {
	case t == "":
		return old, nil
	case old != "" && old != t:
		return "", badParam("q", "is the old name of text; give one of them")
	}
	return t, nil
}

// query wraps url.Values with typed, validating getters.
type query struct{ v url.Values }

func (q query) str(name string) string { return strings.TrimSpace(q.v.Get(name)) }

func (q query) date(name string) (string, error) {
	s := q.str(name)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", badParam(name, "must be a date YYYY-MM-DD, got %q", s)
	}
	return s, nil
}

// limit parses a page size: default when absent, clamped to MaxLimit.
func (q query) limit() (int, error) {
	s := q.str("limit")
	if s == "" {
		return store.DefaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, badParam("limit", "must be a non-negative integer, got %q", s)
	}
	if n == 0 {
		return store.DefaultLimit, nil
	}
	return min(n, store.MaxLimit), nil
}

func (q query) boolean(name string) (val, set bool, err error) {
	s := q.str(name)
	if s == "" {
		return false, false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, false, badParam(name, "must be true or false, got %q", s)
	}
	return b, true, nil
}

func (q query) int64(name string) (int64, error) {
	s := q.str(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, badParam(name, "must be a non-negative integer, got %q", s)
	}
	return n, nil
}

// Modalities is the modality enum of the output contract.
var Modalities = []string{
	model.ModalityAsserted, model.ModalityFuture, model.ModalityPossible, model.ModalityDenied,
	model.ModalityAlleged, model.ModalityHabitual, model.ModalityNegated,
}

func (q query) modalities() ([]string, error) {
	s := q.str("modality")
	if s == "" {
		return nil, nil
	}
	var out []string
	for m := range strings.SplitSeq(s, ",") {
		m = strings.ToLower(strings.TrimSpace(m))
		if m == "" {
			continue
		}
		if !slices.Contains(Modalities, m) {
			return nil, badParam("modality", "unknown modality %q (one of %s)", m, strings.Join(Modalities, ", "))
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out, nil
}

// bbox parses minLon,minLat,maxLon,maxLat (the GeoJSON order).
func (q query) bbox() (*store.BBox, error) {
	s := q.str("bbox")
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, badParam("bbox", "must be minLon,minLat,maxLon,maxLat, got %q", s)
	}
	var f [4]float64
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || v != v {
			return nil, badParam("bbox", "coordinate %d is not a number: %q", i+1, p)
		}
		f[i] = v
	}
	b := &store.BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}
	switch {
	case b.MinLon < -180 || b.MaxLon > 180 || b.MinLon > b.MaxLon:
		return nil, badParam("bbox", "longitudes must satisfy -180 <= minLon <= maxLon <= 180")
	case b.MinLat < -90 || b.MaxLat > 90 || b.MinLat > b.MaxLat:
		return nil, badParam("bbox", "latitudes must satisfy -90 <= minLat <= maxLat <= 90")
	}
	return b, nil
}

// codeParam validates an actor or CAMEO code prefix: letters and digits
// only, so typos like "RUS GOV" are reported rather than matching nothing.
func (q query) code(name string) (string, error) {
	s := strings.ToUpper(q.str(name))
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", badParam(name, "must be letters and digits only, got %q", q.str(name))
		}
	}
	return s, nil
}

// eventFilter reads the event filter shared by /api/events, /api/clusters,
// /api/export, the map and the dashboard table.
func eventFilter(v url.Values) (store.EventFilter, error) {
	q := query{v}
	var f store.EventFilter
	var err error
	if f.Actor, err = q.code("actor"); err != nil {
		return f, err
	}
	if f.Source, err = q.code("source"); err != nil {
		return f, err
	}
	if f.Target, err = q.code("target"); err != nil {
		return f, err
	}
	directed, directedSet, err := q.boolean("directed")
	if err != nil {
		return f, err
	}
	if d := q.str("dyad"); d != "" {
		a, b, ok := strings.Cut(d, ",")
		a, b = strings.ToUpper(strings.TrimSpace(a)), strings.ToUpper(strings.TrimSpace(b))
		if !ok || a == "" || b == "" || strings.Contains(b, ",") {
			return f, badParam("dyad", "must be two actor codes A,B, got %q", d)
		}
		if _, err := (query{url.Values{"dyad": {a + b}}}).code("dyad"); err != nil {
			return f, err
		}
		if f.Source != "" || f.Target != "" {
			return f, badParam("dyad", "cannot be combined with source or target")
		}
		f.Source, f.Target = a, b
		// A dyad is a relationship: both directions unless asked otherwise.
		f.Undirected = !directed
	} else if directedSet && !directed {
		f.Undirected = true
	}
	if f.Code, err = q.code("code"); err != nil {
		return f, err
	}
	if f.Modality, err = q.modalities(); err != nil {
		return f, err
	}
	if f.Since, err = q.date("since"); err != nil {
		return f, err
	}
	if f.Until, err = q.date("until"); err != nil {
		return f, err
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return f, badParam("until", "must not be before since")
	}
	if f.BBox, err = q.bbox(); err != nil {
		return f, err
	}
	if f.Text, err = q.textParam(); err != nil {
		return f, err
	}
	f.ArticleID = q.str("article")
	f.Cluster = q.str("cluster")
	if f.Country, err = q.country(); err != nil {
		return f, err
	}
	f.Region = q.region()
	if f.Limit, err = q.limit(); err != nil {
		return f, err
	}
	f.Cursor = q.str("cursor")
	return f, nil
}

func articleFilter(v url.Values) (store.ArticleFilter, error) {
	q := query{v}
	var f store.ArticleFilter
	var err error
	if f.Text, err = q.textParam(); err != nil {
		return f, err
	}
	if f.Since, err = q.date("since"); err != nil {
		return f, err
	}
	if f.Until, err = q.date("until"); err != nil {
		return f, err
	}
	if f.Limit, err = q.limit(); err != nil {
		return f, err
	}
	f.Cursor = q.str("cursor")
	return f, nil
}

// EntityTypes is the entity type enum of the output contract.
var EntityTypes = []string{model.TypePerson, model.TypeOrg, model.TypePlace, model.TypeEquipment}

func entityFilter(v url.Values) (store.EntityFilter, error) {
	q := query{v}
	var f store.EntityFilter
	var err error
	f.Name = q.str("name")
	if t := strings.ToUpper(q.str("type")); t != "" {
		if !slices.Contains(EntityTypes, t) {
			return f, badParam("type", "unknown entity type %q (one of %s)", q.str("type"), strings.Join(EntityTypes, ", "))
		}
		f.Type = t
	}
	if f.Code, err = q.code("code"); err != nil {
		return f, err
	}
	if f.Limit, err = q.limit(); err != nil {
		return f, err
	}
	f.Cursor = q.str("cursor")
	return f, nil
}

func quoteFilter(v url.Values) (store.QuoteFilter, error) {
	q := query{v}
	var f store.QuoteFilter
	var err error
	f.Speaker = q.str("speaker")
	f.ArticleID = q.str("article")
	if f.Text, err = q.textParam(); err != nil {
		return f, err
	}
	if f.Limit, err = q.limit(); err != nil {
		return f, err
	}
	f.Cursor = q.str("cursor")
	return f, nil
}

func timelineQuery(v url.Values) (store.TimelineQuery, error) {
	q := query{v}
	var t store.TimelineQuery
	var err error
	if t.A, err = q.code("a"); err != nil {
		return t, err
	}
	if t.B, err = q.code("b"); err != nil {
		return t, err
	}
	if t.Directed, _, err = q.boolean("directed"); err != nil {
		return t, err
	}
	if t.Code, err = q.code("code"); err != nil {
		return t, err
	}
	switch t.Interval = strings.ToLower(q.str("interval")); t.Interval {
	case "":
		t.Interval = "day"
	case "day", "week", "month":
	default:
		return t, badParam("interval", "must be day, week or month, got %q", q.str("interval"))
	}
	if t.Since, err = q.date("since"); err != nil {
		return t, err
	}
	if t.Until, err = q.date("until"); err != nil {
		return t, err
	}
	if t.Since != "" && t.Until != "" && t.Since > t.Until {
		return t, badParam("until", "must not be before since")
	}
	return t, nil
}

package serve

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/analysis"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// pages holds one template set per page, each a clone of the layout, so
// that every page can define its own "content" block.
type pages struct {
	byName map[string]*template.Template
}

var pageNames = []string{"overview", "event", "timeline", "map", "network", "articles", "article", "alerts", "error"}

var funcs = template.FuncMap{
	"gclass": goldsteinClass,
	"signed": signed,
	"quad":   quadName,
	"short":  func(s string) string { return shorten(s, 12) },
	"deref":  model.Deref,
	"coord": func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', 3, 64)
	},
	"num":        fmtFloat,
	"join":       strings.Join,
	"add":        func(a, b int) int { return a + b },
	"trunc":      shorten,
	"cameoname":  analysis.CameoName,
	"plover":     analysis.PloverLabel,
	"pointlabel": pointLabel,
	"chartbars":  chartBars,
	"chartdots":  chartDots,
	"tlrows":     timelineRows,
	"chartspans": chartSpans,
	"looseitems": looseItems,
}

func loadPages(web fs.FS) (*pages, error) {
	base, err := template.New("layout").Funcs(funcs).ParseFS(web, "web/templates/layout.html", "web/templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("clone layout: %w", err)
		}
		if _, err := t.ParseFS(web, "web/templates/"+name+".html"); err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// pageData is what every page template receives.
type pageData struct {
	Title    string
	Active   string
	ReadOnly bool
	Data     any
}

// render executes into a buffer first so a template error becomes a
// clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page, title string, data any) {
	s.renderTemplate(w, r, status, page, "layout", pageData{Title: title, Active: page, ReadOnly: s.opts.Token == "", Data: data})
}

func (s *Server) renderTemplate(w http.ResponseWriter, r *http.Request, status int, page, tmpl string, data any) {
	t := s.pages.byName[page]
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, tmpl, data); err != nil {
		s.log.Error("render page", "page", page, "err", err)
		http.Error(w, "internal error rendering page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

type errorData struct {
	Heading string
	Message string
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, heading, msg string) {
	s.render(w, r, status, "error", heading, errorData{heading, msg})
}

// pageFail shows a store or parameter error as a page.
func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		s.renderError(w, r, http.StatusBadRequest, "Bad request", "The "+pe.Param+" parameter "+pe.Message+".")
	case errors.Is(err, store.ErrNotFound):
		s.renderError(w, r, http.StatusNotFound, "Not found", "Nothing is stored under this address.")
	case isCursorError(err):
		s.renderError(w, r, http.StatusBadRequest, "Bad request", "The page cursor is invalid; start from the first page.")
	default:
		if r.Context().Err() == nil {
			s.log.Error("page failed", "path", r.URL.Path, "err", err)
		}
		s.renderError(w, r, http.StatusInternalServerError, "Something went wrong", "The store could not answer. The server log has details.")
	}
}

// eventTable is the overview's filterable table (also the htmx partial).
type eventTable struct {
	Form     url.Values
	Error    string
	Param    string
	Events   []store.EventRecord
	NextURL  string
	FirstURL string
	// The same pages as htmx partials.
	NextPartial  string
	FirstPartial string
	Paged        bool
	// Exports are download links for every event matching the filters.
	Exports []exportLink
}

// uiLimit is the dashboard's page size: a screenful, not MaxLimit.
const uiLimit = 25

func (s *Server) eventTable(r *http.Request) (eventTable, int, error) {
	v := r.URL.Query()
	t := eventTable{Form: v}
	f, err := eventFilter(v)
	if err != nil {
		var pe *paramError
		if errors.As(err, &pe) {
			t.Error, t.Param = "The "+pe.Param+" filter "+pe.Message+".", pe.Param
			return t, http.StatusBadRequest, nil
		}
		return t, 0, err
	}
	if v.Get("limit") == "" {
		f.Limit = uiLimit
	}
	f.Newest = true // analysts read the latest first
	page, err := s.st.Events(r.Context(), f)
	if err != nil {
		if isCursorError(err) {
			t.Error, t.Param = "The page cursor is invalid; start from the first page.", "cursor"
			return t, http.StatusBadRequest, nil
		}
		return t, 0, fmt.Errorf("list events: %w", err)
	}
	t.Events = page.Items
	t.Paged = v.Get("cursor") != ""
	clean := cleanValues(v)
	clean.Del("cursor")
	t.FirstURL, t.FirstPartial = "/?"+clean.Encode(), "/partials/events?"+clean.Encode()
	t.Exports = eventExports(clean)
	if page.Next != "" {
		clean.Set("cursor", page.Next)
		t.NextURL, t.NextPartial = "/?"+clean.Encode(), "/partials/events?"+clean.Encode()
	}
	return t, http.StatusOK, nil
}

// cleanValues drops empty parameters so shared URLs stay short.
func cleanValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		for _, x := range vs {
			if strings.TrimSpace(x) != "" {
				out.Add(k, x)
			}
		}
	}
	return out
}

type overviewData struct {
	Stats      store.Stats
	Table      eventTable
	Modalities []string
}

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) {
	stats, err := s.st.Stats(r.Context())
	if err != nil {
		s.pageFail(w, r, fmt.Errorf("stats: %w", err))
		return
	}
	t, status, err := s.eventTable(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, status, "overview", "Overview", overviewData{stats, t, Modalities})
}

// partialEvents answers htmx's requests for the table alone, and tells
// htmx which page URL to show in the address bar.
func (s *Server) partialEvents(w http.ResponseWriter, r *http.Request) {
	t, status, err := s.eventTable(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	w.Header().Set("HX-Push-Url", "/?"+cleanValues(r.URL.Query()).Encode())
	if status == http.StatusBadRequest && r.Header.Get("HX-Request") != "" {
		// htmx does not swap error responses; the message about the bad
		// filter is the content here, so send it as a success.
		status = http.StatusOK
	}
	s.renderTemplate(w, r, status, "overview", "events_table", t)
}

type reportView struct {
	Event    store.EventRecord
	Sentence []Segment
	Current  bool
}

type eventData struct {
	Event    store.EventRecord
	Sentence []Segment
	Article  *model.Article
	Reports  []reportView
	More     bool
	Location *model.Location
}

func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rec, err := s.findEvent(ctx, r.PathValue("key"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	a, err := s.st.Article(ctx, rec.ArticleID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.pageFail(w, r, fmt.Errorf("article %s: %w", rec.ArticleID, err))
		return
	}
	d := eventData{Event: rec, Article: a, Location: rec.Location}
	d.Sentence = segments(rec.SentenceText, rec.SentenceStart, eventMarks(rec, a))
	if rec.Cluster != "" {
		page, err := s.st.Events(ctx, store.EventFilter{Cluster: rec.Cluster, Limit: 100})
		if err != nil {
			s.pageFail(w, r, fmt.Errorf("cluster %s: %w", rec.Cluster, err))
			return
		}
		for _, e := range page.Items {
			d.Reports = append(d.Reports, reportView{
				Event:    e,
				Sentence: segments(e.SentenceText, e.SentenceStart, eventMarks(e, nil)),
				Current:  e.Key == rec.Key,
			})
		}
		d.More = page.Next != ""
	}
	title := rec.Source.Code + " → "
	if rec.Target != nil {
		title += rec.Target.Code
	} else {
		title += "—"
	}
	s.render(w, r, http.StatusOK, "event", title+" · CAMEO "+rec.Cameo, d)
}

type articlesData struct {
	Form     url.Values
	Articles []store.ArticleSummary
	NextURL  string
	FirstURL string
	Paged    bool
	Exports  []exportLink
}

func (s *Server) pageArticles(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	f, err := articleFilter(v)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if v.Get("limit") == "" {
		f.Limit = uiLimit
	}
	page, err := s.st.Articles(r.Context(), f)
	if err != nil {
		s.pageFail(w, r, fmt.Errorf("list articles: %w", err))
		return
	}
	d := articlesData{Form: v, Articles: page.Items, Paged: f.Cursor != ""}
	clean := cleanValues(v)
	clean.Del("cursor")
	d.Exports = articleExports(clean)
	d.FirstURL = "/articles?" + clean.Encode()
	if page.Next != "" {
		clean.Set("cursor", page.Next)
		d.NextURL = "/articles?" + clean.Encode()
	}
	s.render(w, r, http.StatusOK, "articles", "Articles", d)
}

type entityView struct {
	model.Entity
	Class string
}

type quoteView struct {
	model.Quote
	SpeakerName string
}

type articleData struct {
	Article    *model.Article
	Paragraphs []Paragraph
	Entities   []entityView
	Quotes     []quoteView
	Events     []store.EventRecord
	// Headings are shown as a list when the store did not keep where
	// each subheading stood in the body.
	Headings []string
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.st.Article(ctx, r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, fmt.Errorf("article %s: %w", r.PathValue("id"), err))
		return
	}
	a.Normalize()
	d := articleData{Article: a, Paragraphs: articleParagraphs(a)}
	if len(a.HeadingAt) != len(a.Subheadings) {
		d.Headings = a.Subheadings
	}
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		d.Entities = append(d.Entities, entityView{e, entityClass(e.Type)})
	}
	for _, q := range a.Quotes {
		d.Quotes = append(d.Quotes, quoteView{q, names[model.Deref(q.Speaker)]})
	}
	page, err := s.st.Events(ctx, store.EventFilter{ArticleID: a.ID, Limit: store.MaxLimit})
	if err != nil {
		s.pageFail(w, r, fmt.Errorf("events of article %s: %w", a.ID, err))
		return
	}
	d.Events = page.Items
	title := model.Deref(a.Title)
	if title == "" {
		title = "Article " + shorten(a.ID, 12)
	}
	s.render(w, r, http.StatusOK, "article", title, d)
}

type mapData struct {
	Form url.Values
}

func (s *Server) pageMap(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "map", "Map", mapData{Form: r.URL.Query()})
}

type networkData struct {
	Form    url.Values
	Net     Network
	Error   string
	Lines   []netLine
	Circles []netCircle
}

type netLine struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Class          string
	Color          string // stroke from the mean Goldstein score (edgeColor)
	Title          string
	Href           string
}

type netCircle struct {
	X, Y, R float64
	LX, LY  float64 // where the label goes (placeLabels)
	Code    string
	Title   string
	Href    string
}

func (s *Server) pageNetwork(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := networkData{Form: v}
	f, level, err := networkParams(v)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d.Net, err = s.network(r.Context(), f, level)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	maxEvents, maxCount := 1, 1
	for _, n := range d.Net.Nodes {
		maxEvents = max(maxEvents, n.Events)
	}
	for _, e := range d.Net.Edges {
		maxCount = max(maxCount, e.Count)
	}
	// Nodes first: spread so that no two circles overlap, labels placed
	// where they hide nothing; the edges are drawn between the results.
	pos := map[string]int{}
	for i, n := range d.Net.Nodes {
		pos[n.Code] = i
		d.Circles = append(d.Circles, netCircle{
			X: n.X, Y: n.Y, R: nodeRadius(n.Events, maxEvents), Code: n.Code,
			Title: fmt.Sprintf("%s: %d events", n.Code, n.Events),
			Href:  "/?" + url.Values{"actor": {n.Code}}.Encode(),
		})
	}
	spreadNodes(d.Circles, 1000, 640)
	placeLabels(d.Circles, 1000, 640)
	for _, e := range d.Net.Edges {
		a, b := d.Circles[pos[e.Source]], d.Circles[pos[e.Target]]
		// Shorten the line so the arrow head stops at the node's rim.
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Max(math.Hypot(dx, dy), 1)
		rb := b.R + 3
		// Offset each line a little to its left so that A→B and B→A
		// stay two visible arrows.
		ox, oy := -dy/l*3, dx/l*3
		d.Lines = append(d.Lines, netLine{
			X1: round2(a.X + ox), Y1: round2(a.Y + oy), X2: round2(b.X - dx/l*rb + ox), Y2: round2(b.Y - dy/l*rb + oy),
			Width: edgeWidth(e.Count, maxCount),
			Class: "edge edge-" + goldsteinClass(e.Goldstein),
			Color: edgeColor(e.Goldstein),
			Title: fmt.Sprintf("%s → %s: %d events, mean Goldstein %+.1f", e.Source, e.Target, e.Count, e.Goldstein),
			Href:  "/?" + url.Values{"dyad": {e.Source + "," + e.Target}, "directed": {"true"}}.Encode(),
		})
	}
	s.render(w, r, http.StatusOK, "network", "Actor network", d)
}

func nodeRadius(events, maxEvents int) float64 {
	return round2(6 + 14*math.Sqrt(float64(events)/float64(maxEvents)))
}

// goldsteinClass buckets a Goldstein score for colouring.
func goldsteinClass(g float64) string {
	switch {
	case g >= 1:
		return "coop"
	case g <= -1:
		return "conflict"
	}
	return "neutral"
}

var quadNames = [...]string{"", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}

func quadName(q int) string {
	if q >= 1 && q <= 4 {
		return quadNames[q]
	}
	return "Unknown"
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Extractor names accepted in Options.Extractor.
const (
	ExtractorTrafilatura = "trafilatura"
	ExtractorReadability = "readability"
	// ExtractorTrafilaturaFast is trafilatura without its readability
	// and DOM-distiller fallbacks: faster, worse on <div>-paragraph pages.
	ExtractorTrafilaturaFast = "trafilatura-fast"
)

// DefaultMaxBytes is the default limit on the size of one document
// held in memory: an HTML page, a feed, one JSONL line, one WARC payload.
const DefaultMaxBytes = 256 << 20

// DefaultMaxArticleBytes is the default cap on the body text of one
// article (see Options.MaxArticleBytes).
const DefaultMaxArticleBytes = 2 << 20

// Options control how inputs are read.
type Options struct {
	// Published overrides every other publication date ("YYYY-MM-DD",
	// "YYYY-MM" or "YYYY"); the articles get Source "flag".
	Published string
	// HTTPClient fetches http(s) inputs; nil means a client with a
	// 60-second timeout.
	HTTPClient *http.Client
	// MaxBytes is the largest document read whole — an HTML page, a
	// feed, one JSONL line, one WARC payload (after gzip decompression);
	// 0 means DefaultMaxBytes. Dumps, JSONL files and WARC crawls are
	// streamed, so their total size has no limit.
	MaxBytes int64
	// MaxArticleBytes caps the body of one article: a longer one is cut at
	// the last paragraph break (or sentence end) within the cap and gets
	// a warning. It bounds the memory and time one record can take (a
	// 50 MB JSON string would otherwise become half a million sentences).
	// 0 means DefaultMaxArticleBytes (2 MiB); negative means no cap.
	MaxArticleBytes int
	// Progress, if set, is called as an input is read: every 256 KiB of
	// input and after every article.
	Progress func(Progress)
	// Extractor picks the HTML main-text extractor: "readability"
	// (default: the better one on the scored test pages, see
	// TestExtractorF1), "trafilatura" (with its readability and
	// DOM-distiller fallbacks) or "trafilatura-fast" (no fallbacks).
	Extractor string
}

// DefaultOptions returns the options used when the caller sets none.
func DefaultOptions() Options {
	return Options{MaxBytes: DefaultMaxBytes, MaxArticleBytes: DefaultMaxArticleBytes, Extractor: ExtractorReadability}
}

func (o Options) normalized() (Options, error) {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxArticleBytes == 0 {
		o.MaxArticleBytes = DefaultMaxArticleBytes
	}
	switch o.Extractor {
	case "":
		o.Extractor = ExtractorReadability
	case ExtractorTrafilatura, ExtractorReadability, ExtractorTrafilaturaFast:
	default:
		return o, fmt.Errorf("unknown extractor %q (want %q or %q)", o.Extractor, ExtractorTrafilatura, ExtractorReadability)
	}
	if o.Published != "" {
		if _, _, err := parseFlagDate(o.Published); err != nil {
			return o, err
		}
	}
	return o, nil
}

// Error is a problem with an input or with one record of it.
type Error struct {
	Source string // file path, URL or name given to ReadBytes
	Record int    // 1-based record (JSONL line, feed item, WARC record); 0 = not applicable
	Offset int64  // byte offset into the input; -1 = not applicable
	Err    error
}

// Error formats the problem as "SOURCE: record N (byte O): reason".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	switch {
	case e.Record > 0 && e.Offset >= 0:
		fmt.Fprintf(&b, ": record %d (byte %d)", e.Record, e.Offset)
	case e.Record > 0:
		fmt.Fprintf(&b, ": record %d", e.Record)
	case e.Offset >= 0:
		fmt.Fprintf(&b, ": byte %d", e.Offset)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Sentinel causes, testable with errors.Is through *Error.
var (
	ErrEmpty     = errors.New("empty input")
	ErrBinary    = errors.New("binary input (not text)")
	ErrTooLarge  = errors.New("input too large")
	ErrNoArticle = errors.New("no article text found")
	ErrNotXML    = errors.New("feed is not XML")
	ErrTruncated = errors.New("truncated input")
)

// stopError wraps an error returned by emit so that readers stop and
// Read returns it unchanged.
type stopError struct{ err error }

func (s stopError) Error() string { return s.err.Error() }
func (s stopError) Unwrap() error { return s.err }

// Read reads one input — a file path, an http(s) URL or "-" for standard
// input — detects its form
// (text dump, HTML, RSS/Atom/JSON feed, WARC, JSONL) by sniffing its
// content, with the extension only as a hint, and calls emit for each
// article. Dumps, JSONL and WARC are streamed: memory does not grow with
// the size of the input. Record-level problems go to onErr (which may be
// nil) as *Error and reading continues; a problem with the whole input
// is returned as *Error. An error returned by emit stops reading and is
// returned as is.
func Read(ctx context.Context, src string, opts Options, emit func(*model.Article) error, onErr func(error)) error {
	opts, err := opts.normalized()
	if err != nil {
		return &Error{Source: src, Offset: -1, Err: fmt.Errorf("bad options: %w", err)}
	}
	hint := strings.ToLower(filepath.Ext(src))
	url := ""
	var in io.ReadCloser
	total := int64(-1)
	switch {
	case isURL(src):
		url = src
		var ctype string
		in, ctype, total, err = fetch(ctx, src, opts)
		if err != nil {
			return err
		}
		if h := hintFromContentType(ctype); h != "" {
			hint = h
		}
	case src == "-":
		in = io.NopCloser(os.Stdin)
	default:
		in, total, err = openFile(src)
		if err != nil {
			return err
		}
	}
	defer in.Close()
	return readFrom(ctx, src, url, hint, in, total, opts, emit, onErr)
}

// ReadBytes is Read for an in-memory document (an HTTP POST body, a queue
// message); name is used in errors, as the extension hint and as
// Article.Source.
func ReadBytes(ctx context.Context, name string, data []byte, opts Options, emit func(*model.Article) error, onErr func(error)) error {
	return ReadFrom(ctx, name, bytes.NewReader(data), int64(len(data)), opts, emit, onErr)
}

// ReadFrom is Read for a stream (an upload read as it arrives); size is
// its length for progress, or -1.
func ReadFrom(ctx context.Context, name string, in io.Reader, size int64, opts Options, emit func(*model.Article) error, onErr func(error)) error {
	opts, err := opts.normalized()
	if err != nil {
		return &Error{Source: name, Offset: -1, Err: fmt.Errorf("bad options: %w", err)}
	}
	url := ""
	if isURL(name) {
		url = name
	}
	return readFrom(ctx, name, url, strings.ToLower(filepath.Ext(name)), in, size, opts, emit, onErr)
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func openFile(path string) (io.ReadCloser, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, &Error{Source: path, Offset: -1, Err: fmt.Errorf("open: %w", err)}
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, &Error{Source: path, Offset: -1, Err: fmt.Errorf("stat: %w", err)}
	}
	if st.IsDir() {
		f.Close()
		return nil, 0, &Error{Source: path, Offset: -1, Err: errors.New("is a directory")}
	}
	return f, st.Size(), nil
}

// fetch opens an http(s) input; the caller closes the body.
func fetch(ctx context.Context, url string, opts Options) (io.ReadCloser, string, int64, error) {
	client := opts.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 60 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", 0, &Error{Source: url, Offset: -1, Err: fmt.Errorf("build request: %w", err)}
	}
	req.Header.Set("User-Agent", "sitrep-ingest/1 (+https://github.com/sitrep-project/sitrep)")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", 0, &Error{Source: url, Offset: -1, Err: fmt.Errorf("fetch: %w", err)}
	}
	if resp.StatusCode/100 != 2 {
		resp.Body.Close()
		return nil, "", 0, &Error{Source: url, Offset: -1, Err: fmt.Errorf("fetch: HTTP status %s", resp.Status)}
	}
	return resp.Body, resp.Header.Get("Content-Type"), resp.ContentLength, nil
}

func hintFromContentType(ct string) string {
	ct = strings.ToLower(ct)
	switch {
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), strings.Contains(ct, "/xml"):
		return ".xml"
	case strings.Contains(ct, "feed+json"):
		return ".json"
	case strings.Contains(ct, "html"):
		return ".html"
	case strings.Contains(ct, "ndjson"), strings.Contains(ct, "jsonl"):
		return ".jsonl"
	case strings.Contains(ct, "warc"):
		return ".warc"
	}
	return ""
}

// Input forms found by sniff.
const (
	formDump  = "dump"
	formHTML  = "html"
	formFeed  = "feed"
	formJSONL = "jsonl"
	formWARC  = "warc"
)

// reader carries what every form reader needs.
type reader struct {
	ctx   context.Context
	name  string // Source prefix: path, URL or given name
	url   string // page URL when the input came from the web
	opts  Options
	emit  func(*model.Article) error
	onErr func(error)
	// warn holds warnings about the whole input (its bytes were
	// repaired), added to every article read from it.
	warn []string
	// progress state
	in      *countingReader
	total   int64
	records int
}

func (r *reader) recordErr(rec int, off int64, err error) {
	if r.onErr != nil {
		r.onErr(&Error{Source: r.name, Record: rec, Offset: off, Err: err})
	}
}

// finish completes an article (size cap, id, fingerprint, date override)
// and emits it.
func (r *reader) finish(a *model.Article) error {
	if err := r.ctx.Err(); err != nil {
		return stopError{err}
	}
	for _, w := range r.warn {
		addWarning(a, w)
	}
	capBody(a, r.opts.MaxArticleBytes)
	a.ID = model.ContentID(a.Body)
	a.Fingerprint = Simhash(a.Body)
	if r.opts.Published != "" {
		d, p, _ := parseFlagDate(r.opts.Published)
		a.Published = model.Published{Date: model.Str(d), Precision: model.Str(p), Source: model.DateFromFlag}
	} else if a.Published.Source == "" || a.Published.Source == model.DateUnknown {
		a.Published = inferPublished(a)
	}
	a.Normalize()
	if a.HeadingAt == nil {
		a.HeadingAt = []int{}
	}
	if err := r.emit(a); err != nil {
		return stopError{err}
	}
	r.records++
	r.progress()
	return nil
}

// progress reports how far the input has been read.
func (r *reader) progress() {
	if r.opts.Progress != nil && r.in != nil {
		r.opts.Progress(Progress{Source: r.name, Bytes: r.in.n, Total: r.total, Records: r.records})
	}
}

func readFrom(ctx context.Context, name, url, hint string, in io.Reader, total int64, opts Options, emit func(*model.Article) error, onErr func(error)) error {
	r := &reader{ctx: ctx, name: name, url: url, opts: opts, emit: emit, onErr: onErr, total: total}
	r.in = &countingReader{r: in, tick: r.progress}
	err := r.readStream(r.in, hint)
	r.progress()
	var stop stopError
	if errors.As(err, &stop) {
		return stop.err
	}
	return err
}

func (r *reader) whole(off int64, err error) error {
	return &Error{Source: r.name, Offset: off, Err: err}
}

func (e *Error) withSource(s string) *Error { e.Source = s; return e }

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// checkBinary rejects binary data (judged on its first bytes), naming
// the byte offset.
func checkBinary(head []byte) error {
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return &Error{Offset: int64(i), Err: fmt.Errorf("%w: NUL byte", ErrBinary)}
	}
	// Many control bytes (other than tab, newline, CR, form feed) mean a
	// binary format that happens to contain no NUL.
	ctrl := 0
	for _, c := range head[:min(len(head), 8192)] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	if ctrl > 8 {
		return &Error{Offset: -1, Err: fmt.Errorf("%w: %d control bytes in the first 8 KiB", ErrBinary, ctrl)}
	}
	return nil
}

// sniff decides the form of a text input. Content wins; the hint breaks
// ties (a ".rss" file that does not start with "<" is still a feed, so
// that the error says the feed is not XML).
func sniff(data []byte, hint string) string {
	s := bytes.TrimLeft(data, "\ufeff \t\r\n")
	head := strings.ToLower(string(s[:min(len(s), 4096)]))
	switch hint {
	case ".rss", ".atom", ".xml":
		return formFeed
	case ".warc":
		return formWARC
	}
	if strings.HasPrefix(head, "{") || strings.HasPrefix(head, "[") {
		if strings.Contains(head, "jsonfeed.org/version") {
			return formFeed
		}
		return formJSONL
	}
	if hint == ".jsonl" || hint == ".ndjson" {
		return formJSONL
	}
	if strings.HasPrefix(head, "<") {
		for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if strings.Contains(head, tag) && !strings.Contains(head, "<html") {
				return formFeed
			}
		}
		return formHTML
	}
	if hint == ".html" || hint == ".htm" {
		if strings.Contains(head, "<p") || strings.Contains(head, "<div") || strings.Contains(head, "<body") {
			return formHTML
		}
	}
	return formDump
}

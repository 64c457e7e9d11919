package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

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

// DefaultMaxBytes is the default limit on the size of one input.
const DefaultMaxBytes = 256 << 20

// Options control how inputs are read.
type Options struct {
	// Published overrides every other publication date ("YYYY-MM-DD",
	// "YYYY-MM" or "YYYY"); the articles get Source "flag".
	Published string
	// HTTPClient fetches http(s) inputs; nil means a client with a
	// 60-second timeout.
	HTTPClient *http.Client
	// MaxBytes is the largest input (after gzip decompression) accepted;
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// Extractor picks the HTML main-text extractor: "readability"
	// (default: the better one on the scored test pages, see
	// TestExtractorF1), "trafilatura" (with its readability and
	// DOM-distiller fallbacks) or "trafilatura-fast" (no fallbacks).
	Extractor string
}

// DefaultOptions returns the options used when the caller sets none.
func DefaultOptions() Options {
	return Options{MaxBytes: DefaultMaxBytes, Extractor: ExtractorReadability}
}

func (o Options) normalized() (Options, error) {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
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
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary input (not text)")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("input too large")
	ErrNoArticle   = errors.New("no article text found")
	ErrNotXML      = errors.New("feed is not XML")
	ErrTruncated   = errors.New("truncated input")
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
// article. Record-level problems go to onErr (which may be nil) as *Error
// and reading continues; a problem with the whole input is returned as
// *Error. An error returned by emit stops reading and is returned as is.
func Read(ctx context.Context, src string, opts Options, emit func(*model.Article) error, onErr func(error)) error {
	opts, err := opts.normalized()
	if err != nil {
		return &Error{Source: src, Offset: -1, Err: fmt.Errorf("bad options: %w", err)}
	}
	var data []byte
	hint := strings.ToLower(filepath.Ext(src))
	url := ""
	if isURL(src) {
		url = src
		var ctype string
		data, ctype, err = fetch(ctx, src, opts)
		if err != nil {
			return err
		}
		if h := hintFromContentType(ctype); h != "" {
			hint = h
		}
	} else if src == "-" {
		data, err = io.ReadAll(io.LimitReader(os.Stdin, opts.MaxBytes+1))
		if err != nil {
			return &Error{Source: src, Offset: -1, Err: fmt.Errorf("read stdin: %w", err)}
		}
		if int64(len(data)) > opts.MaxBytes {
			return &Error{Source: src, Offset: -1, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, opts.MaxBytes)}
		}
	} else {
		data, err = readFile(src, opts.MaxBytes)
		if err != nil {
			return err
		}
	}
	return readData(ctx, src, url, hint, data, opts, emit, onErr)
}

// ReadBytes is Read for an in-memory document (an HTTP POST body, a queue
// message); name is used in errors, as the extension hint and as
// Article.Source.
func ReadBytes(ctx context.Context, name string, data []byte, opts Options, emit func(*model.Article) error, onErr func(error)) error {
	opts, err := opts.normalized()
	if err != nil {
		return &Error{Source: name, Offset: -1, Err: fmt.Errorf("bad options: %w", err)}
	}
	if int64(len(data)) > opts.MaxBytes {
		return &Error{Source: name, Offset: -1, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), opts.MaxBytes)}
	}
	url := ""
	if isURL(name) {
		url = name
	}
	return readData(ctx, name, url, strings.ToLower(filepath.Ext(name)), data, opts, emit, onErr)
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Source: path, Offset: -1, Err: fmt.Errorf("open: %w", err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, &Error{Source: path, Offset: -1, Err: errors.New("is a directory")}
		}
		if st.Size() > limit {
			return nil, &Error{Source: path, Offset: -1, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, st.Size(), limit)}
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{Source: path, Offset: -1, Err: fmt.Errorf("read: %w", err)}
	}
	if int64(len(data)) > limit {
		return nil, &Error{Source: path, Offset: -1, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
	}
	return data, nil
}

func fetch(ctx context.Context, url string, opts Options) ([]byte, string, error) {
	client := opts.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 60 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", &Error{Source: url, Offset: -1, Err: fmt.Errorf("build request: %w", err)}
	}
	req.Header.Set("User-Agent", "sitrep-ingest/1 (+https://github.com/sitrep-project/sitrep)")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", &Error{Source: url, Offset: -1, Err: fmt.Errorf("fetch: %w", err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, "", &Error{Source: url, Offset: -1, Err: fmt.Errorf("fetch: HTTP status %s", resp.Status)}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return nil, "", &Error{Source: url, Offset: -1, Err: fmt.Errorf("fetch body: %w", err)}
	}
	if int64(len(data)) > opts.MaxBytes {
		return nil, "", &Error{Source: url, Offset: -1, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, opts.MaxBytes)}
	}
	return data, resp.Header.Get("Content-Type"), nil
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
	ctx    context.Context
	name   string // Source prefix: path, URL or given name
	url    string // page URL when the input came from the web
	opts   Options
	emit   func(*model.Article) error
	onErr  func(error)
	raw    []byte // the input bytes Offsets refer to; nil when they cannot be mapped
	mapped bool   // whether Offsets refer to raw
}

func (r *reader) recordErr(rec int, off int64, err error) {
	if r.onErr != nil {
		r.onErr(&Error{Source: r.name, Record: rec, Offset: off, Err: err})
	}
}

// finish completes an article (id, fingerprint, date override) and emits it.
func (r *reader) finish(a *model.Article) error {
	if err := r.ctx.Err(); err != nil {
		return stopError{err}
	}
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
	return nil
}

func readData(ctx context.Context, name, url, hint string, data []byte, opts Options, emit func(*model.Article) error, onErr func(error)) error {
	r := &reader{ctx: ctx, name: name, url: url, opts: opts, emit: emit, onErr: onErr}
	err := r.dispatch(data, hint)
	var stop stopError
	if errors.As(err, &stop) {
		return stop.err
	}
	return err
}

func (r *reader) whole(off int64, err error) error {
	return &Error{Source: r.name, Offset: off, Err: err}
}

func (r *reader) dispatch(data []byte, hint string) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return r.whole(-1, ErrEmpty)
	}
	if isGzip(data) {
		if isGzippedWARC(data) {
			return r.readWARC(data, true)
		}
		plain, err := gunzip(data, r.opts.MaxBytes)
		if err != nil {
			return r.whole(-1, err)
		}
		return r.dispatch(plain, filepath.Ext(strings.TrimSuffix(strings.ToLower(r.name), ".gz")))
	}
	if bytes.HasPrefix(data, []byte("WARC/")) {
		return r.readWARC(data, false)
	}
	if err := checkText(data); err != nil {
		// A page in a legacy charset that says so is transcoded; any
		// other invalid UTF-8 is an error naming the first bad byte.
		plain, ok := decodeDeclaredCharset(data, "")
		if !ok || !errors.Is(err, ErrInvalidUTF8) {
			return err.(*Error).withSource(r.name)
		}
		return r.readHTMLPageNoMap(plain)
	}
	r.raw = data
	switch sniff(data, hint) {
	case formWARC:
		return r.readWARC(data, false)
	case formHTML:
		return r.readHTMLPage(data)
	case formFeed:
		return r.readFeed(data)
	case formJSONL:
		return r.readJSONL(data)
	default:
		return r.readDump(data)
	}
}

func (e *Error) withSource(s string) *Error { e.Source = s; return e }

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// gunzip decompresses a whole gzip stream (all members), refusing output
// larger than limit.
func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: gzip stream ends early after %d decompressed bytes", ErrTruncated, len(out))
		}
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes after decompression", ErrTooLarge, limit)
	}
	return out, nil
}

// isGzippedWARC peeks into the first gzip member.
func isGzippedWARC(data []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	head := make([]byte, 5)
	n, _ := io.ReadFull(zr, head)
	return n == 5 && string(head) == "WARC/"
}

// checkText rejects binary data and invalid UTF-8, naming the byte offset.
func checkText(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &Error{Offset: int64(i), Err: fmt.Errorf("%w: NUL byte", ErrBinary)}
	}
	// Many control bytes (other than tab, newline, CR, form feed) mean a
	// binary format that happens to contain no NUL.
	ctrl := 0
	for _, c := range data[:min(len(data), 8192)] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	if ctrl > 8 {
		return &Error{Offset: -1, Err: fmt.Errorf("%w: %d control bytes in the first 8 KiB", ErrBinary, ctrl)}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return &Error{Offset: int64(off), Err: fmt.Errorf("%w: first bad byte 0x%02x", ErrInvalidUTF8, data[off])}
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

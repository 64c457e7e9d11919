package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// fuzzRead runs one form reader over data and checks every emitted
// article's invariants against the raw bytes.
func fuzzRead(t *testing.T, form string, data []byte) {
	opts, _ := DefaultOptions().normalized()
	// A small cap, so that the truncation path is explored too.
	opts.MaxArticleBytes = 4 << 10
	raw := data
	if isGzip(data) || !utf8.Valid(data) {
		raw = nil // offsets refer to decompressed or repaired bytes, or to nothing
	}
	r := &reader{ctx: context.Background(), name: "fuzz", opts: opts, onErr: func(err error) {
		if _, ok := err.(*Error); !ok {
			t.Errorf("record error %T, want *Error", err)
		}
	}}
	r.emit = func(a *model.Article) error {
		if !utf8.ValidString(a.Body) {
			t.Errorf("body is not valid UTF-8")
		}
		if len(a.Body) > opts.MaxArticleBytes {
			t.Errorf("body of %d bytes over the cap %d", len(a.Body), opts.MaxArticleBytes)
		}
		if err := articleInvariants(a, raw); err != nil {
			t.Errorf("%s: %v", form, err)
		}
		return nil
	}
	br := bufio.NewReader(bytes.NewReader(data))
	var err error
	switch form {
	case formDump:
		err = r.readDump(br)
	case formJSONL:
		err = r.readJSONL(br)
	case formWARC:
		err = r.readWARC(br, isGzip(data))
	case formHTML:
		err = r.readHTMLInput(data)
	case formFeed:
		if fixed, first, _ := repairUTF8(data); first >= 0 {
			err = r.readFeed([]byte(fixed), false)
		} else {
			err = r.readFeed(data, true)
		}
	default: // the whole entry point: sniffing, gzip, every form
		r.in = &countingReader{r: bytes.NewReader(data)}
		err = r.readStream(r.in, form)
	}
	var ie *Error
	if err != nil && !errors.As(err, &ie) {
		t.Errorf("%s: error %T (%v), want *Error", form, err, err)
	}
}

func addSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
}

func FuzzDump(f *testing.F) {
	addSeeds(f, "testdata/dump/*.txt", seedPath)
	f.Add([]byte("HEADLINE ONE TWO\n\nTT\nA line. (AFP)\n\n\n\nOther Title Here\n\nBody text goes on.\n"))
	f.Add([]byte("\ufeffTitle\r\n\r\nCaption. EPA/X Y\r\nCaption. EPA/X Y\r\nBody one.\r\nSUBHEAD\r\n"))
	f.Add([]byte("Stray \x93quote\x94 in a Windows dump\n\nThe minister said \x93no\x94 on Monday, officials in Lima reported.\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formDump, data) })
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "testdata/jsonl/*.jsonl")
	f.Add([]byte(`{"title":"T","text":"Line one.\nLINE TWO\nLine three. (Reuters)"}` + "\n{bad\n"))
	f.Add([]byte(`{"html":"<p>a &amp; b</p><h2>x</h2><p>c</p>","published":"2024"}`))
	f.Add([]byte("{\"title\":\"Caf\xe9\",\"text\":\"Owners of a caf\xe9 in Quebec protested on Monday.\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formJSONL, data) })
}

// smallWARC is a seed of a few hundred bytes. FuzzWARC used to start from
// the crawl test files (5–11 KB, three HTML pages each): every execution
// extracted those pages, and each new input was minimised for the
// default minute at that cost, so it ran 10 executions in 90 s. With
// these seeds, and run as
//
//	go test ./internal/ingest -run '^$' -fuzz '^FuzzWARC$' -fuzztime 10m -fuzzminimizetime 50x -parallel 1
//
// it ran 73,863 executions in ten minutes on a loaded machine. The
// -fuzzminimizetime cap matters for every target here whose execution
// extracts HTML (FuzzHTML: 18 executions in ten minutes without it).
func smallWARC(typ, ctype, block string) []byte {
	return []byte("WARC/1.1\r\nWARC-Type: " + typ + "\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-09-01T10:00:00Z\r\n" +
		"WARC-Target-URI: https://news.example/a\r\nContent-Type: " + ctype + "\r\nContent-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n")
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

const fuzzText = "Flood Waters Rise in Dhaka\n\nMonsoon rains flooded low-lying parts of Dhaka on Sunday, officials said.\nRelief agencies opened shelters near the river.\n"

func FuzzWARC(f *testing.F) {
	page := "<html><body><p>Monsoon rains flooded low-lying parts of Dhaka on Sunday and forced thousands of families from their homes, officials said.</p></body></html>"
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
	f.Add(smallWARC("resource", "text/plain", fuzzText))
	f.Add(smallWARC("resource", "text/html", page))
	f.Add(smallWARC("response", "application/http;msgtype=response", resp))
	f.Add(smallWARC("response", "application/http;msgtype=response", resp)[:150])
	f.Add(gzipBytes(smallWARC("resource", "text/plain", fuzzText)))
	f.Add(append(smallWARC("warcinfo", "application/warc-fields", "software: x\r\n"), smallWARC("resource", "text/plain", "Stray \x93byte\x94 here.")...))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formWARC, data) })
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><head><title>T</title></head><body><nav>Home</nav><article><h1>T</h1><p>Soldiers crossed the border near Goma on Monday, residents said, and the army denied it.</p><p>The United Nations called for restraint from both sides in a statement.</p></article></body></html>"))
	f.Add([]byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 owners in Montr\xe9al closed their shops on Monday in protest.</p></body></html>"))
	f.Add([]byte("<p>Stray \x93quotes\x94 and <b>bold</b> <figure><figcaption>A caption. (AFP)</figcaption></figure></p>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formHTML, data) })
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><item><title>Port reopens</title><link>https://n.example/1</link><pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate><description>The port of Aden reopened on Monday after repairs, officials said.</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><entry><title>Vote count</title><updated>2024-09-02T10:00:00Z</updated><content type="html">&lt;p&gt;Counting began in Caracas on Sunday.&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"N","items":[{"id":"1","content_text":"Talks resumed in Doha on Tuesday."}]}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, formFeed, data) })
}

// FuzzGzip feeds the whole entry point — sniffing, gzip, every form —
// with small gzipped and plain inputs.
func FuzzGzip(f *testing.F) {
	f.Add(gzipBytes([]byte(fuzzText)))
	f.Add(gzipBytes([]byte(`{"title":"T","text":"Ships left Odesa on Friday, the port said."}` + "\n")))
	f.Add(gzipBytes([]byte(fuzzText))[:30])
	f.Add(append(gzipBytes([]byte("First part. ")), gzipBytes([]byte("Second member follows here.\n"))...))
	f.Add([]byte(fuzzText))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, ".gz", data) })
}

// FuzzDecode: repairing bytes always gives valid UTF-8 that keeps every
// valid rune, and capping a body keeps its spans inside it.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Caf\xe9 \x93quoted\x94 \xe2\x80\x99 ok"), 8)
	f.Add([]byte("para one.\npara two is longer. It has sentences.\nthree"), 20)
	f.Add([]byte("\xff\xfe\x00\x81\x8d\x8f\x90\x9d"), 3)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		out, first, bad := repairUTF8(data)
		if !utf8.ValidString(out) {
			t.Fatalf("repair gave invalid UTF-8")
		}
		if (first < 0) != utf8.Valid(data) || (first < 0) != (bad == 0) || first >= len(data) {
			t.Fatalf("first bad byte %d (%d bad) for valid=%v", first, bad, utf8.Valid(data))
		}
		if first < 0 && out != string(data) {
			t.Fatalf("valid input changed")
		}
		if first >= 0 && !strings.HasPrefix(out, string(data[:first])) {
			t.Fatalf("text before the first bad byte changed")
		}
		if plain, ok := decodeDeclaredCharset(data, ""); ok && !utf8.Valid(plain) {
			t.Fatalf("declared-charset decoding gave invalid UTF-8")
		}
		// capBody on a body built from the repaired text.
		a := model.NewArticle()
		a.Body = strings.TrimSpace(out)
		a.Offsets.Add(0, 0, len(a.Body))
		if i := strings.IndexByte(a.Body, '\n'); i > 0 {
			a.Subheadings = []string{"H"}
			a.HeadingAt = []int{i + 1}
		}
		limit = limit%(len(a.Body)+2) + 1
		capBody(a, limit)
		if len(a.Body) > limit && limit > 0 {
			t.Fatalf("body %d bytes over limit %d", len(a.Body), limit)
		}
		if !utf8.ValidString(a.Body) {
			t.Fatalf("cut inside a character")
		}
		if a.Body != strings.TrimSpace(a.Body) {
			t.Fatalf("cut body ends in whitespace: %q", a.Body[max(0, len(a.Body)-8):])
		}
		for _, s := range a.Offsets {
			if s.Body+s.Len > len(a.Body) || s.Len <= 0 {
				t.Fatalf("segment %+v outside body of %d", s, len(a.Body))
			}
		}
		if len(a.HeadingAt) != len(a.Subheadings) {
			t.Fatalf("%d headings for %d subheadings", len(a.HeadingAt), len(a.Subheadings))
		}
		for _, h := range a.HeadingAt {
			if h >= len(a.Body) {
				t.Fatalf("heading at %d past body %d", h, len(a.Body))
			}
		}
	})
}

package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// TestGenerateWARC writes the WARC test inputs with gowarc's own writer
// (run with -update): a crawl of the HTML test pages with a warcinfo, a
// request, an image and an article-less page mixed in, gzipped per
// record and plain, and truncated copies of both.
func TestGenerateWARC(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate testdata/warc")
	}
	type rec struct {
		typ   gowarc.RecordType
		uri   string
		ctype string
		body  string
	}
	page := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "html", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	httpResp := func(ctype, body string) string {
		return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ctype, len(body), body)
	}
	recs := []rec{
		{gowarc.Warcinfo, "", "application/warc-fields", "software: sitrep ingest test generator\r\nformat: WARC File Format 1.1\r\n"},
		{gowarc.Request, "https://meridianpost.example/world/europe/ukraine-grain-route", "application/http;msgtype=request",
			"GET /world/europe/ukraine-grain-route HTTP/1.1\r\nHost: meridianpost.example\r\n\r\n"},
		{gowarc.Response, "https://meridianpost.example/world/europe/ukraine-grain-route", "application/http;msgtype=response",
			httpResp("text/html; charset=utf-8", page("ukraine_grain.html"))},
		{gowarc.Response, "https://meridianpost.example/img/odesa-port.jpg", "application/http;msgtype=response",
			httpResp("image/jpeg", "\xff\xd8\xff\xe0 not really a jpeg")},
		{gowarc.Response, "https://meridianpost.example/sections", "application/http;msgtype=response",
			httpResp("text/html", page("no_article.html"))},
		{gowarc.Response, "https://horndaily.example/sudan-jeddah-talks", "application/http;msgtype=response",
			httpResp("text/html", page("sudan_talks.html"))},
	}
	var plain, gz bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true))
		if _, err := b.WriteString(r.body); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i+1))
		b.AddWarcHeader(gowarc.WarcDate, "2024-09-01T10:00:00Z")
		b.AddWarcHeader(gowarc.ContentType, r.ctype)
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		wr, _, err := b.Build()
		if err != nil {
			t.Fatalf("build record %d: %v", i, err)
		}
		var one bytes.Buffer
		if _, _, err := m.Marshal(&one, wr, 0); err != nil {
			t.Fatal(err)
		}
		plain.Write(one.Bytes())
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(one.Bytes())
		zw.Close()
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join("testdata", "warc", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("crawl.warc", plain.Bytes())
	write("crawl.warc.gz", gz.Bytes())
	// Cut both in the middle of the last record.
	write("crawl_truncated.warc", plain.Bytes()[:plain.Len()-900])
	write("crawl_truncated.warc.gz", gz.Bytes()[:gz.Len()-300])
}

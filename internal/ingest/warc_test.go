package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// warcRecord builds one marshalled WARC record with gowarc's own writer.
func buildWARCRecord(t *testing.T, typ gowarc.RecordType, uri, ctype, block string, id int) []byte {
	t.Helper()
	b := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true))
	if _, err := b.WriteString(block); err != nil {
		t.Fatal(err)
	}
	b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", id))
	b.AddWarcHeader(gowarc.WarcDate, "2024-09-01T10:00:00Z")
	b.AddWarcHeader(gowarc.ContentType, ctype)
	b.AddWarcHeader(gowarc.WarcTargetURI, uri)
	wr, _, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, _, err := gowarc.NewMarshaler().Marshal(&out, wr, 0); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// bigPage is a news page of at least size bytes whose last paragraph
// says "final paragraph N".
func bigPage(size, n int) (page, last string) {
	var b strings.Builder
	b.WriteString("<html><head><title>Drought Report</title></head><body><nav><a href='/'>Home</a> · <a href='/world'>World</a></nav><article><h1>Drought Report</h1>")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<p>Herders in the Turkana region moved their cattle again on day %d of the drought, local officials said, as the wells dried up.</p>", i)
	}
	last = fmt.Sprintf("This is the final paragraph %d of the report, filed from Lodwar on Friday.", n)
	b.WriteString("<p>" + last + "</p></article><footer>© News</footer></body></html>")
	return b.String(), last
}

// TestWARCLargeRecords: pages of 100 KB and more come out whole, from
// response and resource records, gzipped or not; a text/plain resource is
// an article too.
func TestWARCLargeRecords(t *testing.T) {
	var plain bytes.Buffer
	var lasts []string
	for i, size := range []int{100 << 10, 300 << 10} {
		page, last := bigPage(size, i)
		lasts = append(lasts, last)
		resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
		plain.Write(buildWARCRecord(t, gowarc.Response, fmt.Sprintf("https://news.example/r%d", i), "application/http;msgtype=response", resp, 2*i+1))
	}
	page, last := bigPage(150<<10, 2)
	lasts = append(lasts, last)
	plain.Write(buildWARCRecord(t, gowarc.Resource, "https://news.example/res", "text/html", page, 10))
	text := "Port Strike Ends in Durban\n\nDock workers in Durban ended a two-week strike on Sunday after a pay deal, the union said.\nShipping lines said the backlog would take a month to clear.\n"
	lasts = append(lasts, "Shipping lines said the backlog would take a month to clear.")
	plain.Write(buildWARCRecord(t, gowarc.Resource, "https://news.example/wire.txt", "text/plain", text, 11))

	var gz bytes.Buffer
	rest := plain.Bytes()
	for len(rest) > 0 { // gzip per record, as crawlers write
		i := bytes.Index(rest[1:], []byte("WARC/1.1\r\n"))
		n := len(rest)
		if i >= 0 {
			n = i + 1
		}
		gz.Write(gzipBytes(rest[:n]))
		rest = rest[n:]
	}
	for name, data := range map[string][]byte{"big.warc": plain.Bytes(), "big.warc.gz": gz.Bytes()} {
		arts, recErrs, err := readBytesAll(t, name, data, DefaultOptions())
		if err != nil || len(recErrs) > 0 {
			t.Fatalf("%s: %v %v", name, err, recErrs)
		}
		if len(arts) != len(lasts) {
			t.Fatalf("%s: %d articles, want %d", name, len(arts), len(lasts))
		}
		for i, a := range arts {
			if !strings.HasSuffix(a.Body, lasts[i]) {
				t.Errorf("%s: article %d (%d bytes) does not end with its last paragraph: ...%q", name, i, len(a.Body), a.Body[max(0, len(a.Body)-60):])
			}
		}
		if len(arts[1].Body) < 250<<10 {
			t.Errorf("%s: 300 KB page gave a %d-byte body", name, len(arts[1].Body))
		}
		if name == "big.warc" && len(arts[0].Offsets) == 0 {
			t.Errorf("uncompressed WARC article has no offsets into the file")
		}
	}
}

// TestWARCBadRecords: a record cut short, a header cut short and junk
// between records are errors naming the record and offset; the records
// before (and, for junk, after) are kept.
func TestWARCBadRecords(t *testing.T) {
	page, _ := bigPage(20<<10, 0)
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
	first := buildWARCRecord(t, gowarc.Response, "https://news.example/1", "application/http;msgtype=response", resp, 1)
	second := buildWARCRecord(t, gowarc.Response, "https://news.example/2", "application/http;msgtype=response", resp, 2)
	headerEnd := bytes.Index(second, []byte("\r\n\r\n"))
	tests := []struct {
		name     string
		data     []byte
		articles int
		errIs    error  // the returned error
		errHas   string // in the returned error, or in a record error
	}{
		{"block-cut.warc", append(append([]byte{}, first...), second[:len(second)/2]...), 1, ErrTruncated,
			fmt.Sprintf("record 2 (byte %d)", len(first))},
		{"header-cut.warc", append(append([]byte{}, first...), second[:headerEnd/2]...), 1, ErrTruncated,
			fmt.Sprintf("record 2 (byte %d)", len(first))},
		{"junk.warc", append(append(append([]byte{}, first...), "this is not a warc record\r\n"...), second...), 2, nil,
			"malformed warc record"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, recErrs, err := readBytesAll(t, tc.name, tc.data, DefaultOptions())
			if len(arts) != tc.articles {
				t.Errorf("%d articles, want %d", len(arts), tc.articles)
			}
			if tc.errIs != nil {
				var ie *Error
				if !errors.Is(err, tc.errIs) || !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.name+": "+tc.errHas) {
					t.Errorf("error %v, want %v naming %q", err, tc.errIs, tc.errHas)
				}
				return
			}
			if err != nil || len(recErrs) != 1 || !strings.Contains(recErrs[0].Error(), tc.errHas) {
				t.Errorf("error %v, record errors %v; want one naming %q", err, recErrs, tc.errHas)
			}
		})
	}
}

// TestWARCGzippedWhole: a WARC gzipped as a whole (one member, many
// records) gives every record, not only the first; records that start a
// gzip member keep their compressed offset as Source.
func TestWARCGzippedWhole(t *testing.T) {
	one := smallWARC("resource", "text/plain", fuzzText)
	two := smallWARC("resource", "text/plain", "Second Story Here\n\nRains flooded the lower town of Kisumu on Monday, residents said.\n")
	whole := gzipBytes(append(append([]byte{}, one...), two...))
	perRecord := append(gzipBytes(one), gzipBytes(two)...)
	for name, tc := range map[string]struct {
		data    []byte
		sources []string
	}{
		"whole.warc.gz":      {whole, []string{"whole.warc.gz@0", fmt.Sprintf("whole.warc.gz@0+%d", len(one))}},
		"per-record.warc.gz": {perRecord, []string{"per-record.warc.gz@0", fmt.Sprintf("per-record.warc.gz@%d", len(gzipBytes(one)))}},
	} {
		arts, recErrs, err := readBytesAll(t, name, tc.data, DefaultOptions())
		if err != nil || len(recErrs) > 0 || len(arts) != 2 {
			t.Fatalf("%s: %d articles, %v %v", name, len(arts), recErrs, err)
		}
		for i, a := range arts {
			if a.Source != tc.sources[i] {
				t.Errorf("%s: article %d source %q, want %q", name, i, a.Source, tc.sources[i])
			}
		}
	}
}

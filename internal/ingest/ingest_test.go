package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

const seedPath = "../../../shared/seed/000_8bdc426c88a831b7.txt"

func readAll(t *testing.T, src string, opts Options) ([]*model.Article, []error, error) {
	t.Helper()
	var arts []*model.Article
	var recErrs []error
	err := Read(context.Background(), src, opts, func(a *model.Article) error {
		arts = append(arts, a)
		return nil
	}, func(err error) { recErrs = append(recErrs, err) })
	return arts, recErrs, err
}

// TestSeedDump is the acceptance test of the dump splitter on the seed.
func TestSeedDump(t *testing.T) {
	testutil.Require(t, seedPath)
	arts, recErrs, err := readAll(t, seedPath, DefaultOptions())
	if err != nil || len(recErrs) > 0 {
		t.Fatalf("err %v, record errors %v", err, recErrs)
	}
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	want := []struct {
		title, caption, credit string
		subs                   []string
		date, evidence         string
	}{
		{"South Korea, US Sound Alarm over North Korea-Russia Ties ahead of Putin Visit",
			"Russian President Vladimir Putin and North Korean leader Kim Jong Un.", "AFP",
			[]string{"GROWING PARTNERSHIP", "POSSIBLE PREPARATIONS"}, "", ""},
		{"Taiwan Demonstrates Sea Defenses against Potential Chinese Attack as Tensions Rise with Beijing",
			"A Taiwan navy Tuo Chiang-class corvette(rear) and Kuang Hua VI-class missile boat (front) maneuver during a drill in Kaohsiung, Taiwan, 09 January 2025.",
			"EPA/RITCHIE B. TONGO", nil, "2025-01-09", "09 January 2025"},
	}
	for i, w := range want {
		a := arts[i]
		if model.Deref(a.Title) != w.title {
			t.Errorf("article %d title %q", i, model.Deref(a.Title))
		}
		if len(a.Captions) != 1 || a.Captions[0].Text != w.caption || model.Deref(a.Captions[0].Credit) != w.credit {
			t.Errorf("article %d captions %+v", i, a.Captions)
		}
		if strings.Join(a.Subheadings, "|") != strings.Join(w.subs, "|") {
			t.Errorf("article %d subheadings %q", i, a.Subheadings)
		}
		for j, s := range a.Subheadings {
			// The subheading stood right before a paragraph start.
			if h := a.HeadingAt[j]; h == 0 || a.Body[h-1] != '\n' {
				t.Errorf("article %d subheading %q at %d is not at a paragraph start", i, s, h)
			}
		}
		for _, bad := range []string{"TT\n", "\nTT", "(AFP)", "EPA/RITCHIE", "GROWING PARTNERSHIP", "POSSIBLE PREPARATIONS", w.caption, w.title} {
			if strings.Contains(a.Body, bad) {
				t.Errorf("article %d body contains %q", i, bad)
			}
		}
		if w.date == "" {
			if a.Published.Source != model.DateUnknown || a.Published.Date != nil {
				t.Errorf("article %d published %+v, want unknown", i, a.Published)
			}
		} else if model.Deref(a.Published.Date) != w.date || a.Published.Source != model.DateFromInferred ||
			model.Deref(a.Published.Evidence) != w.evidence || model.Deref(a.Published.Precision) != model.PrecisionDay {
			t.Errorf("article %d published %+v", i, a.Published)
		}
	}
	// Nothing of the body may be lost: every body line of the seed that
	// is not a headline, caption, marker or subheading is in a body.
	raw, _ := os.ReadFile(seedPath)
	all := arts[0].Body + "\n" + arts[1].Body
	for _, ln := range strings.Split(string(raw), "\n") {
		ln = strings.TrimSpace(ln)
		if len(ln) > 120 && !strings.Contains(ln, "(AFP)") && !strings.Contains(ln, "EPA/") && !strings.Contains(all, ln) {
			t.Errorf("body line lost: %.80q", ln)
		}
	}
}

// TestPublishedFlag: --published overrides everything, with precision.
func TestPublishedFlag(t *testing.T) {
	in := filepath.Join("testdata", "feed", "africa.rss")
	for _, tc := range []struct{ flag, prec string }{
		{"2024-06-14", model.PrecisionDay}, {"2024-06", model.PrecisionMonth}, {"2024", model.PrecisionYear},
	} {
		opts := DefaultOptions()
		opts.Published = tc.flag
		arts, _, err := readAll(t, in, opts)
		if err != nil || len(arts) == 0 {
			t.Fatalf("%s: %v", tc.flag, err)
		}
		for _, a := range arts {
			if a.Published.Source != model.DateFromFlag || model.Deref(a.Published.Date) != tc.flag || model.Deref(a.Published.Precision) != tc.prec {
				t.Errorf("flag %s: published %+v", tc.flag, a.Published)
			}
		}
	}
	opts := DefaultOptions()
	opts.Published = "14/06/2024"
	if _, _, err := readAll(t, in, opts); err == nil {
		t.Errorf("bad --published accepted")
	}
}

// TestInputs: good and bad inputs side by side, as bytes.
func TestInputs(t *testing.T) {
	var gzDump bytes.Buffer
	zw := gzip.NewWriter(&gzDump)
	zw.Write([]byte("Floods Displace Thousands in Northern Nigeria\n\nHeavy rains caused the Alau dam near Maiduguri to collapse on Tuesday, flooding large parts of the city, officials said.\n"))
	zw.Close()
	big := append([]byte("<html><body>"), bytes.Repeat([]byte("<p>Words of a long article go on and on.</p>"), 100)...)
	tests := []struct {
		name     string
		data     []byte
		max      int64
		articles int
		wantErr  error  // errors.Is target for the returned error
		errHas   string // substring of the error message
	}{
		{"dump.txt", []byte("Quake Hits Central Chile\n\nA magnitude 6.1 earthquake struck central Chile on Sunday, the national seismology centre said.\n"), 0, 1, nil, ""},
		{"dump.txt.gz", gzDump.Bytes(), 0, 1, nil, ""},
		{"empty.txt", []byte(""), 0, 0, ErrEmpty, "empty.txt"},
		{"blank.txt", []byte(" \n\n\t\n"), 0, 0, ErrEmpty, "blank.txt"},
		{"binary.bin", []byte("PK\x03\x04\x00\x00binary zip data"), 0, 0, ErrBinary, "byte 4"},
		{"latin1.txt", []byte("Caf\xe9 owners protest in Montr\xe9al\n\nShop owners marched on Monday."), 0, 1, nil, ""},
		{"latin1.html", []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9s close</title></head><body><article>" +
			"<p>Caf\xe9 owners in Montr\xe9al closed their shops on Monday to protest against a new tax on terraces, the city's business association said.</p>" +
			"<p>The association said more than 300 caf\xe9s and restaurants took part in the protest across the city and its suburbs.</p></article></body></html>"), 0, 1, nil, ""},
		{"big.html", big, 1000, 0, ErrTooLarge, "more than 1000 bytes"},
		{"truncated.txt.gz", gzDump.Bytes()[:gzDump.Len()-12], 0, 0, ErrTruncated, "truncated"},
		{"page.html", []byte("<html><body><nav><a href='/'>Home</a></nav><ul><li><a href='/a'>A story</a></li></ul></body></html>"), 0, 0, ErrNoArticle, "page.html"},
		{"feed.rss", []byte("Not a feed at all"), 0, 0, ErrNotXML, "feed.rss"},
		{"broken.rss", []byte("<?xml version=\"1.0\"?><rss><channel><item><title>Cut"), 0, 0, nil, "broken.rss"},
		{"records.jsonl", []byte(`{"title":"A","text":"Sri Lanka's new president dissolved parliament on Tuesday and called a snap election."}` + "\n"), 0, 1, nil, ""},
		{"only-bad.jsonl", []byte("{not json}\n"), 0, 0, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := DefaultOptions()
			if tc.max > 0 {
				opts.MaxBytes = tc.max
			}
			n := 0
			err := ReadBytes(context.Background(), tc.name, tc.data, opts, func(a *model.Article) error {
				if err := articleInvariants(a, nil); err != nil {
					t.Error(err)
				}
				n++
				return nil
			}, func(error) {})
			if n != tc.articles {
				t.Errorf("got %d articles, want %d", n, tc.articles)
			}
			if tc.wantErr == nil && tc.errHas == "" {
				if err != nil {
					t.Errorf("unexpected error %v", err)
				}
				return
			}
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("error %q is not %v", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.errHas) {
				t.Errorf("error %q does not mention %q", err, tc.errHas)
			}
		})
	}
}

// TestRecordErrors: one bad record is reported with its position and the
// others are still read.
func TestRecordErrors(t *testing.T) {
	arts, recErrs, err := readAll(t, filepath.Join("testdata", "jsonl", "mixed.jsonl"), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 || len(recErrs) != 2 {
		t.Fatalf("got %d articles, %d record errors", len(arts), len(recErrs))
	}
	var ie *Error
	if !errors.As(recErrs[0], &ie) || ie.Record != 2 || ie.Offset <= 0 || !strings.Contains(ie.Error(), "mixed.jsonl: record 2 (byte ") {
		t.Errorf("record error %v", recErrs[0])
	}
	// A truncated WARC still yields the records before the cut.
	for _, f := range []string{"crawl_truncated.warc", "crawl_truncated.warc.gz"} {
		arts, _, err := readAll(t, filepath.Join("testdata", "warc", f), DefaultOptions())
		if !errors.As(err, &ie) || ie.Record == 0 || ie.Offset < 0 {
			t.Errorf("%s: error %v, want one naming record and offset", f, err)
		}
		if len(arts) != 1 {
			t.Errorf("%s: %d articles before the cut, want 1", f, len(arts))
		}
	}
}

// TestEmitStops: an error from emit stops reading and comes back as is.
func TestEmitStops(t *testing.T) {
	stop := errors.New("stop here")
	n := 0
	err := Read(context.Background(), filepath.Join("testdata", "dump", "sahel_two_articles.txt"), DefaultOptions(),
		func(*model.Article) error { n++; return stop }, nil)
	if err != stop || n != 1 {
		t.Errorf("err %v after %d articles", err, n)
	}
}

// TestReadURL reads a page and a feed over HTTP.
func TestReadURL(t *testing.T) {
	page, _ := os.ReadFile(filepath.Join("testdata", "html", "sudan_talks.html"))
	feed, _ := os.ReadFile(filepath.Join("testdata", "feed", "pacific.atom"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
		case "/feed":
			w.Header().Set("Content-Type", "application/atom+xml")
			w.Write(feed)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	arts, _, err := readAll(t, srv.URL+"/story", DefaultOptions())
	if err != nil || len(arts) != 1 || model.Deref(arts[0].URL) != srv.URL+"/story" || arts[0].Source != srv.URL+"/story" {
		t.Errorf("page: %v, %d articles", err, len(arts))
	}
	arts, _, err = readAll(t, srv.URL+"/feed", DefaultOptions())
	if err != nil || len(arts) != 2 {
		t.Errorf("feed: %v, %d articles", err, len(arts))
	}
	_, _, err = readAll(t, srv.URL+"/missing", DefaultOptions())
	if err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing page: %v", err)
	}
}

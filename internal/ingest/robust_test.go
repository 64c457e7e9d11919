package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// readBytesAll reads one in-memory input and returns its articles, record
// errors and final error, checking every article's invariants.
func readBytesAll(t *testing.T, name string, data []byte, opts Options) ([]*model.Article, []error, error) {
	t.Helper()
	var arts []*model.Article
	var recErrs []error
	raw := data
	if isGzip(data) {
		raw = nil
	}
	err := ReadBytes(context.Background(), name, data, opts, func(a *model.Article) error {
		if err := articleInvariants(a, raw); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if !utf8.ValidString(a.Body) {
			t.Errorf("%s: body is not valid UTF-8", name)
		}
		arts = append(arts, a)
		return nil
	}, func(err error) { recErrs = append(recErrs, err) })
	return arts, recErrs, err
}

func hasWarning(a *model.Article, sub string) bool {
	for _, w := range a.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// TestLenientDecoding: a stray Windows-1252 byte costs neither the file
// nor the record; the article says where the byte was.
func TestLenientDecoding(t *testing.T) {
	dump := "Harbour Strike Spreads in Chittagong\n\n" +
		"Dock workers in Chittagong extended their strike on Tuesday, the port authority said.\n" +
		"The union leader called the offer \x93an insult\x94 and said talks would resume next week.\n" +
		"\n-----\n\n" +
		"Rains Cut Roads in Northern Peru\n\n" +
		"Landslides blocked two highways in the Amazonas region on Wednesday, officials said.\n"
	bad := strings.Index(dump, "\x93")
	page := "<html><body><article><p>Farmers in Oaxaca blocked a highway on Friday to demand \x93fair prices\x94 for maize, state officials said.</p>" +
		"<p>Police reopened the road after six hours of talks with the farmers and their union, according to the state government.</p></article></body></html>"
	jsonl := `{"title":"Ferry Sinks off Zanzibar","text":"A ferry sank off Zanzibar on Monday and rescuers pulled 40 people from the water, the police said."}` + "\n" +
		"{\"title\":\"Caf\xe9 Tax Protest\",\"text\":\"Caf\xe9 owners in Quebec City closed their doors on Monday to protest a new tax, the owners' association said.\"}\n" +
		"{\"title\":\"Binary\",\"text\":\"\"}\n"
	tests := []struct {
		name       string
		data       string
		articles   int
		recErrs    int
		warnIn     int    // index of the article with the warning
		warnOffset string // "at byte N"
		wantText   string // decoded text in that article
	}{
		{"dump.txt", dump, 2, 0, 0, fmt.Sprintf("at byte %d", bad), "“an insult”"},
		{"page.html", page, 1, 0, 0, fmt.Sprintf("at byte %d", strings.Index(page, "\x93")), "“fair prices”"},
		{"records.jsonl", jsonl, 2, 1, 1, fmt.Sprintf("at byte %d", strings.Index(jsonl, "\xe9")), "Café owners"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, recErrs, err := readBytesAll(t, tc.name, []byte(tc.data), DefaultOptions())
			if err != nil {
				t.Fatalf("whole input rejected: %v", err)
			}
			if len(arts) != tc.articles || len(recErrs) != tc.recErrs {
				t.Fatalf("%d articles, %d record errors %v; want %d, %d", len(arts), len(recErrs), recErrs, tc.articles, tc.recErrs)
			}
			a := arts[tc.warnIn]
			if !hasWarning(a, tc.warnOffset) || !hasWarning(a, "Windows-1252") {
				t.Errorf("warnings %q do not name %q", a.Warnings, tc.warnOffset)
			}
			if !strings.Contains(a.Body, tc.wantText) {
				t.Errorf("body %q lacks %q", a.Body, tc.wantText)
			}
			for i, o := range arts {
				if i != tc.warnIn && len(o.Warnings) > 0 {
					t.Errorf("article %d has warnings %q", i, o.Warnings)
				}
			}
			for _, e := range recErrs {
				if !strings.Contains(e.Error(), tc.name+": record 3 (byte ") {
					t.Errorf("record error %q does not name the record and byte", e)
				}
			}
		})
	}
}

// TestProseNeverHeadlineOnly: a record whose paragraphs all look like a
// header block (each printed twice, as photo captions are) is still a
// story; a record with only a headline is an error naming it, and the
// records around it are kept.
func TestProseNeverHeadlineOnly(t *testing.T) {
	paras := []string{
		"Election officials in Malawi began counting ballots on Wednesday after a vote that observers called calm.",
		"Turnout was higher than in the last election, the electoral commission said in a statement.",
		"Results from the northern districts are expected by the end of the week, officials said.",
	}
	var doubled []string
	for _, p := range paras {
		doubled = append(doubled, p, p)
	}
	rec := func(title, text string) string {
		return fmt.Sprintf(`{"title":%q,"text":%q}`, title, text) + "\n"
	}
	in := rec("Counting Begins in Malawi", strings.Join(doubled, "\n")) +
		rec("Only a Headline Here", "Only a Headline Here") +
		rec("Dam Repairs Start", "Engineers began repairing the Kariba dam wall on Monday, the river authority said.")
	arts, recErrs, err := readBytesAll(t, "stories.jsonl", []byte(in), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || len(recErrs) != 1 {
		t.Fatalf("%d articles, record errors %v; want 2 and 1", len(arts), recErrs)
	}
	for _, p := range paras {
		if !strings.Contains(arts[0].Body, p) {
			t.Errorf("paragraph lost: %q", p)
		}
	}
	if e := recErrs[0].Error(); !strings.Contains(e, "stories.jsonl: record 2 (byte ") || !strings.Contains(e, "headline") {
		t.Errorf("record error %q", e)
	}
}

// TestArticleCap: a record far over the cap becomes one article cut at a
// paragraph boundary, with a warning, and the next record still comes.
func TestArticleCap(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxArticleBytes = 64 << 10
	var text strings.Builder
	for i := 0; text.Len() < 1<<20; i++ {
		fmt.Fprintf(&text, "Aid convoy %d reached the camps near El Fasher on Thursday, the agency said.\n", i)
	}
	in := fmt.Sprintf(`{"title":"Long","text":%q}`, text.String()) + "\n" +
		`{"title":"Short","text":"Talks between the two sides resumed in Addis Ababa on Friday, diplomats said."}` + "\n"
	arts, recErrs, err := readBytesAll(t, "long.jsonl", []byte(in), opts)
	if err != nil || len(recErrs) > 0 || len(arts) != 2 {
		t.Fatalf("%d articles, errors %v %v", len(arts), recErrs, err)
	}
	a := arts[0]
	if len(a.Body) > opts.MaxArticleBytes || len(a.Body) < opts.MaxArticleBytes/2 {
		t.Errorf("body of %d bytes, cap %d", len(a.Body), opts.MaxArticleBytes)
	}
	if !strings.HasSuffix(a.Body, "the agency said.") {
		t.Errorf("body not cut at a paragraph end: ...%q", a.Body[len(a.Body)-40:])
	}
	if !hasWarning(a, "capped at 65536 bytes") {
		t.Errorf("warnings %q", a.Warnings)
	}
	// The same through a dump and an HTML page: capped by finish.
	dump := "Long Dump Story\n\n" + text.String()
	page := "<html><body><article><p>" + strings.ReplaceAll(text.String(), "\n", "</p><p>") + "</p></article></body></html>"
	for name, data := range map[string]string{"long.txt": dump, "long.html": page} {
		arts, _, err := readBytesAll(t, name, []byte(data), opts)
		if err != nil || len(arts) != 1 {
			t.Fatalf("%s: %d articles, %v", name, len(arts), err)
		}
		if b := arts[0].Body; len(b) > opts.MaxArticleBytes || !hasWarning(arts[0], "truncated") {
			t.Errorf("%s: body %d bytes, warnings %q", name, len(b), arts[0].Warnings)
		}
	}
}

// TestStreamedDump: a dump many chunks long splits into exactly its
// articles, with offsets into the file, as a small one does.
func TestStreamedDump(t *testing.T) {
	var b bytes.Buffer
	n := 0
	for b.Len() < 5*dumpChunkBytes {
		fmt.Fprintf(&b, "Report %d From the Coast\n\nFishermen in port %d said on Monday that the catch had fallen for a third year.\nThe ministry promised a study of the fish stocks.\n\n-----\n\n", n, n)
		n++
	}
	arts, recErrs, err := readBytesAll(t, "big.txt", b.Bytes(), DefaultOptions())
	if err != nil || len(recErrs) > 0 {
		t.Fatal(err, recErrs)
	}
	if len(arts) != n {
		t.Fatalf("%d articles, want %d", len(arts), n)
	}
	for i, a := range arts {
		if want := fmt.Sprintf("Report %d From the Coast", i); model.Deref(a.Title) != want {
			t.Fatalf("article %d title %q", i, model.Deref(a.Title))
		}
		if len(a.Offsets) == 0 {
			t.Fatalf("article %d has no offsets", i)
		}
	}
}

// TestTruncatedStreams: a dump cut by a broken gzip stream keeps the
// articles read whole and names the truncation.
func TestTruncatedStreams(t *testing.T) {
	var b bytes.Buffer
	for i := 0; b.Len() < 3*dumpChunkBytes; i++ {
		fmt.Fprintf(&b, "Bulletin %d on the Floods\n\nRivers in Assam rose again on Sunday, officials said, and %d villages were cut off.\n\n-----\n\n", i, i)
	}
	gz := gzipBytes(b.Bytes())
	arts, _, err := readBytesAll(t, "cut.txt.gz", gz[:len(gz)*2/3], DefaultOptions())
	if !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), "cut.txt.gz: byte ") {
		t.Errorf("error %v, want a truncation naming the byte", err)
	}
	if len(arts) == 0 {
		t.Errorf("no article kept before the cut")
	}
}

// TestProgress: progress comes within one input, by bytes and records.
func TestProgress(t *testing.T) {
	var b bytes.Buffer
	for i := 0; b.Len() < 2<<20; i++ {
		fmt.Fprintf(&b, "Update %d From the Border\n\nTrucks crossed at Rafah on Tuesday, officials said.\n\n-----\n\n", i)
	}
	var evs []Progress
	opts := DefaultOptions()
	opts.Progress = func(p Progress) { evs = append(evs, p) }
	if err := ReadBytes(context.Background(), "p.txt", b.Bytes(), opts, func(*model.Article) error { return nil }, nil); err != nil {
		t.Fatal(err)
	}
	if len(evs) < 5 {
		t.Fatalf("%d progress events", len(evs))
	}
	last := evs[len(evs)-1]
	if last.Bytes != int64(b.Len()) || last.Total != int64(b.Len()) || last.Records == 0 || last.Source != "p.txt" {
		t.Errorf("last progress %+v (input %d bytes)", last, b.Len())
	}
	mid := evs[len(evs)/2]
	if mid.Bytes <= 0 || mid.Bytes >= last.Bytes || mid.Records <= 0 || mid.Records >= last.Records {
		t.Errorf("no progress within the file: middle event %+v, last %+v", mid, last)
	}
}

// TestDumpHeaderOnlyReported: a block of a dump with no body (a stray
// caption after the last rule) is reported with its byte offset, not
// dropped silently, and the articles around it are kept.
func TestDumpHeaderOnlyReported(t *testing.T) {
	stray := "Soldiers patrol a street in Bamako. (AFP)"
	in := "Curfew Lifted in Bamako\n\nAuthorities in Mali lifted the night curfew in Bamako on Saturday, the interior ministry said.\n\n-----\n\n" +
		"Bridge Reopens in Niamey\n\nThe Kennedy bridge in Niamey reopened to traffic on Sunday after repairs, officials said.\n\n-----\n\n" +
		stray + "\n"
	arts, recErrs, err := readBytesAll(t, "wire.txt", []byte(in), DefaultOptions())
	if err != nil || len(arts) != 2 || len(recErrs) != 1 {
		t.Fatalf("%d articles, record errors %v, error %v; want 2, 1, nil", len(arts), recErrs, err)
	}
	if e := recErrs[0].Error(); !strings.Contains(e, fmt.Sprintf("wire.txt: byte %d: ", strings.Index(in, stray))) || !strings.Contains(e, "no article") {
		t.Errorf("record error %q does not name the byte", e)
	}
}

// TestStatedTextIsKept: a JSONL record's "text" is the story even when it
// is one short line printed twice (which a dump would read as a caption
// block); only text that repeats the title alone is headline-only.
func TestStatedTextIsKept(t *testing.T) {
	in := `{"title":"a1","text":"The ferry did not sail.\nThe ferry did not sail."}` + "\n" +
		`{"title":"a2","text":"Curfew lifted in Osh."}` + "\n" +
		`{"title":"Flood Warning","text":"Flood Warning"}` + "\n"
	arts, recErrs, err := readBytesAll(t, "short.jsonl", []byte(in), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || len(recErrs) != 1 {
		t.Fatalf("%d articles, record errors %v; want 2 and 1", len(arts), recErrs)
	}
	if !strings.Contains(arts[0].Body, "The ferry did not sail.") || !strings.Contains(arts[1].Body, "Curfew lifted in Osh.") {
		t.Errorf("bodies %q, %q", arts[0].Body, arts[1].Body)
	}
}

// TestDatelineStaysInBody: an agency dateline on a line of its own opens
// the story; it is body text, not a subheading, while a real all-caps
// section head still is one.
func TestDatelineStaysInBody(t *testing.T) {
	for _, tt := range []struct{ line, story string }{
		{"NAIROBI 2024-08-30", "Kenyan police dispersed traders protesting new market fees in the capital on Friday, witnesses said."},
		{"LIMA, March 3, 2025", "Peru's congress voted to censure the interior minister after a week of protests in the south, lawmakers said."},
		{"DHAKA 12 June 2023", "Bangladesh's election commission set a date for the vote on Monday after talks with the main parties."},
		{"KYIV, 14 June 2024", "Ukraine's air force said it shot down most of the drones launched overnight at the capital and the south."},
	} {
		in := "Police Disperse Traders Protesting Market Fees\n\n" + tt.line + "\n\n" + tt.story + "\n\nREACTION\n\nTraders said they would return on Monday, a union leader told reporters.\n"
		arts, recErrs, err := readBytesAll(t, "wire.txt", []byte(in), DefaultOptions())
		if err != nil || len(recErrs) > 0 || len(arts) != 1 {
			t.Fatalf("%q: %d articles, %v %v", tt.line, len(arts), recErrs, err)
		}
		a := arts[0]
		if model.Deref(a.Title) != "Police Disperse Traders Protesting Market Fees" {
			t.Errorf("%q: title %q", tt.line, model.Deref(a.Title))
		}
		if !strings.HasPrefix(a.Body, tt.line) {
			t.Errorf("%q: body starts %q", tt.line, model.Clip(a.Body, 40))
		}
		if len(a.Subheadings) != 1 || a.Subheadings[0] != "REACTION" {
			t.Errorf("%q: subheadings %q, want [REACTION]", tt.line, a.Subheadings)
		}
	}
}

// TestTableRowsStayInBody: a results or standings row in capitals (a name,
// then figures) or a fixture ("DENVER AT UTAH") is body text, where its
// names are mentions, not a subheading dropped at the end; an all-caps
// section head still is one.
func TestTableRowsStayInBody(t *testing.T) {
	for _, rows := range [][]string{
		{"KASHIMA 12 8 3 1 20 9 27", "URAWA 12 7 3 2 18 11 24"},
		{"WELLINGTON 31 AUCKLAND 24", "OTAGO 18 CANTERBURY 18"},
		{"GOR MAHIA 2 AFC LEOPARDS 1", "TUSKER 0 ULINZI STARS 0"},
		{"TORONTO 14 4 .778 -", "BOSTON 10 6 .625 3 1/2"},
		{"DENVER AT UTAH", "NEW JERSEY AT LOS ANGELES"},
		{"ORLANDO PIRATES VS KAIZER CHIEFS", "AMAZULU VS SUPERSPORT UNITED"},
	} {
		in := "League Standings After The Weekend\n\nStandings after the weekend's matches:\n\nEASTERN GROUP\n\n" + strings.Join(rows, "\n") + "\n"
		arts, recErrs, err := readBytesAll(t, "wire.txt", []byte(in), DefaultOptions())
		if err != nil || len(recErrs) > 0 || len(arts) != 1 {
			t.Fatalf("%q: %d articles, %v %v", rows[0], len(arts), recErrs, err)
		}
		a := arts[0]
		for _, r := range rows {
			if !strings.Contains(a.Body, r) {
				t.Errorf("%q not in the body %q", r, a.Body)
			}
		}
		if len(a.Subheadings) != 1 || a.Subheadings[0] != "EASTERN GROUP" {
			t.Errorf("%q: subheadings %q, want [EASTERN GROUP]", rows[0], a.Subheadings)
		}
	}
}

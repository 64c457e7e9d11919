package petrarch

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Coding is one coded event: source actor, target actor, CAMEO code.
type Coding struct {
	Source, Target, Code string
}

func (c Coding) String() string { return c.Source + ">" + c.Target + ":" + c.Code }

// Record is one sentence of a PETRARCH validation file with the codings
// it should produce. NoEvents is set when the record expects none
// (noevents="True", or an error expectation such as a discard).
type Record struct {
	ID, Category, Text string
	Date               time.Time
	NoEvents           bool
	Expected           []Coding
	// Error is the record's error expectation ("sentencediscard",
	// "bad_input_parse", ...), if any.
	Error string
	Line  int
}

type xmlCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Code     string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

type xmlSentence struct {
	Date     string      `xml:"date,attr"`
	ID       string      `xml:"id,attr"`
	Category string      `xml:"category,attr"`
	Codings  []xmlCoding `xml:"EventCoding"`
	Text     string      `xml:"Text"`
}

// ReadRecords reads a PETRARCH validation file (<Sentence> records with
// <EventCoding> expectations). The Treebank <Parse> is ignored: sitrep
// codes from its own tokens. Each record is decoded on its own, so a
// record that is broken (bad XML, a date that is not YYYYMMDD, no
// <Text>) is a warning at its line and the records around it are still
// read; the error is only a read failure.
func ReadRecords(r io.Reader, name string) ([]Record, []Warning, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: read records: %w", name, err)
	}
	d := &diag{name: name}
	var out []Record
	lineAt := newLineIndex(data)
	for _, c := range sentenceChunks(data) {
		line := lineAt(c.start)
		if c.end < 0 {
			d.warnf(line, "<Sentence> without </Sentence>: record skipped")
			continue
		}
		rec, err := decodeRecord(data[c.start:c.end], line)
		if err != nil {
			d.warnf(line, "%v: record skipped", err)
			continue
		}
		out = append(out, rec)
	}
	if len(out) == 0 && len(d.warn) == 0 {
		d.warnf(1, "no <Sentence> records")
	}
	return out, d.warn, nil
}

// chunk is the byte range of one <Sentence> element; end is -1 when the
// element is not closed before the next one starts.
type chunk struct{ start, end int }

// sentenceChunks finds every <Sentence ...> ... </Sentence> range.
func sentenceChunks(data []byte) []chunk {
	const open, closeTag = "<Sentence", "</Sentence>"
	var out []chunk
	// "<Sentence" inside a comment is not a record.
	var comments [][2]int
	for from := 0; ; {
		k := bytes.Index(data[from:], []byte("<!--"))
		if k < 0 {
			break
		}
		k += from
		e := bytes.Index(data[k+4:], []byte("-->"))
		if e < 0 {
			comments = append(comments, [2]int{k, len(data)})
			break
		}
		comments = append(comments, [2]int{k, k + 4 + e + 3})
		from = k + 4 + e + 3
	}
	inComment := func(k int) bool {
		i := sort.Search(len(comments), func(i int) bool { return comments[i][1] > k })
		return i < len(comments) && comments[i][0] <= k
	}
	i := 0
	next := func(from int) int {
		for {
			k := bytes.Index(data[from:], []byte(open))
			if k < 0 {
				return -1
			}
			k += from
			if inComment(k) {
				from = k + len(open)
				continue
			}
			if e := k + len(open); e < len(data) && (data[e] == '>' || data[e] == '/' || data[e] == ' ' || data[e] == '\t' || data[e] == '\n' || data[e] == '\r') {
				return k
			}
			from = k + len(open)
		}
	}
	for {
		s := next(i)
		if s < 0 {
			return out
		}
		e := bytes.Index(data[s:], []byte(closeTag))
		n := next(s + len(open))
		switch {
		case e < 0 || (n >= 0 && n < s+e):
			out = append(out, chunk{s, -1})
			if n < 0 {
				return out
			}
			i = n
		default:
			out = append(out, chunk{s, s + e + len(closeTag)})
			i = s + e + len(closeTag)
		}
	}
}

// newLineIndex returns a function from byte offset to 1-based line.
func newLineIndex(data []byte) func(off int) int {
	var starts []int
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return func(off int) int { return sort.SearchInts(starts, off+1) + 1 }
}

// decodeRecord decodes one <Sentence> element.
func decodeRecord(b []byte, line int) (Record, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var xs xmlSentence
	if err := dec.Decode(&xs); err != nil {
		return Record{}, fmt.Errorf("sentence: %w", err)
	}
	rec := Record{ID: xs.ID, Category: xs.Category, Text: strings.Join(strings.Fields(xs.Text), " "), Line: line}
	dt, err := time.Parse("20060102", strings.TrimSpace(xs.Date))
	if err != nil {
		return rec, fmt.Errorf("sentence %s: date %q: want YYYYMMDD", xs.ID, xs.Date)
	}
	rec.Date = dt
	for _, c := range xs.Codings {
		switch {
		case strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"):
			rec.NoEvents = true
		case c.Error != "":
			rec.NoEvents, rec.Error = true, c.Error
		case c.Code != "":
			rec.Expected = append(rec.Expected, Coding{c.Source, c.Target, c.Code})
		}
	}
	if rec.Text == "" {
		return rec, fmt.Errorf("sentence %s: no <Text>", xs.ID)
	}
	return rec, nil
}

// Result is one record's outcome.
type Result struct {
	Record                  Record
	Produced                []Coding
	Matched, Missing, Extra []Coding
}

// CategoryStats counts one record category.
type CategoryStats struct {
	Expected, Matched, Extra, Records int
}

// Report is the outcome of a validation run.
type Report struct {
	Results                            []Result
	Expected, Matched, Produced, Extra int
	ByCategory                         map[string]*CategoryStats
}

// SentenceCoder codes one sentence (or a short text) on a date; Coder
// is one, and so is the events coder over compiled dictionaries.
type SentenceCoder interface {
	Code(sentence string, date time.Time) []Coding
}

// Validate codes every record and compares the codings with the
// expected ones as multisets: a coding matches only when source,
// target and code are all equal.
func Validate(c SentenceCoder, recs []Record) *Report {
	rep := &Report{ByCategory: map[string]*CategoryStats{}}
	for _, rec := range recs {
		res := Result{Record: rec, Produced: c.Code(rec.Text, rec.Date)}
		left := map[Coding]int{}
		for _, e := range rec.Expected {
			left[e]++
		}
		for _, p := range res.Produced {
			if left[p] > 0 {
				left[p]--
				res.Matched = append(res.Matched, p)
			} else {
				res.Extra = append(res.Extra, p)
			}
		}
		for _, e := range rec.Expected {
			if left[e] > 0 {
				left[e]--
				res.Missing = append(res.Missing, e)
			}
		}
		cs := rep.ByCategory[rec.Category]
		if cs == nil {
			cs = &CategoryStats{}
			rep.ByCategory[rec.Category] = cs
		}
		cs.Records++
		cs.Expected += len(rec.Expected)
		cs.Matched += len(res.Matched)
		cs.Extra += len(res.Extra)
		rep.Expected += len(rec.Expected)
		rep.Matched += len(res.Matched)
		rep.Produced += len(res.Produced)
		rep.Extra += len(res.Extra)
		rep.Results = append(rep.Results, res)
	}
	return rep
}

// Recall is matched/expected.
func (r *Report) Recall() float64 { return ratio(r.Matched, r.Expected) }

// ExtraRate is extra/produced.
func (r *Report) ExtraRate() float64 { return ratio(r.Extra, r.Produced) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func joinCodings(cs []Coding) string {
	if len(cs) == 0 {
		return "-"
	}
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, " ")
}

// Write prints one line per record (with verbose, the expected and
// produced codings and the text), per-category counts and the totals.
func (r *Report) Write(w io.Writer, verbose bool) {
	for _, res := range r.Results {
		status := "ok"
		if len(res.Missing) > 0 || len(res.Extra) > 0 {
			status = "FAIL"
		}
		fmt.Fprintf(w, "%-4s %-18s %-9s matched %d/%d extra %d\n", status, res.Record.ID, res.Record.Category,
			len(res.Matched), len(res.Record.Expected), len(res.Extra))
		if verbose && status != "ok" {
			fmt.Fprintf(w, "     text:     %s\n     expected: %s\n     produced: %s\n",
				res.Record.Text, joinCodings(res.Record.Expected), joinCodings(res.Produced))
		}
	}
	cats := make([]string, 0, len(r.ByCategory))
	for k := range r.ByCategory {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	fmt.Fprintf(w, "\n%-10s %7s %8s %8s %6s %7s\n", "category", "records", "expected", "matched", "extra", "recall")
	for _, k := range cats {
		c := r.ByCategory[k]
		fmt.Fprintf(w, "%-10s %7d %8d %8d %6d %6.1f%%\n", k, c.Records, c.Expected, c.Matched, c.Extra, 100*ratio(c.Matched, c.Expected))
	}
	fmt.Fprintf(w, "\ntotal: %d records, %d expected, %d produced, %d matched, %d extra\n", len(r.Results), r.Expected, r.Produced, r.Matched, r.Extra)
	fmt.Fprintf(w, "recall %.1f%% (matched/expected), extra rate %.1f%% (extra/produced)\n", 100*r.Recall(), 100*r.ExtraRate())
}

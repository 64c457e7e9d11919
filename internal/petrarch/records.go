package petrarch

import (
	"encoding/xml"
	"errors"
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
// codes from its own tokens.
func ReadRecords(r io.Reader, name string) ([]Record, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var out []Record
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			l, _ := dec.InputPos()
			return out, fmt.Errorf("%s:%d: read records: %w", name, l, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Sentence" {
			continue
		}
		start, _ := dec.InputPos()
		if start == 0 {
			start = line
		}
		var xs xmlSentence
		if err := dec.DecodeElement(&xs, &se); err != nil {
			return out, fmt.Errorf("%s:%d: sentence: %w", name, start, err)
		}
		rec := Record{ID: xs.ID, Category: xs.Category, Text: strings.Join(strings.Fields(xs.Text), " "), Line: start}
		d, err := time.Parse("20060102", strings.TrimSpace(xs.Date))
		if err != nil {
			return out, fmt.Errorf("%s:%d: sentence %s: date %q: want YYYYMMDD", name, start, xs.ID, xs.Date)
		}
		rec.Date = d
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
			return out, fmt.Errorf("%s:%d: sentence %s: no <Text>", name, start, xs.ID)
		}
		out = append(out, rec)
	}
	return out, nil
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

// Validate codes every record and compares the codings with the
// expected ones as multisets: a coding matches only when source,
// target and code are all equal.
func Validate(c *Coder, recs []Record) *Report {
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

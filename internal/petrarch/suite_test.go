package petrarch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// PETRARCH's validation suite is coded, and its recall ratcheted, where
// `sitrep validate-petrarch` lives (internal/cli): coding is
// internal/events'. Here the suite's records file is what this package
// reads, and Validate what it counts.

// replayCoder answers the i-th sentence it is asked with answers[i]
// (Validate asks for the records in order; some records share a
// sentence and date), and reports a sentence asked out of order.
type replayCoder struct {
	t       *testing.T
	recs    []Record
	answers [][]Coding
	i       int
}

func (c *replayCoder) Code(sentence string, date time.Time) []Coding {
	if c.i >= len(c.recs) || c.recs[c.i].Text != sentence || !c.recs[c.i].Date.Equal(date) {
		c.t.Fatalf("call %d: %q on %s, not the next record", c.i, sentence, date.Format(time.DateOnly))
	}
	c.i++
	return c.answers[c.i-1]
}

// TestSuiteRecords reads the suite's records without a warning, and
// Validate scores a coder that answers every expected coding at full
// recall with nothing extra, and one that answers each with the wrong
// event code at no recall with everything extra.
func TestSuiteRecords(t *testing.T) {
	dir := suiteDir(t)
	f, err := os.Open(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, warn, err := ReadRecords(f, "PETR.UnitTest.records.xml")
	if err != nil || len(warn) > 0 {
		t.Fatal(err, warn)
	}
	expected := 0
	for _, r := range recs {
		expected += len(r.Expected)
		if r.Text == "" || r.ID == "" || r.Date.IsZero() || r.Line < 1 {
			t.Errorf("record %+v lacks text, id, date or line", r)
		}
	}
	if len(recs) < 200 || expected < 300 {
		t.Fatalf("%d records, %d expected codings", len(recs), expected)
	}
	right := &replayCoder{t: t, recs: recs}
	wrong := &replayCoder{t: t, recs: recs}
	for _, r := range recs {
		right.answers = append(right.answers, r.Expected)
		var w []Coding
		for _, c := range r.Expected {
			c.Code += "9"
			w = append(w, c)
		}
		wrong.answers = append(wrong.answers, w)
	}
	rep := Validate(right, recs)
	if rep.Expected != expected || rep.Matched != expected || rep.Produced != expected || rep.Extra != 0 ||
		rep.Recall() != 1 || rep.ExtraRate() != 0 || len(rep.Results) != len(recs) {
		t.Errorf("every expected coding produced: %d expected, %d matched, %d produced, %d extra",
			rep.Expected, rep.Matched, rep.Produced, rep.Extra)
	}
	sum := 0
	for _, cs := range rep.ByCategory {
		sum += cs.Matched
	}
	if sum != expected {
		t.Errorf("categories add up to %d matched, want %d", sum, expected)
	}
	rep = Validate(wrong, recs)
	if rep.Matched != 0 || rep.Extra != expected || rep.Recall() != 0 || rep.ExtraRate() != 1 {
		t.Errorf("every coding wrong: %d matched, %d extra of %d", rep.Matched, rep.Extra, expected)
	}
}

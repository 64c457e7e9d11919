package store

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

func TestDatePrecisionAndSpan(t *testing.T) {
	for _, tc := range []struct {
		value, precision string
		want, end        string
	}{
		{"2024-03-05", "day", "day", "2024-03-05"},
		{"2024-02", "month", "month", "2024-02-29"},
		{"2016", "range", "range", ""},        // "since 2016": open, not 2016-01-01
		{"2016", "day", "year", "2016-12-31"}, // the value's length wins
		{"", "day", PrecisionNone, ""},
		{"soon", "", PrecisionNone, ""},
	} {
		e := &model.Event{Date: model.EventDate{Value: model.Str(tc.value), Precision: model.Str(tc.precision)}}
		got := DatePrecision(e)
		if got != tc.want {
			t.Errorf("DatePrecision(%q, %q) = %q, want %q", tc.value, tc.precision, got, tc.want)
		}
		if end := SpanEnd(EventDay(e), got); end != tc.end {
			t.Errorf("SpanEnd(%q, %q) = %q, want %q", EventDay(e), got, end, tc.end)
		}
	}
	for _, tc := range []struct{ day, interval, bucket, next string }{
		{"2024-03-06", "day", "2024-03-06", "2024-03-07"},
		{"2024-03-06", "week", "2024-03-04", "2024-03-11"},
		{"2024-03-06", "month", "2024-03-01", "2024-04-01"},
		{"2024-12-31", "month", "2024-12-01", "2025-01-01"},
	} {
		b := BucketOf(tc.day, tc.interval)
		if b != tc.bucket || NextBucket(b, tc.interval) != tc.next {
			t.Errorf("%s by %s: bucket %s next %s, want %s %s", tc.day, tc.interval, b, NextBucket(b, tc.interval), tc.bucket, tc.next)
		}
	}
	if err := CheckInterval("fortnight"); err == nil || !strings.Contains(err.Error(), "day, week or month") {
		t.Errorf("CheckInterval(fortnight) = %v, want the choices named", err)
	}
}

// article builds a one-sentence article with person quantities found by
// text and one event per QuadClass given.
func article(sentence string, people map[string]float64, quads ...int) *model.Article {
	a := model.NewArticle()
	a.Body = sentence
	a.Sentences = []model.Sentence{{Index: 0, Start: 0, End: len(sentence), Text: sentence}}
	for text, v := range people {
		i := strings.Index(sentence, text)
		a.Quantities = append(a.Quantities, model.Quantity{Mention: model.Mention{Start: i, End: i + len(text), Text: text},
			Value: v, Unit: "person"})
	}
	for i, q := range quads {
		a.Events = append(a.Events, model.Event{ID: string(rune('a' + i)), QuadClass: q})
	}
	return a
}

func TestFatalities(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		people   map[string]float64
		quads    []int
		want     []int
	}{
		{"Gunmen killed at least seven villagers near Maiduguri on Sunday.", map[string]float64{"seven villagers": 7}, []int{4}, []int{7}},
		{"Twelve soldiers were killed when the convoy hit a mine.", map[string]float64{"Twelve soldiers": 12}, []int{4}, []int{12}},
		{"The strike killed two people and wounded 15 others in Kharkiv.", map[string]float64{"two people": 2, "15 others": 15}, []int{4}, []int{2}},
		{"Police arrested 40 protesters in La Paz.", map[string]float64{"40 protesters": 40}, []int{4}, []int{0}},
		// The toll goes to the sentence's first material-conflict event only.
		{"Rebels shelled the town and killed nine civilians, officials said.", map[string]float64{"nine civilians": 9}, []int{3, 4, 4}, []int{0, 9, 0}},
		// A cooperative event does not take a toll.
		{"Donors sent aid after floods killed 30 people.", map[string]float64{"30 people": 30}, []int{2}, []int{0}},
	} {
		got := Fatalities(article(tc.sentence, tc.people, tc.quads...))
		if len(got) != len(tc.want) {
			t.Fatalf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
				break
			}
		}
	}
}

func TestLocationPrecision(t *testing.T) {
	loc := &model.Location{Name: "Mosul", Lat: model.Float(36.34), Lon: model.Float(43.13), Country: model.Str("IRQ")}
	for _, tc := range []struct {
		name  string
		loc   *model.Location
		place *model.Entity
		want  string
	}{
		{"entity precision", loc, &model.Entity{Precision: "city"}, "city"},
		{"a country entity", loc, &model.Entity{Name: "Iraq", Code: model.Str("IRQ"), Country: model.Str("IRQ")}, "country"},
		{"a city coded with its country", loc, &model.Entity{Name: "Mosul", Code: model.Str("IRQ"), Country: model.Str("IRQ")}, ""},
		{"no entity", loc, nil, ""},
		{"no coordinates", &model.Location{Name: "somewhere"}, &model.Entity{Precision: "city"}, ""},
	} {
		if got := LocationPrecision(tc.loc, tc.place); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestLastDayOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2019-05-14", "2019-05-14"}, {"2019-05", "2019-05-31"}, {"2024-02", "2024-02-29"},
		{"2019", "2019-12-31"}, {"", ""}, {"May 2019", ""}, {"2019-13", ""},
	} {
		if got := LastDayOf(c.in); got != c.want {
			t.Errorf("LastDayOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDateLabel(t *testing.T) {
	for _, c := range []struct {
		e    EventRecord
		want string
	}{
		{EventRecord{}, "undated"},
		{EventRecord{Day: "2025-03-01", DatePrecision: "day"}, "2025-03-01"},
		{EventRecord{Day: "2025-03-01", DatePrecision: "month"}, "2025-03-01 (month)"},
		{EventRecord{Day: "2016-01-01", DatePrecision: "range"}, "2016-01-01 (range)"},
		{EventRecord{Day: "2016-01-01", DatePrecision: "range", DayTo: "2018-05-31"}, "2016-01-01..2018-05-31 (range)"},
	} {
		if got := c.e.DateLabel(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
	}
}

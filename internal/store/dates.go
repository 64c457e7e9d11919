package store

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Date precisions of a stored event (EventRecord.DatePrecision): the
// contract's day, month, year and range, plus PrecisionNone for an event
// that has no date at all.
const PrecisionNone = "none"

// DatePrecision is how finely e's date is known. A value's own length
// wins over a stated precision that claims more ("2016" is a year even
// when marked "day"), and a range stays a range: "since 2016" must never
// look like an event of 2016-01-01.
func DatePrecision(e *model.Event) string {
	if EventDay(e) == "" {
		return PrecisionNone
	}
	if model.Deref(e.Date.Precision) == model.PrecisionRange {
		return model.PrecisionRange
	}
	switch len(model.Deref(e.Date.Value)) {
	case 4:
		return model.PrecisionYear
	case 7:
		return model.PrecisionMonth
	}
	return model.PrecisionDay
}

// SpanEnd is the last day a date of the given precision that starts on
// day can mean: the day itself, the month's or the year's last day, or
// "" for a range (open: its end is not stored) and for no date.
func SpanEnd(day, precision string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	switch precision {
	case model.PrecisionDay:
		return day
	case model.PrecisionMonth:
		return t.AddDate(0, 1, -1).Format("2006-01-02")
	case model.PrecisionYear:
		return t.AddDate(1, 0, -1).Format("2006-01-02")
	}
	return ""
}

// LastDayOf widens a contract date ("YYYY-MM-DD", "YYYY-MM", "YYYY") to
// its last day: the known end of a range ("to May 2019" ends 2019-05-31);
// "" when v is none of these.
func LastDayOf(v string) string {
	t, prec, ok := model.ParseDate(v)
	if !ok {
		return ""
	}
	return SpanEnd(t.Format("2006-01-02"), prec)
}

// CheckInterval returns an error naming the choices when interval is not
// one of Intervals ("" means day).
func CheckInterval(interval string) error {
	if interval == "" {
		return nil
	}
	for _, i := range Intervals() {
		if interval == i {
			return nil
		}
	}
	return fmt.Errorf("unknown interval %q (want day, week or month)", interval)
}

// BucketOf returns the timeline bucket a day falls in: the day, the
// Monday of its week, or the first day of its month.
func BucketOf(day, interval string) string {
	switch interval {
	case "week":
		return WeekOf(day)
	case "month":
		if len(day) >= 7 {
			return day[:7] + "-01"
		}
	}
	return day
}

// NextBucket returns the bucket after b ("" when b is not a day, and
// when the next bucket is past year 9999: "10000-01-01" would sort before
// every day, and a walk up to a last bucket would not end there).
func NextBucket(b, interval string) string {
	t, err := time.Parse("2006-01-02", b)
	if err != nil {
		return ""
	}
	switch interval {
	case "week":
		t = t.AddDate(0, 0, 7)
	case "month":
		t = t.AddDate(0, 1, 0)
	default:
		t = t.AddDate(0, 0, 1)
	}
	if t.Year() > 9999 {
		return ""
	}
	return t.Format("2006-01-02")
}

// LocationPrecision is how exact an event location is, from its place
// entity (nil when unknown): the entity's precision; for entities stored
// before places had one, "country" when the place is named as its
// country is ("North Korea" in PRK); else "".
func LocationPrecision(l *model.Location, place *model.Entity) string {
	if l == nil || l.Lat == nil || place == nil {
		return ""
	}
	if place.Precision != "" {
		return place.Precision
	}
	if r, err := language.ParseRegion(model.Deref(place.Country)); err == nil &&
		strings.EqualFold(display.English.Regions().Name(r), place.Name) {
		return "country"
	}
	return ""
}

// DateLabel is how lists show an event's date: the day, "undated", the
// day with its precision when coarser ("2016-01-01 (range)"), or a
// range with its known end ("2016-01-01..2018-05-31 (range)").
func (e EventRecord) DateLabel() string {
	switch {
	case e.Day == "":
		return "undated"
	case e.DayTo != "":
		return e.Day + ".." + e.DayTo + " (" + e.DatePrecision + ")"
	case e.DatePrecision != "" && e.DatePrecision != model.PrecisionDay:
		return e.Day + " (" + e.DatePrecision + ")"
	}
	return e.Day
}

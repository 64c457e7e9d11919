package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// ParseDate reports whether s, as it is (no space around it), is a
// contract date, YYYY-MM-DD, YYYY-MM or YYYY, and gives its precision
// (model.PrecisionDay, PrecisionMonth or PrecisionYear): the --published,
// --since and --until values.
func ParseDate(s string) (precision string, ok bool) {
	for _, f := range []struct{ layout, prec string }{
		{"2006-01-02", model.PrecisionDay},
		{"2006-01", model.PrecisionMonth},
		{"2006", model.PrecisionYear},
	} {
		if len(s) == len(f.layout) {
			if _, err := time.Parse(f.layout, s); err == nil {
				return f.prec, true
			}
		}
	}
	return "", false
}

// parseFlagDate validates a --published value (space around it trimmed)
// and returns it with its precision.
func parseFlagDate(s string) (date, precision string, err error) {
	s = strings.TrimSpace(s)
	if prec, ok := ParseDate(s); ok {
		return s, prec, nil
	}
	return "", "", fmt.Errorf("bad published date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// metadataDate builds a Published from a date the source declared.
func metadataDate(t time.Time, evidence string) model.Published {
	return model.Published{
		Date:      model.Str(t.Format("2006-01-02")),
		Precision: model.Str(model.PrecisionDay),
		Source:    model.DateFromMetadata,
		Evidence:  model.Str(strings.TrimSpace(evidence)),
	}
}

// parseLooseDate reads the date forms found in JSONL records and feeds:
// RFC 3339 and friends, "YYYY-MM-DD", "YYYY-MM", "YYYY" and RFC 1123.
// It returns the Published value or false.
func parseLooseDate(s string) (model.Published, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return model.Published{}, false
	}
	if d, p, err := parseFlagDate(s); err == nil {
		return model.Published{Date: model.Str(d), Precision: model.Str(p), Source: model.DateFromMetadata, Evidence: model.Str(s)}, true
	}
	for _, layout := range []string{
		time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05Z0700",
		time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822,
		"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
		"2 January 2006", "January 2, 2006", "Jan 2, 2006", "02 Jan 2006",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return metadataDate(t, s), true
		}
	}
	return model.Published{}, false
}

const monthRe = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	reDMY = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `\.?,?\s+(\d{4})\b`)
	reMDY = regexp.MustCompile(`\b` + monthRe + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

var monthNum = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

type dateMention struct {
	t    time.Time
	text string
}

func findDates(s string) []dateMention {
	if !hasYear(s) {
		return nil // every form needs a four-digit year; skip the regexps
	}
	var out []dateMention
	add := func(y, m, d int, text string) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d || t.Month() != time.Month(m) || y < 1900 || y > 2200 {
			return // 31 February and the like
		}
		out = append(out, dateMention{t, text})
	}
	for _, m := range reDMY.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		add(y, int(monthNum[strings.ToLower(m[2][:3])]), d, m[0])
	}
	for _, m := range reMDY.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		add(y, int(monthNum[strings.ToLower(m[1][:3])]), d, m[0])
	}
	for _, m := range reISO.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		add(y, mo, d, m[0])
	}
	return out
}

// hasYear reports whether s holds four digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// containsWord reports whether w occurs in s as a whole word ("Thursday"
// and "Thursday's", not "Thursdays").
func containsWord(s, w string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before := i == 0 || !isWordByte(s[i-1])
		after := i+len(w) == len(s) || !isWordByte(s[i+len(w)])
		if before && after {
			return true
		}
		from = i + len(w)
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// datelineSpan is how much of the body's start may hold a dateline
// ("KYIV, 14 June 2024 (Reuters) -").
const datelineSpan = 160

// inferPublished reads the publication date off the text: a full date in
// a photo caption or the dateline is taken when the body mentions its
// weekday ("on Thursday" and the caption date is a Thursday), since a
// caption date alone may be an archive photo's. Anything less certain
// is reported as unknown rather than guessed.
func inferPublished(a *model.Article) model.Published {
	unknown := model.Published{Source: model.DateUnknown}
	days := map[time.Weekday]bool{}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if containsWord(a.Body, wd.String()) {
			days[wd] = true
		}
	}
	if len(days) == 0 {
		return unknown
	}
	var texts []string
	for _, c := range a.Captions {
		texts = append(texts, c.Text)
	}
	head := a.Body
	if len(head) > datelineSpan {
		head = head[:datelineSpan]
	}
	texts = append(texts, head)
	var found *dateMention
	for _, t := range texts {
		for _, dm := range findDates(t) {
			if !days[dm.t.Weekday()] {
				continue
			}
			if found != nil && !found.t.Equal(dm.t) {
				return unknown // two different agreeing dates: ambiguous
			}
			if found == nil {
				d := dm
				found = &d
			}
		}
	}
	if found == nil {
		return unknown
	}
	return model.Published{
		Date:      model.Str(found.t.Format("2006-01-02")),
		Precision: model.Str(model.PrecisionDay),
		Source:    model.DateFromInferred,
		Evidence:  model.Str(found.text),
	}
}

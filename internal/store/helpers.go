package store

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode"

	"github.com/sitrep-project/sitrep/internal/model"
)

// ErrBadCursor is returned (wrapped) when a page cursor cannot be decoded.
var ErrBadCursor = errors.New("invalid cursor")

// ClampLimit turns a requested page size into the one to use:
// DefaultLimit when n <= 0, at most MaxLimit.
func ClampLimit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return min(n, MaxLimit)
}

// EncodeCursor makes an opaque page cursor from the sort key of the last
// item of a page. Keyset cursors (rather than offsets) keep paging stable
// while new rows arrive.
func EncodeCursor(key ...any) string {
	b, err := json.Marshal(key)
	if err != nil {
		// Sort keys are strings and numbers; anything else is a bug.
		panic(fmt.Sprintf("store: unencodable cursor key: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor reads a cursor made by EncodeCursor into dst (pointers,
// in the same order). It wraps ErrBadCursor on any mismatch.
func DecodeCursor(c string, dst ...any) error {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(b, &parts); err != nil {
		return fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	if len(parts) != len(dst) {
		return fmt.Errorf("%w: %d fields, want %d", ErrBadCursor, len(parts), len(dst))
	}
	for i, p := range parts {
		if err := json.Unmarshal(p, dst[i]); err != nil {
			return fmt.Errorf("%w: field %d: %v", ErrBadCursor, i, err)
		}
	}
	return nil
}

// EventDay is the day an event is indexed under (YYYY-MM-DD): its date
// value, a month or year widened to its first day; "" when the date is
// missing or malformed.
func EventDay(e *model.Event) string {
	return DayOf(model.Deref(e.Date.Value))
}

// DayOf widens a contract date ("YYYY-MM-DD", "YYYY-MM", "YYYY") to its
// first day, or returns "" when v is none of these.
func DayOf(v string) string {
	t, _, ok := model.ParseDate(v)
	if !ok {
		return ""
	}
	return t.Format("2006-01-02")
}

// AddDays shifts a YYYY-MM-DD day by n days. It returns "" (no day, as
// for "" or a malformed day) when the result falls outside the years 0000
// to 9999, which YYYY-MM-DD cannot write: "10000-01-01" would sort before
// every day and "-0001-12-31" is no date the stores hold. A caller that
// bounds a range with it must take "" as no bound on that side.
func AddDays(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	if t = t.AddDate(0, 0, n); t.Year() < 0 || t.Year() > 9999 {
		return ""
	}
	return t.Format("2006-01-02")
}

// WeekOf returns the Monday of day's ISO week (YYYY-MM-DD).
func WeekOf(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return t.AddDate(0, 0, -back).Format("2006-01-02")
}

// PrefixEnd returns the smallest string greater than every string that
// starts with p, so that `col >= p AND col < PrefixEnd(p)` is a prefix
// match an index can range-scan. It returns "" when there is no bound
// (p empty or all 0xff bytes).
func PrefixEnd(p string) string {
	b := []byte(p)
	for len(b) > 0 {
		if b[len(b)-1] < 0xff {
			b[len(b)-1]++
			return string(b)
		}
		b = b[:len(b)-1]
	}
	return ""
}

// CameoRoot is the two-digit CAMEO root of a code ("0231" → "02"), or
// "" when the code is shorter.
func CameoRoot(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// TextTerms splits a full-text query into its words (letters and
// digits). Both stores match all of them, so a query means the same on
// SQLite FTS5 and PostgreSQL tsvector.
func TextTerms(q string) []string {
	var terms []string
	start := -1
	for i, r := range q {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			terms = append(terms, q[start:i])
			start = -1
		}
	}
	if start >= 0 {
		terms = append(terms, q[start:])
	}
	return terms
}

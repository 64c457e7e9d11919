package model

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in        string
		want      time.Time
		precision string
		ok        bool
	}{
		{"2024-05-01", day(2024, 5, 1), PrecisionDay, true},
		{"2024-02-29", day(2024, 2, 29), PrecisionDay, true},
		{"2019-11", day(2019, 11, 1), PrecisionMonth, true},
		{"1998", day(1998, 1, 1), PrecisionYear, true},
		{"0000", day(0, 1, 1), PrecisionYear, true},
		{"9999-12-31", day(9999, 12, 31), PrecisionDay, true},
		{"2023-02-29", time.Time{}, "", false}, // no such day
		{"2024-13", time.Time{}, "", false},
		{"2024-6-1", time.Time{}, "", false},
		{"June 2024", time.Time{}, "", false},
		{"20240501", time.Time{}, "", false},
		{"2024-05-01T10:00:00Z", time.Time{}, "", false},
		{"", time.Time{}, "", false},
	} {
		got, prec, ok := ParseDate(tc.in)
		if !got.Equal(tc.want) || prec != tc.precision || ok != tc.ok {
			t.Errorf("ParseDate(%q) = %v, %q, %v; want %v, %q, %v", tc.in, got, prec, ok, tc.want, tc.precision, tc.ok)
		}
	}
}

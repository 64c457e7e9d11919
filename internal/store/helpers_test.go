package store

import (
	"errors"
	"slices"
	"testing"
)

func TestDayOf(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2024-06-14", "2024-06-14"},
		{"2024-06", "2024-06-01"},
		{"2024", "2024-01-01"},
		{"", ""},
		{"2024-13", ""},
		{"2024-02-30", ""},
		{"June 2024", ""},
		{"20240614", ""},
	} {
		if got := DayOf(tc.in); got != tc.want {
			t.Errorf("DayOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWeekOf(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2024-06-10", "2024-06-10"}, // Monday
		{"2024-06-16", "2024-06-10"}, // Sunday
		{"2024-06-12", "2024-06-10"},
		{"2025-01-01", "2024-12-30"}, // across a year
	} {
		if got := WeekOf(tc.in); got != tc.want {
			t.Errorf("WeekOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAddDays(t *testing.T) {
	for _, tc := range []struct {
		day  string
		n    int
		want string
	}{
		{"2024-02-28", 1, "2024-02-29"},
		{"2023-02-28", 1, "2023-03-01"},
		{"2024-01-01", -1, "2023-12-31"},
		{"2024-06-14", 0, "2024-06-14"},
		{"2024-06-14", 365, "2025-06-14"},
		{"9999-12-31", 0, "9999-12-31"},
		{"9999-12-28", 3, "9999-12-31"},
		{"9999-12-31", 1, ""}, // year 10000: no YYYY-MM-DD
		{"9999-12-30", 7, ""},
		{"5000-01-01", 3_000_000, ""},
		{"0000-01-03", -2, "0000-01-01"},
		{"0000-01-01", -1, ""}, // year -1
		{"2024-06-14", -3_000_000, ""},
		{"", 1, ""},
		{"2024-06", 1, ""},
		{"2024-02-30", 1, ""},
	} {
		if got := AddDays(tc.day, tc.n); got != tc.want {
			t.Errorf("AddDays(%q, %d) = %q, want %q", tc.day, tc.n, got, tc.want)
		}
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"RUS", "RUT"},
		{"19", "1:"},
		{"", ""},
		{"A\xff", "B"},
		{"\xff\xff", ""},
	} {
		if got := PrefixEnd(tc.in); got != tc.want {
			t.Errorf("PrefixEnd(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextTerms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"humanitarian aid", []string{"humanitarian", "aid"}},
		{`"Kim Jong-un" OR NEAR(x)`, []string{"Kim", "Jong", "un", "OR", "NEAR", "x"}},
		{"?!", nil},
		{"Şehir 12", []string{"Şehir", "12"}},
	} {
		if got := TextTerms(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("TextTerms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCursor(t *testing.T) {
	c := EncodeCursor("2024-06-14", "abc:v1", int64(42))
	var day, key string
	var n int64
	if err := DecodeCursor(c, &day, &key, &n); err != nil || day != "2024-06-14" || key != "abc:v1" || n != 42 {
		t.Fatalf("round trip: %q %q %d %v", day, key, n, err)
	}
	for _, bad := range []string{"%%", "e30", EncodeCursor("x")} {
		if err := DecodeCursor(bad, &day, &key, &n); !errors.Is(err, ErrBadCursor) {
			t.Errorf("DecodeCursor(%q) = %v, want ErrBadCursor", bad, err)
		}
	}
}

func TestClampLimit(t *testing.T) {
	for in, want := range map[int]int{-1: DefaultLimit, 0: DefaultLimit, 7: 7, MaxLimit + 1: MaxLimit} {
		if got := ClampLimit(in); got != want {
			t.Errorf("ClampLimit(%d) = %d, want %d", in, got, want)
		}
	}
}

// FuzzDecodeCursor: any input either decodes or fails with
// ErrBadCursor; nothing panics.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(EncodeCursor("2024-01-01", "k"))
	f.Add("")
	f.Add("W10")
	f.Fuzz(func(t *testing.T, c string) {
		var a, b string
		if err := DecodeCursor(c, &a, &b); err != nil && !errors.Is(err, ErrBadCursor) {
			t.Errorf("unexpected error kind: %v", err)
		}
	})
}

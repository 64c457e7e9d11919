package model

import "time"

// dateLayouts are the contract's date forms, finest first, with the
// precision each states (Published.Date, EventDate.Value).
var dateLayouts = [...]struct{ layout, precision string }{
	{"2006-01-02", PrecisionDay},
	{"2006-01", PrecisionMonth},
	{"2006", PrecisionYear},
}

// ParseDate reads a contract date, "YYYY-MM-DD", "YYYY-MM" or "YYYY",
// as the first instant (UTC) of the day, month or year it names, with
// its precision (PrecisionDay, PrecisionMonth or PrecisionYear). It
// reports false, with the zero time and "", for anything else: another
// form ("2024-6-1", "June 2024"), or no such day ("2023-02-29").
func ParseDate(s string) (time.Time, string, bool) {
	for _, d := range dateLayouts {
		if len(s) != len(d.layout) {
			continue
		}
		if t, err := time.Parse(d.layout, s); err == nil {
			return t, d.precision, true
		}
	}
	return time.Time{}, "", false
}

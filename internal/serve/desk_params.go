package serve

import "strings"

// country reads the event location filter: an ISO 3166 alpha-3 code, any
// case ("ukr" is UKR).
func (q query) country() (string, error) {
	c := strings.ToUpper(q.str("country"))
	if c == "" {
		return "", nil
	}
	if len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", badParam("country", "must be an ISO 3166 alpha-3 country code such as UKR, got %q", q.str("country"))
	}
	return c, nil
}

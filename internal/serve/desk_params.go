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

// region reads the first-level division filter: a code ("US.TX", any
// case) or a name ("Texas", any case); the store matches either.
func (q query) region() string { return strings.TrimSpace(q.str("region")) }

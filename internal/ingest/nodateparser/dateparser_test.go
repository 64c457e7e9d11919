package dateparser

import (
	"errors"
	"testing"
)

// TestParseFindsNothing: whatever the text, the stand-in reports that it
// cannot parse, so a caller that reached it by mistake gets no date
// rather than a wrong one.
func TestParseFindsNothing(t *testing.T) {
	p := &Parser{ParserTypes: []ParserType{CustomFormat, AbsoluteTime}}
	for _, s := range []string{"2024-06-14", "14 June 2024", "le 3 mars 2021", "yesterday", ""} {
		d, err := p.Parse(&Configuration{PreferredDateSource: Past, StrictParsing: true}, s)
		if !d.Time.IsZero() || !errors.Is(err, ErrNotLinked) {
			t.Errorf("Parse(%q) = %v, %v; want the zero date and ErrNotLinked", s, d.Time, err)
		}
	}
}

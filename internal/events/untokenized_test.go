package events

import (
	"context"
	"testing"
)

// TestUntokenizedIrregular: an article that did not go through the text
// stage is tokenised and tagged by the text stage itself when the coder
// reads it (one tokeniser), so irregular past forms reach their lemmas
// through the tagger, not a table of the coder's own.
func TestUntokenizedIrregular(t *testing.T) {
	lex := loadUpstream(t).lex
	for _, tt := range []struct {
		text string
		w    want
	}{
		{"[[NOR:PLACE Norway]] sent food aid to [[YEM:PLACE Yemen]].", want{"07", "NOR", "YEM", ""}},
		{"[[SDN:PLACE Sudan]] fought [[SSD:PLACE South Sudan]] over the oil fields.", want{"19", "SDN", "SSD", ""}},
		{"[[VNM:PLACE Vietnam]] sought talks with [[CHN:PLACE China]].", want{"", "VNM", "CHN", ""}},
		{"[[GHAGOV:PERSON Mahama]] met [[NGAGOV:PERSON Tinubu]] in Accra.", want{"04", "GHAGOV", "NGAGOV", ""}},
		{"[[TUR:PLACE Turkey]] struck targets in [[IRQ:PLACE Iraq]].", want{"19", "TUR", "IRQ", ""}},
	} {
		a := annotated(t, tt.text, "2025-03-14")
		if len(a.Tokens) != 0 {
			t.Fatal("annotated articles carry no tokens")
		}
		if err := New(lex, DefaultOptions()).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if !has(a, tt.w) {
			t.Errorf("%s: missing %+v in %s", tt.text, tt.w, dump(a))
		}
	}
}

package cli

import (
	"strings"
	"testing"

	"github.com/alecthomas/kong"
)

// Every enum flag of every command lists its choices in its help.
func TestEnumFlagsListTheirChoices(t *testing.T) {
	var c CLI
	p, err := kong.New(&c, kong.Vars{"default_db": "x.db", "version": "test"}, choices())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(node *kong.Node)
	walk = func(node *kong.Node) {
		for _, f := range node.Flags {
			if f.Enum == "" {
				continue
			}
			n++
			h := helpWithChoices(f.Value)
			for _, e := range f.EnumSlice() {
				if e != "" && !strings.Contains(h, e) {
					t.Errorf("%s --%s: help %q lacks choice %q", node.Path(), f.Name, h, e)
				}
			}
		}
		for _, ch := range node.Children {
			walk(ch)
		}
	}
	walk(p.Model.Node)
	if n < 8 {
		t.Errorf("found %d enum flags, want every one (at least 8)", n)
	}
}

// Enum values are accepted in any case and stored as the choice is spelt.
func TestEnumFlagsAnyCase(t *testing.T) {
	cases := []struct {
		args  []string
		check func(c *CLI) string
		want  string
	}{
		{[]string{"--log-level", "DEBUG", "events"}, func(c *CLI) string { return c.LogLevel }, "debug"},
		{[]string{"events", "--format", "Json"}, func(c *CLI) string { return c.Events.Format }, "json"},
		{[]string{"entities", "--type", "person"}, func(c *CLI) string { return c.Entities.Type }, "PERSON"},
		{[]string{"timeline", "RUS", "--interval", "MONTH"}, func(c *CLI) string { return c.Timeline.Interval }, "month"},
		{[]string{"export", "--format", "GDELT-EXT"}, func(c *CLI) string { return c.Export.Format }, "gdelt-ext"},
		{[]string{"alerts", "add", "x", "--kind", "Sigma"}, func(c *CLI) string { return c.Alerts.Add.Kind }, "sigma"},
		{[]string{"events", "--actor", "rus"}, func(c *CLI) string { return c.Events.Actor }, "rus"}, // not an enum: untouched
	}
	for _, tc := range cases {
		var c CLI
		p, err := kong.New(&c, kong.Vars{"default_db": "x.db", "version": "test"}, choices())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Parse(tc.args); err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if got := tc.check(&c); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.args, got, tc.want)
		}
	}
	var c CLI
	p, _ := kong.New(&c, kong.Vars{"default_db": "x.db", "version": "test"}, choices())
	if _, err := p.Parse([]string{"events", "--format", "xml"}); err == nil || !strings.Contains(err.Error(), "table") {
		t.Errorf("--format xml: %v, want an error naming the choices", err)
	}
}

package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alecthomas/kong"

	"github.com/sitrep-project/sitrep/internal/ingest"
)

// parseOnly parses args as Main does, without running the command:
// exited is set when the parse ends the program (--help, --version).
func parseOnly(t *testing.T, c *CLI, args []string) (kctx *kong.Context, err error, exited bool, out string) {
	var stdout, stderr bytes.Buffer
	exit := -1
	parser, err := newParser(c, &stdout, &stderr, &exit)
	if err != nil {
		t.Fatalf("parser: %v", err)
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(exitPanic); !ok {
				panic(r)
			}
			if exit < 0 || exit > 2 {
				t.Fatalf("%q: exit %d", args, exit)
			}
			exited, out = true, stdout.String()+stderr.String()
		}
	}()
	kctx, err = parser.Parse(args)
	return kctx, err, false, stdout.String() + stderr.String()
}

// FuzzArgs parses any command line (one argument a line) as Main does,
// and checks the flags each command checks before it touches a file or
// the database: no panic but the parser's own exit; a parse that
// succeeds selects a command; event filters and --published either
// fail naming the flag or hold only valid dates and modalities.
func FuzzArgs(f *testing.F) {
	for _, s := range []string{
		"events\n--dyad\nRUS,UKR\n--since\n2024-01-01\n--modality\nfuture",
		"events\n--dyad\nRUS\n--until\n2024-13-40",
		"export\n--format\ngdelt-ext\n--code\n19\n--country\nsdn\n--region\n Kano ",
		"export\n--format\nxml",
		"ingest\n--published\n2024-02-30\nnews.jsonl",
		"extract\n--published\n2024\n--extractor\ntrafilatura\n-",
		"timeline\nRUS\nPRK\n--interval\nWEEK",
		"--help", "--version", "events\n--help", "", "--db\n", "serve\n--addr\n:0\n--body-timeout\n-1h",
		"bench\n--rounds\n-3\n--duration\n1ns", "alerts\nadd", "--log-level\nloud\narticles",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var args []string
		if s != "" {
			args = strings.Split(s, "\n")
		}
		var c CLI
		kctx, err, exited, out := parseOnly(t, &c, args)
		switch {
		case exited:
			return
		case err != nil:
			if err.Error() == "" {
				t.Fatalf("%q: an empty parse error", args)
			}
			return
		case kctx.Command() == "":
			t.Fatalf("%q: parsed without a command:\n%s", args, out)
		}
		for name, ef := range map[string]EventFlags{"events": c.Events.EventFlags, "export": c.Export.EventFlags} {
			flt, err := ef.filter()
			if err != nil {
				if msg := err.Error(); !strings.Contains(msg, "--dyad") && !strings.Contains(msg, "date") && !strings.Contains(msg, "--modality") {
					t.Fatalf("%q: %s filter error %q names no flag", args, name, msg)
				}
				continue
			}
			for _, d := range []string{flt.Since, flt.Until} {
				if _, ok := ingest.ParseDate(d); d != "" && !ok {
					t.Fatalf("%q: %s filter with date %q", args, name, d)
				}
			}
			if ef.Dyad != "" && strings.Count(ef.Dyad, ",") != 1 {
				t.Fatalf("%q: %s filter from --dyad %q", args, name, ef.Dyad)
			}
		}
		for name, in := range map[string]InputFlags{"ingest": c.Ingest.InputFlags, "extract": c.Extract.InputFlags, "parse": c.Parse.InputFlags} {
			o, err := in.options()
			if err != nil {
				if !strings.Contains(err.Error(), "--published") {
					t.Fatalf("%q: %s options error %q names no flag", args, name, err)
				}
				continue
			}
			if _, ok := ingest.ParseDate(o.Published); o.Published != "" && !ok {
				t.Fatalf("%q: %s publishes on %q", args, name, o.Published)
			}
		}
	})
}

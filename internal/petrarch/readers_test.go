package petrarch

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// The readers and validation support; coding is internal/events'
// (its tests code these dictionaries, and internal/cli's run PETRARCH's
// validation records through it).

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// cannedCoder codes each sentence as a table says: Validate's own
// arithmetic, apart from any coder.
type cannedCoder map[string][]Coding

func (c cannedCoder) Code(sentence string, _ time.Time) []Coding { return c[sentence] }

func TestInflections(t *testing.T) {
	tests := []struct {
		verb string
		has  []string
		not  []string
	}{
		{"DEPART", []string{"DEPARTS", "DEPARTED", "DEPARTING"}, []string{"DEPARTES"}},
		{"ARRIVE", []string{"ARRIVES", "ARRIVED", "ARRIVING"}, []string{"ARRIVEED"}},
		{"STOP", []string{"STOPS", "STOPPED", "STOPPING"}, nil},
		{"DENY", []string{"DENIES", "DENIED", "DENYING"}, []string{"DENYS"}},
		{"REACH", []string{"REACHES", "REACHED"}, []string{"REACHS"}},
	}
	for _, tt := range tests {
		forms := map[string]bool{}
		for _, f := range inflections(tt.verb) {
			forms[f] = true
		}
		for _, h := range tt.has {
			if !forms[h] {
				t.Errorf("%s: missing %s in %v", tt.verb, h, inflections(tt.verb))
			}
		}
		for _, n := range tt.not {
			if forms[n] {
				t.Errorf("%s: unexpected %s", tt.verb, n)
			}
		}
	}
}

func TestCodeOnPrefersRestrictions(t *testing.T) {
	actors, warn, err := ReadActors(strings.NewReader("SAM [HOB]\n\t[HOBCIV <20080120]\n\t[ORCHOB 20100109-20100112]\n\t[HOBMIL 20080120-20121109]\n"), "a.txt")
	if err != nil || len(warn) > 0 {
		t.Fatal(err, warn)
	}
	a := actors[0]
	for _, c := range []struct{ date, want string }{
		{"2000-01-01", "HOBCIV"}, {"2010-01-10", "ORCHOB"}, {"2011-01-01", "HOBMIL"}, {"2014-01-01", "HOB"},
	} {
		if got := a.CodeOn(day(c.date)); got != c.want {
			t.Errorf("%s: got %s, want %s", c.date, got, c.want)
		}
	}
}

const recordsXML = `<Validation>
<Sentences>
<!-- a comment with <Sentence> inside -->
<Sentence date="20100601" id="T-1" category="VERB">
<EventCoding sourcecode="RUR" targetcode="BOR" eventcode="112"></EventCoding>
<Text>
Ruritania accused
Borduria of spying.
</Text>
<Parse>(ROOT (S (NP (NNP Ruritania))))</Parse>
</Sentence>
<Sentence date="20100601" id="T-2" category="ERROR">
<EventCoding noevents = "True"></EventCoding>
<Text>Ruritania admired Borduria.</Text>
</Sentence>
<Sentence date="20100601" id="T-3" category="ERROR">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Ruritania attacked Borduria during a football match.</Text>
</Sentence>
</Sentences>
</Validation>`

func TestReadRecordsAndValidate(t *testing.T) {
	recs, warn, err := ReadRecords(strings.NewReader(recordsXML), "r.xml")
	if err != nil || len(warn) > 0 {
		t.Fatal(err, warn)
	}
	if len(recs) != 3 || recs[0].Text != "Ruritania accused Borduria of spying." || len(recs[0].Expected) != 1 ||
		!recs[1].NoEvents || recs[2].Error != "sentencediscard" || !recs[2].NoEvents {
		t.Fatalf("records: %+v", recs)
	}
	coder := cannedCoder{
		"Ruritania accused Borduria of spying.":                {{Source: "RUR", Target: "BOR", Code: "112"}},
		"Ruritania attacked Borduria during a football match.": nil, // a discarded sentence codes nothing
	}
	rep := Validate(coder, recs)
	if rep.Expected != 1 || rep.Matched != 1 || rep.Extra != 0 || rep.ByCategory["VERB"].Matched != 1 {
		t.Fatalf("report: %+v", rep)
	}
	var b bytes.Buffer
	rep.Write(&b, true)
	if !strings.Contains(b.String(), "recall 100.0%") || !strings.Contains(b.String(), "T-1") {
		t.Errorf("report text:\n%s", b.String())
	}
}

// TestReadRecordsSkipsBadRecords: a broken record is a warning at its
// line; the records before and after it are read.
func TestReadRecordsSkipsBadRecords(t *testing.T) {
	good := func(id string) string {
		return `<Sentence date="20100601" id="` + id + `" category="A"><EventCoding sourcecode="RUR" targetcode="BOR" eventcode="112"/><Text>Ruritania accused Borduria.</Text></Sentence>`
	}
	tests := []struct {
		name, bad, want string
	}{
		{"bad date", `<Sentence date="1995" id="X" category="A"><Text>t</Text></Sentence>`, "want YYYYMMDD"},
		{"no text", `<Sentence date="19950101" id="X" category="A"></Sentence>`, "no <Text>"},
		{"broken xml", "<Sentence date=\"19950101\" id=\"X\"><Text>t</Text><</Sentence>", "syntax error"},
		{"unclosed", `<Sentence date="19950101" id="X"><Text>t</Text>`, "without </Sentence>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := "<Validation>\n<Sentences>\n" + good("A-1") + "\n\n" + tt.bad + "\n" + good("A-2") + "\n</Sentences>\n</Validation>\n"
			recs, warn, err := ReadRecords(strings.NewReader(doc), "r.xml")
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2 || recs[0].ID != "A-1" || recs[1].ID != "A-2" || recs[1].Line != 6 {
				t.Errorf("records %+v", recs)
			}
			if len(warn) != 1 || warn[0].Line != 5 || !strings.Contains(warn[0].Reason, tt.want) || !strings.HasPrefix(warn[0].String(), "r.xml:5: ") {
				t.Errorf("warnings %v, want one at r.xml:5 containing %q", warn, tt.want)
			}
		})
	}
	if _, warn, _ := ReadRecords(strings.NewReader("<Validation></Validation>"), "r.xml"); len(warn) != 1 || !strings.Contains(warn[0].Reason, "no <Sentence>") {
		t.Errorf("empty file: %v", warn)
	}
}

// FuzzReadRecords: any input reads without panic; every record has a
// text and a date, every warning names the file and a line of the
// input, and the records code and validate.
func FuzzReadRecords(f *testing.F) {
	f.Add(recordsXML)
	f.Add("<Validation><Sentences><Sentence date=\"20100601\" id=\"x\"><Text>a</Text></Sentence></Sentences></Validation>")
	f.Add("<Sentence date=\"2010\"><Text>a</Sentence><Sentence id=\"y\" date=\"20100101\"><Text>b</Text></Sentence>")
	f.Add("<Sentences><Sentence\tdate=\"20100601\"><EventCoding noevents=\"True\"/><Text>&amp;x</Text></Sentence>")
	c := cannedCoder{"Ruritania accused Borduria of spying.": {{Source: "RUR", Target: "BOR", Code: "112"}}}
	f.Fuzz(func(t *testing.T, s string) {
		recs, warn, err := ReadRecords(strings.NewReader(s), "r.xml")
		if err != nil {
			t.Fatalf("read error on in-memory input: %v", err)
		}
		lines := strings.Count(s, "\n") + 1
		for _, w := range warn {
			if w.File != "r.xml" || w.Line < 1 || w.Line > lines || w.Reason == "" {
				t.Fatalf("warning without file:line in 1..%d: %v", lines, w)
			}
		}
		if n := strings.Count(s, "<Sentence"); len(recs)+len(warn) > n+1 {
			t.Fatalf("%d records and %d warnings from %d <Sentence", len(recs), len(warn), n)
		}
		for _, r := range recs {
			// The date is the record's own YYYYMMDD, read back.
			if r.Text == "" || !strings.Contains(s, r.Date.Format("20060102")) || r.Line < 1 || r.Line > lines {
				t.Fatalf("bad record %+v", r)
			}
		}
		rep := Validate(c, recs)
		if rep.Matched > rep.Expected || rep.Matched > rep.Produced || len(rep.Results) != len(recs) {
			t.Fatalf("report %+v", rep)
		}
	})
}

func FuzzReadDictionaries(f *testing.F) {
	for _, name := range []string{"mini.actors.txt", "mini.agents.txt", "mini.verbs.txt", "mini.discards.txt"} {
		b, err := os.ReadFile("testdata/mini/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n")
	f.Add("--- DELAY [120] [031:031] ---\nDELAY\n- % HAVE_* [191]\n- SO IN_AND_*_OUT_AGAIN NOW [074]\n")
	f.Add("!P! = MAN, WOMAN\nCONGRESS!P! {} [~LEG]\n<!-- comment\n-->\n")
	f.Add("&FOOD_\n+RICE\n\n--- GIVE [070] ---\nGIVE {GAVE GIVEN}\n- * {&FOOD AID} (TO +) [073]\n- * (WITH) [&X\n")
	f.Add("<ISSUE CATEGORY=\"X\">\nn:refugee [REF]\n~~old v:war\n</ISSUE>\n")
	mini, err := LoadDir(os.DirFS("testdata/mini"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Every warning names the file and a line of the input; reading
		// never fails on bad content (only on I/O).
		lines := strings.Count(s, "\n") + 1
		check := func(warn []Warning, err error) {
			if err != nil {
				t.Fatalf("read error on in-memory input: %v", err)
			}
			for _, w := range warn {
				if w.File != "f.txt" || w.Line < 1 || w.Line > lines || !strings.HasPrefix(w.String(), "f.txt:") || w.Reason == "" {
					t.Fatalf("warning without file:line in range 1..%d: %v", lines, w)
				}
			}
		}
		actors, warn, err := ReadActors(strings.NewReader(s), "f.txt")
		check(warn, err)
		agents, warn, err := ReadAgents(strings.NewReader(s), "f.txt")
		check(warn, err)
		vd, warn, err := ReadVerbs(strings.NewReader(s), "f.txt")
		check(warn, err)
		_, warn, err = ReadDiscards(strings.NewReader(s), "f.txt")
		check(warn, err)
		issues, warn, err := ReadIssues(strings.NewReader(s), "f.txt")
		check(warn, err)
		for _, a := range actors {
			if len(a.Names) == 0 || len(a.Names[0]) == 0 {
				t.Fatalf("actor without a name kept: %+v", a)
			}
		}
		for _, is := range issues {
			if len(is.Forms) == 0 {
				t.Fatalf("issue without forms kept: %+v", is)
			}
		}
		// Whatever was read must compile and look up without panics.
		d := &Dictionaries{Actors: actors, Agents: agents, Verbs: vd.Blocks, Synsets: vd.Synsets}
		d.Actors = append(d.Actors, mini.Actors...)
		v := Compile(d, DefaultCompileOptions())
		words := strings.Fields(strings.ToUpper(s))
		v.Actors.Lookup(words, day("2010-06-01"))
		v.Mentions(words, day("2010-06-01"))
	})
}

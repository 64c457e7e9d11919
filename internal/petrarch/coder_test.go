package petrarch

import (
	"bytes"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

func miniCoder(t testing.TB) *Coder {
	t.Helper()
	d, err := LoadDir(os.DirFS("testdata/mini"))
	if err != nil {
		t.Fatal(err)
	}
	return NewCoder(d, tokenizer(t))
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCoderMechanics(t *testing.T) {
	c := miniCoder(t)
	tests := []struct {
		name, date, text string
		want             []string
	}{
		{"regular -ed inflection", "", "Ruritania accused Borduria of spying.", []string{"RUR>BOR:112"}},
		{"possessive agent, reciprocal code", "", "Borduria's foreign minister arrived in Syldavia on Monday.",
			[]string{"BORGOVFRM>SYL:032", "SYL>BORGOVFRM:033"}},
		{"stem actor with plural agent", "", "Ruritanian soldiers attacked Borduria.", []string{"RURMIL>BOR:190"}},
		{"agent in actor, macro", "", "Officials in Borduria condemned Ruritania.", []string{"BORGOV>RUR:122"}},
		{"agent alone", "", "Soldiers attacked Syldavia.", []string{"---MIL>SYL:190"}},
		{"prefix agent", "", "The Red Crescent Ruritania condemned Borduria.", []string{"NGORUR>BOR:122"}},
		{"compound pattern %", "", "Borduria and Syldavia met on Tuesday.", []string{"BOR>SYL:030", "SYL>BOR:030"}},
		{"adjacent pattern, compound target", "", "Ruritania signed a new trade pact with Borduria and Syldavia.",
			[]string{"RUR>BOR:085", "RUR>SYL:085"}},
		{"adjacency not met: block code", "", "Ruritania signed a trade agreement with Borduria.", []string{"RUR>BOR:081"}},
		{"multi-word synset", "", "Syldavia donated gold bars to Borduria.", []string{"SYL>BOR:071"}},
		{"no pattern: block code", "", "Syldavia donated grain to Borduria.", []string{"SYL>BOR:070"}},
		{"multi-word verb form", "", "Borduria broke off talks with Ruritania.", []string{"BOR>RUR:162"}},
		{"irregular form, pattern", "", "Borduria has broken relations with Ruritania.", []string{"BOR>RUR:161"}},
		{"[---] block without pattern", "", "Borduria broke the treaty with Ruritania.", nil},
		{"date before restriction end", "1995-03-01", "Count Rupert attacked Borduria.", []string{"RURREB>BOR:190"}},
		{"default code after restriction", "2010-03-01", "Count Rupert attacked Borduria.", []string{"RURGOV>BOR:190"}},
		{"slash code: several actors", "", "The Twin States attacked Syldavia.", []string{"RUR>SYL:190", "BOR>SYL:190"}},
		{"passive with by", "", "Syldavia was attacked by Borduria.", []string{"BOR>SYL:190"}},
		{"reported speech without target", "", "Ruritania attacked Borduria, a Syldavian official said.", []string{"RUR>BOR:190"}},
		{"source and target markers", "", "Syldavia will host Borduria for a feast.", []string{"BOR>SYL:043"}},
		{"sentence discard", "", "Ruritania attacked Borduria during a football match.", nil},
		{"story discard", "", "Ruritania attacked Borduria. The cricket test was cancelled.", nil},
		// As in PETRARCH, a speech verb takes the actor of its complement
		// clause as target ("Arnor believes Dagolath can cope").
		{"pronoun subject after that", "", "Ruritania said that it would attack Borduria.", []string{"RUR>BOR:010", "RUR>BOR:190"}},
		{"relative clause subject", "", "Syldavia, which attacked Borduria last year, is calm.", []string{"SYL>BOR:190"}},
		{"clause without actor subject is not coded", "", "Ruritania said that crowds attacked Borduria.", []string{"RUR>BOR:010"}},
		{"unknown verb", "", "Ruritania admired Borduria.", nil},
		{"an actor acting on itself is not coded", "", "Syldavia attacked Klow, its capital, on Monday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := day("2010-06-01")
			if tt.date != "" {
				d = day(tt.date)
			}
			var got []string
			for _, cd := range c.Code(tt.text, d) {
				got = append(got, cd.String())
			}
			want := append([]string(nil), tt.want...)
			sort.Strings(got)
			sort.Strings(want)
			if len(got) == 0 && len(want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q\n got  %v\n want %v", tt.text, got, want)
			}
		})
	}
}

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
	rep := Validate(miniCoder(t), recs)
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
	c := miniCoder(f)
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
	c := miniCoder(f)
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
		// Whatever was read must compile and code without panics.
		d := &Dictionaries{Actors: actors, Agents: agents, Verbs: vd.Blocks, Synsets: vd.Synsets}
		d.Actors = append(d.Actors, c.d.Actors...)
		v := Compile(d, DefaultCompileOptions())
		v.Actors.Lookup(strings.Fields(strings.ToUpper(s)), day("2010-06-01"))
		NewCoder(d, c.tok).Code("Ruritania accused Borduria of spying, officials said.", day("2010-06-01"))
		c.Code(s, day("2010-06-01"))
	})
}

func BenchmarkCode(b *testing.B) {
	c := miniCoder(b)
	sents := []string{
		"Borduria's foreign minister arrived in Syldavia on Monday.",
		"Ruritania signed a new trade pact with Borduria and Syldavia, officials in Klow said.",
		"Officials in Borduria condemned Ruritania after soldiers attacked Syldavia.",
	}
	d := day("2010-06-01")
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range sents {
			c.Code(s, d)
		}
	}
}

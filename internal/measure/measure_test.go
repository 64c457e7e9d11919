package measure

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
)

// analyzer tokenises and tags as the pipeline does.
var analyzer = func() *text.Analyzer {
	p, err := syntax.Default()
	if err != nil {
		panic(err)
	}
	o := text.DefaultOptions()
	o.Tagger = p
	return text.New(o)
}()

func find(f *Finder, s string) []string {
	toks := analyzer.Tokenize(s, model.Span{End: len(s)})
	var out []string
	for _, q := range f.Find(s, toks, 0) {
		if s[q.Start:q.End] != q.Text {
			panic("inexact span")
		}
		r := fmt.Sprintf("%s=%g %s", q.Text, q.Value, q.Unit)
		for _, a := range q.Also {
			r += fmt.Sprintf(" (%g %s)", a.Value, a.Unit)
		}
		out = append(out, r)
	}
	return out
}

func TestFind(t *testing.T) {
	f := New(DefaultOptions())
	tests := []struct {
		in   string
		want []string
	}{
		{"The boats, with a crew of 19, sailed.", []string{"a crew of 19=19 person"}},
		{"ships about to cross the 44-kilometer (24-nautical mile) limit", []string{"44-kilometer (24-nautical mile)=44 km (24 nmi)"}},
		{"a 12-mile (19 km) zone", []string{"12-mile (19 km)=12 mi (19 km)"}},
		{"a 44-kilometer (50-nautical mile) limit", []string{"44-kilometer=44 km", "50-nautical mile=50 nmi"}},
		{"The US pledged $5 billion in aid.", []string{"$5 billion=5e+09 USD"}},
		{"a package of €2.5 billion and £300 million", []string{"€2.5 billion=2.5e+09 EUR", "£300 million=3e+08 GBP"}},
		{"They paid 5 million dollars and 40 billion yuan and 2bn rubles.", []string{"5 million dollars=5e+06 USD", "40 billion yuan=4e+10 CNY", "2bn rubles=2e+09 RUB"}},
		{"US$3.2 billion", []string{"US$3.2 billion=3.2e+09 USD"}},
		{"a $5m grant and £40k fine, $1.2bn deal", []string{"$5m=5e+06 USD", "£40k=40000 GBP", "$1.2bn=1.2e+09 USD"}},
		{"dropped 2,000-pound bombs", []string{"2,000-pound=2000 lb"}},
		{"More than 20,000 civilians fled.", []string{"20,000 civilians=20000 person"}},
		{"Russia fired 35 missiles and 60 drones.", []string{"35 missiles=35 item", "60 drones=60 item"}},
		{"500 North Korean troops arrived", []string{"500 North Korean troops=500 person"}},
		{"three Chinese warships and twenty-five jets", []string{"three Chinese warships=3 item", "twenty-five jets=25 item"}},
		{"1,500 tonnes of food and 3.5 tons of fuel, 200 kg", []string{"1,500 tonnes=1500 t", "3.5 tons=3.5 t", "200 kg=200 kg"}},
		{"about 200 km west, 108 nautical miles", []string{"200 km=200 km", "108 nautical miles=108 nmi"}},
		{"Inflation rose to 3.7% or 4 percent, 2 per cent", []string{"3.7%=3.7 percent", "4 percent=4 percent", "2 per cent=2 percent"}},
		{"a siege of 90 days lasting 3 years", []string{"90 days=90 day", "3 years=3 year"}},
		{"an area of 1,200 square kilometers", []string{"1,200 square kilometers=1200 km2"}},
		{"Nearly 11 million people were displaced.", []string{"11 million people=1.1e+07 person"}},
		{"a dozen soldiers and a force of 5,000 troops", []string{"a dozen soldiers=12 person", "a force of 5,000 troops=5000 person"}},
		{"the 10km stretch", []string{"10km=10 km"}},
		// Not quantities.
		{"The war began in 2016 and the 2016 ruling stands.", nil},
		{"The Kuang Hua VI boats and Hsiung Feng II missiles", nil},
		{"Call 202-555-0100 or +44 20 7946 0958 now.", nil},
		{"On March 9, 2024 and 09 January 2025 at 10:30", nil},
		{"one of the ships; one day he left; Resolution 2231", nil},
		{"192 Fleet and No. 5 and 1,50 odd", nil},
		{"the 1990s were calm", nil},
	}
	for _, tt := range tests {
		got := find(f, tt.in)
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%q\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestProcess(t *testing.T) {
	f := New(DefaultOptions())
	art := model.NewArticle()
	art.Body = "Intro.\nIt fired 12 rockets."
	art.Sentences = []model.Sentence{{Index: 0, Start: 0, End: 6, Text: "Intro."}, {Index: 1, Start: 7, End: 26, Text: "It fired 12 rockets."}}
	// No tokens: the finder tokenises itself.
	if err := f.Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if len(art.Quantities) != 1 || art.Quantities[0].Text != "12 rockets" || art.Quantities[0].Sentence != 1 ||
		art.Body[art.Quantities[0].Start:art.Quantities[0].End] != "12 rockets" || art.Quantities[0].Also == nil {
		t.Fatalf("quantities = %+v", art.Quantities)
	}
}

func TestLexicon(t *testing.T) {
	for name, data := range map[string]string{
		unitsFile: "km\tkm\t1\n",
		dimsFile:  "km\tlength\tx\n",
	} {
		_, err := NewFromLexicon(fstest.MapFS{name: {Data: []byte(data)}})
		if err == nil || !strings.Contains(err.Error(), name+":1") {
			t.Errorf("%s: err = %v, want file:line", name, err)
		}
	}
	_, err := NewFromLexicon(fstest.MapFS{unitsFile: {Data: []byte("km\tkm\t1\tweird\n")}})
	if err == nil {
		t.Error("unknown kind accepted")
	}
	// A user root adds a unit.
	user := fstest.MapFS{unitsFile: {Data: []byte("# extra\nleagues\tleague\t1\tunit\n")}}
	f, err := NewFromLexicon(builtin(t), user)
	if err != nil {
		t.Fatal(err)
	}
	if got := find(f, "twenty leagues under"); len(got) != 1 || got[0] != "twenty leagues=20 league" {
		t.Errorf("user unit ignored: %q", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"a crew of 19", "44-kilometer (24-nautical mile)", "$5 billion", "US$ 3,000,000.5 bn", "1,5,0 km", "a a of of 1"} {
		f.Add(s)
	}
	fd := New(DefaultOptions())
	an := text.New(text.DefaultOptions())
	f.Fuzz(func(t *testing.T, s string) {
		toks := an.Tokenize(s, model.Span{End: len(s)})
		prev := 0
		for _, q := range fd.Find(s, toks, 0) {
			if q.Start < prev || q.End <= q.Start || q.End > len(s) || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad quantity %+v in %q", q, s)
			}
			prev = q.End
		}
	})
}

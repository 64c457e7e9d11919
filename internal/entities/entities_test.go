package entities

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sitrep-project/sitrep/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// annotation is one expected mention: [[TYPE text]] or [[TYPE=Entity text]];
// AFF is a place named as an affiliation (a demonym: "[[AFF Syrian]] troops").
type annotation struct {
	typ, entity string
	start, end  int
	affil       bool
}

var annRE = regexp.MustCompile(`\[\[(PER|ORG|LOC|EQP|AFF)(?:=([^|\]]+)\|)? ?([^\]]+?)\]\]`)

// parseAnnotated turns annotated text into plain text and expectations:
// "[[PER Kim Hong-kyun]]" is a PERSON mention, "[[PER=Daniel Hagari|He]]"
// the mention "He" of the entity named "Daniel Hagari".
func parseAnnotated(s string) (string, []annotation) {
	var b strings.Builder
	var anns []annotation
	last := 0
	for _, m := range annRE.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		typ := s[m[2]:m[3]]
		ent := ""
		if m[4] >= 0 {
			ent = s[m[4]:m[5]]
		}
		start := b.Len()
		b.WriteString(s[m[6]:m[7]])
		anns = append(anns, annotation{typ: map[string]string{"PER": model.TypePerson, "ORG": model.TypeOrg, "LOC": model.TypePlace, "EQP": model.TypeEquipment, "AFF": model.TypePlace}[typ], entity: ent, start: start, end: b.Len(), affil: typ == "AFF"})
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String(), anns
}

func TestParseAnnotated(t *testing.T) {
	text, anns := parseAnnotated("[[PER Kim Hong-kyun]] met [[PER=Kim Hong-kyun|him]] in [[LOC Seoul]].")
	if text != "Kim Hong-kyun met him in Seoul." || len(anns) != 3 {
		t.Fatalf("got %q %v", text, anns)
	}
	if a := anns[1]; a.entity != "Kim Hong-kyun" || text[a.start:a.end] != "him" || a.typ != model.TypePerson {
		t.Fatalf("got %+v", a)
	}
}

// expect is what an article must yield beyond its annotations.
type expect struct {
	name, typ, code string
	roles           []string
	lat, lon        float64 // checked when not both zero (50 km)
}

func TestRegionalArticles(t *testing.T) {
	cases := []struct {
		file string
		want []expect
	}{
		{"gaza.txt", []expect{
			{name: "Daniel Hagari", typ: model.TypePerson, code: "ISRMIL", roles: []string{"spokesman", "rear admiral"}},
			{name: "Israel Defense Forces", typ: model.TypeOrg, code: "ISRMIL"},
			{name: "Hamas", typ: model.TypeOrg, code: "PSE"},
			{name: "Gaza Strip", typ: model.TypePlace, code: "PSE", lat: 31.42, lon: 34.36},
			{name: "Antonio Guterres", typ: model.TypePerson, code: "IGOUNO", roles: []string{"secretary-general"}},
			{name: "Cairo", typ: model.TypePlace, code: "EGYGOV", lat: 30.04, lon: 31.24},
			{name: "Reuters", typ: model.TypeOrg, code: "GBRMED"},
		}},
		{"addis.txt", []expect{
			{name: "African Union", typ: model.TypeOrg, code: "IGOAFRAFU"},
			{name: "Addis Ababa", typ: model.TypePlace, code: "ETHGOV", lat: 9.03, lon: 38.74},
			{name: "William Ruto", typ: model.TypePerson, code: "KENGOV", roles: []string{"president"}},
			{name: "Abiy Ahmed", typ: model.TypePerson, code: "ETHGOV", roles: []string{"prime minister"}},
			{name: "Darfur", typ: model.TypePlace, code: "SDN"},
			{name: "Jeddah", typ: model.TypePlace, code: "SAU", lat: 21.49, lon: 39.19},
			{name: "Moussa Faki Mahamat", typ: model.TypePerson, roles: []string{"chairman"}},
			{name: "Rapid Support Forces", typ: model.TypeOrg, code: "SDNREB"},
		}},
		{"border.txt", []expect{
			{name: "Tomasz Siemoniak", typ: model.TypePerson, code: "POLGOV", roles: []string{"interior minister"}},
			{name: "Minsk", typ: model.TypePlace, code: "BLRGOV", lat: 53.90, lon: 27.56},
			{name: "Warsaw", typ: model.TypePlace, code: "POLGOV", lat: 52.23, lon: 21.01},
			{name: "NATO", typ: model.TypeOrg, code: "IGOWSTNAT"},
			{name: "European Union", typ: model.TypeOrg, code: "IGOEUREEC"},
			{name: "Kremlin", typ: model.TypeOrg, code: "RUSGOV"},
		}},
		{"essequibo.txt", []expect{
			{name: "Nicolas Maduro", typ: model.TypePerson, code: "VENGOV", roles: []string{"president"}},
			{name: "Irfaan Ali", typ: model.TypePerson, code: "GUYGOV", roles: []string{"president"}},
			{name: "Essequibo", typ: model.TypePlace, code: "GUY"},
			{name: "Georgetown", typ: model.TypePlace, code: "GUYGOV", lat: 6.80, lon: -58.16},
			{name: "UN Security Council", typ: model.TypeOrg, code: "IGOUNO"},
			{name: "Guyana Defence Force", typ: model.TypeOrg, code: "GUYMIL"},
			{name: "foreign ministry", typ: model.TypeOrg, code: "BRAGOV"},
			{name: "Luis Almagro", typ: model.TypePerson, code: "IGOOAS", roles: []string{"secretary general"}},
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			body, anns := parseAnnotated(string(raw))
			art := analyse(t, "", nil, body)
			for _, a := range anns {
				if !hasMention(art, a) {
					t.Errorf("no %s mention %q (entity %q)", a.typ, body[a.start:a.end], a.entity)
				}
			}
			for _, w := range c.want {
				e := findEntity(art, w.name, w.typ)
				if e == nil {
					t.Errorf("entity %s %q not found", w.typ, w.name)
					continue
				}
				if code := model.Deref(e.Code); !strings.HasPrefix(code, w.code) {
					t.Errorf("%s: code %q, want prefix %q", w.name, code, w.code)
				}
				for _, r := range w.roles {
					if !hasRole(e.Roles, r) {
						t.Errorf("%s: roles %v lack %q", w.name, e.Roles, r)
					}
				}
				if w.lat != 0 || w.lon != 0 {
					if e.Lat == nil || haversine(*e.Lat, *e.Lon, w.lat, w.lon) > 50 {
						t.Errorf("%s: coordinates %v,%v, want near %v,%v", w.name, e.Lat, e.Lon, w.lat, w.lon)
					}
				}
			}
			golden(t, strings.TrimSuffix(c.file, ".txt")+".golden.json", art.Entities)
		})
	}
}

// checkAnnotated analyses annotated text ("[[PER Kim]] said") and
// reports every annotation the entity stage did not find; it returns the
// analysed article for further checks.
func checkAnnotated(t *testing.T, text string) *model.Article {
	t.Helper()
	body, anns := parseAnnotated(text)
	art := analyse(t, "", nil, body)
	for _, a := range anns {
		if !hasMention(art, a) {
			t.Errorf("no %s mention %q (entity %q); got %v", a.typ, body[a.start:a.end], a.entity, mentionsOf(art))
		}
	}
	return art
}

// annotatedOrg is an annotated sentence whose first annotation is an
// organisation that must carry code.
type annotatedOrg struct{ region, text, code string }

// checkOrgCodes runs each case as a subtest: its first annotation is an
// organisation with the case's code and, with whole, no mention inside
// it is of another type.
func checkOrgCodes(t *testing.T, cases []annotatedOrg, whole bool) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.region, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			body, anns := parseAnnotated(c.text)
			name := body[anns[0].start:anns[0].end]
			if whole {
				for _, e := range art.Entities {
					for _, m := range e.Mentions {
						if m.Span().Overlaps(model.Span{Start: anns[0].start, End: anns[0].end}) && e.Type != model.TypeOrg {
							t.Errorf("%q inside the organisation %q is a %s", m.Text, name, e.Type)
						}
					}
				}
			}
			if e := findEntity(art, name, model.TypeOrg); e == nil {
				t.Errorf("%q: no organisation %q in %v", c.text, name, mentionsOf(art))
			} else if model.Deref(e.Code) != c.code {
				t.Errorf("%q: %s has code %v, want %s", c.text, name, model.Deref(e.Code), c.code)
			}
		})
	}
}

func hasMention(art *model.Article, a annotation) bool {
	span := model.Span{Start: a.start, End: a.end}
	for _, e := range art.Entities {
		if e.Type != a.typ || a.entity != "" && e.Name != a.entity {
			continue
		}
		ms := e.Mentions
		if a.affil {
			ms = e.Affiliations
		}
		for _, m := range ms {
			if m.Span().Overlaps(span) {
				return true
			}
		}
	}
	return false
}

// golden compares v with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the output (run go test -update after checking the change)", path)
	}
}

// TestSnippets covers single constructions, good and bad side by side.
func TestSnippets(t *testing.T) {
	cases := []struct {
		name, text string
		want       []expect
		absent     []string // entity names that must not exist
	}{
		{"title before name", "Russian Defence Minister Andrei Belousov visited the front.",
			[]expect{{name: "Andrei Belousov", typ: model.TypePerson, code: "RUSGOV", roles: []string{"defence minister"}}}, nil},
		{"abbreviated rank", "Gen. Charles Brown met Japanese officials in Tokyo.",
			[]expect{{name: "Charles Brown", typ: model.TypePerson, code: "", roles: []string{"general"}}, {name: "Tokyo", typ: model.TypePlace, code: "JPNGOV", lat: 35.68, lon: 139.69}}, nil},
		{"metonymy", "Washington said on Monday that Beijing must stop.",
			[]expect{{name: "Washington", typ: model.TypePlace, code: "USAGOV"}, {name: "Beijing", typ: model.TypePlace, code: "CHNGOV"}}, nil},
		{"square is a place", "Crowds gathered in Tiananmen Square and in Red Square.",
			[]expect{{name: "Tiananmen Square", typ: model.TypePlace, code: "CHN"}, {name: "Red Square", typ: model.TypePlace, code: "RUS"}}, []string{"Tiananmen"}},
		{"sentence-initial word is no name", "Civilian aircraft were grounded. Landing sites are few.",
			nil, []string{"Civilian", "Landing"}},
		{"months and weekdays", "In March and on Friday the talks resumed.",
			nil, []string{"March", "Friday"}},
		{"former", "Boris Johnson, a former prime minister, said he would return.",
			[]expect{{name: "Boris Johnson", typ: model.TypePerson, roles: []string{"prime minister"}}}, nil},
		{"equipment", "Ukraine received HIMARS launchers and S-400 systems were destroyed.",
			[]expect{{name: "HIMARS", typ: model.TypeEquipment}, {name: "S-400", typ: model.TypeEquipment}}, nil},
		{"ambiguous system needs context", "Patriot fans cheered in Boston.",
			nil, []string{"Patriot"}},
		{"think tank", "Analysts at the Lowy Institute in Sydney disagreed.",
			[]expect{{name: "Lowy Institute", typ: model.TypeOrg, code: "AUS"}}, nil},
		{"said NAME, role", `"We will respond," said Maria Zakharova, the Russian foreign ministry spokeswoman.`,
			[]expect{{name: "Maria Zakharova", typ: model.TypePerson, code: "RUSGOV", roles: []string{"spokeswoman"}}}, nil},
		{"honorific", "Mr. Erdogan met Dr. Fiona Hill of the Brookings Institution in Washington.",
			[]expect{{name: "Erdogan", typ: model.TypePerson}, {name: "Fiona Hill", typ: model.TypePerson}, {name: "Brookings Institution", typ: model.TypeOrg, code: "USA"}}, []string{"Mr. Erdogan", "Dr. Fiona Hill"}},
		{"surname and short form", "Chinese President Xi Jinping met President Biden. Joe Biden said Xi agreed.",
			[]expect{{name: "Xi Jinping", typ: model.TypePerson, code: "CHNGOV"}, {name: "Joe Biden", typ: model.TypePerson}}, []string{"Xi", "Biden"}},
		{"village is no person", "Migrants gathered near the village of Nowe Dwory on the border.",
			nil, []string{"Nowe Dwory"}},
		{"month as surname", "Former British Prime Minister Theresa May said in May that talks failed.",
			[]expect{{name: "Theresa May", typ: model.TypePerson, code: "GBRELI", roles: []string{"prime minister"}}}, []string{"May"}},
		{"hyphenated title", "President-elect Donald Trump met Mexican President Claudia Sheinbaum.",
			[]expect{{name: "Donald Trump", typ: model.TypePerson, roles: []string{"president-elect"}}, {name: "Claudia Sheinbaum", typ: model.TypePerson, code: "MEXGOV"}}, nil},
		{"headline caps", "BREAKING NEWS TODAY from the region.",
			nil, []string{"BREAKING NEWS TODAY"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			for _, w := range c.want {
				e := findEntity(art, w.name, w.typ)
				if e == nil {
					t.Errorf("entity %s %q not found in %v", w.typ, w.name, names(art))
					continue
				}
				if !strings.HasPrefix(model.Deref(e.Code), w.code) {
					t.Errorf("%s: code %q, want %q", w.name, model.Deref(e.Code), w.code)
				}
				for _, r := range w.roles {
					if !hasRole(e.Roles, r) {
						t.Errorf("%s: roles %v lack %q", w.name, e.Roles, r)
					}
				}
				if w.lat != 0 && (e.Lat == nil || haversine(*e.Lat, *e.Lon, w.lat, w.lon) > 50) {
					t.Errorf("%s: bad coordinates", w.name)
				}
			}
			for _, n := range c.absent {
				if findEntity(art, n, "") != nil {
					t.Errorf("unexpected entity %q", n)
				}
			}
		})
	}
}

func names(art *model.Article) []string {
	var out []string
	for _, e := range art.Entities {
		out = append(out, e.Type+":"+e.Name)
	}
	return out
}

func TestFormerFlag(t *testing.T) {
	for _, c := range []struct {
		text, name, code string
		former           bool
	}{
		{"Sergei Ivanov, then Russia's defence minister, visited Minsk.", "Sergei Ivanov", "RUS", true},
		{"Former British Prime Minister Theresa May spoke.", "Theresa May", "GBR", true},
		{"Ex-President Jair Bolsonaro of Brazil spoke.", "Jair Bolsonaro", "BRAELI", true},
		{"Sergei Ivanov, then Russia's defence minister, visited Minsk.", "Sergei Ivanov", "RUSGOV", true},
		{"British Prime Minister Keir Starmer spoke.", "Keir Starmer", "GBR", false},
	} {
		art := analyse(t, "", nil, c.text)
		e := findEntity(art, c.name, model.TypePerson)
		if e == nil || e.Former != c.former || !strings.HasPrefix(model.Deref(e.Code), c.code) {
			t.Errorf("%q: got %+v", c.text, e)
		}
	}
}

func TestLoadLexiconErrors(t *testing.T) {
	good := fstest.MapFS{"entities/roles.tsv": {Data: []byte("# c\nwarlord\tREB\tm\t\n")}}
	bad := []struct {
		name, file, data, want string
	}{
		{"short line", "entities/roles.tsv", "# header\npresident\n", "entities/roles.tsv:2:"},
		{"bad country code", "entities/countries.tsv", "xx\tXX\tName\t\t\t\t\t\t1\t2\t\n", "entities/countries.tsv:1: bad alpha-3"},
		{"bad latitude", "entities/features.tsv", "Nowhere\t\t-\t99\t0\tsea\n", "entities/features.tsv:1: bad latitude"},
		{"bad orgtype mode", "entities/orgtypes.tsv", "agency\tGOV\tsometimes\n", "entities/orgtypes.tsv:1: mode"},
		{"bad orgtype mode in a list", "entities/orgtypes.tsv", "agency\tGOV\tboth,crowds\n", "entities/orgtypes.tsv:1: mode \"crowds\""},
		{"bad igo code", "entities/igos.tsv", "UNO\tUnited Nations\t\n", "entities/igos.tsv:1: IGO code"},
	}
	base := testLexicon(t)
	_ = base
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadLexicon(fstest.MapFS{c.file: {Data: []byte(c.data)}})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
	l, err := LoadLexicon(good)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := l.Sector("warlord"); !ok || s != "REB" {
		t.Fatalf("user role not loaded: %q %v", s, ok)
	}
}

func TestUserRootOverrides(t *testing.T) {
	lx := testLexicon(t)
	_ = lx
	root := fstest.MapFS{"entities/media.tsv": {Data: []byte("Ostfront Kurier\tDEU\t\n")}}
	l, err := LoadLexicon(builtinRootForTest(t), root)
	if err != nil {
		t.Fatal(err)
	}
	art := model.NewArticle()
	art.Body = "The Ostfront Kurier reported heavy fighting."
	art.Sentences = []model.Sentence{{Index: 0, Start: 0, End: len(art.Body), Text: art.Body}}
	if err := New(l, DefaultOptions()).Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if e := findEntity(art, "Ostfront Kurier", model.TypeOrg); e == nil || model.Deref(e.Code) != "DEUMED" {
		t.Fatalf("user media entry not used: %v", names(art))
	}
}

func TestLexiconLookups(t *testing.T) {
	l := testLexicon(t)
	if l.Countries() < 195 {
		t.Errorf("only %d countries", l.Countries())
	}
	c, ok := l.Country("KOR")
	if !ok || c.Capital != "Seoul" || c.Alpha2 != "KR" {
		t.Errorf("Country(KOR) = %+v", c)
	}
	if _, ok := l.Country("XYZ"); ok {
		t.Error("Country(XYZ) found")
	}
	for _, n := range []string{"Kaohsiung", "Washington", "Taiwan Strait", "Kim Il Sung Square", "Lagos"} {
		if p, ok := l.Place(n); !ok || p.Lat == 0 {
			t.Errorf("Place(%q) = %+v, %v", n, p, ok)
		}
	}
	if p, _ := l.Place("Kaohsiung"); haversine(p.Lat, p.Lon, 22.62, 120.30) > 50 || p.Country != "TWN" {
		t.Errorf("Kaohsiung = %+v", p)
	}
	if a, ok := l.Demonym("North Korean"); !ok || a != "PRK" {
		t.Errorf("Demonym(North Korean) = %q", a)
	}
	if a, ok := l.Demonym("Iraqis"); !ok || a != "IRQ" {
		t.Errorf("Demonym(Iraqis) = %q", a)
	}
	// plurals of person demonyms in -s, not of adjectives, and never a
	// country's own name
	for d, want := range map[string]string{"Serbs": "SRB", "Swedes": "SWE", "Poles": "POL", "Uzbeks": "UZB", "Filipinos": "PHL", "Croats": "HRV"} {
		if a, ok := l.Demonym(d); !ok || a != want {
			t.Errorf("Demonym(%s) = %q, want %s", d, a, want)
		}
	}
	for _, d := range []string{"Icelandics", "Chineses", "Swisss"} {
		if a, ok := l.Demonym(d); ok {
			t.Errorf("Demonym(%s) = %q, want none", d, a)
		}
	}
	if c, ok := l.Country("PHL"); !ok || slices.Contains(c.Demonyms, "Philippines") || !slices.Contains(c.Demonyms, "Filipinos") {
		t.Errorf("Philippine demonyms %v: the plural of the adjective is the country's name", c.Demonyms)
	}
	if _, ok := l.Place("Nowhereville Upon Nothing"); ok {
		t.Error("found a place that does not exist")
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	art := model.NewArticle()
	art.Body = "Kim said."
	art.Sentences = []model.Sentence{{Start: 0, End: len(art.Body), Text: art.Body}}
	if err := New(testLexicon(t), DefaultOptions()).Process(ctx, art); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

package petrarch

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// phoenixDir is the unpacked Phoenix set beside the repository.
func phoenixDir(t testing.TB) string {
	t.Helper()
	return filepath.Dir(testutil.Shared(t, "petrarch/phoenix/CAMEO.2.0.txt"))
}

// embedded loads the Phoenix set compiled into the binary; tests share
// one load (it is read-only).
var embedded = sync.OnceValues(func() (*Vocabulary, error) {
	return NewStandard(sitrep.Lexicon, PhoenixDir, DefaultCompileOptions()).Vocabulary()
})

func phoenix(t testing.TB) *Vocabulary {
	t.Helper()
	v, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestPhoenixLoadsWithWarningsOnly: every file of the real set loads;
// its known typos are warnings at their lines, nothing else is lost.
func TestPhoenixLoadsWithWarningsOnly(t *testing.T) {
	d, err := LoadDir(os.DirFS(phoenixDir(t)))
	if err != nil {
		t.Fatal(err)
	}
	min := map[string]FileSummary{
		"CAMEO.2.0.txt":                    {Verbs: 1700, Patterns: 4600, Synsets: 40},
		"Phoenix.Countries.actors.txt":     {Actors: 18000, Roles: 28000},
		"Phoenix.International.actors.txt": {Actors: 7500, Roles: 7500},
		"Phoenix.MilNonState.actors.txt":   {Actors: 1000, Roles: 1000},
		"Phoenix.agents.txt":               {Agents: 2200},
		"Phoenix.discards.txt":             {Discards: 500},
		"Phoenix.IssueCoding.txt":          {Issues: 3000},
	}
	for _, s := range d.Files {
		m, ok := min[s.Name]
		if !ok {
			t.Errorf("unexpected file %s", s.Name)
			continue
		}
		delete(min, s.Name)
		if s.Verbs < m.Verbs || s.Patterns < m.Patterns || s.Synsets < m.Synsets || s.Actors < m.Actors ||
			s.Roles < m.Roles || s.Agents < m.Agents || s.Discards < m.Discards || s.Issues < m.Issues {
			t.Errorf("%s: read %+v, want at least %+v", s.Name, s, m)
		}
	}
	for name := range min {
		t.Errorf("%s not loaded", name)
	}
	for _, want := range []string{
		"Phoenix.Countries.actors.txt:2039: date \"9008223\" has 7 digits",
		"Phoenix.Countries.actors.txt:18010: date \"201005011\" has 9 digits",
		"Phoenix.Countries.actors.txt:22508: date \"1920030320\" has 10 digits",
		"Phoenix.Countries.actors.txt:31715: code \"MNEGOV 20121204\": a date without",
		"Phoenix.Countries.actors.txt:15346: unbalanced",
		"Phoenix.agents.txt:1927: agent without [code]",
		"CAMEO.2.0.txt:8443: undefined synset &WEATHER",
		"CAMEO.2.0.txt:5787: code \"080!\" is not a CAMEO event code",
	} {
		found := false
		for _, w := range d.Warnings {
			found = found || strings.HasPrefix(w.String(), want)
		}
		if !found {
			t.Errorf("no warning %q", want)
		}
	}
	if len(d.Warnings) > 60 {
		t.Errorf("%d warnings: the reader misreads good lines\n%v", len(d.Warnings), d.Warnings)
	}
}

// TestEmbeddedPhoenixIsTheSharedSet: the copy compiled in reads the same
// as the unpacked files.
func TestEmbeddedPhoenixIsTheSharedSet(t *testing.T) {
	d, err := LoadDir(os.DirFS(phoenixDir(t)))
	if err != nil {
		t.Fatal(err)
	}
	std := NewStandard(sitrep.Lexicon, PhoenixDir, DefaultCompileOptions())
	e, err := std.Dictionaries()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Files, e.Files) || !reflect.DeepEqual(d.Warnings, e.Warnings) {
		t.Errorf("embedded %+v\nshared %+v", e.Files, d.Files)
	}
}

func words(s string) []string { return strings.Fields(strings.ToUpper(s)) }

// TestActorsLookupByDate: a leader is coded with the role he holds on
// the day (government for his term, elite before or after).
func TestActorsLookupByDate(t *testing.T) {
	v := phoenix(t)
	tests := []struct {
		phrase, date, want string
		n                  int
	}{
		{"Vladimir Putin said", "1995-06-01", "RUSELI", 2},
		{"Putin said", "2005-06-01", "RUSGOV", 1},
		{"President Putin", "2015-06-01", "RUSGOV", 2},
		{"Angela Merkel", "2003-06-01", "DEUELI", 2},
		{"Chancellor Merkel", "2010-06-01", "DEUGOV", 2},
		{"Barack Obama", "2012-06-01", "USAGOV", 2},
		{"Kofi Annan", "2000-06-01", "IGOUNO", 2},
		{"Kofi Annan", "2012-06-01", "ELI", 2},
		{"Sudan", "2010-06-01", "SDN", 1},
		{"Kenyan officials", "2010-06-01", "KEN", 1},
		{"the Red Crescent", "2010-06-01", "", 0},
		{"Red Crescent workers", "2010-06-01", "NGOHLHIRC", 2},
	}
	for _, tt := range tests {
		t.Run(tt.phrase+"@"+tt.date, func(t *testing.T) {
			code, n, ok := v.Actors.Lookup(words(tt.phrase), day(tt.date))
			if code != tt.want || n != tt.n || ok != (tt.want != "") {
				t.Errorf("Lookup = %q, %d, %v; want %q, %d", code, n, ok, tt.want, tt.n)
			}
		})
	}
	// A name whose roles all lie outside the day is found (n > 0) but
	// has no code: the coder skips it rather than guessing.
	if code, n, ok := v.Actors.Lookup(words("Barack Obama"), day("2005-01-01")); ok || n != 2 || code != "" {
		t.Errorf("Obama between his roles: %q %d %v", code, n, ok)
	}
}

// TestGroupCombinesAgents: a country or demonym (or a named group) with
// an agent noun gives the combined code, as PETRARCH writes it.
func TestGroupCombinesAgents(t *testing.T) {
	v := phoenix(t)
	tests := []struct {
		phrase, want string
		n            int
	}{
		{"Sudanese soldiers", "SDNMIL", 2},
		{"Taliban fighters", "AFGREBUAF", 2},
		{"Kenyan police", "KENCOP", 2},
		{"Colombian rebels", "COLREB", 2},
		{"Israeli settlers", "ISRCVL", 2},
		{"Iranian students", "IRNEDU", 2},
		{"soldiers from Mali", "MLIMIL", 3},
		{"gunmen", "---UAF", 1},
		{"police", "---COP", 1},
		{"Myanmar", "MMR", 1},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			code, n, ok := v.Group(words(tt.phrase), day("2012-06-01"))
			if code != tt.want || n != tt.n || !ok {
				t.Errorf("Group = %q, %d, %v; want %q, %d", code, n, ok, tt.want, tt.n)
			}
		})
	}
	if _, _, ok := v.Group(words("the weather"), day("2012-06-01")); ok {
		t.Error("a plain noun phrase coded as an actor")
	}
	// Agents alone keep their agents, so that a coder can give them the
	// country of the place.
	if g, ok := v.MatchGroup(words("unidentified gunmen"), day("2012-06-01")); !ok || g.N != 2 || g.Code() != "---REB" {
		t.Errorf("unidentified gunmen (one Phoenix agent): %+v %s", g, g.Code())
	}
	if g, ok := v.MatchGroup(words("gunmen opened fire"), day("2012-06-01")); !ok || g.Actor != nil || Combine("NGA", g.Agents...) != "NGAUAF" {
		t.Errorf("gunmen: %+v", g)
	}
}

func TestMentions(t *testing.T) {
	v := phoenix(t)
	got := v.Mentions(words("Kenyan police and Somali militants clashed near the border with Ethiopia"), day("2012-06-01"))
	var codes []string
	for _, m := range got {
		codes = append(codes, fmt.Sprintf("%d-%d:%s", m.Start, m.End, m.Code()))
	}
	want := []string{"0-2:KENCOP", "3-5:SOMUAF", "10-11:ETH"}
	if !reflect.DeepEqual(codes, want) {
		t.Errorf("Mentions = %v, want %v", codes, want)
	}
}

func TestCombine(t *testing.T) {
	mil := &Agent{Code: "MIL"}
	gov := &Agent{Code: "GOV"}
	ngo := &Agent{Code: "NGO", Prefix: true}
	tests := []struct {
		actor  string
		agents []*Agent
		want   string
	}{
		{"SDN", []*Agent{mil}, "SDNMIL"},
		{"USAGOV", []*Agent{gov}, "USAGOV"},
		{"", []*Agent{mil}, "---MIL"},
		{"KEN", []*Agent{ngo}, "NGOKEN"},
		{"BRA", nil, "BRA"},
		{"IND", []*Agent{gov, mil}, "INDGOVMIL"},
	}
	for _, tt := range tests {
		if got := Combine(tt.actor, tt.agents...); got != tt.want {
			t.Errorf("Combine(%q, ...) = %q, want %q", tt.actor, got, tt.want)
		}
	}
}

// TestVerbTable: verbs are found by any of their forms and carry their
// block's patterns, most specific first, with typed elements.
func TestVerbTable(t *testing.T) {
	v := phoenix(t)
	find := func(form, lemma string) *VerbEntry {
		t.Helper()
		for _, e := range v.Verbs.ByForm(form) {
			if strings.Join(e.Phrase, " ") == lemma {
				return e
			}
		}
		t.Fatalf("form %s: no verb %s among %d", form, lemma, len(v.Verbs.ByForm(form)))
		return nil
	}
	agree := find("AGREED", "AGREE")
	if agree.Code != "050" || len(agree.Patterns) < 10 {
		t.Fatalf("AGREE: code %s, %d patterns", agree.Code, len(agree.Patterns))
	}
	var ceasefire *VerbPattern
	for _, p := range agree.Patterns {
		if len(p.After) == 1 && p.After[0].Kind == ElemPrep && p.After[0].Prep == "TO" &&
			len(p.After[0].Objects) == 1 && p.After[0].Objects[0].Synset == "CEASEFIRE" {
			ceasefire = p
		}
	}
	if ceasefire == nil || ceasefire.Code != "0356" || ceasefire.Lemma() != "" || ceasefire.Block != "AGREE" {
		t.Errorf("AGREE (TO &CEASEFIRE) pattern: %+v", ceasefire)
	}
	for i := 1; i < len(agree.Patterns); i++ {
		if agree.Patterns[i].Specificity() > agree.Patterns[i-1].Specificity() {
			t.Fatalf("patterns not most specific first at %d", i)
		}
	}
	// Irregular forms listed in { } and multi-word verbs.
	if e := find("SPED", "SPEED"); e.Code != "---" {
		t.Errorf("SPEED code %s", e.Code)
	}
	if e := find("BROUGHT", "BRING"); e == nil {
		t.Error("BROUGHT")
	}
	shut := find("SHUTS", "SHUT DOWN")
	if shut.Head != 0 || len(shut.Forms) < 3 {
		t.Errorf("SHUT DOWN: %+v", shut)
	}
	if len(v.Verbs.ByLemma("AGREE")) == 0 || v.Verbs.Len() < 1700 || v.Verbs.Patterns() < 4600 {
		t.Errorf("table: %d verbs, %d patterns", v.Verbs.Len(), v.Verbs.Patterns())
	}
	// Synsets: nouns get plurals, a label ending in "_" does not.
	cur := v.Verbs.Synset("&CURRENCY")
	has := func(set [][]string, w string) bool {
		for _, p := range set {
			if strings.Join(p, " ") == w {
				return true
			}
		}
		return false
	}
	if !has(cur, "DOLLAR") || !has(cur, "DOLLARS") || has(cur, "CASHES") {
		t.Errorf("&CURRENCY: %v", cur)
	}
	if aux := v.Verbs.Synset("AUXVERB1"); !has(aux, "WAS") || has(aux, "WASES") {
		t.Errorf("&AUXVERB1_: %v", aux)
	}
}

func TestParseElems(t *testing.T) {
	w := func(ws ...string) Elem { return Elem{Kind: ElemWords, Words: ws} }
	tests := []struct {
		in   string
		want []Elem
	}{
		{"(TO &CEASEFIRE)", []Elem{{Kind: ElemPrep, Prep: "TO", Objects: []Elem{{Kind: ElemSynset, Synset: "CEASEFIRE"}}}}},
		{"{PEACE PLAN}", []Elem{w("PEACE", "PLAN")}},
		{"+ (WITH)", []Elem{{Kind: ElemTarget}, {Kind: ElemPrep, Prep: "WITH"}}},
		{"POLICE (TO BORDER)", []Elem{w("POLICE"), {Kind: ElemPrep, Prep: "TO", Objects: []Elem{w("BORDER")}}}},
		{"{IN &DETENTION}", []Elem{w("IN", "&DETENTION")}},
		{"$ ^ %", []Elem{{Kind: ElemSource}, {Kind: ElemSkip}, {Kind: ElemCompound}}},
		{"IN_AND", []Elem{{Kind: ElemWords, Words: []string{"IN"}, Next: true}, w("AND")}},
		{"(OF {BANNED PARTIES})", []Elem{{Kind: ElemPrep, Prep: "OF", Objects: []Elem{w("BANNED", "PARTIES")}}}},
	}
	for _, tt := range tests {
		got, err := parseElems(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseElems(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"(TO (X))", "{A {B}}", "()", "(TO", "A}"} {
		if _, err := parseElems(bad); err == nil {
			t.Errorf("parseElems(%q): no error", bad)
		}
	}
}

// TestSitrepLinesShareThePatternForm: a line of sitrep's verbs.txt reads
// into the same VerbPattern type as a PETRARCH pattern.
func TestSitrepLinesShareThePatternForm(t *testing.T) {
	tests := []struct {
		line  string
		lemma string
		code  string
		flags Flag
		after int
	}{
		{"036\toffer talks|dialogue|negotiation", "OFFER", "036", 0, 1},
		{"-\tsay\tspeech", "SAY", "---", FlagSpeech, 0},
		{"040\tmeet\tnoun", "MEET", "040", FlagNoun, 0},
		{"138\tthreaten\tthreat,target", "THREATEN", "138", FlagThreat | FlagTarget, 0},
	}
	for _, tt := range tests {
		p, err := ParseSitrepVerbLine(tt.line, "verbs.txt", 7)
		if err != nil {
			t.Fatalf("%q: %v", tt.line, err)
		}
		if p.Lemma() != tt.lemma || p.Code != tt.code || p.Flags != tt.flags || len(p.After) != tt.after || p.MaxGap != 3 || p.Line != 7 {
			t.Errorf("%q: %+v", tt.line, p)
		}
	}
	p, _ := ParseSitrepVerbLine("036\toffer talks|dialogue", "v", 1)
	if !reflect.DeepEqual(p.After[0].Alts, []string{"TALKS", "DIALOGUE"}) {
		t.Errorf("alternatives: %+v", p.After[0])
	}
	p, _ = ParseSitrepVerbLine("045\tundertake|undertook mediation", "v", 1)
	if p.Lemma() != "UNDERTAKE" || !reflect.DeepEqual(p.Alts, []string{"UNDERTAKE", "UNDERTOOK"}) {
		t.Errorf("verb alternatives: %+v", p)
	}
	for _, bad := range []string{"036", "\toffer", "036\toffer\tbogus", "36a\toffer", "-\toffer", "036\toffer||give",
		"-\tsay\tspeech,intent", "036\toffer\tnoun\textra"} {
		if _, err := ParseSitrepVerbLine(bad, "verbs.txt", 3); err == nil || !strings.HasPrefix(err.Error(), "verbs.txt:3:") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestDiscardTable(t *testing.T) {
	v := phoenix(t)
	if !v.Discards.Sentence(words("the basketball final ended in a draw")) {
		t.Error("basketball not discarded")
	}
	if v.Discards.Sentence(words("ministers met in Nairobi on Monday")) {
		t.Error("a political sentence discarded")
	}
}

// BenchmarkLoadPhoenix measures loading and compiling the embedded
// Phoenix set (gunzip, read, compile): the issue's bar is 1 s.
// Beside wall time it reports CPU seconds per load (all threads, GC
// included), which does not depend on how busy the machine is.
func BenchmarkLoadPhoenix(b *testing.B) {
	start := testutil.CPUTime()
	for b.Loop() {
		v, err := NewStandard(sitrep.Lexicon, PhoenixDir, DefaultCompileOptions()).Vocabulary()
		if err != nil || v.Actors.Len() < 27000 {
			b.Fatal(err)
		}
	}
	b.ReportMetric((testutil.CPUTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// TestSitrepVerbsJoinTheTable: sitrep's own verbs.txt reads into the
// same pattern form and joins the Phoenix verb table; a verb the
// dictionaries know lends its irregular forms.
func TestSitrepVerbsJoinTheTable(t *testing.T) {
	f, err := sitrep.Lexicon.Open("lexicon/events/verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, warn, err := ReadSitrepVerbs(f, "verbs.txt")
	if err != nil || len(warn) > 0 || len(ps) < 900 {
		t.Fatalf("%d patterns, warnings %v, %v", len(ps), warn, err)
	}
	d, err := NewStandard(sitrep.Lexicon, PhoenixDir, DefaultCompileOptions()).Dictionaries()
	if err != nil {
		t.Fatal(err)
	}
	v := Compile(d, DefaultCompileOptions())
	before := v.Verbs.Len()
	v.Verbs.AddPatterns(ps)
	if v.Verbs.Len() <= before {
		t.Fatalf("no entries added (%d)", v.Verbs.Len())
	}
	tests := []struct {
		form, phrase, code string
		flags              Flag
	}{
		{"MET", "MEET", "040", FlagNoun},
		{"GAVE", "GIVE", "070", FlagTarget},
		{"SAID", "SAY", "---", FlagSpeech},
	}
	for _, tt := range tests {
		var got *VerbEntry
		for _, e := range v.Verbs.ByForm(tt.form) {
			for _, p := range e.Patterns {
				if p.File == "verbs.txt" && strings.Join(e.Phrase, " ") == tt.phrase {
					got = e
				}
			}
		}
		if got == nil {
			t.Errorf("%s: no sitrep entry %s", tt.form, tt.phrase)
			continue
		}
		var bare *VerbPattern
		for _, p := range got.Patterns {
			if len(p.After) == 0 {
				bare = p
			}
		}
		if got.Code != tt.code || bare == nil || bare.Flags&tt.flags == 0 {
			t.Errorf("%s: code %s, bare pattern %+v", tt.form, got.Code, bare)
		}
	}
	bad := "040\tmeet\n\toffer\n036\toffer talks\tbogus\n"
	ps, warn, _ = ReadSitrepVerbs(strings.NewReader(bad), "v.txt")
	if len(ps) != 1 || len(warn) != 2 || warn[0].Line != 2 || warn[1].Line != 3 {
		t.Errorf("bad lines: %d patterns, warnings %v", len(ps), warn)
	}
}

// BenchmarkMentions scans sentences for actor phrases with the Phoenix
// tables (one Mentions call per sentence, as a coder would).
func BenchmarkMentions(b *testing.B) {
	v := phoenix(b)
	sents := [][]string{
		words("Kenyan police and Somali militants clashed near the border with Ethiopia on Tuesday , officials said"),
		words("President Putin met Chancellor Merkel in Moscow to discuss the crisis in eastern Ukraine"),
		words("Unidentified gunmen attacked a convoy of the Red Crescent carrying food to refugees in northern Syria"),
	}
	d := day("2015-06-01")
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			v.Mentions(s, d)
		}
	}
	b.ReportMetric(float64(b.N*len(sents))/b.Elapsed().Seconds(), "sentences/s")
}

// TestRoleOn: the narrowest dated role covering the day wins over a
// wider one and over the open code; outside every range the open code.
func TestRoleOn(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	a := &Actor{Codes: []DatedCode{
		{Code: "GONELI", From: day("1960-01-01"), To: day("2020-01-01")},
		{Code: "GONGOV", From: day("2009-01-20"), To: day("2017-01-20")},
		{Code: "GONOPP", From: day("2019-01-01")},
		{Code: "GONELI"},
	}}
	for _, c := range []struct {
		on   string
		want Role
	}{
		{"2010-05-05", Role{"GONGOV", true}},
		{"2000-05-05", Role{"GONELI", true}},
		{"2019-05-05", Role{"GONELI", true}}, // a closed range is narrower than an open one
		{"2022-05-05", Role{"GONOPP", true}},
		{"1950-05-05", Role{"GONELI", false}},
	} {
		if got := a.RoleOn(day(c.on)); got != c.want {
			t.Errorf("RoleOn(%s) = %+v, want %+v", c.on, got, c.want)
		}
	}
}

// TestFormer: a former office holder's last role, only when no role
// applies on the day.
func TestFormer(t *testing.T) {
	day := func(s string) time.Time {
		d, _ := time.Parse("2006-01-02", s)
		return d
	}
	a := &Actor{Codes: []DatedCode{
		{Code: "GONGOV", From: day("2001-01-01"), To: day("2005-01-01")},
		{Code: "GONGOVMIL", From: day("2006-01-01"), To: day("2008-01-01")},
	}}
	for on, want := range map[string]string{"2003-01-01": "", "2005-06-01": "GONGOV", "2012-01-01": "GONGOVMIL", "1990-01-01": ""} {
		if got := a.Former(day(on)); got != want {
			t.Errorf("Former(%s) = %q, want %q", on, got, want)
		}
	}
	a.Codes = append(a.Codes, DatedCode{Code: "GONELI"})
	if got := a.Former(day("2012-01-01")); got != "" {
		t.Errorf("Former with an open code = %q, want none", got)
	}
}

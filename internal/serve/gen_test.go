package serve

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// The generator writes realistic processed articles (entities with
// mentions, times, quotes, quantities, events with spans, attributions
// and locations) from the vocabulary in testdata/gen, so that the API
// and the dashboard are tested on a real SQLite store without running
// the NLP pipeline.

type genCountry struct {
	Code, Name, Capital string
	Lat, Lon            float64
	Leader, Role        string
	Agency              string
}

type genAction struct {
	Cameo     string
	Goldstein float64
	Quad      int
	Plover    string
	Verb      string
	Headline  string
}

type genWorld struct {
	Countries []genCountry
	Actions   []genAction
}

func readTSV(t testing.TB, path string, cols int) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fs := strings.Split(s, "\t")
		if len(fs) != cols {
			t.Fatalf("%s:%d: %d fields, want %d", path, line, len(fs), cols)
		}
		rows = append(rows, fs)
	}
	return rows
}

func mustFloat(t testing.TB, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad number %q: %v", s, err)
	}
	return f
}

func loadWorld(t testing.TB) *genWorld {
	t.Helper()
	w := &genWorld{}
	for _, r := range readTSV(t, filepath.Join("testdata", "gen", "countries.tsv"), 8) {
		w.Countries = append(w.Countries, genCountry{r[0], r[1], r[2], mustFloat(t, r[3]), mustFloat(t, r[4]), r[5], r[6], r[7]})
	}
	for _, r := range readTSV(t, filepath.Join("testdata", "gen", "actions.tsv"), 6) {
		q, _ := strconv.Atoi(r[2])
		w.Actions = append(w.Actions, genAction{r[0], mustFloat(t, r[1]), q, r[3], r[4], r[5]})
	}
	return w
}

func (w *genWorld) country(code string) genCountry {
	for _, c := range w.Countries {
		if c.Code == code {
			return c
		}
	}
	panic("no country " + code)
}

// bodyBuilder assembles a body while recording byte spans.
type bodyBuilder struct {
	sb        strings.Builder
	sentStart int
	sentences []model.Sentence
}

func (b *bodyBuilder) text(s string) { b.sb.WriteString(s) }

func (b *bodyBuilder) span(s string) model.Span {
	start := b.sb.Len()
	b.sb.WriteString(s)
	return model.Span{Start: start, End: b.sb.Len()}
}

func (b *bodyBuilder) begin() int {
	b.sentStart = b.sb.Len()
	return len(b.sentences)
}

func (b *bodyBuilder) end() {
	body := b.sb.String()
	b.sentences = append(b.sentences, model.Sentence{Index: len(b.sentences), Start: b.sentStart, End: len(body), Text: body[b.sentStart:]})
}

func mention(sent int, sp model.Span, body string) model.Mention {
	return model.Mention{Sentence: sent, Start: sp.Start, End: sp.End, Text: body[sp.Start:sp.End]}
}

// genOpts overrides parts of a generated article (for XSS tests).
type genOpts struct {
	Title  string
	Agency string
	Src    string
	Tgt    string
	Action int // index+1 into Actions; 0 = random
}

var genBase = time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)

var genModalities = []string{"asserted", "asserted", "asserted", "future", "possible", "denied", "alleged", "negated", "habitual"}

// genArticle builds article i. Every fifth article re-reports the
// previous one's first event (same actors, action and day, other words)
// so that the store has clusters with several reports.
func genArticle(w *genWorld, i int, o genOpts) *model.Article {
	r := rand.New(rand.NewPCG(uint64(i)/5*5+1, 7)) // reports of one event share the draw
	pick := func() genCountry { return w.Countries[r.IntN(len(w.Countries))] }
	src, tgt := pick(), pick()
	for tgt.Code == src.Code {
		tgt = pick()
	}
	// Two dyads recur often so timelines and dyad filters have substance.
	switch r.IntN(10) {
	case 0, 1:
		src, tgt = w.country("RUS"), w.country("PRK")
	case 2:
		src, tgt = w.country("IND"), w.country("PAK")
	}
	act := w.Actions[r.IntN(len(w.Actions))]
	dayOff := r.IntN(120)
	if o.Src != "" {
		src, tgt = w.country(o.Src), w.country(o.Tgt)
	}
	if o.Action > 0 {
		act = w.Actions[o.Action-1]
	}
	day := genBase.AddDate(0, 0, dayOff)
	// From here on the draw is per article, so re-reports differ.
	r = rand.New(rand.NewPCG(uint64(i)+1000, 11))
	agency := src.Agency
	if i%5 != 0 {
		agency = []string{"Reuters", "AP", "Al Jazeera", "Kyodo", "Xinhua", tgt.Agency}[r.IntN(6)]
	}
	if o.Agency != "" {
		agency = o.Agency
	}
	place := src
	if r.IntN(2) == 0 {
		place = tgt
	}
	dayStr := day.Format("2006-01-02")
	pub := day.AddDate(0, 0, 1).Format("2006-01-02")

	var b bodyBuilder
	a := model.NewArticle()
	// Sentence 0: the main event.
	s0 := b.begin()
	leaderSp := b.span(src.Leader)
	b.text(", " + src.Role + " of ")
	srcSp := b.span(src.Name)
	b.text(", ")
	verbSp := b.span(act.Verb)
	b.text(" ")
	tgtSp := b.span(tgt.Name)
	b.text(" in ")
	placeSp := b.span(place.Capital)
	b.text(" ")
	timeSp := b.span("on " + day.Weekday().String())
	b.text(", ")
	attrSp := b.span("according to " + agency)
	b.text(".")
	b.end()
	b.text(" ")
	// Sentence 1: a quote.
	s1 := b.begin()
	b.text("“")
	quotes := []string{
		"We will not accept pressure from anyone",
		"This is a step toward lasting stability in the region",
		"Our door remains open to dialogue",
		"The security of our citizens comes first",
		"Both sides have agreed to meet again soon",
	}
	quoteSp := b.span(quotes[r.IntN(len(quotes))])
	b.text(",” ")
	surname := src.Leader[strings.LastIndexByte(src.Leader, ' ')+1:]
	surnameSp := b.span(surname)
	b.text(" told reporters.")
	b.end()
	b.text("\n\n")
	headingAt := b.sb.Len()
	// Sentence 2: the response.
	s2 := b.begin()
	tgt2Sp := b.span(tgt.Name)
	b.text("’s ")
	minSp := b.span("foreign ministry")
	b.text(" ")
	resp := w.Actions[r.IntN(len(w.Actions))]
	mod := genModalities[r.IntN(len(genModalities))]
	modWord := map[string]string{"future": "will have ", "possible": "may have ", "denied": "denied that it ", "alleged": "allegedly ", "negated": "has not ", "habitual": "routinely "}[mod]
	b.text(modWord)
	verb2Sp := b.span(resp.Verb)
	b.text(" ")
	src2Sp := b.span(src.Name)
	b.text(" ")
	time2Sp := b.span("on " + day.Format("January 2"))
	b.text(".")
	b.end()
	b.text(" ")
	// Sentence 3: a quantity.
	s3 := b.begin()
	n := 10 + r.IntN(490)
	b.text("The delegation included ")
	qtySp := b.span(strconv.Itoa(n) + " officials")
	b.text(".")
	b.end()

	body := b.sb.String()
	a.Body = body
	a.ID = model.ContentID(body)
	title := src.Name + " " + act.Headline + " " + tgt.Name
	if o.Title != "" {
		title = o.Title
	}
	a.Title = model.Str(title)
	a.URL = model.Str(fmt.Sprintf("https://news.example.org/%s/%d", strings.ToLower(src.Code), i))
	a.Published = model.Published{Date: model.Str(pub), Precision: model.Str(model.PrecisionDay), Source: model.DateFromMetadata}
	a.Source = fmt.Sprintf("generated.jsonl:%d", i+1)
	a.Language = "en"
	a.Captions = []model.Caption{{Text: src.Leader + " arrives in " + place.Capital + ".", Credit: model.Str("AFP")}}
	a.Subheadings = []string{"RESPONSE"}
	a.HeadingAt = []int{headingAt}
	a.Sentences = b.sentences

	e := func(id, name, typ, code, country string, lat, lon *float64, roles []string, ms ...model.Mention) model.Entity {
		if roles == nil {
			roles = []string{}
		}
		return model.Entity{ID: id, Name: name, Type: typ, Code: model.Str(code), Country: model.Str(country), Roles: roles, Lat: lat, Lon: lon, Mentions: ms}
	}
	a.Entities = []model.Entity{
		e("e1", src.Leader, model.TypePerson, src.Code+"GOV", src.Code, nil, nil, []string{src.Role},
			mention(s0, leaderSp, body), mention(s1, surnameSp, body)),
		e("e2", src.Name, model.TypePlace, src.Code, src.Code, nil, nil, nil, mention(s0, srcSp, body), mention(s2, src2Sp, body)),
		e("e3", tgt.Name, model.TypePlace, tgt.Code, tgt.Code, nil, nil, nil, mention(s0, tgtSp, body), mention(s2, tgt2Sp, body)),
		e("e4", place.Capital, model.TypePlace, place.Code, place.Code, model.Float(place.Lat), model.Float(place.Lon), nil, mention(s0, placeSp, body)),
		e("e5", tgt.Name+" foreign ministry", model.TypeOrg, tgt.Code+"GOV", tgt.Code, nil, nil, nil, mention(s2, minSp, body)),
	}
	a.Times = []model.Time{
		{Mention: mention(s0, timeSp, body), Value: model.Str(dayStr), Precision: model.PrecisionDay},
		{Mention: mention(s2, time2Sp, body), Value: model.Str(dayStr), Precision: model.PrecisionDay},
	}
	a.Quotes = []model.Quote{{Mention: mention(s1, quoteSp, body), Speaker: model.Str("e1")}}
	a.Quantities = []model.Quantity{{Mention: mention(s3, qtySp, body), Value: float64(n), Unit: "person", Also: []model.Reading{}}}
	loc := &model.Location{Entity: model.Str("e4"), Name: place.Capital, Lat: model.Float(place.Lat), Lon: model.Float(place.Lon), Country: model.Str(place.Code), Basis: "clause"}
	var loc2 *model.Location
	if r.IntN(3) > 0 {
		loc2 = &model.Location{Name: tgt.Capital, Lat: model.Float(tgt.Lat), Lon: model.Float(tgt.Lon), Country: model.Str(tgt.Code), Basis: "article"}
	}
	a.Events = []model.Event{
		{
			ID: "v1", Sentence: s0, Start: leaderSp.Start, End: b.sentences[s0].End - 1,
			Source: model.Actor{Entity: model.Str("e1"), Code: src.Code + "GOV", Start: leaderSp.Start, End: leaderSp.End},
			Target: &model.Actor{Entity: model.Str("e3"), Code: tgt.Code, Start: tgtSp.Start, End: tgtSp.End},
			Cameo:  act.Cameo, Goldstein: act.Goldstein, QuadClass: act.Quad,
			Plover:      model.Plover{Type: act.Plover, Context: []string{}},
			Modality:    model.ModalityAsserted,
			Date:        model.EventDate{Value: model.Str(dayStr), Precision: model.Str(model.PrecisionDay), FromText: model.Str(body[timeSp.Start:timeSp.End])},
			Attribution: []model.Attribution{{Code: model.Str(src.Code), Text: body[attrSp.Start:attrSp.End], Verb: "according to"}},
			Location:    loc,
			Verb:        act.Verb,
			Action:      &verbSp,
		},
		{
			ID: "v2", Sentence: s2, Start: tgt2Sp.Start, End: b.sentences[s2].End - 1,
			Source: model.Actor{Entity: model.Str("e5"), Code: tgt.Code + "GOV", Start: tgt2Sp.Start, End: minSp.End},
			Target: &model.Actor{Entity: model.Str("e2"), Code: src.Code, Start: src2Sp.Start, End: src2Sp.End},
			Cameo:  resp.Cameo, Goldstein: resp.Goldstein, QuadClass: resp.Quad,
			Plover:      model.Plover{Type: resp.Plover, Context: []string{}},
			Modality:    mod,
			Date:        model.EventDate{Value: model.Str(dayStr), Precision: model.Str(model.PrecisionDay), FromText: model.Str(body[time2Sp.Start:time2Sp.End])},
			Attribution: []model.Attribution{},
			Location:    loc2,
			Verb:        resp.Verb,
			Action:      &verb2Sp,
		},
	}
	a.Normalize()
	return a
}

// checkArticle asserts the generator's own invariant: every span is
// what it claims to be.
func checkArticle(t testing.TB, a *model.Article) {
	t.Helper()
	chk := func(what string, s, e int, text string) {
		if s < 0 || e > len(a.Body) || s > e || a.Body[s:e] != text {
			t.Fatalf("article %s: %s [%d,%d) != %q", a.ID, what, s, e, text)
		}
	}
	for _, s := range a.Sentences {
		chk("sentence", s.Start, s.End, s.Text)
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			chk("mention", m.Start, m.End, m.Text)
		}
	}
	for _, q := range a.Quotes {
		chk("quote", q.Start, q.End, q.Text)
	}
	for _, tm := range a.Times {
		chk("time", tm.Start, tm.End, tm.Text)
	}
}

// seedStore opens a fresh SQLite file in t.TempDir and stores n
// generated articles plus the extra ones.
func seedStore(t testing.TB, n int, extra ...*model.Article) (*sqlite.Store, []*model.Article) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sitrep.db"), sqlite.DefaultOptions())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	w := loadWorld(t)
	var arts []*model.Article
	for i := range n {
		arts = append(arts, genArticle(w, i, genOpts{}))
	}
	arts = append(arts, extra...)
	for _, a := range arts {
		checkArticle(t, a)
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatalf("put article %d: %v", len(arts), err)
		}
	}
	return st, arts
}

var _ store.Store = (*sqlite.Store)(nil)

package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Actor is a generated actor: an entity with a CAMEO code.
type Actor struct {
	Name, Type, Code, Country, Role string
}

// Place is a generated place with coordinates.
type Place struct {
	Name, Country string
	Lat, Lon      float64
}

// Verb is a generated action with its CAMEO coding.
type Verb struct {
	Words     string // "visited", "accused"
	Cameo     string
	Goldstein float64
	Quad      int
	Plover    string
}

// Actors, Places and Verbs are the generator's vocabulary, drawn from
// several regions so tests don't lean on one story.
var (
	Actors = []Actor{
		{"William Ruto", model.TypePerson, "KENGOV", "KEN", "president"},
		{"Bola Tinubu", model.TypePerson, "NGAGOV", "NGA", "president"},
		{"Nigerian army", model.TypeOrg, "NGAMIL", "NGA", ""},
		{"Luiz Inacio Lula da Silva", model.TypePerson, "BRAGOV", "BRA", "president"},
		{"Gustavo Petro", model.TypePerson, "COLGOV", "COL", "president"},
		{"Ukrainian army", model.TypeOrg, "UKRMIL", "UKR", ""},
		{"Russian defence ministry", model.TypeOrg, "RUSMIL", "RUS", ""},
		{"Sergei Lavrov", model.TypePerson, "RUSGOV", "RUS", "foreign minister"},
		{"Penny Wong", model.TypePerson, "AUSGOV", "AUS", "foreign minister"},
		{"Ferdinand Marcos Jr", model.TypePerson, "PHLGOV", "PHL", "president"},
		{"Chinese coast guard", model.TypeOrg, "CHNMIL", "CHN", ""},
		{"United Nations", model.TypeOrg, "IGOUNO", "", ""},
		{"Narendra Modi", model.TypePerson, "INDGOV", "IND", "prime minister"},
		{"Pakistani army", model.TypeOrg, "PAKMIL", "PAK", ""},
	}
	Places = []Place{
		{"Nairobi", "KEN", -1.2864, 36.8172},
		{"Abuja", "NGA", 9.0765, 7.3986},
		{"Brasilia", "BRA", -15.7939, -47.8828},
		{"Bogota", "COL", 4.711, -74.0721},
		{"Kharkiv", "UKR", 49.9935, 36.2304},
		{"Canberra", "AUS", -35.2809, 149.13},
		{"Manila", "PHL", 14.5995, 120.9842},
		{"Geneva", "CHE", 46.2044, 6.1432},
		{"New Delhi", "IND", 28.6139, 77.209},
		{"Lahore", "PAK", 31.5204, 74.3587},
	}
	Verbs = []Verb{
		{"met", "040", 1.0, 1, "CONSULT"},
		{"visited", "042", 1.9, 1, "CONSULT"},
		{"praised", "051", 3.4, 1, "COOPERATE"},
		{"signed a trade agreement with", "057", 8.0, 1, "AGREE"},
		{"sent humanitarian aid to", "073", 7.4, 2, "AID"},
		{"accused", "112", -2.0, 3, "ACCUSE"},
		{"threatened", "130", -4.4, 3, "THREATEN"},
		{"expelled diplomats of", "1663", -4.0, 4, "REDUCE"},
		{"attacked", "190", -10.0, 4, "FIGHT"},
		{"shelled positions of", "194", -10.0, 4, "FIGHT"},
	}
	modalities = []string{model.ModalityAsserted, model.ModalityAsserted, model.ModalityAsserted,
		model.ModalityAlleged, model.ModalityDenied, model.ModalityFuture, model.ModalityPossible}
)

// EventSpec describes one generated event.
type EventSpec struct {
	Source   Actor
	Verb     Verb
	Target   *Actor // nil: no target
	Place    *Place // nil: no location
	Day      string // YYYY-MM-DD, YYYY-MM or YYYY
	Modality string
}

// Spec describes one generated article.
type Spec struct {
	Serial    int    // makes the body unique
	Published string // YYYY-MM-DD or ""
	Events    []EventSpec
	Quote     bool
}

// builder assembles a body and records the spans of what it writes.
type builder struct {
	a    *model.Article
	body strings.Builder
	ents map[string]int // entity name → index
	sent []string       // pieces of the current sentence
	sIdx int
	sPos int
}

func (b *builder) pos() int {
	n := b.body.Len()
	for _, p := range b.sent {
		n += len(p)
	}
	return n
}

func (b *builder) text(s string) { b.sent = append(b.sent, s) }

// entity writes an entity mention and returns its span.
func (b *builder) entity(name, typ string, code, country *string, role string, lat, lon *float64) (string, model.Span) {
	start := b.pos()
	b.text(name)
	sp := model.Span{Start: start, End: start + len(name)}
	i, ok := b.ents[name]
	if !ok {
		i = len(b.a.Entities)
		b.ents[name] = i
		e := model.Entity{ID: fmt.Sprintf("e%d", i+1), Name: name, Type: typ, Code: code, Country: country,
			Roles: []string{}, Lat: lat, Lon: lon, Mentions: []model.Mention{}}
		if role != "" {
			e.Roles = []string{role}
		}
		b.a.Entities = append(b.a.Entities, e)
	}
	b.a.Entities[i].Mentions = append(b.a.Entities[i].Mentions, model.Mention{Sentence: b.sIdx, Start: sp.Start, End: sp.End, Text: name})
	return b.a.Entities[i].ID, sp
}

func (b *builder) actor(a Actor) (string, model.Span) {
	return b.entity(a.Name, a.Type, model.Str(a.Code), model.Str(a.Country), a.Role, nil, nil)
}

func (b *builder) place(p Place) string {
	id, _ := b.entity(p.Name, model.TypePlace, nil, model.Str(p.Country), "", model.Float(p.Lat), model.Float(p.Lon))
	return id
}

func (b *builder) flush() model.Span {
	start := b.body.Len()
	text := strings.Join(b.sent, "")
	b.body.WriteString(text)
	b.sent = b.sent[:0]
	b.a.Sentences = append(b.a.Sentences, model.Sentence{Index: b.sIdx, Start: start, End: start + len(text), Text: text})
	b.sIdx++
	b.body.WriteString(" ")
	return model.Span{Start: start, End: start + len(text)}
}

func precisionOf(d string) string {
	switch len(d) {
	case 7:
		return model.PrecisionMonth
	case 4:
		return model.PrecisionYear
	}
	return model.PrecisionDay
}

func datePhrase(d string) string {
	switch len(d) {
	case 10:
		t, _ := time.Parse("2006-01-02", d)
		return "on " + t.Format("2 January 2006")
	case 7:
		t, _ := time.Parse("2006-01", d)
		return "in " + t.Format("January 2006")
	}
	return "in " + d
}

// Build makes a fully processed article from a spec: every span checks
// out against the body and every event points at its sentence and
// entities.
func Build(s Spec) *model.Article {
	a := model.NewArticle()
	b := &builder{a: a, ents: map[string]int{}}
	title := "Regional report"
	if len(s.Events) > 0 {
		e := s.Events[0]
		title = fmt.Sprintf("%s %s", e.Source.Name, e.Verb.Words)
		if e.Target != nil {
			title += " " + e.Target.Name
		}
	}
	a.Title = model.Str(title)
	a.URL = model.Str(fmt.Sprintf("https://news.example.org/%d/%s", s.Serial, strings.ReplaceAll(strings.ToLower(title), " ", "-")))
	if s.Published != "" {
		a.Published = model.Published{Date: model.Str(s.Published), Precision: model.Str(precisionOf(s.Published)),
			Source: model.DateFromMetadata}
	}
	a.Captions = []model.Caption{{Text: title + ". (File photo)", Credit: model.Str("AFP")}}
	a.Source = fmt.Sprintf("feeds.jsonl:%d", s.Serial)
	a.Language = "en"
	for i, es := range s.Events {
		ev := model.Event{ID: fmt.Sprintf("v%d", i+1), Cameo: es.Verb.Cameo, Goldstein: es.Verb.Goldstein,
			QuadClass: es.Verb.Quad, Plover: model.Plover{Type: es.Verb.Plover, Context: []string{}},
			Modality: es.Modality, Attribution: []model.Attribution{}}
		if ev.Modality == "" {
			ev.Modality = model.ModalityAsserted
		}
		sid, ss := b.actor(es.Source)
		ev.Source = model.Actor{Entity: &sid, Code: es.Source.Code, Start: ss.Start, End: ss.End}
		b.text(" ")
		vs := b.pos()
		b.text(es.Verb.Words)
		ev.Verb = es.Verb.Words
		ev.Action = &model.Span{Start: vs, End: vs + len(es.Verb.Words)}
		if es.Target != nil {
			b.text(" ")
			tid, ts := b.actor(*es.Target)
			ev.Target = &model.Actor{Entity: &tid, Code: es.Target.Code, Start: ts.Start, End: ts.End}
		}
		if es.Place != nil {
			b.text(" in ")
			pid := b.place(*es.Place)
			ev.Location = &model.Location{Entity: &pid, Name: es.Place.Name, Lat: model.Float(es.Place.Lat),
				Lon: model.Float(es.Place.Lon), Country: model.Str(es.Place.Country), Basis: "clause"}
		}
		if es.Day != "" {
			b.text(" ")
			ph := datePhrase(es.Day)
			ts := b.pos()
			b.text(ph)
			a.Times = append(a.Times, model.Time{Mention: model.Mention{Sentence: b.sIdx, Start: ts, End: ts + len(ph), Text: ph},
				Value: model.Str(es.Day), Precision: precisionOf(es.Day)})
			ev.Date = model.EventDate{Value: model.Str(es.Day), Precision: model.Str(precisionOf(es.Day)), FromText: model.Str(ph)}
		}
		b.text(", officials said.")
		ev.Attribution = []model.Attribution{{Text: "officials said", Verb: "said"}}
		ev.Sentence = b.sIdx
		sp := b.flush()
		ev.Start, ev.End = sp.Start, sp.End-1
		if i%2 == 1 {
			ev.Group = model.Str("g1")
		}
		a.Events = append(a.Events, ev)
	}
	// A quantity, which also makes the body unique.
	b.text("At least ")
	n := fmt.Sprintf("%d", 100+s.Serial)
	qs := b.pos()
	b.text(n + " people")
	a.Quantities = append(a.Quantities, model.Quantity{Mention: model.Mention{Sentence: b.sIdx, Start: qs, End: qs + len(n) + 7, Text: n + " people"},
		Value: float64(100 + s.Serial), Unit: "person", Also: []model.Reading{}})
	b.text(" gathered near the border crossing.")
	b.flush()
	if s.Quote && len(s.Events) > 0 {
		src := s.Events[0].Source
		b.text(`"`)
		qt := "Our patience with these incursions has run out"
		qs := b.pos()
		b.text(qt)
		b.text(`," `)
		sid, _ := b.actor(src)
		b.text(" told reporters.")
		a.Quotes = append(a.Quotes, model.Quote{Mention: model.Mention{Sentence: b.sIdx, Start: qs, End: qs + len(qt), Text: qt}, Speaker: &sid})
		b.flush()
	}
	a.Body = strings.TrimSuffix(b.body.String(), " ")
	a.ID = model.ContentID(a.Body)
	a.Subheadings = []string{}
	a.Warnings = []string{"generated"}
	a.Fingerprint = fingerprint(a.Body)
	return a
}

// fingerprint is a stand-in body hash (FNV-1a), distinct per body.
func fingerprint(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Generate makes n varied articles, deterministic for a seed: 1-4
// events each, days spread over about three months of 2024, some
// without target, place or day precision.
func Generate(n int, seed uint64) []*model.Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	base := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*model.Article, n)
	for i := range n {
		pub := base.AddDate(0, 0, r.IntN(90))
		s := Spec{Serial: int(seed%1000)*100000 + i, Published: pub.Format("2006-01-02"), Quote: r.IntN(2) == 0}
		for range 1 + r.IntN(4) {
			es := EventSpec{Source: Actors[r.IntN(len(Actors))], Verb: Verbs[r.IntN(len(Verbs))],
				Modality: modalities[r.IntN(len(modalities))]}
			if r.IntN(5) > 0 {
				t := Actors[r.IntN(len(Actors))]
				es.Target = &t
			}
			if r.IntN(4) > 0 {
				p := Places[r.IntN(len(Places))]
				es.Place = &p
			}
			switch k := r.IntN(10); {
			case k == 0:
				es.Day = pub.Format("2006-01")
			case k < 9:
				es.Day = pub.AddDate(0, 0, -r.IntN(4)).Format("2006-01-02")
			}
			s.Events = append(s.Events, es)
		}
		if i%7 == 3 {
			s.Published = ""
		}
		out[i] = Build(s)
	}
	return out
}

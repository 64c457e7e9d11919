package eval

import (
	"github.com/sitrep-project/sitrep/internal/testutil"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

func article(sentences ...string) *model.Article {
	a := model.NewArticle()
	for i, s := range sentences {
		if i > 0 {
			a.Body += "\n"
		}
		start := len(a.Body)
		a.Body += s
		a.Sentences = append(a.Sentences, model.Sentence{Index: i, Start: start, End: len(a.Body), Text: s})
	}
	return a
}

func ev(sent int, src, tgt, cameo, modality, date string) model.Event {
	e := model.Event{Sentence: sent, Source: model.Actor{Code: src}, Cameo: cameo, Modality: modality, Date: model.EventDate{Value: model.Str(date)}}
	if tgt != "" {
		e.Target = &model.Actor{Code: tgt}
	}
	return e
}

func TestEventMatches(t *testing.T) {
	a := article("Officials of Ruritania warned Borduria on Friday.", "Borduria said it “will respond” to the threat.")
	gold := GoldEvent{Evidence: "Ruritania warned Borduria", Source: []string{"RUR"}, Target: []string{"BOR", "-"}, Cameo: []string{"13", "01"}, Date: "2024-06", Modality: StringList{"asserted"}}
	tests := []struct {
		name string
		ev   model.Event
		gold GoldEvent
		want bool
	}{
		{"all fields", ev(0, "RURGOV", "BORGOV", "130", "asserted", "2024-06-14"), gold, true},
		{"no target allowed by -", ev(0, "RURGOV", "", "130", "asserted", "2024-06-14"), gold, true},
		{"wrong sentence", ev(1, "RURGOV", "BORGOV", "130", "asserted", "2024-06-14"), gold, false},
		{"wrong source", ev(0, "BORGOV", "BORGOV", "130", "asserted", "2024-06-14"), gold, false},
		{"wrong target", ev(0, "RURGOV", "USA", "130", "asserted", "2024-06-14"), gold, false},
		{"wrong code", ev(0, "RURGOV", "BORGOV", "190", "asserted", "2024-06-14"), gold, false},
		{"date outside month", ev(0, "RURGOV", "BORGOV", "130", "asserted", "2024-07-01"), gold, false},
		{"wrong modality", ev(0, "RURGOV", "BORGOV", "130", "possible", "2024-06-14"), gold, false},
		{"curly quotes fold", ev(1, "BOR", "", "130", "future", ""), GoldEvent{Evidence: `it "will respond"`, Source: []string{"BOR"}, Cameo: []string{"1"}}, true},
		{"empty target list accepts any", ev(1, "BOR", "XYZ", "130", "future", ""), GoldEvent{Evidence: "Borduria said", Source: []string{"BOR"}, Target: []string{}, Cameo: []string{"13"}}, true},
		{"target needed", ev(1, "BOR", "", "130", "future", ""), GoldEvent{Evidence: "Borduria said", Source: []string{"BOR"}, Target: []string{"RUR"}, Cameo: []string{"13"}}, false},
		{"quoted empty accepts none", ev(1, "BOR", "", "130", "future", ""), GoldEvent{Evidence: "Borduria said", Source: []string{"BOR"}, Target: []string{"RUR", ""}, Cameo: []string{"13"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eventMatches(a, tt.ev, tt.gold); got != tt.want {
				t.Errorf("eventMatches = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScoreEventsCountsOnce(t *testing.T) {
	a := article("Ruritania and Borduria denied the deal.")
	a.Events = []model.Event{ev(0, "RUR", "", "012", "asserted", ""), ev(0, "BOR", "", "012", "asserted", ""), ev(0, "RUR", "BOR", "057", "asserted", "")}
	g := GoldArticle{
		Events:    GoldEventGroups{Required: []GoldEvent{{ID: "deny", Evidence: "denied the deal", Source: []string{"RUR", "BOR"}, Cameo: []string{"01"}}}},
		Forbidden: []GoldEvent{{Evidence: "denied the deal", Source: []string{"RUR"}, Target: []string{"BOR"}, Cameo: []string{"057"}, Modality: StringList{"asserted"}}},
	}
	var r Report
	r.ScoreEvents("x", a, g)
	if r.Recall != (Counts{1, 1}) {
		t.Errorf("recall %+v, want 1/1", r.Recall)
	}
	if r.Precision != (Counts{2, 3}) {
		t.Errorf("precision %+v, want 2/3", r.Precision)
	}
	if r.Forbidden != 1 {
		t.Errorf("forbidden %d, want 1", r.Forbidden)
	}
}

func TestEntityProblem(t *testing.T) {
	lat, lon := 38.9, -77.04
	e := model.Entity{Name: "Washington", Type: model.TypePlace, Code: model.Str("USAGOV"), Country: model.Str("USA"), Lat: model.Float(38.91), Lon: model.Float(-77.03)}
	if p := entityProblem(e, GoldEntity{Name: "Washington", Type: "PLACE", Lat: &lat, Lon: &lon}); p != "" {
		t.Errorf("good entity rejected: %s", p)
	}
	far := e
	far.Lat, far.Lon = model.Float(47.0), model.Float(-120.0) // the state, not the capital
	if p := entityProblem(far, GoldEntity{Name: "Washington", Type: "PLACE", Lat: &lat, Lon: &lon}); !strings.Contains(p, "km") {
		t.Errorf("far entity accepted (%q)", p)
	}
	person := model.Entity{Name: "A B", Type: model.TypePerson, Country: model.Str("RUS"), Roles: []string{"defense minister"}}
	if p := entityProblem(person, GoldEntity{Type: "PERSON", Actor: "RUS", Role: []string{"defense minister"}, RoleIsFormer: true}); p == "" {
		t.Error("former flag not checked")
	}
}

func TestLoadGoldSeed(t *testing.T) {
	g, err := LoadGold(testutil.Shared(t, "gold/seed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Articles) != 2 || len(g.Articles[0].Events.Required) == 0 || len(g.Articles[0].Forbidden) == 0 {
		t.Fatalf("seed gold parsed wrongly: %d articles", len(g.Articles))
	}
	if q := g.Articles[1].Quantities; len(q) != 2 || len(q[1].Also) != 1 || q[1].Also[0].Unit != "nmi" {
		t.Errorf("quantities parsed wrongly: %+v", q)
	}
	if _, err := LoadGold(filepath.Join("testdata", "missing.yaml")); err == nil {
		t.Error("missing gold file accepted")
	}
}

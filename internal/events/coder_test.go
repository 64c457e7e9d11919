package events

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// codeText runs the real earlier stages and the coder on one body.
func codeText(t testing.TB, body, published string) *model.Article {
	t.Helper()
	up := loadUpstream(t)
	a := model.NewArticle()
	a.Body = body
	a.Published = model.Published{Date: model.Str(published), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
	for _, s := range up.stages {
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	if err := New(up.lex, DefaultOptions()).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// want is an expected event: prefixes of its codes and its modality; an
// empty cameo means "no event with forbid's prefix may be found".
type want struct {
	cameo, source, target, modality string
}

func has(a *model.Article, w want) bool {
	for _, e := range a.Events {
		tg := ""
		if e.Target != nil {
			tg = e.Target.Code
		}
		if strings.HasPrefix(e.Cameo, w.cameo) && strings.HasPrefix(e.Source.Code, w.source) &&
			(w.target == "" || w.target == "-" && tg == "" || w.target != "-" && strings.HasPrefix(tg, w.target)) &&
			(w.modality == "" || e.Modality == w.modality) {
			return true
		}
	}
	return false
}

func TestCoderCases(t *testing.T) {
	cases := []struct {
		name, body string
		want       []want
		forbid     []want // must not be found (modality "" = any)
	}{
		{"negated attack", "Russia did not attack Ukraine on Monday.",
			[]want{{"19", "RUS", "UKR", model.ModalityNegated}}, []want{{"19", "RUS", "UKR", model.ModalityAsserted}}},
		{"possible strike", "Israel may strike Iran within weeks, officials said.",
			[]want{{"19", "ISR", "IRN", model.ModalityPossible}}, []want{{"19", "ISR", "IRN", model.ModalityAsserted}}},
		{"future drills", "China will hold military drills near Taiwan next week.",
			[]want{{"152", "CHN", "", model.ModalityFuture}}, nil},
		{"passive", "Ukraine was attacked by Russia on Tuesday.",
			[]want{{"19", "RUS", "UKR", ""}}, []want{{"19", "UKR", "", ""}}},
		{"refusal code", "Armenia refused to meet Azerbaijan.",
			[]want{{"125", "ARM", "", ""}}, []want{{"04", "ARM", "AZE", model.ModalityAsserted}}},
		{"denied that", "Venezuela denied that it had attacked Guyana.",
			[]want{{"016", "VEN", "-", model.ModalityAsserted}}, []want{{"19", "VEN", "GUY", model.ModalityAsserted}}},
		{"threat code", "Japan threatened to impose sanctions on North Korea.",
			[]want{{"131", "JPN", "PRK", ""}}, []want{{"163", "JPN", "PRK", ""}}},
		{"potential invasion", "Analysts fear a possible Chinese invasion of Taiwan.",
			nil, []want{{"19", "CHN", "", model.ModalityAsserted}}},
		{"navy drills not protest", "Brazil's navy demonstrated its defenses off the coast on Friday.",
			[]want{{"15", "BRA", "", ""}}, []want{{"14", "", "", ""}}},
		{"compound subject", "France and Germany signed an agreement with Poland.",
			[]want{{"057", "FRA", "POL", ""}, {"057", "DEU", "POL", ""}}, nil},
		{"coordinated verbs", "Egypt condemned the raid and recalled its ambassador to Israel.",
			[]want{{"111", "EGY", "", ""}, {"161", "EGY", "", ""}}, nil},
		{"visit nominal", "A visit by Indian Prime Minister Narendra Modi to Russia ended on Tuesday.",
			[]want{{"042", "IND", "RUS", ""}}, nil},
		{"urged act did not happen", "Germany urged Russia to withdraw its troops from Ukraine.",
			[]want{{"02", "DEU", "RUS", ""}}, []want{{"087", "RUS", "", ""}}},
		{"background", "In past years, such protests were common.", nil, []want{{"", "", "", ""}}},
		{"purpose clause", "Poland built a wall to deter an invasion from Belarus.",
			nil, []want{{"19", "BLR", "", model.ModalityAsserted}}},
		{"conditional", "If Iran attacks Israel, the United States will respond.",
			nil, []want{{"19", "IRN", "", model.ModalityAsserted}}},
		{"of-phrase head", "Russia's invasion of Ukraine has killed thousands of civilians.",
			nil, []want{{"18", "UKR", "", ""}, {"19", "", "", model.ModalityAsserted}}},
		{"title of", "US Secretary of State Marco Rubio met with Saudi Arabia's foreign minister in Riyadh on Tuesday.",
			[]want{{"04", "USA", "SAU", ""}}, nil},
		{"role of country", "Officials of Japan and South Korea held talks with China on Monday.",
			[]want{{"04", "JPN", "CHN", ""}, {"04", "KOR", "CHN", ""}}, nil},
		{"released a report", "Amnesty International released a report on Monday.",
			nil, []want{{"084", "", "", ""}}},
		{"title head not demonym", "Ukraine's President Volodymyr Zelensky met with Polish Prime Minister Donald Tusk in Warsaw on Monday.",
			[]want{{"04", "UKR", "POLGOV", ""}}, nil},
		{"no plans", "The Pentagon said it had no plans to send troops to Venezuela.",
			nil, []want{{"15", "USA", "", model.ModalityAsserted}}},
		{"believed to", "North Korea is believed to have supplied Russia with artillery shells.",
			[]want{{"07", "PRK", "RUS", model.ModalityAlleged}}, nil},
		{"news noun", "A Russian drone attack on Odesa killed four people overnight, Ukrainian officials said.",
			[]want{{"19", "RUS", "UKR", ""}}, nil},
		{"background noun", "Thousands have died since Russia's invasion of Ukraine.",
			nil, []want{{"19", "", "", ""}}},
		{"role head", "Germany's chancellor called for a ceasefire in Gaza.",
			[]want{{"02", "DEU", "", ""}}, nil},
		{"habitual", "Turkey regularly bombs Kurdish positions in Iraq.",
			[]want{{"19", "TUR", "", model.ModalityHabitual}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := codeText(t, c.body, "2025-03-14")
			for _, w := range c.want {
				if !has(a, w) {
					t.Errorf("missing %+v in %s", w, dump(a))
				}
			}
			for _, w := range c.forbid {
				if has(a, w) {
					t.Errorf("forbidden %+v found in %s", w, dump(a))
				}
			}
		})
	}
}

func dump(a *model.Article) string {
	var b strings.Builder
	for _, e := range a.Events {
		tg := "-"
		if e.Target != nil {
			tg = e.Target.Code
		}
		b.WriteString("\n  " + e.Cameo + " " + e.Source.Code + "->" + tg + " " + e.Modality + " " + e.Verb)
	}
	return b.String()
}

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
		{"crowd where it gathers", "Kenyan police fired tear gas at thousands of protesters in Nairobi.",
			[]want{{"175", "KENCOP", "KENOPP", ""}}, nil},
		{"crowd located where it is", "In London, protesters denounced Russia's invasion of Ukraine.",
			[]want{{"", "GBROPP", "RUS", ""}}, nil},
		{"crowd not located by a demonym", "Protesters outside the Russian embassy denounced the war.",
			nil, []want{{"", "RUS", "", ""}}},
		{"police where they act", "Riot police clashed with demonstrators in Tbilisi on Sunday.",
			[]want{{"19", "GEOCOP", "GEOOPP", ""}}, nil},
		{"bare parliament", "Kenyan demonstrators marched on parliament on Tuesday.",
			[]want{{"14", "KENOPP", "KENLEG", ""}}, nil},
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
		// a vow of force is a threat; a vow of cooperation stays an intent
		{"vow of force", "Iran vowed to retaliate against Israel.",
			[]want{{"138", "IRN", "ISR", ""}}, []want{{"03", "", "", ""}, {"19", "IRN", "", model.ModalityAsserted}}},
		{"vow of cooperation", "Japan vowed to deepen cooperation with India.",
			[]want{{"03", "JPN", "IND", ""}}, []want{{"13", "", "", ""}}},
		// hosting talks is an event without a guest actor; hosting people is not
		{"host talks", "Cairo will host new talks next week.",
			[]want{{"043", "EGY", "-", model.ModalityFuture}}, []want{{"04", "EGY", "", model.ModalityAsserted}}},
		{"host refugees", "Uganda hosts more than a million refugees.",
			nil, []want{{"04", "", "", ""}}},
		// "asked X to V": the appeal, not V; a gerund after "of" is no conjunct
		{"asked to", "Guyana accused Venezuela of massing troops and asked the UN Security Council to intervene.",
			[]want{{"112", "GUY", "VEN", ""}, {"02", "GUY", "IGOUNO", ""}}, []want{{"", "IGO", "", model.ModalityAsserted}, {"15", "VEN", "", model.ModalityAsserted}}},
		{"asked about", "Asked about the talks, the Turkish minister declined to comment.",
			nil, []want{{"02", "", "", ""}}},
		// the addressee of an appeal stands before the infinitive
		{"appeal object", "Ukrainian President Volodymyr Zelensky urged European leaders to seize frozen Russian assets.",
			[]want{{"02", "UKR", "-", ""}}, []want{{"02", "", "RUS", ""}, {"17", "", "", model.ModalityAsserted}}},
		{"appeal addressee", "Poland urged Germany to send more tanks to Ukraine.",
			[]want{{"02", "POL", "DEU", ""}}, []want{{"02", "", "UKR", ""}}},
		// coordinated demonyms and symmetric acts
		{"exchange fire", "Thai and Cambodian troops exchanged fire along the border on Sunday.",
			[]want{{"193", "THA", "KHM", ""}, {"193", "KHM", "THA", ""}}, nil},
		{"clash with", "Armenian troops clashed with Azerbaijani forces on Sunday.",
			[]want{{"19", "ARM", "AZE", ""}}, []want{{"19", "AZE", "ARM", ""}}},
		// a finite verb after a reported clause about the speaker or about no
		// actor belongs to the speaker; after a clause with its own actor it does not
		{"said and appealed", "UN Secretary-General Antonio Guterres said he was deeply concerned and appealed for restraint.",
			[]want{{"02", "IGOUNO", "", ""}}, nil},
		{"said passive and called", "Amnesty International said 30 people were detained and called on the authorities to release them.",
			[]want{{"02", "NGO", "", ""}}, nil},
		{"said other subject", "A Sudanese army spokesman said the militia entered the village and shot two men.",
			nil, []want{{"19", "SDN", "", ""}}},
		// taggers read "denies" after its subject as a plural noun
		{"relative denial", "India has accused Pakistan of backing militants, a charge Pakistan denies.",
			[]want{{"112", "IND", "PAK", ""}, {"016", "PAK", "", model.ModalityAsserted}}, nil},
		{"denial noun", "Pakistan rejected the Indian denials.", nil, []want{{"016", "", "", ""}}},
		{"remain committed", "Nepal's government remained committed to the peace accord.",
			[]want{{"03", "NPL", "", ""}}, nil},
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

// TestWhileClauseDate checks that an event in an "as"/"while" clause
// without a time of its own takes the main clause's.
func TestWhileClauseDate(t *testing.T) {
	for _, tc := range []struct{ body, verb, want string }{
		{"Kenyan police fired tear gas on Tuesday as Kenyan demonstrators marched on parliament.", "marched", "2025-03-11"},
		{"Israeli jets struck Gaza on Monday while Hamas fired rockets at Israel.", "fired rockets", "2025-03-10"},
		// a clause without the subordinator keeps the publication date
		{"Kenyan demonstrators marched on parliament. Police fired tear gas on Tuesday.", "marched", "2025-03-14"},
	} {
		a := codeText(t, tc.body, "2025-03-14")
		found := false
		for _, e := range a.Events {
			if e.Verb == tc.verb {
				found = true
				if got := model.Deref(e.Date.Value); got != tc.want {
					t.Errorf("%q: %s dated %s, want %s", tc.body, tc.verb, got, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no event %q in %+v", tc.body, tc.verb, a.Events)
		}
	}
}

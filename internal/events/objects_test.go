package events

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// codeGaps codes body as the pipeline does: only the sentences whose
// window reading leaves a gap are parsed (ParseStage.Gaps), with the
// text stage's tags kept.
func codeGaps(t testing.TB, body string) *model.Article {
	t.Helper()
	p := loadParser(t)
	up := loadUpstream(t)
	a := model.NewArticle()
	a.Body = body
	a.Published = model.Published{Date: model.Str("2025-03-10"), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
	coder := New(up.lex, DefaultOptions()).WithVerbs(phoenix)
	stages := append(append([]model.Stage{}, up.stages...), &ParseStage{Parser: p, Coder: coder, Gaps: true, KeepTags: true}, coder)
	for _, s := range stages {
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// runObjects checks each case both with every sentence parsed and as the
// pipeline parses (only where the window reading leaves a gap).
func runObjects(t *testing.T, cases []construction) {
	t.Helper()
	runConstructions(t, cases)
	for _, tc := range cases {
		t.Run("gaps/"+tc.body, func(t *testing.T) {
			a := codeGaps(t, tc.body)
			if tc.want.cameo != "" && !has(a, tc.want) {
				t.Errorf("want %+v; got %s", tc.want, eventList(a))
			}
			for _, f := range tc.forbid {
				if has(a, f) {
					t.Errorf("forbidden %+v; got %s", f, eventList(a))
				}
			}
		})
	}
}

// The target is the verb's object from the arcs, even past a phrase set
// off by commas that the window reading stops at (the parse hangs the
// object on the aside; objectAfterAside mends it).
func TestArcObjectAfterAside(t *testing.T) {
	runObjects(t, []construction{
		{"Chile criticised, for the third time this month, Peru's fishing quotas.", want{"11", "CHL", "PER", ""}, nil},
		{"Senegal condemned, in a strongly worded note, Gambia's closure of the crossing.", want{"11", "SEN", "GMB", ""}, nil},
		{"Vietnam summoned, early on Monday, China's ambassador in Hanoi.", want{"114", "VNM", "CHN", ""}, nil},
		{"Lithuania accused, in a report to the OSCE, Belarus of flying balloons over the border.", want{"112", "LTU", "BLR", ""}, nil},
		{"Fiji thanked, in a statement on Tuesday, New Zealand for its help after the cyclone.", want{"05", "FJI", "NZL", ""}, nil},
		{"Armenia praised, without naming any other country, Georgia's decision to reopen the road.", want{"05", "ARM", "GEO", ""}, nil},
	})
}

// The object's own phrase decides, not the first name after the verb: a
// place after the object is where, a demonym in it is whose; a role
// noun's "of" phrase names its country; an object's "to" phrase may name
// the target ("granted concessions to Y").
func TestArcObjectPhrase(t *testing.T) {
	runObjects(t, []construction{
		{"Morocco summoned a senior Algerian envoy in Rabat on Tuesday.", want{"114", "MAR", "DZA", ""}, []want{{"", "MAR", "MARGOV", ""}}},
		{"Kenya expelled two Somali officials based in Nairobi.", want{"16", "KEN", "SOM", ""}, []want{{"", "KEN", "KENGOV", ""}}},
		{"Bolivia expelled the ambassador of Peru after the vote.", want{"16", "BOL", "PER", ""}, nil},
		{"Kenya summoned the envoy of Somalia over the maritime dispute.", want{"114", "KEN", "SOM", ""}, nil},
		{"Ukraine criticised the leaders of Hungary for blocking the aid package.", want{"11", "UKR", "HUN", ""}, nil},
		{"India supplied diesel and rice to Sri Lanka on credit.", want{"07", "IND", "LKA", ""}, nil},
		{"Ghana gave emergency food aid to Burkina Faso.", want{"07", "GHA", "BFA", ""}, nil},
		{"Protesters in Chile tried to storm the Argentine consulate in Santiago.", want{"19", "CHL", "ARG", ""}, []want{{"", "CHL", "CHLGOV", ""}}},
	})
}

// Guards against misread objects: a noun after a prepositional phrase is
// the preposition's, not the verb's object ("seized last year from Y's
// soldiers": Y is no target); a conjunct counts only after a head that
// names an actor; a possessive pronoun names no target.
func TestArcObjectGuards(t *testing.T) {
	runObjects(t, []construction{
		{"The militia said it would hand back rifles seized last year from Nigerian soldiers.", want{}, []want{{"17", "", "NGA", ""}}},
		{"Rebels in Chad agreed to return vehicles taken in May from Sudanese traders.", want{}, []want{{"17", "", "SDN", ""}}},
		{"Ecuador said it would defend its territory against any incursion.", want{}, []want{{"", "ECU", "ECU", ""}}},
		{"The general said he might order airdrops against the wishes of the government in Kinshasa and the rebels.", want{}, []want{{"", "", "CODREB", ""}}},
		{"Poland condemned the attack on its embassy in Minsk.", want{"11", "POL", "", ""}, []want{{"", "POL", "POL", ""}}},
	})
}

// An amount of people ("dozens of protesters", "hundreds of Eritrean
// prisoners") is the people counted, as an object as well as a subject.
func TestArcObjectAmountOf(t *testing.T) {
	runObjects(t, []construction{
		{"Kenyan police arrested hundreds of demonstrators in Nairobi.", want{"17", "KENCOP", "KENOPP", ""}, nil},
		{"Thai soldiers detained dozens of Cambodian workers near the border.", want{"17", "THA", "KHM", ""}, nil},
		{"Venezuelan troops detained scores of Colombian smugglers on Friday.", want{"17", "VEN", "COL", ""}, nil},
		{"Pakistani police rounded up dozens of Afghan refugees in Karachi.", want{"17", "PAK", "AFG", ""}, nil},
		{"Georgian riot police dispersed thousands of protesters in Tbilisi.", want{"17", "GEO", "GEOOPP", ""}, nil},
	})
}

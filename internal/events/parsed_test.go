package events

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

var (
	parserOnce sync.Once
	parserVal  *syntax.Parser
	parserErr  error
	phoenix    = petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions())
)

// loadParser returns the syntax model ($SITREP_SYNTAX_MODEL, else the
// built-in one). Without a model the coder's parse path cannot be
// tested: that fails under CI and skips elsewhere.
func loadParser(t testing.TB) *syntax.Parser {
	t.Helper()
	parserOnce.Do(func() {
		if p := os.Getenv("SITREP_SYNTAX_MODEL"); p != "" {
			parserVal, parserErr = syntax.LoadFile(p)
			return
		}
		parserVal, parserErr = syntax.Default()
	})
	if parserErr != nil {
		if testutil.InCI() {
			t.Fatalf("syntax model: %v", parserErr)
		}
		t.Skipf("no syntax model: %v", parserErr)
	}
	return parserVal
}

// codeParsed runs the real earlier stages, the parse stage and the coder
// (with the Phoenix verbs as fallback) on one body.
func codeParsed(t testing.TB, body string) *model.Article {
	t.Helper()
	p := loadParser(t)
	up := loadUpstream(t)
	a := model.NewArticle()
	a.Body = body
	a.Published = model.Published{Date: model.Str("2025-03-10"), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
	coder := New(up.lex, DefaultOptions()).WithVerbs(phoenix)
	stages := append(append([]model.Stage{}, up.stages...), &ParseStage{Parser: p, Coder: coder}, coder)
	for _, s := range stages {
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// construction is a table of sentences that share one construction:
// each must give an event with the wanted root, source and target
// prefixes, and none of the forbidden ones.
type construction struct {
	body   string
	want   want
	forbid []want
}

func runConstructions(t *testing.T, cases []construction) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.body, func(t *testing.T) { tc.check(t, codeParsed(t, tc.body)) })
	}
}

// check reports a wanted event a lacks and a forbidden one it has.
func (tc construction) check(t *testing.T, a *model.Article) {
	t.Helper()
	if tc.want.cameo != "" && !has(a, tc.want) {
		t.Errorf("want %+v; got %s", tc.want, eventList(a))
	}
	for _, f := range tc.forbid {
		if has(a, f) {
			t.Errorf("forbidden %+v; got %s", f, eventList(a))
		}
	}
}

func eventList(a *model.Article) string {
	var b strings.Builder
	for _, e := range a.Events {
		tg := "-"
		if e.Target != nil {
			tg = e.Target.Code
		}
		b.WriteString(e.Cameo + " " + e.Source.Code + "->" + tg + " " + e.Modality + "; ")
	}
	return b.String()
}

// Words between the subject and its verb: appositions, relative
// clauses, participles and "along with" phrases.
func TestParsedInterveningWords(t *testing.T) {
	runConstructions(t, []construction{
		{"Kenya, a close ally of Uganda, accused Sudan of arming rebels.", want{"112", "KEN", "SDN", ""}, nil},
		{"Vietnam, which claims the islands, condemned China on Monday.", want{"111", "VNM", "CHN", ""}, nil},
		{"Argentina, citing security concerns, expelled two Chilean diplomats.", want{"16", "ARG", "CHL", ""}, nil},
		{"Morocco, along with its Gulf allies, condemned Algeria.", want{"111", "MAR", "DZA", ""}, nil},
		{"Peru, the largest producer in the region, criticised Bolivia over the dispute.", want{"11", "PER", "BOL", ""}, nil},
	})
}

// Passives put the patient in the target and the by-agent in the source.
func TestParsedPassive(t *testing.T) {
	runConstructions(t, []construction{
		{"Ghana was criticised by Nigeria over the border closure.", want{"11", "NGA", "GHA", ""}, []want{{"11", "GHA", "", ""}}},
		{"Mexico was accused by Guatemala of harbouring smugglers.", want{"112", "GTM", "MEX", ""}, []want{{"112", "MEX", "", ""}}},
		{"Estonia was threatened by Russia on Tuesday.", want{"13", "RUS", "EST", ""}, []want{{"13", "EST", "", ""}}},
		{"Mali was attacked by Algerian troops near the border.", want{"19", "DZA", "MLI", ""}, []want{{"19", "MLI", "", ""}}},
		{"Fiji was condemned by Australia after the vote.", want{"111", "AUS", "FJI", ""}, []want{{"111", "FJI", "", ""}}},
	})
}

// Reported speech: "X said it had V-ed" codes X as the source of V.
func TestParsedReportedSpeech(t *testing.T) {
	runConstructions(t, []construction{
		{"Poland said it had expelled three Belarusian diplomats.", want{"16", "POL", "BLR", ""}, nil},
		{"Thailand said on Friday that it had arrested ten Cambodian fishermen.", want{"17", "THA", "KHM", ""}, nil},
		{"Egypt said it would send food aid to Sudan.", want{"0", "EGY", "SDN", ""}, nil},
		{"Canada said it had imposed sanctions on Iran.", want{"16", "CAN", "IRN", ""}, nil},
		{"Brazil said it had condemned Venezuela's decision.", want{"11", "BRA", "VEN", ""}, nil},
	})
}

// An event noun after a light verb takes the verb's subject.
func TestParsedLightVerbNoun(t *testing.T) {
	runConstructions(t, []construction{
		{"Ethiopia mounted an offensive against Eritrea on Sunday.", want{"19", "ETH", "ERI", ""}, nil},
		{"Serbia renewed negotiations with Kosovo last week.", want{"04", "SRB", "XKX", ""}, nil},
		{"Australia imposed sanctions on Myanmar's generals.", want{"16", "AUS", "MMR", ""}, nil},
		{"India launched an investigation into Nepal's claims.", want{"", "IND", "", ""}, nil},
		{"Colombia resumed talks with Ecuador on Monday.", want{"04", "COL", "ECU", ""}, nil},
	})
}

// Actors named by a group noun alone take the country of the place.
func TestParsedGroupNouns(t *testing.T) {
	runConstructions(t, []construction{
		{"Gunmen attacked a police station in northern Nigeria on Sunday.", want{"1", "NGA", "", ""}, nil},
		{"Protesters clashed with police in Nairobi on Tuesday.", want{"", "KEN", "", ""}, nil},
		{"Militants attacked an army convoy in Pakistan.", want{"1", "PAK", "", ""}, nil},
		{"Unidentified attackers killed a local official in Honduras.", want{"18", "HND", "", ""}, nil},
		{"Rebels attacked a village in eastern Congo.", want{"1", "COD", "", ""}, nil},
	})
}

// The same event in active, passive, apposition, reported speech and
// nominal form codes the same source, target and root.
func TestParsedParaphrase(t *testing.T) {
	sets := []struct {
		root, source, target string
		bodies               []string
	}{
		{"19", "RUS", "GEO", []string{
			"Russia attacked Georgia on Monday.",
			"Georgia was attacked by Russia on Monday.",
			"Russia, a neighbour of Armenia, attacked Georgia on Monday.",
			"Officials said Russia had attacked Georgia on Monday.",
			"Russia launched an attack on Georgia on Monday.",
		}},
		{"111", "JPN", "PRK", []string{
			"Japan condemned North Korea on Friday.",
			"North Korea was condemned by Japan on Friday.",
			"Japan, a close ally of the United States, condemned North Korea on Friday.",
			"Japan said it condemned North Korea.",
		}},
		{"112", "TUR", "GRC", []string{
			"Turkey accused Greece of provocations in the Aegean.",
			"Greece was accused by Turkey of provocations in the Aegean.",
			"Turkey, which hosts the talks, accused Greece of provocations in the Aegean.",
			"Turkey said it accused Greece of provocations in the Aegean.",
		}},
	}
	for _, s := range sets {
		for _, body := range s.bodies {
			t.Run(body, func(t *testing.T) {
				a := codeParsed(t, body)
				if !has(a, want{s.root, s.source, s.target, ""}) {
					t.Errorf("want %s %s->%s; got %s", s.root, s.source, s.target, eventList(a))
				}
			})
		}
	}
}

// "The TITLE of COUNTRY, NAME, V-ed" has one subject, the title's
// holder: the country after "of" and the name after the comma are not
// two parties of a list (a reciprocal code would have them act on each
// other). A headline list of two parties ("A, B agree on ...") stays two.
func TestParsedTitleOfCountryName(t *testing.T) {
	runConstructions(t, []construction{
		{"The foreign minister of Chile, Alberto van Klaveren, criticised Peru.", want{"111", "CHLGOV", "PER", ""}, []want{{"", "CHL", "CHL", ""}}},
		{"The president of Kenya, William Ruto, praised Tanzania for the deal.", want{"05", "KENGOV", "TZA", ""}, []want{{"", "KEN", "KEN", ""}}},
		{"The prime minister of Nepal, Pushpa Kamal Dahal, met Indian officials.", want{"04", "NPLGOV", "IND", ""}, []want{{"", "NPL", "NPL", ""}}},
		{"The defence minister of Estonia, Hanno Pevkur, accused Russia of jamming signals.", want{"112", "ESTGOV", "RUS", ""}, []want{{"", "EST", "EST", ""}}},
		{"The president of Ghana, Nana Akufo-Addo, signed a trade pact with Nigeria.", want{"0", "GHAGOV", "NGA", ""}, []want{{"", "GHA", "GHA", ""}}},
		{"Mercosur, Bolivia agree on tariff cuts.", want{"0", "", "", ""}, []want{{"", "BOL", "BOL", ""}}},
		// a hyphenated title: "secretary-general"
		{"The UN secretary-general, Antonio Guterres, praised Colombia for the peace deal.", want{"05", "IGOUNO", "COL", ""}, nil},
	})
}

// A name at the end of an opening phrase is no item of a list with the
// subject after its comma ("After talks with A, B expelled ..."): only a
// list join ("and", "or", "as well as") makes one, or a headline's pair
// of names opening the sentence ("A, B agree on ...").
func TestOpeningPhraseNameIsNoListItem(t *testing.T) {
	runObjects(t, []construction{
		{"After talks with Sweden, Finland expelled two Russian diplomats.", want{"16", "FIN", "RUS", ""}, []want{{"", "SWE", "", ""}}},
		{"Following a request from Laos, Thailand sent food aid to Myanmar.", want{"07", "THA", "MMR", ""}, []want{{"", "LAO", "", ""}}},
		{"Like Germany, Poland criticised the pipeline deal with Russia.", want{"11", "POL", "", ""}, []want{{"", "DEU", "", ""}}},
		{"Unlike Mexico, Guatemala rejected the proposal from Belize.", want{"", "GTM", "", ""}, []want{{"", "MEX", "", ""}}},
		{"In a call with Japan, Switzerland offered to mediate between Iran and Saudi Arabia.", want{"", "CHE", "", ""}, []want{{"", "JPN", "", ""}}},
		{"Ghana, Togo sign border security pact.", want{"0", "GHA", "TGO", ""}, nil},
	})
}

// An aside between the subject and its verb may follow a time ("X on
// Monday, in a rare move, V-ed") or open with a preposition that is also a
// clause word ("X, after talks, V-ed"): the subject stands before both.
func TestAsideAfterTime(t *testing.T) {
	runObjects(t, []construction{
		{"Ghana on Monday, in a rare move, expelled Togo's ambassador.", want{"16", "GHA", "TGO", ""}, nil},
		{"Bolivia last week, for the first time, criticised Chile.", want{"111", "BOL", "CHL", ""}, nil},
		{"Laos, after long talks, expelled two Thai diplomats.", want{"16", "LAO", "THA", ""}, nil},
		{"Croatia, before the summit, criticised Serbia.", want{"111", "HRV", "SRB", ""}, nil},
		{"Jordan on Sunday, after weeks of tension, condemned Israel.", want{"111", "JOR", "ISR", ""}, nil},
	})
}

// A possessive pronoun's noun is the subject's own ("recalled its
// ambassador from Y": Y is the target; a pattern that ends in a
// preposition names its target's); a demonym in it still names another
// country ("met his Turkish counterpart").
func TestOwnObject(t *testing.T) {
	runObjects(t, []construction{
		{"Peru recalled its ambassador from Bolivia.", want{"161", "PER", "BOL", ""}, []want{{"", "PER", "PER", ""}}},
		{"Ghana withdrew its envoy from Mali on Friday.", want{"161", "GHA", "MLI", ""}, []want{{"", "GHA", "GHA", ""}}},
		{"Sweden recalled its ambassador from Iran over the execution.", want{"161", "SWE", "IRN", ""}, []want{{"", "SWE", "SWE", ""}}},
		{"Algeria recalled its ambassador to France.", want{"161", "DZA", "FRA", ""}, []want{{"", "DZA", "DZA", ""}}},
		{"The Iraqi foreign minister met his Jordanian counterpart in Amman.", want{"04", "IRQ", "JOR", ""}, nil},
	})
}

// The "by" agent of an event noun stands in the noun's own phrase; after
// a verb it is the verb's ("X's invasion of Y was condemned by Z" is no
// invasion by Z).
func TestNominalAgentInPhrase(t *testing.T) {
	runObjects(t, []construction{
		{"Russia's annexation of Crimea was condemned by Canada.", want{"111", "CAN", "", ""}, []want{{"", "CAN", "UKR", ""}}},
		{"China's blockade of the island was criticised by Japan.", want{"11", "JPN", "", ""}, []want{{"19", "JPN", "", ""}, {"17", "JPN", "", ""}}},
		{"Serbia's expulsion of the diplomats was denounced by Croatia.", want{"11", "HRV", "", ""}, []want{{"16", "HRV", "", ""}}},
		{"The invasion of Kuwait by Iraq was condemned by Egypt.", want{"111", "EGY", "", ""}, []want{{"19", "EGY", "", ""}}},
		{"Turkey's shelling of Kurdish towns was condemned by Sweden.", want{"111", "SWE", "", ""}, []want{{"19", "SWE", "", ""}}},
	})
}

// A relative clause on the subject may end in a name the window would
// take for the subject ("the rebels who seized Goma in January attacked
// ..."): such a sentence is parsed, and its verb's nsubj decides, even
// where the parse hung the verb on the relative clause. A participle
// after the object ("farmers marching toward X") describes it: its
// phrase names no target.
func TestRelativeClauseOnSubject(t *testing.T) {
	runObjects(t, []construction{
		{"The rebels who seized Goma in January attacked a Congolese army base near Bukavu.", want{"19", "CODREB", "COD", ""}, nil},
		{"The gunmen who stormed Mopti in March attacked a Malian army convoy.", want{"19", "MLIUAF", "MLI", ""}, nil},
		{"Pakistani police arrested farmers marching toward Islamabad.", want{"17", "PAK", "", ""}, []want{{"", "", "PAKGOV", ""}}},
		{"Thai police arrested migrants walking toward Malaysia.", want{"17", "THA", "", ""}, []want{{"", "", "MYS", ""}}},
		{"Greek coast guards stopped a boat sailing toward Crete.", want{"", "GRC", "", ""}, []want{{"", "", "GRC", ""}}},
	})
}

// An attack noun with a side and a target of its own as the subject of
// an act of force is one attack, coded by the noun, which names its means
// ("air strikes", "drone strikes"); with no side ("a bomb explosion
// killed", the place's unidentified armed group) or no target the verb's
// event stays.
func TestAttackNounSubject(t *testing.T) {
	runObjects(t, []construction{
		{"Saudi air strikes killed nine Yemeni fishermen near Hodeidah.", want{"195", "SAU", "YEM", ""}, []want{{"18", "", "", ""}}},
		{"Turkish drone strikes killed four Kurdish fighters in northern Syria.", want{"195", "TUR", "", ""}, []want{{"18", "", "", ""}}},
		{"A Russian missile attack killed 12 civilians in Kharkiv.", want{"19", "RUS", "UKR", ""}, []want{{"18", "", "", ""}}},
		// a noun that finds no target of its own codes nothing: the verb's event stays
		{"Pakistani air raids killed 20 militants in North Waziristan.", want{"18", "PAK", "PAKUAF", ""}, nil},
		{"A roadside bomb killed three Nigerian soldiers near Maiduguri.", want{"18", "NGAUAF", "", ""}, nil},
	})
}

// Common news verbs and phrasal verbs of the lexicon's classes: "lash out
// at" (criticise), "kick out" (expel), "break up" a rally (repress),
// "press X to" (appeal), "free" people (release).
func TestNewsPhrasalVerbs(t *testing.T) {
	runObjects(t, []construction{
		{"Venezuela lashed out at Guyana over the oil licences.", want{"111", "VEN", "GUY", ""}, nil},
		{"Burkina Faso kicked out the French ambassador.", want{"161", "BFA", "FRA", ""}, nil},
		{"Mali kicked out the UN peacekeepers.", want{"166", "MLI", "IGOUNO", ""}, nil},
		{"Belarusian police broke up an opposition rally in Minsk.", want{"175", "BLRCOP", "", ""}, nil},
		{"Egypt pressed Israel to open the crossing.", want{"02", "EGY", "ISR", ""}, nil},
		{"Azerbaijan freed four Armenian soldiers on Tuesday.", want{"0841", "AZE", "ARM", ""}, nil},
	})
}

// In reported speech "his country", "her government" is the speaker's
// own side (words.tsv ownSideNouns), as "it" is.
func TestReportedOwnSide(t *testing.T) {
	runObjects(t, []construction{
		{"The Iranian foreign minister said his country would not negotiate with the United States under pressure.", want{"12", "IRN", "USA", ""}, nil},
		{"Peru's foreign minister said her country had recalled its ambassador from Mexico.", want{"161", "PER", "MEX", ""}, nil},
		{"The Turkish minister said his country would never recognise Cyprus.", want{"12", "TUR", "CYP", ""}, nil},
		{"Ghana's president said his government had arrested two Nigerian traders.", want{"17", "GHA", "NGA", ""}, nil},
		{"Chile's president said his government condemned Peru's decision.", want{"111", "CHL", "PER", ""}, nil},
	})
}

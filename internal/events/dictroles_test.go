package events

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/text"
)

// roleDictionaries exercise what a TABARI dictionary says beside its
// words: an entry for an inflected form of its own, source, target and
// compound markers, agents shared over a list of actors and agents
// alone.
var roleDictionaries = fstest.MapFS{
	"r.actors.txt": {Data: []byte(`KENYA [KEN]
KENYAN [KEN]
SOMALIA [SOM]
PERU [PER]
PERUVIAN [PER]
BOLIVIA [BOL]
NEPAL [NPL]
INDIA [IND]
FRANCE [FRA]
MALI [MLI]
LEBANON [LBN]
SYRIA [SYR]
JAPAN [JPN]
CHILE [CHL]
GHANA [GHA]
NORWAY [NOR]
VIETNAM [VNM]
EGYPT [EGY]
TURKEY [TUR]
BRAZIL [BRA]
SOUTH_SUDAN [SSD]
NEW_ZEALAND [NZL]
RIVERA [PER]
OKAFOR [NGA]
THE_ANDES_FC [PEREDU]
`)},
	"r.agents.txt": {Data: []byte(`SOLDIERS [~MIL]
POLICE [~COP]
LAWMAKERS [~LEG]
AMBASSADORS [~GOV]
OFFICIALS [~GOV]
OFFICIAL [~GOV]
GOVERNMENT [~GOV]
MEDIA [~MED]
STUDENTS [~EDU]
PRESIDENT [~GOV]
`)},
	"r.verbs.txt": {Data: []byte(`--- LEAVE  [012]  ---
LEAVE

--- LEFT  [032:033]  ---
LEFT

--- AGREE  [081]  ---
AGREE
- % *  [030:030]

--- RESUME  [---]  ---
RESUME
- % * TALKS  [046]

--- HOLD  [---]  ---
HOLD
- * TALKS IN ^ WITH +  [044]

--- RECEIVE  [---]  ---
RECEIVE
- + * LOAN FROM $  [071]

--- ACCUSE  [112]  ---
ACCUSE

--- ARREST  [173]  ---
ARREST

--- CRITICIZE  [122]  ---
CRITICIZE {CRITICIZED CRITICIZES}

--- VISIT  [042]  ---
VISIT

--- DEPLORE  [122]  ---
DEPLORE
- INDICATED *  [123]

--- CONDEMN  [122]  ---
CONDEMN
- RECENTLY_*  [1221]

--- WARN  [160]  ---
WARN
- * WOULD SUFFER  [1611]

--- WELCOME  [041]  ---
WELCOME

--- RISEN  [---]  ---
RISEN
- DEATH TOLL *  [223]

--- BREAK  [1717]  ---
BREAK {BROKE BROKEN}

--- ARRIVE  [032:033]  ---
ARRIVE

--- SIGN  [081]  ---
SIGN
- WILL NOT *  [1241]

--- DEPART  [032]  ---
DEPART

&NEARSYN
+CLOSER
+NEARER

--- ACCORD  [---]  ---
ACCORD
- INCHING &NEARSYN *  [083]

--- SAID  [023]  ---
SAID

--- REGRET  [---]  ---
REGRET
- NOTED + *  [1151]

--- ADOPT  [081]  ---
ADOPT
- * RESOLUTION  [102]

--- FREED  [---]  ---
FREED
- + * FROM $  [066]

--- ABANDON  [345]  ---
ABANDON
- * FREE TRADE  [1062]
`)},
}

func roleCoder(t *testing.T) *DictionaryCoder {
	t.Helper()
	d, err := petrarch.Load(roleDictionaries, petrarch.Files{Actors: []string{"r.actors.txt"},
		Agents: []string{"r.agents.txt"}, Verbs: []string{"r.verbs.txt"}})
	if err != nil || len(d.Warnings) > 0 {
		t.Fatal(err, d.Warnings)
	}
	v := petrarch.Compile(d, petrarch.DefaultCompileOptions())
	p := loadParser(t)
	to := text.DefaultOptions()
	to.Tagger = p
	up := loadUpstream(t)
	dc := NewDictionaryCoder(up.lex, v, text.New(to), p)
	dc.Times = up.stages[1]
	return dc
}

type roleCase struct {
	text      string
	want, not []petrarch.Coding
}

func checkRoles(t *testing.T, dc *DictionaryCoder, cases []roleCase) {
	t.Helper()
	for _, tt := range cases {
		got := dc.Code(tt.text, time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: want %v, got %v", tt.text, w, got)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: %v coded: %v", tt.text, w, got)
			}
		}
	}
}

func c(src, tgt, code string) petrarch.Coding {
	return petrarch.Coding{Source: src, Target: tgt, Code: code}
}

// TestDictionaryFormEntry: a dictionary entry of an inflected form
// ("LEFT [032:033]") is the verb the dictionary means by that form,
// before its lemma's entry ("LEAVE [012]"); other forms of the lemma
// keep the lemma's entry.
func TestDictionaryFormEntry(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Kenya's president left for Somalia on Monday.", []petrarch.Coding{c("KENGOV", "SOM", "032"), c("SOM", "KENGOV", "033")}, []petrarch.Coding{c("KENGOV", "SOM", "012")}},
		{"The president of Peru left for Bolivia after the summit.", []petrarch.Coding{c("PERGOV", "BOL", "032")}, []petrarch.Coding{c("PERGOV", "BOL", "012")}},
		{"Japan's president left yesterday for Vietnam.", []petrarch.Coding{c("JPNGOV", "VNM", "032")}, nil},
		{"Ghana's president left for Norway for talks on trade.", []petrarch.Coding{c("GHAGOV", "NOR", "032"), c("NOR", "GHAGOV", "033")}, nil},
		{"Egypt will leave Turkey's alliance next year.", []petrarch.Coding{c("EGY", "TUR", "012")}, []petrarch.Coding{c("EGY", "TUR", "032")}},
	})
}

// TestDictionaryMarkers: a pattern's markers place source and target:
// "+" after its last word is the target there, past the noun phrases
// "^" skips; "$" after it with "+" before the verb is a source named
// after the verb acting on the subject; "%" before the verb makes a
// compound subject act on each other, and a pattern of "%" alone codes
// only with a compound subject.
func TestDictionaryMarkers(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"India held talks in Nepal with France on Monday.", []petrarch.Coding{c("IND", "FRA", "044")}, []petrarch.Coding{c("IND", "NPL", "044")}},
		{"Chile held talks in Peru with Bolivia about water rights.", []petrarch.Coding{c("CHL", "BOL", "044")}, []petrarch.Coding{c("CHL", "PER", "044")}},
		{"Kenya received a loan from France last week.", []petrarch.Coding{c("FRA", "KEN", "071")}, []petrarch.Coding{c("KEN", "FRA", "071")}},
		{"Mali has received a large loan from Brazil.", []petrarch.Coding{c("BRA", "MLI", "071")}, []petrarch.Coding{c("MLI", "BRA", "071")}},
		{"Peru and Bolivia agree that the border should be reopened.", []petrarch.Coding{c("PER", "BOL", "030"), c("BOL", "PER", "030")}, []petrarch.Coding{c("PER", "BOL", "081")}},
		{"Japan agrees with Vietnam on fishing quotas.", []petrarch.Coding{c("JPN", "VNM", "081")}, []petrarch.Coding{c("JPN", "VNM", "030")}},
		{"Egypt and Turkey resumed talks in March.", []petrarch.Coding{c("EGY", "TUR", "046"), c("TUR", "EGY", "046")}, nil},
		{"Ghana and Norway have resumed talks on debt relief.", []petrarch.Coding{c("GHA", "NOR", "046"), c("NOR", "GHA", "046")}, nil},
	})
}

// TestDictionaryAgentLists: agents are shared over a list of actors as
// TABARI shares them: agents linked to the first actor of a list are
// every listed actor's, agents alone before a list belong to each of
// its actors, agents alone after an actor to that actor; agents alone
// with no actor code "---" plus the agent, but not as a modifier and
// not in an event with no actor on either side.
func TestDictionaryAgentLists(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"The ambassadors of Peru, Bolivia and Chile visited Brazil on Friday.", []petrarch.Coding{c("PERGOV", "BRA", "042"), c("BOLGOV", "BRA", "042"), c("CHLGOV", "BRA", "042")}, []petrarch.Coding{c("BOL", "BRA", "042")}},
		{"Lawmakers in Mali and Ghana accused France of meddling.", []petrarch.Coding{c("MLILEG", "FRA", "112"), c("GHALEG", "FRA", "112")}, []petrarch.Coding{c("GHA", "FRA", "112")}},
		{"Lawmakers and officials in Kenya and Somalia criticized Egypt.", []petrarch.Coding{c("KENLEG", "EGY", "122"), c("SOMLEG", "EGY", "122"), c("KENGOV", "EGY", "122"), c("SOMGOV", "EGY", "122")}, nil},
		{"Peruvian media and government criticized Chile over the dispute.", []petrarch.Coding{c("PERMED", "CHL", "122"), c("PERGOV", "CHL", "122")}, nil},
		{"Kenyan police arrested students in Nairobi on Tuesday.", []petrarch.Coding{c("KENCOP", "---EDU", "173")}, nil},
		{"Soldiers arrested lawmakers from Syria at the crossing.", []petrarch.Coding{c("---MIL", "SYRLEG", "173")}, nil},
		{"An official visit by Japan's president to India was postponed.", nil, []petrarch.Coding{c("JPNGOV", "---GOV", "042")}},
	})
}

// TestDictionaryFrames: with a dictionary as the whole vocabulary,
// sitrep's own framing verbs that code nothing themselves (attribution,
// intent) still frame the verb after them when the dictionary has no
// entry of its own for them, so "X indicated it V-ed Y" has X as source.
func TestDictionaryFrames(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Japan indicated it deplored Vietnam's decision on fishing.", []petrarch.Coding{c("JPN", "VNM", "123")}, nil},
		{"Brazil indicated it deplored Chile's new tariffs.", []petrarch.Coding{c("BRA", "CHL", "123")}, nil},
		{"Ghana indicated it deplored Mali's expulsion of diplomats.", []petrarch.Coding{c("GHA", "MLI", "123")}, nil},
		{"Norway deplored Turkey's arrests of journalists.", []petrarch.Coding{c("NOR", "TUR", "122")}, []petrarch.Coding{c("NOR", "TUR", "123")}},
		{"Egypt indicated it deplored Syria's shelling of the border.", []petrarch.Coding{c("EGY", "SYR", "123")}, nil},
	})
}

// TestDictionaryAdjacency: words a pattern joins to its verb with "_"
// ("RECENTLY_*") must stand right before it; TABARI's patterns read
// across "that" ("warned that X would suffer", "indicated that it V").
func TestDictionaryAdjacency(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Ghana recently condemned Mali over the border closure.", []petrarch.Coding{c("GHA", "MLI", "1221")}, nil},
		{"Peru recently has condemned Bolivia.", []petrarch.Coding{c("PER", "BOL", "122")}, []petrarch.Coding{c("PER", "BOL", "1221")}},
		{"Recently Japan has strongly condemned Vietnam.", []petrarch.Coding{c("JPN", "VNM", "122")}, []petrarch.Coding{c("JPN", "VNM", "1221")}},
		{"Norway warned that Turkey would suffer from the sanctions.", []petrarch.Coding{c("NOR", "TUR", "1611")}, []petrarch.Coding{c("NOR", "TUR", "160")}},
		{"Egypt warned Syria that its economy would suffer.", []petrarch.Coding{c("EGY", "SYR", "1611")}, nil},
		{"Brazil indicated that it deplored Chile's new tariffs.", []petrarch.Coding{c("BRA", "CHL", "123")}, nil},
		{"Chile warned that Peru would face a long dispute.", []petrarch.Coding{c("CHL", "PER", "160")}, []petrarch.Coding{c("CHL", "PER", "1611")}},
	})
}

// TestDictionaryCompoundSubjectTarget: a compound subject of a verb
// whose dictionary code is not mutual codes the actor after the verb,
// not each other (only "A:A" codes and "%" patterns are mutual).
func TestDictionaryCompoundSubjectTarget(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Peru and Chile welcomed the talks between Kenya and Somalia.", []petrarch.Coding{c("PER", "KEN", "041"), c("CHL", "SOM", "041")}, []petrarch.Coding{c("PER", "CHL", "041")}},
		{"Japan and Norway welcomed a ceasefire between Syria and Turkey.", []petrarch.Coding{c("JPN", "SYR", "041"), c("NOR", "TUR", "041")}, []petrarch.Coding{c("NOR", "JPN", "041")}},
		{"Ghana and Mali welcomed a new treaty with Egypt.", []petrarch.Coding{c("GHA", "EGY", "041"), c("MLI", "EGY", "041")}, []petrarch.Coding{c("GHA", "MLI", "041")}},
		{"Brazil and Bolivia welcomed the deal between India and Nepal.", []petrarch.Coding{c("BRA", "IND", "041"), c("BOL", "NPL", "041")}, []petrarch.Coding{c("BRA", "BOL", "041")}},
		{"Vietnam and Kenya welcomed France's decision.", []petrarch.Coding{c("VNM", "FRA", "041"), c("KEN", "FRA", "041")}, []petrarch.Coding{c("VNM", "KEN", "041")}},
	})
}

// TestDictionaryTimesAndNames: a time between the subject and its verb
// is read as a time ("X on Thursday V-ed"); a name written as the
// dictionaries write phrases ("South_Sudan") is the phrase; a possessive
// actor with only adjectives before the agents heading its noun phrase
// is their actor, not the name after them ("X's new and popular
// president NAME" is X's government).
func TestDictionaryTimesAndNames(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Japan on Monday condemned Vietnam over the seizure.", []petrarch.Coding{c("JPN", "VNM", "122")}, nil},
		{"Egypt on Thursday accused Turkey of meddling.", []petrarch.Coding{c("EGY", "TUR", "112")}, nil},
		{"Norway on Friday criticized Brazil's logging policy.", []petrarch.Coding{c("NOR", "BRA", "122")}, nil},
		{"Kenya yesterday accused South_Sudan of shelling border towns.", []petrarch.Coding{c("KEN", "SSD", "112")}, nil},
		{"New_Zealand criticized France over the tests.", []petrarch.Coding{c("NZL", "FRA", "122")}, nil},
		{"Chile's new and popular president Rivera criticized Bolivia.", []petrarch.Coding{c("CHLGOV", "BOL", "122")}, []petrarch.Coding{c("PERGOV", "BOL", "122")}},
		{"Ghana's outspoken president Okafor accused Mali of stalling.", []petrarch.Coding{c("GHAGOV", "MLI", "112")}, []petrarch.Coding{c("NGAGOV", "MLI", "112")}},
		{"Nepal's president Okafor visited India.", []petrarch.Coding{c("NPLGOV", "IND", "042")}, nil},
	})
}

// TestDictionarySourceBefore: a dictionary pattern whose subject names
// no actor itself takes TABARI's source, the nearest actor before the
// verb in its clause outside a prepositional phrase ("X's death toll
// has risen", "the X football club is about to"); a hedged act ("was
// seen to V") is coded, as TABARI codes it, with its target after it.
func TestDictionarySourceBefore(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Syria's death toll has risen after the border fighting with Turkey.", []petrarch.Coding{c("SYR", "TUR", "223")}, nil},
		{"Nepal's death toll has risen since the clashes with India.", []petrarch.Coding{c("NPL", "IND", "223")}, nil},
		{"The Andes FC delegation is about to visit Chile.", []petrarch.Coding{c("PEREDU", "CHL", "042")}, nil},
		{"In Kenya the death toll has risen after the raids by Somalia.", nil, []petrarch.Coding{c("KEN", "SOM", "223")}},
		{"Mali was seen to break into a rally held by France in Bamako.", []petrarch.Coding{c("MLI", "FRA", "1717")}, nil},
		{"Peru was said to break with Bolivia over the gas deal.", []petrarch.Coding{c("PER", "BOL", "1717")}, nil},
	})
}

// TestDictionaryTabariReading: what TABARI reads that a parse-based
// coder would not: the first actor after the verb is the target when
// the coder finds none (and a reciprocal code codes it in return);
// "neither X nor Y" is both; negation is what the dictionary's own
// patterns say ("WILL NOT *"), not sitrep's refusal codes; a dictionary
// verb right after a clause's actor and before its preposition is a verb
// whatever the tagger said, as is a pattern's head after a modal; a
// pattern that names the words before its verb has read its frame
// ("INCHING CLOSER *" is not a mere purpose clause).
func TestDictionaryTabariReading(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		// target after the verb, reciprocal
		{"Chile's president arrived in Peru on Monday on a state visit.", []petrarch.Coding{c("CHLGOV", "PER", "032"), c("PER", "CHLGOV", "033")}, nil},
		{"Japan's president arrived yesterday in Vietnam for trade talks.", []petrarch.Coding{c("JPNGOV", "VNM", "032"), c("VNM", "JPNGOV", "033")}, nil},
		{"Ghana's president arrived in Norway on his first official foreign trip.", []petrarch.Coding{c("GHAGOV", "NOR", "032"), c("NOR", "GHAGOV", "033")}, nil},
		{"Egypt's president arrived in Turkey late on Sunday.", []petrarch.Coding{c("EGYGOV", "TUR", "032"), c("TUR", "EGYGOV", "033")}, nil},
		{"Brazil's president arrived at a summit hosted by Bolivia.", []petrarch.Coding{c("BRAGOV", "BOL", "032")}, nil},
		// neither ... nor
		{"Neither Peru nor Bolivia signed the accord with Chile.", []petrarch.Coding{c("PER", "CHL", "081"), c("BOL", "CHL", "081")}, nil},
		{"Neither Kenya nor Somalia criticized Egypt.", []petrarch.Coding{c("KEN", "EGY", "122"), c("SOM", "EGY", "122")}, nil},
		{"Neither Japan nor Norway visited Vietnam this year.", []petrarch.Coding{c("JPN", "VNM", "042"), c("NOR", "VNM", "042")}, nil},
		{"Neither Ghana nor Mali accused France.", []petrarch.Coding{c("GHA", "FRA", "112"), c("MLI", "FRA", "112")}, nil},
		{"Neither Syria nor Lebanon condemned Turkey.", []petrarch.Coding{c("SYR", "TUR", "122"), c("LBN", "TUR", "122")}, nil},
		// negation as the dictionary writes it
		{"Peru will not sign the accord with Chile.", []petrarch.Coding{c("PER", "CHL", "1241")}, nil},
		{"Ghana will not sign a treaty with Mali.", []petrarch.Coding{c("GHA", "MLI", "1241")}, nil},
		{"Japan will not criticize Vietnam.", []petrarch.Coding{c("JPN", "VNM", "122")}, nil},
		{"Kenya will not accuse Somalia.", []petrarch.Coding{c("KEN", "SOM", "112")}, nil},
		{"Egypt signed a treaty with Turkey.", []petrarch.Coding{c("EGY", "TUR", "081")}, []petrarch.Coding{c("EGY", "TUR", "1241")}},
		// a dictionary verb after its clause's actor, before its preposition
		{"Norway departs from Brazil after the talks.", []petrarch.Coding{c("NOR", "BRA", "032")}, nil},
		{"Chile departs from Bolivia on Sunday.", []petrarch.Coding{c("CHL", "BOL", "032")}, nil},
		{"After the summit, Kenya departs for Somalia.", []petrarch.Coding{c("KEN", "SOM", "032")}, nil},
		{"Japan departs for Vietnam tomorrow.", []petrarch.Coding{c("JPN", "VNM", "032")}, nil},
		{"Peru will abandon free trade with Bolivia.", []petrarch.Coding{c("PER", "BOL", "1062")}, nil},
		// the words before the verb read its frame
		{"Peru is inching closer to accord with Chile.", []petrarch.Coding{c("PER", "CHL", "083")}, nil},
		{"Ghana has been inching nearer to accord with Mali.", []petrarch.Coding{c("GHA", "MLI", "083")}, nil},
		{"Egypt was inching closer to accord with Turkey last year.", []petrarch.Coding{c("EGY", "TUR", "083")}, nil},
		{"Japan is now inching closer to accord with Vietnam.", []petrarch.Coding{c("JPN", "VNM", "083")}, nil},
		{"Nepal was inching nearer to accord with India on water.", []petrarch.Coding{c("NPL", "IND", "083")}, nil},
	})
}

// TestDictionaryWords: a dictionary's words after its verb are the
// words it writes ("RESOLUTION" is not "resolutions"; its verb
// inflects); "+" between the words before the verb and the verb makes
// the verb's subject the target of the actor before those words ("X
// noted that Y regretted" is X's act on Y); the dictionary's agents
// alone name groups (sitrep's group nouns add none: "X's militia" is X).
func TestDictionaryWords(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Peru will adopt a resolution with Chile.", []petrarch.Coding{c("PER", "CHL", "102")}, nil},
		{"Peru will adopt a whole set of resolutions with Chile.", []petrarch.Coding{c("PER", "CHL", "081")}, []petrarch.Coding{c("PER", "CHL", "102")}},
		{"Ghana adopted a resolution with Mali on trade.", []petrarch.Coding{c("GHA", "MLI", "102")}, nil},
		{"Japan adopts resolutions with Vietnam every year.", []petrarch.Coding{c("JPN", "VNM", "081")}, []petrarch.Coding{c("JPN", "VNM", "102")}},
		{"Egypt has adopted a resolution with Turkey.", []petrarch.Coding{c("EGY", "TUR", "102")}, nil},
		{"Kenya's president noted that Somalia regretted the raids.", []petrarch.Coding{c("KENGOV", "SOM", "1151")}, []petrarch.Coding{c("SOM", "KENGOV", "1151")}},
		{"Norway noted that Brazil regretted its decision.", []petrarch.Coding{c("NOR", "BRA", "1151")}, nil},
		{"Chile noted on Monday that Bolivia regretted the delay.", []petrarch.Coding{c("CHL", "BOL", "1151")}, nil},
		{"India noted that Nepal deeply regretted the incident.", []petrarch.Coding{c("IND", "NPL", "1151")}, nil},
		{"Egypt noted that Syria regretted the closure of the crossing.", []petrarch.Coding{c("EGY", "SYR", "1151")}, nil},
		{"Lebanon's militia was freed from Syria on Friday.", []petrarch.Coding{c("SYR", "LBN", "066")}, nil},
		{"Mali's border guard unit was freed from France last week.", []petrarch.Coding{c("FRA", "MLI", "066")}, nil},
		{"Kenya's militia arrested students in Nairobi.", []petrarch.Coding{c("KEN", "---EDU", "173")}, []petrarch.Coding{c("KENUAF", "---EDU", "173")}},
		{"Peru's militia criticized Chile.", []petrarch.Coding{c("PER", "CHL", "122")}, []petrarch.Coding{c("PERUAF", "CHL", "122")}},
		{"Japan's navy criticized Vietnam.", []petrarch.Coding{c("JPN", "VNM", "122")}, []petrarch.Coding{c("JPNMIL", "VNM", "122")}},
	})
}

// TestDictionaryVoice: with a dictionary as the vocabulary, a passive
// with no by-agent in the main clause reads as TABARI reads it, the
// subject as source (TestDictionarySubordinatePassive: not elsewhere), since
// the dictionary writes the passives it means as patterns of their own
// ("+ WAS_ *", "+ * FROM $"); a by-agent is still the source; agents
// alone make a source ("an official said" is ---GOV); a dictionary verb
// the tagger took for an adjective right after its clause's actor and
// before its object is the verb.
func TestDictionaryVoice(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Chile was criticized over its dispute with Bolivia.", []petrarch.Coding{c("CHL", "BOL", "122")}, nil},
		{"Japan was sharply criticized over its whaling near Norway.", []petrarch.Coding{c("JPN", "NOR", "122")}, nil},
		{"Kenya was criticized by Somalia over the border.", []petrarch.Coding{c("SOM", "KEN", "122")}, []petrarch.Coding{c("KEN", "SOM", "122")}},
		{"Egypt was criticized by Turkey for the arrests.", []petrarch.Coding{c("TUR", "EGY", "122")}, []petrarch.Coding{c("EGY", "TUR", "122")}},
		{"Mali was freed from France's grip, an official said.", []petrarch.Coding{c("FRA", "MLI", "066"), c("---GOV", "---", "023")}, nil},
		{"Ghana abandoned talks with Mali.", []petrarch.Coding{c("GHA", "MLI", "345")}, nil},
		{"Peru abandoned efforts to reach Chile.", []petrarch.Coding{c("PER", "CHL", "345")}, nil},
	})
}

// TestDictionaryStage: `--dictionaries DIR` in the pipeline codes each
// article through this coder as the validation does, on the text and
// time stages' sentences, tokens and times: one event per coding, with
// dictionary codes and no entity ids (the dictionaries' actors are not
// the article's entities), numbered on from the events already there.
func TestDictionaryStage(t *testing.T) {
	d, err := petrarch.Load(roleDictionaries, petrarch.Files{Actors: []string{"r.actors.txt"},
		Agents: []string{"r.agents.txt"}, Verbs: []string{"r.verbs.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	st := NewDictionaryStage(loadUpstream(t).lex, petrarch.Compile(d, petrarch.DefaultCompileOptions()), loadParser(t))
	up := loadUpstream(t)
	for _, tt := range []struct {
		text string
		want []petrarch.Coding
	}{
		{"Japan on Monday condemned Vietnam over the seizure.", []petrarch.Coding{c("JPN", "VNM", "122")}},
		{"Peru and Bolivia agree that the border should be reopened.", []petrarch.Coding{c("PER", "BOL", "030"), c("BOL", "PER", "030")}},
		{"Kenya received a loan from France last week.", []petrarch.Coding{c("FRA", "KEN", "071")}},
		{"The ambassadors of Peru, Bolivia and Chile visited Brazil.", []petrarch.Coding{c("PERGOV", "BRA", "042"), c("BOLGOV", "BRA", "042"), c("CHLGOV", "BRA", "042")}},
		{"Ghana's president arrived in Norway. Egypt accused Turkey of meddling.", []petrarch.Coding{c("GHAGOV", "NOR", "032"), c("NOR", "GHAGOV", "033"), c("EGY", "TUR", "112")}},
	} {
		a := model.NewArticle()
		a.Body = tt.text
		a.Published = model.Published{Date: model.Str("2024-05-01"), Precision: model.Str(model.PrecisionDay)}
		for _, s := range up.stages[:2] { // text, times
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		a.Events = []model.Event{{ID: "v1", Cameo: "010"}} // one already there
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var got []petrarch.Coding
		for i, e := range a.Events[1:] {
			tgt := "---"
			if e.Target != nil {
				tgt = e.Target.Code
				if e.Target.Entity != nil {
					t.Errorf("%s: target entity id %s", tt.text, *e.Target.Entity)
				}
			}
			if e.Source.Entity != nil {
				t.Errorf("%s: source entity id %s", tt.text, *e.Source.Entity)
			}
			if want := "v" + strconv.Itoa(i+2); e.ID != want {
				t.Errorf("%s: event id %s, want %s", tt.text, e.ID, want)
			}
			got = append(got, c(e.Source.Code, tgt, e.Cameo))
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: want %v, got %v", tt.text, w, got)
			}
		}
		if len(a.Entities) != 0 {
			t.Errorf("%s: the stage added entities %v", tt.text, a.Entities)
		}
	}
}

// TestDictionaryStageDiscards: in the pipeline a story discard phrase in
// an article's first sentence drops its every coding (as the dictionary
// path always did), one further on does not; a sentence discard phrase
// drops its sentence's codings only.
func TestDictionaryStageDiscards(t *testing.T) {
	fsys := fstest.MapFS{"r.discards.txt": {Data: []byte("FOOTBALL\n+CRICKET\n")}}
	for k, v := range roleDictionaries {
		fsys[k] = v
	}
	d, err := petrarch.Load(fsys, petrarch.Files{Actors: []string{"r.actors.txt"}, Agents: []string{"r.agents.txt"},
		Verbs: []string{"r.verbs.txt"}, Discards: []string{"r.discards.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	st := NewDictionaryStage(loadUpstream(t).lex, petrarch.Compile(d, petrarch.DefaultCompileOptions()), loadParser(t))
	up := loadUpstream(t)
	for _, tt := range []struct {
		text string
		n    int
	}{
		{"Japan condemned Vietnam. Egypt accused Turkey of meddling.", 2},
		{"Japan beat Vietnam at cricket. Egypt accused Turkey of meddling.", 0},
		{"Egypt accused Turkey of meddling. Japan condemned Vietnam after the cricket final.", 2},
		{"Japan condemned Vietnam after the football match. Egypt accused Turkey of meddling.", 1},
		{"Chile criticized Peru over a football riot. Norway criticized Brazil over logging.", 1},
	} {
		a := model.NewArticle()
		a.Body = tt.text
		a.Published = model.Published{Date: model.Str("2024-05-01"), Precision: model.Str(model.PrecisionDay)}
		for _, s := range up.stages[:2] {
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Events) != tt.n {
			t.Errorf("%s: %d events, want %d", tt.text, len(a.Events), tt.n)
		}
	}
}

// TestDictionarySubordinatePassive: TABARI's reading of an agentless
// passive (its subject as source) holds only in the sentence's main
// clause; in a clause opened by a subordinator or a relative pronoun
// the subject is the patient, and with no agent there is no source, so
// the passive codes nothing (read from the words too: the parse often
// hangs such a clause on the main verb as a conjunct).
func TestDictionarySubordinatePassive(t *testing.T) {
	checkRoles(t, roleCoder(t), []roleCase{
		{"Peru welcomed Chile's offer after Bolivia was criticized over the delay.", []petrarch.Coding{c("PER", "CHL", "041")}, []petrarch.Coding{c("BOL", "---", "122"), c("PER", "BOL", "122"), c("BOL", "CHL", "122")}},
		{"Kenya visited Somalia when Egypt was criticized for the dam.", []petrarch.Coding{c("KEN", "SOM", "042")}, []petrarch.Coding{c("EGY", "---", "122"), c("KEN", "EGY", "122"), c("SOM", "EGY", "122")}},
		{"Japan welcomed Vietnam's envoys because Norway was criticized over its fishing.", []petrarch.Coding{c("JPN", "VNM", "041")}, []petrarch.Coding{c("NOR", "---", "122"), c("JPN", "NOR", "122"), c("VNM", "NOR", "122")}},
		{"Ghana accused Mali while France was freed from the dispute.", []petrarch.Coding{c("GHA", "MLI", "112")}, []petrarch.Coding{c("FRA", "---", "066"), c("GHA", "FRA", "066"), c("MLI", "FRA", "066")}},
		{"Brazil visited India, which was criticized over the tariffs.", []petrarch.Coding{c("BRA", "IND", "042")}, []petrarch.Coding{c("IND", "---", "122"), c("BRA", "IND", "122")}},
		{"Lebanon condemned Syria after Turkey's soldiers were arrested near the border.", []petrarch.Coding{c("LBN", "SYR", "122")}, []petrarch.Coding{c("TUR", "---", "173"), c("TURMIL", "---", "173"), c("LBN", "TUR", "173"), c("LBN", "TURMIL", "173"), c("SYR", "TURMIL", "173")}},
		// the main clause keeps TABARI's reading
		{"Chile was criticized over its dispute with Bolivia.", []petrarch.Coding{c("CHL", "BOL", "122")}, nil},
	})
}

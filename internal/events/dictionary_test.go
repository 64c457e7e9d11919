package events

import (
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/text"
)

// A small dictionary set in both halves of the TABARI format: actors,
// agents, a synset and verb blocks with patterns (words, synsets,
// prepositions, a form the dictionary lists).
var testDictionaries = fstest.MapFS{
	"test.actors.txt": {Data: []byte(`KENYA [KEN]
SOMALIA [SOM]
PERU [PER]
BOLIVIA [BOL]
NEPAL [NPL]
INDIA [IND]
FRANCE [FRA]
MALI [MLI]
LEBANON [LBN]
SYRIA [SYR]
BENELUX [BEL/NLD/LUX]
RUTO [KEN]
`)},
	"test.agents.txt": {Data: []byte(`SOLDIERS [~MIL]
FOREIGN_MINISTER [~GOVFRM]
POLICE [~COP]
PRESIDENT [~GOV]
ACTIVISTS [~OPP]
`)},
	"test.verbs.txt": {Data: []byte(`&AIDTYPE
+FOOD
+MEDICINE
+FUEL
+CLEAN_WATER

--- ACCUSE  [112]  ---
ACCUSE
- * OF SPYING  [1121]

--- SEND  [070]  ---
SEND {SENT SENDS SENDING}
- * &AIDTYPE  [073]
- * MILITARY_AID  [074]

--- MEET  [040:040]  ---
MEET {MET MEETS MEETING}

--- SHELL  [190]  ---
SHELL
- * (NEAR)  [194]
`)},
}

func dictionaryCoder(t *testing.T) *DictionaryCoder {
	t.Helper()
	d, err := petrarch.Load(testDictionaries, petrarch.Files{Actors: []string{"test.actors.txt"},
		Agents: []string{"test.agents.txt"}, Verbs: []string{"test.verbs.txt"}})
	if err != nil || len(d.Warnings) > 0 {
		t.Fatal(err, d.Warnings)
	}
	v := petrarch.Compile(d, petrarch.DefaultCompileOptions())
	p := loadParser(t)
	to := text.DefaultOptions()
	to.Tagger = p
	return NewDictionaryCoder(loadUpstream(t).lex, v, text.New(to), p)
}

// TestDictionaryThroughCoder: dictionary verbs, compiled into the
// coder's pattern set, and dictionary actors (with their agents) code
// through this coder: the most specific pattern wins, listed and
// regular forms match through the lemma, agents combine with the actor
// they follow ("Mali's foreign minister"), a reciprocal code ("MEET
// [040:040]") codes the target's act in return, a compound target is
// each of its actors and an actor that stands for several ("BENELUX
// [BEL/NLD/LUX]") codes for each; a title and the name after it are
// one actor ("Kenya's President Ruto"), as are agents "in" an actor;
// "_" joins words that must be adjacent ("MILITARY_AID") and a synset's
// multi-word phrase matches whole ("CLEAN_WATER", not "water"); actors
// joined by "and" with modifiers between are a compound.
func TestDictionaryThroughCoder(t *testing.T) {
	dc := dictionaryCoder(t)
	for _, tt := range []struct {
		text string
		want []petrarch.Coding
		not  []petrarch.Coding
	}{
		{"Kenya accused Somalia of spying on its border posts.", []petrarch.Coding{{Source: "KEN", Target: "SOM", Code: "1121"}}, nil},
		{"Peru accused Bolivia of corruption.", []petrarch.Coding{{Source: "PER", Target: "BOL", Code: "112"}}, nil},
		{"India sent medicine to Nepal after the earthquake.", []petrarch.Coding{{Source: "IND", Target: "NPL", Code: "073"}}, nil},
		{"Mali's foreign minister met France's ambassador in Bamako.", []petrarch.Coding{{Source: "MLIGOVFRM", Target: "FRA", Code: "040"}, {Source: "FRA", Target: "MLIGOVFRM", Code: "040"}}, nil},
		{"Kenya's President Ruto met the foreign minister of Somalia.", []petrarch.Coding{{Source: "KENGOV", Target: "SOMGOVFRM", Code: "040"}}, nil},
		{"Activists in Nepal accused India of spying.", []petrarch.Coding{{Source: "NPLOPP", Target: "IND", Code: "1121"}}, nil},
		{"India sent military aid to Nepal.", []petrarch.Coding{{Source: "IND", Target: "NPL", Code: "074"}}, nil},
		{"India sent military trainers and aid to Nepal.", []petrarch.Coding{{Source: "IND", Target: "NPL", Code: "070"}}, []petrarch.Coding{{Source: "IND", Target: "NPL", Code: "074"}}},
		{"France sent clean water to Mali.", []petrarch.Coding{{Source: "FRA", Target: "MLI", Code: "073"}}, nil},
		{"France sent water to Mali.", []petrarch.Coding{{Source: "FRA", Target: "MLI", Code: "070"}}, []petrarch.Coding{{Source: "FRA", Target: "MLI", Code: "073"}}},
		{"Peru and the landlocked Bolivia accused Kenya of spying.", []petrarch.Coding{{Source: "PER", Target: "KEN", Code: "1121"}, {Source: "BOL", Target: "KEN", Code: "1121"}}, nil},
		{"Benelux sent food to Mali in March.", []petrarch.Coding{{Source: "BEL", Target: "MLI", Code: "073"}, {Source: "NLD", Target: "MLI", Code: "073"}, {Source: "LUX", Target: "MLI", Code: "073"}}, nil},
		{"Syria shelled villages near the border with Lebanon.", []petrarch.Coding{{Source: "SYR", Target: "LBN", Code: "194"}}, nil},
		{"France sent fuel to Mali and Lebanon.", []petrarch.Coding{{Source: "FRA", Target: "MLI", Code: "073"}, {Source: "FRA", Target: "LBN", Code: "073"}}, nil},
	} {
		got := dc.Code(tt.text, time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
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

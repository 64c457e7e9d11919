package events

import (
	"context"
	"io/fs"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/actors"
	"github.com/sitrep-project/sitrep/internal/model"
)

// codePipeline runs the stages as the pipeline orders them: the earlier
// stages, the actors stage (which makes group nouns entities), the lazy
// parse stage and the coder with the Phoenix verbs.
func codePipeline(t testing.TB, body string) *model.Article {
	t.Helper()
	p := loadParser(t)
	up := loadUpstream(t)
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	a := model.NewArticle()
	a.Body = body
	a.Published = model.Published{Date: model.Str("2025-03-10"), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
	coder := New(up.lex, DefaultOptions()).WithVerbs(phoenix)
	stages := append(append([]model.Stage{}, up.stages...), actors.New(phoenix, root),
		&ParseStage{Parser: p, Coder: coder, Gaps: true, KeepTags: true}, coder)
	for _, s := range stages {
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// Weapons and vehicles stand for the armed forces that use them
// (groups.tsv: tanks, bulldozers, gunboats, warships, artillery), coded
// with the demonym's country; elders are civilians of their place.
func TestPipelineHardwareGroups(t *testing.T) {
	for _, tc := range []construction{
		{"Turkish tanks attacked Kurdish positions near the border.", want{"19", "TURMIL", "", ""}, nil},
		{"Indian tanks shelled positions of the Pakistani army near Sialkot.", want{"19", "INDMIL", "", ""}, nil},
		{"Chinese warships fired on a Philippine supply boat.", want{"19", "CHNMIL", "PHL", ""}, nil},
		{"Russian gunboats seized two Ukrainian vessels in the Kerch Strait.", want{"17", "RUSMIL", "UKR", ""}, nil},
		{"Israeli bulldozers demolished homes in Hebron on Monday.", want{"17", "ISRMIL", "", ""}, nil},
		{"Ethiopian artillery pounded rebel positions near Mekele.", want{"19", "ETHMIL", "", ""}, nil},
		{"Traditional elders in Somalia condemned the attack.", want{"11", "SOM", "", ""}, nil},
	} {
		t.Run(tc.body, func(t *testing.T) {
			a := codePipeline(t, tc.body)
			if !has(a, tc.want) {
				t.Errorf("want %+v; got %s", tc.want, eventList(a))
			}
		})
	}
}

// A name in a compound of patronage ("Iranian-backed", words.tsv
// patronWords) sponsors the group after it and is not its actor: the
// group is of the place, as any unnamed group is.
func TestPatronCompound(t *testing.T) {
	runPipeline(t, []construction{
		{"Iranian-backed militias attacked US bases in Syria.", want{"19", "SYRUAF", "USA", ""}, []want{{"19", "IRN", "", ""}}},
		{"Russian-backed separatists shelled Donetsk.", want{"19", "UKR", "UKR", ""}, []want{{"19", "RUS", "", ""}}},
		{"Rwandan-backed rebels attacked Goma.", want{"19", "COD", "COD", ""}, []want{{"19", "RWA", "", ""}}},
		{"Turkish-backed militias attacked a village in Aleppo.", want{"19", "SYRUAF", "SYR", ""}, []want{{"19", "TUR", "", ""}}},
		{"US-trained commandos raided a village near Kandahar.", want{"19", "AFG", "", ""}, []want{{"19", "USA", "", ""}}},
	})
}

// A landmine or an explosive device that kills is an unidentified armed
// group's attack in the country of the place, as a bomb's or a blast's
// is (groups.tsv).
func TestMinesAreUnidentifiedAttackers(t *testing.T) {
	runPipeline(t, []construction{
		{"A landmine killed two shepherds near Kidal.", want{"18", "MLIUAF", "", ""}, nil},
		{"A landmine wounded three soldiers in Kandahar province.", want{"18", "AFGUAF", "AFGMIL", ""}, nil},
		{"An explosive device killed a policeman in Peshawar.", want{"18", "PAKUAF", "PAKCOP", ""}, nil},
	})
}

// People in general as the patient of an act of force are the civilians
// of the place (words.tsv victimNouns), a place before the verb first;
// elsewhere "people" names no actor.
func TestPeopleAsVictims(t *testing.T) {
	runPipeline(t, []construction{
		{"Officials said 12 people had been killed when drones hit a Kherson market.", want{"18", "", "UKRCVL", ""}, nil},
		{"Gunmen killed nine people at a bus station in Zamfara.", want{"18", "NGAUAF", "NGACVL", ""}, nil},
		{"Rebels shelled Goma, killing 14 people, aid officials in Kampala said.", want{"18", "", "CODCVL", ""}, []want{{"18", "", "UGA", ""}}},
		{"Health officials in Lagos advised people to avoid crowded markets.", want{}, []want{{"", "", "NGACVL", ""}}},
	})
}

// A disease or a natural hazard as the subject of an act of force is
// no attacker, whatever demonym it carries; rainfall is a hazard.
func TestHazardSubjectIsNoAttacker(t *testing.T) {
	runPipeline(t, []construction{
		{"The Yemeni cholera epidemic has killed 300 people.", want{}, []want{{"18", "", "", ""}}},
		{"The Congolese measles outbreak killed hundreds of children.", want{}, []want{{"18", "", "", ""}}},
		{"Villages in Somalia were pounded by torrential rainfall.", want{}, []want{{"19", "", "", ""}}},
		// people acting during a hazard still act
		{"Rebels killed 20 people during the floods in Borno.", want{"18", "NGAREB", "", ""}, nil},
	})
}

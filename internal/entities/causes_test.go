package entities

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// annotatedCase is annotated text whose annotations must all be found,
// and names that must not come out as the given type.
type annotatedCase struct {
	name, text string
	not        []notWant
}

type notWant struct{ text, typ string }

func runAnnotated(t *testing.T, cases []annotatedCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			art := checkAnnotated(t, c.text)
			for _, n := range c.not {
				for _, e := range art.Entities {
					for _, m := range e.Mentions {
						if m.Text == n.text && e.Type == n.typ {
							t.Errorf("%q is a %s mention of %q", n.text, n.typ, e.Name)
						}
					}
				}
			}
		})
	}
}

// TestAllCaps: headlines and datelines in capitals are read through their
// case-folded form; their ordinary words make no names.
func TestAllCaps(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"headline with two countries", "Talks resumed.\n[[LOC BRAZIL]] AND [[LOC ARGENTINA]] SIGN TRADE DEAL AFTER LONG TALKS\nThe deal cuts tariffs.",
			[]notWant{{"SIGN TRADE DEAL", model.TypePerson}, {"AND", model.TypeOrg}}},
		{"a city and a state in capitals", "Prices were mixed.\nGRAIN FUTURES FALL IN [[LOC CHICAGO]] AS [[LOC KANSAS]] HARVEST STARTS\nTraders sold.",
			[]notWant{{"GRAIN FUTURES FALL", model.TypePerson}}},
		{"a dateline", "Markets were quiet. [[LOC NAIROBI]] 2024-05-01 Floods cut the main road to the coast.", nil},
		{"a two-word city", "Stocks slipped. [[LOC NEW DELHI]] 2023-02-11 The central bank held rates.", nil},
		{"acronyms in running text stay", "[[ORG NATO]] and the [[ORG FBI]] met officials in [[LOC Madrid]].", nil},
	})
}

// TestDemonymsAreAffiliations: "Syrian" in "Syrian troops" is no mention
// of the place Syria, but the country stays available as an affiliation
// and as the code of the noun it modifies.
func TestDemonymsAreAffiliations(t *testing.T) {
	cases := []struct{ text, demonym, country, org, code string }{
		{"Syrian troops shelled the outskirts of the town.", "Syrian", "SYR", "troops", "SYRMIL"},
		{"Chinese coast guard ships shadowed the convoy.", "Chinese", "CHN", "", ""},
		{"Kenyan police fired tear gas at the crowd.", "Kenyan", "KEN", "police", "KENCOP"},
		{"Peruvian officials denied the report.", "Peruvian", "PER", "", ""},
	}
	for _, c := range cases {
		t.Run(c.demonym, func(t *testing.T) {
			art := analyse(t, "", nil, c.text)
			var place *model.Entity
			for i, e := range art.Entities {
				if model.Deref(e.Country) == c.country && e.Type == model.TypePlace {
					place = &art.Entities[i]
				}
				for _, m := range e.Mentions {
					if m.Text == c.demonym {
						t.Errorf("%q is a mention of %s %s", c.demonym, e.Type, e.Name)
					}
				}
			}
			if place == nil || len(place.Affiliations) == 0 || place.Affiliations[0].Text != c.demonym {
				t.Fatalf("no affiliation %q of %s: %+v", c.demonym, c.country, art.Entities)
			}
			if c.org != "" {
				o := findEntity(art, c.org, model.TypeOrg)
				if o == nil || model.Deref(o.Code) != c.code {
					t.Errorf("%s: want code %s, got %+v", c.org, c.code, o)
				}
			}
		})
	}
}

// TestSportsClubs: in sports reports, a town that plays, scores or is
// beaten is its club; clubs named after towns are organisations.
func TestSportsClubs(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"england", "The league leaders struggled. [[ORG Leeds]] beat [[ORG Chelsea]] 2-1 on Saturday, their striker scoring twice before the coach rested him. Fans celebrated in [[LOC Leeds]].",
			[]notWant{{"Chelsea", model.TypePlace}}},
		{"spain", "Results of the Spanish league on Sunday, after the match week's first goal: [[ORG Valencia]] 3 [[ORG Sevilla]] 1. The coach praised his defenders.",
			[]notWant{{"Valencia", model.TypePlace}, {"Sevilla", model.TypePlace}}},
		{"israel", "In the Israeli league, [[ORG Maccabi Haifa]] drew 1-1 with [[ORG Hapoel Tel Aviv]] as the season's top scorer missed a penalty.",
			[]notWant{{"Maccabi Haifa", model.TypePerson}}},
		{"netherlands", "Dutch league results: [[ORG PSV Eindhoven]] 2 [[ORG Sparta Rotterdam]] 0. The goalkeeper saved a penalty in the cup match.",
			[]notWant{{"Sparta Rotterdam", model.TypePerson}}},
		{"club suffix outside sport", "Shares in [[ORG Bolton Wanderers]] rose after the takeover.", nil},
		{"towns stay places outside sport", "Floods cut the road between [[LOC Valencia]] and [[LOC Seville]] on Tuesday.", nil},
	})
}

// TestRolesOutsidePersons: a capitalised role word opening a sentence is
// no part of the person's name.
func TestRolesOutsidePersons(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"ghana", "Defender [[PER John Mensah]] headed the equaliser.", []notWant{{"Defender John Mensah", model.TypePerson}}},
		{"brazil", "Striker [[PER Ana Souza]] scored twice for the visitors.", []notWant{{"Striker Ana Souza", model.TypePerson}}},
		{"japan", "Goalkeeper [[PER Hiroshi Tanaka]] kept a clean sheet.", []notWant{{"Goalkeeper Hiroshi Tanaka", model.TypePerson}}},
		{"premier league", "Premier League leaders lost again.", []notWant{{"League", model.TypePerson}}},
	})
}

// TestAcronymOrgs: a lone unknown acronym in running text is an
// organisation; units and abbreviations that name none are not.
func TestAcronymOrgs(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"us agency", "The [[ORG USDA]] cut its forecast for the maize crop.", nil},
		{"turkey", "Fighters of the [[ORG PKK]] attacked a border post.", nil},
		{"canada", "The [[ORG NHL]] suspended the player for two games.", nil},
		{"not organisations", "GDP grew while AIDS deaths fell, the CEO said on TV.",
			[]notWant{{"GDP", model.TypeOrg}, {"AIDS", model.TypeOrg}, {"CEO", model.TypeOrg}, {"TV", model.TypeOrg}}},
	})
}

// TestSportsTables: an agency sports slug makes a sports report; in it a
// name opening a results or standings line, or following the score
// before it, is a team, and an unknown name joined to its town is one
// club.
func TestSportsTables(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"japan standings", "SOCCER - J-LEAGUE STANDINGS .\nStandings after Saturday's round:\n[[ORG Kashiwa]] 12 8 3 1 20 9 27\n[[ORG Shimizu]] 12 7 3 2 18 11 24\n",
			[]notWant{{"Kashiwa", model.TypePlace}, {"Shimizu", model.TypePerson}}},
		{"kenya results", "SOCCER - KENYAN PREMIER LEAGUE RESULTS .\nResults on Sunday:\n[[ORG Gor Mahia]] 2 [[ORG Tusker]] 1\n[[ORG Sofapaka]] 0 [[ORG Ulinzi Stars]] 0\n",
			[]notWant{{"Gor Mahia", model.TypePerson}, {"Ulinzi Stars", model.TypePerson}}},
		{"ukraine club and town", "SOCCER - UKRAINE CUP .\n[[ORG Shakhtar Donetsk]] beat [[ORG Vorskla Poltava]] 3-0 in the quarter-final. [[ORG Shakhtar]] now meet the holders.",
			[]notWant{{"Donetsk", model.TypePlace}, {"Poltava", model.TypePlace}}},
		{"uruguay club and town", "Copa Libertadores: [[ORG Nacional Montevideo]] drew 1-1 with [[ORG Olimpia Asuncion]] after the striker missed a penalty and the coach protested to the referee.",
			[]notWant{{"Montevideo", model.TypePlace}}},
		{"canada caps table", "ICE HOCKEY - NHL STANDINGS .\n[[ORG CALGARY]] 14 4 2 30\n[[ORG MONTREAL]] 10 6 4 24\n",
			[]notWant{{"CALGARY", model.TypePlace}}},
		{"ghana squad brackets", "SOCCER - GHANA SQUAD .\nGoalkeepers - Kofi Mensah ( [[ORG Kumasi]] ) , Yaw Boateng ( [[ORG Tamale]] ) .\nThe coach named 22 players for the match.",
			[]notWant{{"Kumasi", model.TypePlace}}},
		{"brazil unknown club in brackets", "SOCCER - BRAZIL SQUAD .\nForwards - Pedro Alves ( [[ORG Corinthians]] ) , Marcos Ribeiro ( [[ORG Gremio]] , [[LOC Brazil]] ) .", nil},
		{"japan town before a role", "SOCCER - J-LEAGUE .\n[[ORG Sapporo]] central defender Kenji Sato was sent off as the league leaders lost 2-1 to the champions.",
			[]notWant{{"Sapporo", model.TypePlace}}},
		{"wales squad: countries stay places", "RUGBY UNION - BARBARIANS SQUAD .\n15 - Dai Evans ( [[LOC Wales]] ) , 14 - Sean Byrne ( [[LOC Ireland]] ) .",
			[]notWant{{"Wales", model.TypeOrg}}},
		{"attendance is no team", "SOCCER - COPA RESULT .\n[[ORG Cobreloa]] 2 [[ORG Huachipato]] 1\nAttendance 12,000", []notWant{{"Attendance", model.TypeOrg}}},
		{"a batsman named like a town", "CRICKET - SHIELD SCORE .\n[[ORG Queensland]] 301 for four ( Ravi Young 86 not out ) v [[ORG Tasmania]] .", []notWant{{"Ravi Young", model.TypeOrg}}},
		{"us fixtures", "BASKETBALL - NBA SCHEDULE .\nGames on Saturday ( home team in CAPS ) :\n\n[[ORG DENVER]] AT [[LOC UTAH]]\n\n[[ORG GOLDEN STATE]] AT [[LOC PORTLAND]]\n",
			[]notWant{{"DENVER", model.TypePlace}}},
		{"south africa fixtures", "SOCCER - PSL FIXTURES .\n[[ORG Orlando Pirates]] vs [[ORG Kaizer Chiefs]]\n", nil},
		{"scottish table row opening with a plural", "SOCCER - SCOTTISH LEAGUE STANDINGS .\n[[ORG Rovers]] 14 11 2 1 35 12 35\n[[ORG Thistle]] 15 5 6 4 18 19 21\n", nil},
		{"england subject", "SOCCER - PREMIER LEAGUE .\n[[ORG Sheffield]] suffered a first home defeat of the season on Saturday.", []notWant{{"Sheffield", model.TypePlace}}},
		{"spain possessive", "SOCCER - SPANISH LEAGUE .\n[[ORG Valencia]] 's striker scored twice in the second half.", []notWant{{"Valencia", model.TypePlace}}},
		{"japan subject", "SOCCER - J-LEAGUE .\n[[ORG Nagoya]] conceded twice in the last ten minutes.", []notWant{{"Nagoya", model.TypePlace}}},
		{"italy: a player named like a town stays a person", "SOCCER - SERIE A .\nStriker [[PER Marco Verona]] was fit again, and [[PER Verona]] scored twice.", []notWant{{"Verona", model.TypeOrg}}},
		{"bobsleigh crews", "BOBSLEIGH - WORLD CUP .\n[[ORG Jamaica II]] finished ahead of [[ORG Latvia I]] and [[ORG Switzerland III]] in the two-man race.",
			[]notWant{{"Jamaica", model.TypePlace}, {"II", model.TypePerson}}},
		{"a town, then its club in the results", "BASKETBALL - EUROLEAGUE RESULT .\nIn [[LOC Kaunas]] :\n\n[[ORG Kaunas]] ( [[LOC Lithuania]] ) 81 [[ORG Estudiantes Madrid]] ( [[LOC Spain]] ) 77", nil},
		{"canada franchises", "ICE HOCKEY - NHL .\nThe [[ORG Calgary Flames]] beat the [[ORG Edmonton Oilers]] 3-2 in overtime.", []notWant{{"Calgary Flames", model.TypePerson}}},
		{"australia and korea franchises", "BASKETBALL - ASIA CHAMPIONS CUP .\nThe [[ORG Sydney Kings]] lost to the [[ORG Seoul Knights]] 88-80.", []notWant{{"Sydney Kings", model.TypePerson}}},
		{"nicknames in the plural", "RUGBY UNION - TOUR MATCH .\nThe [[ORG Springboks]] beat the [[ORG Pumas]] 30-12, and the [[ORG Brave Blossoms]] lost again.",
			[]notWant{{"Springboks", model.TypePerson}, {"Pumas", model.TypePerson}}},
		{"an event in the plural is no team", "ATHLETICS - GAMES .\nShe won gold at the Pacific Games in the relay.", []notWant{{"Pacific Games", model.TypeOrg}}},
		{"england at home to", "SOCCER - ENGLISH LEAGUE .\nThe leaders drew 2-2 at home to [[ORG Leicester]] on Saturday.", []notWant{{"Leicester", model.TypePlace}}},
		{"scotland score at", "SOCCER - SCOTTISH LEAGUE .\nThe champions won 2-0 at [[ORG Dundee]] on Saturday.", []notWant{{"Dundee", model.TypePlace}}},
		{"spain score to", "SOCCER - SPANISH LEAGUE .\nThe visitors lost 3-1 to [[ORG Sevilla]] on Sunday.", []notWant{{"Sevilla", model.TypePlace}}},
		{"brazil at home to", "SOCCER - BRAZILIAN LEAGUE .\nThe leaders lost 1-0 at home to [[ORG Curitiba]] on Sunday.", []notWant{{"Curitiba", model.TypePlace}}},
		{"weather table stays places", "Temperatures on Tuesday:\n[[LOC Nairobi]] 24 13\n[[LOC Mombasa]] 31 24\n",
			[]notWant{{"Nairobi", model.TypeOrg}}},
	})
}

// TestOrgsInRunningText: an unknown name after a kind noun ("brewer"),
// after a phrase of ownership ("a stake in"), or ending in a company or
// desk word is an organisation.
func TestOrgsInRunningText(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"kenya brewer", "Kenyan brewer [[ORG Keroche]] raised prices on Monday, and [[ORG Keroche]] said sales held up.",
			[]notWant{{"Keroche", model.TypePerson}}},
		{"nigeria daily", "The Lagos daily [[ORG Vanguard]] said the strike would go ahead.", []notWant{{"Vanguard", model.TypePerson}}},
		{"india stake", "The conglomerate bought a 20 percent stake in [[ORG Sarvodaya]] last year.", []notWant{{"Sarvodaya", model.TypePerson}}},
		{"brazil owned by", "The plant is owned by [[ORG Itaborai]] and employs 900 people.", []notWant{{"Itaborai", model.TypePlace}}},
		{"japan carmaker", "Japanese carmaker [[ORG Kazemoto]] will build a plant in Thailand.", []notWant{{"Kazemoto", model.TypePerson}}},
		{"company suffixes", "[[ORG Andes Energy]] and [[ORG Sahel Systems]] signed the contract in Dakar.", nil},
		{"desk sign-off", "Prices were steady. -- [[ORG Nairobi Newsroom]] +254 20 222 2222", []notWant{{"Nairobi", model.TypePlace}}},
		{"legal form with a point", "Its parent, [[ORG Mitsui Kogyo Corp.]] , said it would not sell.", nil},
		{"a given name stays a person", "The plant is owned by [[PER John Kamau]] of Nakuru.", nil},
		{"company before a title", "Company President [[PER Jan Smit]] told reporters the firm would expand.", []notWant{{"Company", model.TypeOrg}}},
	})
}

// TestApposedPersonStaysPerson: "NAME, a former army general" after the
// person's full name is that person, not an organisation of the army.
func TestApposedPersonStaysPerson(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"lebanon", "The court convicted General [[PER Elias Haddad]] of treason. [[PER Haddad]] , a 69-year-old former army major-general , denied it.", []notWant{{"Haddad", model.TypeOrg}}},
		{"peru", "Police arrested [[PER Ruben Quispe]] on Monday. [[PER Quispe]] , a former navy captain , was released.", []notWant{{"Quispe", model.TypeOrg}}},
		{"philippines", "Senator [[PER Maria Dizon]] spoke first. [[PER Dizon]] , a former police colonel , called for calm.", []notWant{{"Dizon", model.TypeOrg}}},
		{"ghana", "[[PER Kwame Asante]] resigned. [[PER Asante]] , a retired air force commander , gave no reason.", []notWant{{"Asante", model.TypeOrg}}},
	})
}

// TestOrgNamesWithConnectors: "and", "of" and "for" inside an
// organisation's name keep it whole; a country after "of" ends the name
// and is its affiliation (TestOrganisationOfPlace), and a known person
// after "of" is not part of it.
func TestOrgNamesWithConnectors(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"kenya and", "The [[ORG Lands and Housing Ministry]] said on Monday that the titles were forged.",
			[]notWant{{"Housing Ministry", model.TypeOrg}}},
		{"myanmar and", "Students defied the ruling [[ORG National Unity and Peace Council]] on Friday.",
			[]notWant{{"Peace Council", model.TypeOrg}}},
		{"pakistan of country", "The chairman of the [[ORG Cotton Board of Pakistan]] said exports would rise.",
			[]notWant{{"Pakistan", model.TypePlace}, {"Cotton Board", model.TypeOrg}}},
		{"a joined ministry name", "The [[ORG Forestry and Environment Ministry]] set no new deadline.", []notWant{{"Environment Ministry", model.TypeOrg}}},
		{"kenya role after the body", "Talks with [[ORG Lands and Housing Ministry]] Secretary-General [[PER Jane Wanjiru]] ended.",
			[]notWant{{"Lands and Housing Ministry Secretary-General Jane Wanjiru", model.TypeOrg}}},
		{"mexico communications and transport", "Ports were open, the [[ORG Communications and Transport Ministry]] said.", nil},
		{"slovakia for a", "He left the [[ORG Movement for a Democratic Future]] last month.", nil},
		{"indonesia person after of", "President [[PER Sukanto]] spoke. A firm in the [[ORG Tanoto Group]] of [[PER Sukanto]] 's daughter won the contract.",
			[]notWant{{"Tanoto Group of Sukanto", model.TypeOrg}}},
	})
}

// TestPersonCues: a title before a name that is also a town makes a
// person; a surname with its particle refers back to the full name; in
// sports copy a name before the minute of a goal is the scorer.
func TestPersonCues(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"us title", "President [[PER Lincoln]] will travel on Monday.", []notWant{{"Lincoln", model.TypePlace}}},
		{"kenya title", "Governor [[PER Kisumu]] opened the bridge.", []notWant{{"Kisumu", model.TypePlace}}},
		{"netherlands particle", "[[PER Pieter van Dijk]] runs the brewer. Sales rose, [[PER van Dijk]] said.", []notWant{{"Dijk", model.TypePerson}}},
		{"brazil particle", "[[PER Ana da Costa]] won the vote. On Monday [[PER da Costa]] thanked the voters.", nil},
		{"germany scorers", "SOCCER - BUNDESLIGA .\n[[ORG Wolfsburg]] 2 ( [[PER Kowalczyk]] 29th , [[PER Brenner]] 85th pen ) [[ORG Kaiserslautern]] 1 ( [[PER Oduya]] 60th ) .", nil},
		{"egypt hyphenated rank", "Lieutenant-General [[PER Samir Haddad]] told reporters the border was calm.", []notWant{{"Lieutenant-General Samir Haddad", model.TypePerson}}},
		{"nigeria hyphenated rank", "Major-General [[PER Bello Musa]] took command on Monday.", []notWant{{"Major-General Bello Musa", model.TypePerson}}},
		{"pakistan cricket role", "All-rounder [[PER Imran Qadir]] scored 40 off 30 balls.", []notWant{{"All-rounder Imran Qadir", model.TypePerson}}},
		{"uk surname that is a rank", "[[PER John Major]] spoke first. Later [[PER Major]] said talks would go on.", []notWant{{"Major", model.TypeOrg}}},
		{"australia surname that is a title", "[[PER Julie Bishop]] met the envoy. On Monday [[PER Bishop]] said the visit was useful.", nil},
		{"us surname that is a title", "[[PER Coretta King]] led the march. Afterwards [[PER King]] said it was peaceful.", nil},
		{"ghana surname that is a title", "[[PER Kofi Prince]] won the seat. In Accra [[PER Prince]] thanked voters.", nil},
		{"argentina scorers", "SOCCER - ARGENTINE LEAGUE .\n[[ORG Lanus]] 1 ( [[PER Benedetto]] 12th ) [[ORG Banfield]] 1 ( [[PER Quiroga]] 77th ) .", nil},
	})
}

// TestPlacesNamedByKind: a capitalised run ending in a word for a place
// or facility ("Oval", "Glacier", "Point"), or the other end of a route
// from a known place ("Tubarao / Rotterdam"), is a place the gazetteer
// does not know, not a person; a rate code ("W97.50") ends a name.
func TestPlacesNamedByKind(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"kenya stadium", "Fans packed [[LOC Nyayo Stadium]] for the final.", []notWant{{"Nyayo Stadium", model.TypePerson}}},
		{"chile glacier", "Climbers were stranded on [[LOC Tatio Glacier]] overnight.", []notWant{{"Tatio Glacier", model.TypePerson}}},
		{"australia oval", "The match at [[LOC Bellambi Oval]] was washed out.", []notWant{{"Bellambi Oval", model.TypePerson}}},
		{"india point", "Coal ships queued off [[LOC Kakinada Point]] on Monday.", []notWant{{"Kakinada Point", model.TypePerson}}},
		{"a given name stays a person", "[[PER John Point]] said the vote was fair.", nil},
		{"brazil route", "Iron ore - 150,000 tonnes [[LOC Tubarao]] / [[LOC Rotterdam]] 10-20/1 $ 7.50 fio.", []notWant{{"Tubarao", model.TypePerson}}},
		{"gulf route", "Crude - [[LOC Mina al-Ahmadi]] / [[LOC Singapore]] W85 , a major.", []notWant{{"Mina al-Ahmadi", model.TypePerson}}},
		{"a rate code is no name", "Fuel oil - [[LOC Constanta]] / [[LOC Augusta]] W97.50 Lukoil .", []notWant{{"Augusta W97", model.TypePerson}, {"W97", model.TypePerson}}},
	})
}

// TestHeadlineNamesAfterTheBody: names in a headline in capitals that the
// body then gives in full are mentions of those people and clubs.
func TestHeadlineNamesAfterTheBody(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"ghana", "SOCCER - [[PER MENSAH]] SAVES [[ORG OTOKO]] .\nDefender [[PER John Mensah]] scored late as [[ORG Otoko Kumasi]] drew 1-1 with the champions in the league match.", nil},
		{"czech", "[[PER DVORAK]] PRAISES NEW MINISTER .\nPresident [[PER Tomas Dvorak]] welcomed the appointment on Friday.", nil},
		{"peru", "[[PER QUISPE]] WINS RUNOFF .\n[[PER Ana Quispe]] won the runoff on Sunday, officials said.", nil},
		{"india", "[[PER KUMAR]] TO LEAD PANEL .\nJudge [[PER Ravi Kumar]] will chair the inquiry, the ministry said.", nil},
	})
}

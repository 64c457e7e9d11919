package events

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// News reports with a plural subject and a past tense that a web
// treebank's tagger reads as a participle or a noun ("Police shot/NN two
// protesters", "militants attacked/VBN a checkpoint"): the syntax stage
// restores the verb (internal/syntax repairFinite), and the event is
// coded whether the sentence is parsed or read by windows.
func TestNewsPastTenseAfterPluralSubject(t *testing.T) {
	runObjects(t, []construction{
		{"Police shot two protesters in Nairobi on Monday.", want{"19", "KENCOP", "", ""}, nil},
		{"Witnesses said soldiers shot three protesters in Khartoum.", want{"19", "SDNMIL", "", ""}, nil},
		{"The army said militants attacked a checkpoint near Kandahar.", want{"19", "AFGUAF", "", ""}, nil},
		{"Rebels shelled Goma on Sunday.", want{"19", "CODREB", "COD", ""}, nil},
		{"Police arrested ten students in Dhaka.", want{"173", "BGDCOP", "", ""}, nil},
		{"Turkish-backed fighters attacked a village near Manbij in Syria.", want{"19", "SYRUAF", "", ""}, []want{{"19", "TUR", "", ""}}},
	})
}

// Conjoined group nouns under one demonym are one actor's ("Israeli
// helicopters and tanks"): no event takes the second from the place.
func TestConjoinedGroupsShareCountry(t *testing.T) {
	runObjects(t, []construction{
		{"Israeli drones and tanks struck a camp near Jenin.", want{"19", "ISR", "", ""}, []want{{"19", "PSE", "", ""}}},
		{"Russian troops and tanks attacked villages near Kharkiv.", want{"19", "RUS", "", ""}, []want{{"19", "UKR", "", ""}}},
		{"Burmese jets and helicopters bombed villages in Sagaing.", want{"19", "MMR", "", ""}, nil},
		{"Ethiopian soldiers and militiamen looted shops in Mekelle.", want{"", "ETH", "", ""}, nil},
		{"Colombian police and soldiers attacked a camp near Cali.", want{"19", "COL", "", ""}, nil},
	})
}

// An agreement reached "to V" is agreed, not done: the act V is not
// asserted, parsed or not.
func TestAgreementClauseNotDone(t *testing.T) {
	runObjects(t, []construction{
		{"Kenya and Uganda reached an agreement to exchange information on cattle raids.", want{"0", "KEN", "", ""}, []want{{"06", "", "", model.ModalityAsserted}}},
		{"India and Nepal reached a consensus to share flood data.", want{"0", "IND", "", ""}, []want{{"06", "", "", model.ModalityAsserted}}},
		{"Colombia and the ELN struck a deal to release hostages.", want{"0", "COL", "", ""}, []want{{"084", "", "", model.ModalityAsserted}}},
		{"Chile and Bolivia signed an accord to build a railway.", want{"0", "CHL", "", ""}, []want{{"06", "", "", model.ModalityAsserted}}},
		{"Serbia and Kosovo reached a deal on licence plates.", want{"057", "SRB", "", ""}, nil},
	})
}

// Mobilising troops is a show of force (154); mobilising supporters,
// lobby groups or voters rallies support (053).
func TestMobilizeByObject(t *testing.T) {
	runPipeline(t, []construction{
		{"Russia mobilized 300,000 reservists in September.", want{"154", "RUS", "", ""}, nil},
		{"Ukraine mobilized its army along the border with Belarus.", want{"154", "UKR", "", ""}, nil},
		{"Armenia mobilized lobby groups in Washington to support its claims.", want{"053", "ARM", "", ""}, []want{{"15", "", "", ""}}},
		{"Morocco mobilised its diaspora in Paris behind the autonomy plan.", want{"053", "MAR", "", ""}, []want{{"15", "", "", ""}}},
		{"Venezuela mobilized supporters in Caracas against the sanctions.", want{"053", "VEN", "", ""}, []want{{"15", "", "", ""}}},
		// an armed group is no civilian object, whatever the word "group"
		{"Sudan's army mobilized armed groups in Darfur.", want{"154", "SDN", "", ""}, []want{{"053", "", "", ""}}},
	})
}

// "According to X, Y V-ed": X is who says so, never the subject, even
// where the parse makes X the subject with Y its apposition.
func TestAccordingToIsNoSubject(t *testing.T) {
	runObjects(t, []construction{
		{"According to state media, Iranian police arrested two activists in Tehran.", want{"173", "IRNCOP", "", ""}, nil},
		{"According to witnesses, soldiers shot three protesters in Mandalay.", want{"19", "MMRMIL", "", ""}, nil},
		{"According to the BBC, Ethiopian troops shelled a town in Tigray.", want{"19", "ETH", "", ""}, []want{{"19", "GBR", "", ""}}},
		{"According to Xinhua, police in Hebei detained two grain traders.", want{"173", "CHN", "", ""}, []want{{"17", "CHNMED", "", ""}}},
		{"According to Al Jazeera, Yemeni forces recaptured a port near Aden.", want{"", "YEM", "", ""}, []want{{"", "QAT", "", ""}}},
	})
}

// Suspending an actor (a member after a coup) reduces relations with it
// (160); suspending a thing that names no actor is no event.
func TestSuspendActor(t *testing.T) {
	runPipeline(t, []construction{
		{"The African Union suspended Gabon after the coup.", want{"160", "IGO", "GAB", ""}, nil},
		{"ECOWAS suspended Guinea from its institutions.", want{"160", "IGO", "GIN", ""}, nil},
		{"The Commonwealth suspended Fiji in 2009.", want{"160", "IGO", "FJI", ""}, nil},
		{"The Organization of American States suspended Honduras.", want{"160", "IGO", "HND", ""}, nil},
		{"Niger's junta suspended the constitution.", want{}, []want{{"16", "", "", ""}}},
	})
}

// An event noun in the "for" or "of" phrase of a proposal, offer, call
// or invitation (words.tsv proposalNouns) was proposed, not held.
func TestProposedEventNoun(t *testing.T) {
	runObjects(t, []construction{
		{"Sudan's army rejected a proposal for talks with the RSF in Jeddah.", want{"12", "SDN", "", ""}, []want{{"04", "", "", ""}}},
		{"Ukraine rejected calls for talks with Russia.", want{"12", "UKR", "", ""}, []want{{"04", "", "", ""}}},
		{"Kenya welcomed an offer of mediation from Qatar.", want{}, []want{{"04", "", "", ""}}},
		{"Colombia turned down a request for talks with the ELN.", want{}, []want{{"04", "", "", ""}}},
		{"Talks between Serbia and Kosovo resumed in Brussels.", want{"04", "SRB", "", ""}, nil},
	})
}

// Freezing assets or accounts is a sanction (163); freezing aid stops
// it (162).
func TestFreezeAssets(t *testing.T) {
	runPipeline(t, []construction{
		{"Switzerland froze Russian assets worth 7 billion francs.", want{"163", "CHE", "RUS", ""}, nil},
		{"The EU froze the assets of Belarusian officials.", want{"163", "IGO", "", ""}, nil},
		{"Nigeria froze accounts linked to the protest organisers.", want{"163", "NGA", "", ""}, nil},
		{"Canada froze the reserves held by Venezuela's central bank.", want{"163", "CAN", "", ""}, nil},
		{"Kenya froze aid to Somalia.", want{"162", "KEN", "SOM", ""}, nil},
	})
}

// Crowd-control weapons used on people are violent repression (175);
// blocking a bid, membership or resolution is a veto (129), blocking a
// road a protest or blockade.
func TestRepressionAndVeto(t *testing.T) {
	runPipeline(t, []construction{
		{"Police used water cannon against protesters outside parliament in Tbilisi.", want{"175", "GEOCOP", "", ""}, nil},
		{"Riot police fired rubber bullets at protesters in Santiago.", want{"175", "CHLCOP", "", ""}, nil},
		{"Kenyan police teargassed opposition supporters in Kisumu.", want{"175", "KENCOP", "", ""}, nil},
		{"Police fired stun grenades at students in Belgrade.", want{"175", "SRBCOP", "", ""}, nil},
		{"Turkey blocked Sweden's bid to join NATO.", want{"129", "TUR", "SWE", ""}, []want{{"19", "", "", ""}}},
		{"Russia blocked a UN resolution on Syria.", want{"129", "RUS", "", ""}, []want{{"19", "", "", ""}}},
		{"Protesters blocked the road to the airport in Lima.", want{"14", "PER", "", ""}, []want{{"129", "", "", ""}}},
	})
}

// An amount with "than" ("more than 500 prisoners") is part of the
// object, not a comparative clause the window reading stops at.
func TestAmountWithThan(t *testing.T) {
	runObjects(t, []construction{
		{"Cuba released more than 500 prisoners.", want{"084", "CUB", "", ""}, nil},
		{"Gunmen killed more than 20 villagers in Zamfara.", want{"18", "NGA", "", ""}, nil},
		{"Police arrested fewer than ten protesters in Minsk.", want{"173", "BLR", "", ""}, nil},
		{"Soldiers detained more than 300 migrants near Agadez.", want{"173", "NER", "", ""}, nil},
		{"Kenya deployed more troops than Uganda did.", want{"", "KEN", "", ""}, []want{{"", "UGA", "", ""}}},
	})
}

// A verb written with a hyphen after its prefix ("re-open",
// "re-imposed", "co-operate") is the lexicon's one word.
func TestHyphenatedPrefixVerb(t *testing.T) {
	runObjects(t, []construction{
		{"Colombia re-opened its border with Venezuela.", want{"081", "COL", "VEN", ""}, nil},
		{"Kenya re-imposed a curfew in Mombasa.", want{"172", "KEN", "", ""}, nil},
		{"Sudan agreed on Monday to re-open the border crossing with Chad.", want{"035", "SDN", "", ""}, nil},
		{"Jordan re-opened its border crossing with Syria.", want{"081", "JOR", "", ""}, nil},
		{"Uganda re-imposed a curfew in Kampala.", want{"172", "UGA", "", ""}, nil},
	})
}

// Trading accusations or insults is mutual: each side accuses the other.
func TestTradeAccusations(t *testing.T) {
	runPipeline(t, []construction{
		{"India and Pakistan traded accusations over the attack in Kashmir.", want{"112", "IND", "PAK", ""}, nil},
		{"Armenia and Azerbaijan exchanged accusations of ceasefire violations.", want{"112", "AZE", "ARM", ""}, nil},
		{"Russia and Ukraine traded blame for the dam collapse.", want{"112", "UKR", "RUS", ""}, nil},
		{"Ethiopia and Sudan traded insults over the border dispute.", want{"111", "SDN", "ETH", ""}, nil},
		{"Kenya traded goods with Uganda.", want{}, []want{{"11", "", "", ""}}},
	})
}

// Punishing an actor coerces it (170); a vow to punish one is a threat.
func TestPunish(t *testing.T) {
	runPipeline(t, []construction{
		{"Beijing vows to punish Taiwan separatists.", want{"13", "CHN", "TWN", ""}, []want{{"03", "", "", ""}}},
		{"Iran vowed to punish Israel for the strike.", want{"13", "IRN", "ISR", ""}, []want{{"03", "", "", ""}}},
		{"Russia punished Moldova with a gas cut.", want{"170", "RUS", "MDA", ""}, nil},
		{"Washington threatened to punish Caracas over the election.", want{"13", "USA", "VEN", ""}, nil},
	})
}

// An intransitive report ("farmers protested in X") is coded once the
// syntax stage restores its past tense; farmers, like workers and
// students, are a group of the place they act in; withdrawing from a
// place is a military retreat, and putting forces or police on alert a
// raised alert, with the object between the verb and "on alert".
func TestIntransitiveReportsAndAlerts(t *testing.T) {
	runObjects(t, []construction{
		{"Thousands of farmers protested in Chandigarh on Monday.", want{"14", "INDAGR", "", ""}, nil},
		{"Farmers marched on the parliament in Warsaw.", want{"14", "POLAGR", "", ""}, nil},
		{"Hundreds of workers demonstrated in Lagos against fuel prices.", want{"14", "NGALAB", "", ""}, nil},
		{"Russian forces withdrew from the village of Robotyne.", want{"0874", "RUSMIL", "", ""}, nil},
		{"The Israeli army withdrew from Khan Younis.", want{"0874", "ISRMIL", "", ""}, nil},
		{"Ethiopian troops withdrew from positions near the Eritrean border.", want{"0874", "ETHMIL", "", ""}, nil},
		{"Pakistan put its troops on high alert along the Line of Control.", want{"152", "PAK", "", ""}, nil},
		{"Taiwan placed its navy on alert after the Chinese drills.", want{"152", "TWN", "", ""}, nil},
		{"Ecuador put the police on alert before the vote.", want{"151", "ECU", "", ""}, nil},
		// withdrawing from a treaty or talks is no retreat of forces
		{"Armenia withdrew from the treaty on Tuesday.", want{}, []want{{"087", "", "", ""}}},
	})
}

// A place after "over" is where the act happened or what it was about,
// not whom it was done to (words.tsv wherePreps); an actor after it still
// is ("flew drones over the rebels" has no place).
func TestPlaceAfterOverIsWhere(t *testing.T) {
	runObjects(t, []construction{
		{"The Ugandan army shot down a drone over Kampala.", want{"19", "UGAMIL", "-", ""}, []want{{"", "", "UGA", ""}}},
		{"Peruvian jets intercepted a light aircraft over Iquitos.", want{"", "PER", "", ""}, []want{{"", "", "PERGOV", ""}}},
		{"The Russian army shot down a Ukrainian drone over Belgorod.", want{"19", "RUSMIL", "UKR", ""}, nil},
	})
}

// A group the coder reads off a noun is the same actor as the subject
// with its name and code: no event of a group on itself.
func TestGroupActsNotOnItself(t *testing.T) {
	runObjects(t, []construction{
		{"Observers said many students in Dhaka are struggling to pay fees because the state has cut grants, instead urging students to take loans.", want{}, []want{{"", "BGDEDU", "BGDEDU", ""}}},
		{"Aid groups said many villagers in Kasai are struggling to find food because the army has closed roads, instead urging villagers to leave.", want{}, []want{{"", "CODCVL", "CODCVL", ""}}},
	})
}

// An attack named by a noun as the subject of a violent verb: the
// noun's own actor (a demonym, a possessor) does the killing; with none,
// the unidentified armed group of the place (as "A car bomb explosion
// killed …").
func TestAttackNounSubjectKeepsItsActor(t *testing.T) {
	runObjects(t, []construction{
		{"A Saudi air strike on a wedding in Yemen killed 30 civilians.", want{"18", "SAU", "YEMCVL", ""}, []want{{"18", "YEMUAF", "", ""}}},
		{"The Nepalese army's attack on Maoist positions killed 20 rebels.", want{"18", "NPLMIL", "", ""}, nil},
		{"A Turkish drone strike near Qamishli killed four fighters in Syria.", want{"18", "TUR", "", ""}, []want{{"18", "SYRUAF", "", ""}}},
		{"A roadside bombing killed two soldiers in Kandahar.", want{"18", "AFGUAF", "", ""}, nil},
		// a place inside the subject's phrase is where the attack was (or
		// what it hit), not who made it (words.tsv placePreps and
		// targetPreps); after "by" or "with" it is the actor
		{"A roadside bombing near Kandahar killed three Afghan soldiers.", want{"18", "AFGUAF", "", ""}, nil},
		{"A mortar attack outside Mogadishu killed four Ugandan peacekeepers.", want{"18", "SOMUAF", "UGA", ""}, []want{{"18", "SOMGOV", "", ""}}},
		{"An air strike on Gaza killed five Palestinians.", want{"18", "PSEUAF", "", ""}, nil},
		{"A car bomb outside the city of Kirkuk killed two policemen from Germany.", want{"18", "IRQUAF", "", ""}, nil},
		{"A landmine blast near the town of Kidal on Monday killed one French soldier.", want{"18", "MLIUAF", "FRA", ""}, nil},
		{"An attack by Russia killed five Ukrainian soldiers.", want{"18", "RUS", "UKRMIL", ""}, []want{{"18", "RUSUAF", "", ""}}},
		{"Clashes with Eritrea killed 10 Ethiopian soldiers.", want{"18", "ERI", "ETHMIL", ""}, []want{{"18", "ERIUAF", "", ""}}},
	})
}

// An act considered, weighed or mulled is only possible, whether a
// gerund ("is considering expelling") or an event noun as the object
// ("is weighing sanctions") names it, as the infinitive of "seek to".
func TestConsideredActIsPossible(t *testing.T) {
	possible := model.ModalityPossible
	runObjects(t, []construction{
		{"Ghana is considering sending troops to Mali.", want{"15", "GHA", "MLI", possible}, []want{{"15", "", "", model.ModalityAsserted}}},
		{"Germany is considering expelling Russian diplomats.", want{"16", "DEU", "RUS", possible}, []want{{"16", "", "", model.ModalityAsserted}}},
		{"Japan is weighing sanctions against Russia.", want{"16", "JPN", "RUS", possible}, []want{{"16", "", "", model.ModalityAsserted}}},
		{"The EU is mulling an oil embargo on Iran.", want{"16", "IGOEUR", "IRN", possible}, []want{{"16", "", "", model.ModalityAsserted}}},
		{"Argentina is considering a ban on British fishing vessels.", want{}, []want{{"", "", "", model.ModalityAsserted}}},
	})
}

// Yielding (08): easing a ban, accepting demands, scrapping a tax or a
// decree, unfreezing funds, easing a siege, reopening a corridor.
func TestYieldVocabulary(t *testing.T) {
	runObjects(t, []construction{
		{"The Kyrgyz government relaxed the ban on public gatherings.", want{"081", "KGZ", "", ""}, nil},
		{"The Togolese government accepted the opposition's demands for electoral reform.", want{"083", "TGO", "", ""}, nil},
		{"The Kenyan government scrapped the new tax after the protests.", want{"0832", "KEN", "", ""}, nil},
		{"Ecuador withdrew the fuel subsidy decree after talks with indigenous groups.", want{"0832", "ECU", "", ""}, nil},
		{"Paraguay repealed the land law after a week of road blockades.", want{"0832", "PRY", "", ""}, nil},
		{"The United States unfroze Afghan central bank funds.", want{"084", "USA", "AFG", ""}, nil},
		{"The Houthis eased the siege of Taiz.", want{"0872", "YEMREB", "", ""}, nil},
		{"Azerbaijan reopened the Lachin corridor.", want{"081", "AZE", "", ""}, nil},
		// restoring or resuming ties is recognition (054), as normalising them is
		{"Riyadh restored ties with Tehran.", want{"054", "SAU", "IRN", ""}, nil},
		{"Chad resumed relations with Israel.", want{"054", "TCD", "ISR", ""}, nil},
	})
}

// Support and aid: backing an actor or its bid is endorsement (051);
// sending peacekeepers is peacekeeping (074), sending doctors or a
// medical team humanitarian aid (073); approving or extending a loan
// economic aid (071).
func TestSupportAndAidVocabulary(t *testing.T) {
	runObjects(t, []construction{
		{"Uruguay backed Argentina's claim to the islands.", want{"051", "URY", "ARG", ""}, nil},
		{"The African Union backed Kenya in the dispute.", want{"051", "IGOAFR", "KEN", ""}, nil},
		{"South Korea sent peacekeepers to Lebanon.", want{"074", "KOR", "LBN", ""}, nil},
		{"Cuba dispatched a medical team to Peru after the earthquake.", want{"073", "CUB", "PER", ""}, nil},
		{"The World Bank approved a loan for Ghana.", want{"071", "IGO", "GHA", ""}, nil},
		// backing down is no endorsement
		{"Guyana backed down after the vote.", want{}, []want{{"051", "", "", ""}}},
	})
}

// A weapon or vehicle named with an armed group ("a Houthi drone",
// "a Hezbollah drone") stands for the group, as a demonym's does ("a
// Russian drone"); and a compound event noun's words are nouns, so "a
// drone struck" is the verb "strike", not the noun "drone strike".
func TestWeaponOfAGroupActs(t *testing.T) {
	runObjects(t, []construction{
		{"A Houthi drone struck a Saudi oil facility.", want{"19", "YEMREB", "SAU", ""}, nil},
		{"A Hezbollah drone struck an Israeli army post.", want{"19", "LBNREB", "ISR", ""}, nil},
		{"An al-Shabaab rocket hit the airport in Mogadishu.", want{}, []want{{"", "SOMGOV", "", ""}}},
		{"A Russian missile struck a power plant in Odesa.", want{"19", "RUS", "UKR", ""}, nil},
		{"Taliban helicopters attacked a convoy near Herat.", want{"19", "AFG", "", ""}, nil},
	})
}

// Restrictions on political freedoms (1721: banning or closing a
// newspaper, a channel or a station) and bans of parties or candidates
// (1722: dissolving a party, barring candidates).
func TestPoliticalRestrictions(t *testing.T) {
	runObjects(t, []construction{
		{"The Algerian authorities banned a newspaper.", want{"1721", "DZA", "", ""}, nil},
		{"Nicaragua closed two independent radio stations.", want{"1721", "NIC", "", ""}, nil},
		{"Cambodia dissolved the main opposition party.", want{"1722", "KHM", "", ""}, nil},
		{"Venezuela blocked opposition candidates from the election.", want{"1722", "VEN", "", ""}, nil},
		{"A court in Ankara dissolved the pro-Kurdish party.", want{"1722", "TUR", "", ""}, nil},
		// platforms, apps and the internet itself
		{"Nepal's government banned 26 social media platforms.", want{"1721", "NPLGOV", "", ""}, nil},
		{"Russia blocked messaging apps ahead of the vote.", want{"1721", "RUS", "", ""}, nil},
		{"The Ugandan government blocked internet access before the election.", want{"1721", "UGAGOV", "", ""}, []want{{"144", "", "", ""}}},
		{"Indian police cut internet access in Manipur.", want{"1721", "INDCOP", "", ""}, nil},
		// bans of protests, rallies and gatherings
		{"The Ivorian government banned all protests in Abidjan.", want{"1721", "CIVGOV", "", ""}, nil},
		{"Bangladesh banned rallies in Dhaka ahead of the vote.", want{"1721", "BGD", "", ""}, nil},
		{"The Pakistani government prohibited public gatherings in Islamabad.", want{"1721", "PAKGOV", "", ""}, nil},
	})
}

// A claim to or over a territory is a demand: rejecting it is a
// rejection (12), where rejecting a claim that something happened is a
// denial (016).
func TestTerritorialClaimRejected(t *testing.T) {
	runObjects(t, []construction{
		{"Japan rejected China's claims over the Senkaku Islands.", want{"12", "JPN", "", ""}, []want{{"016", "", "", ""}}},
		{"Venezuela dismissed Guyana's claim to the Essequibo region.", want{"12", "VEN", "GUY", ""}, []want{{"016", "", "", ""}}},
		{"Rwanda rejected the claim that its troops were in Congo.", want{"016", "RWA", "", ""}, []want{{"12", "", "", ""}}},
	})
}

// A body of an organisation or state (a panel, commission, committee,
// tribunal) stands for it, as its officials do; and two verbs the
// lemmatiser misreads ("probed" → "pro", "quelled" → "quel") are matched
// by their forms.
func TestBodiesAndMisreadForms(t *testing.T) {
	runObjects(t, []construction{
		{"A UN panel investigated allegations of abuse in Haiti.", want{"09", "IGOUNO", "", ""}, nil},
		{"An AU commission criticized Ethiopia over the arrests.", want{"11", "IGOAFR", "ETH", ""}, nil},
		{"Moroccan prosecutors probed the disappearance of a Spanish journalist.", want{"090", "MAR", "", ""}, nil},
		{"Riot police quelled protests in Yerevan.", want{"175", "ARMCOP", "", ""}, nil},
	})
}

// A preposition of a pattern, with alternatives too ("agree on|upon"),
// must follow the verb: "agreed new sanctions on Iran" is no agreement
// "on"; agreeing or approving an event noun is that event, as a light
// verb's object is.
func TestAgreedEventNoun(t *testing.T) {
	runObjects(t, []construction{
		{"The EU agreed new sanctions on Belarus.", want{}, []want{{"057", "", "", ""}}},
		{"The EU approved new sanctions on Belarus.", want{}, []want{{"057", "", "", ""}}},
		{"Kenya and Ethiopia agreed a ceasefire.", want{"035", "KEN", "ETH", ""}, nil},
		{"Chile and Peru agreed on a maritime border.", want{"057", "CHL", "PER", ""}, nil},
	})
	runConstructions(t, []construction{
		{"The EU agreed new sanctions on Belarus.", want{"163", "IGOEUR", "BLR", ""}, nil},
		{"The EU approved new sanctions on Belarus.", want{"163", "IGOEUR", "BLR", ""}, nil},
	})
}

// A passive expulsion or deportation without a "by" agent names its
// source in its "from" phrase (verbs.txt fromsource); with a "by" agent
// the agent is the source.
func TestExpelledFrom(t *testing.T) {
	runObjects(t, []construction{
		{"Two Russian diplomats were expelled from Poland.", want{"16", "POL", "RUS", ""}, nil},
		{"A French journalist was deported from Burkina Faso.", want{"174", "BFA", "FRA", ""}, nil},
		{"Hundreds of Haitians were deported from the Dominican Republic last week.", want{"174", "DOM", "", ""}, nil},
		{"Three Kenyan traders were expelled by Tanzania.", want{"16", "TZA", "KEN", ""}, nil},
		// a withdrawal from a place is no act of the place
		{"The Malian ambassador was recalled from Algiers.", want{}, []want{{"", "DZA", "", ""}}},
	})
}

// A pronoun that opens a sentence as its verb's subject stands for the
// previous sentence's subject when they agree ("it" an organisation or
// a country, "he"/"she" a person, "they" a group); "It is ..." is left.
func TestPronounOpensSentence(t *testing.T) {
	runPipeline(t, []construction{
		{"Ghana recalled its ambassador from Togo on Monday. It accused Togo of harbouring rebels.", want{"112", "GHA", "TGO", ""}, nil},
		{"Chile summoned the Bolivian envoy. It also protested the closure of the border.", want{"11", "CHL", "", ""}, nil},
		{"Protesters marched on the parliament in Lima. They demanded the resignation of the minister.", want{"10", "PEROPP", "", ""}, nil},
		{"Ghana recalled its ambassador from Togo. It is unclear whether talks will resume.", want{}, []want{{"03", "", "", ""}, {"04", "", "", ""}}},
		{"Ghana recalled its ambassador from Togo. It has been alleged that Togo expelled Ghanaian traders.", want{}, []want{{"", "GHA", "", model.ModalityAlleged}}},
		// "he" or "she" stands for the holder of a role ("the foreign minister")
		{"The Kenyan foreign minister arrived in Addis Ababa on Monday. He criticized Ethiopia over the dam.", want{"11", "KENGOV", "ETH", ""}, nil},
		// "it" does not stand for a person, nor "he" for a country
		{"Ghana recalled its ambassador from Togo. He accused Togo of harbouring rebels.", want{}, []want{{"112", "GHA", "", ""}}},
	})
}

// A participle the tagger reads as an adjective after a past form of
// "be" is a passive ("three soldiers were wounded/JJ"): the soldiers are
// the victims, not the attackers; "who is injured" is a state; "nobody"
// negates.
func TestAdjectivalPassive(t *testing.T) {
	runPipeline(t, []construction{
		{"Three soldiers were wounded in Burkina Faso.", want{"18", "BFAUAF", "BFAMIL", ""}, []want{{"18", "BFAMIL", "", ""}}},
		{"Two policemen were injured in Nairobi.", want{"18", "KENUAF", "KENCOP", ""}, []want{{"18", "KENCOP", "", ""}}},
		{"Nobody was injured in the blast in Quetta.", want{}, []want{{"18", "", "", model.ModalityAsserted}}},
		{"A striker who is injured missed the match in Lagos.", want{}, []want{{"18", "", "", ""}}},
	})
}

// "The two sides", "both countries" as a subject name the previous
// sentence's source and target: a reciprocal act codes each as the
// other's partner.
func TestTwoSidesAreThePreviousPair(t *testing.T) {
	runPipeline(t, []construction{
		{"Kenya hosted Ethiopia's foreign minister in Nairobi on Monday. Both countries signed a security pact.", want{"057", "ETH", "KEN", ""}, nil},
		{"Armenian troops shelled Azerbaijani positions on Sunday. The two sides exchanged fire for hours.", want{"19", "AZE", "ARM", ""}, nil},
		{"The Chilean president met his Argentine counterpart in Santiago. The two leaders agreed to build a new road.", want{"03", "ARG", "CHL", ""}, nil},
		// without a pair before, nothing is read into the words
		{"The two sides exchanged fire for hours near the border.", want{}, []want{{"19", "", "", ""}}},
	})
}

// Criminal groups (bandits, pirates, kidnappers: ~CRM) act where they
// are; a suicide bomber who "blew himself up" bombed (1831); "shot dead"
// is a shooting.
func TestCriminalGroupsAndBombers(t *testing.T) {
	runObjects(t, []construction{
		{"Bandits abducted 15 travellers in Kaduna state.", want{"181", "NGACRM", "", ""}, nil},
		{"Pirates hijacked a cargo ship off the coast of Somalia.", want{"181", "SOMCRM", "", ""}, nil},
		{"A suicide bomber blew himself up outside a mosque in Peshawar.", want{"1831", "PAK", "", ""}, nil},
		{"Gunmen shot dead a village chief near Pemba in Mozambique.", want{"19", "MOZUAF", "", ""}, nil},
	})
}

// A weapon that goes off, and the participle of its killing: "A car bomb
// exploded near X, killing five officers" is the place's unidentified
// armed group's killing, as "A car bomb killed five officers" is.
func TestWeaponParticipleKills(t *testing.T) {
	runObjects(t, []construction{
		{"A car bomb exploded near a police station in Mogadishu, killing five officers.", want{"18", "SOMUAF", "", ""}, nil},
		{"A roadside bomb went off in Kandahar, killing three soldiers.", want{"18", "AFGUAF", "", ""}, nil},
	})
}

// Halting or restricting trade with a country, or export controls on
// it, is an embargo (163); a country's own curbs on its exports with no
// target are none.
func TestTradeCurbs(t *testing.T) {
	runObjects(t, []construction{
		{"Algeria halted gas exports to Spain.", want{"163", "DZA", "ESP", ""}, nil},
		{"Russia suspended grain exports to Egypt.", want{"163", "RUS", "EGY", ""}, nil},
		{"China imposed export controls on gallium shipments to Japan.", want{"163", "CHN", "JPN", ""}, nil},
		{"India restricted sugar exports.", want{}, []want{{"163", "", "", ""}}},
	})
}

// Nature and disease are no attackers: a death or injury whose cause, in
// a preposition's phrase later in the sentence, is a hazard or a disease
// names no armed group; an act of force on animals is a cull; "left X
// injured" makes X the patient.
func TestCausesCullsAndResults(t *testing.T) {
	runObjects(t, []construction{
		{"Fourteen residents of Kasese were killed last week during an Ebola epidemic, officials in Uganda said.", want{}, []want{{"18", "", "", ""}}},
		{"Dozens of miners died in Ghana from typhoid, the ministry said.", want{}, []want{{"18", "", "", ""}}},
		{"Rangers in Botswana culled hundreds of elephants.", want{}, []want{{"18", "", "", ""}}},
		{"Health workers in Vietnam slaughtered 20,000 ducks near Hanoi.", want{}, []want{{"18", "", "", ""}}},
		{"Riots in Dakar left 40 students injured on Friday.", want{"18", "SENUAF", "SENEDU", ""}, []want{{"18", "SENEDU", "", ""}}},
		// an attack after which people died is still an attack
		{"Gunmen killed six traders in Mopti after a raid on the market.", want{"18", "MLIUAF", "", ""}, nil},
	})
}

// "Stopped V-ing": an act ended is coded by the cease frame
// (framecodes.tsv: giving aid 162, funding 1621, talks 164, force 087),
// and an act with no cease code is negated, not asserted.
func TestCeasedActs(t *testing.T) {
	runObjects(t, []construction{
		{"The EU stopped giving aid to Niger.", want{"162", "IGOEUR", "NER", ""}, []want{{"07", "", "", ""}}},
		{"Norway stopped funding the Palestinian Authority.", want{"162", "NOR", "PSE", ""}, []want{{"07", "", "", ""}}},
		// a ban on aid is a cut, as a halt is
		{"The Dutch parliament banned funding for Rwandan projects.", want{"162", "NLDLEG", "RWA", ""}, nil},
		{"Congress voted to prohibit aid to the Nicaraguan government.", want{"162", "USALEG", "NIC", ""}, nil},
		{"Rebels stopped shelling the town of Goma.", want{"087", "CODREB", "", ""}, []want{{"19", "", "", model.ModalityAsserted}}},
		{"Protesters stopped marching in Lima.", want{}, []want{{"14", "", "", model.ModalityAsserted}}},
		{"The African Union asked Sudan's generals to stop fighting.", want{"02", "IGOAFR", "SDN", ""}, []want{{"19", "", "", model.ModalityAsserted}}},
		// the frame's own governor: a decision or plan to stop is future,
		// a possibility possible
		{"Colombia decided to stop negotiating with the ELN.", want{"164", "COL", "", model.ModalityFuture}, []want{{"164", "", "", model.ModalityAsserted}}},
		{"Sweden plans to stop funding the agency.", want{"162", "SWE", "", model.ModalityFuture}, []want{{"162", "", "", model.ModalityAsserted}}},
		{"The Burmese army may stop shelling Karen villages.", want{"087", "MMRMIL", "", model.ModalityPossible}, []want{{"087", "", "", model.ModalityAsserted}}},
	})
}

// Force against a vessel or a route: ramming a ship is an attack (190,
// with a target, as "hit"), and an armed group cutting a road or a
// supply route restricts movement (191).
func TestRammingAndCutRoutes(t *testing.T) {
	runObjects(t, []construction{
		{"Chinese coast guard ships rammed a Philippine vessel.", want{"190", "CHNMIL", "PHL", ""}, nil},
		{"An Iranian patrol boat rammed a British tanker in the Gulf.", want{"190", "IRN", "GBR", ""}, nil},
		{"Houthi rebels cut the main road to Taiz.", want{"191", "YEMREB", "", ""}, nil},
		{"Al-Shabaab fighters cut the supply route between Mogadishu and Baidoa.", want{"191", "SOMREB", "", ""}, nil},
		{"Sudanese paramilitaries cut the highway between Khartoum and Port Sudan.", want{"191", "SDN", "", ""}, nil},
		// a ram is also an animal
		{"Farmers in Wales sold a prize ram for a record price.", want{}, []want{{"190", "", "", ""}}},
	})
}

// Hearsay in a "that" clause: after a verb of claiming ("alleged that")
// or an impersonal passive of hearsay ("It is alleged that", "It was
// reported that") the reported act is alleged, as after "reportedly"
// or "is alleged to have"; an impersonal statement of fact is not.
func TestHearsayThatClause(t *testing.T) {
	runObjects(t, []construction{
		{"Human rights groups alleged that Rwanda armed the rebels.", want{"072", "RWA", "", "alleged"}, nil},
		{"It has been alleged that Eritrean troops killed civilians in Tigray.", want{"", "ERIMIL", "", "alleged"}, nil},
		{"It was reported that Venezuelan soldiers detained two Colombian farmers.", want{"173", "VENMIL", "", "alleged"}, nil},
		{"It is claimed that Pakistan shelled Indian border posts.", want{"", "PAK", "IND", "alleged"}, nil},
		{"Belarus is alleged to have supplied fuel to Russian units.", want{"", "BLR", "", "alleged"}, nil},
		// a fact stated impersonally stays asserted
		{"It is clear that Pakistan shelled Indian border posts.", want{"", "PAK", "IND", "asserted"}, nil},
	})
}

// An event noun of force, coercion or sanction takes its "of" phrase
// as its target ("an invasion of X", "the bombing of Y", "the
// arrest of Z"; classes.tsv "of"), where a body's "of" phrase
// names its owner ("the army of Chad").
func TestEventNounOfTarget(t *testing.T) {
	runObjects(t, []construction{
		{"Russia mounted an invasion of Ukraine in 2022.", want{"19", "RUS", "UKR", ""}, nil},
		{"Israel began its bombing of Gaza in October.", want{"18", "ISR", "PSE", ""}, nil},
		{"Ethiopia carried out the occupation of two Eritrean border towns.", want{"19", "ETH", "ERI", ""}, nil},
		{"The army of Chad attacked a rebel base near the border.", want{"19", "TCDMIL", "", ""}, []want{{"19", "", "TCD", ""}}},
	})
}

// Extending, prolonging or renewing emergency rule, martial law or a
// curfew imposes it again (1724, 1723), as declaring it does.
func TestEmergencyExtended(t *testing.T) {
	runObjects(t, []construction{
		{"Myanmar extended emergency rule by six months.", want{"1724", "MMR", "", ""}, nil},
		{"Ecuador extended the state of emergency.", want{"1724", "ECU", "", ""}, nil},
		{"The Philippine president prolonged martial law in Mindanao.", want{"1724", "PHL", "", ""}, nil},
		{"Sri Lanka extended the curfew in Colombo.", want{"1723", "LKA", "", ""}, nil},
		{"Ghana extended the deadline for the new identity cards.", want{}, []want{{"17", "", "", ""}}},
	})
}

// A participle's agent that is a third party ("a deal mediated by X",
// words.tsv thirdPartyVerbs) is no target of the act on the noun, where
// a holder's is ("positions held by X"); a prisoner exchange goes both
// ways, as an exchange of fire does.
func TestThirdPartyAgentsAndExchanges(t *testing.T) {
	runObjects(t, []construction{
		{"Israel and Hamas agreed to a ceasefire deal mediated by Qatar and Egypt.", want{"0356", "ISR", "PSE", ""}, []want{{"", "", "QAT", ""}, {"", "", "EGY", ""}}},
		{"Ethiopia and Eritrea accepted a peace plan backed by the African Union.", want{"", "ETH", "ERI", ""}, []want{{"", "", "IGO", ""}}},
		{"Sudanese jets bombed positions held by the RSF near Khartoum.", want{"19", "SDN", "SDNREB", ""}, nil},
		{"Ukraine and Russia exchanged 150 prisoners of war.", want{"0841", "UKR", "RUS", ""}, []want{{"0841", "", "-", ""}}},
		{"Armenia and Azerbaijan swapped prisoners on Thursday.", want{"0841", "AZE", "ARM", ""}, nil},
	})
}

// Demonyms joined by a comma, as a headline writes them ("Thai,
// Cambodian troops clash"), name both countries' forces, as "and" does;
// a comma after a place ("In Bamako, French troops") joins nothing.
func TestCommaJoinedDemonyms(t *testing.T) {
	runObjects(t, []construction{
		{"Thai, Cambodian troops clash at disputed temple", want{"19", "THAMIL", "KHMMIL", ""}, nil},
		{"Thai and Cambodian troops clash at disputed temple", want{"19", "KHMMIL", "THAMIL", ""}, nil},
		{"Indian, Chinese soldiers clashed in the Galwan valley.", want{"19", "CHNMIL", "INDMIL", ""}, nil},
		{"In Bamako, French troops attacked a camp.", want{"19", "FRAMIL", "", ""}, []want{{"19", "MLI", "", ""}}},
	})
}

// Asking for a suspect's extradition or handover is an appeal for
// judicial cooperation (0213), demanding it a demand (1013); the state
// asked is the one it is sought "from".
func TestExtraditionRequests(t *testing.T) {
	runPipeline(t, []construction{
		{"Algeria has sought the extradition of a former general from France.", want{"0213", "DZA", "FRA", ""}, nil},
		{"Ecuador requested the extradition of a fugitive banker from Panama.", want{"0213", "ECU", "PAN", ""}, nil},
		{"Bangladesh asked for the extradition of a former minister from India.", want{"0213", "BGD", "IND", ""}, nil},
		{"Kazakhstan called for the handover of two suspects from Kyrgyzstan.", want{"0213", "KAZ", "KGZ", ""}, nil},
		{"Iran demanded the extradition of a dissident from Turkey.", want{"1013", "IRN", "TUR", ""}, nil},
	})
}

// Taking away citizenship or nationality is coercion (170), as the
// Phoenix dictionary codes "strip ... of citizenship".
func TestCitizenshipRevoked(t *testing.T) {
	runPipeline(t, []construction{
		{"Bahrain stripped 40 activists of their citizenship on Tuesday.", want{"170", "BHR", "", ""}, nil},
		{"Nicaragua revoked the nationality of 135 exiled critics.", want{"170", "NIC", "", ""}, nil},
		{"Kuwait withdrew the citizenship of hundreds of residents last year.", want{"170", "KWT", "", ""}, nil},
	})
}

// A recipient's verb (verbs.txt flag recipient): the subject receives, the
// "from" phrase names who gave; with no "from" phrase there is no event.
func TestRecipientFrom(t *testing.T) {
	runPipeline(t, []construction{
		{"Ghana received a $3 billion loan from the IMF in May.", want{"071", "IGOBUSIMF", "GHA", ""}, nil},
		{"Sri Lanka secured a bailout from the IMF last year.", want{"071", "IGOBUSIMF", "LKA", ""}, nil},
		{"Taiwan received Harpoon missiles from the United States.", want{"072", "USA", "TWN", ""}, nil},
		{"Sudan received humanitarian aid from Saudi Arabia.", want{"073", "SAU", "SDN", ""}, nil},
		{"Fiji received a visit from the Indian foreign minister.", want{"042", "IND", "FJI", ""}, nil},
		{"Ecuador received a phone call from Colombia's president.", want{"041", "COL", "ECU", ""}, nil},
		// the giver unnamed: no event, and never the recipient as giver
		{"Somalia received more weapons last month.", want{}, []want{{"07", "SOM", "", ""}}},
	})
}

// Sending, supplying or delivering arms is military aid (072) for the
// whole class of weapons, air defence systems included.
func TestWeaponDeliveries(t *testing.T) {
	runPipeline(t, []construction{
		{"Sweden will send Archer howitzers to Ukraine.", want{"072", "SWE", "UKR", model.ModalityFuture}, nil},
		{"Iran supplied rockets to the Houthis.", want{"072", "IRN", "YEM", ""}, nil},
		{"Turkey delivered attack helicopters to the Philippines.", want{"072", "TUR", "PHL", ""}, nil},
		{"Israel sent air defense systems to Azerbaijan.", want{"072", "ISR", "AZE", ""}, nil},
	})
}

// Cutting or freezing relations with a compound subject is done by each
// to the other (verbs.txt flag mutual).
func TestRelationsCutMutual(t *testing.T) {
	runPipeline(t, []construction{
		{"Venezuela and Peru severed diplomatic ties on Monday.", want{"161", "PER", "VEN", ""}, nil},
		{"Venezuela and Peru severed diplomatic ties on Monday.", want{"161", "VEN", "PER", ""}, nil},
		{"Kosovo and Montenegro froze relations after the vote.", want{"160", "MNE", "XKX", ""}, nil},
		{"Somalia cut ties with Kenya in 2020.", want{"161", "SOM", "KEN", ""}, nil},
	})
}

// People named by a plural demonym protest as people (141), not as
// their state (114, which "X protested" is when X is a country).
func TestPeopleProtest(t *testing.T) {
	runPipeline(t, []construction{
		{"Thousands of Serbs marched in Novi Sad against corruption.", want{"14", "SRB", "", ""}, nil},
		{"Georgians protested outside parliament against the foreign agents law.", want{"141", "GEO", "", ""}, []want{{"114", "", "", ""}}},
		{"Hundreds of Uzbeks rallied in Tashkent.", want{"14", "UZB", "", ""}, nil},
		// the country itself still protests officially
		{"Georgia protested against Russia's troop build-up.", want{"114", "GEO", "RUS", ""}, nil},
	})
}

// A violation of what one owns, reported by a speaker, is done to the
// speaker (classes.tsv flag owned): "X said Y violated its airspace";
// violating airspace, waters or territory is a show of force (150), as
// the Phoenix dictionary codes it.
func TestViolationOfSpeakersOwn(t *testing.T) {
	runPipeline(t, []construction{
		{"Lithuania said a Belarusian helicopter had violated its airspace.", want{"150", "BLR", "LTU", ""}, nil},
		{"Indonesia said Chinese coast guard ships had violated its waters.", want{"150", "CHN", "IDN", ""}, nil},
		{"Colombia's foreign ministry said Venezuela had violated its sovereignty.", want{"128", "VEN", "COL", ""}, nil},
		// the subject's own, for an act that is no violation
		{"Ukraine said Russia moved its troops closer to the border.", want{"15", "RUS", "", ""}, []want{{"15", "RUS", "UKR", ""}}},
	})
}

// The noun a pattern names as the act's means heads no target, nor does
// the phrase it stands in ("deployed 400 police officers to X": the
// officers are the subject's own, X the target).
func TestPatternNounIsNoTarget(t *testing.T) {
	runPipeline(t, []construction{
		{"Kenya deployed 400 police officers to Haiti.", want{"15", "KEN", "HTI", ""}, []want{{"15", "KEN", "HTICOP", ""}}},
		{"Burundi sent 2,000 army troops to Somalia.", want{"15", "BDI", "SOM", ""}, []want{{"15", "BDI", "SOMMIL", ""}}},
		{"Bangladesh will deploy riot police officers to South Sudan.", want{"15", "BGD", "SSD", ""}, []want{{"15", "BGD", "SSDCOP", ""}}},
	})
}

// Leaving or freezing one's part in a treaty or an organisation reduces
// relations (160); a place name that modifies the treaty's noun ("the
// Paris climate agreement") is neither a place withdrawn from nor a
// target.
func TestWithdrawalFromAgreements(t *testing.T) {
	runPipeline(t, []construction{
		{"Burkina Faso withdrew from the Ottawa mine ban treaty.", want{"160", "BFA", "-", ""}, []want{{"08", "", "", ""}, {"160", "", "CAN", ""}}},
		{"North Korea pulled out of the Geneva nuclear accord.", want{"160", "PRK", "", ""}, []want{{"160", "", "CHE", ""}}},
		{"Belarus suspended its participation in the arms treaty.", want{"160", "BLR", "", ""}, nil},
		{"Georgia froze its membership of the Eurasian customs union.", want{"160", "GEO", "", ""}, nil},
		// troops leaving a place still retreat
		{"Ethiopian troops withdrew from Mogadishu.", want{"0874", "ETH", "", ""}, nil},
	})
}

// Trade restrictions are sanctions (163): export controls and curbs,
// raised or doubled tariffs; pardoning prisoners releases them (0841),
// as the Phoenix dictionary codes a pardon of hostages.
func TestTradeCurbsAndPardons(t *testing.T) {
	runPipeline(t, []construction{
		{"Beijing imposed export curbs on graphite.", want{"163", "CHN", "", ""}, nil},
		{"Canada doubled tariffs on Chinese aluminium.", want{"163", "CAN", "CHN", ""}, nil},
		{"Mexico raised duties on Brazilian steel imports.", want{"163", "MEX", "BRA", ""}, nil},
		{"Myanmar's junta pardoned 5,000 prisoners on Independence Day.", want{"0841", "MMRGOV", "", ""}, nil},
	})
}

// Joint patrols and manoeuvres are military cooperation (062) between a
// compound subject, as joint exercises are; warning shots are a show of
// force (150), not a fight.
func TestJointPatrolsAndWarningShots(t *testing.T) {
	runPipeline(t, []construction{
		{"Thailand and Malaysia launched joint patrols along their border.", want{"062", "THA", "MYS", ""}, nil},
		{"Indonesia and Australia began joint patrols in the Timor Sea.", want{"062", "AUS", "IDN", ""}, nil},
		{"South Korean troops fired warning shots at North Korean soldiers.", want{"150", "KOR", "PRK", ""}, []want{{"19", "", "", ""}}},
	})
}

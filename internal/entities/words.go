package entities

// Closed word classes the recogniser consults. They are grammar, not
// vocabulary of the world, so they live in code rather than lexicons.

var months = set("January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")

var weekdays = set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

// functionWords start sentences in capitals without being names.
var functionWords = set(`a an the this that these those there here it its he she his her they their them we our us i you your
in on at by for from with without within into onto of to as about after before since until while when where why how what which who whom whose
and but or nor so yet if although though because unless whether however meanwhile also still even only just
all some any many most more much few several each every both either neither no not other another such
is are was were be been being has have had do does did will would shall should can could may might must
according despite during under over above below between among against toward towards through across around near
speaking asked asking echoing citing adding noting saying following including less more last next earlier later
mr mrs ms dr sir madam yes no hard`)

var prepositions = set("in on at by for from with into onto of to about after before against between among through across near toward towards under over during within without via behind beside")

var locPrepositions = set("in at from near to outside inside across toward towards into around")

var speechVerbs = set("said says say told tells added adds wrote writes stated states noted notes explained explains warned warns announced announces continued continues insisted insists argued argues asked asks replied replies declared declares claimed claims confirmed confirms denied denies reported reports according")

// topLevelCues are words that put heads of state or government in focus:
// a surname near them prefers the entity with the highest-ranking role.
var topLevelCues = set("summit summits parade parades state visit talks leader leaders president premier king head regime dictator")

var settlementNouns = set("village town city region province district county state port capital area municipality oblast governorate prefecture island islands suburb neighbourhood neighborhood camp")

// nonNameWords are capitalised words of events, works, places and
// institutions; a capitalised run holding one is not taken for a person
// without further evidence ("New Year", "Cold War", "Air Force One").
var nonNameWords = set(`new old world cold war day year week month era age games olympics olympic cup prize award festival
black white red green blue great holy supreme national international united general central southern northern eastern western
north south east west upper lower air force sea ocean island islands river mount mountain mountains lake bay gulf coast valley desert
road street avenue square bridge palace house hall tower airport port station stadium hospital church mosque temple cathedral
act law bill treaty agreement accord accords plan initiative program programme project operation summit conference forum dialogue
revolution spring uprising election elections constitution declaration charter convention protocol strategy doctrine
ministry department agency office council committee commission court party army navy corps fleet brigade division command
university college institute school center centre foundation bank company group corporation fund union league
daily times post news press radio television tv magazine journal network
christmas easter ramadan eid thanksgiving monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december`)

var honorifics = set("mr mrs ms miss sir madam dame lord lady dr")

var pairNouns = set("sides countries nations governments leaders presidents ministers neighbours neighbors allies rivals states parties capitals")

func set(s string) map[string]bool {
	m := map[string]bool{}
	w := ""
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			if w != "" {
				m[w] = true
			}
			w = ""
			continue
		}
		w += string(s[i])
	}
	return m
}

// roleRank orders roles by prominence, for choosing between namesakes.
func roleRank(r string) int {
	switch r {
	case "leader", "supreme leader", "president", "king", "queen", "emir", "sultan", "head of state", "chancellor", "premier", "prime minister", "crown prince":
		return 3
	case "foreign minister", "defense minister", "defence minister", "secretary of state", "vice president", "general", "admiral", "minister":
		return 2
	}
	return 1
}

// patronymicCountries name people by given name then father's name, so a
// lone first name is the usual short form ("Abiy" for Abiy Ahmed).
var patronymicCountries = set("ETH ERI ISL")

// congressCountries call their national legislature "Congress"; an
// unqualified "Congress" in an article about one of them is its own.
var congressCountries = set("USA PER COL MEX CHL ARG BRA GTM HND PRY ESP DOM SLV PHL FSM")

// nationalHeads are role head words that imply a national government or
// high command, so a holder named without a country belongs to the
// country the article is about ("President Dina Boluarte" in a report
// from Lima).
var nationalHeads = set("president president-elect minister premier chancellor chief commander-in-chief")

// personPairNouns make "the two leaders" refer to two people, not two
// countries.
var personPairNouns = set("leaders presidents ministers men women")

// groupNouns and groupAdjectives make "the (militant) group" refer back
// to the latest armed or political group named ("Hamas", "the RSF").
var groupNouns = set("group militia movement")
var groupAdjectives = set("militant rebel armed islamist paramilitary")

// locativePreps place what follows ("protesters in Nairobi").
var locativePreps = set("in at across through throughout around near outside inside into")

// placeModifiers may stand between a locative preposition and its place.
var placeModifiers = set("the central northern southern eastern western downtown")

// placeHeads end the names of places and facilities ("Bellerive Oval",
// "Whistler Mountain", "Hay Point"): a capitalised run ending in one is a
// place, not a person, when no gazetteer or lexicon knows it.
var placeHeads = set(`ground stadium oval arena peak point resort airport airfield harbour harbor coast river lake valley
mountain mountains island islands bay beach canal strait gulf desert plateau racecourse circuit glacier volcano reservoir`)

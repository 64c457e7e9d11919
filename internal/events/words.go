package events

// Closed-class word lists: grammar, not vocabulary of the world.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	determiners = set("a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
		"our", "my", "your", "any", "no", "some", "every", "each", "another", "such", "'s", "’s")
	auxiliaries = set("is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
		"having", "do", "does", "did", "'s", "’s", "'ve", "’ve")
	beForms     = set("is", "are", "was", "were", "be", "been", "being", "am")
	futureWords = set("will", "would", "shall", "'ll", "’ll", "wo")
	possibleMod = set("could", "may", "might", "can", "should", "must", "ca", "ought")
	negWords    = set("not", "n't", "n’t", "never", "no")
	habitual    = set("routinely", "regularly", "often", "frequently", "usually", "repeatedly",
		"habitually", "typically", "constantly", "customarily", "periodically", "normally", "generally")
	allegedWords = set("reportedly", "allegedly", "purportedly", "apparently", "supposedly")
	hedgeAdj     = set("possible", "potential", "likely", "probable", "hypothetical", "feared",
		"rumoured", "rumored", "alleged", "suspected", "prospective", "would-be")
	futureAdj = set("impending", "upcoming", "planned", "expected", "proposed", "future",
		"forthcoming", "scheduled", "anticipated", "looming", "coming")
	// adjectives governing an infinitive that leaves the act hypothetical
	possibleGov = set("ready", "willing", "able", "prepared", "likely", "unlikely", "closer", "close",
		"poised", "eager", "keen", "right", "bid", "effort", "efforts", "attempt", "plan", "plans",
		"strategy", "ability", "capability", "willingness", "readiness", "chance", "risk", "threat",
		"way", "means", "order", "need", "wish", "desire", "intention", "goal", "aim", "option")
	// "is believed to have", "was said to": a claim, not a report
	allegedGov = set("believed", "thought", "said", "reported", "alleged", "suspected", "understood",
		"rumoured", "rumored", "claimed", "accused")
	// background framing: "since Russia's invasion", "amid the war"
	backgroundPreps = set("since", "after", "before", "amid", "during", "following", "despite", "of", "in", "over", "from")
	futureGov       = set("is", "are", "was", "were", "be", "due", "set", "scheduled", "expected", "slated", "about")
	// words that stop the search for a subject or object (clause edges)
	clauseWords = set("that", "which", "who", "whom", "whose", "while", "because", "although", "though",
		"whereas", "when", "where", "if", "unless", "since", "after", "before", "until", "as", "but", "so",
		"whether", "once", "than", "however", "what", "how", "why")
	coordinators = set("and", "but", "or", "nor", "as well as")
	prepositions = set("in", "on", "at", "by", "with", "to", "from", "for", "of", "against", "into",
		"onto", "toward", "towards", "over", "under", "during", "after", "before", "since", "despite",
		"amid", "among", "between", "across", "through", "about", "near", "without", "within",
		"including", "following", "according", "around", "along", "beyond", "via", "per", "upon")
	targetPreps = set("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "onto", "over", "for")
	quantifiers = set("both", "all", "many", "several", "few", "most", "other", "others", "each", "either", "neither")
	conditional = set("if", "unless", "should", "whether", "lest")
	// words that open a condition after the act ("will cut aid if ...")
	conditionMarks = set("if", "unless")
	pronouns       = set("it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us")
	// role nouns that stand for the country or organisation they belong to
	roleHeads = set("officials", "official", "government", "governments", "forces", "troops", "military",
		"army", "navy", "police", "authorities", "leaders", "leader", "ministry", "minister", "ministers",
		"president", "spokesman", "spokeswoman", "spokesperson", "diplomats", "diplomat", "sources",
		"source", "administration", "regime", "soldiers", "officers", "sides", "side", "delegation",
		"envoy", "ambassador", "lawmakers", "parliament", "protesters", "demonstrators", "activists",
		"workers", "students", "residents", "militants", "rebels", "fighters", "jets", "warships", "ships",
		"aircraft", "monitors", "experts", "analysts", "media", "agency", "office", "cabinet", "coalition",
		"ministers", "members", "representatives", "counterpart", "counterparts", "chief", "head", "prime",
		"people", "citizens", "supporters", "opposition", "party", "parties", "court", "judges", "prosecutors", "agents",
		"newspaper", "daily", "broadcaster", "outlet", "channel", "website", "magazine", "network",
		"station", "radio", "television", "newspapers", "service", "ministries", "department", "council",
		"chancellor", "premier", "king", "queen", "emir", "sultan", "prince", "general", "commander",
		"governor", "mayor", "senator", "secretary", "chairman", "chairperson", "chairwoman", "speaker",
		"negotiator", "negotiators", "guard", "guards", "coast", "vessels", "boats", "planes", "drones",
		"units", "battalion", "brigade", "commanders", "generals", "ambassadors", "envoys", "mission")
	placeNouns = set("city", "town", "village", "region", "province", "capital", "port", "district", "state", "island", "area")
	quoteOpen  = set("\"", "“", "‘", "``")
	quoteClose = set("\"", "”", "’", "''")
	// blocking contexts: a nominal event after these did not happen
	blockNoun = set("short", "instead", "without", "rather", "avoid", "prevent", "deter", "deterring",
		"preventing", "avoiding", "against")
)

// amountNouns head an amount of people or things before "of"
// ("thousands of protesters").
var amountNouns = set("dozens", "scores", "hundreds", "thousands", "tens", "millions", "hundred", "thousand",
	"million", "dozen", "score", "group", "groups", "crowd", "crowds", "number", "handful")

// isAmount reports whether t heads an amount: a number or an amount noun.
func isAmount(t tok) bool {
	return t.tag == "CD" || amountNouns[t.low] || t.text != "" && t.text[0] >= '0' && t.text[0] <= '9'
}

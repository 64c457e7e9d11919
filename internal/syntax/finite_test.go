package syntax

import (
	"strings"
	"testing"
)

// tagCase is a sentence, one of its words, and the Penn tag it must
// have ("!VBD": any but VBD); root, when set, says the word must head
// the sentence.
type tagCase struct {
	body, word, tag string
	root            bool
}

func checkTags(t *testing.T, tests []tagCase) {
	t.Helper()
	p := builtin(t)
	for _, tc := range tests {
		w := tokNamed(t, parsed(t, p, tc.body), tc.word)
		if not, ok := strings.CutPrefix(tc.tag, "!"); ok && w.tag == not || !ok && w.tag != tc.tag {
			t.Errorf("%s: %q is %s, want %s", tc.body, tc.word, w.tag, tc.tag)
		}
		if tc.root && w.rel != "root" {
			t.Errorf("%s: %q is %s of %q, want the root", tc.body, tc.word, w.rel, w.head)
		}
	}
}

// A sentence with a subject and an object and no finite verb has one:
// the past tense the tagger read as a participle or a noun after a
// plural subject (repairFinite), in a main clause, after a comma or
// conjunction, and in a complement clause of a finite verb.
func TestFiniteVerbRepair(t *testing.T) {
	checkTags(t, []tagCase{
		{"Rebels shelled Goma on Sunday.", "shelled", "VBD", true},
		{"Police arrested ten students in Dhaka.", "arrested", "VBD", true},
		{"Police shot two protesters in Nairobi on Monday.", "shot", "VBD", true},
		{"Militias fired rockets at a base near Erbil.", "fired", "VBD", true},
		{"Protesters burned tyres outside the parliament in Lima.", "burned", "VBD", true},
		{"Soldiers killed five villagers in Kachin State.", "killed", "VBD", true},
		{"The army said militants attacked a checkpoint near Kandahar.", "attacked", "VBD", false},
		{"Hospital sources said soldiers shot three protesters in Omdurman.", "shot", "VBD", false},
		{"Police arrested the mayor of Izmir, and protesters blocked the main road.", "arrested", "VBD", true},
		{"Serbia eased emergency measures in the south on Wednesday.", "eased", "VBD", true},
		// an amount as the object
		{"Rebels killed nearly 40 villagers near Beni.", "killed", "VBD", true},
		{"Troops arrested at least 12 people in Goma.", "arrested", "VBD", true},
		// a verb phrase conjoined to a past tense
		{"Rioters torched cars and looted shops in Dakar.", "looted", "VBD", false},
		{"Police arrested two men and seized weapons in Mombasa.", "seized", "VBD", false},
		{"Gunmen attacked a village and abducted 30 people in Zamfara.", "abducted", "VBD", false},
		// an adjective of result before the object
		{"Gunmen shot dead a village chief near Pemba.", "shot", "VBD", true},
		{"Police shot dead two suspects in Lagos.", "shot", "VBD", true},
		// a preposition's phrase in the subject, an adverb before the verb
		{"Hundreds of dockers blocked the port of Mombasa.", "blocked", "VBD", true},
		{"Rebels later shelled the airport in Goma.", "shelled", "VBD", true},
		// an intransitive verb before a phrase written in full, in a
		// sentence with no other verb
		{"Hundreds of miners marched through Johannesburg on Friday.", "marched", "VBD", true},
		{"Opposition supporters gathered outside the electoral commission in Harare.", "gathered", "VBD", true},
		{"Dozens of nurses protested against the pay cuts in Manila.", "protested", "VBD", true},
		{"The Sudanese army withdrew from the town of Wad Madani.", "withdrew", "VBD", true},
		{"Fishermen in Chittagong walked off the job over fuel prices.", "walked", "VBD", true},
		// a past tense written as its base form, read as a noun or, in a
		// sentence with no verb, as a preposition
		{"Kenyan police beat demonstrators in Nairobi on Tuesday.", "beat", "VBD", true},
		{"Ugandan police hit protesters with batons.", "hit", "VBD", true},
		{"Houthi rebels cut the main road to Taiz.", "cut", "VBD", true},
		{"Serbian police beat the protesters.", "beat", "VBD", true},
	})
}

// A present tense in -s after a singular subject that the tagger read
// as a plural noun ("The European Union plans/NNS to"), where the
// clause has no other finite verb.
func TestPresentTenseRepair(t *testing.T) {
	checkTags(t, []tagCase{
		{"The European Union plans to impose new sanctions on Belarus.", "plans", "VBZ", true},
		{"The ministry plans to expel two diplomats.", "plans", "VBZ", true},
		{"Houthi fighters overran Sanaa in 2014.", "fighters", "NNS", false},
		// a name read as a gerund, the subject of a present tense
		{"Beijing vows to punish Taiwan separatists.", "vows", "VBZ", true},
		{"Beijing vows to punish Taiwan separatists.", "Beijing", "NNP", false},
		{"Shelling resumed near Donetsk on Monday.", "Shelling", "!NNP", false},
		{"The African Union wants a ceasefire in Sudan.", "wants", "VBZ", true},
		{"The union plans for the year include a strike in March.", "plans", "!VBZ", false},
		{"Union members plan a strike in Lagos.", "members", "NNS", false},
		// a headline's present tense after a plural subject, read as a
		// noun or an adjective; the tagger, reading "They" for the
		// subject, decides
		{"Protesters storm parliament in Nairobi", "storm", "VBP", true},
		{"Students protest in Dhaka", "protest", "VBP", true},
		{"Thai, Cambodian troops clash at disputed temple", "clash", "VBP", true},
		{"Thai and Cambodian troops clash at disputed temple", "clash", "VBP", true},
		{"Protesters storm parliament in Nairobi.", "storm", "VBP", true},
		// a compound's noun, a question, a name's word stay
		{"Sports car rentals in Nairobi", "car", "!VBP", false},
		{"Cheap hotels close to the station?", "close", "!VBP", false},
		{"Board members Representative Smith and others", "Representative", "!VBP", false},
	})
}

// What the repair leaves alone: a headline's or caption's passive
// participle (no full stop, or a preposition after it), a reduced
// relative before the clause's verb, an attributive participle in an
// object after a verb, and a participle only form.
func TestFiniteVerbRepairLeaves(t *testing.T) {
	checkTags(t, []tagCase{
		{"Five soldiers killed in ambush near Mali border", "killed", "!VBD", false},
		{"Two journalists arrested in Minsk", "arrested", "!VBD", false},
		{"Dozens of villagers wounded in Kivu attack.", "wounded", "!VBD", false},
		{"Weapons seized in the raid on Tuesday were displayed in Kabul.", "seized", "!VBD", false},
		{"Jets bombed a clinic sheltering displaced families in Idlib.", "displaced", "!VBD", false},
		{"Three men stolen cattle near Kapoeta.", "stolen", "!VBD", false},
		{"Five people were killed and wounded in the blast in Quetta.", "wounded", "!VBD", false},
		{"Hundreds of villagers killed in 2019 attack.", "killed", "!VBD", false},
		{"Rebels have seized the town and burned houses near Bambari.", "burned", "!VBD", false},
		// a caption's passive before a bare singular ("in Khyber ambush")
		{"Three policemen killed in Khyber ambush.", "killed", "!VBD", false},
		{"Two aid workers abducted in Darfur raid.", "abducted", "!VBD", false},
		// a name ending a preposition's phrase in the subject: the parser
		// would make the name the verb's subject, so the participle stays
		{"Thousands of teachers throughout Ghana staged protests on Friday.", "staged", "!VBD", false},
		// a sentence with another verb: a reduced relative or a fragment
		{"Goods seized at the border are held in Kampala.", "seized", "!VBD", false},
		// a preposition is no past form
		{"Two police in the city.", "in", "IN", false},
		{"Thousands of people near the border.", "near", "IN", false},
	})
}

// A hyphenated compound with a past form before a noun modifies it
// ("Turkish-backed fighters"); the treebank splits such compounds, so
// the tagger had read it as the sentence's past tense. A verb with an
// object keeps its tense ("test-fired a missile").
func TestHyphenatedParticiple(t *testing.T) {
	checkTags(t, []tagCase{
		{"Turkish-backed fighters attacked Kurdish positions near Afrin.", "attacked", "VBD", true},
		{"Turkish-backed fighters attacked Kurdish positions near Afrin.", "Turkish-backed", "!VBD", false},
		{"Iranian-backed militias fired rockets at a base in Iraq.", "fired", "VBD", true},
		{"Rebel-held towns in Darfur came under fire.", "Rebel-held", "!VBD", false},
		{"Kremlin-funded outlets spread the claim in Riga.", "Kremlin-funded", "!VBD", false},
		{"North Korea test-fired a ballistic missile on Friday.", "test-fired", "VBD", true},
	})
}

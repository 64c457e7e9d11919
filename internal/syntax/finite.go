package syntax

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// News reports what someone did: "Rebels shelled the town", "Police
// arrested ten students", "Militias fired rockets at a base". The
// treebank is web text (reviews, e-mails, questions) in which a plural
// noun at a clause's start is rarely the subject of a verb in the past
// tense, and the tagger reads the verb of such a clause as a past
// participle (a reduced relative: "rebels shelled/VBN Goma"), or a past
// form that is also a noun as the noun ("police shot/NN two
// protesters"): the clause is left without a finite verb and the parse
// without a predicate. Repairs follow the tagger, read off the tags,
// the lemmatiser and the shape of the clause, never a list of words.
//
// Hyphenated participles: the treebank splits "Saudi - led", so a
// compound modifier written as one token ("Turkish-backed",
// "rebel-held") is a word the tagger never saw, and its "-ed" ending
// makes it a past tense. A hyphenated word tagged VBD right before a
// noun or an adjective modifies it: it is retagged VBN, as the
// treebank tags the participle of such a compound. ("North Korea
// test-fired a missile": a determiner follows, and the verb stays.)
//
// A missing finite verb, in a sentence that ends in a full stop (a
// headline or caption, "Five soldiers killed in ambush", has none, and
// its participle is a passive). A clause begins at the sentence's start
// or after a finite verb, a subordinating conjunction, a wh-word, a
// coordinating conjunction, a comma or a colon. Its first word after a
// subject noun phrase that the tagger read as VBN, NN or JJ is retagged
// VBD if every condition below is met: the phrase is made of noun-phrase tags
// (determiners, adjectives, numbers, possessives, nouns, pronouns, and
// participles used attributively) and ends in a noun or a pronoun; the
// word is a past form (lemmatizer.pastTense: "shelled", "shot",
// "fought", but not "ceasefire", "cold" or the participle "stolen"); an
// object follows it (a determiner, a number, a noun, a pronoun or a
// possessive, or an adjective before a noun), which a passive participle
// does not take ("Two men shot dead", "killed in"); after a finite verb,
// whose own object the phrase may be ("bombed a school sheltering
// displaced families"), only a determiner, number, pronoun or name
// ("said militants attacked a checkpoint"); and no finite verb follows
// in the clause (a reduced relative in the subject: "Weapons seized in
// the raid were displayed"). The tagger's scores are not consulted: it
// is confident of the participle (on "rebels shelled Goma" VBD is not
// even its second choice).
//
// A present tense in -s is restored the same way, in the sentence's
// first clause only (after "and", "rocket launchers to shell" is a
// compound noun), after a singular noun (NN, NNP: the subject it agrees
// with) that ends the subject, right before "to" or a determiner,
// number or possessive, where the tagger read it as a plural noun ("The
// European Union plans/NNS to impose", "The ministry plans/NNS to
// expel"): the lemmatiser reads it as another word (presentTense), and
// it is no capitalised word of a name. A noun or adjective after it
// does not do: "Houthi fighters overran/JJ Sanaa" is a compound subject
// before a verb the tagger missed.
//
// A capitalised first word the treebank does not know, read as a gerund
// off its "-ing", is a name when a present tense in -s follows it
// ("Beijing/VBG vows"; not "Shelling resumed").
//
// A verb phrase conjoined to a past tense is one too: a past form tagged
// VBN right after a coordinating conjunction whose last verb before it
// is a past tense, with an object after it ("torched cars and looted/VBN
// shops"; not "were killed and wounded", "have seized X and burned Y").
//
// The subject's phrase may hold a preposition's phrase ("Thousands of
// farmers", "Residents near the border"; not in a clause after a finite
// verb, whose object the words may be: "There are towns called X") and
// an adverb may stand before the verb ("Rebels later shelled"). After a
// name ending such a phrase the participle is left: the parser reads the
// name as the subject of a clause of its own ("Students throughout Kenya
// staged/VBD …" hung "staged" on "Kenya").
//
// An adjective of result may stand between the verb and an object that
// begins with a determiner, number, pronoun or name ("Gunmen shot/NN dead
// a local chief").
//
// A past tense written as its base form ("hit", "cut", "beat", "shut")
// is a past form too (the lemmatiser keeps the treebank's past tenses
// equal to their lemma), and in a sentence with no verb at all the
// tagger's preposition may be such a verb ("Kenyan police beat/IN
// demonstrators", "Rebels cut/IN the main road"): a preposition is no
// past form, so only such a word is retagged, under the conditions
// above.
//
// An intransitive verb: in a sentence with no finite verb at all, the
// first verb, a past form, before a preposition whose phrase is written
// as body text writes it (an article, a possessive, a pronoun, a name
// or a plural: "Thousands of farmers protested in New Delhi", "The army
// withdrew from the town") is the past tense. A headline's or caption's
// passive writes its phrase bare ("Two soldiers killed in Kivu attack.")
// and keeps the participle.
//
// On EWT dev (gold tokenisation) the repairs change 11 of 25,148 words,
// 10 of them rightly ("Oil companies evacuated offshore facilities",
// "Hundreds of persons mounted demonstrations", "the price of crude
// advanced 53 cents"; wrongly "I have a cat named X"): its fragments
// rarely have a noun-phrase subject, a past form and an object or a
// full prepositional phrase. On news they restore the clause's verb
// (TestFiniteVerbRepair).

// finiteTags are the per-class flags the repairs read, set from the
// Penn tag names of the model's classes.
type finiteTags struct {
	finite       []bool   // VBD, VBZ, VBP, MD
	np           []bool   // a tag a subject noun phrase is made of
	nominal      []bool   // a noun or a pronoun: the phrase's head
	attrib       []bool   // VBN, VBG: in the phrase only before a noun or adjective
	modified     []bool   // NN*, JJ*: a word a participle may modify
	cand         []bool   // VBN, NN, JJ: a tag the verb may have been given
	object       []bool   // a tag an object may begin with (JJ* only before a noun)
	strictObject []bool   // DT, PDT, CD, PRP, PRP$, NNP, NNPS
	stop         []bool   // a sentence's full stop
	boundary     []bool   // a word a clause may begin after
	coord        []bool   // CC
	singular     []bool   // NN, NNP: a subject a present tense in -s agrees with
	plural       []bool   // NNS
	presentCand  []bool   // NN, NNP, JJ, JJR, JJS: a tag a headline's present tense may have been given
	base         []bool   // VB
	comma        []bool   // ,
	to           []bool   // TO
	number       []bool   // CD
	amountLead   []string // an amount's first word: RB ("nearly 40"), "cmp" (JJR, RBR: "more than 500"), "sup" (IN: "at least 12")
	amountMid    []string // its second word before the number: "cmp" (IN "than"), "sup" (JJS "least")
	determiner   []bool   // DT, PDT, CD, PRP$: an object's first word, never a verb
	name         []bool   // NNP, NNPS
	article      []bool   // DT, PDT, PRP$, PRP: a phrase body text writes in full
	adverb       []bool   // RB: between a subject and its verb ("soon flourished")
	prep         []bool   // IN as a preposition (ADP), RP: in a subject's phrase, after an intransitive verb
	verb         []bool   // VB*, MD
	vbd, vbn     int      // the (VERB, VBD) and (VERB, VBN) classes; -1 if none
	vbz          int      // the (VERB, VBZ) class; -1 if none
	vbp          int      // the (VERB, VBP) class; -1 if none
	vbg, nnp     int      // the (VERB, VBG) and (PROPN, NNP) classes; -1 if none
}

func newFiniteTags(upos, xpos []string) *finiteTags {
	n := len(xpos)
	f := &finiteTags{finite: make([]bool, n), np: make([]bool, n), nominal: make([]bool, n),
		attrib: make([]bool, n), modified: make([]bool, n), cand: make([]bool, n), object: make([]bool, n), strictObject: make([]bool, n), stop: make([]bool, n), boundary: make([]bool, n), coord: make([]bool, n), singular: make([]bool, n), plural: make([]bool, n), presentCand: make([]bool, n), base: make([]bool, n), comma: make([]bool, n), to: make([]bool, n), number: make([]bool, n), amountLead: make([]string, n), amountMid: make([]string, n), determiner: make([]bool, n), name: make([]bool, n), article: make([]bool, n), adverb: make([]bool, n), prep: make([]bool, n), verb: make([]bool, n), vbd: -1, vbn: -1, vbz: -1, vbp: -1, vbg: -1, nnp: -1}
	for c, x := range xpos {
		switch x {
		case "VBD", "VBZ", "VBP", "MD":
			f.finite[c] = true
		}
		switch x {
		case "DT", "PDT", "JJ", "JJR", "JJS", "CD", "PRP$", "POS", "NN", "NNS", "NNP", "NNPS", "PRP":
			f.np[c] = true
		}
		switch x {
		case "NN", "NNS", "NNP", "NNPS", "PRP":
			f.nominal[c] = true
		}
		switch x {
		case "VBN", "VBG":
			f.attrib[c] = true
		}
		switch x {
		case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS":
			f.modified[c] = true
		}
		switch x {
		case "VBN", "NN", "JJ":
			f.cand[c] = true
		}
		switch x {
		case "DT", "PDT", "CD", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "JJ", "JJR", "JJS":
			f.object[c] = true
		}
		switch x {
		case "DT", "PDT", "CD", "PRP", "PRP$", "NNP", "NNPS":
			f.strictObject[c] = true
		}
		f.stop[c] = x == "."
		f.adverb[c] = x == "RB"
		f.name[c] = x == "NNP" || x == "NNPS"
		f.article[c] = x == "DT" || x == "PDT" || x == "PRP$" || x == "PRP"
		f.prep[c] = x == "IN" && upos[c] == "ADP" || x == "RP"
		f.coord[c] = x == "CC"
		f.singular[c] = x == "NN" || x == "NNP"
		f.plural[c] = x == "NNS"
		f.base[c] = x == "VB"
		f.comma[c] = x == ","
		switch x {
		case "NN", "NNP", "JJ", "JJR", "JJS":
			f.presentCand[c] = true
		}
		f.to[c] = x == "TO"
		f.number[c] = x == "CD"
		switch x {
		case "RB":
			f.amountLead[c] = "RB"
		case "JJR", "RBR":
			f.amountLead[c] = "cmp"
		case "IN":
			f.amountLead[c], f.amountMid[c] = "sup", "cmp"
		case "JJS":
			f.amountMid[c] = "sup"
		}
		switch x {
		case "DT", "PDT", "CD", "PRP$":
			f.determiner[c] = true
		}
		if upos[c] == "VERB" && x == "VBG" && f.vbg < 0 {
			f.vbg = c
		}
		if upos[c] == "PROPN" && x == "NNP" && f.nnp < 0 {
			f.nnp = c
		}
		if upos[c] == "VERB" && x == "VBZ" && f.vbz < 0 {
			f.vbz = c
		}
		if upos[c] == "VERB" && x == "VBP" && f.vbp < 0 {
			f.vbp = c
		}
		f.verb[c] = strings.HasPrefix(x, "VB") || x == "MD"
		switch x {
		case "VBD", "VBZ", "VBP", "MD", "WRB", "WDT", "WP", "CC", ",", ":":
			f.boundary[c] = true
		case "IN":
			f.boundary[c] = upos[c] == "SCONJ"
		}
		if upos[c] == "VERB" && x == "VBD" && f.vbd < 0 {
			f.vbd = c
		}
		if upos[c] == "VERB" && x == "VBN" && f.vbn < 0 {
			f.vbn = c
		}
	}
	return f
}

// hyphenated reports whether a word joins two runs of letters with a
// hyphen ("Saudi-led", "rebel-held"), not a prefix of one or two letters
// ("e-mailed", "re-routed").
func hyphenated(form string) bool {
	i := strings.LastIndexByte(form, '-')
	if i < 3 || i == len(form)-1 {
		return false
	}
	for _, r := range form[i+1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// repairFinite applies the repairs above to sc.cls, the classes the
// tagger gave sc.forms (their atoms in sc.ts.at), and marks in
// sc.retensed the participles it made past tenses.
func (p *Parser) repairFinite(sc *scratch) {
	f := p.fin
	if f == nil || f.vbd < 0 || f.vbn < 0 {
		return
	}
	cls, n := sc.cls, len(sc.cls)
	sc.retensed = slices.Grow(sc.retensed[:0], n)[:n]
	clear(sc.retensed)
	for i, c := range cls {
		if c == f.vbd && i+1 < n && f.modified[cls[i+1]] && hyphenated(sc.forms[i]) {
			cls[i] = f.vbn
		}
		if c == f.vbg && f.nnp >= 0 && capitalisedWord(sc.forms[i]) && sc.ts.at[i+pad].amb == 0 && i == 0 && i+1 < n && (f.plural[cls[i+1]] || cls[i+1] == f.vbz) {
			// a name the treebank does not know, read off its "-ing", as
			// the subject of a present tense in -s ("Beijing/VBG vows")
			cls[i] = f.nnp
		}
	}
	if n < 3 || !f.stop[cls[n-1]] || sc.forms[n-1] != "." {
		return
	}
	// phrase: the words since the clause's start are a noun phrase;
	// subject: it holds a noun or a pronoun; afterVerb: the clause
	// began after a finite verb, whose object the phrase may be ("bombed
	// a school sheltering displaced families"), so only a determiner,
	// number, pronoun or name may begin the candidate's object ("said
	// militants attacked a checkpoint").
	phrase, subject, afterVerb := true, false, false
	lastVerb := -1 // the class of the last verb before word i
	first := true  // in the sentence's first clause
	// inPP: the subject's phrase holds a preposition's; after a name
	// there the parser reads the name as the verb's subject ("Students
	// throughout Kenya staged/VBD" became a clause of "Kenya"), so the
	// participle is left
	finite, inPP, anyVerb := false, false, false
	for _, c := range cls {
		finite = finite || f.finite[c]
		anyVerb = anyVerb || f.verb[c]
	}
	for i := 0; i < n-2; i++ {
		c := cls[i]
		if phrase && subject && f.afterSubject(cls, i) && !(inPP && f.name[cls[i-1]]) && (f.cand[c] || !anyVerb && f.prep[c]) && (f.objectAt(cls, i+1, afterVerb) || f.resultative(cls, i+1) || !finite && lastVerb < 0 && f.prep[cls[i+1]] && f.fullPhrase(cls, i+2)) && !f.clauseVerb(cls, i+1) && p.pastForm(sc, i) ||
			c == f.vbn && i > 0 && f.coord[cls[i-1]] && lastVerb == f.vbd && f.objectAt(cls, i+1, false) && p.pastForm(sc, i) {
			// (the second: a verb phrase conjoined to a past tense,
			// "torched cars and looted/VBN shops")
			cls[i] = f.vbd
			sc.retensed[i] = c == f.vbn
			phrase, subject, lastVerb = false, false, f.vbd
			continue
		}
		if phrase && first && subject && f.singular[cls[i-1]] && f.plural[c] && f.vbz >= 0 && (f.to[cls[i+1]] || f.determiner[cls[i+1]]) && !f.clauseVerb(cls, i+1) && p.presentForm(sc, i) {
			// a present tense after a singular subject, read as a plural
			// noun: "The European Union plans/NNS to impose sanctions"
			cls[i] = f.vbz
			phrase, subject, lastVerb = false, false, f.vbz
			continue
		}
		if f.verb[c] {
			lastVerb = c
		}
		switch {
		case f.boundary[c]:
			phrase, subject, afterVerb, first, inPP = true, false, f.finite[c], false, false
		case !phrase:
		case f.np[c]:
			subject = subject || f.nominal[c]
		case subject && f.nominal[cls[i-1]] && (f.prep[c] && !afterVerb && f.np[cls[i+1]] || f.adverb[c]):
			// a preposition's phrase in the subject ("Thousands of
			// farmers", "Residents near the border"), or an adverb
			// between the subject and its verb ("soon fled")
			inPP = inPP || f.prep[c]
		case f.attrib[c] && f.modified[cls[i+1]]:
		default:
			phrase, subject = false, false
		}
	}
}

// afterSubject reports whether word i follows a subject's last word: a
// noun or pronoun, or an adverb right after one ("Villagers soon fled").
func (f *finiteTags) afterSubject(cls []int, i int) bool {
	return f.nominal[cls[i-1]] || i >= 2 && f.adverb[cls[i-1]] && f.nominal[cls[i-2]]
}

// resultative reports an adjective at word i, not before a noun, then
// an object that begins with a determiner, number, pronoun or name: "shot
// dead a local chief", "shot dead two suspects".
func (f *finiteTags) resultative(cls []int, i int) bool {
	return i+2 < len(cls) && f.modified[cls[i]] && !f.nominal[cls[i]] && !f.nominal[cls[i+1]] && f.objectAt(cls, i+1, true)
}

// fullPhrase reports whether the noun phrase at word i is written as
// body text writes it: with an article, a possessive or a pronoun, or
// headed by a name or a plural ("in New Delhi", "against farm laws"),
// not as a headline's bare singular ("in Kivu attack", "in 2019 attack").
func (f *finiteTags) fullPhrase(cls []int, i int) bool {
	last := -1
	for ; i < len(cls) && f.np[cls[i]]; i++ {
		if f.article[cls[i]] {
			return true
		}
		if f.nominal[cls[i]] {
			last = cls[i]
		}
	}
	return last >= 0 && (f.name[last] || !f.singular[last])
}

// clauseVerb reports whether a finite verb follows word i-1 before the
// clause ends: the participle before it is then a reduced relative in
// the subject ("opinions expressed here are …").
func (f *finiteTags) clauseVerb(cls []int, i int) bool {
	for ; i < len(cls); i++ {
		switch c := cls[i]; {
		case f.finite[c]:
			return true
		case f.boundary[c]:
			return false
		}
	}
	return false
}

// objectAt reports whether an object begins at word i: an adjective
// only before a noun ("fired live rounds", not "shot dead"), an adverb,
// a comparative and "than", or a preposition and a superlative, right
// before a number ("nearly 40 villagers", "more than 500", "at least 12
// people"); with strict, only a determiner, number, pronoun or name (or
// such an amount).
func (f *finiteTags) objectAt(cls []int, i int, strict bool) bool {
	c := cls[i]
	if f.amountLead[c] != "" {
		// an amount: "nearly 40 villagers", "more than 500", "at least 12"
		if i+1 >= len(cls) {
			return false
		}
		if f.amountLead[c] == "RB" {
			return f.number[cls[i+1]]
		}
		return i+2 < len(cls) && f.amountMid[cls[i+1]] == f.amountLead[c] && f.number[cls[i+2]]
	}
	if !f.object[c] || strict && !f.strictObject[c] {
		return false
	}
	if f.modified[c] && !f.nominal[c] {
		return i+1 < len(cls) && f.nominal[cls[i+1]]
	}
	return true
}

// presentForm reports whether word i can be a present tense in -s
// (lemmatizer.presentTense).
func (p *Parser) presentForm(sc *scratch, i int) bool {
	return !midCapital(sc.forms, i) && p.lem.presentTense(sc.forms[i], p.xcls[p.fin.vbz])
}

// pastForm reports whether word i can be a past tense (lemmatizer.pastTense).
func (p *Parser) pastForm(sc *scratch, i int) bool {
	return !midCapital(sc.forms, i) && p.lem.pastTense(sc.forms[i], p.xcls[p.fin.vbd], p.xcls[p.fin.vbn])
}

// capitalisedWord reports a word of letters that begins with a capital
// and goes on in lower case ("Beijing", not "FIGHTING" or "G-7").
func capitalisedWord(w string) bool {
	for k, r := range w {
		if !unicode.IsLetter(r) || k == 0 && !unicode.IsUpper(r) || k > 0 && unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

// midCapital reports a capitalised word after the sentence's first: part
// of a name ("Forces Nouvelles"), no verb (a headline's words
// are read in body case before this, caseForms).
func midCapital(forms []string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(forms[i])
	return unicode.IsUpper(r)
}

// lemma returns word i's lemma under its tag class c; a participle the
// repair made a past tense keeps the participle's lemma (the two share
// it, and the treebank has more participles: "named"/VBN "name", where
// the past tense's suffix rule gives "nam").
func (p *Parser) lemma(sc *scratch, i, c int) string {
	if i < len(sc.retensed) && sc.retensed[i] {
		c = p.fin.vbn
	}
	return p.lem.lemma(sc.lemmaForm(i), p.xcls[c])
}

// repairPresent gives a sentence with no finite verb the present tense a headline
// reports in, where the tagger read it as a noun or an adjective after a
// plural subject ("Protesters storm/NN parliament in Nairobi", "Thai,
// Cambodian troops clash/JJ at temple"): a lower-case word tagged as a
// singular noun or an adjective (NN, NNP, JJ, JJR, JJS) right
// after a plural noun that ends a phrase of noun-phrase tags from the
// sentence's start, with an object or a preposition after it, in a
// sentence that ends in a full stop or a word (a report or a headline,
// not a question, an exclamation or a heading before a colon), is
// retagged VBP when the tagger, reading the sentence again with "They"
// for that phrase, makes it a verb. The tagger decides, not a word list:
// a compound's noun stays one ("Protesters' car park", "Sports car
// rentals" read as "They car rentals" keep "car" a noun). One more
// tagging pass, for such sentences only.
func (p *Parser) repairPresent(sc *scratch) {
	f := p.fin
	if f == nil || f.vbp < 0 {
		return
	}
	cls, n := sc.cls, len(sc.cls)
	for _, c := range cls {
		if f.finite[c] || f.base[c] {
			return
		}
	}
	// the candidate: the first word after a plural ending a phrase of
	// noun-phrase tags (and commas or conjunctions between its
	// modifiers: "Thai, Cambodian troops", "Thai and Cambodian troops")
	at := -1
	for i := 1; i < n-1 && (f.np[cls[i-1]] || i > 1 && (f.comma[cls[i-1]] || f.coord[cls[i-1]])); i++ {
		if f.plural[cls[i-1]] && f.presentCand[cls[i]] && (f.object[cls[i+1]] || f.prep[cls[i+1]]) {
			at = i
			break
		}
	}
	if at < 0 || midCapital(sc.forms, at) {
		return // none, or a capitalised word of a name or a signature ("Affairs Representative")
	}
	if last := sc.forms[n-1]; last != "." && !letterWord(last) {
		return // a question, an exclamation, a list's heading: no report
	}
	sc.probe = append(append(sc.probe[:0], "They"), sc.forms[at:]...)
	sc.probeCls = slices.Grow(sc.probeCls[:0], len(sc.probe))[:len(sc.probe)]
	p.tag.fill(&sc.ts, sc.probe)
	p.tag.tag(&sc.ts, sc.probeCls, false)
	verb := f.finite[sc.probeCls[1]] || f.base[sc.probeCls[1]]
	p.tag.fill(&sc.ts, sc.forms) // the atoms of the sentence itself, which tagForms reads
	if verb {
		cls[at] = f.vbp
	}
}

// letterWord reports whether w begins with a letter.
func letterWord(w string) bool {
	return w != "" && (w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z' || w[0] >= 0x80)
}

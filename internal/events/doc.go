// Package events is sitrep's event coder: it reads an article that the
// text, timex, entities and syntax stages have filled and codes who did
// what to whom in CAMEO (with Goldstein score and QuadClass) and PLOVER,
// with the modality of each event (asserted, future, possible, denied,
// alleged, habitual, negated), its claim chain (who says so), its date
// and its place, and it finds direct quotes with their speakers.
//
// Precision comes first: an event needs a verb phrase of the lexicon (or,
// in a parsed sentence, of the Phoenix verb dictionary) and a resolved
// source actor, or it is not coded. Denials, refusals, purpose clauses,
// conditionals and hedges change the modality or the code rather than
// letting a denied or hypothetical act pass as news.
//
// # Two readings of one sentence
//
// The window reading (analyze.go, sentence.go, build.go) works on tokens
// and tags alone: verb patterns, then the subject to the left and the
// target to the right. The parse reading (arcs.go) answers the same
// questions from the dependency arcs that internal/syntax adds: nsubj is
// the source; a passive's nsubj:pass is the target and its obl:agent the
// source; a conjunct shares its head's subject; an open complement takes
// its controller (the governor's object, else its subject); a relative
// or participial clause's subject is the noun it modifies; an apposition
// describes its head; a pronoun subject of a clause reported by a speech
// verb is the speaker ("Poland said it had expelled ..."); an event noun
// that is the object of a light verb ("mounted an invasion") takes the
// verb's subject; a noun's complement clause ("an offer to mediate",
// "accused X of shelling") is not asserted; "X said Y must V" is X's
// demand of Y. Where the clause has an nsubj that names an actor, that
// is the subject, whatever the window reading found ("X, the envoy of
// Norway to Colombia, met ..." is Norway's envoy, where the nearest actor
// before the verb is Colombia); measured on the PLOVER development
// records, the seed and the sample gold, this changed no score; on the
// GeoVirus texts it changed three events (a minister's country became
// his government, and the last two of nine countries listed after "30
// countries including" lost the events the window gave them alone). The
// other arc routes (a conjunct's shared subject, a controller, the noun
// a relative clause modifies) now decide too, unless the window reading
// took the same noun ("X said that Y was struck by a storm, and pledged
// aid" is X's pledge, not Y's). The first try (the arcs overriding
// outright) cost recall on the development records (0.720 to 0.713)
// and PETRARCH suite records (326 to 323 of 359): a route through a
// purpose clause the parse hangs on a noun ("opened fire to disperse
// ..., killing ...") marked the act unasserted, and an apposition hop
// took "According to X, local police detained" for X's act. Now a route
// marks nothing unasserted where the window reading found a subject, and
// the window's reading of the same noun stands: the development records,
// the seed, the sample gold and the suite are unchanged. The parser is
// greedy (about 85 UAS) and errs most on long coordinated and relative
// clauses.
// In a parsed sentence the target is the verb's object or target phrase
// from the arcs (objects.go), the window walk the fallback.
// The arcs do decide what windows cannot see: whether a verb-tagged word
// heads a clause ("students in Chile condemned"), whether a clause
// complements a noun ("an offer to mediate", "a consensus to exchange
// data") or is what a request asks for ("demanded that X release";
// a "that" clause right after a request is also read from the words
// alone, since the tagger often takes its bare verb for a noun and the
// request may have no coded source: requested.go),
// whether a participle only describes its noun ("rebels fighting the
// army"; a present participle right after a noun in an earlier finite
// verb's object is also read so from the words, since parsers differ on
// it: reduced.go), and where a multi-word event noun sits. A past form right after
// a noun in the object of an earlier verb, with no object of its own
// ("sheltered workers deported from X", tagged VBN or VBD),
// is a reduced passive relative: its noun is the patient, never its
// source, and a conjunct after it takes the earlier verb's side
// (reduced.go).
//
// # Frames and announcements
//
// A frame's class (verbs.txt: intent, threat, refuse, ...) decides its
// complement's code whether the complement is a verb ("agreed to
// withdraw") or an event noun ("agreed to a ceasefire", "opposed to
// mediation"); an event noun the frame has no code for leaves the
// frame's own. A future act announced by a party to it (its source, or a
// speaker of the source's or target's country that is not a news
// medium) is an intent (03x) or a threat (13x). An act of force with no
// named attacker (an agentless passive in a main clause, an attack noun
// as subject) is the unidentified armed group of the place named; a
// passive caused by a natural hazard ("destroyed by the cyclone", words.tsv
// hazards) or done to animals ("birds were slaughtered", a cull) has no
// attacker (cause.go).
//
// A future act on a condition ("will cut aid if ...", "unless ...") is a
// threat made now; a possible one ("may halt its mediation if ...") only
// when a party to it says so. "X will not V" announces a refusal where
// CAMEO has one (12x). An attempt ("tried to hack") is coded as the act
// with the attempt's modality. A demand in the purpose clause of a
// protest ("a hunger strike to demand ...") is the protest's aim, not a
// second event.
//
// # Mending the parse
//
// The parser reads some past tenses as participles: "Kurds demonstrated
// in X" as a noun with a reduced relative, "helicopters and tanks
// shelled positions" with "shelled" an adjective. A sentence whose root
// is a noun has no predicate, so the coder makes the past-tense verb
// after it the root and the noun its subject (the noun it modified its
// object), unless the verb has an agent or another finite verb follows
// in the clause; an event verb tagged as a participle right after a noun
// makes a sentence worth parsing for that reason. A "that" clause with
// its own subject right after a time noun ("said Wednesday that Y must
// V") complements the verb the time noun hangs on, wherever the parse
// put it (a better parser model hangs it on the day as a relative
// clause). A title and name split into two subjects of one verb, or
// "X along with Y" read as two, leave one actor (arcs.go).
//
// # Lazy parsing
//
// ParseStage runs after the entities stage, not right after the text
// stage as the first design had it: the entity mentions decide which
// sentences are worth parsing (an actor candidate and an event word),
// and the entities stage keeps reading the text stage's tags. With
// Gaps set (as the pipeline runs it) only sentences whose window reading
// leaves a gap are parsed: a verb or event noun without a subject, a
// passive, a pronoun that may stand for a speaker. That codes the same
// (PLOVER development records, seed and sample gold) at half the parse
// cost, and the parser costs more than every other stage together. The
// sentences ParseStage prepared to find the gaps are handed over to the
// coder's Process on the same article (handOver), which reads the new
// arcs into them instead of preparing the article a second time.
//
// # Vocabulary
//
// Verb patterns are written in base form and matched against the lemma
// the trained tagger put on each token (lemma.go), not against generated
// inflections. Ontologies and the verb lexicon are data files under lexicon/events/
// (cameo.tsv, plover.tsv, verbs.txt, groups.tsv), loaded by LoadLexicon
// from any number of roots so users can add and override entries; the
// lines of verbs.txt are read by petrarch.ParseSitrepVerbLine, the one
// reader of the file, and turned into the coder's patterns here.
// Behaviour that depends on a word class is a verbs.txt flag (speech,
// intent, light, demand, ...), not code. Group nouns ("gunmen",
// "protesters", groups.tsv) name actors without a name: they are coded
// with the sector code conflict analysts use and the country of a
// demonym or place in the sentence, else of the article's main place.
// A parsed verb that no verbs.txt line heads is looked up in the Phoenix
// verb dictionary (WithVerbs), whose most specific pattern found among
// the verb's dependents gives the code.
package events

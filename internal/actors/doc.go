// Package actors is the pipeline stage between entities and events that
// codes actors with the standard CAMEO vocabulary: the Phoenix
// dictionaries compiled into the binary (lexicon/phoenix, read and
// compiled by internal/petrarch), with sitrep's own overlay on top.
//
// # What it does
//
// Stage.Process works on an article the text and entity stages have
// filled:
//
//   - Recode: every person and organisation whose mention is a name the
//     dictionaries list gets the dictionaries' role on the article's
//     publication date (Actor.RoleOn: the narrowest dated role covering
//     the day, so a president is government for his term and elite
//     after it), settled against the entity stage's code as below.
//     A name matches in the spellings the dictionaries use (nameForms):
//     a hyphenated word also as its parts or joined ("Han Duck-soo" is
//     HAN_DUCK_SOO), letters without diacritics ("François Hollande");
//     a person's full name of two or more capitalised words stands
//     though the tagger read its first word as a common noun ("Song
//     Min-soon"), and widens a mention the entity stage cut short; a
//     name may end in a particle joined to a capitalised word ("Nouri
//     al-Maliki"). Of several entries that match one name, the first
//     with a role on the article's date wins.
//     A name the dictionaries list under one country that an agents
//     table also lists whole, with a sector only (Phoenix's
//     JOINT_CHIEFS_OF_STAFF [~MIL], SENATE [~LEG]: a body every country
//     has), is the body of the country named in or right after its
//     phrase ("the Senate in Manila" PHLLEG, "the National Security
//     Council of Turkey", "South Korea's"); the dictionaries' country
//     only when the phrase names none.
//   - Named actors the entity stage missed: a capitalised proper noun
//     that the dictionaries list with a role that has a sector ("Erdogan",
//     "Boko Haram") becomes a person (an actor with dated roles) or an
//     organisation. A surname alone ("Modi" where the dictionaries list
//     "NARENDRA_MODI") is the one person of that surname who holds an
//     office on the day in a country the article mentions; none if
//     several do. Bare countries and places ("KUNDUZ" [AFG]) are left to
//     the entity stage's gazetteer.
//   - Groups: conflict news often names no state ("gunmen", "a suicide
//     bomber", "militants", "rioters"). A group noun (sitrep's
//     lexicon/events/groups.tsv, then the Phoenix agents: "~UAF",
//     "~OPP", "~COP", ...) that heads its phrase becomes an organisation
//     coded as a country plus the group's sector, as ACLED codes actor
//     types with the country of the place: a demonym or country among
//     its modifiers ("Yemeni militiamen"), or after "of"/"from"/"in"
//     ("fighters from Chad"); failing those, when the group is the
//     subject of a verb ("gunmen stormed", "insurgents who torched"),
//     the one country of the sentence's places, else the article's main
//     country. A group whose modifiers name another actor ("Taliban
//     fighters", "NATO peacekeeping troops") is that actor's and adds
//     nothing; a noun that modifies another noun ("a police checkpoint"),
//     a participle ("refugees fleeing") or a noun in apposition to a
//     person ("Nigeria's environment minister, X") is no actor.
//   - Agents with a country: a Phoenix agent of another sector
//     ("lawmakers" ~LEG, "journalists" ~MED, "judges" ~JUD) combines
//     with a demonym or country named with it ("Kenyan lawmakers" ->
//     KENLEG, "lawmakers from Romania"), and names no actor without one
//     ("the ministers", "China's ruling Communist government" are the
//     entity stage's to read with their possessors). sitrep's own
//     agents (lexicon/actors/agents.txt: "negotiator", "peacekeeper",
//     "delegation", nouns the Phoenix table lacks) are looked up first
//     and take only a country they belong to: a demonym, "of" or "from"
//     ("Ugandan peacekeepers" UGAMIL; "peacekeepers in Mali" no actor).
//     An agent after an international body ("EU foreign ministers",
//     "ASEAN envoys") is that body's, as Phoenix codes its own
//     ASEAN_DEFENSE_MINISTERS [IGOSEAASN]: the body's code, no sector.
//   - Titles with a country: a title of two or more words from the
//     entity stage's roles (lexicon/entities/roles.tsv) that names no
//     person ("Pakistan's Chief of Army Staff", "the Ugandan police
//     chief", "the defence minister of Peru") is an organisation coded
//     with the country it belongs to (a place or demonym before it,
//     "of"/"from" after it) and the title's sector (PAKMIL, UGACOP,
//     PERGOV), as a one-word agent is; a title before a name, beside a
//     person, of a body ("the EU's") or of no country names no actor,
//     and an office the dictionaries list for that country is left to
//     them (a person). A title with its country before a person's name
//     and a comma ("Kenya's foreign minister, X"), or after "of" with
//     or without one ("a former interior minister of Iraq, Y"), is a
//     mention of that person, who takes the title's country and sector
//     when uncoded.
//
// New entities are inserted in order of first mention and all entity
// ids are numbered again (nothing refers to them before the events
// stage).
//
// # Why and how conflicts are settled
//
// The entity stage codes from what the text says around a name: a title
// ("Kenyan President X"), an apposition, a demonym nearby, the article's
// main country, and its own lexicons (seats.tsv). The dictionaries know
// the name itself and the dates of each role, but not the text. Each is
// right where the other is weak, so settle keeps, in order:
//
//  1. sitrep's code when the dictionaries have none (or the null "---");
//     the dictionaries' when sitrep has none.
//  2. The more specific code when one extends the other: AFG -> AFGREB,
//     IGOUNO -> IGOUNOKID take the dictionaries'; USAGOVLEG over USAGOV
//     keeps sitrep's.
//  3. Same country, another sector: an office the text states (the
//     entity has roles) wins, since it is what the article says on the
//     day; else a dated role of the dictionaries wins over sitrep's
//     lexicon guess (the Taliban are insurgents until 2021-08-15 and the
//     government after, per the overlay); an undated dictionary code
//     does not override sitrep's.
//  4. Another country: sitrep's country then came from the sentence's
//     context (the issue of "a named person takes the country of another
//     country in the sentence") or from an office the text names. A term
//     holder (dated role on the day) wins; a name of two or more words
//     with an open code wins when the text names no office (an open
//     [PRTELI] says nothing of a later office: "UN Secretary-General
//     Antonio Guterres" stays IGOUNO); a bare surname with an open code
//     does not (common surnames name many people).
//  5. An organisation the entity stage coded with a bare country (no
//     sector: the country of the places around it, "the ILO urged
//     Bangladesh", "UNESCO listed a site in Mali") that the dictionaries
//     list as a transnational body (a code whose first element is no
//     country: IGO, NGO) takes the dictionaries' code, whatever the
//     number of words: the name says what the body is, the places only
//     where it acts. So does one the dictionaries list as a country's
//     body of a sector ("ELN" COLREB, met in Caracas), unless the text
//     ties it to the country of its bare code.
//  6. A former office holder's elite code (petrarch's Actor.Former:
//     every dated role ended, no open code) only codes an entity sitrep
//     left uncoded. A title the text marks as held before (a word of
//     lexicon/entities/former.tsv: "former", "ex-") codes its holder,
//     or the title alone, as the country's elite (ELI) unless a dated
//     role covers the article's date; "then" and "outgoing" keep the
//     title's own sector.
//
// # Overlay
//
// lexicon/actors/actors.txt (OverlayFile, Phoenix actor format) is read
// from every lexicon root and looked up before the Phoenix files, which
// were written in 2014: roles that changed since (leaders who took
// office later, an armed group that took power), intergovernmental
// bodies they lack or list under one name only (by full name and
// acronym, with the codes Phoenix gives their siblings), and armed
// groups Phoenix gives another country (each with a comment citing why). Users extend it with
// --lexicon DIR like any lexicon file. Group nouns come from the Phoenix
// agents table with lexicon/events/groups.tsv (GroupsFile, shared with
// the events coder) on top: it adds the conflict nouns the agents lack
// ("gunman", "attacker") and overrides their codes ("bomber" is a
// person who bombs, UAF, not the aircraft, MIL).
//
// # Cost
//
// The tables load on the first article (Stage.Load; about 0.3 s,
// shared with the events coder's verb fallback through one
// petrarch.Standard). Per article the stage reuses a pooled scratch
// state; it upper-cases only the sentences it looks up.
package actors

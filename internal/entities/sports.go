package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// sportsCues are words of sports reporting; an article with several of
// them and a score ("2-1") is read as a sports report, where a city's
// name that plays, scores or is beaten is its club, not the place.
var sportsCues = set(`striker strikers midfielder midfielders defender defenders goalkeeper goalkeepers goal goals scored scorer
league cup match matches season coach soccer football rugby cricket hockey basketball baseball innings wickets
penalty penalties half-time halftime standings tournament championship fixtures semi-final quarter-final
semifinal quarterfinal playoff playoffs referee stadium batsman bowler pitcher inning touchdown
game games team teams player players club clubs`)

// sportNames name sports; one opening the article's first line before a
// dash is an agency's sports slug ("TENNIS - ...", "ICE HOCKEY - ..."),
// which makes the article a sports report whatever follows.
var sportNames = set(`soccer football rugby cricket hockey basketball baseball tennis golf boxing athletics cycling
skiing motorsport motor-racing formula volleyball handball badminton squash snooker swimming nba nfl nhl
sailing rowing equestrian racing bobsleigh bobsled luge skeleton biathlon skating speed-skating ski skiing alpine
nordic ski-jumping freestyle snowboard curling`)

// sportsVerbs, after a team's name, make it a team ("Leeds beat ...").
var sportsVerbs = set(`beat beats drew draw draws lost lose loses won win wins defeated defeat defeats thrashed routed
edged held hold trailed led lead leads host hosts hosted play plays played face faces faced meet meets met scored
visit visits visited overcame crushed stunned trounced rallied`)

// sportsBefore, before a team's name, make it a team ("against Leeds").
var sportsBefore = set(`against v v. vs vs. versus beat beating defeated defeating over host hosting visiting`)

// clubSuffixes end the names of clubs named after places ("Leeds United",
// "Sheffield Wednesday", "Bolton Wanderers"); "City", "Town" and
// "County" do so only in a sports report ("Mexico City" is a city).
var clubSuffixes = set("United Rovers Wanderers Athletic Albion Hotspur Rangers Celtic Wednesday Villa Forest Palace Argyle Alexandra Orient Stanley Vale Academicals Thistle Athletico Dynamo Dinamo Sporting")

var clubSuffixesSports = set("City Town County")

// isSportsReport decides once per article whether it reports sport: three
// cue words and a score ("2-1"), or five cue words (results tables write
// "Leeds 2 Chelsea 1").
func isSportsReport(body string) bool {
	if sportsSlug(body) {
		return true
	}
	cues, score := 0, false
	for _, w := range strings.FieldsFunc(body, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == ',' || r == '.' || r == ';' || r == ':' || r == '(' || r == ')' || r == '"'
	}) {
		if sportsCues[strings.ToLower(w)] {
			cues++
		}
		if !score {
			if k := strings.IndexByte(w, '-'); k > 0 && k < 3 && isDigit(w[:k]) && isDigit(w[k+1:]) && len(w)-k-1 < 3 {
				score = true // "2-1", "3-0"
			}
		}
		if cues >= 3 && score || cues >= 5 {
			return true
		}
	}
	return false
}

// sportsSlug reports a first line that opens with a sport's name before
// a dash: "SOCCER - LEAGUE RESULTS", "Ice hockey-NHL standings".
func sportsSlug(body string) bool {
	line := body
	if k := strings.IndexByte(line, '\n'); k >= 0 {
		line = line[:k]
	}
	k := strings.IndexByte(line, '-')
	if k <= 0 || k > 40 {
		return false
	}
	for _, w := range strings.Fields(line[:k]) {
		if sportNames[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// teamContext reports whether the place name at tokens [s, e) acts as a
// team: a score after it ("Leeds 2"), a sports verb after it, or
// "against"/"v" before it.
func (d *doc) teamContext(s, e int) bool {
	if !d.sports {
		return false
	}
	if d.scoreAfter(e) {
		return true
	}
	nx := d.tokAt(e)
	if sportsVerbs[nx.lower] {
		return true
	}
	p, p2 := d.tokAt(s-1).lower, d.tokAt(s-2).text
	if p == "to" && strings.EqualFold(p2, "home") {
		return true // "at home to Derby"
	}
	if (p == "at" || p == "over" || p == "to") && isScore(p2) {
		return true // "winning 3-1 at Sunderland", "lost 2-0 to Hull"
	}
	return sportsBefore[p]
}

// isScore reports a score written with a hyphen ("3-1", "10-9").
func isScore(w string) bool {
	k := strings.IndexByte(w, '-')
	return k > 0 && k <= 3 && isDigit(w[:k]) && isDigit(w[k+1:]) && len(w)-k-1 <= 3
}

// clubSubject reports a city of 100,000 people or more that, in sports
// copy, acts or owns: a verb in the past or present after it, or a
// possessive ("Liverpool suffered", "Leeds' striker"); not a person
// named so before ("Bure scored").
func (d *doc) clubSubject(s, e int) bool {
	nx := d.tokAt(e)
	if !(finiteVerbTags[nx.tag] || nx.isPossessive()) || locPrepositions[d.tokAt(s-1).lower] {
		return false
	}
	name := d.spanText(s, e)
	return !d.knownPerson(name) && d.bigTown(s, e)
}

// scoreAfter reports a score at token j, or after a bracketed country
// or town at j ("Charleroi (Belgium) 75"): a number of up to three
// digits that is no distance.
func (d *doc) scoreAfter(j int) bool {
	if d.tokAt(j).text == "(" {
		k := j + 1
		for k < len(d.toks) && k-j <= 5 && d.toks[k].text != ")" {
			k++
		}
		if d.tokAt(k).text != ")" {
			return false
		}
		j = k + 1
	}
	nx, after := d.tokAt(j), d.tokAt(j+1).text
	return isDigit(nx.text) && len(nx.text) <= 3 && after != "km" && after != ":" && after != "."
}

// finiteVerbTags are the tagger's tags of a verb that can follow its
// subject (the past participle too: a capitalised subject makes the
// tagger hesitate between "suffered" as VBD and VBN).
var finiteVerbTags = set("VBD VBZ VBP VBN MD")

// sportsRoles, after a town's name in a sports report, make it the club
// ("Porto central defender", "Leeds' England under-21 striker").
var sportsRoles = set(`striker strikers defender defenders midfielder midfielders goalkeeper goalkeepers winger wingers forward
forwards coach manager captain playmaker skipper full-back fullback centre-back keeper sweeper fans supporters
players player squad chairman team-mate teammate`)

// clubContext reports the contexts of sports copy where a name stands
// for a club: in brackets after a player ("Luis Pereira (Porto)", "(Lyon,
// France)"), or before a player's role, across a possessive and two
// modifiers ("Porto central defender").
func (d *doc) clubContext(s, e int) bool {
	if d.tokAt(s-1).text == "(" && (d.tokAt(e).text == ")" || d.tokAt(e).text == ",") {
		for _, it := range d.items {
			if it.e == s-1 && it.kind == iName && it.ent >= 0 && d.ents[it.ent].typ == model.TypePerson {
				return true
			}
		}
	}
	j := e
	if nx := d.tokAt(j); nx.text == "'s" || nx.text == "'" || nx.text == "’s" || nx.text == "’" {
		j++
	}
	for n := 0; n < 4 && j < len(d.toks); n, j = n+1, j+1 {
		t := d.toks[j]
		if sportsRoles[t.lower] {
			return true
		}
		if !t.word || isDigit(t.text) || speechVerbs[t.lower] {
			return false
		}
	}
	return false
}

// clubName reports a run that names a club after a place: a place
// followed by a club suffix ("Leeds United"), or, in a sports report, a
// place acting as a team.
func (d *doc) clubName(s, e int) bool {
	if e-s >= 2 {
		last := d.toks[e-1].text
		if clubSuffixes[last] || d.sports && clubSuffixesSports[last] {
			head := d.spanText(s, e-1)
			if d.r.lex.gaz().Has(head) && !d.r.lex.gaz().Has(d.spanText(s, e)) {
				return true
			}
			if le, n, ok := d.r.lex.proper.match(d.toks, s, false, &d.buf); ok && s+n == e-1 && (le.kind == kCapital || le.kind == kFeature) {
				return true
			}
		}
	}
	if d.knownPerson(d.spanText(s, e)) {
		return false // "Verona scored" after "Marco Verona"
	}
	team := d.teamContext(s, e)
	if !team && !(d.sports && (d.clubContext(s, e) || d.clubSubject(s, e))) {
		return false
	}
	for _, p := range d.r.lex.gaz().Lookup(d.spanText(s, e)) {
		if p.Kind == gazetteer.KindCity && p.Pop >= d.r.lex.minPop || team && p.Kind == gazetteer.KindAdmin1 {
			return true // a state plays ("Victoria 352"), but "(Wales)" is a player's country
		}
	}
	return false
}

// newClub makes the run [s, e) of item k a sports club: an organisation
// with no country code, so that a match is never coded as an act of the
// country whose city the club plays in.
func (d *doc) newClub(k int) {
	it := &d.items[k]
	name := d.spanText(it.s, it.e)
	x := d.entity("O:"+name, func() *ent {
		return &ent{name: name, typ: model.TypeOrg, head: strings.ToLower(name), club: true}
	})
	if x < 0 {
		return
	}
	it.ent = x
	d.mention(x, it.s, it.e)
	// "Shakhtar Donetsk" is "Shakhtar" afterwards
	for q := it.s + 1; q < it.e; q++ {
		if d.townItem(item{kind: iName, s: q, e: it.e}) && d.clubWord(item{kind: iName, s: it.s, e: q}) {
			if _, ok := d.byKey["O:"+d.spanText(it.s, q)]; !ok {
				d.byKey["O:"+d.spanText(it.s, q)] = x
			}
			break
		}
	}
}

// knownOrg reports a name an organisation was given before ("Shakhtar"
// after "Shakhtar Donetsk").
func (d *doc) knownOrg(w string) bool {
	_, ok := d.byKey["O:"+w]
	return ok
}

// acronymStop are capitalised abbreviations that name no organisation.
var acronymStop = set("GDP GNP CPI PPI GMT BST CET EST EDT PST UTC CEO CFO COO CTO MP MPs TV AIDS HIV SARS DNA RNA OK AM PM AD BC USD EUR GBP JPY DM IPO EPS NAV ID PhD MBA WTI LNG LPG API VAT ATM SMS URL PC PCs PR II III IV VI VII VIII IX XI XII")

// acronymOrg reports a lone unknown acronym in running text ("USDA",
// "PKK", "NHL"): an organisation far more often than anything else.
// Roman numerals, units and the like (acronymStop) are not.
func (d *doc) acronymOrg(k int) bool {
	it := d.items[k]
	if it.e-it.s != 1 {
		return false
	}
	t := d.toks[it.s]
	if t.folded || !isAllCaps(t.text) || strings.ContainsAny(t.text, ".-0123456789") || acronymStop[t.text] {
		return false
	}
	for _, j := range []int{d.neighbourWord(it.s, -1), d.neighbourWord(it.s, 1)} {
		if j >= 0 && (isAllCaps(d.toks[j].text) || d.toks[j].folded) {
			return false // a headline word, not an acronym in running text
		}
	}
	n := len(t.text)
	return n >= 2 && n <= 6 && !d.r.lex.gaz().Has(t.text)
}

// clubWords open or close the names of clubs named after their towns
// ("Hapoel Tel Aviv", "Werder Bremen", "Real Madrid", "PSV Eindhoven").
var clubWords = set("Hapoel Maccabi Beitar Bnei Ironi Werder Sparta Vitesse Hansa Deportivo Real Atletico Atlético Dynamo Dinamo Spartak Lokomotiv Olympique Racing Sporting Inter Borussia Eintracht Fortuna Bayer Slavia Steaua Rapid Partizan Hertha Union Stade Standard Grasshoppers Servette Sturm Austria Legia Wisla Ruch Gornik Lech Widzew Zaglebie Slask Polonia Vasco Botafogo Juventud Universidad Alianza Olimpia Otelul Petrolul Universitatea Farul Gloria Ceahlaul PSV NAC RKC FC AC AS SC SV VfB VfL TSV FK NK HNK SK IFK AIK")

// placeNamedOrg reports a run of two to four names, in a sports report,
// that joins a club word and a town ("Maccabi Haifa", "Werder Bremen",
// "Vitesse Arnhem"): a club, not a person.
func (d *doc) placeNamedOrg(k int) bool {
	it := d.items[k]
	if !d.sports || it.e-it.s < 2 || it.e-it.s > 4 || d.r.lex.gaz().Has(d.spanText(it.s, it.e)) {
		return false
	}
	club := false
	for q := it.s; q < it.e; q++ {
		club = club || clubWords[d.toks[q].text]
	}
	if !club {
		// "Shakhtar Donetsk": an unknown name, then a town; "Buffalo
		// Sabres": a town, then a nickname in the plural
		for q := it.s + 1; q < it.e; q++ {
			if d.bigTown(q, it.e) && d.clubWord(item{kind: iName, s: it.s, e: q}) {
				return true
			}
			if last := d.toks[it.e-1].text; d.bigTown(it.s, q) && strings.HasSuffix(last, "s") && !d.givenAt(it.s) && d.clubWord(item{kind: iName, s: q, e: it.e}) {
				return true
			}
		}
		return false
	}
	if first := d.toks[it.s].text; clubWords[first] {
		if _, given := d.r.lex.given[first]; !given {
			return true // "Bnei Sakhnin", "Deportivo Lara": the club word leads
		}
	}
	for s := it.s; s < it.e; s++ {
		for e := it.e; e > s; e-- {
			if (s > it.s || e < it.e) && d.r.lex.gaz().Has(d.spanText(s, e)) {
				return true
			}
		}
	}
	return false
}

// tableTeam reports a name, in a sports report, that opens a results or
// standings line or follows the score of the team before it (and its
// scorers in brackets), and has a score after it ("Feyenoord 17 11 3 3",
// "Lens 0 Nantes 4", "Lens 1 (Dupont 12th) Nantes 2"): a team,
// unless a given name, title or role marks a person.
func (d *doc) tableTeam(k int) bool {
	it := d.items[k]
	if !d.sports || it.e-it.s > 4 {
		return false
	}
	if it.s == 0 && d.fixtureAt(it.e) {
		return !d.strongPerson(k) // "Denver at Utah": the visitors
	}
	if it.e == len(d.toks) && it.s >= 2 && d.fixtureAt(it.s-1) && d.tokAt(it.s-1).lower != "at" {
		return !d.strongPerson(k) // "Pirates vs Chiefs": the hosts (after "at", the venue)
	}
	if nx := d.tokAt(it.e); !isDigit(nx.text) || len(nx.text) > 3 || d.tokAt(it.e+1).text == "km" {
		return false // (a skier's country in brackets, then her time, is no team's)
	}
	if d.tokAt(it.e+1).text == "," && len(d.tokAt(it.e+2).text) == 3 && isDigit(d.tokAt(it.e+2).text) {
		return false // "Attendance 33,000": a figure, not a score
	}
	if it.s > 0 && !isDigit(d.toks[it.s-1].text) && d.toks[it.s-1].text != ")" {
		return false // "Ron Ellis 18": a scorer in a list
	}
	if d.strongPerson(k) || d.knownShortName(d.spanText(it.s, it.e)) {
		return false
	}
	return true
}

// contextTeam reports an unknown name in a sports report standing where
// a club does (see clubContext): "Kevin Moore (Wanderers)", "the
// Wallabies".
func (d *doc) contextTeam(k int) bool {
	it := d.items[k]
	if !d.sports || it.e-it.s > 3 || d.strongPerson(k) || d.knownShortName(d.spanText(it.s, it.e)) {
		return false
	}
	if d.clubContext(it.s, it.e) {
		return true
	}
	// "the Wallabies", "against the Sharks": a nickname in the plural
	// (not an event's: "the Asian Games", "the World Series")
	last := d.toks[it.e-1]
	return d.tokAt(it.s-1).lower == "the" && strings.HasSuffix(last.text, "s") && !strings.HasSuffix(last.text, "ss") &&
		!isAllCaps(last.text) && !nonNameWords[last.lower] && last.lower != "series"
}

// joinClubs joins, in a sports report, an unknown capitalised name and
// the town right after it into one club name: "Ajax Amsterdam", "Rapid
// Vienna", "Partizan Belgrade"; and a town and the nickname in the
// plural after it ("Seoul Knights"). The scan cut them where the known
// town starts or ends.
func (d *doc) joinClubs() {
	if !d.sports {
		return
	}
	out := d.items[:0]
	for k := 0; k < len(d.items); k++ {
		it := d.items[k]
		if it.kind == iLex && it.lex.kind == kCountry && crewNumbers[d.tokAt(it.e).text] && !(k+1 < len(d.items) && d.items[k+1].s == it.e && d.items[k+1].e > it.e+1) {
			// "Canada II": a country's crew or team numbered in a
			// bobsleigh, relay or sailing race
			it.kind, it.e, it.club = iName, it.e+1, true
			if k+1 < len(d.items) && d.items[k+1].s < it.e {
				k++
			}
			out = append(out, it)
			continue
		}
		if k+1 < len(d.items) && it.kind == iName && it.e-it.s <= 3 && d.items[k+1].s == it.e && d.townItem(d.items[k+1]) && d.clubWord(it) {
			it.e = d.items[k+1].e
			it.club = true
			k++
		} else if nx := k + 1; nx < len(d.items) && d.items[nx].s == it.e && d.items[nx].kind == iName && d.townItem(it) &&
			strings.HasSuffix(d.toks[d.items[nx].e-1].text, "s") && d.clubWord(d.items[nx]) {
			// "Seoul Knights": a town and its franchise's nickname
			it.kind, it.e, it.club = iName, d.items[nx].e, true
			k++
		}
		out = append(out, it)
	}
	d.items = out
}

// crewNumbers number a country's crews ("USA III").
var crewNumbers = set("I II III IV")

// townItem reports an item that is a town's name (not a country or a
// division): a capital, a city feature or a gazetteer city.
func (d *doc) townItem(it item) bool {
	switch it.kind {
	case iLex:
		return it.lex.kind == kCapital || it.lex.kind == kFeature && it.lex.class == "city"
	case iName:
		for _, p := range d.r.lex.gaz().Lookup(d.spanText(it.s, it.e)) {
			if p.Kind == gazetteer.KindCity {
				return true
			}
		}
	}
	return false
}

// bigTown reports a city of 100,000 people or more at tokens [s, e):
// after an unknown name, its club ("Shakhtar Donetsk"); smaller towns
// are too often surnames ("Mark Taylor").
func (d *doc) bigTown(s, e int) bool {
	for _, p := range d.r.lex.gaz().Lookup(d.spanText(s, e)) {
		if p.Kind == gazetteer.KindCity && p.Pop >= 100000 {
			return true
		}
	}
	return false
}

// clubWord reports a run that can open a club's name before its town:
// capitalised words that are no place, given name, role or known person.
func (d *doc) clubWord(it item) bool {
	for q := it.s; q < it.e; q++ {
		if !d.toks[q].cap {
			return false
		}
	}
	name := d.spanText(it.s, it.e)
	if d.bigCity(name) || d.knownShortName(name) {
		return false // "Madrid Barcelona" is two places
	}
	if _, given := d.r.lex.given[d.toks[it.s].text]; given {
		return false
	}
	if weekdays[d.toks[it.s].text] || months[d.toks[it.s].text] {
		return false
	}
	return d.honorific(it.s) == 0
}

// capsTableRow returns the length of a run of words in capitals opening
// a row of figures in a sports report ("TAMPA BAY 8 15 2 69"), or 0.
func (d *doc) capsTableRow(i int) int {
	if !d.sports || i != 0 {
		return 0
	}
	j := i
	for j < len(d.toks) && j-i < 4 && d.toks[j].word && (d.toks[j].folded || isAllCaps(d.toks[j].text)) && !d.fixtureAt(j) {
		j++
	}
	if j == i || !(isDigit(d.tokAt(j).text) && isDigit(d.tokAt(j+1).text) || d.fixtureAt(j)) {
		return 0
	}
	return j - i
}

// fixtureAt reports "at" or "vs" at token j between the two teams of a
// fixture line ("DENVER AT UTAH", "Pirates vs Chiefs"): the name before
// it opens the line, and a name of a few words ends it.
func (d *doc) fixtureAt(j int) bool {
	switch d.tokAt(j).lower {
	case "at", "vs", "vs.", "v", "v.":
	default:
		return false
	}
	n := len(d.toks) - j - 1
	if n < 1 || n > 4 {
		return false
	}
	for q := j + 1; q < len(d.toks); q++ {
		if t := d.toks[q]; t.word && !t.cap && !isAllCaps(t.text) {
			return false
		}
	}
	return true
}

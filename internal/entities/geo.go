package entities

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// genericDivision are first-level division names that are also ordinary
// capitalised words of English news ("Central", "Eastern"): a division
// only with a qualifier or a preposition of place.
var genericDivision = set("Central Eastern Western Northern Southern North South East West Northeast Northwest Southeast Southwest Capital Centre Center Coast Lakes Upper Lower Islands Federal Unity Liberty Independence Lima Delta Plateau Mountain Valley Orange Victoria Georgia Jefferson Washington Lincoln Madison Union National Highland Highlands Border Littoral Sud Nord Est Ouest Estuaire Savanes Plateaux Maritime Atlantique Oriental Occidental Kent Essex")

// divisionWords end the name of a division ("Nyanza Province", "Scott
// County"): such a name is a place wherever it stands.
var divisionWords = set("Province County District Region State Governorate Oblast Prefecture Department Parish Municipality Territory Krai Division Borough Shire")

// divisionNouns name a first-level division before "of": "the state of
// Washington", "the province of Georgia" (an old name), "the region of
// Victoria".
var divisionNouns = set("state province region territory")

// placeParticles join the words of place names in several languages.
var placeParticles = set("do da de del dos das di du des")

// compassWords open a part of a place ("Southern California", "northern
// Queensland"): the place is the rest.
var compassWords = set("Southern Northern Eastern Western Central South North East West Upper Lower Greater Inner Outer Coastal Rural")

// knownPlace reports a name the gazetteer knows as a division or a city
// large enough to be taken without context.
func (l *Lexicon) knownPlace(name string) bool {
	for _, p := range l.gaz().Lookup(name) {
		if p.Kind == gazetteer.KindAdmin1 || p.Pop >= l.minPop {
			return true
		}
	}
	return false
}

// geoContext is what the article has said so far about where it is, plus
// the qualifier after tokens [s, e) ("Paris, Texas"), the countries and
// divisions the whole article names, and the kind of the places listed
// with the name.
// The context is the doc's own, reused: callers must not keep it or
// change its maps.
func (d *doc) geoContext(s, e int) *gazetteer.Context {
	artCC, artA1, artN := d.gctx.ArticleCountries, d.gctx.ArticleAdmin1, d.gctx.ArticleNames
	if artCC == nil {
		artCC, artA1, artN = d.articleGeo()
	}
	d.gctx = gazetteer.Context{Countries: d.cc2, Admin1: d.admin1N, Points: d.points, ArticleCountries: artCC, ArticleAdmin1: artA1, ArticleNames: artN}
	d.gctx.QualCC, d.gctx.QualAdmin1, _ = d.qualifier(s, e)
	if kind, cc := d.listSibling(s, e); kind == sibAdmin1 {
		d.gctx.ListKind, d.gctx.ListCC = gazetteer.KindAdmin1, cc
	}
	return &d.gctx
}

// articleGeo counts the countries and first-level divisions named
// anywhere in the body: a later "in England" or "Illinois" tells which
// Cornwall or Fulton County an earlier sentence meant. Divisions count
// only where the name's most prominent reading is its one division.
func (d *doc) articleGeo() (map[string]int, map[string]int, map[string]gazetteer.NameCount) {
	cc, a1, names := map[string]int{}, map[string]int{}, map[string]gazetteer.NameCount{}
	toks := tokenize(d.body, 0, nil)
	g := d.r.lex.gaz()
	var buf []byte
	for i := 0; i < len(toks); i++ {
		if !toks[i].cap || !toks[i].word {
			continue
		}
		if le, n, ok := d.r.lex.proper.match(toks, i, false, &buf); ok {
			if le.kind == kCountry || le.kind == kCapital {
				if c := d.r.lex.countries[le.country]; c != nil {
					cc[c.Alpha2]++
				}
			}
			i += n - 1
			continue
		}
		j := i
		for j < len(toks) && j-i < 4 && toks[j].cap && toks[j].word {
			j++
		}
		for n := j - i; n >= 1; n-- {
			name := d.body[toks[i].start:toks[i+n-1].end]
			if genericDivision[name] || strings.ContainsAny(name, "\n") {
				continue
			}
			if p, ok := soleDivision(g.Lookup(name)); ok {
				a1[p.CC+"."+p.Admin1]++
				cc[p.CC]++
				names[name] = gazetteer.NameCount{Code: p.CC + "." + p.Admin1, N: names[name].N + 1}
				i += n - 1
				break
			}
		}
	}
	return cc, a1, names
}

// soleDivision returns the first-level division a name stands for
// without context: its most prominent reading, and its only division.
func soleDivision(ps []gazetteer.Place) (gazetteer.Place, bool) {
	if len(ps) == 0 || ps[0].Kind != gazetteer.KindAdmin1 {
		return gazetteer.Place{}, false
	}
	for _, p := range ps[1:] {
		if p.Kind == gazetteer.KindAdmin1 {
			return gazetteer.Place{}, false
		}
	}
	return ps[0], true
}

// Kinds of the places a name is listed with (see listSibling).
const (
	sibNone = iota
	sibCountry
	sibAdmin1
)

// listSibling reads the kind of place a name at tokens [s, e) is listed
// with: the resolved place before it ("Ohio, Washington"; "Utah and
// Wyoming") or else the name after it ("Washington, Oregon and Idaho").
// Countries are lexicon entities; divisions are first-level divisions,
// whose country is returned.
func (d *doc) listSibling(s, e int) (int, string) {
	j := s - 1
	switch {
	case conjunctions[d.tokAt(j).lower]:
		j--
		if d.tokAt(j).text == "," {
			j--
		}
	case d.tokAt(j).text == ",":
		j--
	default:
		j = -2
	}
	if j >= 0 {
		for k := range d.items {
			it := d.items[k]
			if it.e != j+1 || it.ent < 0 || it.ent >= len(d.ents) {
				continue
			}
			key := d.ents[it.ent].key
			switch {
			case strings.HasPrefix(key, "C:"):
				return sibCountry, ""
			case strings.HasPrefix(key, "D:") && strings.Count(key, ".") == 1:
				return sibAdmin1, key[2:4]
			}
		}
	}
	q := e
	switch {
	case d.tokAt(q).text == "," && conjunctions[d.tokAt(q+1).lower]:
		q += 2
	case d.tokAt(q).text == "," || conjunctions[d.tokAt(q).lower]:
		q++
	default:
		return sibNone, ""
	}
	if q >= len(d.toks) || !d.toks[q].cap {
		return sibNone, ""
	}
	if le, _, ok := d.r.lex.proper.match(d.toks, q, false, &d.buf); ok && le.kind == kCountry {
		return sibCountry, ""
	}
	end := q
	for end < len(d.toks) && end-q < 4 && d.toks[end].cap && d.toks[end].word {
		end++
	}
	for ; end > q; end-- {
		if p, ok := soleDivision(d.r.lex.gaz().Lookup(d.spanText(q, end))); ok {
			if d.tokAt(end).text == "," || conjunctions[d.tokAt(end).lower] {
				return sibAdmin1, p.CC // a list goes on after it
			}
			break
		}
	}
	return sibNone, ""
}

// conjunctions join the members of a list of places.
var conjunctions = set("and or")

// qualifier reads ", Texas" or ", France" (or "(Texas)") after tokens
// [s, e): the country and first-level division that qualify the name
// before. A country's name that is also a division where the name has a
// reading is that division ("Atlanta, Georgia"). Failing those, a
// containing place after "in" ("Cornwall in South West England", "Fulton
// County, located in Illinois") qualifies too; post is then true, and
// the qualifier helps choose a reading but is no evidence of a place.
func (d *doc) qualifier(s, e int) (cc, admin1 string, post bool) {
	open := d.tokAt(e).text
	if (open != "," && open != "(") || !d.tokAt(e+1).cap {
		return d.containedIn(e)
	}
	at := e + 1
	g := d.r.lex.gaz()
	if le, n, ok := d.r.lex.proper.match(d.toks, at, false, &d.buf); ok && le.kind == kCountry {
		if c := d.r.lex.countries[le.country]; c != nil {
			if e > s {
				name := d.spanText(s, e)
				ps := g.Lookup(name)
				if !inCountry(ps, c.Alpha2) {
					for _, p := range g.Lookup(d.spanText(at, at+n)) {
						if p.Kind == gazetteer.KindAdmin1 && p.CC != c.Alpha2 && inAdmin1(ps, p.CC, p.Admin1) {
							return p.CC, p.Admin1, false
						}
					}
				}
			}
			return c.Alpha2, "", false
		}
	}
	end := at
	for end < len(d.toks) && end-at < 4 && d.toks[end].cap && d.toks[end].word {
		end++
	}
	var ps []gazetteer.Place
	if e > s {
		ps = g.Lookup(d.spanText(s, e))
	}
	for ; end > at; end-- {
		qs := g.Lookup(d.spanText(at, end))
		for _, p := range qs {
			if p.Kind == gazetteer.KindAdmin1 {
				return p.CC, p.Admin1, false
			}
		}
		// a county: "Ipswich, Suffolk", "Ballina, County Mayo"
		for _, p := range qs {
			if p.Kind == gazetteer.KindAdmin2 && inAdmin1(ps, p.CC, p.Admin1) {
				return p.CC, p.Admin1, false
			}
		}
	}
	return "", "", false
}

// containedIn reads "in England", "located in Illinois", "in South West
// England" after token e: a country or a first-level division.
func (d *doc) containedIn(e int) (cc, admin1 string, post bool) {
	at := e
	if d.tokAt(at).text == "," {
		at++
	}
	if containVerbs[d.tokAt(at).lower] {
		at++
	}
	if d.tokAt(at).lower != "in" {
		return "", "", false
	}
	at++
	if d.tokAt(at).lower == "the" {
		at++ // "in the Dominican Republic"
	}
	for k := 0; k < 2 && compassWords[d.tokAt(at).text] && d.tokAt(at+1).cap; k++ {
		at++ // "South West England"
	}
	if at >= len(d.toks) || !d.toks[at].cap {
		return "", "", false
	}
	if le, _, ok := d.r.lex.proper.match(d.toks, at, false, &d.buf); ok && le.kind == kCountry {
		if c := d.r.lex.countries[le.country]; c != nil {
			return c.Alpha2, "", true
		}
		return "", "", false
	}
	end := at
	for end < len(d.toks) && end-at < 4 && d.toks[end].cap && d.toks[end].word {
		end++
	}
	for ; end > at; end-- {
		name := d.spanText(at, end)
		if genericDivision[name] {
			continue
		}
		if p, ok := soleDivision(d.r.lex.gaz().Lookup(name)); ok {
			return p.CC, p.Admin1, true
		}
	}
	return "", "", false
}

// containVerbs come between a place and the place that contains it:
// "Fulton County, located in Illinois".
var containVerbs = set("located situated based")

func inCountry(ps []gazetteer.Place, cc string) bool {
	for _, p := range ps {
		if p.CC == cc {
			return true
		}
	}
	return false
}

func inAdmin1(ps []gazetteer.Place, cc, a1 string) bool {
	for _, p := range ps {
		if p.CC == cc && p.Admin1 == a1 && p.Kind != gazetteer.KindAdmin1 {
			return true
		}
	}
	return false
}

// city looks an unknown run up in the gazetteer and resolves it in
// context, with guards against town names that are also words or given
// names. "Southern California" and "Nyanza Province" are found through
// "California" and "Nyanza".
func (d *doc) city(k int, name string) int {
	it := d.items[k]
	if len(name) < 3 {
		return -1
	}
	g := d.r.lex.gaz()
	look := name
	if !g.Has(look) {
		look = ""
		if i := strings.IndexByte(name, ' '); i > 0 && compassWords[name[:i]] && g.Has(name[i+1:]) {
			look = name[i+1:]
		} else if i := strings.LastIndexByte(name, ' '); i > 0 && divisionWords[name[i+1:]] && g.Has(name[:i]) {
			look = name[:i]
		}
		if look == "" {
			return -1
		}
	}
	ctx := d.geoContext(it.s, it.e)
	ctx.PreferCity = it.s == 0 && isDigitStart(d.tokAt(it.e).text) // a dateline
	_, _, post := d.qualifier(it.s, it.e)
	loc := locPrepositions[d.tokAt(it.s-1).lower] || ctx.QualCC != "" && !post
	if speechVerbs[d.tokAt(it.e).lower] && !loc {
		return -1
	}
	r, ok := g.Resolve(look, ctx)
	if c, ok2 := d.countyAfterTown(it.s, look); ok2 {
		r, ok = c, true // "Ipswich, Suffolk": the county of the town
	}
	if ok && post {
		// "Smith in Texas": the containing place chooses the reading
		// but is no evidence that the name is a place
		qcc, qa1 := ctx.QualCC, ctx.QualAdmin1
		ctx.QualCC, ctx.QualAdmin1 = "", ""
		r0, _ := g.Resolve(look, ctx)
		ctx.QualCC, ctx.QualAdmin1 = qcc, qa1
		if !d.acceptPlace(r0, look, loc) {
			return -1
		}
	} else if !ok || !d.acceptPlace(r, look, loc) {
		return -1
	}
	if _, given := d.r.lex.given[d.toks[it.s].text]; given && it.e-it.s == 1 && !(loc || r.Basis == gazetteer.BasisContext && r.Pop >= 100000) {
		return -1 // "Dallas" and "Florence" are people too: a place with support only
	}
	if look != name && look != strings.TrimSuffix(name, " "+lastWord(name)) && r.Basis != gazetteer.BasisContext && r.Basis != gazetteer.BasisQualifier {
		return -1 // "West Midlands" is no part of a Midlands abroad
	}
	key := "P:" + name
	if r.Code != "" {
		key = "D:" + r.Code // "NSW" and "New South Wales" are one place
	}
	return d.placeEntity(key, name, r)
}

// placeEntity returns the entity for a gazetteer reading, creating it:
// a division takes the gazetteer's name, a city the text's.
func (d *doc) placeEntity(key, name string, r gazetteer.Resolution) int {
	a3 := d.r.lex.alpha2[r.CC]
	return d.entity(key, func() *ent {
		e := &ent{name: name, typ: model.TypePlace, country: a3, code: a3, lat: r.Lat, lon: r.Lon, hasLL: r.HasLL,
			town: r.Kind == gazetteer.KindCity, cc: r.CC, basis: r.Basis}
		if r.Kind == gazetteer.KindAdmin1 {
			e.name = r.Name
		}
		if r.Admin1 != "" {
			e.admin1 = r.CC + "." + r.Admin1
		}
		if r.HasLL {
			e.precision = r.Precision()
		}
		return e
	})
}

// acceptPlace decides whether a resolved reading is evidence enough that
// a capitalised run is a place: states and provinces are; counties and
// small towns need a preposition of place, a qualifier or the article's
// country; mid-sized towns need one of those or a large population.
func (d *doc) acceptPlace(r gazetteer.Resolution, name string, loc bool) bool {
	ctxBasis := r.Basis == gazetteer.BasisQualifier || r.Basis == gazetteer.BasisContext
	switch r.Kind {
	case gazetteer.KindAdmin1:
		return !genericDivision[name] || loc
	case gazetteer.KindAdmin2:
		if i := strings.LastIndexByte(name, ' '); i > 0 && divisionWords[name[i+1:]] {
			return true
		}
		return loc && ctxBasis || r.Basis == gazetteer.BasisQualifier
	}
	switch {
	case r.Basis == gazetteer.BasisQualifier:
		return true
	case r.Pop >= 100000:
		return true
	case r.Pop >= d.r.lex.minPop:
		return loc || ctxBasis
	case r.Pop >= 1000:
		return loc && ctxBasis
	}
	return false
}

// divisionReading lets the context turn a lexicon country or capital
// into the division or city of the same name: "Paris, Texas"; "Georgia"
// in a report about the United States that never names the country
// Georgia; "Victoria" beside "Australia"; "Washington state". It returns
// that place's entity, or -1 to keep the lexicon's reading.
func (d *doc) divisionReading(k int) int {
	it := d.items[k]
	if it.lex.kind != kCountry && it.lex.kind != kCapital {
		return -1
	}
	name := d.spanText(it.s, it.e)
	switch kind, cc := d.listSibling(it.s, it.e); kind {
	case sibCountry:
		return -1 // "Ghana, Niger and Togo": a country among countries
	case sibAdmin1:
		// "Ohio, Washington and Wyoming": a state among states
		for _, p := range d.r.lex.gaz().Lookup(name) {
			if p.Kind == gazetteer.KindAdmin1 && p.CC == cc {
				return d.placeEntity("D:"+p.Code, name, gazetteer.Resolution{Place: p, Basis: gazetteer.BasisContext})
			}
		}
	}
	if x := d.qualifyingDivision(it.s, name); x >= 0 {
		return x
	}
	divWord := d.tokAt(it.e).lower == "state" || d.tokAt(it.e).lower == "province" ||
		d.tokAt(it.s-1).lower == "of" && divisionNouns[d.tokAt(it.s-2).lower] // "the state of Washington"
	if d.countryN[it.lex.country] > 0 && !divWord && d.tokAt(it.e).text != "," && d.tokAt(it.e).text != "(" {
		return -1 // named before, no qualifier: the lexicon's reading stands
	}
	if len(d.r.lex.gaz().Lookup(name)) == 0 {
		return -1
	}
	ctx := d.geoContext(it.s, it.e)
	own := d.r.lex.countries[it.lex.country]
	if own != nil && ctx.QualCC == own.Alpha2 {
		return -1 // "Paris, France"
	}
	if ctx.QualCC != "" {
		// an explicit qualifier of another country: its reading, if any
		if r, ok := d.r.lex.gaz().Resolve(name, ctx); ok && r.CC == ctx.QualCC {
			key := "P:" + name + "@" + r.CC
			if r.Code != "" {
				key = "D:" + r.Code
			}
			return d.placeEntity(key, name, r)
		}
		return -1
	}
	if d.countryN[it.lex.country] > 0 && !divWord {
		return -1
	}
	// the sentence's own countries count too ("Victoria ... as Australia")
	counts := make(map[string]int, len(ctx.Countries)+2)
	for c, n := range ctx.Countries {
		counts[c] = n
	}
	ctx.Countries = counts
	for _, o := range d.items {
		if o.kind == iLex && o.lex.kind == kCountry && o.lex.country != it.lex.country {
			if c := d.r.lex.countries[o.lex.country]; c != nil {
				ctx.Countries[c.Alpha2]++
			}
		}
	}
	focus := ""
	if c := d.r.lex.countries[d.articleFocus()]; c != nil {
		focus = c.Alpha2
	}
	for _, p := range d.r.lex.gaz().Lookup(name) {
		if d.r.lex.alpha2[p.CC] == it.lex.country && !divWord {
			continue
		}
		switch {
		case divWord && p.Kind == gazetteer.KindAdmin1:
		case p.Kind == gazetteer.KindAdmin1 && it.lex.kind == kCountry && p.CC == focus:
			// a country's name as a state of the article's own country
		case it.lex.kind == kCapital && ctx.Countries[p.CC] > 0 && (p.Kind == gazetteer.KindAdmin1 || p.Kind == gazetteer.KindCity && p.Pop >= 100000):
			// a capital's namesake in a country the article names
		default:
			continue
		}
		key := "D:" + p.Code
		if p.Kind == gazetteer.KindCity {
			key = "P:" + name + "@" + p.CC
		}
		return d.placeEntity(key, name, gazetteer.Resolution{Place: p, Basis: gazetteer.BasisContext})
	}
	return -1
}

// countyAfterTown reads a name right after "Town," as the second-level
// division of that name in the town's first-level division ("Guildford,
// Surrey"; "Fulton, Callaway County").
func (d *doc) countyAfterTown(s int, name string) (gazetteer.Resolution, bool) {
	if d.tokAt(s-1).text != "," {
		return gazetteer.Resolution{}, false
	}
	for k := range d.items {
		it := d.items[k]
		if it.e != s-1 || it.ent < 0 || it.ent >= len(d.ents) {
			continue
		}
		town := d.ents[it.ent]
		if town.typ != model.TypePlace || !town.town || town.admin1 == "" {
			return gazetteer.Resolution{}, false
		}
		for _, p := range d.r.lex.gaz().Lookup(name) {
			if p.Kind == gazetteer.KindAdmin2 && p.CC+"."+p.Admin1 == town.admin1 {
				return gazetteer.Resolution{Place: p, Basis: gazetteer.BasisQualifier}, true
			}
		}
	}
	return gazetteer.Resolution{}, false
}

// qualifyingDivision reads a country's name after "Town," as the
// division of that name the town lies in ("Atlanta, Georgia"; "Perth,
// Western Australia" needs no help): the division's entity, or -1.
func (d *doc) qualifyingDivision(s int, name string) int {
	if d.tokAt(s-1).text != "," {
		return -1
	}
	for k := range d.items {
		it := d.items[k]
		if it.e != s-1 || it.ent < 0 || it.ent >= len(d.ents) {
			continue
		}
		town := d.ents[it.ent]
		if town.typ != model.TypePlace || !town.town || town.admin1 == "" {
			return -1
		}
		for _, p := range d.r.lex.gaz().Lookup(name) {
			if p.Kind == gazetteer.KindAdmin1 && p.CC+"."+p.Admin1 == town.admin1 {
				return d.placeEntity("D:"+p.Code, name, gazetteer.Resolution{Place: p, Basis: gazetteer.BasisQualifier})
			}
		}
	}
	return -1
}

// featurePrecision is the precision of a features.tsv point by its kind.
func featurePrecision(class string) string {
	switch class {
	case "landmark":
		return gazetteer.PrecisionPoint
	case "city":
		return gazetteer.PrecisionCity
	case "sea", "region", "gulf", "ocean":
		return gazetteer.PrecisionCountry
	}
	return gazetteer.PrecisionDivision
}

// splitAffiliations moves the demonym mentions (starts in adj) out of
// the mentions: a nationality adjective is no mention of the place.
func splitAffiliations(ms []model.Mention, adj []int) ([]model.Mention, []model.Mention) {
	if len(adj) == 0 {
		return ms, nil
	}
	isAdj := make(map[int]bool, len(adj))
	for _, a := range adj {
		isAdj[a] = true
	}
	keep := make([]model.Mention, 0, len(ms))
	var aff []model.Mention
	for _, m := range ms {
		if isAdj[m.Start] {
			aff = append(aff, m)
		} else {
			keep = append(keep, m)
		}
	}
	return keep, aff
}

// gazRun returns the length of a multi-word gazetteer name (a division or
// a city large enough to stand alone) starting at capitalised token i when
// it is longer than the lexicon name there, or 0. Only whole runs of
// capitalised words count, so "New York Times" stays a newspaper.
func (d *doc) gazRun(i int) int {
	j := i
	for j < len(d.toks) && j-i < 6 && d.toks[j].word && (d.toks[j].cap || j > i && placeParticles[d.toks[j].text] && d.tokAt(j+1).cap) {
		j++ // "Rio Grande do Sul", "Mato Grosso do Sul"
	}
	if j-i < 2 {
		return 0
	}
	_, pn, _ := d.r.lex.proper.match(d.toks, i, false, &d.buf)
	g := d.r.lex.gaz()
	for n := j - i; n >= 2 && n > pn; n-- {
		if n < j-i && pn == 0 && !d.toks[i].folded {
			return 0 // "New York Police": the run decides, not its head
		}
		if !d.toks[i+n-1].cap {
			continue
		}
		name := d.spanText(i, i+n)
		for _, p := range g.Lookup(name) {
			if p.Kind == gazetteer.KindAdmin1 || p.Kind == gazetteer.KindAdmin2 && strings.Contains(name, " ") || p.Pop >= d.r.lex.minPop {
				return n
			}
		}
	}
	return 0
}

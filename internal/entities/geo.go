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

// city looks an unknown run up in the gazetteer and resolves it in
// context, with guards against town names that are also words or given
// names. "Southern California" and "Nyanza Province" are found through
// "California" and "Nyanza".
func (d *doc) city(k int, name string) int {
	it := d.items[k]
	if len(name) < 3 {
		return -1
	}
	if compassWords[name] && d.tokAt(it.e).cap {
		// "Western Cambodia" read as two runs: the compass word is a part
		// of the name after it, not a division called "Western"
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
	// The article's own country as a state's country, unless the
	// sentence names that country itself beside this one: "Nigeria
	// criticized Niger", "the United States and Georgia" set two
	// countries side by side, where a state would be written with its
	// division word or qualifier ("Niger State", "Niger, Nigeria").
	focus := ""
	if fc := d.articleFocus(); fc != it.lex.country && !d.sentenceNamesCountry(fc, k) {
		if c := d.r.lex.countries[fc]; c != nil {
			focus = c.Alpha2
		}
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

// sentenceNamesCountry reports whether an item of the sentence other
// than item k is the country cc by its name.
func (d *doc) sentenceNamesCountry(cc string, k int) bool {
	for i, o := range d.items {
		if i != k && o.kind == iLex && o.lex.kind == kCountry && o.lex.country == cc {
			return true
		}
	}
	return false
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
		if n < j-i && pn == 0 && !d.toks[i].folded && !(n == j-i-1 && divisionWords[d.toks[j-1].text]) {
			return 0 // "New York Police": the run decides, not its head (but "Bas Congo Province")
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

package entities

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/gazetteer"
	namemodel "github.com/sitrep-project/sitrep/internal/names"
)

// Country is one row of lexicon/entities/countries.tsv.
type Country struct {
	Alpha3, Alpha2, Name string
	Aliases, Demonyms    []string
	Capital              string
	CapitalLat           float64
	CapitalLon           float64
	Lat, Lon             float64 // approximate geographic centre
	Island               bool    // "the island" may refer to it
	Mainland             string  // alpha-3 of "the mainland" when it is discussed
}

// Place is a geocoded place name.
type Place struct {
	Name       string
	Country    string // alpha-3, "" for international waters and regions
	Kind       string // country, capital, city, sea, strait, region, landmark, ...
	Lat, Lon   float64
	Population int
}

type entryKind uint8

const (
	kCountry entryKind = iota + 1
	kDemonym
	kCapital
	kSeat
	kIGO
	kMedia
	kFeature
	kSystem
)

// entry is what a proper-name phrase of the lexicon stands for.
type entry struct {
	kind    entryKind
	name    string // canonical name
	country string
	sector  string
	code    string
	lat     float64
	lon     float64
	hasLL   bool
	class   string // equipment class or feature kind
	context bool   // equipment name that needs an equipment word nearby
	// national: the sector of a country's own body that an
	// intergovernmental body's alias also names ("Security Council"
	// GOV): a country's name with "'s" before it makes it that
	// country's body ("Russia's Security Council"), igos.tsv column 4
	national string
}

type role struct {
	phrase string
	sector string
	gender byte
}

type orgType struct {
	words  string
	sector string
	common bool
	suffix bool
	// crowd: a common noun for people gathered somewhere ("protesters"),
	// who without a country of their own belong to the one place the
	// sentence names ("protesters in Nairobi").
	crowd bool
	// kind: a common noun that, right before a capitalised name, says
	// the name is an organisation of that kind ("brewer Zywiec", "the
	// daily El Pais", "Turkish club Galatasaray").
	kind bool
	// prefix: opens an organisation's name, a legal form or a head
	// noun written first ("PT Bumi Resources", "OAO Rosneft", "Banque
	// du Liban", "Empresa Nacional del Petróleo"); see prefixRunEnd.
	prefix bool
	// national: a body that a country's name or demonym before it
	// describes rather than names ("Thai Commerce Ministry", "UK
	// Department of Transport"): the country is its affiliation.
	national bool
	// force: a plural noun for the members of an armed body or a
	// mission ("troops", "fighters", "peacekeepers"): an acronym right
	// before it names their group ("ATMIS troops", "ADF fighters"), an
	// organisation and never equipment (see forceAcronym).
	force bool
	// states: a plural noun that ends the name of a body of several
	// states after "of" or "for" ("Organisation of Eastern Caribbean
	// States", "Union of South American Nations"): an intergovernmental
	// body, whatever demonyms stand inside its name (see statesName).
	states bool
}

// dict maps token-normalised phrases to values; first bounds the phrase
// length by its first token so most positions cost one map lookup.
type dict[V any] struct {
	m     map[string]V
	first map[string]int
}

func newDict[V any]() dict[V] { return dict[V]{m: map[string]V{}, first: map[string]int{}} }

func (d *dict[V]) add(phrase string, lower bool, v V) {
	key, n := normKey(phrase, lower)
	if n == 0 {
		return
	}
	d.m[key] = v
	f := key
	if k := strings.IndexByte(key, ' '); k >= 0 {
		f = key[:k]
	}
	if d.first[f] < n {
		d.first[f] = n
	}
}

// match returns the longest phrase starting at toks[i].
func (d *dict[V]) match(toks []tok, i int, lower bool, buf *[]byte) (V, int, bool) {
	var zero V
	if i < 0 || i >= len(toks) {
		return zero, 0, false
	}
	first := toks[i].text
	if lower {
		first = toks[i].lower
	}
	maxN, ok := d.first[first]
	if !ok {
		return zero, 0, false
	}
	if maxN > len(toks)-i {
		maxN = len(toks) - i
	}
	for n := maxN; n >= 1; n-- {
		b := (*buf)[:0]
		for k := 0; k < n; k++ {
			if k > 0 {
				b = append(b, ' ')
			}
			if lower {
				b = append(b, toks[i+k].lower...)
			} else {
				b = append(b, toks[i+k].text...)
			}
		}
		*buf = b
		if v, ok := d.m[string(b)]; ok {
			return v, n, true
		}
	}
	return zero, 0, false
}

// Lexicon holds every entity lexicon. It is immutable once loaded (the
// city gazetteer is decoded lazily, once, under a sync.Once) and safe for
// concurrent use.
type Lexicon struct {
	countries map[string]*Country
	// countryOrder lists the countries' alpha-3 codes in the order they
	// were first read
	countryOrder []string
	alpha2       map[string]string
	proper       dict[entry]
	roles        dict[role]
	abbrevs      map[string]role
	// former maps the words that mark a title as held before
	// (former.tsv) to the sector of a holder out of office ("ELI"), ""
	// for a word that only dates the title ("then")
	former map[string]string
	orgs   dict[orgType]
	// portfolio holds the words of the lexicon's titles and bodies
	// ("foreign", "affairs", "state", "interior", "trade") and
	// portfolioHead the titles some role phrase continues with "of"
	// or "for" ("minister", "secretary"): "Minister of State for Trade"
	// is one title (see portfolioEnd).
	portfolio     map[string]bool
	portfolioHead map[string]bool
	equip         dict[string]
	given         map[string]byte
	places        map[string]Place

	cityData []byte
	divs     []gazetteer.Division
	alts     []gazetteer.AltName
	gazOnce  sync.Once
	gazVal   *gazetteer.Gazetteer
	gazErr   error
	// minPop is the smallest city a capitalised word is taken for
	// without a preposition of place or a qualifier before it.
	minPop int

	roots     []fs.FS // for the name model, loaded on first use
	namesOnce sync.Once
	namesVal  *namemodel.Model
	namesErr  error
	arcsOnce  sync.Once
	arcsVal   *namemodel.Model
	arcsErr   error
}

// LoadLexicon reads lexicon/entities/*.tsv from each root in turn; root 0
// is normally fs.Sub(sitrep.Lexicon, "lexicon") and later roots add or
// override entries. Files missing from a root are skipped. A malformed
// line is an error "entities/FILE:LINE: reason".
func LoadLexicon(roots ...fs.FS) (*Lexicon, error) {
	l := &Lexicon{
		countries: map[string]*Country{},
		alpha2:    map[string]string{},
		proper:    newDict[entry](),
		roles:     newDict[role](),
		abbrevs:   map[string]role{},
		orgs:      newDict[orgType](),
		equip:     newDict[string](),
		given:     map[string]byte{},
		former:    map[string]string{},
		places:    map[string]Place{},
		cityData:  sitrep.Cities,
		minPop:    15000,
		roots:     roots,
	}
	loaders := []struct {
		file string
		cols int
		fn   func(f []string) error
	}{
		{"countries.tsv", 11, l.addCountry},
		{"roles.tsv", 2, l.addRole},
		{"orgtypes.tsv", 3, l.addOrgType},
		{"seats.tsv", 3, l.addSeat},
		{"igos.tsv", 2, l.addIGO},
		{"media.tsv", 2, l.addMedia},
		{"features.tsv", 6, l.addFeature},
		{"equipment.tsv", 3, l.addEquipment},
		{"names.tsv", 2, l.addNames},
		{"divisions.tsv", 3, l.addDivision},
		{"altnames.tsv", 2, l.addAltName},
		{"former.tsv", 2, l.addFormer},
	}
	for _, root := range roots {
		for _, ld := range loaders {
			if err := readTSV(root, "entities/"+ld.file, ld.cols, ld.fn); err != nil {
				return nil, err
			}
		}
	}
	// capitals and countries go in last so that an ambiguous alias of
	// another table never shadows them
	// in the order of countries.tsv, so that a demonym two countries
	// share goes to the one listed first, the same on every run
	for _, a3 := range l.countryOrder {
		l.addCountryPhrases(l.countries[a3])
	}
	l.portfolios()
	return l, nil
}

// portfolios fills portfolio and portfolioHead from the role and
// organisation phrases.
func (l *Lexicon) portfolios() {
	l.portfolio, l.portfolioHead = map[string]bool{}, map[string]bool{}
	add := func(phrase string, role bool) {
		ws := strings.Fields(phrase)
		if len(ws) < 2 {
			return
		}
		for i, w := range ws {
			if w == "of" || w == "for" {
				if role && i > 0 {
					l.portfolioHead[ws[i-1]] = true
				}
				continue
			}
			if !functionWords[w] {
				l.portfolio[w] = true
			}
		}
	}
	for _, r := range l.roles.m {
		add(r.phrase, true)
	}
	for _, o := range l.orgs.m {
		add(o.words, false)
	}
}

// readTSV calls fn for each data line of name in root; a missing file is
// fine, a short line is an error with its position.
func readTSV(root fs.FS, name string, cols int, fn func(f []string) error) error {
	f, err := root.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fields := strings.Split(s, "\t")
		if len(fields) < cols {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", name, line, cols, len(fields))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s:%d: %w", name, line+1, err) // the line after the last one read
	}
	return nil
}

func splitList(s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pluralDemonym reports whether demonym d names a person and takes a
// plural in -s ("Iraqi", "Kenyan", "Serb", "Swede"), where an adjective
// ("Icelandic", "Swiss", "Chinese", "Turkish") has none.
func pluralDemonym(d string) bool {
	for _, suf := range []string{"s", "x", "z", "sh", "ch", "ese", "ic"} {
		if strings.HasSuffix(d, suf) {
			return false
		}
	}
	return true
}

func parseLL(lat, lon string) (float64, float64, bool, error) {
	if lat == "" && lon == "" {
		return 0, 0, false, nil
	}
	a, err := strconv.ParseFloat(lat, 64)
	if err != nil || a < -90 || a > 90 {
		return 0, 0, false, fmt.Errorf("bad latitude %q", lat)
	}
	o, err := strconv.ParseFloat(lon, 64)
	if err != nil || o < -180 || o > 180 {
		return 0, 0, false, fmt.Errorf("bad longitude %q", lon)
	}
	return a, o, true, nil
}

func validAlpha3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (l *Lexicon) addCountry(f []string) error {
	if !validAlpha3(f[0]) {
		return fmt.Errorf("bad alpha-3 code %q", f[0])
	}
	if len(f[1]) != 2 {
		return fmt.Errorf("bad alpha-2 code %q", f[1])
	}
	if f[2] == "" {
		return errors.New("empty country name")
	}
	clat, clon, _, err := parseLL(f[6], f[7])
	if err != nil {
		return err
	}
	lat, lon, ok, err := parseLL(f[8], f[9])
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("country needs lat/lon")
	}
	c := &Country{Alpha3: f[0], Alpha2: f[1], Name: f[2], Aliases: splitList(f[3]), Capital: f[5],
		CapitalLat: clat, CapitalLon: clon, Lat: lat, Lon: lon}
	for _, d := range splitList(f[4]) {
		c.Demonyms = append(c.Demonyms, d)
		if pl := d + "s"; pluralDemonym(d) && pl != c.Name && !slices.Contains(c.Aliases, pl) {
			c.Demonyms = append(c.Demonyms, pl) // "Iraqis", "Serbs", "Swedes"; not "Philippines"
		}
	}
	for _, fl := range splitList(f[10]) {
		switch {
		case fl == "island":
			c.Island = true
		case strings.HasPrefix(fl, "mainland="):
			c.Mainland = strings.TrimPrefix(fl, "mainland=")
		default:
			return fmt.Errorf("unknown flag %q", fl)
		}
	}
	if _, ok := l.countries[c.Alpha3]; !ok {
		l.countryOrder = append(l.countryOrder, c.Alpha3)
	}
	l.countries[c.Alpha3] = c
	l.alpha2[c.Alpha2] = c.Alpha3
	return nil
}

func (l *Lexicon) addCountryPhrases(c *Country) {
	e := entry{kind: kCountry, name: c.Name, country: c.Alpha3, lat: c.Lat, lon: c.Lon, hasLL: true}
	for _, d := range c.Demonyms {
		if _, taken := l.proper.m[d]; !taken {
			l.proper.add(d, false, entry{kind: kDemonym, name: c.Name, country: c.Alpha3})
		}
	}
	if c.Capital != "" {
		cap := entry{kind: kCapital, name: c.Capital, country: c.Alpha3, sector: "GOV", lat: c.CapitalLat, lon: c.CapitalLon, hasLL: true}
		if c.Capital == c.Name { // city states: the country wins
			cap = e
		}
		l.proper.add(c.Capital, false, cap)
		l.places[c.Capital] = Place{Name: c.Capital, Country: c.Alpha3, Kind: "capital", Lat: c.CapitalLat, Lon: c.CapitalLon}
	}
	l.proper.add(c.Name, false, e)
	l.places[c.Name] = Place{Name: c.Name, Country: c.Alpha3, Kind: "country", Lat: c.Lat, Lon: c.Lon}
	for _, a := range c.Aliases {
		l.proper.add(a, false, e)
	}
}

func (l *Lexicon) addDivision(f []string) error {
	d, err := gazetteer.ParseDivision(f)
	if err != nil {
		return err
	}
	l.divs = append(l.divs, d)
	return nil
}

// addAltName adds a country alias at once ("Zaire"); names of divisions
// and cities wait for the gazetteer, which checks their targets.
func (l *Lexicon) addAltName(f []string) error {
	if f[0] == "" {
		return errors.New("empty name")
	}
	if validAlpha3(f[1]) {
		c, ok := l.countries[f[1]]
		if !ok {
			return fmt.Errorf("unknown country %q", f[1])
		}
		c.Aliases = append(c.Aliases, f[0])
		return nil
	}
	l.alts = append(l.alts, gazetteer.AltName{Name: f[0], Target: f[1]})
	return nil
}

func (l *Lexicon) addFormer(f []string) error {
	sector := f[1]
	if sector == "-" {
		sector = ""
	} else if len(sector) != 3 {
		return fmt.Errorf("sector %q: want three letters or -", sector)
	}
	l.former[strings.ToLower(f[0])] = sector
	return nil
}

func (l *Lexicon) addRole(f []string) error {
	r := role{phrase: strings.ToLower(f[0]), sector: f[1]}
	if r.sector == "-" {
		r.sector = ""
	}
	if len(f) > 2 && f[2] != "" && f[2] != "-" {
		r.gender = f[2][0]
	}
	l.roles.add(r.phrase, true, r)
	if len(f) > 3 {
		for _, a := range splitList(f[3]) {
			l.abbrevs[a] = r
			key, _ := normKey(a, false)
			l.abbrevs[key] = r
		}
	}
	return nil
}

func (l *Lexicon) addOrgType(f []string) error {
	o := orgType{words: strings.ToLower(f[0]), sector: f[1]}
	if o.sector == "-" {
		o.sector = "" // no sector of its own ("league": a party's or a sport's)
	}
	for _, mode := range strings.Split(f[2], ",") {
		switch mode {
		case "common":
			o.common = true
		case "suffix":
			o.suffix = true
		case "both":
			o.common, o.suffix = true, true
		case "crowd":
			o.common, o.crowd = true, true
		case "kind":
			o.kind = true
		case "prefix":
			o.prefix = true
		case "national":
			o.national = true
		case "force":
			o.force = true
		case "states":
			o.states = true
		default:
			return fmt.Errorf("mode %q: want common, suffix, both, crowd, kind, prefix, national, force or states, or several joined by commas", mode)
		}
	}
	l.orgs.add(o.words, true, o)
	return nil
}

func (l *Lexicon) addSeat(f []string) error {
	e := entry{kind: kSeat, name: f[0], country: f[1], sector: f[2]}
	if len(f) >= 5 {
		lat, lon, ok, err := parseLL(f[3], f[4])
		if err != nil {
			return err
		}
		e.lat, e.lon, e.hasLL = lat, lon, ok
	}
	l.proper.add(f[0], false, e)
	return nil
}

func (l *Lexicon) addIGO(f []string) error {
	if !strings.HasPrefix(f[0], "IGO") {
		return fmt.Errorf("IGO code %q must start with IGO", f[0])
	}
	e := entry{kind: kIGO, name: f[1], code: f[0]}
	l.proper.add(f[1], false, e)
	if len(f) > 2 {
		for _, a := range splitList(f[2]) {
			l.proper.add(a, false, e)
		}
	}
	if len(f) > 3 {
		// aliases that also name a country's body, with its sector
		for _, a := range splitList(f[3]) {
			alias, sector, ok := strings.Cut(a, ":")
			if alias, sector = strings.TrimSpace(alias), strings.TrimSpace(sector); !ok || alias == "" || len(sector) != 3 {
				return fmt.Errorf("national alias %q: want alias:SECTOR (\"Security Council:GOV\")", a)
			}
			n := e
			n.national = sector
			l.proper.add(alias, false, n)
		}
	}
	return nil
}

func (l *Lexicon) addMedia(f []string) error {
	e := entry{kind: kMedia, name: f[0], country: f[1], sector: "MED"}
	l.proper.add(f[0], false, e)
	if len(f) > 2 {
		for _, a := range splitList(f[2]) {
			l.proper.add(a, false, e)
		}
	}
	return nil
}

func (l *Lexicon) addFeature(f []string) error {
	lat, lon, ok, err := parseLL(f[3], f[4])
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("feature needs lat/lon")
	}
	c := f[2]
	if c == "-" {
		c = ""
	}
	e := entry{kind: kFeature, name: f[0], country: c, lat: lat, lon: lon, hasLL: true, class: f[5]}
	l.proper.add(f[0], false, e)
	l.places[f[0]] = Place{Name: f[0], Country: c, Kind: f[5], Lat: lat, Lon: lon}
	for _, a := range splitList(f[1]) {
		l.proper.add(a, false, e)
	}
	return nil
}

func (l *Lexicon) addEquipment(f []string) error {
	switch f[0] {
	case "class":
		l.equip.add(f[1], true, f[2])
		l.equip.add(plural(f[1]), true, f[2])
		if len(f) > 3 {
			for _, a := range splitList(f[3]) {
				l.equip.add(a, true, f[2])
				l.equip.add(plural(a), true, f[2])
			}
		}
	case "system":
		e := entry{kind: kSystem, name: f[1], class: f[2], context: len(f) > 4 && f[4] == "context"}
		l.proper.add(f[1], false, e)
		if len(f) > 3 {
			for _, a := range splitList(f[3]) {
				l.proper.add(a, false, e)
			}
		}
	default:
		return fmt.Errorf("kind %q: want class or system", f[0])
	}
	return nil
}

func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ey") && !strings.HasSuffix(s, "ay"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
}

func (l *Lexicon) addNames(f []string) error {
	if f[0] != "m" && f[0] != "f" {
		return fmt.Errorf("gender %q: want m or f", f[0])
	}
	for _, n := range strings.Fields(f[1]) {
		l.given[n] = f[0][0]
	}
	return nil
}

// Country returns the country with alpha-3 code.
func (l *Lexicon) Country(code string) (Country, bool) {
	c, ok := l.countries[code]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

// Countries returns the number of countries loaded.
func (l *Lexicon) Countries() int { return len(l.countries) }

// Demonym returns the country alpha-3 of a demonym or country adjective
// ("Chinese", "North Korean", "Iraqis").
func (l *Lexicon) Demonym(word string) (string, bool) {
	key, _ := normKey(word, false)
	e, ok := l.proper.m[key]
	if !ok || (e.kind != kDemonym && e.kind != kCountry) {
		return "", false
	}
	return e.country, true
}

// Sector returns the CAMEO sector a role noun or organisation word
// implies ("minister" GOV, "troops" MIL, "newspaper" MED); any case.
func (l *Lexicon) Sector(words string) (string, bool) {
	key, _ := normKey(strings.ToLower(words), true)
	if r, ok := l.roles.m[key]; ok && r.sector != "" {
		return r.sector, true
	}
	if o, ok := l.orgs.m[key]; ok {
		return o.sector, true
	}
	return "", false
}

// Place looks a place name up: countries, capitals and named features
// first, then the cities gazetteer (the most populous city of that name).
func (l *Lexicon) Place(name string) (Place, bool) {
	if p, ok := l.places[name]; ok {
		return p, true
	}
	if key, _ := normKey(name, false); key != name {
		if e, ok := l.proper.m[key]; ok && e.hasLL && (e.kind == kCountry || e.kind == kCapital || e.kind == kFeature) {
			return Place{Name: e.name, Country: e.country, Kind: e.class, Lat: e.lat, Lon: e.lon}, true
		}
	}
	cs := l.gaz().Lookup(name)
	if len(cs) == 0 {
		return Place{}, false
	}
	c := cs[0]
	kind := "city"
	if c.Kind != gazetteer.KindCity {
		kind = "division"
	}
	return Place{Name: name, Country: l.alpha2[c.CC], Kind: kind, Lat: c.Lat, Lon: c.Lon, Population: c.Pop}, true
}

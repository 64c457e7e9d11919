package gazetteer

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind is the kind of a gazetteer place.
type Kind uint8

// Place kinds.
const (
	KindCity   Kind = iota + 1 // a populated place
	KindAdmin1                 // a state, province, region, home nation
	KindAdmin2                 // a county, district, prefecture
)

// Precision of a resolved point, as written to the output contract.
const (
	PrecisionPoint    = "point"    // a landmark or facility
	PrecisionCity     = "city"     // a populated place
	PrecisionDivision = "division" // a state, province, county: a representative point
	PrecisionCountry  = "country"  // a country or larger: a representative point
)

// Why a reading was chosen, as written to the output contract.
const (
	BasisLexicon    = "lexicon"    // the one reading of a name in the lexicon (countries, capitals, features)
	BasisQualifier  = "qualifier"  // an explicit qualifier: "Paris, Texas", "Perth, Scotland"
	BasisContext    = "context"    // the article's other places: its countries, divisions, nearby points
	BasisPopulation = "prominence" // no context: the most populous or highest-level reading
	BasisOnly       = "only"       // the gazetteer knows one reading only
)

// Place is one reading of a name.
type Place struct {
	Name    string // the gazetteer's spelling
	CC      string // ISO alpha-2
	Admin1  string // first-level division code within CC ("" when unknown)
	Code    string // division code "CC.A1" or "CC.A1.A2" for divisions
	Kind    Kind
	Feature string // GeoNames feature code of a city (PPLC capital, PPLA seat ...)
	Pop     int
	Lat     float64
	Lon     float64
	HasLL   bool
}

// Precision returns the output precision of p's point.
func (p Place) Precision() string {
	if p.Kind == KindCity {
		return PrecisionCity
	}
	return PrecisionDivision
}

// Division is one row of lexicon/entities/divisions.tsv.
type Division struct {
	Code        string // "US.CA" (first level) or "US.CA.001" (second level)
	Name, ASCII string
	Lat, Lon    float64
	HasLL       bool
	Pop         int
}

// Level is 1 for a first-level division, 2 for a second-level one.
func (d Division) Level() int { return strings.Count(d.Code, ".") }

// ParseDivision reads the fields of a divisions.tsv line:
// code, name, ASCII name, lat, lon, population (lat/lon/population may
// be empty).
func ParseDivision(f []string) (Division, error) {
	if len(f) < 3 {
		return Division{}, fmt.Errorf("want at least 3 fields, got %d", len(f))
	}
	d := Division{Code: f[0], Name: f[1], ASCII: f[2]}
	if n := d.Level(); n < 1 || n > 2 || len(d.Code) < 4 {
		return Division{}, fmt.Errorf("bad division code %q: want CC.ADM1 or CC.ADM1.ADM2", d.Code)
	}
	if d.Name == "" {
		return Division{}, errors.New("empty division name")
	}
	if len(f) >= 5 && (f[3] != "" || f[4] != "") {
		lat, err1 := strconv.ParseFloat(f[3], 64)
		lon, err2 := strconv.ParseFloat(f[4], 64)
		if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
			return Division{}, fmt.Errorf("bad coordinates %q %q", f[3], f[4])
		}
		d.Lat, d.Lon, d.HasLL = lat, lon, true
	}
	if len(f) >= 6 && f[5] != "" {
		p, err := strconv.Atoi(f[5])
		if err != nil || p < 0 {
			return Division{}, fmt.Errorf("bad population %q", f[5])
		}
		d.Pop = p
	}
	return d, nil
}

// AltName is an alternate or historic name of a division or city:
// Target is a division code ("AU.02") or "Name@CC" for a city
// ("Mumbai@IN").
type AltName struct {
	Name, Target string
}

// Gazetteer indexes cities and divisions by name (the layout: index.go).
type Gazetteer struct {
	blob   string   // the names and division codes of the records
	recs   []rec    // places
	atoms  string   // the country, division and feature codes they share
	atomAt []uint32 // atom a is atoms[atomAt[a]:atomAt[a+1]]
	names  keyIndex // hash of a name -> its readings, most prominent first
	codes  keyIndex // hash of a division code -> its place
}

func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Build indexes cities, divisions and alternate names. An alternate name
// whose target is unknown is an error naming it.
func Build(cities []City, divs []Division, alts []AltName) (*Gazetteer, error) {
	b := newBuilder(len(cities) + len(divs))
	for _, c := range cities {
		b.add(Place{Name: c.Name, CC: c.CC, Admin1: c.Admin1, Kind: KindCity, Feature: c.Feature, Pop: c.Pop, Lat: c.Lat, Lon: c.Lon, HasLL: true}, c.Name)
	}
	for _, d := range divs {
		cc, rest, _ := strings.Cut(d.Code, ".")
		a1, _, _ := strings.Cut(rest, ".")
		k := KindAdmin1
		if d.Level() == 2 {
			k = KindAdmin2
		}
		p := Place{Name: d.Name, CC: cc, Admin1: a1, Code: d.Code, Kind: k, Pop: d.Pop, Lat: d.Lat, Lon: d.Lon, HasLL: d.HasLL}
		if x, ok := b.codes[d.Code]; ok { // a later lexicon root replaces the row
			b.replace(x, p)
			continue
		}
		b.codes[d.Code] = b.add(p, d.Name, d.ASCII, compassVariant(d.Name), compassVariant(d.ASCII), unhyphen(d.Name), unhyphen(d.ASCII), compassVariant(unhyphen(d.ASCII)),
			unprefixed(d.Name), unprefixed(d.ASCII))
	}
	if len(alts) > 0 {
		// the places' own names, to find the cities alternate names point to
		byName := newKeyIndex(slices.Clone(b.pairs), b.prior)
		for _, a := range alts {
			x, ok := b.target(&byName, a.Target)
			if !ok {
				return nil, fmt.Errorf("alternate name %q: unknown target %q", a.Name, a.Target)
			}
			b.addName(a.Name, x)
		}
	}
	return b.freeze(), nil
}

// readings returns the record numbers of name's readings.
func (g *Gazetteer) readings(name string) []int32 {
	if xs := g.names.lookup(hash(name)); xs != nil {
		return xs
	}
	if f := Fold(name); f != name {
		if xs := g.names.lookup(hash(f)); xs != nil {
			return xs
		}
	}
	if strings.IndexByte(name, '-') > 0 {
		return g.readings(strings.ReplaceAll(name, "-", " ")) // "Nord-Kivu"
	}
	return nil
}

// compassForms pairs the compass words that open division names in
// their two English forms, and GeoNames' French ones with the English
// news uses: "South Darfur" is GeoNames' "Southern Darfur", "North Kivu"
// its "Nord Kivu".
var compassForms = map[string]string{
	"Southern": "South", "Northern": "North", "Western": "West", "Eastern": "East",
	"South": "Southern", "North": "Northern", "West": "Western", "East": "Eastern",
	"Nord": "North", "Sud": "South",
}

// compassVariant is name with its opening compass word in the other
// form, or "" when it opens with none.
func compassVariant(name string) string {
	w, rest, ok := strings.Cut(name, " ")
	if v := compassForms[w]; ok && v != "" && rest != "" {
		return v + " " + rest
	}
	return ""
}

// kindPrefixes open GeoNames names of divisions that news names without
// them: "Province of Cebu", "County of Fermanagh".
var kindPrefixes = []string{"Province of ", "County of ", "Region of "}

// unprefixed is a division's name without its kind prefix (and with
// single spaces), or "" when it has none.
func unprefixed(name string) string {
	for _, k := range kindPrefixes {
		if rest, ok := strings.CutPrefix(name, k); ok {
			return strings.Join(strings.Fields(rest), " ")
		}
	}
	return ""
}

// unhyphen is a division's name written with spaces for its hyphens
// ("Bas Congo", "Nord Kivu"), or "" when it has none.
func unhyphen(name string) string {
	if !strings.Contains(name, "-") {
		return ""
	}
	return strings.ReplaceAll(name, "-", " ")
}

// target finds the place an alternate name points to: a division code
// or "Name@CC", the most populous city of that name in CC.
func (b *builder) target(byName *keyIndex, t string) (int32, bool) {
	if x, ok := b.codes[t]; ok {
		return x, true
	}
	name, cc, ok := strings.Cut(t, "@")
	if !ok {
		return 0, false
	}
	ca, ok := b.atomOf[cc]
	if !ok {
		return 0, false
	}
	best, bp := int32(-1), int64(-1)
	for _, x := range byName.lookup(hash(name)) {
		// the most populous; of equals, the first listed
		if r := &b.recs[x]; r.cc == ca && r.kind == KindCity && (int64(r.pop) > bp || int64(r.pop) == bp && x < best) {
			best, bp = x, int64(r.pop)
		}
	}
	return best, best >= 0
}

// prior orders the readings of a name without context: divisions of the
// first level, then by population, capitals and division seats first.
func prior(p Place) float64 {
	s := math.Log10(float64(p.Pop) + 10)
	switch {
	case p.Kind == KindAdmin1:
		s += 4 // a state outranks a town of its name anywhere ("Wyoming")
	case p.Kind == KindAdmin2:
		s += 2 // a county outranks a small town of its name abroad
	case p.Feature == "PPLC":
		s += 2
	case p.Feature == "PPLA":
		s += 1
	}
	return s
}

// Lookup returns every reading of name (exact spelling, then the folded
// one), most prominent first.
func (g *Gazetteer) Lookup(name string) []Place {
	xs := g.readings(name)
	if len(xs) == 0 {
		return nil
	}
	out := make([]Place, len(xs))
	for i, x := range xs {
		out[i] = g.place(x)
	}
	return out
}

// Has reports whether name has any reading.
func (g *Gazetteer) Has(name string) bool { return len(g.readings(name)) > 0 }

// Division returns the division with code ("US.TX").
func (g *Gazetteer) Division(code string) (Place, bool) {
	xs := g.codes.lookup(hash(code))
	if len(xs) == 0 {
		return Place{}, false
	}
	return g.place(xs[0]), true
}

// Len is the number of places indexed.
func (g *Gazetteer) Len() int { return len(g.recs) }

// Fold strips diacritics and apostrophe-like marks so that "Khan Yunis"
// finds GeoNames' "Khān Yūnis" and "Sanaa" finds "Sanaʽa".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\'' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	// Rune by rune: the canonical decomposition of each (NFD without
	// its reordering of marks, which are dropped anyway), so that the
	// common case copies no string. Hangul syllables decompose by rule,
	// not by table: a name with one goes through the whole NFD.
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0xAC00 && r <= 0xD7A3 {
			return foldNFD(s)
		}
		if r < utf8.RuneSelf {
			if r != '\'' {
				b.WriteByte(byte(r))
			}
		} else if d := norm.NFD.PropertiesString(s[i:]).Decomposition(); d != nil {
			for _, r := range string(d) {
				foldRune(&b, r)
			}
		} else {
			foldRune(&b, r)
		}
		i += n
	}
	return b.String()
}

// foldNFD is Fold through the whole string's NFD.
func foldNFD(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		foldRune(&b, r)
	}
	return b.String()
}

// foldRune writes r folded: marks and apostrophes dropped, letters with
// no decomposition spelt plainly.
func foldRune(b *strings.Builder, r rune) {
	if unicode.Is(unicode.Mn, r) || r == 'ʻ' || r == 'ʼ' || r == 'ʽ' || r == '’' || r == '\'' {
		return
	}
	if a, ok := foldLetters[r]; ok {
		b.WriteString(a)
		return
	}
	b.WriteRune(r)
}

// foldLetters are the letters with no decomposition into a base letter
// and a mark, written in English with plain ones: "Lodz" for "Łódź",
// "Diyarbakir" for "Diyarbakır", "Tromso" for "Tromsø".
var foldLetters = map[rune]string{
	'ı': "i", 'ł': "l", 'Ł': "L", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D", 'ß': "ss",
	'æ': "ae", 'Æ': "Ae", 'œ': "oe", 'Œ': "Oe", 'þ': "th", 'Þ': "Th", 'ð': "d", 'ħ': "h", 'Ħ': "H",
}

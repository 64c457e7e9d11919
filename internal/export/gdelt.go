package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// GDELTColumns names the 61 columns of a GDELT 2.0 Event table row, in
// GDELT's order. Files have no header line (GDELT's have none either);
// this list is the header for tools that want one.
//
// What sitrep puts in them:
//
//   - GlobalEventID: a stable 63-bit hash of the event key (article id
//     ":" event id), so re-exports give the same ids.
//   - Day (YYYYMMDD), MonthYear (YYYYMM), Year, FractionDate (Year +
//     ((month-1)*30+day)/365, GDELT's formula): the event day; empty when
//     the event date is unknown.
//   - Actor1Code: the CAMEO-style actor code as stored ("RUSGOV").
//     Actor1Name: the entity name, upper-cased as in GDELT.
//     Actor1CountryCode: the code's first three letters when they are an
//     ISO 3166 alpha-3 country. Actor1Type1..3Code: the sector codes that
//     follow (GOV, MIL, REB, IGO...). Actor1KnownGroupCode: the first
//     other three-letter part ("UNO" of "IGOUNO"), past a region
//     ("NAT" of NATO's "IGOWSTNAT"; a bare region is its own group). Actor1Religion1/2Code:
//     religion parts (MOS, CHR...). Actor1EthnicCode: always empty.
//     Actor2*: the same for the target; empty for events without one.
//   - IsRootEvent: 1 for events of the article's first sentence (GDELT:
//     of the lead paragraph).
//   - EventCode, EventBaseCode (3 digits), EventRootCode (2 digits):
//     the CAMEO code and its prefixes. QuadClass, GoldsteinScale: ours.
//   - NumMentions, NumSources, NumArticles: from the event's cluster (one
//     real-world event): its reports, distinct publishers (URL hosts) and
//     articles. AvgTone: 0 (sitrep measures no tone).
//   - Actor1Geo_*, Actor2Geo_*: Type 1 (country) with the FIPS code and
//     English name of the actor code's country; empty (Type 0) for actors
//     without one. sitrep places events, not actors, inside a country.
//   - ActionGeo_*: the event location. Type is 1 (country: no coordinates,
//     or the country's own centroid), 2 (US state), 3 (US place), 4
//     (world place) or 5 (world state or province). CountryCode is the
//     FIPS 10-4 code GDELT uses (see FIPS); the ISO code is in the extra
//     column ActionGeo_CountryISO. ADM1Code is the FIPS country code and
//     the first-level division's code where GeoNames uses FIPS codes for
//     that country's divisions (most; see ADM1), else empty. ADM2Code and
//     FeatureID are empty.
//   - DATEADDED: when the article was stored, YYYYMMDDHHMMSS UTC.
//   - SOURCEURL: the article URL, else its source when that is a URL,
//     else the article id.
//
// An undated event has empty Day, MonthYear, Year and FractionDate.
// Format GDELTExt adds sitrep's own columns after GDELT's 61
// (GDELTExtraColumns): ActionGeo_CountryISO, DatePrecision (day, month,
// year, range, or none for an undated event), Fatalities, and the
// event's first-level division as sitrep stores it, ActionGeo_Region
// (GeoNames code such as US.TX) and ActionGeo_RegionName; format GDELT
// writes GDELT's 61 alone, for tools that expect exactly those.
//
// Text fields never contain tabs, newlines or double quotes (they become
// spaces and single quotes), so every row is one line of exactly 61
// (GDELTExt: 66) tab-separated fields.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELTExtraColumns names the columns sitrep adds after GDELT's 61.
var GDELTExtraColumns = []string{"ActionGeo_CountryISO", "DatePrecision", "Fatalities", "ActionGeo_Region", "ActionGeo_RegionName"}

// CAMEO actor type (sector) codes.
var cameoTypes = setOf("COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED MOD RAD REF IGO NGO MNC NGM IMG PTY SET UIS")

// CAMEO region codes, which the Phoenix dictionaries put before a
// regional body's own code (NATO IGOWSTNAT, the African Union IGOAFRAFU).
var cameoRegions = setOf("AFR ASA BLK CAF CAS CAU CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF WST")

// CAMEO religion codes.
var cameoReligions = setOf("ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS MRN NRM PAG PRO SFI SHI SHN SIK SUN TAO UDX ZRO")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isCountry reports whether c is an ISO 3166 alpha-3 country code.
func isCountry(c string) bool {
	if len(c) != 3 || strings.ToUpper(c) != c {
		return false
	}
	r, err := language.ParseRegion(c)
	return err == nil && r.IsCountry() && r.ISO3() == c
}

// actorParts splits a CAMEO-style actor code into GDELT's columns.
type actorParts struct {
	country, group, rel1, rel2 string
	types                      [3]string
}

func splitActor(code string) actorParts {
	var p actorParts
	rest := code
	if len(rest) >= 3 && isCountry(rest[:3]) {
		p.country, rest = rest[:3], rest[3:]
	}
	nt := 0
	for len(rest) >= 3 {
		part := rest[:3]
		rest = rest[3:]
		switch {
		case cameoTypes[part]:
			if nt < len(p.types) {
				p.types[nt] = part
				nt++
			}
		case cameoReligions[part]:
			if p.rel1 == "" {
				p.rel1 = part
			} else if p.rel2 == "" {
				p.rel2 = part
			}
		case (p.group == "" || cameoRegions[p.group]) && !isCountry(part):
			// A region names the group only when no body follows it:
			// "IGOWSTNAT" is NATO (NAT), a bare "EUR" is Europe.
			p.group = part
		}
	}
	return p
}

// GlobalEventID is the GDELT event id sitrep assigns to an event key: the
// first 63 bits of its SHA-256, stable across exports and machines.
func GlobalEventID(key string) uint64 {
	h := sha256.Sum256([]byte(key))
	return binary.BigEndian.Uint64(h[:8]) >> 1
}

// tsvText makes s safe for an unquoted TSV field.
func tsvText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == '"' || s[i] == 0x7f {
			clean = false
			break
		}
	}
	if clean && !strings.ContainsAny(s, "\u2028\u2029\u0085") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case r < 0x20, r == 0x7f, r == '\u2028', r == '\u2029', r == '\u0085':
			return ' '
		}
		return r
	}, s)
}

type gdeltWriter struct {
	w      *bufio.Writer
	first  bool
	counts *clusterCounts
	extra  bool // write GDELTExtraColumns (format GDELTExt)
}

func (g *gdeltWriter) field(s string) {
	if g.first {
		g.first = false
	} else {
		g.w.WriteByte('\t')
	}
	g.w.WriteString(s)
}

// actorGeo fills an Actor*Geo_ block at country level (type 1) from the
// actor code's country: sitrep knows an actor's country, not where in it
// the text placed the actor.
func (g *gdeltWriter) actorGeo(a *model.Actor) {
	if a == nil {
		g.noGeo()
		return
	}
	c := splitActor(a.Code).country
	fips := FIPS(c, nil)
	if fips == "" {
		g.noGeo()
		return
	}
	g.field("1")
	g.field(tsvText(countryName(c)))
	g.field(fips)
	for range 5 {
		g.field("")
	}
}

// countryName is the English name of an ISO alpha-3 country code.
func countryName(iso3 string) string {
	r, err := language.ParseRegion(iso3)
	if err != nil {
		return ""
	}
	return display.English.Regions().Name(r)
}

func (g *gdeltWriter) actor(a *model.Actor, name string) {
	if a == nil {
		for range 10 {
			g.field("")
		}
		return
	}
	code := tsvText(a.Code) // its parts are written too: split what is safe
	p := splitActor(code)
	g.field(code)
	g.field(tsvText(strings.ToUpper(name)))
	g.field(p.country)
	g.field(p.group)
	g.field("") // ethnic
	g.field(p.rel1)
	g.field(p.rel2)
	g.field(p.types[0])
	g.field(p.types[1])
	g.field(p.types[2])
}

func (g *gdeltWriter) noGeo() {
	g.field("0")
	for range 7 {
		g.field("")
	}
}

// geo writes the eight ActionGeo columns; region and prec are the
// event's stored division and location precision.
func (g *gdeltWriter) geo(l *model.Location, region, prec string) {
	if l == nil {
		g.noGeo()
		return
	}
	country := model.Deref(l.Country)
	typ := "0"
	switch {
	case l.Lat != nil && l.Lon != nil && country != "" && strings.EqualFold(l.Name, countryName(country)):
		typ = "1" // a country's centroid, not a place in it
	case l.Lat != nil && l.Lon != nil && country == "USA" && prec == "division":
		typ = "2"
	case l.Lat != nil && l.Lon != nil && country == "USA":
		typ = "3"
	case l.Lat != nil && l.Lon != nil && prec == "division":
		typ = "5"
	case l.Lat != nil && l.Lon != nil:
		typ = "4"
	case country != "":
		typ = "1"
	}
	g.field(typ)
	g.field(tsvText(l.Name))
	g.field(FIPS(country, l.Lon))
	g.field(tsvText(ADM1(region, country, l.Lon)))
	g.field("")
	g.field(optFloat(l.Lat))
	g.field(optFloat(l.Lon))
	g.field("")
}

func (g *gdeltWriter) row(r *store.EventRecord) error {
	n, err := g.counts.of(r)
	if err != nil {
		return err
	}
	g.first = true
	g.field(strconv.FormatUint(GlobalEventID(r.Key), 10))
	if t, err := time.Parse("2006-01-02", r.Day); err == nil {
		g.field(t.Format("20060102"))
		g.field(t.Format("200601"))
		g.field(t.Format("2006"))
		frac := float64(t.Year()) + float64((int(t.Month())-1)*30+t.Day())/365
		g.field(strconv.FormatFloat(frac, 'f', 4, 64))
	} else {
		for range 4 {
			g.field("") // undated: DatePrecision says "none"
		}
	}
	g.actor(&r.Source, r.SourceName)
	g.actor(r.Target, r.TargetName)
	if r.Sentence == 0 {
		g.field("1")
	} else {
		g.field("0")
	}
	cameo := tsvText(r.Cameo)
	g.field(cameo)
	g.field(cameo[:min(3, len(cameo))])
	g.field(cameo[:min(2, len(cameo))])
	g.field(strconv.Itoa(r.QuadClass))
	g.field(ftoa(r.Goldstein))
	g.field(strconv.Itoa(n.mentions))
	g.field(strconv.Itoa(n.sources))
	g.field(strconv.Itoa(n.articles))
	g.field("0")
	g.actorGeo(&r.Source)
	g.actorGeo(r.Target)
	g.geo(r.Location, r.Region, r.LocationPrecision)
	if r.IngestedAt.IsZero() {
		g.field("")
	} else {
		g.field(r.IngestedAt.UTC().Format("20060102150405"))
	}
	g.field(tsvText(sourceURL(r)))
	if !g.extra {
		return g.w.WriteByte('\n')
	}
	// sitrep's columns after GDELT's 61 (GDELTExtraColumns).
	country := ""
	if r.Location != nil {
		country = model.Deref(r.Location.Country)
	}
	g.field(tsvText(country))
	g.field(r.DatePrecision)
	g.field(strconv.Itoa(r.Fatalities))
	g.field(tsvText(r.Region))
	g.field(tsvText(r.RegionName))
	return g.w.WriteByte('\n')
}

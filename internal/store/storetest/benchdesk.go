package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// DeskEvents gives events of BulkEvents what the analyst's desk reads
// beyond actors, codes and days, in shares like those of real news: a
// place for four events in five (in the source's country, else the
// target's; a country-level guess for a third of them, a city with its
// first-level division otherwise), fatalities for a third of the
// material-conflict events, and dates that are not a day — 4% undated,
// 4% a month, 1.5% a year, 0.5% a range ("since ...", half of them with
// a known end). It draws from its own stream (seed), so BulkEvents'
// events stay what they were, and returns the facts a stored article
// would give each event (for BulkInsertEventFacts).
func DeskEvents(evs []model.Event, seed uint64) []store.EventFacts {
	r := rand.New(rand.NewPCG(seed, 2))
	facts := make([]store.EventFacts, len(evs))
	for i := range evs {
		e := &evs[i]
		day := model.Deref(e.Date.Value)
		switch k := r.IntN(1000); {
		case k < 40:
			e.Date = model.EventDate{}
		case k < 80:
			e.Date = model.EventDate{Value: model.Str(day[:7]), Precision: model.Str(model.PrecisionMonth)}
		case k < 95:
			e.Date = model.EventDate{Value: model.Str(day[:4]), Precision: model.Str(model.PrecisionYear)}
		case k < 100:
			e.Date = model.EventDate{Value: model.Str(day[:4]), Precision: model.Str(model.PrecisionRange),
				From: model.Str(day[:4])}
			if k%2 == 0 {
				t, _ := time.Parse("2006-01-02", day)
				e.Date.To = model.Str(t.AddDate(0, 1+r.IntN(24), 0).Format("2006-01"))
			}
		}
		if r.IntN(5) == 0 {
			continue
		}
		iso3 := placeCountry(e, r)
		lat, lon := benchPoint(iso3)
		lat += r.Float64()*4 - 2
		lon += r.Float64()*4 - 2
		e.Location = &model.Location{Name: "place in " + iso3, Lat: model.Float(lat), Lon: model.Float(lon),
			Country: model.Str(iso3), Basis: "clause"}
		f := &facts[i]
		if r.IntN(3) == 0 {
			f.LocationPrecision = "country"
		} else {
			f.LocationPrecision = "city"
			if reg, err := language.ParseRegion(iso3); err == nil {
				n := 1 + r.IntN(12)
				f.Region = fmt.Sprintf("%s.%02d", reg.String(), n)
				f.RegionName = fmt.Sprintf("Province %d of %s", n, iso3)
			}
		}
		if e.QuadClass == 4 && r.IntN(3) == 0 {
			f.Fatalities = 1 + r.IntN(20)
		}
	}
	return facts
}

// placeCountry is the ISO alpha-3 country of an event's synthetic place:
// the source's country, else the target's, else one of the stream's.
func placeCountry(e *model.Event, r *rand.Rand) string {
	codes := []string{e.Source.Code}
	if e.Target != nil {
		codes = append(codes, e.Target.Code)
	}
	for _, c := range codes {
		if len(c) >= 3 && !strings.HasPrefix(c, "IGO") {
			return c[:3]
		}
	}
	c := benchCountries[r.IntN(len(benchCountries))]
	if strings.HasPrefix(c, "IGO") {
		return "CHE"
	}
	return c
}

// benchPoint is a stable point per country, spread over the globe.
func benchPoint(iso3 string) (lat, lon float64) {
	h := fingerprint(iso3)
	return float64(h%120) - 60, float64(h/120%340) - 170
}

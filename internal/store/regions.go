package store

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"golang.org/x/text/language"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/gazetteer"
	"github.com/sitrep-project/sitrep/internal/model"
)

// Regions finds the first-level division (state, province) of event
// locations from the embedded gazetteer, built on the first lookup so
// that stores which never place an event never pay for it. The zero
// value is ready to use; a Regions is safe for concurrent use.
type Regions struct{}

// embeddedRegions is the gazetteer every Regions reads, built once per
// process (not per store: a command that opens several stores, such as
// sitrep bench with a fresh database per round, built it again for
// each: 30% of the CPU profile of bench --store on Wikinews text).
var embeddedRegions = sync.OnceValues(func() (*gazetteer.Gazetteer, error) {
	return loadGazetteer(sitrep.Lexicon, sitrep.Cities)
})

// Of returns the division code ("US.TX": ISO alpha-2 country, GeoNames
// first-level code) and name of an event's location, or "" when the
// place is a country-level guess, has no point or lies in no known
// division. place is the location's entity (its precision and name).
func (r *Regions) Of(l *model.Location, place *model.Entity) (code, name string) {
	prec := LocationPrecision(l, place)
	if prec == "" || prec == gazetteer.PrecisionCountry || l.Lon == nil {
		return "", ""
	}
	reg, err := language.ParseRegion(model.Deref(l.Country))
	if err != nil || !reg.IsCountry() {
		return "", ""
	}
	g, err := embeddedRegions()
	if err != nil {
		return "", ""
	}
	p, ok := g.Admin1Of(place.Name, reg.String(), *l.Lat, *l.Lon)
	if !ok {
		return "", ""
	}
	return p.Code, p.Name
}

// loadGazetteer builds the gazetteer of the embedded cities and
// divisions (alternate names are not needed: entity names are already
// resolved, and a miss falls back to the nearest division point).
func loadGazetteer(lex fs.FS, cityData []byte) (*gazetteer.Gazetteer, error) {
	const path = "lexicon/entities/divisions.tsv"
	b, err := fs.ReadFile(lex, path)
	if err != nil {
		return nil, fmt.Errorf("regions: %w", err)
	}
	var divs []gazetteer.Division
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		d, err := gazetteer.ParseDivision(strings.Split(line, "\t"))
		if err != nil {
			return nil, fmt.Errorf("regions: %s:%d: %w", path, n, err)
		}
		divs = append(divs, d)
	}
	cities, err := gazetteer.DecodeCities(cityData)
	if err != nil {
		return nil, fmt.Errorf("regions: cities: %w", err)
	}
	return gazetteer.Build(cities, divs, nil)
}

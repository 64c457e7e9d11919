package gazetteer

// recordKM is how far a resolved point may lie from a gazetteer reading
// of its name and still be that reading (sources round coordinates and
// divisions carry a representative point).
const recordKM = 30

// Admin1Of returns the first-level division (state, province) a resolved
// place lies in. The place's own gazetteer record decides when name has
// a reading in country cc within recordKM of lat/lon: a city's division,
// a second-level division's parent, a first-level division itself.
// Otherwise the first-level division of cc whose point is nearest wins,
// which is a guess callers should only make for places finer than a
// country (a country's representative point has no division).
func (g *Gazetteer) Admin1Of(name, cc string, lat, lon float64) (Place, bool) {
	best, bestKM := int32(-1), recordKM+0.0
	for _, x := range g.readings(name) {
		p := g.place(x)
		if p.CC != cc || !p.HasLL {
			continue
		}
		if d := KM(lat, lon, p.Lat, p.Lon); d <= bestKM {
			best, bestKM = x, d
		}
	}
	if best >= 0 {
		p := g.place(best)
		if p.Kind == KindAdmin1 {
			return p, true
		}
		if d, ok := g.Division(p.CC + "." + p.Admin1); ok && p.Admin1 != "" {
			return d, true
		}
	}
	return g.nearestAdmin1(cc, lat, lon)
}

// nearestAdmin1 scans the first-level divisions of cc (a few thousand
// records among the cities; called only when a place has no record).
func (g *Gazetteer) nearestAdmin1(cc string, lat, lon float64) (Place, bool) {
	best, bestKM := int32(-1), 0.0
	for i := range g.recs {
		r := &g.recs[i]
		if r.kind != KindAdmin1 || !r.hasLL || g.atomString(r.cc) != cc {
			continue
		}
		if d := KM(lat, lon, float64(r.lat)/1e5, float64(r.lon)/1e5); best < 0 || d < bestKM {
			best, bestKM = int32(i), d
		}
	}
	if best < 0 {
		return Place{}, false
	}
	return g.place(best), true
}

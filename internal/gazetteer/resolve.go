package gazetteer

import "math"

// Context is what an article has said so far that helps choose between
// readings of a name. The zero value is an empty context.
type Context struct {
	// QualCC and QualAdmin1 are an explicit qualifier of this mention:
	// "Paris, Texas" gives QualCC "US", QualAdmin1 "TX"; "Perth,
	// Scotland" QualCC "GB", QualAdmin1 "SCT".
	QualCC, QualAdmin1 string
	// Countries counts the article's mentions of each country (alpha-2),
	// its places included.
	Countries map[string]int
	// Admin1 counts the article's mentions of each first-level division
	// ("US.TX"), its cities included.
	Admin1 map[string]int
	// Points are the places the article has resolved so far.
	Points []Point
	// PreferCity favours populated places over divisions: a dateline
	// ("NEW YORK 1996-08-22") names the city a report was filed from.
	PreferCity bool
	// ArticleCountries and ArticleAdmin1 count the countries and
	// first-level divisions the whole article names, later sentences
	// included ("a caravan park in Cornwall ... in England"): weaker
	// support than what has been read so far.
	ArticleCountries, ArticleAdmin1 map[string]int
	// ArticleNames are the names counted in ArticleAdmin1 and how often:
	// a name is no support for itself ("Magdalena" in Peru is no
	// department of Colombia because the article says "Magdalena").
	ArticleNames map[string]NameCount
	// ListKind and ListCC describe the places this name is listed with
	// ("Ohio, Washington and Wyoming"; "Manitoba, Ontario and New
	// Brunswick"): a list names places of one kind in one country.
	ListKind Kind
	ListCC   string
}

// NameCount is how often a name of a first-level division ("CO.38")
// occurs in an article.
type NameCount struct {
	Code string
	N    int
}

// Point is a resolved place's coordinates.
type Point struct{ Lat, Lon float64 }

// Resolution is the reading Resolve chose, why, and how much better it
// scored than the runner-up (0 when it was the only reading).
type Resolution struct {
	Place
	Basis  string
	Margin float64
	Score  float64
}

// nearKM is the distance within which another place of the article
// supports a reading.
const nearKM = 250

// Resolve chooses the reading of name that fits ctx best. Scores add:
// the prior (population, kind), a qualifier (decisive), the article's
// countries and divisions, and nearby places. ok is false when name has
// no reading.
func (g *Gazetteer) Resolve(name string, ctx *Context) (Resolution, bool) {
	ps := g.Lookup(name)
	if ctx != nil && ctx.QualAdmin1 != "" && !inCountry(ps, ctx.QualCC) {
		// "Bradford, Ontario" where GeoNames has "Bradford West
		// Gwillimbury": the town of the division whose name starts so
		if p, ok := g.cityPrefixed(name, ctx.QualCC, ctx.QualAdmin1); ok {
			return Resolution{Place: p, Basis: BasisQualifier, Score: prior(p)}, true
		}
		if len(ps) > 0 {
			// a town the gazetteer lacks: a place in that division with
			// no point, rather than its namesake in another country
			return Resolution{Place: Place{Name: name, CC: ctx.QualCC, Admin1: ctx.QualAdmin1, Kind: KindCity}, Basis: BasisQualifier}, true
		}
	}
	if len(ps) == 0 {
		return Resolution{}, false
	}
	if len(ps) == 1 {
		p := ps[0]
		b := BasisOnly
		if ctx != nil && ctx.QualCC != "" && ctx.QualCC == p.CC && !(p.Kind == KindAdmin1 && ctx.QualAdmin1 != "") {
			b = BasisQualifier
		}
		return Resolution{Place: p, Basis: b, Score: prior(p)}, true
	}
	var self NameCount
	if ctx != nil {
		self = ctx.ArticleNames[name]
	}
	best, second := -1, math.Inf(-1)
	bestScore, bestBasis := math.Inf(-1), BasisPopulation
	for i := range ps {
		if i >= 400 { // readings are sorted by prior: the tail is hamlets
			break
		}
		s, basis := prior(ps[i]), BasisPopulation
		if ctx != nil {
			c, b := ctx.score(ps[i], self)
			s += c
			if b != "" {
				basis = b
			}
		}
		if s > bestScore {
			best, second, bestScore, bestBasis = i, bestScore, s, basis
		} else if s > second {
			second = s
		}
	}
	// a district named after its town ("Kaohsiung", "Ballina") is the
	// town in the news: its point is where things happen
	if ps[best].Kind == KindAdmin2 {
		for i, p := range ps {
			if p.Kind == KindCity && p.CC == ps[best].CC && p.Admin1 == ps[best].Admin1 {
				best = i
				break
			}
		}
	}
	r := Resolution{Place: ps[best], Basis: bestBasis, Score: bestScore}
	if !math.IsInf(second, -1) {
		r.Margin = bestScore - second
	}
	return r, true
}

// score is the context's support for p and the basis it gives.
func (c *Context) score(p Place, self NameCount) (float64, string) {
	cc, a1 := c.ArticleCountries[p.CC], c.ArticleAdmin1[p.CC+"."+p.Admin1]
	if self.N > 0 && self.Code[:2] == p.CC {
		cc -= self.N
		if self.Code == p.CC+"."+p.Admin1 {
			a1 -= self.N
		}
	}
	s, basis := 0.0, ""
	if c.PreferCity && p.Kind == KindCity {
		s += 6
	}
	if c.QualCC != "" && !(p.Kind == KindAdmin1 && c.QualAdmin1 != "") {
		// (a state "qualified" by a state is a list: "Texas, Ohio")
		switch {
		case p.CC != c.QualCC:
			s -= 20
		case c.QualAdmin1 != "" && p.Admin1 == c.QualAdmin1:
			s += 20
			basis = BasisQualifier
		case c.QualAdmin1 != "":
			s -= 10
		default:
			s += 12
			basis = BasisQualifier
		}
		if basis == "" {
			return s, ""
		}
	}
	if c.ListKind != 0 && c.ListKind == p.Kind && c.ListCC == p.CC {
		s += 6
		if basis == "" {
			basis = BasisContext
		}
	}
	if n := c.Countries[p.CC]; n > 0 {
		s += 2.5 + math.Min(float64(n), 4)*0.5
		if basis == "" {
			basis = BasisContext
		}
	} else if cc > 0 {
		s += 2
		if basis == "" {
			basis = BasisContext
		}
	}
	if p.Admin1 != "" && p.Kind != KindAdmin1 {
		if n := c.Admin1[p.CC+"."+p.Admin1]; n > 0 {
			s += 3
			if basis == "" {
				basis = BasisContext
			}
		} else if a1 > 0 {
			s += 2
			if basis == "" {
				basis = BasisContext
			}
		}
	}
	if p.HasLL {
		for _, q := range c.Points {
			if KM(p.Lat, p.Lon, q.Lat, q.Lon) < nearKM {
				s += 2
				if basis == "" {
					basis = BasisContext
				}
				break
			}
		}
	}
	return s, basis
}

// KM is the great-circle distance in kilometres.
func KM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// inCountry reports whether a reading lies in country cc.
func inCountry(ps []Place, cc string) bool {
	for _, p := range ps {
		if p.CC == cc {
			return true
		}
	}
	return false
}

// cityPrefixed finds the most populous city of division cc.a1 whose
// name is name followed by more words. It scans the records: callers
// use it only when an explicit qualifier has no reading of name.
func (g *Gazetteer) cityPrefixed(name, cc, a1 string) (Place, bool) {
	if len(name) < 3 {
		return Place{}, false
	}
	best, bp := int32(-1), int64(-1)
	for i := range g.recs {
		r := &g.recs[i]
		if r.kind != KindCity || int(r.nameN) <= len(name) || int64(r.pop) <= bp {
			continue
		}
		n := g.recName(r)
		if n[len(name)] != ' ' || n[:len(name)] != name || g.atomString(r.cc) != cc || g.atomString(r.admin1) != a1 {
			continue
		}
		best, bp = int32(i), int64(r.pop)
	}
	if best < 0 {
		return Place{}, false
	}
	return g.place(best), true
}

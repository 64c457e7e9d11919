package sqlbase

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"sort"

	"github.com/sitrep-project/sitrep/internal/store"
)

// CountryCounts counts the events matching f per location country:
// from the sums by country (country_total, country_actor, country_dyad,
// country_root, country_pair, country_code) with no filter or an actor,
// dyad and code filter alone (countrySummed), from country_day with a
// date range alone, from the sums by month and the events of the
// months a range covers in part with a date range and a country-level
// filter (countryCountsByMonth), else from the events.
func (b *Base) CountryCounts(ctx context.Context, f store.EventFilter) ([]store.CountryCount, error) {
	if f.Since != "" || f.Until != "" {
		if out, ok, err := b.countryCountsByMonth(ctx, f); err != nil || ok {
			return out, err
		}
	}
	query, w := b.countryCountsQuery(f)
	m, err := b.countryCountsRun(ctx, query, w, nil)
	if err != nil {
		return nil, err
	}
	return rankCountries(m), nil
}

// countryCountsQuery phrases f's choropleth over one table, a row per
// country in no order (rankCountries orders them).
func (b *Base) countryCountsQuery(f store.EventFilter) (string, *where) {
	w := &where{d: &b.D}
	dates := f
	dates.Since, dates.Until, dates.Limit, dates.Cursor, dates.Newest = "", "", 0, "", false
	sw := &where{d: &b.D}
	summed, ok := countrySummed(f, sw)
	switch {
	case ok:
		return summed, sw
	case !reflect.DeepEqual(dates, store.EventFilter{}):
		b.eventWhere(f, w)
		w.add("e.country <> ''")
		return `SELECT e.country, COUNT(*), CAST(COALESCE(SUM(e.fatalities), 0) AS BIGINT) FROM events e` +
			w.sql() + ` GROUP BY e.country`, w
	case f.Since == "" && f.Until == "":
		return `SELECT country, n, fatalities FROM country_total WHERE n > 0`, w
	}
	// The conditions of eventWhere on the day: an undated event (day '')
	// is before any Since and after any Until.
	if f.Since != "" {
		w.add("day >= " + w.arg(store.DayOf(f.Since)))
	}
	if f.Until != "" {
		w.add("day <> '' AND day <= " + w.arg(untilDay(f.Until)))
	}
	return `SELECT country, CAST(SUM(n) AS BIGINT), CAST(SUM(fatalities) AS BIGINT) FROM country_day` + w.sql() +
		` GROUP BY country`, w
}

// countryCountsRun adds the counts query reports to m (a new map when
// nil) and returns it.
func (b *Base) countryCountsRun(ctx context.Context, query string, w *where, m map[string]store.CountryCount) (map[string]store.CountryCount, error) {
	if m == nil {
		m = map[string]store.CountryCount{}
	}
	rows, err := b.DB.Query(ctx, query, w.args...)
	if err != nil {
		return nil, fmt.Errorf("country counts: %w", err)
	}
	err = scanAll(rows, func(r Rows) error {
		var c store.CountryCount
		if err := r.Scan(&c.Country, &c.Events, &c.Fatalities); err != nil {
			return err
		}
		s := m[c.Country]
		s.Country, s.Events, s.Fatalities = c.Country, s.Events+c.Events, s.Fatalities+c.Fatalities
		m[c.Country] = s
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("country counts: %w", err)
	}
	return m, nil
}

// rankCountries lists the countries with events, most first.
func rankCountries(m map[string]store.CountryCount) []store.CountryCount {
	out := make([]store.CountryCount, 0, len(m))
	for _, c := range m {
		if c.Events > 0 {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Country < out[j].Country
	})
	return out
}

// countryCountsByMonth answers a choropleth with a date range and a
// filter the country-level sums answer: the whole months of the range
// from the sums by month, the days of a month it covers in part from
// the events. ok is false when it does not apply (no such filter, or a
// range within about a month).
func (b *Base) countryCountsByMonth(ctx context.Context, f store.EventFilter) (out []store.CountryCount, ok bool, err error) {
	undated := f
	undated.Since, undated.Until = "", ""
	rest := undated
	rest.Limit, rest.Cursor, rest.Newest = 0, "", false
	if isZeroFilter(rest) {
		return nil, false, nil // country_day
	}
	var lo, hi string
	var edges [][2]string
	if f.Since != "" {
		s := store.DayOf(f.Since)
		if len(s) != 10 {
			return nil, false, nil
		}
		if lo = s[:7]; s[8:] != "01" {
			next := store.NextBucket(s[:7]+"-01", "month")
			if next == "" {
				return nil, false, nil // no month after December 9999
			}
			lo = next[:7]
			edges = append(edges, [2]string{s, untilDay(s[:7])})
		}
	}
	if f.Until != "" {
		u := untilDay(f.Until)
		if len(u) != 10 {
			return nil, false, nil
		}
		if hi = u[:7]; u != untilDay(u[:7]) {
			prev := store.AddDays(u[:7]+"-01", -1)
			if len(prev) != 10 {
				return nil, false, nil // no month before January 0000
			}
			hi = prev[:7]
			edges = append(edges, [2]string{u[:7] + "-01", u})
		}
	}
	if lo != "" && hi != "" && lo > hi {
		return nil, false, nil
	}
	w := &where{d: &b.D}
	query, ok := countryCCSummed(undated, w, "_month", lo, hi)
	if !ok {
		return nil, false, nil
	}
	m, err := b.countryCountsRun(ctx, query, w, nil)
	if err != nil {
		return nil, false, err
	}
	for _, e := range edges {
		g := f
		g.Since, g.Until = e[0], e[1]
		q, w := b.countryCountsQuery(g)
		if m, err = b.countryCountsRun(ctx, q, w, m); err != nil {
			return nil, false, err
		}
	}
	return rankCountries(m), true, nil
}

// DyadCounts sums the events matching f per (source, target) code pair.
// A start date reads index events_day from that day on, which carries
// both codes and the Goldstein score, and sums the pairs here: a recent
// window has almost as many pairs as events (12,000 in 20,000 at ten
// million events), so grouping in SQL would sort every event to save
// little, and that sort was half the query.
func (b *Base) DyadCounts(ctx context.Context, f store.EventFilter) ([]store.DyadCount, error) {
	w := &where{d: &b.D}
	b.eventWhere(f, w)
	w.add("e.source_code <> '' AND e.target_code <> ''")
	if f.Since != "" {
		return b.dyadCountsHere(ctx, w)
	}
	rows, err := b.DB.Query(ctx, `SELECT e.source_code, e.target_code, COUNT(*), SUM(e.goldstein) FROM events e`+
		w.sql()+` GROUP BY e.source_code, e.target_code`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("dyad counts: %w", err)
	}
	out := []store.DyadCount{}
	err = scanAll(rows, func(r Rows) error {
		var c store.DyadCount
		if err := r.Scan(&c.Source, &c.Target, &c.Events, &c.Goldstein); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dyad counts: %w", err)
	}
	return out, nil
}

// dyadCountsHere sums the events of w, read in day order through
// events_day, per code pair, in pair order as GROUP BY returns them.
func (b *Base) dyadCountsHere(ctx context.Context, w *where) ([]store.DyadCount, error) {
	rows, err := b.DB.Query(ctx, `SELECT e.source_code, e.target_code, e.goldstein FROM events e `+b.D.DayOrder+
		w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("dyad counts: %w", err)
	}
	// Sized for a window of NetworkScan events (12,000 pairs at ten
	// million): growing a map and its slices that far was a fifth of it.
	const pairsHint = 1 << 13
	idx := make(map[[2]string]int, pairsHint)
	out := make([]store.DyadCount, 0, pairsHint)
	errs := make([]float64, 0, pairsHint) // the compensation of each pair's sum
	var k [2]string
	var g float64
	err = scanAll(rows, func(r Rows) error {
		if err := r.Scan(&k[0], &k[1], &g); err != nil {
			return err
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, store.DyadCount{Source: k[0], Target: k[1]})
			errs = append(errs, 0)
		}
		out[i].Events++
		out[i].Goldstein, errs[i] = neumaierAdd(out[i].Goldstein, errs[i], g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dyad counts: %w", err)
	}
	for i := range out {
		out[i].Goldstein += errs[i]
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Target < out[j].Target
	})
	return out, nil
}

// neumaierAdd adds x to the sum s with compensation c (Kahan–Babuška–
// Neumaier), the summation SQLite's SUM uses for floating-point values:
// the sums are the ones GROUP BY gave (with plain addition a pair's mean
// score, rounded to two decimals for the network, differed now and then).
func neumaierAdd(s, c, x float64) (float64, float64) {
	t := s + x
	if math.Abs(s) > math.Abs(x) {
		c += (s - t) + x
	} else {
		c += (x - t) + s
	}
	return t, c
}

package sqlbase

import (
	"context"
	"fmt"
	"reflect"

	"github.com/sitrep-project/sitrep/internal/store"
)

// CountryCounts counts the events matching f per location country:
// from the sums by country (country_total, country_actor, country_dyad,
// country_root) with no filter or an actor, dyad and root filter alone
// (countrySummed), from country_day with a date range alone, else from
// the events.
func (b *Base) CountryCounts(ctx context.Context, f store.EventFilter) ([]store.CountryCount, error) {
	w := &where{d: &b.D}
	var query string
	dates := f
	dates.Since, dates.Until, dates.Limit, dates.Cursor, dates.Newest = "", "", 0, "", false
	sw := &where{d: &b.D}
	summed, ok := countrySummed(f, sw)
	switch {
	case ok:
		query, w = summed, sw
	case !reflect.DeepEqual(dates, store.EventFilter{}):
		b.eventWhere(f, w)
		w.add("e.country <> ''")
		query = `SELECT e.country, COUNT(*), CAST(COALESCE(SUM(e.fatalities), 0) AS BIGINT) FROM events e` +
			w.sql() + ` GROUP BY e.country ORDER BY COUNT(*) DESC, e.country`
	case f.Since == "" && f.Until == "":
		query = `SELECT country, n, fatalities FROM country_total WHERE n > 0 ORDER BY n DESC, country`
	default:
		// The conditions of eventWhere on the day: an undated event
		// (day '') is before any Since and after any Until.
		if f.Since != "" {
			w.add("day >= " + w.arg(store.DayOf(f.Since)))
		}
		if f.Until != "" {
			w.add("day <> '' AND day <= " + w.arg(untilDay(f.Until)))
		}
		query = `SELECT country, CAST(SUM(n) AS BIGINT), CAST(SUM(fatalities) AS BIGINT) FROM country_day` + w.sql() +
			` GROUP BY country ORDER BY SUM(n) DESC, country`
	}
	rows, err := b.DB.Query(ctx, query, w.args...)
	if err != nil {
		return nil, fmt.Errorf("country counts: %w", err)
	}
	out := []store.CountryCount{}
	err = scanAll(rows, func(r Rows) error {
		var c store.CountryCount
		if err := r.Scan(&c.Country, &c.Events, &c.Fatalities); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("country counts: %w", err)
	}
	return out, nil
}

// DyadCounts sums the events matching f per (source, target) code pair.
// A start date reads index events_day from that day on, which carries
// both codes and the Goldstein score.
func (b *Base) DyadCounts(ctx context.Context, f store.EventFilter) ([]store.DyadCount, error) {
	w := &where{d: &b.D}
	b.eventWhere(f, w)
	w.add("e.source_code <> '' AND e.target_code <> ''")
	hint := ""
	if f.Since != "" {
		// The stretch of days through events_day, not every event
		// through a dyad index that spares the grouping a sort.
		hint = " " + b.D.DayOrder
	}
	rows, err := b.DB.Query(ctx, `SELECT e.source_code, e.target_code, COUNT(*), SUM(e.goldstein) FROM events e`+hint+
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

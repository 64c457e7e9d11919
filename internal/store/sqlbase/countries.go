package sqlbase

import (
	"context"
	"fmt"

	"github.com/sitrep-project/sitrep/internal/store"
)

// CountryCounts counts the events matching f per location country. With
// no filter it reads index events_country alone.
func (b *Base) CountryCounts(ctx context.Context, f store.EventFilter) ([]store.CountryCount, error) {
	w := &where{d: &b.D}
	b.eventWhere(f, w)
	w.add("e.country <> ''")
	rows, err := b.DB.Query(ctx, `SELECT e.country, COUNT(*), CAST(COALESCE(SUM(e.fatalities), 0) AS BIGINT) FROM events e`+
		w.sql()+` GROUP BY e.country ORDER BY COUNT(*) DESC, e.country`, w.args...)
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

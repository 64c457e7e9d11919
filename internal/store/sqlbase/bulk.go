package sqlbase

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// A bulk load (BeginBulkLoad, BulkInsertEventFacts batches, EndBulkLoad)
// stores millions of synthetic events for benchmarks several times
// faster than batches that keep every index and aggregate up to date:
// each batch of events, in date order, lands at the end of tens of
// thousands of (source, target) ranges in each dyad index and aggregate,
// so a batch rewrote most of their leaf pages, and a ten-million-event
// load slowed to a quarter of an hour per half million events. Instead
// the load drops the secondary indexes of events and clusters (their
// definitions kept in bulk_load_indexes, so that an interrupted load is
// finished by the next one), appends the events and their clusters, and
// at the end fills the aggregates from the events, one pass each, by the
// statements the migrations fill them with (refillAggregates), then
// builds each index once by sorting. The result is the database the
// batches would have kept (checked by storetest's TestBulkLoad against
// a load that maintains everything as it goes).

// bulkIndexTables are the tables whose secondary indexes a bulk load
// drops and rebuilds: those every event adds a row to.
const bulkIndexTables = `'events', 'clusters'`

// createBulkLoadIndexes makes the table of the index definitions a bulk
// load dropped, kept until EndBulkLoad builds them.
const createBulkLoadIndexes = `CREATE TABLE IF NOT EXISTS bulk_load_indexes (name TEXT PRIMARY KEY, def TEXT NOT NULL)`

// BeginBulkLoad starts a bulk load: until EndBulkLoad, BulkInsertEventFacts
// leaves the aggregates alone and the events and clusters have no
// secondary index, so queries answer wrongly or slowly. A load that
// was interrupted is resumed (its index definitions are still stored).
func (b *Base) BeginBulkLoad(ctx context.Context) error {
	if b.D.SecondaryIndexes == "" {
		return fmt.Errorf("bulk load: %s store lists no indexes", b.D.Name)
	}
	if err := b.DB.Exec(ctx, createBulkLoadIndexes); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	defs, err := b.secondaryIndexes(ctx)
	if err != nil {
		return err
	}
	for _, d := range defs {
		if err := b.DB.Exec(ctx, `INSERT INTO bulk_load_indexes (name, def) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
			d[0], d[1]); err != nil {
			return fmt.Errorf("bulk load: keep index %s: %w", d[0], err)
		}
		if err := b.DB.Exec(ctx, `DROP INDEX `+d[0]); err != nil {
			return fmt.Errorf("bulk load: drop index %s: %w", d[0], err)
		}
	}
	b.bulk.Store(true)
	return nil
}

// EndBulkLoad ends a bulk load: it fills the aggregates from the stored
// events and builds the indexes BeginBulkLoad dropped. Without a bulk
// load begun (in this process or an interrupted one) it does nothing.
func (b *Base) EndBulkLoad(ctx context.Context) error {
	b.bulk.Store(false)
	// A begun load stored at least one definition.
	if err := b.DB.Exec(ctx, createBulkLoadIndexes); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	var pending int
	if _, err := queryRow(ctx, b.DB, `SELECT COUNT(*) FROM bulk_load_indexes`, nil, &pending); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	if pending == 0 {
		if err := b.DB.Exec(ctx, `DROP TABLE bulk_load_indexes`); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
		return nil
	}
	if err := b.refillAggregates(ctx); err != nil {
		return err
	}
	defs, err := b.textPairs(ctx, `SELECT name, def FROM bulk_load_indexes ORDER BY name`)
	if err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	live, err := b.secondaryIndexes(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, d := range live {
		have[d[0]] = true
	}
	for _, d := range defs {
		if have[d[0]] {
			continue
		}
		if err := b.DB.Exec(ctx, d[1]); err != nil {
			return fmt.Errorf("bulk load: build index %s: %w", d[0], err)
		}
	}
	if err := b.DB.Exec(ctx, `DROP TABLE bulk_load_indexes`); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	return nil
}

// secondaryIndexes lists the name and definition of the indexes of
// bulkIndexTables that no constraint needs.
func (b *Base) secondaryIndexes(ctx context.Context) ([][2]string, error) {
	out, err := b.textPairs(ctx, fmt.Sprintf(b.D.SecondaryIndexes, bulkIndexTables))
	if err != nil {
		return nil, fmt.Errorf("bulk load: list indexes: %w", err)
	}
	return out, nil
}

// textPairs runs query, whose rows are two texts (an index's name and
// definition), and returns its rows.
func (b *Base) textPairs(ctx context.Context, query string) ([][2]string, error) {
	rows, err := b.DB.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	var out [][2]string
	err = scanAll(rows, func(r Rows) error {
		var d [2]string
		if err := r.Scan(&d[0], &d[1]); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// refillStatements empty the aggregates that BulkInsertEventFacts and
// PutArticle keep and fill them from the events: the fills of
// migrations 0015 (dyad_daily, dyad_daily_cc, actor_daily_cc), 0016
// (dyad_day_cc, actor_day_cc, all_day, country_day, country_total), 0020
// (country_dyad, country_actor, country_root), 0022 (dyad_code_cc,
// country_pair, country_code) and 0023 (the country sums by month),
// each table from the events or from a finer table filled before it.
var refillStatements = []string{
	`DELETE FROM dyad_daily`,
	`INSERT INTO dyad_daily (source_code, target_code, prec, day, quad_class, cameo_root, day_to, n, goldstein_sum, fatalities)
	SELECT source_code, target_code, prec, day, quad_class, cameo_root, day_to, COUNT(*), SUM(goldstein), SUM(fatalities)
	FROM events GROUP BY source_code, target_code, prec, day, quad_class, cameo_root, day_to`,
	`DELETE FROM dyad_daily_cc`,
	`INSERT INTO dyad_daily_cc (source_code, target_code, prec, day, quad_class, cameo_root, day_to, n, goldstein_sum, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), prec, day, quad_class, cameo_root, day_to,
		SUM(n), SUM(goldstein_sum), SUM(fatalities)
	FROM dyad_daily GROUP BY substr(source_code, 1, 3), substr(target_code, 1, 3), prec, day, quad_class, cameo_root, day_to`,
	`DELETE FROM dyad_code_cc`,
	`INSERT INTO dyad_code_cc (source_code, target_code, cameo, prec, day, day_to, quad_class, n, goldstein_sum, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), cameo, prec, day, day_to, quad_class,
		COUNT(*), SUM(goldstein), SUM(fatalities)
	FROM events WHERE length(cameo) > length(cameo_root) AND cameo_root <> ''
	GROUP BY substr(source_code, 1, 3), substr(target_code, 1, 3), cameo, prec, day, day_to, quad_class`,
	`DELETE FROM actor_daily_cc`,
	`INSERT INTO actor_daily_cc (actor, cameo_root, prec, day, quad_class, role, day_to, n, goldstein_sum, fatalities)
	SELECT actor, cameo_root, prec, day, quad_class, role, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities) FROM (
		SELECT source_code AS actor, cameo_root, prec, day, quad_class,
			CASE WHEN source_code = target_code THEN 'b' ELSE 's' END AS role, day_to, n, goldstein_sum, fatalities
		FROM dyad_daily_cc
		UNION ALL
		SELECT target_code, cameo_root, prec, day, quad_class, 't', day_to, n, goldstein_sum, fatalities
		FROM dyad_daily_cc WHERE target_code <> '' AND target_code <> source_code
	) x GROUP BY actor, cameo_root, prec, day, quad_class, role, day_to`,
	`DELETE FROM dyad_day_cc`,
	`INSERT INTO dyad_day_cc (source_code, target_code, prec, day, quad_class, day_to, n, goldstein_sum, fatalities)
	SELECT source_code, target_code, prec, day, quad_class, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities)
	FROM dyad_daily_cc GROUP BY source_code, target_code, prec, day, quad_class, day_to`,
	`DELETE FROM actor_day_cc`,
	`INSERT INTO actor_day_cc (actor, role, prec, day, quad_class, day_to, n, goldstein_sum, fatalities)
	SELECT actor, role, prec, day, quad_class, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities) FROM (
		SELECT actor, 'i' AS role, prec, day, quad_class, day_to, n, goldstein_sum, fatalities FROM actor_daily_cc
		UNION ALL
		SELECT actor, 's', prec, day, quad_class, day_to, n, goldstein_sum, fatalities FROM actor_daily_cc WHERE role IN ('s', 'b')
		UNION ALL
		SELECT actor, 't', prec, day, quad_class, day_to, n, goldstein_sum, fatalities FROM actor_daily_cc WHERE role IN ('t', 'b')
	) x GROUP BY actor, role, prec, day, quad_class, day_to`,
	`DELETE FROM all_day`,
	`INSERT INTO all_day (prec, day, quad_class, day_to, n, goldstein_sum, fatalities)
	SELECT prec, day, quad_class, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities)
	FROM dyad_day_cc GROUP BY prec, day, quad_class, day_to`,
	`DELETE FROM country_day`,
	`INSERT INTO country_day (day, country, n, fatalities)
	SELECT day, country, COUNT(*), SUM(fatalities) FROM events WHERE country <> '' GROUP BY day, country`,
	`DELETE FROM country_total`,
	`INSERT INTO country_total (country, n, fatalities)
	SELECT country, SUM(n), SUM(fatalities) FROM country_day GROUP BY country`,
	`DELETE FROM country_dyad`,
	`INSERT INTO country_dyad (source_code, target_code, cameo_root, country, n, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), cameo_root, country, COUNT(*), SUM(fatalities)
	FROM events WHERE country <> '' GROUP BY substr(source_code, 1, 3), substr(target_code, 1, 3), cameo_root, country`,
	`DELETE FROM country_dyad_month`,
	`INSERT INTO country_dyad_month (source_code, target_code, cameo_root, month, country, n, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), cameo_root, substr(day, 1, 7), country,
		COUNT(*), SUM(fatalities)
	FROM events WHERE country <> '' AND day <> ''
	GROUP BY substr(source_code, 1, 3), substr(target_code, 1, 3), cameo_root, substr(day, 1, 7), country`,
	`DELETE FROM country_actor_month`,
	`INSERT INTO country_actor_month (actor, role, cameo_root, month, country, n, fatalities)
	SELECT actor, role, cameo_root, month, country, SUM(n), SUM(fatalities) FROM (
		SELECT source_code AS actor, 'i' AS role, cameo_root, month, country, n, fatalities FROM country_dyad_month
		UNION ALL
		SELECT target_code, 'i', cameo_root, month, country, n, fatalities FROM country_dyad_month
			WHERE target_code <> '' AND target_code <> source_code
		UNION ALL
		SELECT source_code, 's', cameo_root, month, country, n, fatalities FROM country_dyad_month
		UNION ALL
		SELECT target_code, 't', cameo_root, month, country, n, fatalities FROM country_dyad_month WHERE target_code <> ''
	) x GROUP BY actor, role, cameo_root, month, country`,
	`DELETE FROM country_root_month`,
	`INSERT INTO country_root_month (cameo_root, month, country, n, fatalities)
	SELECT cameo_root, month, country, SUM(n), SUM(fatalities) FROM country_dyad_month GROUP BY cameo_root, month, country`,
	`DELETE FROM country_pair`,
	`INSERT INTO country_pair (source_code, target_code, cameo_root, country, n, fatalities)
	SELECT source_code, target_code, cameo_root, country, COUNT(*), SUM(fatalities)
	FROM events WHERE country <> '' GROUP BY source_code, target_code, cameo_root, country`,
	`DELETE FROM country_code`,
	`INSERT INTO country_code (cameo, country, n, fatalities)
	SELECT cameo, country, COUNT(*), SUM(fatalities)
	FROM events WHERE country <> '' AND length(cameo) > length(cameo_root) AND cameo_root <> ''
	GROUP BY cameo, country`,
	`DELETE FROM country_actor`,
	`INSERT INTO country_actor (actor, role, cameo_root, country, n, fatalities)
	SELECT actor, role, cameo_root, country, SUM(n), SUM(fatalities) FROM (
		SELECT source_code AS actor, 'i' AS role, cameo_root, country, n, fatalities FROM country_dyad
		UNION ALL
		SELECT target_code, 'i', cameo_root, country, n, fatalities FROM country_dyad
			WHERE target_code <> '' AND target_code <> source_code
		UNION ALL
		SELECT source_code, 's', cameo_root, country, n, fatalities FROM country_dyad
		UNION ALL
		SELECT target_code, 't', cameo_root, country, n, fatalities FROM country_dyad WHERE target_code <> ''
	) x GROUP BY actor, role, cameo_root, country`,
	`DELETE FROM country_root`,
	`INSERT INTO country_root (cameo_root, country, n, fatalities)
	SELECT cameo_root, country, SUM(n), SUM(fatalities) FROM country_dyad GROUP BY cameo_root, country`,
}

// refillAggregates runs refillStatements in one transaction.
func (b *Base) refillAggregates(ctx context.Context) (err error) {
	tx, err := b.DB.Begin(ctx)
	if err != nil {
		return fmt.Errorf("bulk load: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	for _, q := range refillStatements {
		if err := tx.Exec(ctx, q); err != nil {
			return fmt.Errorf("bulk load: fill aggregates: %w", err)
		}
	}
	return tx.Commit(ctx)
}

// DumpRows runs query, whose rows have cols columns, and returns each
// row as one line of text (floats to six decimals, so that sums added
// up in another order compare equal): for tests that compare what two
// stores hold.
func (b *Base) DumpRows(ctx context.Context, query string, cols int) ([]string, error) {
	rows, err := b.DB.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	vals := make([]any, cols)
	ptrs := make([]any, cols)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var sb strings.Builder
		for i, v := range vals {
			if i > 0 {
				sb.WriteByte('|')
			}
			switch v := v.(type) {
			case float64:
				sb.WriteString(strconv.FormatFloat(v, 'f', 6, 64))
			case []byte:
				sb.Write(v)
			default:
				fmt.Fprint(&sb, v)
			}
		}
		out = append(out, sb.String())
	}
	rows.Close()
	return out, rows.Err()
}

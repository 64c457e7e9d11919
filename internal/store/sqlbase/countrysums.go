package sqlbase

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/store"
)

// countryKey is one row of country_day.
type countryKey struct{ day, country string }

// countryDyadKey is one row of country_dyad: the country-level dyad,
// the CAMEO root and the location country; of country_dyad_month with
// the month of the event's day too.
type countryDyadKey struct{ source, target, root, month, country string }

// countryActorKey is one row of country_actor: a country-level actor,
// its view ('i', 's' or 't', see actor_day_cc), the root and the
// location country (and the month, for country_actor_month).
type countryActorKey struct{ actor, role, root, month, country string }

// countryRootKey is one row of country_root (and country_root_month);
// also of country_code, with the full CAMEO code as root.
type countryRootKey struct{ root, month, country string }

type countryVal struct{ n, fatalities int64 }

// addCount adds v to m[k].
func addCount[K comparable](m map[K]countryVal, k K, v countryVal) {
	s := m[k]
	m[k] = countryVal{s.n + v.n, s.fatalities + v.fatalities}
}

// countrySums gathers what a transaction adds to the choropleth's sums.
// pair holds the full codes of the dyad (country_pair) and code the
// full CAMEO codes finer than a root (country_code).
// month holds the dated events by country-level dyad, root and month
// (country_dyad_month).
type countrySums struct {
	day   map[countryKey]countryVal
	dyad  map[countryDyadKey]countryVal
	month map[countryDyadKey]countryVal
	pair  map[countryDyadKey]countryVal
	code  map[countryRootKey]countryVal
}

func newCountrySums() *countrySums {
	return &countrySums{day: map[countryKey]countryVal{}, dyad: map[countryDyadKey]countryVal{},
		month: map[countryDyadKey]countryVal{}, pair: map[countryDyadKey]countryVal{}, code: map[countryRootKey]countryVal{}}
}

// upsertCountryCodes adds c.pair to country_pair and c.code to
// country_code, in key order.
func (b *Base) upsertCountryCodes(ctx context.Context, q Querier, c *countrySums) error {
	pairs := sortedKeys(c.pair, func(a, d countryDyadKey) bool {
		return lessStrings(a.source, d.source, a.target, d.target, a.root, d.root, a.country, d.country)
	})
	args := make([]any, 0, 6*len(pairs))
	for _, k := range pairs {
		args = append(args, k.source, k.target, k.root, k.country, c.pair[k].n, c.pair[k].fatalities)
	}
	if err := b.upsertCountryTable(ctx, q, "country_pair", "source_code, target_code, cameo_root, country", args); err != nil {
		return err
	}
	codes := sortedKeys(c.code, func(a, d countryRootKey) bool {
		return lessStrings(a.root, d.root, a.country, d.country)
	})
	args = make([]any, 0, 4*len(codes))
	for _, k := range codes {
		args = append(args, k.root, k.country, c.code[k].n, c.code[k].fatalities)
	}
	return b.upsertCountryTable(ctx, q, "country_code", "cameo, country", args)
}

// upsertCountrySums adds m to country_dyad and its sums by actor view
// (country_actor) and by root (country_root), each in key order so
// that concurrent writers lock rows in one order; with suffix "_month",
// m (keyed by month too) to country_dyad_month, country_actor_month and
// country_root_month.
func (b *Base) upsertCountrySums(ctx context.Context, q Querier, m map[countryDyadKey]countryVal, suffix string) error {
	if len(m) == 0 {
		return nil
	}
	monthly := suffix != ""
	actors := map[countryActorKey]countryVal{}
	roots := map[countryRootKey]countryVal{}
	for k, v := range m {
		addCount(actors, countryActorKey{k.source, "i", k.root, k.month, k.country}, v)
		addCount(actors, countryActorKey{k.source, "s", k.root, k.month, k.country}, v)
		if k.target != "" {
			if k.target != k.source {
				addCount(actors, countryActorKey{k.target, "i", k.root, k.month, k.country}, v)
			}
			addCount(actors, countryActorKey{k.target, "t", k.root, k.month, k.country}, v)
		}
		addCount(roots, countryRootKey{k.root, k.month, k.country}, v)
	}
	// with appends the month when the tables have one.
	with := func(args []any, month string) []any {
		if monthly {
			return append(args, month)
		}
		return args
	}
	monthCol := ""
	if monthly {
		monthCol = "month, "
	}
	dyads := sortedKeys(m, func(a, c countryDyadKey) bool {
		return lessStrings(a.source, c.source, a.target, c.target, a.root, c.root, a.month, c.month, a.country, c.country)
	})
	args := make([]any, 0, 7*len(dyads))
	for _, k := range dyads {
		args = append(with(append(args, k.source, k.target, k.root), k.month), k.country, m[k].n, m[k].fatalities)
	}
	if err := b.upsertCountryTable(ctx, q, "country_dyad"+suffix, "source_code, target_code, cameo_root, "+monthCol+"country", args); err != nil {
		return err
	}
	views := sortedKeys(actors, func(a, c countryActorKey) bool {
		return lessStrings(a.actor, c.actor, a.role, c.role, a.root, c.root, a.month, c.month, a.country, c.country)
	})
	args = make([]any, 0, 7*len(views))
	for _, k := range views {
		args = append(with(append(args, k.actor, k.role, k.root), k.month), k.country, actors[k].n, actors[k].fatalities)
	}
	if err := b.upsertCountryTable(ctx, q, "country_actor"+suffix, "actor, role, cameo_root, "+monthCol+"country", args); err != nil {
		return err
	}
	rootKeys := sortedKeys(roots, func(a, c countryRootKey) bool {
		return lessStrings(a.root, c.root, a.month, c.month, a.country, c.country)
	})
	args = make([]any, 0, 5*len(rootKeys))
	for _, k := range rootKeys {
		args = append(with(append(args, k.root), k.month), k.country, roots[k].n, roots[k].fatalities)
	}
	return b.upsertCountryTable(ctx, q, "country_root"+suffix, "cameo_root, "+monthCol+"country", args)
}

// sortedKeys lists the keys of m in the order of less.
func sortedKeys[K comparable](m map[K]countryVal, less func(a, b K) bool) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return keys
}

// lessStrings compares pairs (a1, b1), (a2, b2)... in order: whether the
// tuple of the a's sorts before the tuple of the b's.
func lessStrings(pairs ...string) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != pairs[i+1] {
			return pairs[i] < pairs[i+1]
		}
	}
	return false
}

// upsertCountryTable adds rows (the key columns, then n and fatalities)
// to the sums of table.
func (b *Base) upsertCountryTable(ctx context.Context, q Querier, table, key string, args []any) error {
	width := strings.Count(key, ",") + 1 + 2
	if err := b.insertRows(ctx, q, `INSERT INTO `+table+` (`+key+`, n, fatalities)`,
		` ON CONFLICT (`+key+`) DO UPDATE SET n = `+table+`.n + excluded.n,
		fatalities = `+table+`.fatalities + excluded.fatalities`, width, args); err != nil {
		return fmt.Errorf("update %s: %w", table, err)
	}
	return nil
}

// countrySummed phrases f's choropleth over the sums by country when
// they answer it: no date or other filter than an actor (a country
// code), a dyad or one side of it (prefixes up to a country code), and a
// CAMEO prefix up to the root. ok is false otherwise.
func countrySummed(f store.EventFilter, w *where) (query string, ok bool) {
	rest := f
	rest.Actor, rest.Source, rest.Target, rest.Undirected, rest.Code = "", "", "", false, ""
	rest.Limit, rest.Cursor, rest.Newest = 0, "", false
	if !isZeroFilter(rest) {
		return "", false
	}
	if q, ok := countryCCSummed(f, w, "", "", ""); ok {
		return q, true
	}
	*w = where{d: w.d}
	return countryPairSummed(f, w)
}

// countryPairSummed phrases the choropleth of an actor, dyad and code
// filter that the country-level sums do not answer: a code finer than a
// root alone from country_code, actor and dyad prefixes of any length
// (a sector code) with a code up to the root from country_pair, whose
// rows are full-code dyads (a row meets "source or target" once, so an
// event is counted once).
func countryPairSummed(f store.EventFilter, w *where) (query string, ok bool) {
	var table string
	switch {
	case len(f.Code) > 2:
		if f.Actor != "" || f.Source != "" || f.Target != "" {
			return "", false
		}
		table = "country_code"
		w.add(w.prefix("cameo", f.Code))
	case f.Actor != "" && (f.Source != "" || f.Target != ""):
		return "", false
	case f.Actor != "":
		table = "country_pair"
		w.add(w.dyadEitherWith("source_code", "target_code", f.Actor, "", false, w.prefix))
	case f.Source != "" || f.Target != "":
		table = "country_pair"
		w.add(w.dyadEitherWith("source_code", "target_code", f.Source, f.Target, !f.Undirected, w.prefix))
	default:
		return "", false
	}
	if table == "country_pair" && f.Code != "" {
		w.add(w.cameo("cameo_root", "", f.Code))
	}
	return `SELECT country, CAST(SUM(n) AS BIGINT), CAST(SUM(fatalities) AS BIGINT) FROM ` + table + w.sql() +
		` GROUP BY country HAVING SUM(n) > 0`, true
}

// countryCCSummed is countrySummed over the sums by country-level
// dyad, actor view and root; with suffix "_month", over their sums by
// month, from month lo to month hi ("" for no bound), ignoring f's
// dates.
func countryCCSummed(f store.EventFilter, w *where, suffix, lo, hi string) (query string, ok bool) {
	if len(f.Code) > 2 || len(f.Source) > countryLen || len(f.Target) > countryLen {
		return "", false
	}
	if suffix != "" {
		if lo != "" {
			w.add("month >= " + w.arg(lo))
		}
		if hi != "" {
			w.add("month <= " + w.arg(hi))
		}
	}
	var table string
	switch {
	case f.Actor != "" && (f.Source != "" || f.Target != ""):
		return "", false
	case f.Actor != "" || (f.Undirected && (f.Source == "") != (f.Target == "")):
		// Every event involving one country, once: its 'i' view, which
		// only a whole country code names (a shorter prefix would count
		// an event of two matching countries twice).
		actor := f.Actor + f.Source + f.Target
		if len(actor) != countryLen {
			return "", false
		}
		table = "country_actor"
		w.add("actor = " + w.arg(actor) + " AND role = 'i'")
	case f.Source != "" && f.Target != "":
		table = "country_dyad"
		w.add(w.dyadEitherWith("source_code", "target_code", f.Source, f.Target, !f.Undirected, w.ccCode))
	case f.Source != "":
		table = "country_actor"
		w.add(w.ccCode("actor", f.Source) + " AND role = 's'")
	case f.Target != "":
		table = "country_actor"
		w.add(w.ccCode("actor", f.Target) + " AND role = 't'")
	case f.Code != "":
		table = "country_root"
	default:
		table = "country_total"
	}
	if f.Code != "" {
		w.add(w.cameo("cameo_root", "", f.Code))
	}
	if table == "country_total" {
		if suffix != "" {
			return "", false
		}
		return `SELECT country, n, fatalities FROM country_total WHERE n > 0`, true
	}
	return `SELECT country, CAST(SUM(n) AS BIGINT), CAST(SUM(fatalities) AS BIGINT) FROM ` + table + suffix + w.sql() +
		` GROUP BY country HAVING SUM(n) > 0`, true
}

// isZeroFilter reports whether f sets nothing (an empty Modality list
// sets nothing either). It compares the whole struct with its zero
// value, so a field added to store.EventFilter counts without a change
// here (a hand-written list missed one silently).
func isZeroFilter(f store.EventFilter) bool {
	if len(f.Modality) == 0 {
		f.Modality = nil
	}
	return reflect.ValueOf(f).IsZero()
}

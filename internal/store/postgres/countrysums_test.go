package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// TestCountrySumsBulk checks the sums by country and the box index as
// the bulk path keeps them.
func TestCountrySumsBulk(t *testing.T) {
	storetest.TestCountrySumsBulk(t, open(t))
}

// TestCountrySumsUpgrade checks that migration 0020 fills the sums by
// country from what is stored: a store loaded through the bulk path, set
// back to the schema before it, migrates and answers as one kept on
// write.
func TestCountrySumsUpgrade(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	storetest.TestCountrySumsBulk(t, s)
	s2 := reopenAfter(ctx, t, s,
		`DROP TABLE country_dyad`, `DROP TABLE country_actor`, `DROP TABLE country_root`, `DROP INDEX events_geo`,
		`DROP TABLE dyad_code_cc`, `DROP TABLE country_pair`, `DROP TABLE country_code`,
		`DROP TABLE country_dyad_month`, `DROP TABLE country_actor_month`, `DROP TABLE country_root_month`,
		`DELETE FROM schema_migrations WHERE version >= 20`)
	storetest.CheckCountrySums(t, s2)
}

// TestCodeSumsUpgrade checks that migration 0022 fills the sums by full
// CAMEO code and full actor codes from what is stored as the writes
// keep them.
func TestCodeSumsUpgrade(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	storetest.FillForUpgrade(t, s)
	want := storetest.CodeSumRows(t, s)
	s2 := reopenAfter(ctx, t, s, `DROP TABLE dyad_code_cc`, `DROP TABLE country_pair`, `DROP TABLE country_code`,
		`DROP TABLE country_dyad_month`, `DROP TABLE country_actor_month`, `DROP TABLE country_root_month`,
		`DELETE FROM schema_migrations WHERE version >= 22`)
	if got := storetest.CodeSumRows(t, s2); !slices.Equal(got, want) {
		t.Errorf("migration filled %d rows, the writes kept %d", len(got), len(want))
	}
}

// reopenAfter runs stmts on s (setting its schema back to an older one)
// and opens the schema again, which migrates it; the new store is closed
// when the test ends.
func reopenAfter(ctx context.Context, t *testing.T, s *postgres.Store, stmts ...string) *postgres.Store {
	t.Helper()
	schema := currentSchema(t, s)
	for _, q := range stmts {
		if err := s.DB.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	opts := postgres.DefaultOptions()
	opts.Schema = schema
	s2, err := postgres.Open(ctx, dsn(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	return s2
}

package sqlite_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// TestCountrySumsBulk checks the sums by country and the box index as
// the bulk path keeps them.
func TestCountrySumsBulk(t *testing.T) {
	storetest.TestCountrySumsBulk(t, open(t))
}

// TestCountrySumsUpgrade checks that migration 0020 fills the sums by
// country and the box index from what is stored: a store loaded
// through the bulk path, set back to the schema before it, migrates
// and answers as one kept on write.
func TestCountrySumsUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s, err := sqlite.Open(ctx, path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	storetest.TestCountrySumsBulk(t, s)
	s = reopenAfter(ctx, t, s, path,
		`DROP TABLE country_dyad`, `DROP TABLE country_actor`, `DROP TABLE country_root`,
		`DROP TRIGGER events_geo_insert`, `DROP TABLE events_geo`, `DROP TABLE dyad_code_cc`,
		`DROP TABLE country_pair`, `DROP TABLE country_code`, `DROP TABLE country_dyad_month`,
		`DROP TABLE country_actor_month`, `DROP TABLE country_root_month`, `DELETE FROM schema_migrations WHERE version >= 20`,
	)
	defer s.Close()
	storetest.CheckCountrySums(t, s)
}

// TestCodeSumsUpgrade checks that migration 0022 fills the sums by full
// CAMEO code and full actor codes from what is stored as the writes
// keep them.
func TestCodeSumsUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s, err := sqlite.Open(ctx, path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	storetest.FillForUpgrade(t, s)
	want := storetest.CodeSumRows(t, s)
	s = reopenAfter(ctx, t, s, path, `DROP TABLE dyad_code_cc`, `DROP TABLE country_pair`,
		`DROP TABLE country_code`, `DROP TABLE country_dyad_month`, `DROP TABLE country_actor_month`,
		`DROP TABLE country_root_month`, `DELETE FROM schema_migrations WHERE version >= 22`)
	defer s.Close()
	if got := storetest.CodeSumRows(t, s); !slices.Equal(got, want) {
		t.Errorf("migration filled %d rows, the writes kept %d", len(got), len(want))
	}
}

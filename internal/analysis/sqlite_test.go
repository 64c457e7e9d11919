package analysis

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// The engine's tests also run against a real SQLite file.
func init() {
	storeFactories = append(storeFactories, struct {
		name string
		open func(testing.TB) store.Store
	}{"sqlite", openSQLite})
}

func openSQLite(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sitrep.db"), sqlite.DefaultOptions())
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	return st
}

package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// TestBulkLoad checks that a bulk load leaves the database a load that
// keeps every index and aggregate as it goes would (see
// storetest.TestBulkLoad).
func TestBulkLoad(t *testing.T) {
	q := fmt.Sprintf(sqlite.Dialect().SecondaryIndexes, `'events', 'clusters'`)
	storetest.TestBulkLoad(t, open(t), open(t), func(s storetest.BulkLoader) []string {
		rows, err := s.(*sqlite.Store).DumpRows(context.Background(), q, 2)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	})
}

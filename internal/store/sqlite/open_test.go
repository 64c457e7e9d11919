package sqlite_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

func TestOpenMissingOrUnreadable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope", "sitrep.db")
	o := sqlite.DefaultOptions()
	o.MustExist = true
	if _, err := sqlite.Open(ctx, missing, o); !errors.Is(err, store.ErrNoDatabase) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing database: %v; want ErrNoDatabase naming %s", err, missing)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("opening a missing database created %s", filepath.Dir(missing))
	}
	made := filepath.Join(dir, "made.db")
	st, err := sqlite.Open(ctx, made, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if st, err := sqlite.Open(ctx, made, o); err != nil {
		t.Errorf("existing database with MustExist: %v", err)
	} else {
		st.Close()
	}
	if os.Getuid() == 0 {
		return // root opens any file: no permission error to see
	}
	if err := os.Chmod(made, 0o400); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.Open(ctx, made, o); !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), made) {
		t.Errorf("read-only database: %v; want a permission error naming %s", err, made)
	}
}

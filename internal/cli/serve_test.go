package cli

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// serve on a port another process holds fails before printing a URL
// that would point at that other server.
func TestServeBusyPortPrintsNoURL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sitrep.db")
	st, err := sqlite.Open(context.Background(), db, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	addr := busy.Addr().String()
	out, errs, code := run(t, "--db", db, "serve", "--addr", addr)
	if code == 0 {
		t.Fatalf("serve on busy %s: exit 0", addr)
	}
	if strings.Contains(out, "http://") {
		t.Errorf("serve printed a URL before failing: %q", out)
	}
	if !strings.Contains(errs, addr) || !strings.Contains(errs, "listen") {
		t.Errorf("error %q does not say it cannot listen on %s", errs, addr)
	}
}

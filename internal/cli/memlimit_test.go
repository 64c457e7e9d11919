package cli

import (
	"math"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// TestMemoryLimits: every command that runs the pipeline sets its soft
// memory limit through limitMemory, which adds the live heap
// --dictionaries needs (serve set its own by hand and allowed nothing
// for them). Each command here fails after setting it (an empty input
// list, a busy port, a queue nobody listens on).
func TestMemoryLimits(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	dicts := filepath.Join("..", "petrarch", "testdata", "mini")
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	nobody := closed.Addr().String()
	closed.Close()
	for _, tt := range []struct {
		name string
		args []string
		base int64
	}{
		{"extract", []string{"extract", empty}, extractMemLimit},
		{"ingest", []string{"--db", filepath.Join(dir, "i.db"), "ingest", empty}, ingestMemLimit},
		{"serve", []string{"--db", filepath.Join(dir, "s.db"), "serve", "--addr", busy.Addr().String()}, serveMemLimit},
		{"worker", []string{"--db", filepath.Join(dir, "w.db"), "worker", "--queue", "nats://" + nobody}, workerMemLimit},
	} {
		for _, withDicts := range []bool{false, true} {
			args, want := tt.args, tt.base
			if withDicts {
				args, want = append([]string{"--dictionaries", dicts}, args...), want+pipeline.DictionaryHeap
			}
			debug.SetMemoryLimit(math.MaxInt64)
			_, errs, _ := run(t, args...)
			if got := debug.SetMemoryLimit(-1); got != want {
				t.Errorf("%s (dictionaries %v): soft memory limit %d MiB, want %d MiB (%s)", tt.name, withDicts, got>>20, want>>20, errs)
			}
		}
	}
	// $GOMEMLIMIT wins
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	run(t, "extract", empty)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("extract under $GOMEMLIMIT set its own limit, %d MiB", got>>20)
	}
}

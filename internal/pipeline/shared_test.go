package pipeline

import (
	"sync"
	"testing"
)

// A Pipeline is immutable and safe for concurrent use, and building one
// (lexicons, then the city gazetteer on first use) costs seconds: the
// tests of this package share one per Repanic setting.
var (
	sharedMu        sync.Mutex
	sharedPipelines = map[bool]*Pipeline{}
)

// testPipeline returns the package's shared default pipeline, with
// panics let through when repanic is set.
func testPipeline(t testing.TB, repanic bool) *Pipeline {
	t.Helper()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if p := sharedPipelines[repanic]; p != nil {
		return p
	}
	opts := DefaultOptions()
	opts.Repanic = repanic
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	sharedPipelines[repanic] = p
	return p
}

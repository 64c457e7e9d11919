package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records Fatal and Skip instead of
// stopping the test, so the helpers' decisions can be checked.
type recorder struct {
	testing.TB
	fatal, skip bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Fatalf(string, ...any) { r.fatal = true; panic(r) }
func (r *recorder) Fatal(...any)          { r.fatal = true; panic(r) }
func (r *recorder) Skipf(string, ...any)  { r.skip = true; panic(r) }

func run(r *recorder, f func()) {
	defer func() {
		if v := recover(); v != nil && v != any(r) {
			panic(v)
		}
	}()
	f()
}

func TestRequire(t *testing.T) {
	present := filepath.Join(t.TempDir(), "here.txt")
	if err := os.WriteFile(present, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "gone.txt")
	cases := []struct {
		ci, path            string
		wantFatal, wantSkip bool
	}{
		{"true", present, false, false},
		{"", present, false, false},
		{"true", missing, true, false},
		{"1", missing, true, false},
		{"", missing, false, true},
		{"false", missing, false, true},
	}
	for _, c := range cases {
		t.Run("CI="+c.ci+" "+filepath.Base(c.path), func(t *testing.T) {
			t.Setenv("CI", c.ci)
			r := &recorder{TB: t}
			run(r, func() { Require(r, c.path) })
			if r.fatal != c.wantFatal || r.skip != c.wantSkip {
				t.Errorf("fatal %v skip %v, want fatal %v skip %v", r.fatal, r.skip, c.wantFatal, c.wantSkip)
			}
		})
	}
}

func TestRoot(t *testing.T) {
	root := Root(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("Root = %s without go.mod: %v", root, err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "testutil", "shared.go")); err != nil {
		t.Errorf("Root = %s is not this module: %v", root, err)
	}
}

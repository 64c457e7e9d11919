package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// InCI reports whether the tests run under continuous integration
// ($CI set to anything but "", "0" or "false"), where every fixture must
// be present and a missing one is a failure rather than a skip.
func InCI() bool {
	switch os.Getenv("CI") {
	case "", "0", "false":
		return false
	}
	return true
}

// Root returns the module root: the nearest directory at or above the
// working directory (a test's package directory) that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

// Shared returns the path of rel (slash-separated) in the shared data
// directory beside the repository (../shared from the module root). When
// the file is missing the test fails under CI and is skipped elsewhere.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(filepath.Dir(Root(t)), "shared", filepath.FromSlash(rel))
	Require(t, p)
	return p
}

// Require fails the test under CI, and skips it elsewhere, when path does
// not exist.
func Require(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if InCI() {
			t.Fatalf("%s is required under CI: %v", path, err)
		}
		t.Skipf("%s missing (set CI=true to fail instead): %v", path, err)
	}
}

// SharedOptional is Shared for a test that has other inputs as well: a
// missing file fails the test under CI and is only logged elsewhere; ok
// says whether the file is there.
func SharedOptional(t testing.TB, rel string) (path string, ok bool) {
	t.Helper()
	path = filepath.Join(filepath.Dir(Root(t)), "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		if InCI() {
			t.Fatalf("%s is required under CI: %v", path, err)
		}
		t.Logf("%s missing, tested without it (set CI=true to fail instead): %v", path, err)
		return path, false
	}
	return path, true
}

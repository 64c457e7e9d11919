// Package testutil holds helpers shared by the tests of several packages:
// locating the read-only shared data next to the repository, failing
// under CI when it is missing instead of skipping.
package testutil

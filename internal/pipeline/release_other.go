//go:build !linux

package pipeline

// releaseExecutableData is a no-op where /proc/self/maps is not there.
func releaseExecutableData() {}

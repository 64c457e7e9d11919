//go:build !linux

package syntax

// hugeSlots returns a zeroed slot table of n cells (2 MB pages are
// requested on Linux only).
func hugeSlots(n int) []slot { return make([]slot, n) }

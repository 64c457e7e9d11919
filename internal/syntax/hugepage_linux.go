//go:build linux

package syntax

import (
	"syscall"
	"unsafe"
)

// hugeSlots returns a zeroed slot table of n cells. On Linux the 2 MB
// pages inside a table of several megabytes are advised onto huge pages
// (before the first write, so the first touch gets them): lookups land
// at random in the table, and with 4 KB pages nearly each one would also
// miss the TLB. The table stays on the Go heap, so a memory limit
// (GOMEMLIMIT) still sees it.
func hugeSlots(n int) []slot {
	const huge = 2 << 20
	s := make([]slot, n)
	size := uintptr(n) * unsafe.Sizeof(slot{})
	if size < 2*huge {
		return s
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(p)
	lo := (start + huge - 1) &^ (huge - 1)
	hi := (start + size) &^ (huge - 1)
	if hi > lo {
		// Advice only: an error leaves 4 KB pages.
		_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, lo-start)), hi-lo), 14) // MADV_HUGEPAGE
	}
	return s
}

//go:build linux

package syntax

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugeSlots returns a zeroed slot table of n cells. On Linux a table of
// several megabytes is mapped on its own and advised onto 2 MB pages:
// lookups land at random in it, and with 4 KB pages nearly each one
// would also miss the TLB. owner keeps the mapping alive; it is unmapped
// when owner is collected.
func hugeSlots(owner *weights, n int) []slot {
	const huge = 2 << 20
	size := n * int(unsafe.Sizeof(slot{}))
	if size < huge {
		return make([]slot, n)
	}
	mem, err := syscall.Mmap(-1, 0, size+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]slot, n)
	}
	off := 0
	if r := uintptr(unsafe.Pointer(&mem[0])) % huge; r != 0 {
		off = int(huge - r)
	}
	_ = syscall.Madvise(mem[off:off+size], 14) // MADV_HUGEPAGE
	runtime.AddCleanup(owner, func(m []byte) { syscall.Munmap(m) }, mem)
	return unsafe.Slice((*slot)(unsafe.Pointer(&mem[off])), n)
}

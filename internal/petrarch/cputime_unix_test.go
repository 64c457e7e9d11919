//go:build unix

package petrarch

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system time: load benchmarks report it
// beside wall time, which on a busy machine measures the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

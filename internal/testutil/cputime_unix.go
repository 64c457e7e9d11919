//go:build unix

package testutil

import (
	"syscall"
	"time"
)

// CPUTime is the process's user+system CPU time so far. Benchmarks report
// it beside wall time: on a machine shared with other work, CPU time says
// what one core does, where wall time also counts the waits for a core.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

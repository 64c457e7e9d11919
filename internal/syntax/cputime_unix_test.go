//go:build unix

package syntax

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time: on a machine shared
// with other work, CPU time per token says what one core does, where wall
// time also counts the waits for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

//go:build unix

package cli

import "syscall"

// cpuSeconds is the process's CPU time so far (user and system, all
// threads): what `sitrep bench` divides by, since wall time on a shared
// machine says little.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

//go:build !unix

package petrarch

import "time"

// cpuTime is not measured here; load benchmarks then report 0.
func cpuTime() time.Duration { return 0 }

//go:build !unix

package cli

// cpuSeconds is not measured here (0: `sitrep bench` prints wall rates only).
func cpuSeconds() float64 { return 0 }

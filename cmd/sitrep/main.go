// Command sitrep turns raw news into structured, sourced geopolitical
// events. See `sitrep --help` and README.md.
package main

import (
	"os"
	"runtime/debug"

	"github.com/sitrep-project/sitrep/internal/cli"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

func main() {
	// The garbage collector's target, unless $GOGC says otherwise: see
	// pipeline.GCPercent.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(pipeline.GCPercent)
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(2 << 30)
		}
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Command sitrep turns raw news into structured, sourced geopolitical
// events. See `sitrep --help` and README.md.
package main

import (
	"os"

	"github.com/sitrep-project/sitrep/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

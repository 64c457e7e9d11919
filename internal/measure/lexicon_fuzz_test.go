package measure

import (
	"io/fs"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as each measure lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	files := []string{dimsFile, unitsFile} // units refer to dimensions
	testutil.FuzzLexicon(f, testutil.LexiconBase(f, files, 1), files, func(root fs.FS) error {
		_, err := NewFromLexicon(root)
		return err
	})
}

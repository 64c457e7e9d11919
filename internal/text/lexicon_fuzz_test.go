package text

import (
	"io/fs"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as each text lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	files := []string{abbrevFile, startersFile}
	testutil.FuzzLexicon(f, testutil.LexiconBase(f, files, 0), files, func(root fs.FS) error {
		_, err := NewFromLexicon(DefaultOptions(), root)
		return err
	})
}

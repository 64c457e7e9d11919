package timex

import (
	"io/fs"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as the timex lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	builtin, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		f.Fatal(err)
	}
	files := []string{cuesFile}
	testutil.FuzzLexicon(f, testutil.LexiconBase(f, builtin, files, 60), files, func(root fs.FS) error {
		_, err := NewFromLexicon(DefaultOptions(), root)
		return err
	})
}

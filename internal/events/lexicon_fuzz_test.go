package events

import (
	"io/fs"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as each events lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	files := []string{"events/cameo.tsv", "events/plover.tsv", "events/verbs.txt"} // verbs refer to CAMEO codes
	testutil.FuzzLexicon(f, testutil.LexiconBase(f, files, 2), files, func(root fs.FS) error {
		_, err := LoadLexicon(root)
		return err
	})
}

package events

import (
	"io/fs"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as each events lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	files := []string{"events/cameo.tsv", "events/plover.tsv", "events/verbs.txt"}
	builtin, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		f.Fatal(err)
	}
	// the whole CAMEO table, so that the verbs kept find their codes
	base := testutil.LexiconBase(f, builtin, files[:2], 1<<20)
	for k, v := range testutil.LexiconBase(f, builtin, files[2:], 60) {
		base[k] = v
	}
	testutil.FuzzLexicon(f, base, files, func(root fs.FS) error {
		_, err := LoadLexicon(root)
		return err
	})
}

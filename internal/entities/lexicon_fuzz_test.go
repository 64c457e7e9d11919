package entities

import (
	"io/fs"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as each entities lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	var files []string
	for _, n := range []string{"countries", "roles", "orgtypes", "seats", "igos", "media", "features", "equipment", "names", "divisions", "altnames"} {
		files = append(files, "entities/"+n+".tsv")
	}
	builtin, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		f.Fatal(err)
	}
	testutil.FuzzLexicon(f, testutil.LexiconBase(f, builtin, files, 40), files, func(root fs.FS) error {
		_, err := LoadLexicon(root)
		return err
	})
}

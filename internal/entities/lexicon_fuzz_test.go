package entities

import (
	"io/fs"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testutil"
)

// FuzzLexiconFiles feeds arbitrary bytes as each entities lexicon file.
func FuzzLexiconFiles(f *testing.F) {
	var files []string // the other tables refer to countries
	for _, n := range []string{"countries", "roles", "orgtypes", "seats", "igos", "media", "features", "equipment", "names", "divisions", "altnames"} {
		files = append(files, "entities/"+n+".tsv")
	}
	testutil.FuzzLexicon(f, testutil.LexiconBase(f, files, 1), files, func(root fs.FS) error {
		_, err := LoadLexicon(root)
		return err
	})
}

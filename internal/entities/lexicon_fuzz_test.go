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
	// every country, so that the other tables' lines find theirs
	base := testutil.LexiconBase(f, builtin, files[:1], 1<<20)
	for k, v := range testutil.LexiconBase(f, builtin, files[1:], 40) {
		base[k] = v
	}
	testutil.FuzzLexicon(f, base, files, func(root fs.FS) error {
		_, err := LoadLexicon(root)
		return err
	})
}

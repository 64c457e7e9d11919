package text

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/text/lexfile"
)

// Abbreviation kinds (second column of text/abbreviations.tsv).
const (
	// abbrTitle never ends a sentence ("Mr.", "Gen.", "No.").
	abbrTitle = 1
	// abbrEnd may end a sentence; split only before a sentence starter.
	abbrEnd = 2
)

const (
	abbrevFile   = "text/abbreviations.tsv"
	startersFile = "text/starters.txt"
)

// lexicon is the splitter's vocabulary, immutable once loaded.
type lexicon struct {
	abbr     map[string]uint8 // lower-case, with dots
	starters map[string]bool
}

// builtinRoot returns the embedded lexicon tree rooted like the repo's
// lexicon/ directory.
func builtinRoot() fs.FS {
	sub, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		// fs.Sub only fails on an invalid path, which "lexicon" is not.
		panic(err)
	}
	return sub
}

func loadLexicon(roots ...fs.FS) (*lexicon, error) {
	lx := &lexicon{abbr: map[string]uint8{}, starters: map[string]bool{}}
	for _, root := range roots {
		if err := lexfile.ReadLines(root, abbrevFile, func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 2 {
				return errors.New("want abbreviation<TAB>kind")
			}
			a := strings.ToLower(strings.TrimSpace(f[0]))
			if !strings.HasSuffix(a, ".") || len(a) < 2 {
				return fmt.Errorf("abbreviation %q must end in a period", f[0])
			}
			switch strings.TrimSpace(f[1]) {
			case "title":
				lx.abbr[a] = abbrTitle
			case "end":
				lx.abbr[a] = abbrEnd
			default:
				return fmt.Errorf("unknown kind %q (want title or end)", f[1])
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if err := lexfile.ReadLines(root, startersFile, func(line string) error {
			if strings.ContainsAny(line, " \t") {
				return errors.New("want one word per line")
			}
			lx.starters[line] = true
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

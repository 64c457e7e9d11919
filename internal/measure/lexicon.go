package measure

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/text/lexfile"
)

const (
	unitsFile = "measure/units.tsv"
	dimsFile  = "measure/dimensions.tsv"
)

type kind uint8

const (
	kindUnit kind = iota + 1
	kindCount
	kindPrefix
	kindScale
	kindCollective
)

// unitDef is one surface form of a unit.
type unitDef struct {
	unit   string
	factor float64
	kind   kind
}

type dimension struct {
	name string
	base float64
}

// lexicon is the finder's vocabulary, immutable once loaded.
type lexicon struct {
	units       map[string]unitDef // unit and count surfaces
	prefixes    map[string]unitDef
	scales      map[string]float64
	collectives map[string]unitDef
	dims        map[string]dimension
	maxWords    int // longest surface in words
}

func loadLexicon(roots ...fs.FS) (*lexicon, error) {
	lx := &lexicon{
		units: map[string]unitDef{}, prefixes: map[string]unitDef{}, scales: map[string]float64{},
		collectives: map[string]unitDef{}, dims: map[string]dimension{}, maxWords: 1,
	}
	for _, root := range roots {
		if err := readTSV(root, unitsFile, 4, func(f []string) error {
			surface := strings.Join(strings.Fields(strings.ToLower(f[0])), " ")
			factor, err := strconv.ParseFloat(f[2], 64)
			if err != nil || factor <= 0 {
				return fmt.Errorf("bad factor %q", f[2])
			}
			d := unitDef{unit: f[1], factor: factor}
			switch f[3] {
			case "unit", "count":
				d.kind = kindUnit
				if f[3] == "count" {
					d.kind = kindCount
				}
				lx.units[surface] = d
				lx.maxWords = max(lx.maxWords, strings.Count(surface, " ")+1)
			case "prefix":
				d.kind = kindPrefix
				lx.prefixes[surface] = d
			case "scale":
				lx.scales[surface] = factor
			case "collective":
				d.kind = kindCollective
				lx.collectives[surface] = d
			default:
				return fmt.Errorf("unknown kind %q", f[3])
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if err := readTSV(root, dimsFile, 3, func(f []string) error {
			base, err := strconv.ParseFloat(f[2], 64)
			if err != nil || base <= 0 {
				return fmt.Errorf("bad size %q", f[2])
			}
			lx.dims[f[0]] = dimension{name: f[1], base: base}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// readTSV calls fn with the n tab-separated fields of each data line of
// name; a missing file is fine.
func readTSV(root fs.FS, name string, n int, fn func([]string) error) error {
	return lexfile.ReadLines(root, name, func(line string) error {
		f, err := lexfile.Fields(line, n)
		if err != nil {
			return err
		}
		return fn(f)
	})
}

package entities

import (
	"fmt"

	"github.com/sitrep-project/sitrep/internal/gazetteer"
)

// fold strips diacritics and apostrophe-like marks ("Khān Yūnis").
func fold(s string) string { return gazetteer.Fold(s) }

// Gazetteer returns the place gazetteer (cities, divisions, alternate
// names), built once per Lexicon on first use: decoding the cities costs
// a few hundred milliseconds that commands without text never pay. An
// alternate name pointing nowhere or damaged city data is an error.
func (l *Lexicon) Gazetteer() (*gazetteer.Gazetteer, error) {
	l.gazOnce.Do(func() {
		cities, err := gazetteer.DecodeCities(l.cityData)
		if err != nil {
			l.gazErr = fmt.Errorf("gazetteer: %w", err)
			return
		}
		l.gazVal, l.gazErr = gazetteer.Build(cities, l.divs, l.alts)
		if l.gazErr != nil {
			l.gazErr = fmt.Errorf("entities/altnames.tsv: %w", l.gazErr)
		}
	})
	return l.gazVal, l.gazErr
}

// gaz is the gazetteer, or an empty one when it failed to build (Process
// reports that error before any sentence is read).
func (l *Lexicon) gaz() *gazetteer.Gazetteer {
	g, err := l.Gazetteer()
	if err != nil || g == nil {
		g, _ = gazetteer.Build(nil, nil, nil)
	}
	return g
}

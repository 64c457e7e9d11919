package actors

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// evidence is what the entity stage knew when it coded an entity and
// what the dictionaries matched, for settle.
type evidence struct {
	own   string        // the entity stage's code ("" for none)
	role  petrarch.Role // the dictionaries' role on the article's date
	roles bool          // the text gives the entity an office ("Foreign Minister X")
	words int           // words of the dictionary name matched
}

// settle decides between the entity stage's code and the dictionaries'
// (see the package documentation for why).
func settle(e evidence) string {
	dict := e.role.Code
	switch {
	case dict == "" || dict == "---":
		return e.own
	case e.own == "" || e.own == dict:
		return dict
	case strings.HasPrefix(dict, e.own):
		return dict // the dictionaries say more: AFG -> AFGREB, IGOUNO -> IGOUNOKID
	case strings.HasPrefix(e.own, dict):
		return e.own // sitrep says more
	}
	if country(e.own) == country(dict) {
		// same country, another sector: an office the text states beats
		// the dictionaries; else a dated role (a term) beats sitrep's
		// lexicon guess
		if e.role.Dated && !e.roles {
			return dict
		}
		return e.own
	}
	// another country: sitrep's came from the context of the sentence
	// (a demonym nearby, the article's focus); a term holder or a full
	// name the dictionaries list identifies the actor, a bare surname
	// does not
	if e.role.Dated || e.words >= 2 {
		return dict
	}
	return e.own
}

// country is the first element of a code.
func country(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

package actors

import (
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/petrarch"
)

// evidence is what the entity stage knew when it coded an entity and
// what the dictionaries matched, for settle.
type evidence struct {
	own   string        // the entity stage's code ("" for none)
	role  petrarch.Role // the dictionaries' role on the article's date
	roles bool          // the text gives the entity an office ("Foreign Minister X")
	words int           // words of the dictionary name matched
	// former: role is a former office holder's elite code (roleOn),
	// which codes only what sitrep left uncoded
	former bool
	// placed: own is a bare country that the entity stage gave an
	// organisation from the places around it, and the dictionaries name
	// it as a transnational body (an IGO or NGO code, no country): "the
	// ILO urged Bangladesh", "UNESCO listed a site in Mali"
	placed bool
	// affiliated: own is an organisation's code whose country the text
	// gives it ("South Korea's Joint Chiefs of Staff", "the Nigerian
	// Senate"): a body of that country, whatever country the
	// dictionaries list a body of that name under
	affiliated bool
	// pastTitle: the text marks the entity's titles as held before
	// ("former president X", "X, an ex-minister"), so its office in the
	// text is none on the day: a dated role on the day wins
	pastTitle bool
}

// formerSector is the sector of a former office holder: CAMEO's elite
// ("ELI"), the code TABARI dictionaries give leaders outside their terms.
const formerSector = "ELI"

// roleOn is the role of a on day d, a former office holder's country
// with formerSector when no role applies any more (an undated role, so
// sitrep's code wins where it has one).
func roleOn(a *petrarch.Actor, d time.Time) petrarch.Role {
	if r := a.RoleOn(d); r.Code != "" {
		return r
	}
	if c := a.Former(d); len(c) > 3 {
		// a role with a sector; a bare code is a country or place that
		// ceased to exist (Czechoslovakia), no office holder
		return petrarch.Role{Code: c[:3] + formerSector}
	}
	return petrarch.Role{}
}

// isFormer reports whether role r of a on day d is roleOn's former
// office holder's code rather than one the dictionaries give.
func isFormer(a *petrarch.Actor, d time.Time, r petrarch.Role) bool {
	return r.Code != "" && a.RoleOn(d).Code == ""
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
	case e.former:
		return e.own
	case e.placed:
		return dict // the name says what the body is; the places only where it acts
	case len(dict) <= 3:
		return e.own // a bare country or sector ("ELI") says less than any code
	case strings.HasPrefix(dict, e.own):
		return dict // the dictionaries say more: AFG -> AFGREB, IGOUNO -> IGOUNOKID
	case strings.HasPrefix(e.own, dict):
		return e.own // sitrep says more
	}
	if country(e.own) == country(dict) {
		// same country, another sector: an office the text states beats
		// the dictionaries; else a dated role (a term) beats sitrep's
		// lexicon guess
		if e.role.Dated && (!e.roles || e.pastTitle) {
			return dict
		}
		return e.own
	}
	if e.affiliated {
		return e.own
	}
	// another country: sitrep's came from the context of the sentence
	// (a demonym nearby, the article's focus) or from an office the text
	// names; a term holder on the day identifies the actor, and so does
	// a full name the dictionaries list when the text names no office
	// (an open code such as [PRTELI] says nothing of a later office:
	// "UN Secretary-General Antonio Guterres" stays IGOUNO); a bare
	// surname does not
	if e.role.Dated || e.words >= 2 && !e.roles {
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

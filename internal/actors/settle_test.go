package actors

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/petrarch"
)

func TestSettle(t *testing.T) {
	dated := func(c string) petrarch.Role { return petrarch.Role{Code: c, Dated: true} }
	open := func(c string) petrarch.Role { return petrarch.Role{Code: c} }
	for _, c := range []struct {
		name string
		e    evidence
		want string
	}{
		{"dictionaries have nothing", evidence{own: "KENGOV", role: open("")}, "KENGOV"},
		{"null code", evidence{own: "KENGOV", role: open("---")}, "KENGOV"},
		{"sitrep has nothing", evidence{role: open("NGOHLHIRC"), words: 2}, "NGOHLHIRC"},
		{"dictionaries more specific", evidence{own: "AFG", role: open("AFGREB"), words: 1}, "AFGREB"},
		{"sitrep more specific", evidence{own: "USAGOVLEG", role: open("USAGOV"), words: 2}, "USAGOVLEG"},
		{"dated role beats the lexicon's sector", evidence{own: "AFGGOV", role: dated("AFGREB"), words: 1}, "AFGREB"},
		{"an office in the text beats a dated role", evidence{own: "TURMIL", role: dated("TURGOV"), roles: true, words: 1}, "TURMIL"},
		{"a title marked former yields to a dated role", evidence{own: "NGAELI", role: dated("NGAGOV"), roles: true, words: 2, pastTitle: true}, "NGAGOV"},
		{"a title marked former keeps its elite code against an open role", evidence{own: "NGAELI", role: open("NGAGOV"), roles: true, words: 2, pastTitle: true}, "NGAELI"},
		{"undated same country keeps sitrep", evidence{own: "PSEREB", role: open("PSENGO"), words: 1}, "PSEREB"},
		{"term holder of another country", evidence{own: "GRCGOV", role: dated("TURGOV"), words: 1}, "TURGOV"},
		{"full name of another country", evidence{own: "KENGOV", role: open("TZAELI"), words: 2}, "TZAELI"},
		{"a bare sector says less", evidence{own: "IGOUNO", role: open("ELI"), words: 2}, "IGOUNO"},
		{"an office in the text beats an open code of another country", evidence{own: "IGOUNO", role: open("PRTELI"), roles: true, words: 2}, "IGOUNO"},
		{"a former office holder codes only the uncoded", evidence{own: "KENGOV", role: open("TZAELI"), words: 2, former: true}, "KENGOV"},
		{"a former office holder", evidence{role: open("TZAELI"), words: 2, former: true}, "TZAELI"},
		{"bare surname of another country", evidence{own: "KENGOV", role: open("TZAELI"), words: 1}, "KENGOV"},
		{"an acronym placed by its sentence", evidence{own: "MLI", role: open("IGOUNODEV"), words: 1, placed: true}, "IGOUNODEV"},
		{"a transnational bare code beats a placed country", evidence{own: "SYR", role: open("IGO"), words: 1, placed: true}, "IGO"},
		{"an acronym of a country's own body", evidence{own: "MLI", role: open("IGOUNODEV"), words: 1}, "MLI"},
	} {
		if got := settle(c.e); got != c.want {
			t.Errorf("%s: settle(%+v) = %s, want %s", c.name, c.e, got, c.want)
		}
	}
}

func TestGenerational(t *testing.T) {
	for w, want := range map[string]bool{"III": true, "IV": true, "JR.": true, "SR": true, "KING": false, "IVANOV": false, "XI": false} {
		if got := generational(w); got != want {
			t.Errorf("generational(%q) = %v, want %v", w, got, want)
		}
	}
}

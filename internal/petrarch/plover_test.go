package petrarch

import (
	"bufio"
	"slices"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
)

// The crosswalk from the CAMEO codes these dictionaries produce to
// PLOVER (lexicon/events/plover.tsv) is checked here against the PLOVER
// manual's vocabularies: its event types, each type's mode table and
// the context table.
var (
	ploverModes = map[string][]string{
		"AGREE": nil, "SUPPORT": nil, "CONCEDE": nil, "COOPERATE": nil,
		"CONSULT":  {"visit", "third-party", "multilateral", "phone", "host"},
		"AID":      {"economic", "military", "humanitarian", "asylum"},
		"RETREAT":  {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
		"REQUEST":  {"assist", "change", "yield", "meet"},
		"REJECT":   {"assist", "change", "yield", "meet"},
		"ACCUSE":   {"investigate", "disapprove"},
		"THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
		"PROTEST":  {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"},
		"SANCTION": {"convict", "cancel", "expel", "withdraw", "sever"},
		"MOBILIZE": {"troops", "weapons", "police"},
		"COERCE":   {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"},
		"ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
			"firearms", "explosives", "suicide-attack", "heavy-weapons"},
		// Not a PLOVER type: CAMEO 01 comments, which PLOVER drops.
		"STATEMENT": nil,
	}
	ploverContexts = strings.Fields(`political military intelligence peacekeeping economic diplomatic
		resource culture disease enviro_disaster migration humanitarian legal human_rights
		rights_freedoms gender lgbt terrorism human_security religion_ethnicity government election
		legislative cbrn cyber political_institutions corruption crime crime_murder crime_theft
		crime_drugs crime_sexual future historical hypothetical`)
)

type crosswalkRow struct{ typ, mode, contexts string }

func readTSV(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := sitrep.Lexicon.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := map[string][]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if _, dup := rows[fs[0]]; dup {
			t.Errorf("%s:%d: %s listed twice", path, n, fs[0])
		}
		rows[fs[0]] = fs[1:]
	}
	return rows
}

func TestPloverCrosswalkFollowsTheManual(t *testing.T) {
	walk := readTSV(t, "lexicon/events/plover.tsv")
	cameo := readTSV(t, "lexicon/events/cameo.tsv")
	resolve := func(code string) crosswalkRow {
		for n := len(code); n > 0; n-- {
			if r, ok := walk[code[:n]]; ok && len(r) == 3 {
				return crosswalkRow{r[0], r[1], r[2]}
			}
		}
		return crosswalkRow{}
	}
	contexts := map[string]bool{}
	for _, c := range ploverContexts {
		contexts[c] = true
	}
	for code, r := range walk {
		if len(r) != 3 {
			t.Errorf("%s: want type, mode, contexts: %v", code, r)
			continue
		}
		modes, ok := ploverModes[r[0]]
		if !ok {
			t.Errorf("%s: %q is not a PLOVER type", code, r[0])
		}
		if r[1] != "-" && !slices.Contains(modes, r[1]) {
			t.Errorf("%s: mode %q is not in the %s mode table", code, r[1], r[0])
		}
		if r[2] != "-" {
			for _, c := range strings.Split(r[2], ",") {
				if !contexts[c] {
					t.Errorf("%s: context %q is not in the context table", code, c)
				}
			}
		}
	}
	for code := range cameo {
		if resolve(code).typ == "" {
			t.Errorf("CAMEO %s has no PLOVER type", code)
		}
	}
	// The manual's own rules, one row each.
	for _, tt := range []struct{ code, typ, mode string }{
		{"0311", "AGREE", "-"},         // intent to cooperate is AGREE
		{"0353", "AGREE", "-"},         // agreeing to release (intent to yield) is AGREE
		{"036", "AGREE", "-"},          // agreeing to meet is AGREE
		{"057", "AGREE", "-"},          // signing is AGREE, as the PLOVER gold records code it
		{"055", "CONCEDE", "-"},        // regret is CONCEDE
		{"0832", "CONCEDE", "-"},       // verbal concessions
		{"0841", "RETREAT", "release"}, // material concessions
		{"0871", "RETREAT", "ceasefire"},
		{"0813", "RETREAT", "-"},
		{"092", "ACCUSE", "investigate"},
		{"1122", "ACCUSE", "disapprove"},
		{"116", "SANCTION", "convict"}, // finding guilty moved to SANCTION
		{"163", "SANCTION", "sever"},   // embargo is a SANCTION
		{"1053", "REQUEST", "yield"},
		{"1246", "REJECT", "yield"},
		{"142", "PROTEST", "strike-hun"},
		{"175", "COERCE", "-"}, // repression is COERCE
		{"1712", "ASSAULT", "destroy"},
		{"191", "COERCE", "restrict"},
		{"195", "ASSAULT", "heavy-weapons"},
		{"010", "STATEMENT", "-"},
		{"0233", "REQUEST", "assist"}, // appeals are PLOVER 0.5's REQUEST
	} {
		if r := resolve(tt.code); r.typ != tt.typ || r.mode != tt.mode {
			t.Errorf("%s -> %s/%s, want %s/%s", tt.code, r.typ, r.mode, tt.typ, tt.mode)
		}
	}
}

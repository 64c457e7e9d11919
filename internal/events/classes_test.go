package events

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	sitrep "github.com/sitrep-project/sitrep"
)

// The code classes come from events/classes.tsv: a code takes its
// longest listed prefix's classes, and a user root replaces a prefix's.
func TestCodeClasses(t *testing.T) {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code  string
		class codeClass
		want  bool
	}{
		{"0233", classAppeal, true}, {"1041", classAppeal, true}, {"1041", classThat, true},
		{"138", classThat, true}, {"112", classThat, true}, {"112", classAppeal, false},
		{"040", classConsult, true}, {"043", classConsult, true},
		{"042", classConsult, false}, {"042", classVisit, true}, {"042", classIn, true}, {"042", classLocated, true},
		{"190", classViolent, true}, {"1821", classViolent, true}, {"202", classViolent, true},
		{"202", classLocated, false}, {"195", classLocated, true}, {"173", classViolent, false},
		{"", classViolent, false}, {"---", classAppeal, false},
	} {
		if got := lex.is(tc.code, tc.class); got != tc.want {
			t.Errorf("%q is %v: %v, want %v", tc.code, tc.class, got, tc.want)
		}
	}
	user := fstest.MapFS{"events/classes.tsv": {Data: []byte("17\tviolent\n04\tconsult,in\n")}}
	over, err := LoadLexicon(root, user)
	if err != nil {
		t.Fatal(err)
	}
	if !over.is("173", classViolent) || !over.is("040", classIn) || over.is("042", classConsult) {
		t.Error("a user root's classes.tsv did not add or replace prefixes as documented")
	}
	for _, bad := range []string{"19\tviolent,fast\n", "1x\tviolent\n", "19\n"} {
		_, err := LoadLexicon(root, fstest.MapFS{"events/classes.tsv": {Data: []byte(bad)}})
		if err == nil || !strings.Contains(err.Error(), "classes.tsv:1") {
			t.Errorf("%q: error %v, want one naming classes.tsv:1", bad, err)
		}
	}
}

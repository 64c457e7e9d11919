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
		{"036", classReciprocal, true}, {"040", classReciprocal, true}, {"042", classReciprocal, false}, {"043", classReciprocal, false},
		{"043", classConsult, true}, {"057", classReciprocal, true}, {"061", classReciprocal, true}, {"071", classReciprocal, false},
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

// A frame's code for the act it governs comes from events/framecodes.tsv,
// by the act's longest listed prefix.
func TestFrameCodes(t *testing.T) {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		frame map[string]string
		act   string
		want  string
		ok    bool
	}{
		{lex.refuse, "0421", "125", true}, {lex.refuse, "0841", "1243", true}, {lex.refuse, "190", "", false},
		{lex.intend, "0711", "0331", true}, {lex.intend, "030", "", true}, {lex.intend, "190", "", false},
		{lex.threaten, "1721", "132", true}, {lex.threaten, "193", "1384", true}, {lex.threaten, "051", "", false},
	} {
		if got, ok := lookupRoot(tc.frame, tc.act); got != tc.want || ok != tc.ok {
			t.Errorf("act %s: %q %v, want %q %v", tc.act, got, ok, tc.want, tc.ok)
		}
	}
	if v, ok := lex.announcedAs("0711"); v != "0331" || !ok {
		t.Errorf("an announced 0711 is %q %v, want its intent 0331", v, ok)
	}
	if v, ok := lex.announcedAs("190"); v != "138" || !ok {
		t.Errorf("an announced 190 is %q %v, want its threat 138", v, ok)
	}
	for _, bad := range []string{"19\tpromise\t030\n", "19\tthreaten\n", "19\tthreaten\tx1\n"} {
		_, err := LoadLexicon(root, fstest.MapFS{"events/framecodes.tsv": {Data: []byte(bad)}})
		if err == nil || !strings.Contains(err.Error(), "framecodes.tsv:1") {
			t.Errorf("%q: error %v, want one naming framecodes.tsv:1", bad, err)
		}
	}
}

package events

import (
	"context"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
)

// defaultWords are the word classes of the embedded lexicon, for tests
// that build a sentence by hand.
var defaultWords = sync.OnceValue(func() *wordClasses {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		panic(err)
	}
	lex, err := LoadLexicon(root)
	if err != nil {
		panic(err)
	}
	return lex.words
})

// The coder's closed classes of words come from events/words.tsv: every
// class is filled, a user root adds words to a class, and a bad line is
// an error naming the file and line.
func TestWordClasses(t *testing.T) {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(root)
	if err != nil {
		t.Fatal(err)
	}
	w := lex.words
	v := reflect.ValueOf(w).Elem()
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		f := v.Field(i)
		if f.Len() == 0 {
			t.Errorf("class %s is empty", name)
		}
		if got := w.class(name); got == nil || reflect.ValueOf(got).Pointer() != f.Pointer() {
			t.Errorf("class(%q) is not the field %s", name, name)
		}
	}
	for _, c := range []struct {
		class, word string
		want        bool
	}{
		{"prepositions", "against", true}, {"prepositions", "troops", false},
		{"coordinators", "as well as", true}, {"determiners", "’s", true}, {"negWords", "n't", true},
		{"adverbialPPs", "in principle", true}, {"roleHeads", "ministry", true}, {"roleHeads", "consul", false},
		{"futureWords", "will", true}, {"possibleMod", "will", false}, {"amountNouns", "thousands", true},
	} {
		if got := w.class(c.class)[c.word]; got != c.want {
			t.Errorf("%s[%q] = %v, want %v", c.class, c.word, got, c.want)
		}
	}

	user := fstest.MapFS{"events/words.tsv": {Data: []byte("# more role nouns\nroleHeads\tconsul|consuls\n")}}
	over, err := LoadLexicon(root, user)
	if err != nil {
		t.Fatal(err)
	}
	if !over.words.roleHeads["consuls"] || !over.words.roleHeads["consul"] || !over.words.roleHeads["ministry"] {
		t.Error("a user root's words.tsv did not add to the class roleHeads, keeping its words")
	}
	if lex.words.roleHeads["consuls"] {
		t.Error("a user root's words leaked into another lexicon")
	}

	for _, bad := range []string{"nosuch\tword", "prepositions", "prepositions\t", "prepositions\tin||on", "prepositions\tin\tx"} {
		_, err := LoadLexicon(root, fstest.MapFS{"events/words.tsv": {Data: []byte("# comment\n" + bad + "\n")}})
		if err == nil || !strings.Contains(err.Error(), "events/words.tsv:2") {
			t.Errorf("%q: error %v, want one naming events/words.tsv:2", bad, err)
		}
	}
}

// A word a user root adds to a class changes what the coder does: an
// adverb added to habitual makes the act habitual.
func TestUserWordClassCodes(t *testing.T) {
	up := loadUpstream(t)
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	user, err := LoadLexicon(root, fstest.MapFS{"events/words.tsv": {Data: []byte("habitual\tinvariably|unfailingly\n")}})
	if err != nil {
		t.Fatal(err)
	}
	code := func(lex *Lexicon, body string) *model.Article {
		a := model.NewArticle()
		a.Body = body
		a.Published = model.Published{Date: model.Str("2025-05-02"), Precision: model.Str(model.PrecisionDay), Source: model.DateFromFlag}
		for _, s := range up.stages {
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		if err := New(lex, DefaultOptions()).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, c := range []struct {
		body string
		w    want
	}{
		{"Russia invariably shells Ukrainian villages.", want{"19", "RUS", "", ""}},
		{"Israel invariably strikes targets in Lebanon.", want{"19", "ISR", "", ""}},
		{"Kenyan police unfailingly fire tear gas at protesters.", want{"", "KEN", "", ""}},
		{"Japan invariably condemns the missile launches.", want{"", "JPN", "", ""}},
		{"Peru unfailingly criticizes Chile.", want{"", "PER", "CHL", ""}},
	} {
		c.w.modality = model.ModalityHabitual
		if a := code(up.lex, c.body); has(a, c.w) {
			t.Errorf("%q: habitual without the user's word: %s", c.body, dump(a))
		}
		if a := code(user, c.body); !has(a, c.w) {
			t.Errorf("%q: want %+v with the user's word, got %s", c.body, c.w, dump(a))
		}
	}
}

package events

import (
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// eagerDictionary is WithDictionary as it was before the patterns
// compiled on first use: every entry compiled, deduplicated by text and
// indexed at once (the reference the lazy index must equal).
func eagerDictionary(l *Lexicon, vt *petrarch.VerbTable) *Lexicon {
	out := *l
	out.patterns = map[string][]*pattern{}
	out.byKey = map[string][]*pattern{}
	out.npat = 0
	out.dict = nil
	var ps []*pattern
	seen := map[string]bool{}
	out.cameo = l.cameo
	plain := func(vt *petrarch.VerbTable, es *[]petrarch.Elem) ([][]dictPos, bool) { return compileElems(vt, *es) }
	for _, e := range vt.Entries() {
		for _, p := range dictionaryPatterns(vt, e, plain) {
			if seen[p.text] {
				continue
			}
			out.keepCodes(l.cameo, p)
			seen[p.text] = true
			ps = append(ps, p)
		}
	}
	heads := map[string]bool{}
	for _, p := range ps {
		for _, w := range p.words[0] {
			heads[w] = true
		}
	}
	for _, w := range slices.Sorted(maps.Keys(l.patterns)) {
		for _, p := range l.patterns[w] {
			if p.code != "" || p.class == "" || p.class == classDemand || slices.Contains(ps, p) {
				continue
			}
			if !slices.ContainsFunc(p.words[0], func(w string) bool { return heads[w] }) {
				ps = append(ps, p)
			}
		}
	}
	out.groups = map[string]string{}
	sets := map[string][2]map[string]bool{}
	for _, p := range ps {
		out.indexShared(p, sets)
	}
	out.sortPatterns()
	return &out
}

// sig is what the coder reads of a pattern.
func sig(p *pattern) string {
	var before []string
	for _, s := range p.before {
		before = append(before, strings.Join(slices.Sorted(maps.Keys(s)), "|"))
	}
	var alts []string
	for i := range p.alts {
		alts = append(alts, strings.Join(slices.Sorted(maps.Keys(p.alts[i])), "|")+"/"+strings.Join(slices.Sorted(maps.Keys(p.keys[i])), "|"))
	}
	plain := ""
	if p.roles.plain != nil {
		plain = p.roles.plain.text + "=" + p.roles.plain.code
	}
	r := p.roles
	r.plain = nil
	return fmt.Sprintf("%s|%s|%s|%v|%v|%v|%v|%v|%v|%d|%q|%q|%+v|%s|%v|%v|%v", p.text, p.code, p.recip, p.words, p.adj, p.beforeAdj,
		p.dictionary, p.mutual, p.noun, p.line, before, alts, r, plain, p.class, p.needTarget, p.persons)
}

// sameLexicons checks that lazy gives every list eager holds, pattern
// for pattern and in order, one pattern object wherever eager has one,
// no list eager lacks, and the same CAMEO table.
func sameLexicons(t *testing.T, eager, lazy *Lexicon) {
	t.Helper()
	ids := map[*pattern]*pattern{} // eager -> lazy
	back := map[*pattern]*pattern{}
	sigs := map[*pattern]string{}
	memo := func(p *pattern) string {
		s, ok := sigs[p]
		if !ok {
			s = sig(p)
			sigs[p] = s
		}
		return s
	}
	same := func(what, k string, want, got []*pattern) {
		if len(want) != len(got) {
			t.Errorf("%s %q: %d patterns, want %d", what, k, len(got), len(want))
			return
		}
		for i := range want {
			if q, ok := ids[want[i]]; ok && q == got[i] {
				continue // compared already
			}
			if a, b := memo(want[i]), memo(got[i]); a != b {
				t.Errorf("%s %q #%d:\n got %s\nwant %s", what, k, i, b, a)
				return
			}
			if q, ok := ids[want[i]]; ok && q != got[i] {
				t.Errorf("%s %q #%d: %s is two objects", what, k, i, want[i].text)
			}
			if q, ok := back[got[i]]; ok && q != want[i] {
				t.Errorf("%s %q #%d: %s stands for two patterns", what, k, i, got[i].text)
			}
			ids[want[i]], back[got[i]] = got[i], want[i]
		}
	}
	for _, w := range slices.Sorted(maps.Keys(eager.patterns)) {
		same("word", w, eager.patterns[w], lazy.headed(w))
	}
	for _, k := range slices.Sorted(maps.Keys(eager.byKey)) {
		same("key", k, eager.byKey[k], lazy.keyed(k))
	}
	for w := range lazy.dict.byWord {
		if _, ok := eager.patterns[w]; !ok && len(lazy.headed(w)) > 0 {
			t.Errorf("word %q: %d patterns, eager none", w, len(lazy.headed(w)))
		}
	}
	for k := range lazy.dict.byKey {
		if _, ok := eager.byKey[k]; !ok && len(lazy.keyed(k)) > 0 {
			t.Errorf("key %q: %d patterns, eager none", k, len(lazy.keyed(k)))
		}
	}
	if !reflect.DeepEqual(eager.cameo, lazy.cameo) || len(eager.groups) != len(lazy.groups) {
		t.Errorf("CAMEO table: %d codes, want %d", len(lazy.cameo), len(eager.cameo))
	}
	if a, b := eager.Patterns(), lazy.Patterns(); a != b {
		t.Errorf("%d patterns, want %d", b, a)
	}
}

// TestLazyDictionaryEqualsEager: the patterns compiled on first use are
// those an eager compile gives, for the test dictionaries (a listed
// form, a synset, a reciprocal code), the PETRARCH suite's and
// Phoenix's.
func TestLazyDictionaryEqualsEager(t *testing.T) {
	lex := loadUpstream(t).lex
	check := func(t *testing.T, v *petrarch.Vocabulary) {
		sameLexicons(t, eagerDictionary(lex, v.Verbs), lex.WithDictionary(v.Verbs))
	}
	t.Run("test", func(t *testing.T) {
		d, err := petrarch.Load(testDictionaries, petrarch.Files{Verbs: []string{"test.verbs.txt"}})
		if err != nil {
			t.Fatal(err)
		}
		check(t, petrarch.Compile(d, petrarch.DefaultCompileOptions()))
	})
	t.Run("suite", func(t *testing.T) {
		d, err := petrarch.LoadDir(os.DirFS(testutil.Shared(t, "petrarch")))
		if err != nil {
			t.Fatal(err)
		}
		check(t, petrarch.Compile(d, petrarch.DefaultCompileOptions()))
	})
	t.Run("phoenix", func(t *testing.T) {
		if testing.Short() {
			t.Skip("Phoenix: 150,000 patterns compiled twice")
		}
		check(t, loadPhoenix(t))
	})
}

// TestLazyDictionaryConcurrent: lookups from several goroutines, each
// word first asked for by all at once, give one list per word.
func TestLazyDictionaryConcurrent(t *testing.T) {
	d, err := petrarch.Load(testDictionaries, petrarch.Files{Verbs: []string{"test.verbs.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	lex := loadUpstream(t).lex.WithDictionary(petrarch.Compile(d, petrarch.DefaultCompileOptions()).Verbs)
	words := []string{"send", "sent", "sending", "meet", "met", "accuse", "shell", "attack", "say"}
	got := make([][][]*pattern, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, w := range words {
				got[g] = append(got[g], lex.headed(w))
				lex.keyed(lemmaKey(w))
			}
		}()
	}
	wg.Wait()
	for g := range got {
		for i, w := range words {
			if !slices.Equal(got[g][i], got[0][i]) {
				t.Errorf("goroutine %d, %q: another list", g, w)
			}
		}
	}
	if len(got[0][1]) == 0 || got[0][0][0] != got[0][1][0] {
		t.Errorf("send and sent: %d patterns, not the same ones", len(got[0][1]))
	}
}

// A dictionary's listed forms of a verb are heads of its entry, each
// one, even where one form's spelling is inside another's ("broke" in
// "broken", "hid" in "hidden").
func TestEntryHeadForms(t *testing.T) {
	for _, tc := range []struct {
		phrase string
		forms  []string
		want   []string
	}{
		{"BREAK", []string{"BROKEN", "BROKE"}, []string{"break", "broken", "broke"}},
		{"HIDE", []string{"HIDDEN", "HID"}, []string{"hide", "hidden", "hid"}},
		{"GET", []string{"GOTTEN", "GOT"}, []string{"get", "gotten", "got"}},
		{"FIGHT", []string{"FOUGHT", "FOUGHT"}, []string{"fight", "fought"}},
		{"SLIDE", []string{"SLID"}, []string{"slide", "slid"}},
	} {
		e := &petrarch.VerbEntry{Phrase: []string{tc.phrase}}
		for _, f := range tc.forms {
			e.Forms = append(e.Forms, []string{f})
		}
		if got := entryHead(e); !slices.Equal(got, tc.want) {
			t.Errorf("%s %v: heads %v, want %v", tc.phrase, tc.forms, got, tc.want)
		}
	}
}

package entities

import (
	"bufio"
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testutil"
	"github.com/sitrep-project/sitrep/internal/text"
)

// TestCompanyNames: companies named with a legal form or trade word, the
// short forms they are called by afterwards, two companies joined by
// "and", and bodies named by their kind; in several regions.
func TestCompanyNames(t *testing.T) {
	runAnnotated(t, []annotatedCase{
		{"southern Africa: legal form, then the short form", "[[ORG Kagiso Mining Ltd]] said output rose in the first quarter. Shares in [[ORG Kagiso]] gained 4 percent.",
			[]notWant{{"Kagiso", model.TypePerson}}},
		{"southeast Asia: two companies joined by and", "[[ORG Sarawak Timber Holdings]] and [[ORG Kinabalu Palm Industries]] agreed to merge their plantations.",
			[]notWant{{"Sarawak Timber Holdings and Kinabalu Palm Industries", model.TypeOrg}}},
		{"central Europe: a brewery and its short form", "[[ORG Vltavin Breweries]] raised beer prices on Monday. [[ORG Vltavin]] blamed the cost of barley.",
			[]notWant{{"Vltavin", model.TypePerson}}},
		{"South America: a European legal form", "[[ORG Quillacollo Petroleum SA]] cut its forecast, and [[ORG Quillacollo Petroleum]] shares fell.", nil},
		{"west Africa: a marketing board", "The [[ORG Cocoa Board]] raised the farm-gate price for growers.",
			[]notWant{{"Cocoa Board", model.TypePerson}}},
		{"north America: an exchange", "Trading on the [[ORG Winnipeg Grain Exchange]] was thin.",
			[]notWant{{"Winnipeg Grain Exchange", model.TypePerson}}},
		{"Middle East: clubs led by a club word in a match report", "Striker Kofi Mensah scored twice as [[ORG Bnei Sakhnin]] beat [[ORG Hapoel Ramat Gan]] 3-1 in the league on Saturday, and the goalkeeper saved a penalty.",
			[]notWant{{"Bnei Sakhnin", model.TypePerson}, {"Hapoel Ramat Gan", model.TypePerson}}},
		{"South America: a club word with a town", "The midfielder scored the winning goal for [[ORG Deportivo Cuenca]] in the league match on Sunday.",
			[]notWant{{"Deportivo Cuenca", model.TypePerson}}},
		{"Russian Arctic: a company named after its town", "[[ORG Vorkuta Coal]] on Monday raised its output forecast. [[ORG Vorkuta]] said prices would rise, and miners in [[LOC Vorkuta]] welcomed the news.",
			[]notWant{{"Vorkuta Coal on", model.TypePerson}}},
		{"a million-people city stays a city", "[[ORG Cairo Cement Holdings]] cut prices. [[LOC Cairo]] raised fuel taxes.", nil},
		{"a country-named company is no alias of its country", "[[ORG Japan Airlines]] said fuel costs rose. [[LOC Japan]] raised its tariffs.", nil},
	})
}

// TestNameModelShipped: the committed weights load from the built-in
// lexicon and type plain constructions of each class the way a reader
// would.
func TestNameModelShipped(t *testing.T) {
	m, err := testLexicon(t).NameModel()
	if err != nil {
		t.Fatal(err)
	}
	if m == nil || m.Len() < 1000 || strings.Join(m.Classes, ",") != strings.Join(nameClasses, ",") {
		t.Fatalf("name model: %+v", m)
	}
	scores := make([]float32, len(m.Classes))
	for _, c := range []struct{ name, want string }{
		{"Ngozi Adebayo", model.TypePerson},
		{"Rahmatullah Karimi", model.TypePerson},
		{"Patriotic Liberation Front", model.TypeOrg},
		{"Andean Workers Union", model.TypeOrg},
	} {
		best, _ := m.Scores(NameFeatures(c.name), scores)
		if m.Classes[best] != c.want {
			t.Errorf("%q: %s, want %s (scores %v)", c.name, m.Classes[best], c.want, scores)
		}
	}
}

// TestNameSamplesNeverUseTheModel: training spans come from lexicons and
// rules alone, so retraining never learns the model's own guesses.
func TestNameSamplesNeverUseTheModel(t *testing.T) {
	art := model.NewArticle()
	art.Body = "Shares of Kagiso Mining Ltd rose. Ngozi Adebayo said the mine in Nairobi would reopen."
	if err := text.New(tagged(t)).Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	got, err := New(testLexicon(t), DefaultOptions()).NameSamples(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Kagiso Mining Ltd": model.TypeOrg, "Ngozi Adebayo": model.TypePerson, "Nairobi": model.TypePlace}
	seen := map[string]bool{}
	for _, s := range got {
		if w, ok := want[s.Text]; ok {
			seen[s.Text] = true
			if s.Type != w {
				t.Errorf("%q typed %s, want %s", s.Text, s.Type, w)
			}
		}
		if len(s.Feats) == 0 {
			t.Errorf("%q has no features", s.Text)
		}
	}
	for w := range want {
		if !seen[w] {
			t.Errorf("no sample for %q in %+v", w, got)
		}
	}
}

// conllDevMinF1 is the CoNLL++ development half's F1 this stage has
// reached on the bare text (no ingest, no title; 0.906 when raised, a
// little margin left for tagger retraining); raise it as recognition
// improves, never lower it. score_conll.py, which goes through ingest and
// the whole pipeline, reads a few tenths of a point lower.
const conllDevMinF1 = 0.895

// TestCoNLLDevRatchet scores the CoNLL++ development half (read from
// ../shared/dev, never copied) the way score_conll.py does: documents
// are tokens joined by spaces and sentences by newlines; exact PER, ORG
// and LOC spans of name mentions count; MISC gold is not scored.
func TestCoNLLDevRatchet(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 116 documents")
	}
	path := testutil.Shared(t, "dev/conllpp-dev.txt")
	docs, err := readCoNLL(path)
	if err != nil {
		t.Fatal(err)
	}
	kind := map[string]string{model.TypePerson: "PER", model.TypeOrg: "ORG", model.TypePlace: "LOC"}
	rec := New(testLexicon(t), DefaultOptions())
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	tx, err := text.NewFromLexicon(tagged(t), root) // as the pipeline builds it
	if err != nil {
		t.Fatal(err)
	}
	tp, npred, ngold := 0, 0, 0
	for _, d := range docs {
		art := model.NewArticle()
		art.Body = d.text
		if err := tx.Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		if err := rec.Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		pred := map[conllSpan]bool{}
		for _, e := range art.Entities {
			k, ok := kind[e.Type]
			if !ok {
				continue
			}
			for _, m := range e.Mentions {
				if isNameMention(m.Text) {
					pred[conllSpan{m.Start, m.End, k}] = true
				}
			}
		}
		for p := range pred {
			npred++
			if d.gold[p] {
				tp++
			}
		}
		ngold += len(d.gold)
	}
	p, r := float64(tp)/float64(max(npred, 1)), float64(tp)/float64(max(ngold, 1))
	f1 := 2 * p * r / max(p+r, 1e-9)
	t.Logf("CoNLL++ dev: %d documents, gold %d, predicted %d, P %.3f R %.3f F1 %.3f", len(docs), ngold, npred, p, r, f1)
	if f1 < conllDevMinF1 {
		t.Errorf("CoNLL++ dev F1 %.3f below the ratchet %.3f", f1, conllDevMinF1)
	}
}

type conllSpan struct {
	s, e int
	typ  string
}

type conllDoc struct {
	text string
	gold map[conllSpan]bool
}

// isNameMention is the scorer's test for a proper-name mention: not a
// pronoun, and capitalised after a leading determiner.
func isNameMention(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || isPronoun(strings.ToLower(s)) {
		return false
	}
	switch strings.ToLower(w[0]) {
	case "the", "a", "an", "this", "that", "these", "those":
		w = w[1:]
	}
	return len(w) > 0 && strings.ToUpper(w[0][:1]) == w[0][:1] && strings.ToLower(w[0][:1]) != w[0][:1]
}

// readCoNLL reads CoNLL-2003 columns: -DOCSTART- splits documents, a
// blank line sentences; the last column is the IOB tag.
func readCoNLL(path string) ([]conllDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []conllDoc
	var b strings.Builder
	gold := map[conllSpan]bool{}
	var cur *conllSpan
	sentStart := true
	flushEnt := func() {
		if cur != nil {
			if cur.typ != "MISC" {
				gold[*cur] = true
			}
			cur = nil
		}
	}
	flushDoc := func() {
		flushEnt()
		if b.Len() > 0 {
			docs = append(docs, conllDoc{text: strings.TrimSuffix(b.String(), "\n"), gold: gold})
		}
		b.Reset()
		gold = map[conllSpan]bool{}
		sentStart = true
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) == 0:
			flushEnt()
			if !sentStart {
				b.WriteByte('\n')
			}
			sentStart = true
			continue
		case fs[0] == "-DOCSTART-":
			flushDoc()
			continue
		}
		if !sentStart {
			b.WriteByte(' ')
		}
		sentStart = false
		start := b.Len()
		b.WriteString(fs[0])
		tag := fs[len(fs)-1]
		if tag == "O" {
			flushEnt()
			continue
		}
		typ := tag[2:]
		if cur != nil && cur.typ == typ && strings.HasPrefix(tag, "I-") {
			cur.e = b.Len()
			continue
		}
		flushEnt()
		cur = &conllSpan{start, b.Len(), typ}
	}
	flushDoc()
	return docs, sc.Err()
}

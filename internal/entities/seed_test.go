package entities

import (
	"context"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/eval"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/text/texttest"
)

var (
	lexOnce sync.Once
	lexVal  *Lexicon
	lexErr  error
)

func testLexicon(t testing.TB) *Lexicon {
	t.Helper()
	lexOnce.Do(func() {
		root, err := fs.Sub(sitrep.Lexicon, "lexicon")
		if err != nil {
			lexErr = err
			return
		}
		lexVal, lexErr = LoadLexicon(root)
	})
	if lexErr != nil {
		t.Fatal(lexErr)
	}
	return lexVal
}

// analyse runs the real text stage and the recogniser on body.
// tagged are the text stage's options as the pipeline builds them:
// tokens tagged and lemmatised by the trained tagger.
func tagged(t testing.TB) text.Options {
	o := text.DefaultOptions()
	o.Tagger = texttest.Tagger(t)
	return o
}

func analyse(t testing.TB, title string, captions []string, body string) *model.Article {
	t.Helper()
	art := model.NewArticle()
	art.Body = body
	if title != "" {
		art.Title = &title
	}
	for _, c := range captions {
		art.Captions = append(art.Captions, model.Caption{Text: c})
	}
	if err := text.New(tagged(t)).Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if err := New(testLexicon(t), DefaultOptions()).Process(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, art)
	return art
}

func checkInvariants(t testing.TB, art *model.Article) {
	t.Helper()
	for i, e := range art.Entities {
		if e.ID != "e"+strconv.Itoa(i+1) {
			t.Errorf("entity %d has id %s", i, e.ID)
		}
		for j, m := range e.Mentions {
			if art.Body[m.Start:m.End] != m.Text {
				t.Errorf("%s mention %q does not match body %q", e.Name, m.Text, art.Body[m.Start:m.End])
			}
			s := art.Sentences[m.Sentence]
			if m.Start < s.Start || m.End > s.End {
				t.Errorf("%s mention %q outside its sentence", e.Name, m.Text)
			}
			if j > 0 && e.Mentions[j-1].Start > m.Start {
				t.Errorf("%s mentions not sorted", e.Name)
			}
			if !onTokenBounds(art, m) {
				t.Errorf("%s mention %q does not start and end on the text stage's tokens", e.Name, m.Text)
			}
		}
		for _, m := range e.Affiliations {
			if art.Body[m.Start:m.End] != m.Text || m.Start < art.Sentences[m.Sentence].Start || m.End > art.Sentences[m.Sentence].End {
				t.Errorf("%s affiliation %q does not match its body span or sentence", e.Name, m.Text)
			}
		}
		switch e.Precision {
		case "", "point", "city", "division", "country":
		default:
			t.Errorf("%s has precision %q", e.Name, e.Precision)
		}
		if e.Precision != "" && (e.Lat == nil || e.Type != model.TypePlace) {
			t.Errorf("%s has a precision without coordinates", e.Name)
		}
	}
}

// onTokenBounds reports whether m starts at the start of one of its
// sentence's tokens, as the text stage cut them (or of a part the stage
// reads apart, appendShared), and ends at the end of one.
func onTokenBounds(art *model.Article, m model.Mention) bool {
	starts, ends := false, false
	for _, tk := range sentenceTokens(art, m.Sentence, nil) {
		starts = starts || tk.start == m.Start
		ends = ends || tk.end == m.End
	}
	return starts && ends
}

// TestSeedGold checks the seed's gold entities, forbidden entities and
// coreference links, scored by the project's own eval scorer on articles
// read by the real ingest and text stages.
func TestSeedGold(t *testing.T) {
	g, err := eval.LoadGold(filepath.Join("..", "..", "..", "shared", "gold", "seed.yaml"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip("seed gold not available:", err)
	}
	var arts []*model.Article
	err = ingest.Read(context.Background(), g.CorpusPath(), ingest.DefaultOptions(), func(a *model.Article) error {
		arts = append(arts, a)
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil || len(arts) != len(g.Articles) {
		t.Fatalf("seed: %d articles, gold %d (%v)", len(arts), len(g.Articles), err)
	}
	for i, ga := range g.Articles {
		art := arts[i]
		if err := text.New(tagged(t)).Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		if err := New(testLexicon(t), DefaultOptions()).Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, art)
		var r eval.Report
		r.ScoreEntities(ga.ID, art, ga)
		for _, f := range r.Failures {
			t.Error(f)
		}
		if r.Entities.Total == 0 || r.Coreference.Total == 0 {
			t.Errorf("%s: nothing scored", ga.ID)
		}
	}
}

func hasRole(roles []string, want string) bool {
	for _, r := range roles {
		if strings.Contains(r, want) {
			return true
		}
	}
	return false
}

func findEntity(art *model.Article, name, typ string) *model.Entity {
	for i, e := range art.Entities {
		if (typ == "" || e.Type == typ) && strings.EqualFold(e.Name, name) {
			return &art.Entities[i]
		}
	}
	return nil
}

func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

func builtinRootForTest(t testing.TB) fs.FS {
	root, err := fs.Sub(sitrep.Lexicon, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

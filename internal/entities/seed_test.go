package entities

import (
	"context"
	"io/fs"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
	"gopkg.in/yaml.v3"
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
	if err := text.New(text.DefaultOptions()).Process(context.Background(), art); err != nil {
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
		if e.ID != "e"+itoa(i+1) {
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
		}
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// seedArticles cuts the seed corpus into articles: the first line is the
// title, lines repeated within an article are captions, body paragraphs
// are the remaining lines that are not short all-caps subheadings.
func seedArticles(t *testing.T) []seedArticle {
	raw, err := os.ReadFile("/work/shared/seed/000_8bdc426c88a831b7.txt")
	if err != nil {
		t.Skip("seed corpus not available:", err)
	}
	var out []seedArticle
	for _, chunk := range strings.Split(string(raw), "\n\n\n\n") {
		lines := strings.Split(strings.TrimSpace(chunk), "\n")
		if len(lines) < 3 {
			continue
		}
		count := map[string]int{}
		for _, l := range lines {
			count[l]++
		}
		a := seedArticle{title: lines[0]}
		var body []string
		seenCap := map[string]bool{}
		for _, l := range lines[1:] {
			switch {
			case count[l] > 1 && l != lines[0]:
				if !seenCap[l] {
					seenCap[l] = true
					a.captions = append(a.captions, l)
				}
			case l == lines[0]:
			case len(l) > 30 && strings.ToUpper(l) != l:
				body = append(body, l)
			}
		}
		a.body = strings.Join(body, "\n")
		out = append(out, a)
	}
	return out
}

type seedArticle struct {
	title    string
	captions []string
	body     string
}

type goldFile struct {
	Articles []struct {
		ID       string `yaml:"id"`
		Entities []struct {
			Name   string   `yaml:"name"`
			Type   string   `yaml:"type"`
			Actor  string   `yaml:"actor"`
			Role   []string `yaml:"role"`
			Former bool     `yaml:"role_is_former"`
			Lat    *float64 `yaml:"lat"`
			Lon    *float64 `yaml:"lon"`
			Tol    float64  `yaml:"tolerance_km"`
		} `yaml:"entities"`
		MustNot []struct {
			Name string `yaml:"name"`
			Type string `yaml:"type"`
		} `yaml:"must_not_find_entities"`
		Coref []struct {
			Sentence string `yaml:"sentence"`
			Mention  string `yaml:"mention"`
			Entity   string `yaml:"entity"`
		} `yaml:"coreference"`
	} `yaml:"articles"`
}

func TestSeedGold(t *testing.T) {
	arts := seedArticles(t)
	raw, err := os.ReadFile("/work/shared/gold/seed.yaml")
	if err != nil {
		t.Skip("gold not available:", err)
	}
	var gold goldFile
	if err := yaml.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(gold.Articles) {
		t.Fatalf("seed has %d articles, gold %d", len(arts), len(gold.Articles))
	}
	for ai, g := range gold.Articles {
		a := arts[ai]
		art := analyse(t, a.title, a.captions, a.body)
		if testing.Verbose() {
			for _, e := range art.Entities {
				var ms []string
				for _, m := range e.Mentions {
					ms = append(ms, m.Text)
				}
				t.Logf("%s %s %s %s %v former=%v %v", e.ID, e.Type, e.Name, model.Deref(e.Code), e.Roles, e.Former, ms)
			}
		}
		for _, ge := range g.Entities {
			e := findEntity(art, ge.Name, ge.Type)
			if e == nil {
				t.Errorf("%s: entity %s %q not found", g.ID, ge.Type, ge.Name)
				continue
			}
			code := model.Deref(e.Code)
			if ge.Actor != "" && !strings.HasPrefix(code, ge.Actor) && !strings.HasPrefix(model.Deref(e.Country), ge.Actor) {
				t.Errorf("%s: %s code %q, want prefix %s", g.ID, ge.Name, code, ge.Actor)
			}
			for _, r := range ge.Role {
				if !hasRole(e.Roles, r) {
					t.Errorf("%s: %s roles %v, want %q", g.ID, ge.Name, e.Roles, r)
				}
			}
			if ge.Former && !e.Former {
				t.Errorf("%s: %s should be former", g.ID, ge.Name)
			}
			if ge.Lat != nil {
				tol := ge.Tol
				if tol == 0 {
					tol = 50
				}
				if e.Lat == nil {
					t.Errorf("%s: %s has no coordinates", g.ID, ge.Name)
				} else if km := haversine(*e.Lat, *e.Lon, *ge.Lat, *ge.Lon); km > tol {
					t.Errorf("%s: %s is %.0f km off", g.ID, ge.Name, km)
				}
			}
		}
		for _, m := range g.MustNot {
			if findEntity(art, m.Name, m.Type) != nil {
				t.Errorf("%s: must not find %s %q", g.ID, m.Type, m.Name)
			}
		}
		for _, c := range g.Coref {
			e := findEntity(art, c.Entity, "")
			if e == nil {
				t.Errorf("%s: coreference target %q missing", g.ID, c.Entity)
				continue
			}
			ok := false
			for _, m := range e.Mentions {
				s := art.Sentences[m.Sentence].Text
				if strings.Contains(normQuotes(s), normQuotes(c.Sentence)) && strings.EqualFold(m.Text, c.Mention) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: %q in %q should refer to %s", g.ID, c.Mention, c.Sentence, c.Entity)
			}
		}
	}
}

func normQuotes(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(s)
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

package actors_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/actors"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

func withUser(t *testing.T, overlay string) *actors.Stage {
	t.Helper()
	roots, err := pipeline.Roots(nil)
	if err != nil {
		t.Fatal(err)
	}
	user := fstest.MapFS{actors.OverlayFile: {Data: []byte(overlay)}}
	std := petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions())
	return actors.New(std, append(roots, fs.FS(user))...)
}

// A user overlay (--lexicon DIR) adds actors with dated roles.
func TestUserOverlay(t *testing.T) {
	st := withUser(t, "ZORBAL_TIV_\n+TIV_\n\t[KENELI]\n\t[KENGOV >20200101]\n")
	for date, want := range map[string]string{"2021-03-03": "KENGOV", "2019-03-03": "KENELI"} {
		a := analyze(t, date, "Zorbal Tiv opened a clinic in Kisumu.", false)
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if got, _ := codeAt(a, "Zorbal Tiv"); got != want {
			t.Errorf("%s: Zorbal Tiv is %q, want %s (entities %+v)", date, got, want, names(a))
		}
	}
}

// A line of the overlay that cannot be read stops the run with
// file:line, as in every sitrep lexicon.
func TestUserOverlayError(t *testing.T) {
	err := withUser(t, "GOOD_NAME_ [KENGOV]\nBROKEN_NAME_ [KENGOV 2020-\n").Load()
	if err == nil || !strings.Contains(err.Error(), actors.OverlayFile+":2") {
		t.Fatalf("Load() = %v, want an error at %s:2", err, actors.OverlayFile)
	}
}

func names(a *model.Article) []string {
	var out []string
	for _, e := range a.Entities {
		out = append(out, e.Name+"/"+e.Type)
	}
	return out
}

// The stage is shared by the pipeline's workers: articles processed at
// once get the same codes as one by one.
func TestConcurrent(t *testing.T) {
	s := getStages(t)
	texts := []string{
		"Gunmen stormed a church in Owo, Nigeria, on Sunday.",
		"Merkel met union leaders in Berlin on Tuesday.",
		"Yemeni militiamen seized a port.",
		"Hezbollah fired rockets at an army post.",
	}
	want := make([]string, len(texts))
	base := make([]*model.Article, len(texts))
	for i, tx := range texts {
		base[i] = analyze(t, "2015-06-01", tx, false)
		a := clone(base[i])
		if err := s.act.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		want[i] = strings.Join(codes(a), " ")
	}
	done := make(chan error)
	for w := 0; w < 4; w++ {
		go func() {
			for k := 0; k < 20; k++ {
				i := (w + k) % len(texts)
				a := clone(base[i])
				if err := s.act.Process(context.Background(), a); err != nil {
					done <- err
					return
				}
				if got := strings.Join(codes(a), " "); got != want[i] {
					done <- fmt.Errorf("%q: %s, alone %s", texts[i], got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for w := 0; w < 4; w++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func clone(a *model.Article) *model.Article {
	b := *a
	b.Entities = append([]model.Entity(nil), a.Entities...)
	return &b
}

func codes(a *model.Article) []string {
	var out []string
	for _, e := range a.Entities {
		out = append(out, e.ID+"="+model.Deref(e.Code))
	}
	return out
}

func withUserAgents(t *testing.T, agents string) *actors.Stage {
	t.Helper()
	roots, err := pipeline.Roots(nil)
	if err != nil {
		t.Fatal(err)
	}
	user := fstest.MapFS{actors.AgentsFile: {Data: []byte(agents)}}
	std := petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions())
	return actors.New(std, append(roots, fs.FS(user))...)
}

// A user agents file adds agent nouns that combine with a country; a
// line that cannot be read stops the run with file:line.
func TestUserAgents(t *testing.T) {
	st := withUserAgents(t, "GONDOLIER [~BUS]\n")
	a := analyze(t, "2021-06-01", "Italian gondoliers blocked the canal in protest.", false)
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if got, _ := codeAt(a, "gondoliers"); got != "ITABUS" {
		t.Errorf("gondoliers is %q, want ITABUS (entities %+v)", got, names(a))
	}
	err := withUserAgents(t, "GOOD_NOUN [~BUS]\nBROKEN_NOUN [~BUS\n").Load()
	if err == nil || !strings.Contains(err.Error(), actors.AgentsFile+":2") {
		t.Fatalf("Load() = %v, want an error at %s:2", err, actors.AgentsFile)
	}
}

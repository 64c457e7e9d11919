package actors_test

import (
	"context"
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

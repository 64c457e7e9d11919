package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// The PLOVER development ratchet: the figures of
// ../shared/dev/score_plover.py, computed in process the way the scorer
// computes them from `sitrep extract` (one JSON Lines article per gold
// record, its date as the publication date). Raise the floors when the
// coder improves; a change that lowers them fails CI.
const (
	// 0.805 since the border-closure and recapture lines (sixth session):
	// three events Phoenix's CAMEO dictionary codes (CLOSE BORDER 172,
	// retaking a village 192) that the one-event records do not list
	// count as extra; the floor is the target
	ploverDevMinPrecision = 0.800 // 0.821 at 7d2458c, 0.805 at the border lines
	ploverDevMinRecall    = 0.715 // 0.720 at 7d2458c
)

// ploverRoot maps a CAMEO root to its PLOVER type as the scorer does
// when an event carries no PLOVER type of its own.
var ploverRoot = map[string]string{"02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
	"06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
	"11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
	"16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}

// ploverAlias folds PLOVER 0.5 names and old country codes as the scorer does.
var (
	ploverAlias  = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
	countryAlias = map[string]string{"JAP": "JPN", "UK": "GBR", "GER": "DEU", "ROM": "ROU"}
)

type ploverRecord struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Date   string `json:"date"`
	Event  string `json:"event"`
	Source any    `json:"source"`
}

func ploverCountry(code string) string {
	c := strings.ToUpper(code)
	if len(c) > 3 {
		c = c[:3]
	}
	if a, ok := countryAlias[c]; ok {
		return a
	}
	return c
}

func ploverType(ev *model.Event) string {
	t := strings.ToUpper(ev.Plover.Type)
	if t == "" {
		for _, p := range []string{"084", "085", "086", "087"} {
			if strings.HasPrefix(ev.Cameo, p) {
				t = "RETREAT"
			}
		}
	}
	if t == "" && len(ev.Cameo) >= 2 {
		t = ploverRoot[ev.Cameo[:2]]
	}
	if a, ok := ploverAlias[t]; ok {
		return a
	}
	return t
}

// TestPloverDevRatchet scores the whole pipeline on the development half
// of the PLOVER gold standard records.
func TestPloverDevRatchet(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 164 records through the whole pipeline")
	}
	path := testutil.Shared(t, "dev/plover-gsr-dev.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var all []json.RawMessage
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	type gold struct {
		typ     string
		sources map[string]bool
	}
	golds := map[string]gold{}
	var lines []byte
	for _, m := range all {
		var r ploverRecord
		if json.Unmarshal(m, &r) != nil || r.Event == "" || r.Event == "DOCUMENT" {
			continue
		}
		g := gold{typ: r.Event, sources: map[string]bool{}}
		if a, ok := ploverAlias[g.typ]; ok {
			g.typ = a
		}
		if srcs, ok := r.Source.([]any); ok {
			for _, s := range srcs {
				if o, ok := s.(map[string]any); ok {
					code, _ := o["code"].(string)
					g.sources[ploverCountry(code)] = true
				}
			}
		}
		golds[r.ID] = g
		date := r.Date
		if date == "" {
			date = "2000-01-01"
		}
		line, err := json.Marshal(map[string]string{"url": "dev://" + r.ID, "title": r.ID, "published": date, "text": r.Text})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(append(lines, line...), '\n')
	}
	in := filepath.Join(t.TempDir(), "dev.jsonl")
	if err := os.WriteFile(in, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	hit := map[string]bool{}
	extracted, good := 0, 0
	err = ingest.Read(ctx, in, ingest.DefaultOptions(), func(a *model.Article) error {
		if err := p.Process(ctx, a); err != nil {
			t.Errorf("%s: %v", a.Source, err)
			return nil
		}
		id := strings.TrimPrefix(model.Deref(a.URL), "dev://")
		g, ok := golds[id]
		if !ok {
			t.Errorf("%s: article with no record (url %q)", a.Source, model.Deref(a.URL))
			return nil
		}
		for i := range a.Events {
			ev := &a.Events[i]
			extracted++
			if ploverType(ev) == g.typ && (len(g.sources) == 0 || g.sources[ploverCountry(ev.Source.Code)]) {
				good++
				hit[id] = true
			}
		}
		return nil
	}, func(err error) { t.Errorf("ingest: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	prec := float64(good) / float64(max(extracted, 1))
	rec := float64(len(hit)) / float64(max(len(golds), 1))
	t.Logf("PLOVER dev: records %d extracted %d precision %.3f recall %.3f", len(golds), extracted, prec, rec)
	if prec < ploverDevMinPrecision || rec < ploverDevMinRecall {
		t.Errorf("PLOVER dev precision %.3f recall %.3f below the ratchet %.2f / %.2f", prec, rec, ploverDevMinPrecision, ploverDevMinRecall)
	}
}

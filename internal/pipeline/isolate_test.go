package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// trapStage fails on sentences holding a trigger word: it panics on
// "detonated", returns an error on "jammed", and counts the rest.
type trapStage struct{}

func (trapStage) Name() string { return "trap" }

func (trapStage) Process(_ context.Context, a *model.Article) error {
	for _, s := range a.Sentences {
		txt := a.Body[s.Start:s.End]
		if strings.Contains(txt, "detonated") {
			var xs []int
			_ = xs[len(txt)-len(txt)-1] // the shape of the events bug: index -1
		}
		if strings.Contains(txt, "jammed") {
			return errors.New("stage jammed")
		}
	}
	return nil
}

// trapped returns the real pipeline with trapStage inserted after the
// text stage (stage 0).
func trapped(t *testing.T, repanic bool) *Pipeline {
	t.Helper()
	p := testPipeline(t, repanic)
	stages := append([]model.Stage{p.stages[0], trapStage{}}, p.stages[1:]...)
	return &Pipeline{stages: stages, repanic: repanic}
}

func TestProcessIsolatesFailures(t *testing.T) {
	p := trapped(t, false)
	cases := []struct {
		name      string
		body      string
		panics    bool
		sentence  int
		wantInErr []string
	}{
		{"panic in second sentence",
			"Rebels shelled the market in Goma on Monday. A car bomb detonated near the mayor's office. Residents fled.",
			true, 1, []string{"feed.jsonl:7", "stage trap", "sentence 1", "A car bomb detonated", "index out of range",
				"at pipeline.trapStage.Process isolate_test.go:"}},
		{"panic in first sentence",
			"A roadside device detonated in Helmand, officials said.",
			true, 0, []string{"feed.jsonl:7", "sentence 0", "panic"}},
		{"plain error",
			"Radio signals jammed across the Baltic coast.",
			false, -1, []string{"feed.jsonl:7", "stage trap", "stage jammed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := model.NewArticle()
			a.Source, a.Body = "feed.jsonl:7", c.body
			err := p.Process(context.Background(), a)
			var ae *ArticleError
			if !errors.As(err, &ae) {
				t.Fatalf("Process = %v, want an *ArticleError", err)
			}
			if got := errors.Is(err, ErrPanic); got != c.panics {
				t.Errorf("errors.Is(err, ErrPanic) = %v, want %v", got, c.panics)
			}
			if ae.Sentence != c.sentence {
				t.Errorf("sentence %d, want %d", ae.Sentence, c.sentence)
			}
			if c.panics && len(ae.Stack) == 0 {
				t.Error("no stack for a recovered panic")
			}
			for _, w := range c.wantInErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %q", err, w)
				}
			}
		})
	}
	// the pipeline is still usable after a recovered panic
	a := model.NewArticle()
	a.Body = "Chile and Peru signed a fisheries agreement in Lima on Friday."
	if err := p.Process(context.Background(), a); err != nil {
		t.Fatalf("article after a panic: %v", err)
	}
	if len(a.Sentences) != 1 || len(a.Entities) == 0 {
		t.Errorf("article after a panic: %d sentences, %d entities", len(a.Sentences), len(a.Entities))
	}
}

func TestProcessRepanic(t *testing.T) {
	p := trapped(t, true)
	a := model.NewArticle()
	a.Body = "A shell detonated in the port of Odesa."
	defer func() {
		if recover() == nil {
			t.Error("Repanic: the stage's panic did not come through")
		}
	}()
	_ = p.Process(context.Background(), a)
}

// TestRunnerGoesOnAfterPanic: through the Runner (as extract, ingest and
// the queue use it), the record that panics is reported with its line and
// every other record comes out.
func TestRunnerGoesOnAfterPanic(t *testing.T) {
	p := trapped(t, false)
	bodies := []string{
		"Ghana's parliament approved the budget on Tuesday.",
		"A grenade detonated outside a bar in Bujumbura, police said.",
		"Vietnam and the Philippines held talks on fishing rights.",
		"Signals jammed at the airport in Riga for an hour.",
		"Bolivia expelled two diplomats on Thursday.",
	}
	var sb strings.Builder
	for i, b := range bodies {
		fmt.Fprintf(&sb, `{"url": "https://example.org/%d", "title": "Story %d", "text": %q}`+"\n", i, i, b)
	}
	var got []string
	var errs []error
	r := &Runner{Pipeline: p, Ingest: ingest.DefaultOptions(),
		OnError: func(err error) { errs = append(errs, err) },
		Emit: func(a *model.Article, _ store.PutResult) error {
			got = append(got, a.Source)
			return nil
		}}
	if err := r.Bytes(context.Background(), "wire.jsonl", []byte(sb.String())); err != nil {
		t.Fatal(err)
	}
	want := []string{"wire.jsonl:1", "wire.jsonl:3", "wire.jsonl:5"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("emitted %v, want %v", got, want)
	}
	if sum := r.Summary(); len(errs) != 2 || len(sum.Errors) != 2 || sum.Failed != 2 {
		t.Fatalf("errors %v (summary %d, failed %d), want 2", errs, len(sum.Errors), sum.Failed)
	}
	if !errors.Is(errs[0], ErrPanic) || !strings.Contains(errs[0].Error(), "wire.jsonl:2") || !strings.Contains(errs[0].Error(), "Bujumbura") {
		t.Errorf("first error %q: want a panic naming wire.jsonl:2 and its sentence", errs[0])
	}
	if errors.Is(errs[1], ErrPanic) || !strings.Contains(errs[1].Error(), "wire.jsonl:4") {
		t.Errorf("second error %q: want a plain error naming wire.jsonl:4", errs[1])
	}
}

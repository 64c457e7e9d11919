package actors_test

import (
	"context"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/actors"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/petrarch"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// benchBody is a few paragraphs of invented conflict and politics news.
var benchBody = strings.Repeat("Gunmen stormed a police station in Kano on Friday, killing three officers, residents said. "+
	"The Red Crescent said its teams evacuated the wounded to a hospital in the city. "+
	"Ramaphosa told reporters in Pretoria that South African troops would stay in the region. "+
	"Protesters clashed with police in Nairobi as lawmakers debated a finance bill. "+
	"Yemeni militiamen seized a port after heavy fighting with government forces. ", 4)

// BenchmarkStage times the actors stage alone on articles the text and
// entity stages filled (sentences/s; the tables are loaded beforehand).
func BenchmarkStage(b *testing.B) {
	s := getStages(b)
	base := analyze(b, "2021-06-01", benchBody, false)
	n := len(base.Sentences)
	ents := base.Entities
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := *base
		a.Entities = append([]model.Entity(nil), ents...)
		if err := s.act.Process(context.Background(), &a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoad times loading the tables from scratch: the Phoenix
// dictionaries (shared with the events coder in a pipeline), the
// overlay and the surname index (the brief: at most 1 s).
func BenchmarkLoad(b *testing.B) {
	roots, err := pipeline.Roots(nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		std := petrarch.NewStandard(sitrep.Lexicon, petrarch.PhoenixDir, petrarch.DefaultCompileOptions())
		if err := actors.New(std, roots...).Load(); err != nil {
			b.Fatal(err)
		}
	}
}

package syntax

import (
	"context"
	"testing"
)

// With gold tags, the parser learns six training trees by heart, with and
// without error exploration.
func TestParserLearnsTrainingTrees(t *testing.T) {
	ex, labels, lidx, dirs := goldExamples(t)
	for _, explore := range []float64{0, 0.9} {
		d, _ := trainParser(context.Background(), ex, labels, lidx, dirs, trainOptions{epochs: 10, explore: explore, seed: 1})
		var sc parseScratch
		n, ok := 0, 0
		for _, e := range ex {
			d.parse(&sc, e.w, e.p, e.a)
			for j := range e.w {
				n++
				if sc.st.heads[j] == e.gh[j] {
					ok++
				}
			}
		}
		if ok != n {
			t.Errorf("explore %v: %d of %d heads right", explore, ok, n)
		}
	}
}

// goldExamples are the tiny treebank's sentences as parser examples with
// their gold tags, every relation allowed in both directions.
func goldExamples(t *testing.T) ([]parseExample, []string, map[string]int16, [2][]bool) {
	t.Helper()
	ss := readTiny(t)
	_, _, tidx := tagClasses(ss)
	labels, lidx := labelSet(ss)
	tags := make([][]int32, len(ss))
	for i, s := range ss {
		for _, w := range s.Words {
			tags[i] = append(tags[i], int32(tidx[w.UPOS+"\t"+w.XPOS]))
		}
	}
	ex := examples(ss, tags, lidx, buildAmbig(ss, tidx))
	var dirs [2][]bool
	dirs[0], dirs[1] = make([]bool, len(labels)), make([]bool, len(labels))
	for i := range dirs[0] {
		dirs[0][i], dirs[1][i] = true, true
	}
	return ex, labels, lidx, dirs
}

package syntax

import (
	"context"
	"slices"
	"testing"
)

// Selectional branching keeps a whole tree (one head per word, one root
// dependent) whose score is at least the greedy parse's, and with no
// margin it is the greedy parse.
func TestBranchingKeepsBetterTree(t *testing.T) {
	ex, labels, lidx, dirs := goldExamples(t)
	d, _ := trainParser(context.Background(), ex, labels, lidx, dirs, trainOptions{epochs: 2, explore: 0.9, seed: 1})
	d.fold = newFolder(d.w)
	var sc parseScratch
	branched := 0
	for _, e := range ex {
		n := len(e.w)
		d.setBranching(0)
		d.parse(&sc, e.w, e.p, e.a)
		greedyHeads := slices.Clone(sc.st.heads[:n])
		d.setBranching(1e9)
		d.greedy(&sc, e.w, e.p, e.a, -1, 0)
		if !slices.Equal(sc.st.heads[:n], greedyHeads) {
			t.Fatalf("recording changed the greedy parse")
		}
		greedyScore := sc.cum[len(sc.cum)-1]
		d.parse(&sc, e.w, e.p, e.a)
		roots := 0
		for i, h := range sc.st.heads[:n] {
			if h < 0 || int(h) > n || int(h) == i {
				t.Fatalf("word %d: head %d", i, h)
			}
			if int(h) == n {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("%d root dependents", roots)
		}
		if got := sc.cum[len(sc.cum)-1]; got > greedyScore {
			branched++
		} else if !slices.Equal(sc.st.heads[:n], greedyHeads) {
			t.Errorf("the lower-scoring branch replaced the greedy parse")
		}
	}
	t.Logf("%d of %d sentences took the branch", branched, len(ex))
}

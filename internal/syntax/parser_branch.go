package syntax

import "math"

// Selectional branching (Choi & McCallum 2013): after the greedy parse,
// take the scored move whose runner-up came closest (below the margin),
// parse again from there with the runner-up, and keep whichever whole
// parse sums the higher score. One branch costs the moves after the
// branch point again (about a fifth more scored moves on EWT dev at a
// margin of 8).

// setBranching turns branching on below margin perceptron units (0: off).
func (d *depParser) setBranching(margin float64) {
	d.branch = margin
	d.branchUnits = 0
	if margin > 0 && d.w != nil && d.w.scale > 0 {
		d.branchUnits = int64(math.Min(margin/float64(d.w.scale), math.MaxInt32))
	}
}

// secondLegal returns the best legal class other than c (-1: none).
func secondLegal(d *depParser, st *pstate, scores []int32, c int) int {
	best, bs := -1, int32(0)
	try := func(k int) {
		if k != c && (best < 0 || scores[k] > bs) {
			best, bs = k, scores[k]
		}
	}
	if st.legal(moveShift) {
		try(0)
	}
	if st.legal(moveLeft) {
		if int(st.b) == st.n {
			try(1 + int(d.root))
		} else {
			for _, k := range d.left {
				try(int(k))
			}
		}
	}
	if st.legal(moveRight) {
		for _, k := range d.right {
			try(int(k))
		}
	}
	return best
}

func (d *depParser) parseBranching(sc *parseScratch, w []uint64, p []int32, a []uint64) {
	d.greedy(sc, w, p, a, -1, 0)
	if sc.at < 0 {
		return
	}
	st := &sc.st
	n := len(w)
	total := sc.cum[len(sc.cum)-1]
	sc.moves1, sc.cum1 = append(sc.moves1[:0], sc.moves...), append(sc.cum1[:0], sc.cum...)
	sc.heads1, sc.rels1 = append(sc.heads1[:0], st.heads[:n]...), append(sc.rels1[:0], st.rels[:n]...)
	d.greedy(sc, w, p, a, sc.at, sc.alt)
	if sc.cum[len(sc.cum)-1] > total {
		return
	}
	copy(st.heads[:n], sc.heads1)
	copy(st.rels[:n], sc.rels1)
}

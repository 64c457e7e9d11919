package syntax

import (
	"context"
	"math/rand/v2"
	"slices"
)

// depParser is the trained arc-hybrid parser. Classes: 0 SHIFT, 1+l
// LEFT(l), 1+L+l RIGHT(l) for the L relation labels.
type depParser struct {
	labels []string
	root   int16   // index of "root"
	left   []int32 // classes of LEFT moves allowed below a word head
	right  []int32 // classes of RIGHT moves
	w      *weights
	fold   *folder // nil: score every feature
	// branch > 0: selectional branching below this margin (perceptron
	// units; branchUnits is it in score units).
	branch      float64
	branchUnits int64
}

// parseExample is one training sentence for the parser.
type parseExample struct {
	w  []uint64 // lower-cased word hashes
	p  []int32  // tag classes (predicted, as at run time)
	a  []uint64 // ambiguity classes
	gh []int32  // gold heads, root = len(w)
	gl []int16  // gold label indices
}

// parseScratch is per-call working memory.
type parseScratch struct {
	st     pstate
	fs     []uint64
	bfs    []uint64 // the buffer features of bscore's buffer front
	scores [256]int32
	bscore [256]int32 // scores of the buffer features (see bufferTemplates)
	wk     scoreWork
	fscore []float32
	// selectional branching (parser_branch.go)
	moves, moves1 []int16
	cum, cum1     []int64
	at, alt       int
	margin        int32
	heads1        []int32
	rels1         []int16
}

func (d *depParser) nclasses() int { return 1 + 2*len(d.labels) }

// bestLegal returns the highest-scoring legal class (the first of
// equal bests, in the order shift, left, right).
func bestLegal[T int32 | float32](d *depParser, st *pstate, scores []T) int {
	best, bs := -1, T(0)
	if st.legal(moveShift) {
		best, bs = 0, scores[0]
	}
	if st.legal(moveLeft) {
		if int(st.b) == st.n {
			if c := 1 + int(d.root); best < 0 || scores[c] > bs {
				best, bs = c, scores[c]
			}
		} else {
			best, bs = bestOf(scores, d.left, best, bs)
		}
	}
	if st.legal(moveRight) {
		best, _ = bestOf(scores, d.right, best, bs)
	}
	return best
}

// bestOf returns the best of (best, bs) and the classes cs; a class
// wins only with a strictly higher score (best < 0: none yet).
func bestOf[T int32 | float32](scores []T, cs []int32, best int, bs T) (int, T) {
	for _, c := range cs {
		if v := scores[c]; best < 0 || v > bs {
			best, bs = int(c), v
		}
	}
	return best, bs
}

func (d *depParser) move(c int) (int, int16) {
	L := len(d.labels)
	switch {
	case c == 0:
		return moveShift, -1
	case c <= L:
		return moveLeft, int16(c - 1)
	}
	return moveRight, int16(c - 1 - L)
}

// parse fills heads (root = -1... see Parse) and labels for one sentence.
func (d *depParser) parse(sc *parseScratch, w []uint64, p []int32, a []uint64) {
	if d.branch <= 0 {
		d.greedy(sc, w, p, a, -1, 0)
		return
	}
	d.parseBranching(sc, w, p, a)
}

// greedy parses from the start, or, with at ≥ 0, replays sc.moves[:at],
// applies class alt there and parses the rest greedily. With branching
// on it records in sc.moves and sc.cum every class taken and the running
// score sum, and in sc.at, sc.alt the closest call (the scored move
// whose runner-up is nearest, below the branching margin).
func (d *depParser) greedy(sc *parseScratch, w []uint64, p []int32, a []uint64, at int, alt int) {
	nc := d.nclasses()
	st := &sc.st
	st.init(len(w))
	front := int32(-1)
	record := d.branch > 0
	var sum int64
	if record {
		sc.moves, sc.cum = sc.moves[:0], sc.cum[:0]
		sc.at, sc.margin = -1, int32(d.branchUnits)
		for i := range at {
			c := sc.moves1[i]
			m, l := d.move(int(c))
			st.apply(m, l)
			sc.moves, sc.cum = append(sc.moves, c), append(sc.cum, sc.cum1[i])
		}
		if at > 0 {
			sum = sc.cum1[at-1]
		}
	}
	for !st.done() {
		if len(st.stack) == 0 {
			st.apply(moveShift, -1) // the only legal move
			if record {
				sc.moves, sc.cum = append(sc.moves, 0), append(sc.cum, sum)
			}
			continue
		}
		sc.fs = parseFeatures(sc.fs[:0], st, w, p, a)
		if d.fold != nil {
			if st.b != front {
				front = st.b
				sc.bfs = bufferFeatures(sc.bfs[:0], sc.fs)
				d.w.score(&sc.wk, sc.bfs, &sc.bscore)
			}
			idx := d.fold.pattern(st)
			sc.fs = d.fold.fold(sc.fs, idx)
			d.w.scoreWith(&sc.wk, sc.fs, int(d.fold.row[idx]), &sc.bscore, &sc.scores)
		} else {
			d.w.score(&sc.wk, sc.fs, &sc.scores)
		}
		c := bestLegal(d, st, sc.scores[:nc])
		if record {
			if len(sc.moves) == at {
				c = alt
			} else if at < 0 {
				if c2 := secondLegal(d, st, sc.scores[:nc], c); c2 >= 0 {
					if m := sc.scores[c] - sc.scores[c2]; m < sc.margin {
						sc.at, sc.alt, sc.margin = len(sc.moves), c2, m
					}
				}
			}
			sum += int64(sc.scores[c])
			sc.moves, sc.cum = append(sc.moves, int16(c)), append(sc.cum, sum)
		}
		m, l := d.move(c)
		st.apply(m, l)
	}
}

// labelSet returns the relation labels in a fixed order, and the
// classes each direction allows.
func labelSet(ss []Sentence) (labels []string, index map[string]int16) {
	seen := map[string]bool{}
	for _, s := range ss {
		for _, w := range s.Words {
			seen[w.Rel] = true
		}
	}
	for l := range seen {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	index = map[string]int16{}
	for i, l := range labels {
		index[l] = int16(i)
	}
	return labels, index
}

// trainOptions tune parser training.
type trainOptions struct {
	epochs  int
	explore float64 // probability of following a wrong prediction, after the first epoch
	seed    uint64
	prune   float64 // drop averaged weights smaller than this
	log     func(format string, args ...any)
}

func trainParser(ctx context.Context, ex []parseExample, labels []string, index map[string]int16, dirs [2][]bool, o trainOptions) (*depParser, *trainer) {
	d := &depParser{labels: labels, root: index["root"]}
	L := len(labels)
	for l := range L {
		if int16(l) == d.root {
			continue
		}
		if dirs[0][l] {
			d.left = append(d.left, int32(1+l))
		}
		if dirs[1][l] {
			d.right = append(d.right, int32(1+L+l))
		}
	}
	p := newTrainer(d.nclasses())
	rng := rand.New(rand.NewPCG(o.seed, 0x9a25e))
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	var sc parseScratch
	nc := d.nclasses()
	sc.fscore = make([]float32, nc)
	zero := make([]bool, nc)
	for epoch := range o.epochs {
		if ctx.Err() != nil {
			break
		}
		wrong, total := 0, 0
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ei := range order {
			e := &ex[ei]
			st := &sc.st
			st.init(len(e.w))
			for !st.done() {
				sc.fs = parseFeatures(sc.fs[:0], st, e.w, e.p, e.a)
				p.tick()
				p.score(sc.fs, sc.fscore)
				pred := bestLegal(d, st, sc.fscore)
				d.zeroCost(st, e, zero)
				total++
				if !zero[pred] {
					wrong++
					best, bs := -1, float32(0)
					for c, z := range zero {
						if z && (best < 0 || sc.fscore[c] > bs) {
							best, bs = c, sc.fscore[c]
						}
					}
					p.update(sc.fs, best, 1)
					p.update(sc.fs, pred, -1)
					if epoch == 0 || rng.Float64() >= o.explore {
						pred = best
					}
				}
				m, l := d.move(pred)
				st.apply(m, l)
			}
		}
		if o.log != nil {
			o.log("parser epoch %d: %.2f%% moves wrong", epoch+1, 100*float64(wrong)/float64(total))
		}
	}
	d.w = p.freeze(o.prune)
	return d, p
}

// zeroCost marks the legal classes of least cost (the dynamic oracle's
// correct set), with the gold label where the arc is gold.
func (d *depParser) zeroCost(st *pstate, e *parseExample, zero []bool) {
	clear(zero)
	L := len(d.labels)
	costs := [3]int{-1, -1, -1}
	minc := -1
	for m := range 3 {
		if st.legal(m) {
			costs[m] = st.cost(m, e.gh)
			if minc < 0 || costs[m] < minc {
				minc = costs[m]
			}
		}
	}
	if costs[moveShift] == minc {
		zero[0] = true
	}
	k := len(st.stack)
	if costs[moveLeft] == minc {
		s0 := st.stack[k-1]
		switch {
		case int(st.b) == st.n:
			zero[1+int(d.root)] = true
		case e.gh[s0] == st.b:
			zero[1+int(e.gl[s0])] = true
		default:
			for _, c := range d.left {
				zero[c] = true
			}
		}
	}
	if costs[moveRight] == minc {
		s0, s1 := st.stack[k-1], st.stack[k-2]
		if e.gh[s0] == s1 {
			zero[1+L+int(e.gl[s0])] = true
		} else {
			for _, c := range d.right {
				zero[c] = true
			}
		}
	}
}

package syntax

// Arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the
// end of the buffer (Ballesteros & Nivre 2013): words 0..n-1, root n.
//
//	SHIFT      push b0                       (b0 is a word)
//	LEFT(l)    s0 ← b0 with label l, pop s0  (b0 may be the root only when
//	                                          s0 is the last stack item)
//	RIGHT(l)   s1 → s0 with label l, pop s0
//
// Every word ends with exactly one head and the root with exactly one
// dependent, so no repair pass is needed.

const (
	moveShift = iota
	moveLeft
	moveRight
)

// pstate is a parser configuration plus the per-word child summaries the
// features read.
type pstate struct {
	n     int
	stack []int32
	b     int32
	heads []int32 // -1 until attached; n is the root
	rels  []int16
	// Nearest-to-the-edge children: lc1 leftmost, lc2 second leftmost,
	// rc1 rightmost, rc2 second rightmost (-1 none); counts; label sets.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	ll, rl             []uint64
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func (st *pstate) init(n int) {
	st.n = n
	m := n + 1
	st.stack = st.stack[:0]
	st.b = 0
	st.heads = grow32(st.heads, m)
	st.lc1, st.lc2 = grow32(st.lc1, m), grow32(st.lc2, m)
	st.rc1, st.rc2 = grow32(st.rc1, m), grow32(st.rc2, m)
	if cap(st.rels) < m {
		st.rels = make([]int16, m)
		st.nl, st.nr = make([]uint8, m), make([]uint8, m)
		st.ll, st.rl = make([]uint64, m), make([]uint64, m)
	}
	st.rels, st.nl, st.nr, st.ll, st.rl = st.rels[:m], st.nl[:m], st.nr[:m], st.ll[:m], st.rl[:m]
	for i := range m {
		st.heads[i], st.rels[i] = -1, -1
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i], st.ll[i], st.rl[i] = 0, 0, 0, 0
	}
}

func (st *pstate) done() bool { return len(st.stack) == 0 && int(st.b) == st.n }

// legal reports whether move m can apply.
func (st *pstate) legal(m int) bool {
	switch m {
	case moveShift:
		return int(st.b) < st.n
	case moveLeft:
		return len(st.stack) > 0 && (int(st.b) < st.n || len(st.stack) == 1)
	default:
		return len(st.stack) > 1
	}
}

func (st *pstate) arc(h, d int32, l int16) {
	st.heads[d], st.rels[d] = h, l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		switch {
		case st.lc1[h] < 0 || d < st.lc1[h]:
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		case st.lc2[h] < 0 || d < st.lc2[h]:
			st.lc2[h] = d
		}
		st.nl[h]++
		st.ll[h] |= bit
	} else {
		switch {
		case d > st.rc1[h]:
			st.rc2[h], st.rc1[h] = st.rc1[h], d
		case d > st.rc2[h]:
			st.rc2[h] = d
		}
		st.nr[h]++
		st.rl[h] |= bit
	}
}

func (st *pstate) apply(m int, l int16) {
	k := len(st.stack)
	switch m {
	case moveShift:
		st.stack = append(st.stack, st.b)
		st.b++
	case moveLeft:
		st.arc(st.b, st.stack[k-1], l)
		st.stack = st.stack[:k-1]
	default:
		st.arc(st.stack[k-2], st.stack[k-1], l)
		st.stack = st.stack[:k-1]
	}
}

// cost is the number of gold arcs (gold heads gh, root n) that move m
// makes unreachable: the dynamic oracle of Goldberg & Nivre (2013) for
// arc-hybrid, exact for projective trees.
func (st *pstate) cost(m int, gh []int32) int {
	k := len(st.stack)
	b := st.b
	n := int32(st.n)
	c := 0
	switch m {
	case moveShift:
		for i, s := range st.stack {
			if gh[s] == b {
				c++
			}
			if gh[b] == s && i != k-1 {
				c++
			}
		}
	case moveLeft:
		s0 := st.stack[k-1]
		if gh[s0] != b && ((k > 1 && gh[s0] == st.stack[k-2]) || gh[s0] > b) {
			c++
		}
		for j := b; j < n; j++ {
			if gh[j] == s0 {
				c++
			}
		}
	default:
		s0 := st.stack[k-1]
		if gh[s0] >= b {
			c++
		}
		for j := b; j < n; j++ {
			if gh[j] == s0 {
				c++
			}
		}
	}
	return c
}

package syntax

// Folding constant features. Many parser features take one fixed value
// in a whole class of configurations: every feature of s0's leftmost
// children when s0 has none, every s1 feature when the stack holds one
// word, the bias always. Each such feature costs a lookup and a long
// row (it fires in most moves, so it carries weights for most classes).
// At load the parser sums, for every pattern of absent children, the
// rows of the features that pattern makes constant into one dense row;
// a move then skips those features and adds that one row. The scores,
// hence the parses, are exactly those of the unfolded features.

// A foldGroup is one absence condition with its states: state 0 makes
// nothing constant; state s > 0 makes the templates consts[s-1] take the
// keys given there.
type foldGroup struct {
	consts [][]foldConst
}

type foldConst struct {
	tmpl int    // template (its position in parseFeatures' output is tmpl-1)
	key  uint64 // the feature's key in that state
}

// The constant features under each condition, with the atoms an absent
// word, child or count gives them in parseFeatures.
var (
	noWord, noTag, noLab = uint64(none), uint64(0), uint64(0)

	absentChild = func(w, p, l int) []foldConst {
		return []foldConst{{w, feat1(uint64(w), noWord)}, {p, feat1(uint64(p), noTag)}, {l, feat1(uint64(l), noLab)}}
	}
	// children: state 1 = exactly one child on that side (the second is
	// absent), state 2 = none.
	childGroup = func(w1, p1, l1, w2, p2, l2 int) foldGroup {
		second := absentChild(w2, p2, l2)
		return foldGroup{consts: [][]foldConst{second, append(absentChild(w1, p1, l1), second...)}}
	}
	s1Children = append(absentChild(fS1rw, fS1rp, fS1rl), foldConst{fS1lp, feat1(fS1lp, noTag)}, foldConst{fS1ll, feat1(fS1ll, noLab)})

	foldGroups = []foldGroup{
		childGroup(fS0lw, fS0lp, fS0ll, fS0l2w, fS0l2p, fS0l2l),
		childGroup(fS0rw, fS0rp, fS0rl, fS0r2w, fS0r2p, fS0r2l),
		childGroup(fB0lw, fB0lp, fB0ll, fB0l2w, fB0l2p, fB0l2l),
		// s1: 1 no right child, 2 no left child, 3 neither, 4 no s1.
		{consts: [][]foldConst{
			absentChild(fS1rw, fS1rp, fS1rl),
			{{fS1lp, feat1(fS1lp, noTag)}, {fS1ll, feat1(fS1ll, noLab)}},
			s1Children,
			append([]foldConst{
				{fS1w, feat1(fS1w, noWord)}, {fS1p, feat1(fS1p, noTag)}, {fS1wp, feat1(fS1wp, mix(noWord, noTag))},
				{fS1a, feat1(fS1a, noWord)},
				{fS1wVr, feat2(fS1wVr, noWord, 0)}, {fS1pVr, feat2(fS1pVr, noTag, 0)}, {fS1pVl, feat2(fS1pVl, noTag, 0)},
				{fS1pS1Sr, feat2(fS1pS1Sr, noTag, 0)}, {fS1pS1rpS1r2p, feat3(fS1pS1rpS1r2p, noTag, noTag, noTag)},
			}, s1Children...),
		}},
		// s2: 1 no s2.
		{consts: [][]foldConst{{{fS2p, feat1(fS2p, noTag)}, {fS2w, feat1(fS2w, noWord)}}}},
	}
	// always constant.
	foldAlways = []foldConst{{fB0pBias, feat1(fB0pBias, 0)}}
)

// nParseTemplates is the number of features parseFeatures appends.
const nParseTemplates = fS0aB0p

// bufferTemplates read only the buffer's first three words, which only
// SHIFT changes: a parse sums their rows once per buffer front and adds
// that sum to each move's scores (about two moves per word).
var bufferTemplates = []int{fB0w, fB0p, fB0wp, fB1w, fB1p, fB1wp, fB2w, fB2p, fB2wp, fB0pB1p, fB0pB1pB2p, fB0a, fB1a}

// folder holds, per pattern of group states, the positions to skip and
// the dense row (in the parser's weights) of their summed rows.
type folder struct {
	skip [][2]uint64 // bit t-1: template t is folded or a buffer template
	row  []uint32    // dense row index
}

// newFolder sums the constant rows of every pattern into w's dense
// rows. It returns nil if w cannot hold them (then nothing is folded).
func newFolder(w *weights) *folder {
	n := 1
	for _, g := range foldGroups {
		n *= 1 + len(g.consts)
	}
	f := &folder{skip: make([][2]uint64, n), row: make([]uint32, n)}
	base := len(w.dense) / w.nw
	dense := w.dense
	sum := make([]int64, w.classes)
	for idx := range n {
		clear(sum)
		add := func(cs []foldConst) {
			for _, c := range cs {
				f.skip[idx][(c.tmpl-1)/64] |= 1 << ((c.tmpl - 1) % 64)
				for _, e := range w.row(c.key) {
					sum[e.cls] += int64(e.q)
				}
			}
		}
		add(foldAlways)
		for _, t := range bufferTemplates {
			f.skip[idx][(t-1)/64] |= 1 << ((t - 1) % 64)
		}
		r := idx
		for _, g := range foldGroups {
			k := 1 + len(g.consts)
			if s := r % k; s > 0 {
				add(g.consts[s-1])
			}
			r /= k
		}
		var ok bool
		if dense, ok = w.appendDenseSums(dense, sum); !ok {
			return nil
		}
		f.row[idx] = uint32(base + idx)
	}
	if len(dense)/w.nw >= 1<<24 {
		return nil
	}
	w.dense = dense
	return f
}

// pattern returns the fold pattern of a configuration with a non-empty
// stack: the group states as a mixed-radix number, group 0 least
// significant.
func (f *folder) pattern(st *pstate) int {
	side := func(h int32, c1, c2 []int32) int {
		switch {
		case c1[h] < 0:
			return 2
		case c2[h] < 0:
			return 1
		}
		return 0
	}
	k := len(st.stack)
	s0, b0 := st.stack[k-1], st.b
	s1 := 4
	if k > 1 {
		v := st.stack[k-2]
		s1 = 0
		if st.rc1[v] < 0 {
			s1 |= 1
		}
		if st.lc1[v] < 0 {
			s1 |= 2
		}
	}
	s2 := 0
	if k < 3 {
		s2 = 1
	}
	return side(s0, st.lc1, st.lc2) + 3*(side(s0, st.rc1, st.rc2)+3*(side(b0, st.lc1, st.lc2)+3*(s1+5*s2)))
}

// bufferFeatures appends the buffer templates' features of fs (as
// parseFeatures returned them) to out.
func bufferFeatures(out, fs []uint64) []uint64 {
	for _, t := range bufferTemplates {
		out = append(out, fs[t-1])
	}
	return out
}

// fold removes the features pattern idx makes constant and the buffer
// features from fs (as parseFeatures returned them) and returns the
// rest.
func (f *folder) fold(fs []uint64, idx int) []uint64 {
	skip := f.skip[idx]
	out := fs[:0]
	for i, k := range fs {
		if skip[i>>6]&(1<<(i&63)) == 0 {
			out = append(out, k)
		}
	}
	return out
}

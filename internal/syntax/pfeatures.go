package syntax

// Parser feature templates, after Zhang & Nivre (2011) "Transition-based
// dependency parsing with rich non-local features", moved to arc-hybrid:
// their S0 is our s0, N0..N2 our b0..b2, and S0h (s0's head, which an
// arc-hybrid stack word never has yet) becomes s1, the word s0 may attach
// to by RIGHT.
const (
	fS0w = iota + 1
	fS0p
	fS0wp
	fS1w
	fS1p
	fS1wp
	fS2p
	fS2w
	fB0w
	fB0p
	fB0wp
	fB1w
	fB1p
	fB1wp
	fB2w
	fB2p
	fB2wp
	fS0wpB0wp
	fS0wpB0w
	fS0wB0wp
	fS0wpB0p
	fS0pB0wp
	fS0wB0w
	fS0pB0p
	fB0pB1p
	fS1wS0w
	fS1pS0p
	fS1pS0w
	fS1wS0p
	fS1wpS0wp
	fB0pB1pB2p
	fS0pB0pB1p
	fS1pS0pB0p
	fS0pS0lpB0p
	fS0pS0rpB0p
	fS0pB0pB0lp
	fS1pS1rpS0p
	fS1pS0pS0lp
	fS1pS0pS0rp
	fS2pS1pS0p
	fS1pB0p
	fS1wB0w
	fS0wD
	fS0pD
	fB0wD
	fB0pD
	fS0wB0wD
	fS0pB0pD
	fS1pS0pD
	fS1wS0wD
	fS0wVl
	fS0pVl
	fS0wVr
	fS0pVr
	fB0wVl
	fB0pVl
	fS1wVr
	fS1pVr
	fS1pVl
	fS0lw
	fS0lp
	fS0ll
	fS0rw
	fS0rp
	fS0rl
	fB0lw
	fB0lp
	fB0ll
	fS1rw
	fS1rp
	fS1rl
	fS1lp
	fS1ll
	fS0l2w
	fS0l2p
	fS0l2l
	fS0r2w
	fS0r2p
	fS0r2l
	fB0l2w
	fB0l2p
	fB0l2l
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fB0pB0lpB0l2p
	fS1pS1rpS1r2p
	fS0wSl
	fS0pSl
	fS0wSr
	fS0pSr
	fB0wBl
	fB0pBl
	fS1pS1Sr
	fB0pBias
	fS0a
	fB0a
	fB1a
	fS1a
	fS0aB0a
	fS0pB0a
	fS0aB0p
)

// dist buckets a word distance.
func dist(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	}
	return 7
}

// parseFeatures appends the features of the configuration. w holds the
// lower-cased word hashes, p the tag classes and a the ambiguity classes
// (the tags a word may have: robust where the tagger erred) of words
// 0..n-1.
func parseFeatures(fs []uint64, st *pstate, w []uint64, p []int32, a []uint64) []uint64 {
	n := int32(st.n)
	word := func(i int32) uint64 {
		switch {
		case i < 0:
			return none
		case i == n:
			return 3
		}
		return w[i]
	}
	tag := func(i int32) uint64 {
		switch {
		case i < 0:
			return 0
		case i == n:
			return 1
		}
		return uint64(p[i]) + 2
	}
	amb := func(i int32) uint64 {
		switch {
		case i < 0:
			return none
		case i == n:
			return 3
		}
		return a[i]
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(st.rels[i]) + 2
	}
	k := len(st.stack)
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k > 0 {
		s0 = st.stack[k-1]
	}
	if k > 1 {
		s1 = st.stack[k-2]
	}
	if k > 2 {
		s2 = st.stack[k-3]
	}
	b0 := st.b
	b1, b2 := b0+1, b0+2
	if b1 > n {
		b1 = -1
	}
	if b2 > n {
		b2 = -1
	}
	child := func(c []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return c[i]
	}
	s0l, s0l2, s0r, s0r2 := child(st.lc1, s0), child(st.lc2, s0), child(st.rc1, s0), child(st.rc2, s0)
	s1l, s1r, s1r2 := child(st.lc1, s1), child(st.rc1, s1), child(st.rc2, s1)
	b0l, b0l2 := st.lc1[b0], st.lc2[b0]

	s0w, s0p := word(s0), tag(s0)
	s1w, s1p := word(s1), tag(s1)
	s2w, s2p := word(s2), tag(s2)
	b0w, b0p := word(b0), tag(b0)
	b1w, b1p := word(b1), tag(b1)
	b2w, b2p := word(b2), tag(b2)
	s0wp, s1wp, b0wp, b1wp, b2wp := mix(s0w, s0p), mix(s1w, s1p), mix(b0w, b0p), mix(b1w, b1p), mix(b2w, b2p)

	var d, d2 uint64
	if s0 >= 0 {
		d = dist(b0 - s0)
	}
	if s1 >= 0 {
		d2 = dist(s0 - s1)
	}
	var s0vl, s0vr, s1vl, s1vr, s0sl, s0sr, s1sr uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = uint64(st.nl[s0]), uint64(st.nr[s0]), st.ll[s0], st.rl[s0]
	}
	if s1 >= 0 {
		s1vl, s1vr, s1sr = uint64(st.nl[s1]), uint64(st.nr[s1]), st.rl[s1]
	}
	b0vl, b0sl := uint64(st.nl[b0]), st.ll[b0]

	return append(fs,
		feat1(fS0w, s0w), feat1(fS0p, s0p), feat1(fS0wp, s0wp),
		feat1(fS1w, s1w), feat1(fS1p, s1p), feat1(fS1wp, s1wp),
		feat1(fS2p, s2p), feat1(fS2w, s2w),
		feat1(fB0w, b0w), feat1(fB0p, b0p), feat1(fB0wp, b0wp),
		feat1(fB1w, b1w), feat1(fB1p, b1p), feat1(fB1wp, b1wp),
		feat1(fB2w, b2w), feat1(fB2p, b2p), feat1(fB2wp, b2wp),
		feat2(fS0wpB0wp, s0wp, b0wp), feat2(fS0wpB0w, s0wp, b0w), feat2(fS0wB0wp, s0w, b0wp),
		feat2(fS0wpB0p, s0wp, b0p), feat2(fS0pB0wp, s0p, b0wp), feat2(fS0wB0w, s0w, b0w),
		feat2(fS0pB0p, s0p, b0p), feat2(fB0pB1p, b0p, b1p),
		feat2(fS1wS0w, s1w, s0w), feat2(fS1pS0p, s1p, s0p), feat2(fS1pS0w, s1p, s0w), feat2(fS1wS0p, s1w, s0p),
		feat2(fS1wpS0wp, s1wp, s0wp),
		feat3(fB0pB1pB2p, b0p, b1p, b2p), feat3(fS0pB0pB1p, s0p, b0p, b1p), feat3(fS1pS0pB0p, s1p, s0p, b0p),
		feat3(fS0pS0lpB0p, s0p, tag(s0l), b0p), feat3(fS0pS0rpB0p, s0p, tag(s0r), b0p),
		feat3(fS0pB0pB0lp, s0p, b0p, tag(b0l)), feat3(fS1pS1rpS0p, s1p, tag(s1r), s0p),
		feat3(fS1pS0pS0lp, s1p, s0p, tag(s0l)), feat3(fS1pS0pS0rp, s1p, s0p, tag(s0r)),
		feat3(fS2pS1pS0p, s2p, s1p, s0p), feat2(fS1pB0p, s1p, b0p), feat2(fS1wB0w, s1w, b0w),
		feat2(fS0wD, s0w, d), feat2(fS0pD, s0p, d), feat2(fB0wD, b0w, d), feat2(fB0pD, b0p, d),
		feat3(fS0wB0wD, s0w, b0w, d), feat3(fS0pB0pD, s0p, b0p, d),
		feat3(fS1pS0pD, s1p, s0p, d2), feat3(fS1wS0wD, s1w, s0w, d2),
		feat2(fS0wVl, s0w, s0vl), feat2(fS0pVl, s0p, s0vl), feat2(fS0wVr, s0w, s0vr), feat2(fS0pVr, s0p, s0vr),
		feat2(fB0wVl, b0w, b0vl), feat2(fB0pVl, b0p, b0vl),
		feat2(fS1wVr, s1w, s1vr), feat2(fS1pVr, s1p, s1vr), feat2(fS1pVl, s1p, s1vl),
		feat1(fS0lw, word(s0l)), feat1(fS0lp, tag(s0l)), feat1(fS0ll, lab(s0l)),
		feat1(fS0rw, word(s0r)), feat1(fS0rp, tag(s0r)), feat1(fS0rl, lab(s0r)),
		feat1(fB0lw, word(b0l)), feat1(fB0lp, tag(b0l)), feat1(fB0ll, lab(b0l)),
		feat1(fS1rw, word(s1r)), feat1(fS1rp, tag(s1r)), feat1(fS1rl, lab(s1r)),
		feat1(fS1lp, tag(s1l)), feat1(fS1ll, lab(s1l)),
		feat1(fS0l2w, word(s0l2)), feat1(fS0l2p, tag(s0l2)), feat1(fS0l2l, lab(s0l2)),
		feat1(fS0r2w, word(s0r2)), feat1(fS0r2p, tag(s0r2)), feat1(fS0r2l, lab(s0r2)),
		feat1(fB0l2w, word(b0l2)), feat1(fB0l2p, tag(b0l2)), feat1(fB0l2l, lab(b0l2)),
		feat3(fS0pS0lpS0l2p, s0p, tag(s0l), tag(s0l2)), feat3(fS0pS0rpS0r2p, s0p, tag(s0r), tag(s0r2)),
		feat3(fB0pB0lpB0l2p, b0p, tag(b0l), tag(b0l2)), feat3(fS1pS1rpS1r2p, s1p, tag(s1r), tag(s1r2)),
		feat2(fS0wSl, s0w, s0sl), feat2(fS0pSl, s0p, s0sl), feat2(fS0wSr, s0w, s0sr), feat2(fS0pSr, s0p, s0sr),
		feat2(fB0wBl, b0w, b0sl), feat2(fB0pBl, b0p, b0sl), feat2(fS1pS1Sr, s1p, s1sr),
		feat1(fB0pBias, 0),
		feat1(fS0a, amb(s0)), feat1(fB0a, amb(b0)), feat1(fB1a, amb(b1)), feat1(fS1a, amb(s1)),
		feat2(fS0aB0a, amb(s0), amb(b0)), feat2(fS0pB0a, s0p, amb(b0)), feat2(fS0aB0p, amb(s0), b0p),
	)
}

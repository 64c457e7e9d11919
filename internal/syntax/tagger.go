package syntax

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// tagger predicts a (UPOS, XPOS) pair per word: one class per pair seen
// in training, so the two tag sets never disagree ("IN" with "SCONJ" or
// "ADP", never "IN" with "NOUN"). Two greedy models, one left to right
// and one right to left (the same features over the reversed sentence),
// each see the tags they predicted on one side; their scores are summed.
type tagger struct {
	upos []string // per class
	xpos []string
	amb  *ambig
	sure *u64map  // exact form → 1 + class, for words never ambiguous in training (nil: none)
	w    *weights // left to right
	wb   *weights // right to left
}

// Tagger feature templates.
const (
	tBias = iota + 1
	tWord
	tForm
	tS1
	tS2
	tS3
	tS4
	tP1
	tP2
	tShape
	tT1
	tT2
	tT12
	tT1W
	tPW
	tPS3
	tPPW
	tNW
	tNS3
	tNNW
	tPWW
	tWNW
	tPShape
	tNShape
	tT1S3
	tFirstShape
	tS3NW
	tAmb
	tNAmb
	tNNAmb
	tPAmb
	tAmbNAmb
	tT1Amb
	tT1NAmb
	tWNAmb
	tT1NW
	tT12Amb
	tPAmbAmb
	tS3NAmb
)

// tagFeatures appends the features of word i (atoms at[i+pad]) given the
// two previous predicted classes (-1 before the sentence start):
// tagWordFeatures and tagContextFeatures, in the order training has
// always summed them, the word's ambiguity class after the first
// contextFeaturesBeforeAmb context features. Training adds float32
// scores in this order, and a reordered sum may break a tie otherwise,
// so retraining would no longer give the shipped model's bytes.
func tagFeatures(fs []uint64, at []wordAtoms, i, t1, t2 int) []uint64 {
	n := len(fs)
	fs = tagWordFeatures(fs, &at[i+pad])
	amb := fs[len(fs)-1] // tAmb, tagWordFeatures' last
	fs = tagContextFeatures(fs[:len(fs)-1], at, i, t1, t2)
	return slices.Insert(fs, n+wordFeatures-1+contextFeaturesBeforeAmb, amb)
}

// wordFeatures is the number of tagWordFeatures; contextFeaturesBeforeAmb
// the number of tagContextFeatures training sums before the word's
// ambiguity class (through tS3NW).
const wordFeatures, contextFeaturesBeforeAmb = 11, 17

// tagWordFeatures appends the features of tagFeatures that read word w
// alone (its identity, affixes, shape and ambiguity class, and the
// bias): the same wherever the word stands, so their row sums are kept
// per word (wordCache).
func tagWordFeatures(fs []uint64, w *wordAtoms) []uint64 {
	return append(fs,
		feat1(tBias, 0),
		feat1(tWord, w.lower),
		feat1(tForm, w.form),
		feat1(tS1, w.s1),
		feat1(tS2, w.s2),
		feat1(tS3, w.s3),
		feat1(tS4, w.s4),
		feat1(tP1, w.p1),
		feat1(tP2, w.p2),
		feat1(tShape, w.shape),
		feat1(tAmb, w.amb),
	)
}

// tagContextFeatures appends the rest of tagFeatures: those that read
// the neighbours or the predicted tags.
func tagContextFeatures(fs []uint64, at []wordAtoms, i, t1, t2 int) []uint64 {
	w := &at[i+pad]
	p, pp := &at[i+pad-1], &at[i+pad-2]
	nx, nn := &at[i+pad+1], &at[i+pad+2]
	a1, a2 := uint64(t1+3), uint64(t2+3)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(fs,
		feat1(tT1, a1),
		feat1(tT2, a2),
		feat2(tT12, a1, a2),
		feat2(tT1W, a1, w.lower),
		feat1(tPW, p.lower),
		feat1(tPS3, p.s3),
		feat1(tPPW, pp.lower),
		feat1(tNW, nx.lower),
		feat1(tNS3, nx.s3),
		feat1(tNNW, nn.lower),
		feat2(tPWW, p.lower, w.lower),
		feat2(tWNW, w.lower, nx.lower),
		feat2(tPShape, p.shape, w.shape),
		feat2(tNShape, w.shape, nx.shape),
		feat2(tT1S3, a1, w.s3),
		feat2(tFirstShape, first, w.shape),
		feat2(tS3NW, w.s3, nx.lower),
		feat1(tNAmb, nx.amb),
		feat1(tNNAmb, nn.amb),
		feat1(tPAmb, p.amb),
		feat2(tAmbNAmb, w.amb, nx.amb),
		feat2(tT1Amb, a1, w.amb),
		feat2(tT1NAmb, a1, nx.amb),
		feat2(tWNAmb, w.lower, nx.amb),
		feat2(tT1NW, a1, nx.lower),
		feat3(tT12Amb, a1, a2, w.amb),
		feat2(tPAmbAmb, p.amb, w.amb),
		feat2(tS3NAmb, w.s3, nx.amb),
	)
}

// tagScratch is per-call working memory.
type tagScratch struct {
	at     []wordAtoms
	rat    []wordAtoms // at reversed
	fs     []uint64
	scores [256]int32
	wk     scoreWork
	fscore []float32
	sum    []float32 // per word and class, both directions
	sure   []int16   // per word: sure class, -1 if none (fill)
	ent    []int32   // per word: its entry in wc, -1 if none
	// wc keeps what the tagger worked out about recent words
	// (wordcache.go), across calls: the scratch is pooled.
	wc wordCache
}

// reverse writes at backwards into dst.
func reverse(dst, at []wordAtoms) []wordAtoms {
	dst = append(dst[:0], at...)
	for i, j := 0, len(dst)-1; i < j; i, j = i+1, j-1 {
		dst[i], dst[j] = dst[j], dst[i]
	}
	return dst
}

// tag writes the class of each word into out (len(forms)); sc must
// hold the words' atoms, sure classes and entries (fill). With both,
// every word the sure table does not settle is scored by both models
// (as training tags its held-out folds, so retraining reproduces the
// shipped model); without, the right-to-left model skips the words the
// first is confident of.
func (t *tagger) tag(sc *tagScratch, out []int, both bool) {
	C := t.w.classes
	n := len(out)
	at := sc.at
	if cap(sc.sum) < n*C {
		sc.sum = make([]float32, n*C)
	}
	sc.sum = sc.sum[:n*C]
	for i := range out {
		out[i] = int(sc.sure[i])
	}
	score := func(w *weights, at []wordAtoms, i, p, t1, t2 int) {
		d := 0
		if w == t.wb {
			d = 1
		}
		t.wordRow(sc, d, sc.ent[p], &at[i+pad])
		sc.fs = tagContextFeatures(sc.fs[:0], at, i, t1, t2)
		w.addScores(&sc.wk, sc.fs, -1, &sc.scores)
	}
	greedy := func(w *weights, at []wordAtoms, pos func(int) int) {
		t1, t2 := -1, -2
		for i := range n {
			p := pos(i)
			if c := out[p]; c >= 0 {
				t1, t2 = c, t1
				continue
			}
			score(w, at, i, p, t1, t2)
			best := addScaled(sc.sum[p*C:p*C+C], sc.scores[:C], w.scale)
			t1, t2 = best, t1
		}
	}
	clear(sc.sum)
	greedy(t.w, at, func(i int) int { return i })
	for i := range n {
		if out[i] < 0 && !both {
			if c, ok := confident(sc.sum[i*C : i*C+C]); ok {
				out[i] = c
			}
		}
	}
	sc.rat = reverse(sc.rat, at)
	greedy(t.wb, sc.rat, func(i int) int { return n - 1 - i })
	for i := range n {
		if out[i] < 0 {
			out[i] = argmax(sc.sum[i*C : i*C+C])
		}
	}
}

// addScaled adds scores·scale into row (len(scores)) and returns the
// index of the first greatest score, as argmax(scores) would.
func addScaled(row []float32, scores []int32, scale float32) int {
	row = row[:len(scores)]
	b, bv := 0, scores[0]
	for c, v := range scores {
		row[c] += float32(v) * scale
		if v > bv {
			b, bv = c, v
		}
	}
	return b
}

// sureMargin is the lead of the best left-to-right score over the
// second below which the right-to-left model is consulted too. Above it
// the second model almost never overturns the first (on EWT dev, a
// margin of 20 leaves about 15% of the words it scores to the second
// model, and the tags and parses come out as good as with both models
// on every word), and it then reads the tag as a given history, like a
// sure word's.
const sureMargin = 20

// confident returns the best class of scores if it leads the second by
// more than sureMargin (the first of equal bests; a tie is no lead).
func confident(scores []float32) (int, bool) {
	if len(scores) < 2 {
		return 0, false
	}
	b, first, second := 0, scores[0], scores[1]
	if second > first {
		b, first, second = 1, second, first
	}
	for c := 2; c < len(scores); c++ {
		switch v := scores[c]; {
		case v > first:
			b, first, second = c, v, first
		case v > second:
			second = v
		}
	}
	return b, first-second > sureMargin
}

// argmax returns the index of the first greatest value (0 if none).
func argmax[T int32 | float32](s []T) int {
	if len(s) == 0 {
		return 0
	}
	b, bv := 0, s[0]
	for i := 1; i < len(s); i++ {
		if s[i] > bv {
			b, bv = i, s[i]
		}
	}
	return b
}

// tagClasses lists the (UPOS, XPOS) pairs of the sentences in a fixed
// order.
func tagClasses(ss []Sentence) (upos, xpos []string, index map[string]int) {
	seen := map[string]bool{}
	var keys []string
	for _, s := range ss {
		for _, w := range s.Words {
			k := w.UPOS + "\t" + w.XPOS
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	index = map[string]int{}
	for i, k := range keys {
		u, x, _ := strings.Cut(k, "\t")
		upos, xpos = append(upos, u), append(xpos, x)
		index[k] = i
	}
	return upos, xpos, index
}

// trainTagger trains a tagger for the given classes over epochs passes
// in a seeded shuffled order.
func trainTagger(ss []Sentence, upos, xpos []string, index map[string]int, epochs int, seed uint64) *tagger {
	p, pb := newTrainer(len(upos)), newTrainer(len(upos))
	amb := buildAmbig(ss, index)
	var gold []int
	order := make([]int, len(ss))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x7a66e5))
	var sc tagScratch
	sc.fscore = make([]float32, len(upos))
	forms := []string{}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := &ss[si]
			forms = forms[:0]
			for _, w := range s.Words {
				forms = append(forms, w.Form)
			}
			sc.at = fillAtoms(sc.at, forms, amb)
			gold = gold[:0]
			for _, w := range s.Words {
				gold = append(gold, index[w.UPOS+"\t"+w.XPOS])
			}
			learnTags(p, &sc, sc.at, gold)
			sc.rat = reverse(sc.rat, sc.at)
			slices.Reverse(gold)
			learnTags(pb, &sc, sc.rat, gold)
		}
	}
	return &tagger{upos: upos, xpos: xpos, amb: amb, w: p.freeze(0), wb: pb.freeze(0)}
}

// learnTags makes one greedy perceptron pass over a sentence.
func learnTags(p *trainer, sc *tagScratch, at []wordAtoms, gold []int) {
	t1, t2 := -1, -2
	for i, g := range gold {
		sc.fs = tagFeatures(sc.fs[:0], at, i, t1, t2)
		p.tick()
		p.score(sc.fs, sc.fscore)
		guess := argmax(sc.fscore)
		if guess != g {
			p.update(sc.fs, g, 1)
			p.update(sc.fs, guess, -1)
		}
		t1, t2 = guess, t1
	}
}

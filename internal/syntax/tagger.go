package syntax

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// tagger predicts a (UPOS, XPOS) pair per word, left to right, greedily:
// one class per pair seen in training, so the two tag sets never
// disagree ("IN" with "SCONJ" or "ADP", never "IN" with "NOUN").
type tagger struct {
	upos []string // per class
	xpos []string
	amb  *ambig
	w    *weights
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
)

// tagFeatures appends the features of word i (atoms at[i+pad]) given the
// two previous predicted classes (-1 before the sentence start).
func tagFeatures(fs []uint64, at []wordAtoms, i, t1, t2 int) []uint64 {
	w := &at[i+pad]
	p, pp := &at[i+pad-1], &at[i+pad-2]
	nx, nn := &at[i+pad+1], &at[i+pad+2]
	a1, a2 := uint64(t1+3), uint64(t2+3)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
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
		feat1(tAmb, w.amb),
		feat1(tNAmb, nx.amb),
		feat1(tNNAmb, nn.amb),
		feat1(tPAmb, p.amb),
		feat2(tAmbNAmb, w.amb, nx.amb),
		feat2(tT1Amb, a1, w.amb),
		feat2(tT1NAmb, a1, nx.amb),
	)
}

// tagScratch is per-call working memory.
type tagScratch struct {
	at     []wordAtoms
	fs     []uint64
	scores []int32
	fscore []float32
}

// tag writes the class of each word into out (len(forms)); at must hold
// the words' atoms (fillAtoms).
func (t *tagger) tag(sc *tagScratch, at []wordAtoms, out []int) {
	if len(sc.scores) < t.w.classes {
		sc.scores = make([]int32, t.w.classes)
	}
	t1, t2 := -1, -2
	for i := range out {
		sc.fs = tagFeatures(sc.fs[:0], at, i, t1, t2)
		t.w.score(sc.fs, sc.scores[:t.w.classes])
		best := argmax(sc.scores[:t.w.classes])
		out[i] = best
		t1, t2 = best, t1
	}
}

func argmax[T int32 | float32](s []T) int {
	b := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[b] {
			b = i
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
	p := newTrainer(len(upos))
	amb := buildAmbig(ss, index)
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
			t1, t2 := -1, -2
			for i, w := range s.Words {
				gold := index[w.UPOS+"\t"+w.XPOS]
				sc.fs = tagFeatures(sc.fs[:0], sc.at, i, t1, t2)
				p.tick()
				p.score(sc.fs, sc.fscore)
				guess := argmax(sc.fscore)
				if guess != gold {
					p.update(sc.fs, gold, 1)
					p.update(sc.fs, guess, -1)
				}
				t1, t2 = guess, t1
			}
		}
	}
	return &tagger{upos: upos, xpos: xpos, amb: amb, w: p.freeze(0)}
}

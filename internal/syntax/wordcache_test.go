package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testutil"
)

// The word and context features together are tagFeatures, each once,
// wherever the word stands and whatever the tags before it.
func TestTagFeaturesSplit(t *testing.T) {
	forms := []string{"Rebels", "shelled", "the", "port", "city", "of", "Xanthe", "on", "Tuesday", "."}
	at := fillAtoms(nil, forms, newU64map(nil, nil))
	for _, c := range []struct{ i, t1, t2 int }{
		{0, -1, -2}, {1, 4, -1}, {5, 0, 7}, {len(forms) - 2, 3, 3}, {len(forms) - 1, 9, 2},
	} {
		want := tagFeatures(nil, at, c.i, c.t1, c.t2)
		got := tagContextFeatures(tagWordFeatures(nil, &at[c.i+pad]), at, c.i, c.t1, c.t2)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("word %d (tags %d, %d): split features differ from tagFeatures", c.i, c.t1, c.t2)
		}
	}
}

// collidingWords returns a made-up name and a made-up plural noun of
// the same length that share an entry of a cache of 1<<bits entries.
func collidingWords(bits uint) (name, noun string) {
	entry := func(f string) uint64 { return hashString(f) * 0x9e3779b97f4a7c15 >> (64 - bits) }
	names := map[uint64]string{}
	for i := range 1 << bits {
		f := fmt.Sprintf("Karst%04dberg", i)
		names[entry(f)] = f
	}
	for i := 0; ; i++ {
		v := fmt.Sprintf("zorb%04dlings", i)
		if n, ok := names[entry(v)]; ok {
			return n, v
		}
	}
}

// The cache's rows are exactly the sums of the word features' rows, for
// both models, as words that share an entry take it from each other.
func TestWordRowsExact(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := p.tag
	C := tg.w.classes
	n1, v1 := collidingWords(wordCacheBits)
	forms := []string{n1, v1, "the", n1, "ceasefire", v1, v1, n1, "ceasefire", "the"}
	var sc tagScratch
	var want [256]int32
	var wk scoreWork
	for round := range 2 {
		tg.fill(&sc, forms)
		for i := range forms {
			a := &sc.at[i+pad]
			for d, w := range []*weights{tg.w, tg.wb} {
				tg.wordRow(&sc, d, sc.ent[i], a)
				w.score(&wk, tagWordFeatures(nil, a), &want)
				if !slices.Equal(sc.scores[:C], want[:C]) {
					t.Fatalf("round %d, %q (model %d): cached row differs from the features' sum", round, forms[i], d)
				}
			}
		}
	}
}

// refScratch is refTag's working memory, reused across calls as the
// tagger's scratch is.
type refScratch struct {
	at, rat []wordAtoms
	fs      []uint64
	sum     []float32
	out     []int
	wk      scoreWork
	scores  [256]int32
}

// refTag is the tagger without its word cache, as it was before it:
// atoms, sure classes and all of tagFeatures computed afresh for every
// word, in one lookup pass per word and model.
func refTag(tg *tagger, rs *refScratch, forms []string, both bool) []int {
	n := len(forms)
	rs.at = fillAtoms(rs.at, forms, tg.amb)
	at := rs.at
	C := tg.w.classes
	rs.out = slices.Grow(rs.out[:0], n)[:n]
	out := rs.out
	for i := range out {
		out[i] = -1
		if v, ok := tg.sure.get(at[i+pad].form); ok {
			out[i] = int(v) - 1
		}
	}
	rs.sum = slices.Grow(rs.sum[:0], n*C)[:n*C]
	sum := rs.sum
	clear(sum)
	greedy := func(w *weights, at []wordAtoms, pos func(int) int) {
		t1, t2 := -1, -2
		for i := range n {
			if c := out[pos(i)]; c >= 0 {
				t1, t2 = c, t1
				continue
			}
			rs.fs = tagFeatures(rs.fs[:0], at, i, t1, t2)
			w.score(&rs.wk, rs.fs, &rs.scores)
			best := argmax(rs.scores[:C])
			row := sum[pos(i)*C : pos(i)*C+C]
			for c, v := range rs.scores[:C] {
				row[c] += float32(v) * w.scale
			}
			t1, t2 = best, t1
		}
	}
	greedy(tg.w, at, func(i int) int { return i })
	for i := range n {
		if out[i] < 0 && !both {
			if c, ok := confident(sum[i*C : i*C+C]); ok {
				out[i] = c
			}
		}
	}
	rs.rat = reverse(rs.rat, at)
	greedy(tg.wb, rs.rat, func(i int) int { return n - 1 - i })
	for i := range n {
		if out[i] < 0 {
			out[i] = argmax(sum[i*C : i*C+C])
		}
	}
	return out
}

// The word cache gives exactly the tags of the tagger without them:
// cold and warm, with words repeated within a sentence, words too long
// for an entry, and words that share an entry (a later word of the
// sentence taking an earlier one's), with the right-to-left model
// scoring the words the first is sure of or not.
func TestWordCacheTagsExactly(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := p.tag
	name, noun := collidingWords(wordCacheBits) // in one entry
	long := strings.Repeat("counter", 6) + "measures"
	sentences := [][]string{
		strings.Fields("Troops shelled the harbour town and the town answered with rockets ."),
		strings.Fields("The ministry said talks would resume , but talks stalled again on Friday ."),
		{"Officials", "said", "the", long, "failed", "and", "the", long, "resumed", "."},
		{"Militias", "from", name, "were", noun, "the", "bridge", "."},
		{"Militias", "from", name, "were", noun, "the", "bridge", "near", name, "."},
		{"They", "kept", noun, "the", "road", "to", name, "."},
		strings.Fields("Protesters march on parliament as police fire tear gas"),
		{"Protests"},
	}
	var rs refScratch
	for _, both := range []bool{false, true} {
		var sc tagScratch
		for round := range 3 { // cold, then warm, then warm again
			for _, forms := range sentences {
				want := slices.Clone(refTag(tg, &rs, forms, both))
				tg.fill(&sc, forms)
				got := make([]int, len(forms))
				tg.tag(&sc, got, both)
				if !slices.Equal(got, want) {
					t.Errorf("both %v, round %d, %q: tags %v, want %v", both, round, forms, got, want)
				}
			}
		}
	}
}

// BenchmarkTagWordCache tags EWT dev's words with the word cache and
// without it (refTag, the tagger before it), alternating the two a pass
// at a time in one process, so that both see the same machine load;
// it reports each one's CPU time per word (tagging only: no lemmas, no
// headline casing) and the median of their per-pass ratio.
func BenchmarkTagWordCache(b *testing.B) {
	p, err := benchModel()
	if err != nil {
		b.Fatal(err)
	}
	dev, err := ReadCoNLLUFile(sharedUD(b, "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]string
	n, longest := 0, 0
	for _, s := range dev {
		longest = max(longest, len(s.Words))
		var forms []string
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		sents, n = append(sents, forms), n+len(forms)
	}
	tg := p.tag
	var sc tagScratch
	var rs refScratch
	out := make([]int, longest)
	cached := func() {
		for _, forms := range sents {
			tg.fill(&sc, forms)
			tg.tag(&sc, out[:len(forms)], false)
		}
	}
	uncached := func() {
		for _, forms := range sents {
			refTag(tg, &rs, forms, false)
		}
	}
	timed := func(f func()) float64 {
		c := testutil.CPUTime()
		f()
		return float64((testutil.CPUTime() - c).Nanoseconds()) / float64(n)
	}
	cached() // warm both, as a long-running pipeline is
	uncached()
	b.ResetTimer()
	var with, without, ratio []float64
	for i := range b.N {
		var x, y float64
		if i%2 == 0 {
			x, y = timed(uncached), timed(cached)
		} else {
			y, x = timed(cached), timed(uncached)
		}
		with, without = append(with, y), append(without, x)
		if x > 0 {
			ratio = append(ratio, y/x)
		}
	}
	med := func(v []float64) float64 {
		if len(v) == 0 {
			return 0
		}
		v = slices.Clone(v)
		slices.Sort(v)
		return v[len(v)/2]
	}
	b.ReportMetric(med(with), "cached-cpu-ns/word")
	b.ReportMetric(med(without), "uncached-cpu-ns/word")
	b.ReportMetric(med(ratio), "cached/uncached")
}

// addScaled adds the scaled scores and picks the class argmax picks:
// the first of equal bests, negative scores included.
func TestAddScaledIsArgmax(t *testing.T) {
	for _, c := range []struct {
		scores []int32
		best   int
	}{
		{[]int32{5}, 0},
		{[]int32{-3, -1, -2}, 1},
		{[]int32{2, 7, 7, 1}, 1},
		{[]int32{0, 0, 0}, 0},
		{[]int32{-9, 4, -9, 11, 11}, 3},
	} {
		row := make([]float32, len(c.scores))
		for i := range row {
			row[i] = 0.5
		}
		got := addScaled(row, c.scores, 0.25)
		if got != c.best || got != argmax(c.scores) {
			t.Errorf("%v: best %d, want %d", c.scores, got, c.best)
		}
		for i, v := range c.scores {
			if row[i] != 0.5+float32(v)*0.25 {
				t.Errorf("%v: row[%d] = %v, want %v", c.scores, i, row[i], 0.5+float32(v)*0.25)
			}
		}
	}
}

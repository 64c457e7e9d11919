package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// ambig maps a lower-cased word (its hash) to its ambiguity class: the
// hash of the set of tag classes the training data gives it. The class
// of the next words stands in for their not-yet-predicted tags ("to" +
// a word that is mostly a verb), and it generalises across words that
// share the set. Learnt from the training treebank only.
type ambig = u64map

// u64map is an immutable open-addressing map from non-zero uint64 keys
// to uint64 values (Go maps cost more memory and time in the hot path).
type u64map struct {
	keys []uint64 // 0 = empty
	vals []uint64
}

// ambigMinCount is how often a word must occur to get a class: rarer
// words are left to their suffixes and shape, as unseen words will be.
const ambigMinCount = 3

// tagCounts counts the tag classes of each word (by the hash key gives
// its form) and returns the words in a fixed order.
func tagCounts(ss []Sentence, index map[string]int, key func(string) uint64) (map[uint64]map[int]int, []uint64) {
	counts := map[uint64]map[int]int{}
	for _, s := range ss {
		for _, w := range s.Words {
			k := key(w.Form)
			if counts[k] == nil {
				counts[k] = map[int]int{}
			}
			counts[k][index[w.UPOS+"\t"+w.XPOS]]++
		}
	}
	keys := make([]uint64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return counts, keys
}

func buildAmbig(ss []Sentence, index map[string]int) *ambig {
	counts, keys := tagCounts(ss, index, hashLower)
	var ks, vs []uint64
	for _, k := range keys {
		m := counts[k]
		total := 0
		for _, c := range m {
			total += c
		}
		if total < ambigMinCount {
			continue
		}
		var cls []int
		for c, n := range m {
			if 20*n >= total { // tags under 5% are noise
				cls = append(cls, c)
			}
		}
		slices.Sort(cls)
		h := uint64(fnvOffset)
		for _, c := range cls {
			h = mix(h, uint64(c))
		}
		ks, vs = append(ks, k), append(vs, h|1)
	}
	return newU64map(ks, vs)
}

func newU64map(ks, vs []uint64) *u64map {
	size := 1
	for size < 2*len(ks)+2 {
		size <<= 1
	}
	a := &u64map{keys: make([]uint64, size), vals: make([]uint64, size)}
	mask := uint64(size - 1)
	for i, k := range ks {
		if k == 0 {
			k = 1
		}
		j := k & mask
		for a.keys[j] != 0 {
			j = (j + 1) & mask
		}
		a.keys[j], a.vals[j] = k, vs[i]
	}
	return a
}

// class returns the ambiguity class of a lower-cased word hash, 0 when
// the word is rare or unseen.
func (a *u64map) class(k uint64) uint64 { v, _ := a.get(k); return v }

// get returns the value of k.
func (a *u64map) get(k uint64) (uint64, bool) {
	if k == 0 {
		k = 1
	}
	mask := uint64(len(a.keys) - 1)
	for j := k & mask; ; j = (j + 1) & mask {
		switch a.keys[j] {
		case k:
			return a.vals[j], true
		case 0:
			return 0, false
		}
	}
}

func (a *u64map) write(bw *bufio.Writer) {
	var ks, vs []uint64
	for i, k := range a.keys {
		if k != 0 {
			ks, vs = append(ks, k), append(vs, a.vals[i])
		}
	}
	// Sorted so the file does not depend on the table's layout.
	idx := make([]int, len(ks))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int {
		if ks[x] < ks[y] {
			return -1
		}
		return 1
	})
	var b [8]byte
	binary.LittleEndian.PutUint32(b[:], uint32(len(ks)))
	bw.Write(b[:4])
	for _, i := range idx {
		binary.LittleEndian.PutUint64(b[:], ks[i])
		bw.Write(b[:])
		binary.LittleEndian.PutUint64(b[:], vs[i])
		bw.Write(b[:])
	}
}

// readU64map decodes a table written by write from the start of b and
// returns the bytes it used.
func readU64map(b []byte) (*u64map, int, error) {
	if len(b) < 4 {
		return nil, 0, errors.New("table: truncated")
	}
	n := int(binary.LittleEndian.Uint32(b))
	if n > 1<<24 || len(b) < 4+16*n {
		return nil, 0, fmt.Errorf("table: %d entries, truncated or implausible", n)
	}
	ks, vs := make([]uint64, n), make([]uint64, n)
	for i := range n {
		e := b[4+16*i:]
		ks[i], vs[i] = binary.LittleEndian.Uint64(e), binary.LittleEndian.Uint64(e[8:])
	}
	return newU64map(ks, vs), 4 + 16*n, nil
}

// Words the tagger need not score: a form seen at least sureMinCount
// times in training with one tag class at least sureShare of the time
// ("the", ",", "of") gets that class directly, which spares both
// directions' feature lookups for about half of running text.
const (
	sureMinCount = 20
	sureShare    = 0.995
)

// buildSure maps exact-form hashes to 1 + their sure tag class.
func buildSure(ss []Sentence, index map[string]int) *u64map {
	counts, keys := tagCounts(ss, index, hashString)
	var ks, vs []uint64
	for _, k := range keys {
		total, best, bn := 0, 0, -1
		for c, n := range counts[k] {
			total += n
			if n > bn || n == bn && c < best {
				best, bn = c, n
			}
		}
		if total >= sureMinCount && float64(bn) >= sureShare*float64(total) {
			ks, vs = append(ks, k), append(vs, uint64(best)+1)
		}
	}
	return newU64map(ks, vs)
}

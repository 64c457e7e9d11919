package syntax

// The tagger keeps what it worked out about the words it read lately,
// across calls (in the pooled scratch, so without locking): a word seen
// again skips its atoms, its ambiguity class and sure-table lookups, and
// the rows of its word features (tagWordFeatures), whose sum is the same
// wherever the word stands. An entry is checked against the word itself
// (its form, and its atoms before a row is used), so the tags are
// exactly those computed afresh: scores are integer sums, the same
// whatever was summed first.
const (
	// wordCacheBits sets the words a scratch keeps: 1<<wordCacheBits,
	// direct mapped on the exact form's hash. Memory: 112 bytes an
	// entry (0.9 MB) and two rows tables of 4·classes bytes an entry
	// (3.3 MB each for 102 classes, allocated zeroed, so the pages of the
	// right-to-left model's, which scores few words, mostly stay
	// untouched).
	wordCacheBits = 13
	// wordCacheForm is the longest form (bytes) an entry holds; longer
	// words are read afresh each time.
	wordCacheForm = 26
)

// wordEntry is one cached word: its form, atoms, sure class (-1: none),
// and whether its rows (one per direction) are filled.
type wordEntry struct {
	n      uint8 // len(form)+1; 0: empty
	hasRow [2]bool
	sure   int16
	form   [wordCacheForm]byte
	at     wordAtoms
}

// wordCache maps forms to wordEntries for one tagger (t); used with
// another, it starts afresh. rows[d] holds entry k's row for model d
// (0: left to right) at [k*classes, (k+1)*classes).
type wordCache struct {
	t    *tagger
	ent  []wordEntry
	rows [2][]int32
}

// fill sets sc.at to the atoms of forms (as fillAtoms), sc.sure to their
// sure classes (-1: none) and sc.ent to their entries in sc.wc (-1:
// none), from the cache where it has them.
func (t *tagger) fill(sc *tagScratch, forms []string) {
	n := len(forms)
	if cap(sc.at) < n+2*pad {
		sc.at = make([]wordAtoms, n+2*pad)
	}
	at := sc.at[:n+2*pad]
	sc.at = at
	for i := range pad {
		at[i] = startAtoms
		at[n+2*pad-1-i] = endAtoms
	}
	if cap(sc.sure) < n {
		sc.sure, sc.ent = make([]int16, n), make([]int32, n)
	}
	sc.sure, sc.ent = sc.sure[:n], sc.ent[:n]
	wc := &sc.wc
	if wc.t != t {
		N, C := 1<<wordCacheBits, t.w.classes
		*wc = wordCache{t: t, ent: make([]wordEntry, N),
			rows: [2][]int32{make([]int32, N*C), make([]int32, N*C)}}
	}
	for i, f := range forms {
		k := int32(hashString(f) * 0x9e3779b97f4a7c15 >> (64 - wordCacheBits))
		e := &wc.ent[k]
		if int(e.n) == len(f)+1 && string(e.form[:len(f)]) == f {
			at[i+pad], sc.sure[i], sc.ent[i] = e.at, e.sure, k
			continue
		}
		a := atomsOf(f)
		a.amb = t.amb.class(a.lower)
		s := int16(-1)
		if t.sure != nil {
			if v, ok := t.sure.get(a.form); ok {
				s = int16(v - 1)
			}
		}
		at[i+pad], sc.sure[i], sc.ent[i] = a, s, -1
		if len(f) <= wordCacheForm {
			*e = wordEntry{n: uint8(len(f) + 1), sure: s, at: a}
			copy(e.form[:], f)
			sc.ent[i] = k
		}
	}
}

// wordRow sets sc.scores[:classes] to model d's (0: left to right, 1:
// right to left) sum of the word features of a word (atoms a, entry k),
// from its entry's row if it has one.
func (t *tagger) wordRow(sc *tagScratch, d int, k int32, a *wordAtoms) {
	w := t.w
	if d == 1 {
		w = t.wb
	}
	C := w.classes
	var row []int32
	if k >= 0 {
		// A later word of the sentence may have taken the entry.
		if e := &sc.wc.ent[k]; e.at == *a {
			row = sc.wc.rows[d][int(k)*C : int(k)*C+C]
			if e.hasRow[d] {
				copy(sc.scores[:C], row)
				return
			}
			e.hasRow[d] = true
		}
	}
	sc.fs = tagWordFeatures(sc.fs[:0], a)
	w.score(&sc.wk, sc.fs, &sc.scores)
	copy(row, sc.scores[:C])
}

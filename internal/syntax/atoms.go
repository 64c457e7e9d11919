package syntax

// wordAtoms are the hashes of one word that features combine, computed
// once per word so feature extraction only mixes integers.
type wordAtoms struct {
	form  uint64 // exact form
	lower uint64 // lower-cased form
	shape uint64 // Xx/d classes with runs collapsed ("Xx", "d.d", "x-x")
	s1    uint64 // lower-case suffixes of 1–4 bytes
	s2    uint64
	s3    uint64
	s4    uint64
	p1    uint64 // lower-case prefixes of 1–2 bytes
	p2    uint64
	amb   uint64 // ambiguity class (0: rare or unseen word)
}

// pad is the number of boundary atoms kept on each side of a sentence.
const pad = 2

var (
	startAtoms = wordAtoms{form: 1, lower: 1, shape: 1, s1: 1, s2: 1, s3: 1, s4: 1, p1: 1, p2: 1, amb: 1}
	endAtoms   = wordAtoms{form: 2, lower: 2, shape: 2, s1: 2, s2: 2, s3: 2, s4: 2, p1: 2, p2: 2, amb: 2}
)

// fillAtoms writes the atoms of forms into at, with pad boundary entries
// on each side, reusing at's storage.
func fillAtoms(at []wordAtoms, forms []string, amb *ambig) []wordAtoms {
	n := len(forms) + 2*pad
	if cap(at) < n {
		at = make([]wordAtoms, n)
	}
	at = at[:n]
	for i := range pad {
		at[i] = startAtoms
		at[n-1-i] = endAtoms
	}
	for i, f := range forms {
		at[i+pad] = atomsOf(f)
		at[i+pad].amb = amb.class(at[i+pad].lower)
	}
	return at
}

func atomsOf(f string) wordAtoms {
	a := wordAtoms{form: hashString(f), lower: hashLower(f)}
	suf := func(k int) uint64 {
		if len(f) < k {
			return hashLower(f) ^ uint64(k)
		}
		return hashLower(f[len(f)-k:]) ^ uint64(k)<<60
	}
	a.s1, a.s2, a.s3, a.s4 = suf(1), suf(2), suf(3), suf(4)
	pre := func(k int) uint64 {
		if len(f) < k {
			return hashLower(f) ^ uint64(k)<<56
		}
		return hashLower(f[:k]) ^ uint64(k)<<56
	}
	a.p1, a.p2 = pre(1), pre(2)
	h := uint64(fnvOffset)
	var last byte
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c = 'X'
		case 'a' <= c && c <= 'z':
			c = 'x'
		case '0' <= c && c <= '9':
			c = 'd'
		case c >= 0x80:
			c = 'u'
		}
		if c == last {
			continue
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	a.shape = h
	return a
}

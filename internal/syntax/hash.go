package syntax

// Features are 64-bit hashes of a template number and its atoms (word
// hashes, tag ids, labels, distances). Collisions between 64-bit keys
// are negligible, so the weight table stores the key and never confuses
// two features.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	// none stands for an absent atom (no such token, no child).
	none = 0x9e3779b97f4a7c15
)

// mix folds v into h (a splitmix64-style round).
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 31
	return h
}

// feat hashes template t with its atoms; the result is never 0 (0 marks
// an empty slot in the tables).
func feat(t uint64, atoms ...uint64) uint64 {
	h := t * 0x94d049bb133111eb
	for _, a := range atoms {
		h = mix(h, a)
	}
	if h == 0 {
		h = 1
	}
	return h
}

func feat1(t, a uint64) uint64 {
	h := mix(t*0x94d049bb133111eb, a)
	if h == 0 {
		h = 1
	}
	return h
}

func feat2(t, a, b uint64) uint64 {
	h := mix(mix(t*0x94d049bb133111eb, a), b)
	if h == 0 {
		h = 1
	}
	return h
}

func feat3(t, a, b, c uint64) uint64 {
	h := mix(mix(mix(t*0x94d049bb133111eb, a), b), c)
	if h == 0 {
		h = 1
	}
	return h
}

// hashString is FNV-1a over s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashLower is FNV-1a over the ASCII-lower-cased s (other bytes as they
// are), without allocating.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// idTable maps feature keys to dense ids during training (open
// addressing, linear probing, key and id side by side: one cache miss a
// lookup; Go maps cost more memory and time per key).
type idTable struct {
	cells []idCell
	n     int
}

type idCell struct {
	key uint64
	id  int32
}

func newIDTable() *idTable {
	return &idTable{cells: make([]idCell, 1<<16)}
}

// get returns the id of key, or -1.
func (t *idTable) get(key uint64) int32 {
	mask := uint64(len(t.cells) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		switch t.cells[i].key {
		case key:
			return t.cells[i].id
		case 0:
			return -1
		}
	}
}

// put stores key → id (key must be absent).
func (t *idTable) put(key uint64, id int32) {
	if 2*(t.n+1) > len(t.cells) {
		old := t.cells
		t.cells = make([]idCell, 2*len(old))
		t.n = 0
		for _, c := range old {
			if c.key != 0 {
				t.put(c.key, c.id)
			}
		}
	}
	mask := uint64(len(t.cells) - 1)
	i := key & mask
	for t.cells[i].key != 0 {
		i = (i + 1) & mask
	}
	t.cells[i] = idCell{key, id}
	t.n++
}

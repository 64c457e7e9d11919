package model

import "sort"

// OffsetMap maps byte offsets of a cleaned body back to the raw input it
// was cut from. It is a sorted list of segments: body bytes
// [Body, Body+Len) were copied verbatim from raw bytes [Raw, Raw+Len).
// Bytes the cleaner inserted (e.g. a newline joining two HTML blocks)
// belong to no segment.
type OffsetMap []Segment

// Segment is one verbatim run of an OffsetMap.
type Segment struct {
	Body int `json:"body"`
	Raw  int `json:"raw"`
	Len  int `json:"len"`
}

// Add appends a verbatim run, merging it with the previous one when the
// two are contiguous in both texts.
func (m *OffsetMap) Add(body, raw, n int) {
	if n <= 0 {
		return
	}
	if k := len(*m); k > 0 {
		last := &(*m)[k-1]
		if last.Body+last.Len == body && last.Raw+last.Len == raw {
			last.Len += n
			return
		}
	}
	*m = append(*m, Segment{Body: body, Raw: raw, Len: n})
}

// Raw returns the raw offset of body offset off, and false when off lies
// in text the cleaner inserted.
func (m OffsetMap) Raw(off int) (int, bool) {
	i := sort.Search(len(m), func(i int) bool { return m[i].Body+m[i].Len > off })
	if i == len(m) || off < m[i].Body {
		return 0, false
	}
	return m[i].Raw + off - m[i].Body, true
}

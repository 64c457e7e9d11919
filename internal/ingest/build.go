package ingest

import (
	"bytes"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// piece is a run of paragraph text and where it starts in the raw input
// (-1 when it was not copied verbatim).
type piece struct {
	text string
	raw  int
}

// bodyBuilder assembles an article body paragraph by paragraph, keeping
// the offset map and the subheading positions consistent with it.
type bodyBuilder struct {
	b       strings.Builder
	offs    model.OffsetMap
	subs    []string
	headAt  []int
	pending int // subheadings waiting for the paragraph they stand before
	// m, when set, maps pieces without a raw offset by finding their
	// words in the raw input.
	m *rawMapper
}

// para appends one paragraph made of pieces joined by single spaces.
// Empty pieces are skipped; an empty paragraph adds nothing.
func (bb *bodyBuilder) para(pieces ...piece) {
	first := true
	for _, p := range pieces {
		if p.text == "" {
			continue
		}
		if first {
			if bb.b.Len() > 0 {
				bb.b.WriteByte('\n')
			}
			start := bb.b.Len()
			for ; bb.pending > 0; bb.pending-- {
				bb.headAt = append(bb.headAt, start)
			}
			first = false
		} else {
			bb.b.WriteByte(' ')
		}
		if p.raw >= 0 {
			bb.offs.Add(bb.b.Len(), p.raw, len(p.text))
		} else if bb.m != nil {
			bb.m.mapInto(&bb.offs, bb.b.Len(), p.text)
		}
		bb.b.WriteString(p.text)
	}
}

// paraMapped appends a paragraph whose text was normalised (entities
// decoded, whitespace collapsed), mapping it back to raw where its words
// can still be found verbatim.
func (bb *bodyBuilder) paraMapped(text string, m *rawMapper) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	saved := bb.m
	bb.m = m
	bb.para(piece{text: text, raw: -1})
	bb.m = saved
}

// heading records a subheading standing before the next paragraph.
func (bb *bodyBuilder) heading(s string) {
	bb.subs = append(bb.subs, s)
	bb.pending++
}

func (bb *bodyBuilder) empty() bool { return bb.b.Len() == 0 }

// into stores body, offsets and subheadings in a.
func (bb *bodyBuilder) into(a *model.Article) {
	a.Body = bb.b.String()
	// A heading with no text after it titled boilerplate the cleaner
	// dropped ("Related stories", "More from World"): forget it.
	bb.subs = bb.subs[:len(bb.subs)-bb.pending]
	bb.pending = 0
	a.Offsets = bb.offs
	a.Subheadings = append([]string{}, bb.subs...)
	a.HeadingAt = append([]int{}, bb.headAt...)
}

// rawMapper finds normalised text back in the raw input, moving forward
// only, so that the offset map stays ordered.
type rawMapper struct {
	raw    []byte
	base   int // offset of raw[0] in the input the map refers to
	cursor int
}

// Search windows: a paragraph may start far after the previous one (ads,
// asides, scripts in between), but markup between two words of one
// paragraph is short. Bounded windows keep mapping linear and stop a
// word that cannot be found verbatim (an entity) from matching far away
// and dragging the cursor past the text that follows.
const (
	paraWindow = 64 << 10
	wordWindow = 1 << 10
)

func (m *rawMapper) find(s string) int { return m.findWithin(s, paraWindow) }

func (m *rawMapper) findWithin(s string, window int) int {
	if m.cursor >= len(m.raw) {
		return -1
	}
	end := min(len(m.raw), m.cursor+window+len(s))
	i := bytes.Index(m.raw[m.cursor:end], []byte(s))
	if i < 0 {
		return -1
	}
	return m.cursor + i
}

// mapInto adds segments for text placed at body offset at.
func (m *rawMapper) mapInto(offs *model.OffsetMap, at int, text string) {
	if i := m.find(text); i >= 0 {
		offs.Add(at, m.base+i, len(text))
		m.cursor = i + len(text)
		return
	}
	pos, found := 0, false
	for pos < len(text) {
		for pos < len(text) && text[pos] == ' ' {
			pos++
		}
		end := pos
		for end < len(text) && text[end] != ' ' {
			end++
		}
		if end > pos {
			w := text[pos:end]
			win := paraWindow
			if found {
				win = wordWindow
			}
			if i := m.findWithin(w, win); i >= 0 {
				offs.Add(at+pos, m.base+i, len(w))
				m.cursor = i + len(w)
				found = true
			}
		}
		pos = end
	}
}

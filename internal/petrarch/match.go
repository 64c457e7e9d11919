package petrarch

import "strings"

// binding records what a pattern's markers matched.
type binding struct {
	src, tgt, comp *group
	srcBefore      bool // the compound marker stood before the verb
}

func (b binding) consumed(g *group) bool {
	return g != nil && (g == b.src || g == b.tgt || g == b.comp)
}

// groupEndingAt returns the segmented group that ends exactly at e.
func (s *sent) groupEndingAt(e int) *group {
	for _, g := range s.groups {
		if g.end == e {
			return g
		}
	}
	return nil
}

// chunkEnd returns the end of the plain noun phrase starting at i (i if
// none): what a "^" skips.
func (s *sent) chunkEnd(i int) int {
	for i < len(s.words) && s.npTok(i) {
		i++
	}
	return i
}

func (s *sent) chunkStart(e int) int {
	i := e
	for i > 0 && s.npTok(i-1) {
		i--
	}
	return i
}

// synsetFwd returns the ends of every synset phrase matching at i.
func (s *sent) synsetFwd(name string, i int, depth int) []int {
	if depth > 8 {
		return nil
	}
	var out []int
	for _, p := range s.c.d.Synsets[strings.TrimPrefix(strings.TrimRight(name, "_"), "&")] {
		out = append(out, s.phraseFwd(p, 0, i, depth)...)
	}
	return out
}

func (s *sent) phraseFwd(p Phrase, k, i int, depth int) []int {
	if k == len(p) {
		return []int{i}
	}
	if i >= len(s.words) {
		return nil
	}
	w := p[k].Text
	if strings.HasPrefix(w, "&") {
		var out []int
		for _, e := range s.synsetFwd(w, i, depth+1) {
			out = append(out, s.phraseFwd(p, k+1, e, depth)...)
		}
		return out
	}
	if s.words[i] != w {
		return nil
	}
	return s.phraseFwd(p, k+1, i+1, depth)
}

// elemFwd returns the possible ends of pattern element w placed at i.
func (s *sent) elemFwd(w string, i int, b *binding) []int {
	if i >= len(s.words) {
		return nil
	}
	switch {
	case w == "$" || w == "+" || w == "%":
		g := s.groupAt(i)
		if len(g.members) == 0 || (w == "%" && len(g.members) < 2) {
			return nil
		}
		return []int{g.end}
	case w == "^":
		if e := s.chunkEnd(i); e > i {
			return []int{e}
		}
		return nil
	case strings.HasPrefix(w, "&"):
		return s.synsetFwd(w, i, 0)
	}
	if s.words[i] == w {
		return []int{i + 1}
	}
	return nil
}

// matchFwd matches pattern words ws[k:] from token i on; adj says the
// element must start exactly at i.
func (s *sent) matchFwd(ws []Word, k, i int, adj bool, b *binding, failed map[[3]int]bool) bool {
	if k == len(ws) {
		return true
	}
	// Success does not depend on earlier bindings, so a failed state
	// stays failed: remembering it keeps gapped patterns polynomial.
	key := [3]int{k, i, btoi(adj)}
	if failed[key] {
		return false
	}
	last := len(s.words) - 1
	if adj {
		last = i
	}
	for p := i; p <= last && p < len(s.words); p++ {
		for _, e := range s.elemFwd(ws[k].Text, p, b) {
			save := *b
			s.bind(ws[k].Text, p, e, b, false)
			if s.matchFwd(ws, k+1, e, ws[k].Next, b, failed) {
				return true
			}
			*b = save
		}
	}
	failed[key] = true
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// elemBack returns the possible starts of pattern element w ending at e.
func (s *sent) elemBack(w string, e int) []int {
	if e <= 0 {
		return nil
	}
	switch {
	case w == "$" || w == "+" || w == "%":
		g := s.groupEndingAt(e)
		if g == nil || (w == "%" && len(g.members) < 2) {
			return nil
		}
		return []int{g.start}
	case w == "^":
		if st := s.chunkStart(e); st < e {
			return []int{st}
		}
		return nil
	case strings.HasPrefix(w, "&"):
		var out []int
		for st := e - 1; st >= 0 && st >= e-8; st-- {
			for _, end := range s.synsetFwd(w, st, 0) {
				if end == e {
					out = append(out, st)
				}
			}
		}
		return out
	}
	if s.words[e-1] == w {
		return []int{e - 1}
	}
	return nil
}

// matchBack matches pattern words ws[:k+1] leftwards ending at or
// before e; adj says element k must end exactly at e.
func (s *sent) matchBack(ws []Word, k, e int, adj bool, b *binding, failed map[[3]int]bool) bool {
	if k < 0 {
		return true
	}
	key := [3]int{k, e, btoi(adj)}
	if failed[key] {
		return false
	}
	lo := 1
	if adj {
		lo = e
	}
	for end := e; end >= lo && end > 0; end-- {
		for _, st := range s.elemBack(ws[k].Text, end) {
			save := *b
			s.bind(ws[k].Text, st, end, b, true)
			if s.matchBack(ws, k-1, st, k > 0 && ws[k-1].Next, b, failed) {
				return true
			}
			*b = save
		}
	}
	failed[key] = true
	return false
}

func (s *sent) bind(w string, st, e int, b *binding, before bool) {
	var g *group
	switch w {
	case "$", "+", "%":
		if before {
			g = s.groupEndingAt(e)
		} else {
			g = s.groupAt(st)
		}
	default:
		return
	}
	switch w {
	case "$":
		b.src = g
	case "+":
		b.tgt = g
	case "%":
		b.comp, b.srcBefore = g, before
	}
}

// matchPattern tries one pattern around the verb occurrence.
func (s *sent) matchPattern(p *Pattern, v verbOcc) (binding, bool) {
	var b binding
	if !s.matchBack(p.Pre, len(p.Pre)-1, v.start, p.PreNext, &b, map[[3]int]bool{}) {
		return b, false
	}
	if !s.matchFwd(p.Post, 0, v.end, p.StarNext, &b, map[[3]int]bool{}) {
		return b, false
	}
	return b, true
}

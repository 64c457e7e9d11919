package events

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// attributions finds who says so in a sentence: speech verbs with their
// speakers ("Reuters reported", "X said in a statement") and "according
// to X", each with the tokens it covers.
func (c *Coder) attributions(art *model.Article, st *sent, ms []*match) []attr {
	var out []attr
	n := len(st.toks)
	medium := ""
	for k := 0; k+1 < n; k++ {
		if st.toks[k].low == "citing" {
			e := k + 1
			for e < n && !isBoundary(st.toks[e]) {
				e++
			}
			if e > k+1 {
				medium = art.Body[st.toks[k+1].start:st.toks[e-1].end]
			}
		}
	}
	for _, s := range ms {
		if s.p.class != classSpeech || s.noun || len(s.subj) == 0 {
			continue
		}
		sp := s.subj[0].m
		a := attr{}
		if id := sp.ent.ID; id != "" {
			a.a.Entity = &id // a group noun ("protesters said") has no entity
		}
		a.a.Code = model.Str(model.Deref(sp.ent.Code))
		a.a.Verb = st.toks[s.head].low
		a.alleged = st.words.allegeVerbs[st.toks[s.head].low]
		from := s.head
		to := s.last
		if s.subjAt >= 0 && s.subjAt < from {
			from = s.subjAt
		}
		if s.subjAt > s.last {
			to = sp.last
		}
		// medium: "in a statement", "in an interview", "on X"
		x := to + 1
		if x < n && (st.toks[x].low == "in" || st.toks[x].low == "on") {
			y := x + 1
			for y < n && st.words.determiners[st.toks[y].low] {
				y++
			}
			if y < n && isWordTok(st.toks[y]) && len(st.toks[y].ments) == 0 && st.toks[y].inTime == 0 {
				z := y
				for z+1 < n && isWordTok(st.toks[z+1]) && !st.words.prepositions[st.toks[z+1].low] && !st.words.clauseWords[st.toks[z+1].low] {
					z++
				}
				a.a.Medium = model.Str(art.Body[st.toks[y].start:st.toks[z].end])
				to = z
			}
		}
		if medium != "" && a.a.Medium == nil {
			a.a.Medium = model.Str(medium)
		}
		a.a.Text = art.Body[st.toks[from].start:st.toks[to].end]
		// what it covers: the complement after the verb, else what stands before
		rest := to + 1
		for rest < n && (st.toks[rest].inTime > 0 || st.toks[rest].low == "that" || st.toks[rest].low == "," && false) {
			rest++
		}
		parenthetical := from > 0 && st.toks[from-1].low == "," && rest < n && st.toks[rest].low == ","
		switch {
		case parenthetical:
			a.from, a.to = 0, n-1
		case rest < n && isWordTok(st.toks[rest]) && !st.words.prepositions[st.toks[rest].low]:
			a.from, a.to = rest, n-1
		case rest < n && (quoteOpen[st.toks[rest].text]):
			a.from, a.to = rest, n-1
		default:
			a.from, a.to = 0, from-1
		}
		out = append(out, a)
	}
	// "according to X"
	for k := 0; k+2 < n; k++ {
		if st.toks[k].low != "according" || st.toks[k+1].low != "to" {
			continue
		}
		e := k + 2
		for e < n && !isBoundary(st.toks[e]) {
			e++
		}
		refs := resolveNP(st, k+2, e-1)
		a := attr{from: 0, to: n - 1}
		a.a.Text = art.Body[st.toks[k].start:st.toks[e-1].end]
		a.a.Verb = "according to"
		if len(refs) > 0 {
			id := refs[0].ent.ID
			a.a.Entity = &id
			a.a.Code = model.Str(model.Deref(refs[0].ent.Code))
		}
		// "according to X" is the outermost claim of the sentence
		out = append([]attr{a}, out...)
	}
	// outermost first: wider coverage first
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].to-out[j].from > out[j-1].to-out[j-1].from; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// quotes finds direct quotations with their speakers.
func (c *Coder) quotes(art *model.Article, sents []*sent) []model.Quote {
	out := []model.Quote{}
	body := art.Body
	memo := map[int][]*match{}
	sentOf := func(off int) int {
		i := sort.Search(len(art.Sentences), func(i int) bool { return art.Sentences[i].End > off })
		if i < len(art.Sentences) && off >= art.Sentences[i].Start {
			return i
		}
		return -1
	}
	i := 0
	for i < len(body) {
		open, ol := quoteAt(body, i, true)
		if !open {
			i++
			continue
		}
		// an opening mark starts a word: not after a letter
		if i > 0 && isAlnum(body[i-1]) {
			i += ol
			continue
		}
		start := i + ol
		j := start
		end := -1
		for j < len(body) {
			if body[j] == '\n' {
				break
			}
			if cl, cll := quoteAt(body, j, false); cl && j > start {
				// a closing mark ends a word: not before a letter
				if j+cll >= len(body) || !isAlnum(body[j+cll]) {
					end = j
					break
				}
				j += cll
				continue
			}
			j++
		}
		if end < 0 {
			i = start
			continue
		}
		text := body[start:end]
		si := sentOf(start)
		if si < 0 || strings.TrimSpace(text) == "" {
			i = end + 1
			continue
		}
		// trim surrounding spaces
		for start < end && body[start] == ' ' {
			start++
		}
		q := model.Quote{Mention: model.Mention{Sentence: si, Start: start, End: end, Text: body[start:end]}}
		q.Speaker = c.quoteSpeaker(art, sents, memo, start, end, si)
		out = append(out, q)
		_, cll := quoteAt(body, end, false)
		i = end + cll
	}
	return out
}

// quoteAt reports whether a quote mark (opening or closing) starts at i.
func quoteAt(s string, i int, opening bool) (bool, int) {
	if s[i] == '"' {
		return true, 1
	}
	if opening && strings.HasPrefix(s[i:], "“") {
		return true, len("“")
	}
	if !opening && strings.HasPrefix(s[i:], "”") {
		return true, len("”")
	}
	return false, 0
}

// quoteSpeaker finds the speaker of a quote: a speech verb right after it
// ("," he said), in the same sentence ("X said ... "quote""), or a
// postposed one; the next or previous sentence otherwise.
func (c *Coder) quoteSpeaker(art *model.Article, sents []*sent, memo map[int][]*match, start, end, si int) *string {
	endSent := si
	for k := si; k < len(art.Sentences); k++ {
		if art.Sentences[k].Start <= end && end <= art.Sentences[k].End {
			endSent = k
			break
		}
	}
	speakers := func(st *sent) []*match {
		if sp, ok := memo[st.idx]; ok {
			return sp
		}
		sp := c.speechMatches(st)
		memo[st.idx] = sp
		return sp
	}
	// after the quote, in the sentence where it ends
	st := sents[endSent]
	sp := speakers(st)
	var bestAfter, bestBefore *match
	for _, m := range sp {
		if st.toks[m.head].start >= end {
			if bestAfter == nil {
				bestAfter = m
			}
		} else if st.toks[m.head].end <= start || endSent != si {
			bestBefore = m
		}
	}
	if endSent != si {
		bestBefore = nil
		for _, m := range speakers(sents[si]) {
			if sents[si].toks[m.head].end <= start {
				bestBefore = m
			}
		}
	}
	if bestAfter != nil {
		return speakerID(bestAfter)
	}
	if bestBefore != nil {
		return speakerID(bestBefore)
	}
	// the next sentence ("He added: ..."), then the previous one
	if endSent+1 < len(sents) {
		for _, m := range speakers(sents[endSent+1]) {
			// the speech verb opens the sentence ("He added:", "The
			// minister said"), not a long clause's end
			if m.head < 4 || m.subjAt >= 0 && m.subjAt < 3 && m.head < 8 {
				return speakerID(m)
			}
		}
	}
	if si > 0 {
		sp := speakers(sents[si-1])
		if len(sp) > 0 {
			return speakerID(sp[len(sp)-1])
		}
	}
	return nil
}

func speakerID(m *match) *string {
	if len(m.subj) == 0 {
		return nil
	}
	for _, r := range m.subj {
		if (r.m.ent.Type == model.TypePerson || r.m.ent.Type == model.TypeOrg) && r.m.ent.ID != "" {
			id := r.m.ent.ID
			return &id
		}
	}
	id := m.subj[0].m.ent.ID
	if id == "" {
		return nil
	}
	return &id
}

// speechMatches returns the speech verbs of a sentence with speakers;
// they are found on a copy of the sentence's match state.
func (c *Coder) speechMatches(st *sent) []*match {
	cp := *st
	cp.used = make([]bool, len(st.toks))
	cp.verb = make([]bool, len(st.toks))
	ms := c.findMatches(&cp)
	var out []*match
	for k, m := range ms {
		if m.p.class != classSpeech || m.noun {
			continue
		}
		c.subject(&cp, ms, k)
		if cp.parsed() {
			c.arcSubject(&cp, m, ms)
		}
		if len(m.subj) > 0 {
			out = append(out, m)
		}
	}
	return out
}

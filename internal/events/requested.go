package events

import "strings"

// requestedThat marks as not asserted the events of a "that" clause right
// after a request, read from the words alone: "demanded that Israel ease
// restrictions", "repeated its demand on Monday that Togo withdraw". The
// tagger often reads the clause's bare verb as a noun ("ease/NN"), so the
// arcs (requestedClauses) miss it; and the request may have no coded
// source of its own, when the clause's event would otherwise stand alone as
// an act that has not happened. A request is a match whose code maps to
// PLOVER REQUEST (plover.tsv). A relative "that" (followed by a verb: "the
// demand that was rejected") opens no such clause.
func (c *Coder) requestedThat(st *sent, ms []*match) {
	for _, q := range ms {
		if q.code == "" {
			continue
		}
		if cc, ok := c.lex.Cameo(q.code); !ok || cc.Plover.Type != "REQUEST" {
			continue
		}
		// a time or an adverb may stand between ("repeated its demand on
		// Monday that ...", "asked again that ...")
		j := q.last + 1
		for j < len(st.toks) && j <= q.last+2 && (st.toks[j].inTime > 0 || st.toks[j].tag == "RB") {
			j++
		}
		if j+1 >= len(st.toks) || st.toks[j].low != "that" {
			continue
		}
		if n := st.toks[j+1]; strings.HasPrefix(n.tag, "VB") || n.tag == "MD" {
			continue
		}
		for _, m := range ms {
			if m == q || m.head <= j+1 || m.head-j > 10 || hasBoundaryBetween(st, j+1, m.head-1) {
				continue
			}
			m.done = true
		}
	}
}

package petrarch

import "time"

// Role is the code an actor holds on a day, as RoleOn resolves it.
type Role struct {
	Code string
	// Dated is set when the code comes from a date-restricted entry (a
	// term of office, "[TURGOV >030314]"), not from the actor's open
	// default code.
	Dated bool
}

// RoleOn returns the actor's most specific role on day d: among the
// date-restricted codes that cover d, the one with the narrowest range
// (a president's term wins over a lifelong "elite" range that also
// covers the day; an open-ended range counts as the widest); else the
// open default code. The zero Role means none applies. CodeOn, which
// PETRARCH's coder uses, keeps TABARI's rule instead (the first listed
// restricted code).
func (a *Actor) RoleOn(d time.Time) Role {
	var best *DatedCode
	var bestSpan time.Duration
	for i := range a.Codes {
		c := &a.Codes[i]
		if c.From.IsZero() && c.To.IsZero() || !c.ValidOn(d) {
			continue
		}
		span := time.Duration(1<<63 - 1)
		if !c.From.IsZero() && !c.To.IsZero() {
			span = c.To.Sub(c.From)
		}
		if best == nil || span < bestSpan {
			best, bestSpan = c, span
		}
	}
	if best != nil {
		return Role{Code: best.Code, Dated: true}
	}
	for i := range a.Codes {
		if c := &a.Codes[i]; c.From.IsZero() && c.To.IsZero() {
			return Role{Code: c.Code}
		}
	}
	return Role{}
}

// Former returns the code of the last dated role that ended before day
// d, when the actor has no role on d at all (no covering range, no open
// code): a former office holder, whom a caller may code as the elite of
// that country. "" when a role applies on d or none ended before it.
func (a *Actor) Former(d time.Time) string {
	if a.RoleOn(d).Code != "" {
		return ""
	}
	var last *DatedCode
	for i := range a.Codes {
		c := &a.Codes[i]
		if !c.To.IsZero() && !d.Before(c.To) && (last == nil || c.To.After(last.To)) {
			last = c
		}
	}
	if last == nil {
		return ""
	}
	return last.Code
}

// MatchName is Match that also reports whether the last word matched
// only as a stem ("GULEN" written without "_" matching "GULENIST"): a
// caller that wants a name to stand whole can refuse such matches.
func (t *ActorTable) MatchName(words []string) (a *Actor, n int, stem bool) {
	id, n, stem := t.idx.longestStem(words, 0)
	if id < 0 || n == 0 {
		return nil, 0, false
	}
	return t.actors[id], n, stem
}

// CompileActors builds an actor table alone (an overlay read with
// ReadActors), with the stem rule of opts.
func CompileActors(actors []*Actor, opts CompileOptions) *ActorTable {
	t := &ActorTable{actors: actors}
	for i, a := range actors {
		for _, n := range a.Names {
			t.idx.add(stems(n, opts.MinStem), i, false)
		}
	}
	return t
}

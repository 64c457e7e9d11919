package petrarch

import "strings"

// clauseBreaks start a new clause: the subject of a verb is looked for
// after the nearest one.
var clauseBreaks = map[string]bool{"THAT": true, "WHICH": true, "WHO": true, "WHOM": true, "WHETHER": true,
	"WHILE": true, "WHEN": true, "AFTER": true, "BEFORE": true, "BECAUSE": true, "SINCE": true, "IF": true,
	"UNTIL": true, "WHERE": true, ";": true, ":": true, "--": true}

var beForms = map[string]bool{"IS": true, "WAS": true, "ARE": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true}

// code codes every verb of the sentence.
func (s *sent) code() []Coding {
	var out []Coding
	var prevSrc *group
	coded := false
	for i := 0; i < len(s.words); i++ {
		v := s.verb[i]
		if v.end <= v.start {
			continue
		}
		cds, src, discard := s.codeVerb(v, prevSrc, coded)
		if discard {
			return nil
		}
		if src != nil {
			prevSrc = src
		}
		if len(cds) > 0 {
			coded = true
		}
		out = append(out, cds...)
		i = v.end - 1
	}
	return out
}

func (s *sent) codeVerb(v verbOcc, prevSrc *group, coded bool) ([]Coding, *group, bool) {
	// An infinitive after a coded verb is its complement ("abandoned
	// efforts to stop"), not an event of its own.
	if coded {
		k := v.start - 1
		for k >= 0 && (beForms[s.words[k]] || adverbTag(s.tags[k])) {
			k--
		}
		if k >= 0 && s.words[k] == "TO" {
			return nil, nil, false
		}
	}
	var best *Pattern
	var bind binding
	seen := map[*VerbBlock]bool{}
	for _, f := range v.forms {
		if seen[f.block] {
			continue
		}
		seen[f.block] = true
		for pi := range f.block.Patterns {
			p := &f.block.Patterns[pi]
			if best != nil && len(p.Pre)+len(p.Post) <= len(best.Pre)+len(best.Post) {
				continue
			}
			if b, ok := s.matchPattern(p, v); ok {
				best, bind = p, b
			}
		}
	}
	code := ""
	if best != nil {
		code = best.Code
	} else {
		for _, f := range v.forms {
			c := f.verb.Code
			if c == "" {
				c = f.block.Code
			}
			if code == "" || code == "---" {
				code = c
			}
		}
	}
	code = strings.TrimSpace(code)
	if strings.Contains(code, "###") {
		return nil, nil, true
	}
	if code == "" || code == "---" {
		return nil, s.subject(v, bind, prevSrc), false
	}
	fwd, back := code, ""
	if i := strings.IndexByte(code, ':'); i >= 0 {
		fwd, back = strings.TrimSpace(code[:i]), strings.TrimSpace(code[i+1:])
	}
	// "%" before the verb: the compound's members act on each other.
	if bind.comp != nil && bind.srcBefore && bind.tgt == nil {
		var out []Coding
		ms := bind.comp.members
		for a := range ms {
			for b := range ms {
				if a != b {
					out = append(out, pairs(ms[a], ms[b], fwd)...)
				}
			}
		}
		return out, bind.comp, false
	}
	src, tgt := bind.src, bind.tgt
	if bind.comp != nil {
		if bind.srcBefore {
			src = bind.comp
		} else if tgt == nil {
			tgt = bind.comp
		}
	}
	if src == nil && tgt == nil {
		if by := s.passiveAgent(v); by != nil {
			src, tgt = by, s.subject(v, bind, prevSrc)
		}
	}
	if src == nil {
		src = s.subject(v, binding{tgt: tgt}, prevSrc)
	}
	if tgt == nil {
		tgt = s.object(v, src)
	}
	if src == nil || tgt == nil || src == tgt {
		return nil, src, false
	}
	var out []Coding
	for _, a := range src.members {
		for _, b := range tgt.members {
			out = append(out, pairs(a, b, fwd)...)
			if back != "" {
				out = append(out, pairs(b, a, back)...)
			}
		}
	}
	return out, src, false
}

func pairs(a, b member, code string) []Coding {
	var out []Coding
	for _, x := range a.codes() {
		for _, y := range b.codes() {
			if x != y {
				out = append(out, Coding{x, y, code})
			}
		}
	}
	return out
}

// subject finds the verb's subject: the first group of its clause,
// else of the clauses before it; a verb after "and" shares the subject
// of the verb before.
func (s *sent) subject(v verbOcc, b binding, prevSrc *group) *group {
	k := v.start - 1
	for k >= 0 && (adverbTag(s.tags[k]) || s.tags[k] == "MD" || s.words[k] == "N'T" || auxiliaries[s.words[k]] || s.words[k] == "TO") {
		k--
	}
	if k >= 0 && s.words[k] == "AND" && prevSrc != nil {
		return prevSrc
	}
	// Look in the verb's own clause; go back a clause only when the
	// pattern took this clause's actors ("noted + regretted").
	end := v.start
	for end > 0 {
		start := end
		for start > 0 && !clauseBreaks[s.words[start-1]] {
			start--
		}
		any := false
		for _, g := range s.groups {
			if g.start >= start && g.end <= end {
				any = true
				if !b.consumed(g) {
					return g
				}
			}
		}
		if !any {
			if start > 1 && relatives[s.words[start-1]] && s.words[start-2] == "," && s.clauseEmpty(start, end) {
				// "Ruritania, which attacked ...": the antecedent of a
				// non-restrictive relative clause.
				if g := s.groupEndingAt(start - 2); g != nil && !b.consumed(g) {
					return g
				}
			}
			if !s.hasPronoun(start, end) {
				return nil
			}
			// "Ruritania said that it would ...": a pronoun subject
			// stands for the actor of the clause before.
		}
		end = start - 1
	}
	return nil
}

var relatives = map[string]bool{"WHICH": true, "WHO": true, "THAT": true}

var pronouns = map[string]bool{"IT": true, "HE": true, "SHE": true, "THEY": true, "WE": true}

// clauseEmpty reports whether [start, end) holds only auxiliaries,
// modals and adverbs: the relative pronoun is the subject.
func (s *sent) clauseEmpty(start, end int) bool {
	for k := start; k < end; k++ {
		if !(adverbTag(s.tags[k]) || s.tags[k] == "MD" || auxiliaries[s.words[k]] || adverbs[s.words[k]]) {
			return false
		}
	}
	return true
}

func (s *sent) hasPronoun(start, end int) bool {
	for k := start; k < end; k++ {
		if pronouns[s.words[k]] {
			return true
		}
	}
	return false
}

// object finds the verb's target: the first group after it.
func (s *sent) object(v verbOcc, src *group) *group {
	for _, g := range s.groups {
		if g.start >= v.end && g != src && !s.nextSubject(g) {
			return g
		}
	}
	return nil
}

// nextSubject reports whether g, after a comma, is the subject of a
// verb that follows ("..., a senior official said"): it is not an
// object of the verb before the comma.
func (s *sent) nextSubject(g *group) bool {
	b := g.start - 1
	for b >= 0 && (s.tags[b] == "DT" || adverbTag(s.tags[b]) || s.tags[b] == "VBN" || strings.HasPrefix(s.tags[b], "JJ")) {
		b--
	}
	if b < 0 || s.words[b] != "," {
		return false
	}
	k := g.end
	for k < len(s.words) && (adverbTag(s.tags[k]) || s.tags[k] == "MD" || auxiliaries[s.words[k]]) {
		k++
	}
	return k < len(s.words) && (s.inVerb[k] || strings.HasPrefix(s.tags[k], "VB"))
}

// passiveAgent returns Y in "X was attacked by Y".
func (s *sent) passiveAgent(v verbOcc) *group {
	if s.tags[v.end-1] != "VBN" {
		return nil
	}
	k := v.start - 1
	for k >= 0 && adverbTag(s.tags[k]) {
		k--
	}
	if k < 0 || !beForms[s.words[k]] {
		return nil
	}
	j := v.end
	for j < len(s.words) && adverbTag(s.tags[j]) {
		j++
	}
	if j+1 >= len(s.words) || s.words[j] != "BY" {
		return nil
	}
	for _, g := range s.groups {
		if g.start == j+1 {
			return g
		}
	}
	return nil
}

package pipeline

import (
	"fmt"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// spanCheck collects the violations of the span invariants of an
// analysed article: every span inside the body, on UTF-8 boundaries,
// with its text equal to the body's bytes, and a mention inside the
// sentence it names.
type spanCheck struct {
	a    *model.Article
	errs []string
}

func (c *spanCheck) fail(format string, args ...any) {
	if len(c.errs) < 20 { // enough to see the pattern
		c.errs = append(c.errs, fmt.Sprintf(format, args...))
	}
}

// span checks one half-open span; text, when not nil, must equal it.
func (c *spanCheck) span(what string, start, end int, text *string) bool {
	b := c.a.Body
	if start < 0 || end > len(b) || start > end {
		c.fail("%s [%d,%d) outside the body of %d bytes", what, start, end, len(b))
		return false
	}
	if start < len(b) && !utf8.RuneStart(b[start]) || end < len(b) && !utf8.RuneStart(b[end]) {
		c.fail("%s [%d,%d) cuts a UTF-8 sequence", what, start, end)
	}
	if text != nil && *text != b[start:end] {
		c.fail("%s [%d,%d) text %q, body has %q", what, start, end, *text, b[start:end])
	}
	return true
}

// mention checks a mention and that it lies inside its sentence.
func (c *spanCheck) mention(what string, m model.Mention) {
	if !c.span(what, m.Start, m.End, &m.Text) {
		return
	}
	c.inSentence(what, m.Sentence, m.Start, m.End)
}

func (c *spanCheck) inSentence(what string, si, start, end int) {
	if si < 0 || si >= len(c.a.Sentences) {
		c.fail("%s names sentence %d of %d", what, si, len(c.a.Sentences))
		return
	}
	s := c.a.Sentences[si]
	if start < s.Start || end > s.End {
		c.fail("%s [%d,%d) outside its sentence %d [%d,%d)", what, start, end, si, s.Start, s.End)
	}
}

// checkSpans returns the span invariant violations of a (nil if none).
func checkSpans(a *model.Article) []string {
	c := &spanCheck{a: a}
	prev := 0
	for i, s := range a.Sentences {
		what := fmt.Sprintf("sentence %d", i)
		if c.span(what, s.Start, s.End, &s.Text) && s.Start < prev {
			c.fail("%s [%d,%d) starts before the end of the previous one (%d)", what, s.Start, s.End, prev)
		}
		prev = s.End
	}
	if len(a.Tokens) > len(a.Sentences) {
		c.fail("%d token lists for %d sentences", len(a.Tokens), len(a.Sentences))
	}
	for i, ts := range a.Tokens {
		for j, t := range ts {
			what := fmt.Sprintf("token %d.%d", i, j)
			if c.span(what, t.Start, t.End, &t.Text) && i < len(a.Sentences) {
				c.inSentence(what, i, t.Start, t.End)
			}
		}
	}
	for _, e := range a.Entities {
		for j, m := range e.Mentions {
			c.mention(fmt.Sprintf("entity %s mention %d", e.ID, j), m)
		}
	}
	for i, t := range a.Times {
		c.mention(fmt.Sprintf("time %d", i), t.Mention)
	}
	for i, q := range a.Quantities {
		c.mention(fmt.Sprintf("quantity %d", i), q.Mention)
	}
	for i, q := range a.Quotes {
		// a quotation may run over several sentences: it starts in the
		// one it names
		what := fmt.Sprintf("quote %d", i)
		if c.span(what, q.Start, q.End, &q.Text) {
			c.inSentence(what, q.Sentence, q.Start, q.Start)
		}
	}
	for _, e := range a.Events {
		what := "event " + e.ID
		if c.span(what, e.Start, e.End, nil) {
			c.inSentence(what, e.Sentence, e.Start, e.End)
		}
		if e.Action != nil && c.span(what+" action", e.Action.Start, e.Action.End, nil) {
			c.inSentence(what+" action", e.Sentence, e.Action.Start, e.Action.End)
		}
		// an actor of a dictionary match may have no span (0, 0)
		for _, act := range []*model.Actor{&e.Source, e.Target} {
			if act != nil && act.End > 0 {
				c.span(what+" actor "+act.Code, act.Start, act.End, nil)
			}
		}
	}
	return c.errs
}

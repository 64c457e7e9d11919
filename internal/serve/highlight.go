package serve

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Segment is a run of text with one highlight class ("" for plain text).
// Templates print Text escaped inside <mark class=...>, so highlighting
// never builds HTML by string concatenation.
type Segment struct {
	Text  string
	Class string
	Title string
}

// mark is a highlight request: body offsets, a CSS class, a tooltip, and
// a priority deciding who wins where marks overlap.
type mark struct {
	start, end int
	class      string
	title      string
	prio       int
}

// segments cuts text (which starts at body offset base) into runs by the
// marks. Each byte takes the class of the highest-priority mark covering
// it; runs only break at rune starts, so a bad offset can never split a
// UTF-8 sequence.
func segments(text string, base int, marks []mark) []Segment {
	if text == "" {
		return nil
	}
	owner := make([]int16, len(text))
	for i := range owner {
		owner[i] = -1
	}
	for mi, m := range marks {
		s, e := max(m.start-base, 0), min(m.end-base, len(text))
		for i := s; i < e; i++ {
			if owner[i] < 0 || marks[owner[i]].prio < m.prio {
				owner[i] = int16(mi)
			}
		}
	}
	var out []Segment
	start := 0
	for i := 1; i <= len(text); i++ {
		if i < len(text) && (owner[i] == owner[start] || !utf8.RuneStart(text[i])) {
			continue
		}
		seg := Segment{Text: text[start:i]}
		if o := owner[start]; o >= 0 {
			seg.Class, seg.Title = marks[o].class, marks[o].title
		}
		out = append(out, seg)
		start = i
	}
	return out
}

// Highlight classes and their legend, in priority order (low to high).
const (
	prioAttribution = iota + 1
	prioTime
	prioTarget
	prioSource
	prioAction
)

// eventMarks finds what to highlight for an event in its sentence: the
// actors' and action's spans, time expressions (from the article when
// known) and attribution phrases (which carry text, not spans).
func eventMarks(e store.EventRecord, a *model.Article) []mark {
	sentStart := e.SentenceStart
	sentEnd := sentStart + len(e.SentenceText)
	var ms []mark
	add := func(s, end int, class, title string, prio int) {
		if s < end && s >= sentStart && end <= sentEnd {
			ms = append(ms, mark{s, end, class, title, prio})
		}
	}
	actorMarks := func(act *model.Actor, class, label, name string, prio int) {
		if act == nil {
			return
		}
		title := label + ": " + act.Code
		if name != "" {
			title = label + ": " + name + " (" + act.Code + ")"
		}
		if act.End > act.Start {
			add(act.Start, act.End, class, title, prio)
			return
		}
		// No span recorded: fall back to the entity's mentions in this
		// sentence.
		if a == nil || act.Entity == nil {
			return
		}
		for _, ent := range a.Entities {
			if ent.ID != *act.Entity {
				continue
			}
			for _, m := range ent.Mentions {
				add(m.Start, m.End, class, title, prio)
			}
		}
	}
	actorMarks(&e.Source, "hl-source", "Source", e.SourceName, prioSource)
	actorMarks(e.Target, "hl-target", "Target", e.TargetName, prioTarget)
	if e.Action != nil {
		add(e.Action.Start, e.Action.End, "hl-action", "Action: CAMEO "+e.Cameo, prioAction)
	} else if e.Verb != "" {
		if i := strings.Index(e.SentenceText, e.Verb); i >= 0 {
			add(sentStart+i, sentStart+i+len(e.Verb), "hl-action", "Action: CAMEO "+e.Cameo, prioAction)
		}
	}
	if a != nil {
		for _, t := range a.Times {
			if t.Sentence != e.Sentence {
				continue
			}
			title := "Time"
			if t.Value != nil {
				title += ": " + *t.Value
			}
			add(t.Start, t.End, "hl-time", title, prioTime)
		}
	} else if e.Date.FromText != nil && *e.Date.FromText != "" {
		if i := strings.Index(e.SentenceText, *e.Date.FromText); i >= 0 {
			add(sentStart+i, sentStart+i+len(*e.Date.FromText), "hl-time", "Time: "+model.Deref(e.Date.Value), prioTime)
		}
	}
	for _, at := range e.Attribution {
		if at.Text == "" {
			continue
		}
		if i := strings.Index(e.SentenceText, at.Text); i >= 0 {
			add(sentStart+i, sentStart+i+len(at.Text), "hl-attr", "Attribution: "+at.Text, prioAttribution)
		}
	}
	return ms
}

// Paragraph is one paragraph of an article body, cut into segments, with
// the subheading that precedes it (if the article kept their positions).
type Paragraph struct {
	Heading  string
	Segments []Segment
}

// entityClass maps an entity type to its highlight class.
func entityClass(t string) string {
	switch t {
	case model.TypePerson:
		return "ent-person"
	case model.TypeOrg:
		return "ent-org"
	case model.TypePlace:
		return "ent-place"
	case model.TypeEquipment:
		return "ent-equipment"
	}
	return "ent-other"
}

// articleParagraphs splits the body at newlines and marks entity
// mentions by type, times, quantities and quotes.
func articleParagraphs(a *model.Article) []Paragraph {
	var ms []mark
	for _, q := range a.Quotes {
		ms = append(ms, mark{q.Start, q.End, "quote", "Quote", 1})
	}
	for _, t := range a.Times {
		ms = append(ms, mark{t.Start, t.End, "hl-time", "Time: " + model.Deref(t.Value), 2})
	}
	for _, q := range a.Quantities {
		ms = append(ms, mark{q.Start, q.End, "qty", "Quantity: " + q.Text + " → " + fmtQty(q), 2})
	}
	for _, e := range a.Entities {
		title := e.Type + ": " + e.Name
		if e.Code != nil {
			title += " (" + *e.Code + ")"
		}
		if len(e.Roles) > 0 {
			title += " — " + strings.Join(e.Roles, ", ")
		}
		for _, m := range e.Mentions {
			ms = append(ms, mark{m.Start, m.End, entityClass(e.Type), title, 3})
		}
	}
	headingAt := map[int][]string{}
	if len(a.HeadingAt) == len(a.Subheadings) {
		for i, off := range a.HeadingAt {
			headingAt[off] = append(headingAt[off], a.Subheadings[i])
		}
	}
	var out []Paragraph
	pending := []string{}
	flushHeadings := func(upTo int) {
		for _, off := range slices.Sorted(maps.Keys(headingAt)) {
			if off <= upTo {
				pending = append(pending, headingAt[off]...)
				delete(headingAt, off)
			}
		}
	}
	start := 0
	body := a.Body
	for start <= len(body) {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		flushHeadings(start)
		if strings.TrimSpace(body[start:end]) != "" {
			p := Paragraph{Segments: segments(body[start:end], start, ms)}
			if len(pending) > 0 {
				p.Heading = strings.Join(pending, " · ")
				pending = pending[:0]
			}
			out = append(out, p)
		}
		start = end + 1
	}
	return out
}

func fmtQty(q model.Quantity) string {
	return strings.TrimSpace(fmtFloat(q.Value) + " " + q.Unit)
}

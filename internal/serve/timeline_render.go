package serve

import (
	"fmt"
	"html/template"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/store"
)

// The timeline's repeated markup — a bar (title and up to four rects)
// and a dot per bucket, a mark per range, a list item per point off the
// axis, a table row per point — is written here rather than by the
// template: ten years of weeks are about 20,000 template actions, each a reflective call and an escaper, which took as long as
// the store's query at ten million events. The output is the markup the
// template wrote, byte for byte (TestTimelineMarkupAsTemplate).

// htmlEscape appends s escaped as html/template escapes text and quoted
// attribute values.
func htmlEscape(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, r...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// appendNum appends f as the template prints a float64 (fmt's %v).
func appendNum(b []byte, f float64) []byte { return strconv.AppendFloat(b, f, 'g', -1, 64) }

// chartBars is the content of the chart's bars group.
func chartBars(c Chart) template.HTML {
	b := make([]byte, 0, len(c.Bars)*400)
	for _, bar := range c.Bars {
		b = append(b, `<g class="bar"><title>`...)
		b = htmlEscape(b, bar.Title)
		b = append(b, `</title>`...)
		for _, p := range bar.Parts {
			b = append(b, `<rect class="`...)
			b = htmlEscape(b, p.Class)
			b = append(b, `" x="`...)
			b = appendNum(b, bar.X)
			b = append(b, `" y="`...)
			b = appendNum(b, p.Y)
			b = append(b, `" width="`...)
			b = appendNum(b, bar.W)
			b = append(b, `" height="`...)
			b = appendNum(b, p.H)
			b = append(b, `"></rect>`...)
		}
		b = append(b, `</g>`...)
	}
	return template.HTML(b)
}

// chartDots is the content of the chart's dots group.
func chartDots(c Chart) template.HTML {
	b := make([]byte, 0, len(c.Dots)*100)
	for _, d := range c.Dots {
		b = append(b, `<circle cx="`...)
		b = appendNum(b, d.X)
		b = append(b, `" cy="`...)
		b = appendNum(b, d.Y)
		b = append(b, `" r="3"><title>`...)
		b = htmlEscape(b, d.Title)
		b = append(b, `</title></circle>`...)
	}
	return template.HTML(b)
}

// goldTitle is the title of the "gold" partial's score.
const goldTitle = "Goldstein score (−10 conflict … +10 cooperation)"

// timelineRows is the body of the timeline's data table: a row per
// point, the Goldstein index as the "gold" partial prints it.
func timelineRows(pts []store.TimelinePoint) template.HTML {
	b := make([]byte, 0, len(pts)*300)
	for _, p := range pts {
		b = append(b, `<tr><td>`...)
		b = htmlEscape(b, pointLabel(p))
		b = append(b, `</td><td>`...)
		b = strconv.AppendInt(b, int64(p.Count), 10)
		for _, q := range p.Quad {
			b = append(b, `</td><td>`...)
			b = strconv.AppendInt(b, int64(q), 10)
		}
		b = append(b, `</td><td>`...)
		b = appendGold(b, p.Index)
		b = append(b, `</td><td>`...)
		b = strconv.AppendInt(b, int64(p.Fatalities), 10)
		b = append(b, `</td></tr>`...)
	}
	return template.HTML(b)
}

// signed prints a score with its sign and one decimal ("+2.5").
func signed(f float64) string { return fmt.Sprintf("%+.1f", f) }

// chartSpans is the content of the chart's spans group: a closed
// interval per range with a known end.
func chartSpans(c Chart) template.HTML {
	b := make([]byte, 0, len(c.Spans)*400)
	for _, s := range c.Spans {
		b = append(b, `<g class="span-mark" data-from="`...)
		b = htmlEscape(b, s.From)
		b = append(b, `" data-to="`...)
		b = htmlEscape(b, s.To)
		b = append(b, `"><title>`...)
		b = htmlEscape(b, s.Title)
		b = append(b, `</title><line x1="`...)
		b = appendNum(b, s.X1)
		b = append(b, `" x2="`...)
		b = appendNum(b, s.X2)
		b = append(b, `" y1="`...)
		b = appendNum(b, s.Y)
		b = append(b, `" y2="`...)
		b = appendNum(b, s.Y)
		b = append(b, `"></line><rect class="cap" x="`...)
		b = appendNum(b, s.X1)
		b = append(b, `" y="`...)
		b = appendNum(b, s.Y)
		b = append(b, `" width="1.5" height="6" transform="translate(0,-3)"></rect><rect class="cap" x="`...)
		b = appendNum(b, s.X2)
		b = append(b, `" y="`...)
		b = appendNum(b, s.Y)
		b = append(b, `" width="1.5" height="6" transform="translate(-1.5,-3)"></rect></g>`...)
	}
	return template.HTML(b)
}

// looseItems are the list items of the points off the time axis: the
// spans and the undated point.
func looseItems(pts []store.TimelinePoint) template.HTML {
	b := make([]byte, 0, len(pts)*300)
	for _, p := range pts {
		b = append(b, "\n      <li data-kind=\""...)
		b = htmlEscape(b, p.Kind)
		b = append(b, `" data-count="`...)
		b = strconv.AppendInt(b, int64(p.Count), 10)
		b = append(b, `">`...)
		if p.Kind == store.PointUndated {
			b = append(b, `<strong>Undated</strong>: `...)
			b = strconv.AppendInt(b, int64(p.Count), 10)
			b = append(b, ` events with no date in their text or article`...)
		} else {
			b = append(b, `<strong>`...)
			b = htmlEscape(b, pointLabel(p))
			b = append(b, `</strong>: `...)
			b = strconv.AppendInt(b, int64(p.Count), 10)
			b = append(b, ` events dated only to this `...)
			b = htmlEscape(b, p.Precision)
		}
		if p.Fatalities != 0 {
			b = append(b, `, `...)
			b = strconv.AppendInt(b, int64(p.Fatalities), 10)
			b = append(b, ` killed`...)
		}
		b = append(b, ` · Goldstein index `...)
		b = appendGold(b, p.Index)
		b = append(b, `</li>`...)
	}
	return template.HTML(b)
}

// appendGold appends a score as the "gold" partial prints it.
func appendGold(b []byte, g float64) []byte {
	b = append(b, `<span class="gold `...)
	b = htmlEscape(b, goldsteinClass(g))
	b = append(b, `" title="`+goldTitle+`">`...)
	b = htmlEscape(b, signed(g))
	return append(b, `</span>`...)
}

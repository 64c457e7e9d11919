package serve

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/text/language"
)

// isCountryCode reports whether c is an ISO 3166 alpha-3 country code.
func isCountryCode(c string) bool {
	if len(c) != 3 || strings.ToUpper(c) != c {
		return false
	}
	r, err := language.ParseRegion(c)
	return err == nil && r.IsCountry() && r.ISO3() == c
}

// nodeCode is the node an actor code belongs to at country level: its
// country ("RUSGOV" → "RUS"), or, for a code that does not start with a
// country (an intergovernmental or non-governmental body, "IGOUNO",
// "IGOWSTNAT", "NGOHRW"), the whole code: the UN, NATO and the EU are
// separate actors, not one "IGO", and neither are two bodies of one
// region (NATO IGOWSTNAT and the OECD IGOWSTOEC share the region WST, so
// a prefix would merge them).
func nodeCode(code string) string {
	if len(code) > 3 && isCountryCode(code[:3]) {
		return code[:3]
	}
	return code
}

// edgeColor is an edge's stroke for a mean Goldstein score: from the
// conflict red at -10 through grey at 0 to the cooperation green at +10,
// so the strength of the relation shows, not only its sign.
func edgeColor(g float64) string {
	type rgb struct{ r, g, b float64 }
	grey, red, green := rgb{0x8a, 0x92, 0x9e}, rgb{0xc2, 0x37, 0x2f}, rgb{0x1e, 0x8a, 0x4c}
	t := math.Max(-1, math.Min(1, g/10))
	to := green
	if t < 0 {
		to, t = red, -t
	}
	// A square root makes moderate scores visibly coloured.
	t = math.Sqrt(t)
	mix := func(a, b float64) int { return int(math.Round(a + (b-a)*t)) }
	return fmt.Sprintf("#%02x%02x%02x", mix(grey.r, to.r), mix(grey.g, to.g), mix(grey.b, to.b))
}

// edgeWidth scales a stroke to the busiest edge: 1.2 to 8 pixels by the
// square root of the count, so an edge's area grows with its events.
func edgeWidth(count, maxCount int) float64 {
	if maxCount < 1 {
		maxCount = 1
	}
	return round2(1.2 + 6.8*math.Sqrt(float64(count)/float64(maxCount)))
}

// Label metrics of the network SVG (11px bold text).
const (
	labelCharW = 7.0
	labelH     = 13.0
)

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// footprint is the room a node takes: its circle and, below it, its
// label (unless the label fits inside the circle), with a margin.
func footprint(c netCircle) box {
	const margin = 3
	lw := labelCharW*float64(len(c.Code)) + 4
	w := math.Max(2*c.R, lw)/2 + margin
	bottom := c.Y + c.R + margin
	if lw > 2*c.R {
		bottom += labelH
	}
	return box{c.X - w, c.Y - c.R - margin, c.X + w, bottom}
}

// spreadNodes moves nodes apart until no two footprints (circle and
// label) overlap, inside the w×h box: the force layout places nodes by
// their centres and ignores what is drawn around them. Each round pushes
// an overlapping pair apart along the axis where they overlap least.
func spreadNodes(cs []netCircle, w, h float64) {
	for range 1000 {
		moved := false
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				a, b := footprint(cs[i]), footprint(cs[j])
				if !a.overlaps(b) {
					continue
				}
				moved = true
				ox := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
				oy := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
				// Along the line between the centres, by the smaller
				// overlap: pairs part in every direction, so a clump
				// opens into a disc rather than a column.
				dx, dy := cs[j].X-cs[i].X, cs[j].Y-cs[i].Y
				if math.Hypot(dx, dy) < 1 {
					ang := float64(i*137+j*53) * math.Pi / 180
					dx, dy = math.Cos(ang), math.Sin(ang)
				}
				l := math.Hypot(dx, dy)
				d := (math.Min(ox, oy)/2 + 0.5)
				cs[i].X, cs[i].Y = cs[i].X-dx/l*d, cs[i].Y-dy/l*d
				cs[j].X, cs[j].Y = cs[j].X+dx/l*d, cs[j].Y+dy/l*d
			}
		}
		for i := range cs {
			f := footprint(cs[i])
			cs[i].X += math.Max(0, -f.x0) - math.Max(0, f.x1-w)
			cs[i].Y += math.Max(0, -f.y0) - math.Max(0, f.y1-h)
		}
		if !moved {
			break
		}
	}
	for i := range cs {
		cs[i].X, cs[i].Y = round2(cs[i].X), round2(cs[i].Y)
	}
}

// placeLabels puts each node's label inside its circle when it fits,
// else just below it, inside the footprint spreadNodes kept free.
func placeLabels(cs []netCircle, _, _ float64) {
	for i := range cs {
		c := &cs[i]
		lw := labelCharW*float64(len(c.Code)) + 4
		if lw <= 2*c.R {
			c.LX, c.LY = c.X, round2(c.Y+4)
		} else {
			c.LX, c.LY = c.X, round2(c.Y+c.R+labelH)
		}
	}
}

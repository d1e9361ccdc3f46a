package layout

import (
	"fmt"
	"math"
	"slices"
)

// Dotted is an extra line drawn over a laid-out chart, from one card to
// another (a dotted reporting line, or a second solid manager); the
// arrowhead goes at To.
type Dotted struct{ From, To int }

// Route is one routed Dotted line.
type Route struct {
	// Points is an orthogonal polyline from From's card edge to To's card
	// edge, or nil when no legible route was found.
	Points []Point
	// Label is the middle of the line's longest segment, a segment no other
	// line runs along: the place for the line's label.
	Label Point
}

// dottedTries bounds the lanes tried per route shape.
const dottedTries = 64

// RouteDotted routes lines over r without moving a card. A line is three
// orthogonal segments when it can be: out of one card's top or bottom edge,
// along a horizontal lane, into the other card's top or bottom edge
// (straight between the cards when one is above the other, else a U over or
// under both). Else it tries five segments (dotted5.go): into the level gap
// beside each card and between them along a vertical channel between
// subtrees; then four, out of a card's side (stacked reports have no level
// gap) into the channel beside it. Candidate lanes are spaced lane apart, and candidate exits are at
// fixed fractions of the card widths away from the centre, where the solid
// connectors are. A candidate is kept only if every segment stays lane/2 away
// from every card (except where it leaves From and enters To) and from every
// parallel solid connector and earlier dotted line; crossing a line at a
// right angle is allowed. So no dotted line ever crosses a card.
//
// A U over the top of the chart can run a few lanes outside r's bounding
// box: include the route points in the page's bounds.
//
// Lines are routed in order, so the result is deterministic. legible is false
// when there are more than limit lines (then nothing is routed) or when some
// line found no route (its Points are nil); the caller can then number the
// lines and list them in a footnote instead. After an O(n log n) index of the
// cards and connectors, each line costs a bounded number of index queries,
// each O(log n) per strip of cards spanned, plus a scan of the earlier
// dotted lines.
func (r *Result) RouteDotted(lines []Dotted, lane float64, limit int) (routes []Route, legible bool, err error) {
	n := len(r.Boxes)
	for _, d := range lines {
		if d.From < 0 || d.From >= n || d.To < 0 || d.To >= n || d.From == d.To {
			return nil, false, fmt.Errorf("layout: dotted line %d→%d, want two different nodes in [0, %d)", d.From, d.To, n)
		}
	}
	if !(lane > 0) {
		return nil, false, fmt.Errorf("layout: dotted lane spacing %v, want > 0", lane)
	}
	if len(lines) > limit {
		return nil, false, nil
	}
	rt := newRouter(r, lane)
	routes = make([]Route, len(lines))
	legible = true
	for i, d := range lines {
		routes[i] = rt.route(int32(d.From), int32(d.To))
		legible = legible && routes[i].Points != nil
	}
	return routes, legible, nil
}

type router struct {
	boxes  []Box
	cards  *index
	solid  *index // connector segments as boxes of zero width or height
	dotted []Box  // segments of the lines routed so far
	c      float64
	lane   float64
}

func newRouter(r *Result, lane float64) *router {
	var segs []Box
	for i := range r.Boxes {
		line := r.Connector(i)
		for k := 1; k < len(line); k++ {
			if s := segBox(line[k-1], line[k]); s.W > 0 || s.H > 0 {
				segs = append(segs, s)
			}
		}
	}
	width := 1.0
	if len(r.Boxes) > 0 {
		width = r.Width / float64(len(r.Boxes)) * 4
	}
	return &router{boxes: r.Boxes, cards: newIndex(r.Boxes, width), solid: newIndex(segs, width), c: lane / 2, lane: lane}
}

func segBox(p, q Point) Box {
	return Box{min(p.X, q.X), min(p.Y, q.Y), max(p.X, q.X) - min(p.X, q.X), max(p.Y, q.Y) - min(p.Y, q.Y)}
}

// exits are where lines leave or enter a card, as fractions of its width.
var exits = [...]float64{0.75, 0.25, 0.625, 0.375, 0.875, 0.125}

func (rt *router) route(from, to int32) Route {
	a, b := rt.boxes[from], rt.boxes[to]
	aTop, aBot, bTop, bBot := a.Y, a.Y+a.H, b.Y, b.Y+b.H
	l := rt.lane
	// Each shape: the edge y it leaves a by, the edge y it enters b by, and
	// its candidate lanes, nearest the cards first.
	shapes := []struct {
		ya, yb float64
		lanes  []float64
	}{
		{aTop, bBot, between(bBot, aTop, l)},      // b above a
		{aBot, bTop, between(aBot, bTop, l)},      // b below a
		{aTop, bTop, beyond(min(aTop, bTop), -l)}, // a U over both
		{aBot, bBot, beyond(max(aBot, bBot), l)},  // a U under both
	}
	// The search skips what cannot succeed, so it finds the route the plain
	// nested loops would, in far fewer index queries: free is monotone (a
	// segment containing a blocked one is blocked), so an exit blocked on
	// its way to a lane is blocked to every farther lane; and when the cards
	// do not overlap
	// horizontally, every lane segment contains the span between their
	// nearest exits, so a lane where that span is blocked is skipped.
	var okA, okB [len(exits)]bool
	for _, s := range shapes {
		deadA, deadB := farAway(), farAway()
		for _, y := range s.lanes {
			if core, ok := coreSpan(a, b); ok && !rt.free(Point{core[0], y}, Point{core[1], y}, -1) {
				continue
			}
			anyA, anyB := false, false
			for i, f := range exits {
				okA[i] = abs(y-s.ya) < deadA[i] && rt.free(Point{a.X + f*a.W, s.ya}, Point{a.X + f*a.W, y}, from)
				if !okA[i] {
					deadA[i] = min(deadA[i], abs(y-s.ya))
				}
				anyA = anyA || okA[i]
			}
			if !anyA {
				continue
			}
			for i, f := range exits {
				okB[i] = abs(y-s.yb) < deadB[i] && rt.free(Point{b.X + f*b.W, y}, Point{b.X + f*b.W, s.yb}, to)
				if !okB[i] {
					deadB[i] = min(deadB[i], abs(y-s.yb))
				}
				anyB = anyB || okB[i]
			}
			if !anyB {
				continue
			}
			for i, fa := range exits {
				if !okA[i] {
					continue
				}
				xa := a.X + fa*a.W
				for j, fb := range exits {
					xb := b.X + fb*b.W
					if okB[j] && rt.free(Point{xa, y}, Point{xb, y}, -1) {
						return rt.accept([]Point{{xa, s.ya}, {xa, y}, {xb, y}, {xb, s.yb}})
					}
				}
			}
		}
	}
	return rt.route5(from, to)
}

// farAway is a dead distance for every exit: none known blocked yet.
func farAway() (d [len(exits)]float64) {
	for i := range d {
		d[i] = math.Inf(1)
	}
	return d
}

// coreSpan is the x span every lane segment between cards a and b covers:
// from the exit of one nearest the other to the other's nearest exit, when
// they do not overlap horizontally.
func coreSpan(a, b Box) ([2]float64, bool) {
	lo, hi := slices.Min(exits[:]), slices.Max(exits[:])
	switch {
	case a.X+hi*a.W < b.X+lo*b.W:
		return [2]float64{a.X + hi*a.W, b.X + lo*b.W}, true
	case b.X+hi*b.W < a.X+lo*a.W:
		return [2]float64{b.X + hi*b.W, a.X + lo*a.W}, true
	}
	return [2]float64{}, false
}

func abs(v float64) float64 { return math.Abs(v) }

// between returns lanes strictly between y0 < y1, lane apart, alternately
// from each end; none when the gap is too narrow.
func between(y0, y1, lane float64) []float64 {
	var ys []float64
	for k := 1; len(ys) < dottedTries; k++ {
		lo, hi := y0+float64(k)*lane, y1-float64(k)*lane
		if lo > hi {
			break
		}
		ys = append(ys, lo)
		if hi != lo {
			ys = append(ys, hi)
		}
	}
	return ys
}

// beyond returns lanes y0+step, y0+2*step, ...
func beyond(y0, step float64) []float64 {
	ys := make([]float64, dottedTries)
	for k := range ys {
		ys[k] = y0 + float64(k+1)*step
	}
	return ys
}

// free reports whether segment p-q keeps its clearance from every card but
// skip and from every parallel solid or dotted segment.
func (rt *router) free(p, q Point, skip int32) bool {
	if p == q {
		return true
	}
	s := segBox(p, q)
	r := Box{s.X - rt.c, s.Y - rt.c, s.W + 2*rt.c, s.H + 2*rt.c}
	if rt.cards.any(r, skip, nil) {
		return false
	}
	vertical := s.W == 0
	parallel := func(id int32) bool { return (rt.solid.boxes[id].W == 0) == vertical }
	if rt.solid.any(r, -1, parallel) {
		return false
	}
	for _, d := range rt.dotted {
		if (d.W == 0) == vertical && meets(d, r) {
			return false
		}
	}
	return true
}

// straighten returns pts without repeated points and without the middle
// point of three in a line.
func straighten(pts []Point) []Point {
	out := make([]Point, 0, len(pts))
	for _, q := range pts {
		k := len(out)
		switch {
		case k > 0 && out[k-1] == q:
		case k >= 2 && ((out[k-2].X == out[k-1].X && out[k-1].X == q.X) || (out[k-2].Y == out[k-1].Y && out[k-1].Y == q.Y)):
			out[k-1] = q
		default:
			out = append(out, q)
		}
	}
	if len(out) == 1 { // the cards touch: a zero-length line
		out = append(out, out[0])
	}
	return out
}

// accept records a route's segments and picks its label anchor.
func (rt *router) accept(pts []Point) Route {
	pts = straighten(pts)
	best := 0.0
	var label Point
	for i := 1; i < len(pts); i++ {
		s := segBox(pts[i-1], pts[i])
		rt.dotted = append(rt.dotted, s)
		if l := s.W + s.H; l > best {
			best, label = l, Point{s.X + s.W/2, s.Y + s.H/2}
		}
	}
	return Route{Points: pts, Label: label}
}

package layout

import "slices"

// Five-segment dotted routes, tried when no three-segment one is free: out
// of one card's top or bottom edge into the level gap beside it, along that
// gap to a vertical channel (a gap between subtrees), along the channel to
// the level gap beside the other card, and along that gap into it. They
// reach cards that a straight lane cannot join without crossing a subtree.

// laneDepth is how many lanes into a level gap a five-segment route tries.
const laneDepth = 2

// channelsPerPair bounds the free vertical channels tried per pair of lanes.
const channelsPerPair = 6

// end is where a route leaves or enters a card: x on the card's edge at
// y edge, turning into the horizontal lane at y lane.
type end struct{ x, edge, lane float64 }

// ends returns the free ways out of (or into) card k: up to two exits on
// each lane above its top and below its bottom, nearest lanes first.
func (rt *router) ends(k int32) []end {
	bx, l := rt.boxes[k], rt.lane
	var out []end
	for d := 1; d <= laneDepth; d++ {
		for _, side := range [2]struct{ edge, lane float64 }{{bx.Y, bx.Y - float64(d)*l}, {bx.Y + bx.H, bx.Y + bx.H + float64(d)*l}} {
			found := 0
			for _, f := range exits {
				x := bx.X + f*bx.W
				if found < 2 && rt.free(Point{x, side.edge}, Point{x, side.lane}, k) {
					out = append(out, end{x, side.edge, side.lane})
					found++
				}
			}
		}
	}
	return out
}

// route5 returns the first free five-segment route from card from to card
// to, or the zero Route.
func (rt *router) route5(from, to int32) Route {
	as, bs := rt.ends(from), rt.ends(to)
	a, b := rt.boxes[from], rt.boxes[to]
	mid := (a.X + a.W/2 + b.X + b.W/2) / 2
	chans := map[[2]float64][]float64{} // by the pair of lanes: ends share lanes
	for _, ea := range as {
		for _, eb := range bs {
			if ea.lane == eb.lane {
				continue // one lane joins them: a three-segment shape
			}
			key := [2]float64{ea.lane, eb.lane}
			cs, ok := chans[key]
			if !ok {
				cs = rt.channels(mid, ea.lane, eb.lane)
				chans[key] = cs
			}
			for _, cx := range cs {
				if rt.free(Point{ea.x, ea.lane}, Point{cx, ea.lane}, -1) && rt.free(Point{cx, eb.lane}, Point{eb.x, eb.lane}, -1) {
					return rt.accept([]Point{{ea.x, ea.edge}, {ea.x, ea.lane}, {cx, ea.lane}, {cx, eb.lane}, {eb.x, eb.lane}, {eb.x, eb.edge}})
				}
			}
		}
	}
	if pts := rt.routeSide(from, to); pts != nil {
		return rt.accept(pts)
	}
	if pts := rt.routeSide(to, from); pts != nil { // into to's side
		slices.Reverse(pts)
		return rt.accept(pts)
	}
	return Route{}
}

// channels returns up to channelsPerPair x positions, nearest mid first,
// where a vertical segment from y0 to y1 keeps its clearance: the gaps
// between subtrees that line up from one level gap to the other. The search
// steps half a lane, narrower than any channel a line fits in.
func (rt *router) channels(mid, y0, y1 float64) []float64 {
	var out []float64
	step := rt.lane / 2
	for k := 0; k < 4*dottedTries && len(out) < channelsPerPair; k++ {
		x := mid + float64((k+1)/2)*step*float64(1-2*(k%2))
		if rt.free(Point{x, y0}, Point{x, y1}, -1) {
			out = append(out, x)
		}
	}
	return out
}

// sideEnds returns the free ways out of card k sideways: from its left or
// right edge (at a third, half and two thirds of its height) into the
// vertical channel one or two lanes beside it, where stacked reports, with
// no level gap above or below them, can be left. end.edge is the y, end.x
// the card's edge and end.lane the channel's x.
func (rt *router) sideEnds(k int32) []end {
	bx, l := rt.boxes[k], rt.lane
	var out []end
	for d := 1; d <= laneDepth; d++ {
		for _, side := range [2]struct{ edge, ch float64 }{{bx.X, bx.X - float64(d)*l}, {bx.X + bx.W, bx.X + bx.W + float64(d)*l}} {
			found := 0
			for _, f := range [...]float64{0.5, 1.0 / 3, 2.0 / 3} {
				y := bx.Y + f*bx.H
				if found < 2 && rt.free(Point{side.edge, y}, Point{side.ch, y}, k) {
					out = append(out, end{side.edge, y, side.ch})
					found++
				}
			}
		}
	}
	return out
}

// routeSide returns the first free route that leaves card from sideways,
// runs along the channel beside it to a lane beside card to's top or
// bottom edge and along that lane into it (four segments), or nil.
func (rt *router) routeSide(from, to int32) []Point {
	for _, sa := range rt.sideEnds(from) {
		for _, eb := range rt.ends(to) {
			if rt.free(Point{sa.lane, sa.edge}, Point{sa.lane, eb.lane}, -1) && rt.free(Point{sa.lane, eb.lane}, Point{eb.x, eb.lane}, -1) {
				return []Point{{sa.x, sa.edge}, {sa.lane, sa.edge}, {sa.lane, eb.lane}, {eb.x, eb.lane}, {eb.x, eb.edge}}
			}
		}
	}
	return nil
}

package scene

import (
	"math"
	"strconv"
)

// Geometry every backend shares, so each draws the same picture.

// arrow is an arrowhead: a filled triangle with its tip at Tip, pointing
// along the unit vector (DX, DY), Len long and Len wide at its base.
type arrow struct {
	Tip         Point
	DX, DY, Len float64
}

// corners returns the arrowhead's three corners: tip, then the base's ends.
func (a arrow) corners() [3]Point {
	bx, by := a.Tip.X-a.DX*a.Len, a.Tip.Y-a.DY*a.Len
	h := a.Len / 2
	return [3]Point{
		a.Tip,
		{bx - a.DY*h, by + a.DX*h},
		{bx + a.DY*h, by - a.DX*h},
	}
}

// stroked returns the points to stroke for p, its ends pulled back under
// its arrowheads so a wide line does not poke out past a tip, and the
// arrowheads themselves (zero to two). A pull-back never exceeds 49% of the
// end segment, so the line keeps its direction.
func (p Path) stroked() ([]Point, []arrow) {
	pts := append([]Point(nil), p.Points...)
	if len(pts) < 2 {
		return pts, nil
	}
	L := ArrowSize(p.Width)
	var arrows []arrow
	head := func(tip, prev *Point) {
		dx, dy := tip.X-prev.X, tip.Y-prev.Y
		n := math.Hypot(dx, dy)
		if n == 0 {
			return
		}
		dx, dy = dx/n, dy/n
		arrows = append(arrows, arrow{Tip: *tip, DX: dx, DY: dy, Len: L})
		t := math.Min(L, 0.49*n)
		tip.X -= dx * t
		tip.Y -= dy * t
	}
	if p.StartArrow {
		i := 1
		for i < len(pts)-1 && pts[i] == pts[0] {
			i++
		}
		head(&pts[0], &pts[i])
	}
	if p.EndArrow {
		last := len(pts) - 1
		i := last - 1
		for i > 0 && pts[i] == pts[last] {
			i--
		}
		head(&pts[last], &pts[i])
	}
	return pts, arrows
}

// radius returns the corner radius of b, at most half its shorter side.
func (b Box) radius() float64 {
	return math.Max(0, math.Min(b.Radius, math.Min(b.W, b.H)/2))
}

// anchorX returns the left end of text t that is w wide.
func (t Text) anchorX(w float64) float64 {
	switch t.Anchor {
	case Middle:
		return t.X - w/2
	case End:
		return t.X - w
	}
	return t.X
}

// outline returns the outline of d: its own, or one entry per page titled
// with the page's title (or "Page n").
func (d *Document) outline() []OutlineEntry {
	if d.Outline != nil {
		return d.Outline
	}
	o := make([]OutlineEntry, len(d.Pages))
	for i, p := range d.Pages {
		t := p.Title
		if t == "" {
			t = "Page " + strconv.Itoa(i+1)
		}
		o[i] = OutlineEntry{Title: t, Page: i + 1}
	}
	return o
}

// bounds returns the rectangle around the boxes and texts in items.
func bounds(items []Item) (Rect, bool) {
	x0, y0, x1, y1, ok := 0.0, 0.0, 0.0, 0.0, false
	add := func(a, b, c, d float64) {
		if !ok {
			x0, y0, x1, y1, ok = a, b, c, d, true
			return
		}
		x0, y0, x1, y1 = min(x0, a), min(y0, b), max(x1, c), max(y1, d)
	}
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			switch it := it.(type) {
			case Box:
				add(it.X, it.Y, it.X+it.W, it.Y+it.H)
			case Text:
				w := it.Width()
				x := it.anchorX(w)
				add(x, it.Y-Ascent(it.Size), x+w, it.Y+Descent(it.Size))
			case Group:
				walk(it.Items)
			}
		}
	}
	walk(items)
	return Rect{x0, y0, x1 - x0, y1 - y0}, ok
}

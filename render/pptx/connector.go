package pptx

import (
	"math"
	"strings"

	"github.com/orgchart/orgchart/render/scene"
)

// cxn is a connector waiting for the ids of the shapes it glues to.
type cxn struct {
	id       int
	p        scene.Path
	pts      []pt // slide EMU, simplified
	from, to string
}

// pt is a point in EMU.
type pt struct{ x, y float64 }

// path queues a Path as a connector; it is written once every shape of the
// slide has an id, since a line usually comes before the cards it joins.
func (w *slideWriter) path(p scene.Path) {
	if !p.Stroke.Visible() || p.Width <= 0 {
		return
	}
	pts := make([]pt, 0, len(p.Points))
	for _, q := range p.Points {
		s := w.pt(q)
		pts = append(pts, pt{float64(emu(s.X)), float64(emu(s.Y))})
	}
	pts = simplify(pts)
	if len(pts) < 2 {
		return
	}
	w.out = append(w.out, piece{cxn: &cxn{id: w.id(), p: p, pts: pts, from: p.From, to: p.To}})
}

// simplify drops repeated points and the middle of three collinear ones.
func simplify(ps []pt) []pt {
	var out []pt
	for _, p := range ps {
		if n := len(out); n > 0 && near(out[n-1], p) {
			continue
		}
		if n := len(out); n >= 2 {
			a, b := out[n-2], out[n-1]
			if math.Abs((b.x-a.x)*(p.y-a.y)-(b.y-a.y)*(p.x-a.x)) <= 2*math.Hypot(p.x-a.x, p.y-a.y) &&
				(b.x-a.x)*(p.x-b.x)+(b.y-a.y)*(p.y-b.y) >= 0 {
				out[n-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// near reports whether two EMU points are the same, give or take rounding.
func near(a, b pt) bool { return math.Abs(a.x-b.x) <= 2 && math.Abs(a.y-b.y) <= 2 }

// Connection sites of a rectangle and a rounded rectangle, by index.
const (
	siteTop = iota
	siteLeft
	siteBottom
	siteRight
)

// touchTol is how far (EMU) a connector's end may lie from a card's edge
// and still touch it: one point.
const touchTol = 12700

// site returns the connection site of r (slide points) on the side of r
// that p (EMU) lies on, and whether p touches r at all. A line that ends a
// quarter along a card's bottom edge is glued to the bottom site: PowerPoint
// keeps the drawn route until the card moves, then reroutes from the sites,
// leaving the card on the side the line left it by.
func site(r scene.Rect, p pt) (int, bool) {
	x0, y0 := float64(emu(r.X)), float64(emu(r.Y))
	x1, y1 := float64(emu(r.X+r.W)), float64(emu(r.Y+r.H))
	if p.x < x0-touchTol || p.x > x1+touchTol || p.y < y0-touchTol || p.y > y1+touchTol {
		return 0, false
	}
	d := [4]float64{math.Abs(p.y - y0), math.Abs(p.x - x0), math.Abs(p.y - y1), math.Abs(p.x - x1)}
	best := siteTop
	for i := range d {
		if d[i] < d[best] {
			best = i
		}
	}
	return best, d[best] <= touchTol
}

// connector writes c as a preset straight or elbow connector glued at each
// end that touches the shape its From or To names; a route no preset draws
// exactly becomes the nearest elbow when it is glued (so it stays attached),
// else a custom polyline.
func (w *slideWriter) connector(b *strings.Builder, c *cxn) {
	name := c.p.ID
	if name == "" {
		name = "Connector"
	}
	b.WriteString(`<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="` + itoa(c.id) + `" name="` + esc(name) + `"/><p:cNvCxnSpPr>`)
	st, end := -1, -1
	if e, ok := w.glue[c.from]; ok && c.from != "" {
		if i, on := site(e.r, c.pts[0]); on {
			st = i
			b.WriteString(`<a:stCxn id="` + itoa(e.id) + `" idx="` + itoa(i) + `"/>`)
		}
	}
	if e, ok := w.glue[c.to]; ok && c.to != "" {
		if i, on := site(e.r, c.pts[len(c.pts)-1]); on {
			end = i
			b.WriteString(`<a:endCxn id="` + itoa(e.id) + `" idx="` + itoa(i) + `"/>`)
		}
	}
	b.WriteString(`</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>`)
	g, ok := preset(c.pts)
	if !ok && (st >= 0 || end >= 0) {
		g, ok = preset(elbow(c.pts, st))
	}
	if ok {
		b.WriteString(`<a:xfrm`)
		if g.rot != 0 {
			b.WriteString(` rot="` + itoa(g.rot*5400000) + `"`)
		}
		if g.fh {
			b.WriteString(` flipH="1"`)
		}
		if g.fv {
			b.WriteString(` flipV="1"`)
		}
		b.WriteString(`><a:off x="` + itoa(int(math.Round(g.x))) + `" y="` + itoa(int(math.Round(g.y))) + `"/><a:ext cx="` + itoa(int(math.Round(g.cx))) + `" cy="` + itoa(int(math.Round(g.cy))) + `"/></a:xfrm>`)
		b.WriteString(`<a:prstGeom prst="` + g.prst + `"><a:avLst>`)
		for i, a := range g.adj[:g.adjs()] {
			b.WriteString(`<a:gd name="adj` + itoa(i+1) + `" fmla="val ` + itoa(a) + `"/>`)
		}
		b.WriteString(`</a:avLst></a:prstGeom>`)
	} else {
		custom(b, c.pts)
	}
	line(b, c.p.Stroke, c.p.Width*w.sc, c.p.Dash, c.p.Width, c.p.StartArrow, c.p.EndArrow)
	b.WriteString(`</p:spPr></p:cxnSp>`)
}

// elbow returns the three-segment orthogonal route nearest ps that a
// bentConnector3 draws: out of the start along its first segment's axis
// (the side's normal when the start is glued at side st) as far as ps goes
// that way, across, and into the end.
func elbow(ps []pt, st int) []pt {
	a, z := ps[0], ps[len(ps)-1]
	vertical := math.Abs(ps[1].y-a.y) >= math.Abs(ps[1].x-a.x)
	if st >= 0 {
		vertical = st == siteTop || st == siteBottom
	}
	if vertical {
		return simplify([]pt{a, {a.x, ps[1].y}, {z.x, ps[1].y}, z})
	}
	return simplify([]pt{a, {ps[1].x, a.y}, {ps[1].x, z.y}, z})
}

// custom writes the points as a custom geometry in a box around them.
func custom(b *strings.Builder, ps []pt) {
	x0, y0, x1, y1 := ps[0].x, ps[0].y, ps[0].x, ps[0].y
	for _, p := range ps {
		x0, y0, x1, y1 = math.Min(x0, p.x), math.Min(y0, p.y), math.Max(x1, p.x), math.Max(y1, p.y)
	}
	w, h := int(x1-x0), int(y1-y0)
	xfrm(b, int(x0), int(y0), w, h)
	b.WriteString(`<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="` + itoa(max(w, 1)) + `" h="` + itoa(max(h, 1)) + `" fill="none">`)
	for i, p := range ps {
		tag := "a:lnTo"
		if i == 0 {
			tag = "a:moveTo"
		}
		b.WriteString(`<` + tag + `><a:pt x="` + itoa(int(p.x-x0)) + `" y="` + itoa(int(p.y-y0)) + `"/></` + tag + `>`)
	}
	b.WriteString(`</a:path></a:pathLst></a:custGeom>`)
}

// geom is a preset connector's geometry: its transform (offset and extent
// in EMU, before rotation; rotation in quarter turns clockwise; flips) and
// its adjustments in thousandths of a percent (adj1 and adj3 of cx, adj2 of
// cy), which may lie outside 0-100000: a bend beyond an end.
type geom struct {
	prst         string
	x, y, cx, cy float64
	rot          int
	fh, fv       bool
	adj          [3]int
}

// presets are the connectors by number of points: straightConnector1 and
// bentConnector2 to 5.
var presets = [...]string{2: "straightConnector1", 3: "bentConnector2", 4: "bentConnector3", 5: "bentConnector4", 6: "bentConnector5"}

// adjs returns how many adjustments g's preset takes.
func (g geom) adjs() int {
	switch g.prst {
	case "bentConnector3":
		return 1
	case "bentConnector4":
		return 2
	case "bentConnector5":
		return 3
	}
	return 0
}

// apply maps a point of the connector's own frame to the slide: flips
// first, then the rotation about the centre, as DrawingML does.
func (g geom) apply(u, v float64) pt {
	if g.fh {
		u = g.cx - u
	}
	if g.fv {
		v = g.cy - v
	}
	a, b := u-g.cx/2, v-g.cy/2
	for i := 0; i < g.rot; i++ {
		a, b = -b, a // a quarter turn clockwise, y down
	}
	return pt{g.x + g.cx/2 + a, g.y + g.cy/2 + b}
}

// frame maps a slide point into the connector's own frame: apply's inverse.
func (g geom) frame(p pt) pt {
	a, b := p.x-g.x-g.cx/2, p.y-g.y-g.cy/2
	for i := 0; i < g.rot; i++ {
		a, b = b, -a // a quarter turn anticlockwise
	}
	u, v := g.cx/2+a, g.cy/2+b
	if g.fh {
		u = g.cx - u
	}
	if g.fv {
		v = g.cy - v
	}
	return pt{u, v}
}

// template returns the preset's points in its own frame, as
// presetShapeDefinitions.xml draws them: straightConnector1 from corner to
// corner; bentConnector2 across, down; bentConnector3 across to x1, down,
// across; bentConnector4 across to x1, down to y2, across, down;
// bentConnector5 across to x1, down to y2, across to x3, down, across.
func (g geom) template() []pt {
	x1 := float64(g.adj[0]) * g.cx / 100000
	y2 := float64(g.adj[1]) * g.cy / 100000
	x3 := float64(g.adj[2]) * g.cx / 100000
	switch g.prst {
	case "bentConnector2":
		return []pt{{0, 0}, {g.cx, 0}, {g.cx, g.cy}}
	case "bentConnector3":
		return []pt{{0, 0}, {x1, 0}, {x1, g.cy}, {g.cx, g.cy}}
	case "bentConnector4":
		return []pt{{0, 0}, {x1, 0}, {x1, y2}, {g.cx, y2}, {g.cx, g.cy}}
	case "bentConnector5":
		return []pt{{0, 0}, {x1, 0}, {x1, y2}, {x3, y2}, {x3, g.cy}, {g.cx, g.cy}}
	}
	return []pt{{0, 0}, {g.cx, g.cy}}
}

// minExtent is the least extent (EMU) a bent connector's frame gets along
// an axis its adjustments scale: a tenth of a point. A U between two ends
// at the same height has no height for adj to be a share of, so its end is
// moved that far along its last segment (PowerPoint does the same with a
// point), which the glue makes good when a card moves.
const minExtent = 1270

// preset finds the preset connector, transform and adjustments that draw
// ps: a straight line, or an orthogonal elbow of two to five segments
// (bentConnector2-5, the bends where the adjustments put them, inside the
// ends' frame or beyond it). It tries every quarter turn and flip and keeps
// the first whose points all match.
func preset(ps []pt) (geom, bool) {
	if len(ps) < 2 || len(ps) >= len(presets) || (len(ps) > 2 && !orthogonal(ps)) {
		return geom{}, false
	}
	prst := presets[len(ps)]
	if len(ps) > 3 {
		ps = spread(ps)
	}
	// The frame spans the ends; the bends may lie outside it.
	a, z := ps[0], ps[len(ps)-1]
	x0, y0 := math.Min(a.x, z.x), math.Min(a.y, z.y)
	W, H := math.Abs(z.x-a.x), math.Abs(z.y-a.y)
	for rot := 0; rot < 4; rot++ {
		if prst == "straightConnector1" && rot > 0 {
			break // flips alone reach every straight line
		}
		for flip := 0; flip < 4; flip++ {
			g := geom{prst: prst, rot: rot, fh: flip&1 == 1, fv: flip&2 == 2, cx: W, cy: H}
			if rot%2 == 1 {
				g.cx, g.cy = H, W
			}
			g.x, g.y = x0+W/2-g.cx/2, y0+H/2-g.cy/2
			if n := g.adjs(); n > 0 {
				if g.cx == 0 || (n > 1 && g.cy == 0) {
					continue
				}
				// adj1 and adj3 are bends along the frame's x axis, adj2 along y.
				g.adj[0] = pct(g.frame(ps[1]).x / g.cx)
				if n > 1 {
					g.adj[1] = pct(g.frame(ps[2]).y / g.cy)
				}
				if n > 2 {
					g.adj[2] = pct(g.frame(ps[3]).x / g.cx)
				}
			}
			if matches(g, ps) {
				return g, true
			}
		}
	}
	return geom{}, false
}

// spread returns ps with its end moved along its last segment, when needed,
// so the ends are at least minExtent apart on both axes.
func spread(ps []pt) []pt {
	n := len(ps)
	a, z, y := ps[0], ps[n-1], ps[n-2]
	out := append([]pt(nil), ps...)
	if math.Abs(z.y-a.y) < minExtent && math.Abs(z.y-y.y) > 2 {
		out[n-1].y = a.y + math.Copysign(minExtent, z.y-y.y)
	}
	if math.Abs(z.x-a.x) < minExtent && math.Abs(z.x-y.x) > 2 {
		out[n-1].x = a.x + math.Copysign(minExtent, z.x-y.x)
	}
	return out
}

// orthogonal reports whether every segment of ps is horizontal or vertical.
func orthogonal(ps []pt) bool {
	for i := 1; i < len(ps); i++ {
		if math.Abs(ps[i].x-ps[i-1].x) > 2 && math.Abs(ps[i].y-ps[i-1].y) > 2 {
			return false
		}
	}
	return true
}

// matches reports whether g draws ps, point for point, give or take 2 EMU
// (plus the adjustments' rounding).
func matches(g geom, ps []pt) bool {
	t := g.template()
	if len(t) != len(ps) {
		return false
	}
	tol := 2 + (g.cx+g.cy)/100000
	for i, q := range t {
		p := g.apply(q.x, q.y)
		if math.Abs(p.x-ps[i].x) > tol || math.Abs(p.y-ps[i].y) > tol {
			return false
		}
	}
	return true
}

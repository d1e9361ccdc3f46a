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

// glueTol is how far (EMU) a connector's end may lie from a connection
// site and still be glued to it: half a point.
const glueTol = 6350

// site returns the connection site of r (slide points) nearest to p (EMU),
// and whether p lies on it. A connector is glued only at an end that lies on
// a site: LibreOffice reroutes a glued connector through the sites, which
// would move an end the layout offset along the edge (a dotted line in its
// own lane) and route it through cards.
func site(r scene.Rect, p pt) (int, bool) {
	sites := [4]pt{
		{float64(emu(r.X + r.W/2)), float64(emu(r.Y))},
		{float64(emu(r.X)), float64(emu(r.Y + r.H/2))},
		{float64(emu(r.X + r.W/2)), float64(emu(r.Y + r.H))},
		{float64(emu(r.X + r.W)), float64(emu(r.Y + r.H/2))},
	}
	best, d := 0, math.Inf(1)
	for i, s := range sites {
		if e := math.Hypot(s.x-p.x, s.y-p.y); e < d {
			best, d = i, e
		}
	}
	return best, d <= glueTol
}

// connector writes c: a preset straight or elbow connector when one
// reproduces its points, else a custom polyline, glued at each end whose
// From or To names a shape of the slide.
func (w *slideWriter) connector(b *strings.Builder, c *cxn) {
	name := c.p.ID
	if name == "" {
		name = "Connector"
	}
	b.WriteString(`<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="` + itoa(c.id) + `" name="` + esc(name) + `"/><p:cNvCxnSpPr>`)
	if e, ok := w.glue[c.from]; ok && c.from != "" {
		if i, on := site(e.r, c.pts[0]); on {
			b.WriteString(`<a:stCxn id="` + itoa(e.id) + `" idx="` + itoa(i) + `"/>`)
		}
	}
	if e, ok := w.glue[c.to]; ok && c.to != "" {
		if i, on := site(e.r, c.pts[len(c.pts)-1]); on {
			b.WriteString(`<a:endCxn id="` + itoa(e.id) + `" idx="` + itoa(i) + `"/>`)
		}
	}
	b.WriteString(`</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>`)
	if g, ok := preset(c.pts); ok {
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
		if g.prst == "bentConnector3" {
			b.WriteString(`<a:gd name="adj1" fmla="val ` + itoa(g.adj) + `"/>`)
		}
		b.WriteString(`</a:avLst></a:prstGeom>`)
	} else {
		custom(b, c.pts)
	}
	line(b, c.p.Stroke, c.p.Width*w.sc, c.p.Dash, c.p.Width, c.p.StartArrow, c.p.EndArrow)
	b.WriteString(`</p:spPr></p:cxnSp>`)
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
// its adjustment.
type geom struct {
	prst         string
	x, y, cx, cy float64
	rot          int
	fh, fv       bool
	adj          int // bentConnector3's adj1, in thousandths of a percent of cx
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

// template returns the preset's points in its own frame:
// straightConnector1 from corner to corner, bentConnector2 across then down,
// bentConnector3 across to adj, down, across.
func (g geom) template() []pt {
	switch g.prst {
	case "bentConnector2":
		return []pt{{0, 0}, {g.cx, 0}, {g.cx, g.cy}}
	case "bentConnector3":
		a := float64(g.adj) * g.cx / 100000
		return []pt{{0, 0}, {a, 0}, {a, g.cy}, {g.cx, g.cy}}
	}
	return []pt{{0, 0}, {g.cx, g.cy}}
}

// preset finds the preset connector, transform and adjustment that draw
// exactly ps: a straight line, or an elbow of two or three orthogonal
// segments. It tries every quarter turn and flip and keeps the first whose
// points all match.
func preset(ps []pt) (geom, bool) {
	var prst string
	switch {
	case len(ps) == 2:
		prst = "straightConnector1"
	case len(ps) == 3 && orthogonal(ps):
		prst = "bentConnector2"
	case len(ps) == 4 && orthogonal(ps):
		prst = "bentConnector3"
	default:
		return geom{}, false
	}
	// The frame spans the ends; an elbow's middle may lie outside it.
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
			if prst == "bentConnector3" {
				if g.cx == 0 {
					continue
				}
				// The first segment runs along the frame's x axis, so its
				// length is adj's share of cx.
				g.adj = pct(math.Hypot(ps[1].x-ps[0].x, ps[1].y-ps[0].y) / g.cx)
			}
			if matches(g, ps) {
				return g, true
			}
		}
	}
	return geom{}, false
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
// (plus the adjustment's rounding).
func matches(g geom, ps []pt) bool {
	t := g.template()
	if len(t) != len(ps) {
		return false
	}
	tol := 2 + g.cx/100000
	for i, q := range t {
		p := g.apply(q.x, q.y)
		if math.Abs(p.x-ps[i].x) > tol || math.Abs(p.y-ps[i].y) > tol {
			return false
		}
	}
	return true
}

package draw

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/internal/huge"
	"github.com/orgchart/orgchart/internal/par"
	"github.com/orgchart/orgchart/render/layout"
	"github.com/orgchart/orgchart/render/scene"
)

// overlay is a line drawn over the laid-out chart: a dotted line, or a
// solid line to a manager the card does not hang under (a second manager,
// or the line that closes a cycle). From is the report's node, To the
// manager's.
type overlay struct {
	from, to int
	solid    bool
	typ      string
}

// overlays lists f's overlay lines in file order of their reports.
func (d *drawer) overlays(f *fitted) []overlay {
	p := f.plan
	for k, n := range p.nodes {
		if !n.stub {
			d.where[n.e] = int32(k)
		}
	}
	defer func() {
		for _, n := range p.nodes {
			d.where[n.e] = -1
		}
	}()
	var out []overlay
	for k, n := range p.nodes {
		if n.stub {
			continue
		}
		for _, l := range d.g.Managers(n.e) {
			if m := d.where[l.To]; l.To != n.e && m >= 0 && int(m) != n.parent {
				out = append(out, overlay{from: k, to: int(m), solid: true})
			}
		}
		for _, l := range d.g.DottedFrom(n.e) {
			if m := d.where[l.To]; l.To != n.e && m >= 0 {
				out = append(out, overlay{from: k, to: int(m), typ: strings.TrimSpace(l.Type)})
			}
		}
	}
	return out
}

// page draws fitted page f.
func (d *drawer) page(f *fitted) (scene.Page, error) {
	s := d.st
	p := f.plan
	ovs := d.overlays(f)
	var routes []layout.Route
	unlisted := 0
	if len(ovs) > 0 {
		lines := make([]layout.Dotted, len(ovs))
		for k, o := range ovs {
			lines[k] = layout.Dotted{From: o.from, To: o.to}
		}
		var err error
		routes, _, err = f.res.RouteDotted(lines, dottedLane, dottedLimit)
		if err != nil {
			return scene.Page{}, fmt.Errorf("draw: %w", err)
		}
		if routes == nil {
			routes = make([]layout.Route, len(ovs))
		}
		for k, o := range ovs {
			if routes[k].Points != nil {
				continue
			}
			what := "dotted line"
			if o.typ != "" {
				what = o.typ + " line"
			}
			if o.solid {
				what = "also reports to"
			}
			if len(f.furn.foot) == maxFootnotes {
				unlisted++
				continue
			}
			f.furn.foot = append(f.furn.foot, fmt.Sprintf("%d. %s — %s → %s", len(f.furn.foot)+1,
				personLabel(d.g.Person(p.nodes[o.from].e), d.opts.Redact), what, personLabel(d.g.Person(p.nodes[o.to].e), d.opts.Redact)))
		}
		if unlisted > 0 {
			f.furn.foot = append(f.furn.foot, fmt.Sprintf("… and %d more lines neither drawn nor listed here (orgchart validate and the chart file list them all)", unlisted))
		}
	}
	// The chart's bounds: the layout's box and the routes around it.
	x0, y0, x1, y1 := 0.0, 0.0, f.res.Width, f.res.Height
	for _, r := range routes {
		for _, q := range r.Points {
			x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
		}
	}
	bw, bh := x1-x0, y1-y0
	w, h, sc, m := f.w, f.h, f.scale, f.margin
	if d.preset == nil {
		fw := min(f.furn.width(), max(bw, 480))
		w = max(bw, fw) + 2*m
		h = 2*m + f.furn.top + bh + f.furn.bottom(w-2*m)
	} else {
		aw, ah := f.area(w, h)
		sc = max(minScale, min(aw/max(bw, 1), ah/max(bh, 1), maxScale))
		f.scale = sc
	}
	aw, ah := f.area(w, h)
	tf := xform{s: sc, ox: m + (aw-sc*bw)/2 - sc*x0, oy: m + f.furn.top + (ah-sc*bh)/2 - sc*y0}
	// The chart's items, drawn straight onto the page.
	items := make([]scene.Item, 0, 2*len(f.cards)+3*len(ovs)+64) // lines, cards, overlays and labels, furniture
	items = append(items, d.connectors(f, tf)...)
	for k, o := range ovs {
		if routes[k].Points != nil {
			items = append(items, tf.path(d.overlayPath(f, k, o, routes[k])))
		}
	}
	items = append(items, d.cardItems(f, tf)...)
	for k, o := range ovs {
		if routes[k].Points != nil && o.typ != "" {
			items = append(items, d.label(o.typ, routes[k].Label, tf)...)
		}
	}
	items = append(items, f.furn.items(s, w, h, m)...)
	pg := scene.Page{Width: w, Height: h, Title: p.title, Items: items}
	if !s.transparent {
		pg.Background = s.bg
	}
	return pg, nil
}

// cardChunk is how many cards one worker draws at a time.
const cardChunk = 1024

// cardItems draws f's cards onto the page, on every core.
func (d *drawer) cardItems(f *fitted, tf xform) []scene.Item {
	p := f.plan
	out := make([]scene.Item, len(f.cards))
	off := make([]int, len(f.cards)+1) // the cards' items, cut from one slab
	for k, c := range f.cards {
		off[k+1] = off[k] + c.itemCount()
	}
	slab := huge.Make[scene.Item](off[len(f.cards)], off[len(f.cards)])
	par.For((len(f.cards)+cardChunk-1)/cardChunk, func(ch int) {
		for k := ch * cardChunk; k < min(len(f.cards), (ch+1)*cardChunk); k++ {
			c, b := f.cards[k], f.res.Boxes[k]
			if n := p.nodes[k]; n.stub {
				c.link = n.page
				c.lines[len(c.lines)-1].s = stubLine(n)
			}
			out[k] = c.items(scene.Rect{X: b.X, Y: b.Y, W: b.W, H: b.H}, tf, slab[off[k]:off[k]:off[k+1]])
		}
	})
	return out
}

// connectors draws the solid lines from each card to its reports: plain
// ones first, then the highlighted chain, then the lines findings name,
// so the coloured ones are on top where they share a bus. The lines are
// made on every core, their points cut from one slab per chunk.
func (d *drawer) connectors(f *fitted, tf xform) []scene.Item {
	s := d.st
	nodes := f.plan.nodes
	const (
		none uint8 = iota
		plain
		hl
		found
	)
	paths := make([]scene.Item, len(nodes))
	kind := make([]uint8, len(nodes))
	par.For((len(nodes)+cardChunk-1)/cardChunk, func(ch int) {
		lo, hi := ch*cardChunk, min(len(nodes), (ch+1)*cardChunk)
		npts := 0
		for k := lo; k < hi; k++ {
			if nodes[k].parent >= 0 {
				npts += len(f.res.Connector(k))
			}
		}
		slab := make([]scene.Point, npts)
		for k := lo; k < hi; k++ {
			n := nodes[k]
			if n.parent < 0 {
				continue
			}
			pts := f.res.Connector(k)
			if len(pts) < 2 {
				continue
			}
			pn := nodes[n.parent]
			path := scene.Path{ID: "l" + f.cards[k].id, From: f.cards[n.parent].id, To: f.cards[k].id,
				Points: slab[:len(pts):len(pts)], Stroke: s.edge, Width: 1.2 * tf.s}
			slab = slab[len(pts):]
			for i, q := range pts {
				path.Points[i].X, path.Points[i].Y = tf.pt(q.X, q.Y)
			}
			switch sev, ok := d.sevOf(n.e, pn.e); {
			case ok && !n.stub && !pn.stub:
				path.Stroke, path.Width = s.sev[sev], 2.5*tf.s
				kind[k] = found
			case d.mk.HLEdge[[2]int{n.e, pn.e}]:
				path.Stroke, path.Width = s.highlight, 2.5*tf.s
				kind[k] = hl
			default:
				kind[k] = plain
			}
			paths[k] = path
		}
	})
	count := 0
	for _, k := range kind {
		if k != none {
			count++
		}
	}
	out := make([]scene.Item, 0, count)
	for _, want := range []uint8{plain, hl, found} {
		for k, p := range paths {
			if kind[k] == want {
				out = append(out, p)
			}
		}
	}
	return out
}

// overlayPath draws overlay k: dashed for a dotted line, solid for a second
// manager, in the finding's colour when a finding names the line, with an
// arrowhead at the manager.
func (d *drawer) overlayPath(f *fitted, k int, o overlay, r layout.Route) scene.Path {
	s := d.st
	from, to := f.plan.nodes[o.from].e, f.plan.nodes[o.to].e
	p := scene.Path{ID: "x" + strconv.Itoa(k), From: f.cards[o.from].id, To: f.cards[o.to].id,
		Points: points(r.Points, chartUnits), Stroke: s.dotted, Width: 1.2, Dash: []float64{4, 3}, EndArrow: true}
	if o.solid {
		p.Stroke, p.Width, p.Dash = s.edge, 1.6, nil
	}
	if sev, ok := d.sevOf(from, to); ok {
		p.Stroke, p.Width = s.sev[sev], 2.2
	}
	return p
}

// label is a dotted line's type on a background-filled box at c, on the
// page.
func (d *drawer) label(typ string, c layout.Point, tf xform) []scene.Item {
	w := scene.Measure(typ, labelSize, false) + 4
	h := labelSize * 1.3
	bg := d.st.bg
	if d.st.transparent {
		bg = d.st.cardFill
	}
	return []scene.Item{
		tf.box(scene.Box{Rect: scene.Rect{X: c.X - w/2, Y: c.Y - h/2, W: w, H: h}, Radius: 2, Fill: bg}),
		tf.text(scene.Text{X: c.X, Y: c.Y + labelSize*0.35, Anchor: scene.Middle, Size: labelSize, Italic: true, Color: d.st.subtext, S: typ}),
	}
}

// xform maps chart units to the page: scaled by s, then moved by (ox, oy).
// Line widths, dashes, radii and font sizes scale too. The drawing applies
// it as it makes each item, rather than copying every item of a large chart
// once more to move it.
type xform struct{ s, ox, oy float64 }

// chartUnits is the identity xform.
var chartUnits = xform{s: 1}

func (t xform) pt(x, y float64) (float64, float64) { return t.ox + t.s*x, t.oy + t.s*y }

func (t xform) rect(r scene.Rect) scene.Rect {
	x, y := t.pt(r.X, r.Y)
	return scene.Rect{X: x, Y: y, W: r.W * t.s, H: r.H * t.s}
}

func (t xform) dash(ds []float64) []float64 {
	if ds == nil {
		return nil
	}
	out := make([]float64, len(ds))
	for i, v := range ds {
		out[i] = v * t.s
	}
	return out
}

func (t xform) box(v scene.Box) scene.Box {
	v.Rect, v.Radius, v.StrokeWidth, v.Dash = t.rect(v.Rect), v.Radius*t.s, v.StrokeWidth*t.s, t.dash(v.Dash)
	return v
}

func (t xform) text(v scene.Text) scene.Text {
	v.X, v.Y = t.pt(v.X, v.Y)
	v.Size *= t.s
	return v
}

func (t xform) path(v scene.Path) scene.Path {
	ps := make([]scene.Point, len(v.Points))
	for j, q := range v.Points {
		ps[j].X, ps[j].Y = t.pt(q.X, q.Y)
	}
	v.Points, v.Width, v.Dash = ps, v.Width*t.s, t.dash(v.Dash)
	return v
}

// points is ps on the page.
func points(ps []layout.Point, t xform) []scene.Point {
	out := make([]scene.Point, len(ps))
	for i, q := range ps {
		out[i].X, out[i].Y = t.pt(q.X, q.Y)
	}
	return out
}

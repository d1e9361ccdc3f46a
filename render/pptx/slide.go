package pptx

import (
	"fmt"
	"math"
	"strings"

	"github.com/orgchart/orgchart/render/scene"
)

// The slide's frame, in points: a title band at the top, the page below it.
const (
	margin      = 18 // left, right and bottom margin
	titleTop    = 8
	titleHeight = 36
	titleSize   = 20 // the title's largest font size
	minTitle    = 12 // the smallest it shrinks to before it wraps
	backWidth   = 140
	backSize    = 11
)

// titleRect is the title placeholder's rectangle, narrower when the slide
// carries a back link at its right.
func titleRect(s Size, back bool) scene.Rect {
	w := s.W - 2*margin
	if back {
		w -= backWidth + 8
	}
	return scene.Rect{X: margin, Y: titleTop, W: w, H: titleHeight}
}

// contentRect is where the page is drawn, scaled to fit.
func contentRect(s Size) scene.Rect {
	y := float64(titleTop + titleHeight + 6)
	return scene.Rect{X: margin, Y: y, W: s.W - 2*margin, H: s.H - y - margin}
}

// titlePlaceholder writes the title placeholder with shape id id and text
// (none in the master and layout).
func titlePlaceholder(id int, s Size, text string) string {
	return titleShape(id, titleRect(s, false), text, 0, scene.Color{})
}

// titleShape writes a title placeholder at r holding text in bold at size
// (0: titleSize, shrunk to fit r's width) and colour c, its first line's
// top at r's top when size is given, else centred in r.
func titleShape(id int, r scene.Rect, text string, size float64, c scene.Color) string {
	var b strings.Builder
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="` + itoa(id) + `" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr>`)
	xfrm(&b, emu(r.X), emu(r.Y), emu(r.W), emu(r.H))
	anchor := "t"
	if size == 0 {
		anchor = "ctr"
	}
	b.WriteString(`</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="` + anchor + `"><a:noAutofit/></a:bodyPr><a:lstStyle/>`)
	if text == "" {
		b.WriteString(`<a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`)
		return b.String()
	}
	if size == 0 {
		size = titleSize
		if w := scene.Measure(text, size, true); w > r.W {
			size = math.Max(minTitle, math.Floor(size*r.W/w*2)/2)
		}
	}
	if !c.Visible() {
		c = scene.RGB(0x11, 0x18, 0x27)
	}
	h := scene.Ascent(size) + scene.Descent(size)
	b.WriteString(`<a:p><a:pPr algn="l"><a:lnSpc><a:spcPts val="` + itoa(int(math.Round(h*100))) + `"/></a:lnSpc></a:pPr>`)
	run(&b, text, size, true, false, c, "")
	b.WriteString(`</a:p></p:txBody></p:sp>`)
	return b.String()
}

// place returns where a page goes on a slide of size s: slide point = o +
// sc × page point, the page scaled uniformly to fit and centred. A page that
// draws its own title (at index ti of its items, else -1) fills the slide,
// its title becoming the title placeholder; a page without one goes below a
// title band.
func place(s Size, pg *scene.Page) (sc, ox, oy float64, ti int) {
	ti = pageTitle(pg)
	c := contentRect(s)
	if ti >= 0 {
		c = scene.Rect{W: s.W, H: s.H}
	}
	sc = math.Min(c.W/pg.Width, c.H/pg.Height)
	return sc, c.X + (c.W-pg.Width*sc)/2, c.Y + (c.H-pg.Height*sc)/2, ti
}

// pageTitle returns the index of the page's own title among its items: a
// Text at the top level that reads the page's title, or -1.
func pageTitle(pg *scene.Page) int {
	for i, it := range pg.Items {
		if t, ok := it.(scene.Text); ok && pg.Title != "" && strings.TrimSpace(t.S) == strings.TrimSpace(pg.Title) {
			return i
		}
	}
	return -1
}

// run writes one text run in the deck's font.
func run(b *strings.Builder, s string, size float64, bold, italic bool, c scene.Color, extra string) {
	b.WriteString(`<a:r><a:rPr lang="en-US" sz="` + itoa(int(math.Round(size*100))) + `"`)
	if bold {
		b.WriteString(` b="1"`)
	}
	if italic {
		b.WriteString(` i="1"`)
	}
	b.WriteString(` dirty="0">`)
	if c.Visible() {
		color(b, c)
	}
	b.WriteString(`<a:latin typeface="` + font + `"/><a:cs typeface="` + font + `"/>` + extra + `</a:rPr><a:t>`)
	b.WriteString(esc(s))
	b.WriteString(`</a:t></a:r>`)
}

// writeSlide returns the slide's XML and its relationships after the
// layout (rId1) and notes (rId2).
func writeSlide(s Size, in slideIn) (string, []rel) {
	pg := in.page
	items := pg.Items
	sc, ox, oy, ti := place(s, pg)
	if ti >= 0 {
		items = append(append([]scene.Item(nil), items[:ti]...), items[ti+1:]...)
	}
	w := &slideWriter{
		sc:   sc,
		ox:   ox,
		oy:   oy,
		base: in.base,
		next: 3, // 1 is the tree, 2 the title
		glue: map[string]glueEnd{},
		rIDs: map[string]int{},
	}
	w.items(items, scene.Link{})
	var b strings.Builder
	b.WriteString(xmlHeader + `<p:sld xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"><p:cSld>`)
	if pg.Background.Visible() {
		b.WriteString(`<p:bg><p:bgPr>`)
		color(&b, pg.Background)
		b.WriteString(`<a:effectLst/></p:bgPr></p:bg>`)
	}
	b.WriteString(`<p:spTree>` + emptyGroup)
	if ti >= 0 {
		t := pg.Items[ti].(scene.Text)
		r := w.rect(textRect(t))
		r.W = s.W - margin - r.X
		if in.back {
			r.W -= backWidth + 8
		}
		b.WriteString(titleShape(2, r, t.S, math.Round(t.Size*sc*100)/100, t.Color))
	} else {
		b.WriteString(titleShape(2, titleRect(s, in.back), pg.Title, 0, scene.Color{}))
	}
	for _, p := range w.out {
		if p.cxn != nil {
			w.connector(&b, p.cxn)
		} else {
			b.WriteString(p.s)
		}
	}
	if in.back {
		w.backLink(&b, s, in.base)
	}
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
	return b.String(), w.rels
}

// slideWriter translates one page's items into shapes.
type slideWriter struct {
	sc, ox, oy float64 // slide point = o + sc × page point
	base       int
	next       int // the next shape id
	out        []piece
	glue       map[string]glueEnd // scene ID → the shape a connector glues to
	boxes      []glueEnd          // every box's shape, in order
	rels       []rel
	rIDs       map[string]int // relationship target → index in rels
}

// piece is finished XML, or a connector to write once every shape has its id.
type piece struct {
	s   string
	cxn *cxn
}

// glueEnd is a shape a connector can glue to: its id and rectangle (slide
// points).
type glueEnd struct {
	id int
	r  scene.Rect
}

func (w *slideWriter) id() int { w.next++; return w.next - 1 }

func (w *slideWriter) emit(s string) { w.out = append(w.out, piece{s: s}) }

// pt maps a page point to slide points.
func (w *slideWriter) pt(p scene.Point) scene.Point {
	return scene.Point{X: w.ox + w.sc*p.X, Y: w.oy + w.sc*p.Y}
}

func (w *slideWriter) rect(r scene.Rect) scene.Rect {
	p := w.pt(scene.Point{X: r.X, Y: r.Y})
	return scene.Rect{X: p.X, Y: p.Y, W: r.W * w.sc, H: r.H * w.sc}
}

// rel returns the relationship id of target, adding it once.
func (w *slideWriter) rel(typ, target string, external bool) string {
	k := typ + " " + target
	i, ok := w.rIDs[k]
	if !ok {
		w.rels = append(w.rels, rel{typ, target, external})
		i = len(w.rels) - 1
		w.rIDs[k] = i
	}
	return fmt.Sprintf("rId%d", i+3)
}

// hlink returns the a:hlinkClick of l, or "".
func (w *slideWriter) hlink(l scene.Link) string {
	switch {
	case l.Page > 0:
		return `<a:hlinkClick r:id="` + w.rel("slide", fmt.Sprintf("slide%d.xml", w.base+l.Page), false) + `" action="ppaction://hlinksldjump"/>`
	case l.URL != "":
		return `<a:hlinkClick r:id="` + w.rel("hyperlink", l.URL, true) + `"/>`
	}
	return ""
}

// items translates items in order; link is the enclosing group's link.
func (w *slideWriter) items(items []scene.Item, link scene.Link) {
	items = normalize(items)
	owner := textOwners(items)
	for i, it := range items {
		switch it := it.(type) {
		case scene.Box:
			var texts []scene.Text
			for j, o := range owner {
				if o == i {
					texts = append(texts, items[j].(scene.Text))
				}
			}
			l := it.Link
			if l.IsZero() {
				l = link
			}
			e := glueEnd{w.box(it, texts, l), w.rect(it.Rect)}
			w.boxes = append(w.boxes, e)
			if it.ID != "" {
				w.glue[it.ID] = e
			}
		case scene.Text:
			if owner[i] < 0 {
				w.text(it, link)
			}
		case scene.Path:
			w.path(it)
		case scene.Group:
			w.group(it, link)
		}
	}
}

// normalize returns items as shapes are made of them: a group of texts
// alone (no id, no link; a card's name lines) is opened, so its lines join
// the card's text frame, and a stroke-only box drawn over an earlier
// fill-only box of the same rectangle (a card's border over its background)
// becomes that box's outline, so a card is one shape.
func normalize(items []scene.Item) []scene.Item {
	var out []scene.Item
	for _, it := range items {
		if g, ok := it.(scene.Group); ok && g.ID == "" && g.Link.IsZero() && textsOnly(g.Items) {
			out = append(out, g.Items...)
			continue
		}
		if b, ok := it.(scene.Box); ok && !b.Fill.Visible() && b.Stroke.Visible() && b.ID == "" && b.Link.IsZero() {
			merged := false
			for j := range out {
				if a, ok := out[j].(scene.Box); ok && a.Rect == b.Rect && a.Radius == b.Radius && !(a.Stroke.Visible() && a.StrokeWidth > 0) {
					a.Stroke, a.StrokeWidth, a.Dash = b.Stroke, b.StrokeWidth, b.Dash
					out[j] = a
					merged = true
					break
				}
			}
			if merged {
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

func textsOnly(items []scene.Item) bool {
	for _, it := range items {
		if _, ok := it.(scene.Text); !ok {
			return false
		}
	}
	return len(items) > 0
}

// textOwners returns, for each Text of items, the index of the Box drawn
// before it that holds it (its text frame), or -1.
func textOwners(items []scene.Item) []int {
	owner := make([]int, len(items))
	for i, it := range items {
		owner[i] = -1
		t, ok := it.(scene.Text)
		if !ok {
			continue
		}
		r := textRect(t)
		for k := i - 1; k >= 0; k-- {
			if b, ok := items[k].(scene.Box); ok && contains(b.Rect, r) {
				owner[i] = k
				break
			}
		}
	}
	return owner
}

// textRect is the rectangle t's glyphs span.
func textRect(t scene.Text) scene.Rect {
	w := scene.Measure(t.S, t.Size, t.Bold)
	x := t.X
	switch t.Anchor {
	case scene.Middle:
		x -= w / 2
	case scene.End:
		x -= w
	}
	return scene.Rect{X: x, Y: t.Y - scene.Ascent(t.Size), W: w, H: scene.Ascent(t.Size) + scene.Descent(t.Size)}
}

// contains reports whether inner lies within outer, give or take half a point.
func contains(outer, inner scene.Rect) bool {
	const e = 0.5
	return inner.X >= outer.X-e && inner.Y >= outer.Y-e &&
		inner.X+inner.W <= outer.X+outer.W+e && inner.Y+inner.H <= outer.Y+outer.H+e
}

// group writes g: a p:grpSp when it makes more than one shape.
func (w *slideWriter) group(g scene.Group, link scene.Link) {
	if !g.Link.IsZero() {
		link = g.Link
	}
	start, boxes := len(w.out), len(w.boxes)
	w.items(g.Items, link)
	if g.ID != "" && len(w.boxes) > boxes {
		w.glue[g.ID] = w.boxes[boxes] // its first box, depth first
	}
	if len(w.out)-start < 2 {
		return
	}
	r, ok := itemBounds(g.Items)
	if !ok {
		return
	}
	r = w.rect(r)
	var b strings.Builder
	name := g.Kind
	if g.ID != "" {
		name += " " + g.ID
	}
	b.WriteString(`<p:grpSp><p:nvGrpSpPr><p:cNvPr id="` + itoa(w.id()) + `" name="` + esc(strings.TrimSpace(name)) + `"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>`)
	x, y, cx, cy := emu(r.X), emu(r.Y), emu(r.W), emu(r.H)
	b.WriteString(`<a:xfrm><a:off x="` + itoa(x) + `" y="` + itoa(y) + `"/><a:ext cx="` + itoa(cx) + `" cy="` + itoa(cy) + `"/>`)
	b.WriteString(`<a:chOff x="` + itoa(x) + `" y="` + itoa(y) + `"/><a:chExt cx="` + itoa(cx) + `" cy="` + itoa(cy) + `"/></a:xfrm></p:grpSpPr>`)
	open := piece{s: b.String()}
	w.out = append(w.out[:start], append([]piece{open}, w.out[start:]...)...)
	w.emit(`</p:grpSp>`)
}

// itemBounds is the rectangle around items' boxes, texts and paths.
func itemBounds(items []scene.Item) (scene.Rect, bool) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	add := func(r scene.Rect) {
		x0, y0 = math.Min(x0, r.X), math.Min(y0, r.Y)
		x1, y1 = math.Max(x1, r.X+r.W), math.Max(y1, r.Y+r.H)
	}
	var walk func([]scene.Item)
	walk = func(items []scene.Item) {
		for _, it := range items {
			switch it := it.(type) {
			case scene.Box:
				add(it.Rect)
			case scene.Text:
				add(textRect(it))
			case scene.Path:
				for _, p := range it.Points {
					add(scene.Rect{X: p.X, Y: p.Y})
				}
			case scene.Group:
				walk(it.Items)
			}
		}
	}
	walk(items)
	return scene.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, x0 <= x1
}

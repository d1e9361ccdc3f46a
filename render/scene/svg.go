package scene

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
)

// FontFamily is the font-family the SVG names: Liberation Sans, then the
// metric-compatible families a viewer is likely to have.
const FontFamily = "Liberation Sans, Arial, Helvetica, sans-serif"

// SVGOptions configure WriteSVG.
type SVGOptions struct {
	// PageURL is the href of a link to page n (one-based) of the document,
	// such as "chart-3.svg"; nil drops links to pages, keeping URL links.
	PageURL func(n int) string
}

// WriteSVG writes page n (one-based) of d as a standalone SVG 1.1 document:
// sized in points with a viewBox in points, text as <text> in FontFamily,
// links as <a xlink:href>, dashes as stroke-dasharray and arrowheads as
// markers. It writes nothing when d does not validate.
func WriteSVG(w io.Writer, d *Document, n int, opts SVGOptions) error {
	if n < 1 || n > len(d.Pages) {
		return fmt.Errorf("svg: page %d of %d", n, len(d.Pages))
	}
	if err := d.Validate(); err != nil {
		return fmt.Errorf("svg: %w", err)
	}
	p := &d.Pages[n-1]
	s := svgWriter{opts: opts, markers: map[markerKey]string{}}
	s.collectMarkers(p.Items)
	b := &s.b
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" `+
		`width="%spt" height="%spt" viewBox="0 0 %s %s" font-family="%s" xml:space="preserve">`+"\n",
		num(p.Width), num(p.Height), num(p.Width), num(p.Height), FontFamily)
	if p.Title != "" {
		b.WriteString("<title>")
		escape(b, p.Title)
		b.WriteString("</title>\n")
	}
	if len(s.order) > 0 {
		b.WriteString("<defs>\n")
		for _, k := range s.order {
			s.writeMarker(k)
		}
		b.WriteString("</defs>\n")
	}
	if p.Background.Visible() {
		fmt.Fprintf(b, `<rect width="%s" height="%s"%s/>`+"\n", num(p.Width), num(p.Height), paint("fill", p.Background))
	}
	s.items(p.Items)
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// markerKey identifies one arrowhead marker: SVG 1.1 markers cannot take the
// colour of the line they end, so each colour and size has its own.
type markerKey struct {
	c     Color
	len   float64
	start bool
}

type svgWriter struct {
	b       bytes.Buffer
	opts    SVGOptions
	markers map[markerKey]string
	order   []markerKey // first use first, for deterministic output
}

func (s *svgWriter) collectMarkers(items []Item) {
	for _, it := range items {
		switch it := it.(type) {
		case Path:
			for _, start := range []bool{true, false} {
				if (start && it.StartArrow) || (!start && it.EndArrow) {
					k := markerKey{it.Stroke, ArrowSize(it.Width), start}
					if _, ok := s.markers[k]; !ok {
						s.markers[k] = "scene-arrow-" + strconv.Itoa(len(s.order)+1)
						s.order = append(s.order, k)
					}
				}
			}
		case Group:
			s.collectMarkers(it.Items)
		}
	}
}

// writeMarker writes a triangle L long and L wide whose base sits on the
// (pulled-back) end of the line and whose tip is where the line was meant
// to end; see Path.stroked.
func (s *svgWriter) writeMarker(k markerKey) {
	L, h := num(k.len), num(k.len/2)
	d, ref := "M0,0L"+L+","+h+"L0,"+L+"Z", "0"
	if k.start {
		d, ref = "M"+L+",0L0,"+h+"L"+L+","+L+"Z", L
	}
	fmt.Fprintf(&s.b, `<marker id="%s" markerUnits="userSpaceOnUse" viewBox="0 0 %s %s" markerWidth="%s" markerHeight="%s" refX="%s" refY="%s" orient="auto">`+
		`<path d="%s"%s/></marker>`+"\n", s.markers[k], L, L, L, L, ref, h, d, paint("fill", k.c))
}

func (s *svgWriter) href(l Link) string {
	if l.Page > 0 {
		if s.opts.PageURL == nil {
			return ""
		}
		return s.opts.PageURL(l.Page)
	}
	return l.URL
}

// open writes <a> for link l and returns whether it did.
func (s *svgWriter) open(l Link) bool {
	h := s.href(l)
	if h == "" {
		return false
	}
	s.b.WriteString(`<a xlink:href="`)
	escape(&s.b, h)
	s.b.WriteString(`">`)
	return true
}

func (s *svgWriter) items(items []Item) {
	for _, it := range items {
		switch it := it.(type) {
		case Box:
			s.box(it)
		case Text:
			s.text(it)
		case Path:
			s.path(it)
		case Group:
			a := s.open(it.Link)
			s.b.WriteString("<g")
			s.attr("id", it.ID)
			s.attr("class", it.Kind)
			s.b.WriteString(">\n")
			s.items(it.Items)
			s.b.WriteString("</g>")
			if a {
				s.b.WriteString("</a>")
			}
			s.b.WriteString("\n")
		}
	}
}

func (s *svgWriter) attr(name, v string) {
	if v == "" {
		return
	}
	s.b.WriteString(" " + name + `="`)
	escape(&s.b, v)
	s.b.WriteString(`"`)
}

func (s *svgWriter) box(bx Box) {
	a := s.open(bx.Link)
	b := &s.b
	b.WriteString("<rect")
	s.attr("id", bx.ID)
	fmt.Fprintf(b, ` x="%s" y="%s" width="%s" height="%s"`, num(bx.X), num(bx.Y), num(bx.W), num(bx.H))
	if r := bx.radius(); r > 0 {
		fmt.Fprintf(b, ` rx="%s" ry="%s"`, num(r), num(r))
	}
	b.WriteString(paint("fill", bx.Fill))
	if a && !bx.Fill.Visible() {
		b.WriteString(` pointer-events="all"`) // clickable inside, not only on its outline
	}
	if bx.Stroke.Visible() && bx.StrokeWidth > 0 {
		fmt.Fprintf(b, `%s stroke-width="%s"%s`, paint("stroke", bx.Stroke), num(bx.StrokeWidth), dasharray(bx.Dash))
	}
	b.WriteString("/>")
	if a {
		b.WriteString("</a>")
	}
	b.WriteString("\n")
}

func (s *svgWriter) text(t Text) {
	str := Clean(t.S)
	if str == "" || !t.Color.Visible() {
		return
	}
	b := &s.b
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s"`, num(t.X), num(t.Y), num(t.Size))
	switch t.Anchor {
	case Middle:
		b.WriteString(` text-anchor="middle"`)
	case End:
		b.WriteString(` text-anchor="end"`)
	}
	if t.Bold {
		b.WriteString(` font-weight="bold"`)
	}
	if t.Italic {
		b.WriteString(` font-style="italic"`)
	}
	b.WriteString(paint("fill", t.Color))
	b.WriteString(">")
	escape(b, str)
	b.WriteString("</text>\n")
}

func (s *svgWriter) path(p Path) {
	if !p.Stroke.Visible() || p.Width <= 0 {
		return
	}
	pts, _ := p.stroked()
	b := &s.b
	b.WriteString("<polyline")
	s.attr("id", p.ID)
	b.WriteString(` points="`)
	for i, q := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(q.X) + "," + num(q.Y))
	}
	fmt.Fprintf(b, `" fill="none"%s stroke-width="%s" stroke-linejoin="round"%s`, paint("stroke", p.Stroke), num(p.Width), dasharray(p.Dash))
	if p.StartArrow {
		fmt.Fprintf(b, ` marker-start="url(#%s)"`, s.markers[markerKey{p.Stroke, ArrowSize(p.Width), true}])
	}
	if p.EndArrow {
		fmt.Fprintf(b, ` marker-end="url(#%s)"`, s.markers[markerKey{p.Stroke, ArrowSize(p.Width), false}])
	}
	b.WriteString("/>\n")
}

// paint returns the attribute painting with c: none, or the colour and, when
// it is not opaque, its opacity.
func paint(attr string, c Color) string {
	if !c.Visible() {
		return " " + attr + `="none"`
	}
	if c.A == 255 {
		return " " + attr + `="` + c.Hex() + `"`
	}
	return " " + attr + `="` + c.Hex() + `" ` + attr + `-opacity="` + num(c.Opacity()) + `"`
}

func dasharray(d []float64) string {
	if len(d) == 0 {
		return ""
	}
	var b bytes.Buffer
	b.WriteString(` stroke-dasharray="`)
	for i, x := range d {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(num(x))
	}
	b.WriteString(`"`)
	return b.String()
}

// num formats v with at most three decimals (a thousandth of a point), no
// exponent and no negative zero: one spelling for each value.
func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// escape writes s, cleaned of characters XML cannot carry, with &, <, >,
// quotes and white space escaped so it is safe in text and attributes.
func escape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(Clean(s))) // writing to a bytes.Buffer cannot fail
}

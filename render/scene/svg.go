package scene

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
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

// svgFlush is how many bytes WriteSVG gathers before writing them: a
// 100,000-person poster is tens of megabytes, so it is written as it goes.
const svgFlush = 64 << 10

// WriteSVG writes page n (one-based) of d as a standalone SVG 1.1 document:
// sized in points with a viewBox in points, text as <text> in FontFamily,
// links as <a xlink:href>, dashes as stroke-dasharray and arrowheads as
// markers. It writes nothing when page n (with the document's outline) does
// not validate.
//
// The markup is appended to a byte slice with strconv, not fmt: on a
// 100,000-person poster fmt's reflection was a third of the whole render.
func WriteSVG(w io.Writer, d *Document, n int, opts SVGOptions) error {
	if n < 1 || n > len(d.Pages) {
		return fmt.Errorf("svg: page %d of %d", n, len(d.Pages))
	}
	if err := d.validatePage(n); err != nil {
		return fmt.Errorf("svg: %w", err)
	}
	p := &d.Pages[n-1]
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(svgSize(p.Items) + 1024) // written once, not copied as it grows
	}
	s := svgWriter{w: w, opts: opts, markers: map[markerKey]string{}, b: make([]byte, 0, svgFlush+4096)}
	s.collectMarkers(p.Items)
	s.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="`)
	s.num(p.Width)
	s.str(`pt" height="`)
	s.num(p.Height)
	s.str(`pt" viewBox="0 0 `)
	s.num(p.Width)
	s.str(" ")
	s.num(p.Height)
	s.str(`" font-family="` + FontFamily + `" xml:space="preserve">` + "\n")
	if p.Title != "" {
		s.str("<title>")
		s.escape(p.Title)
		s.str("</title>\n")
	}
	if len(s.order) > 0 {
		s.str("<defs>\n")
		for _, k := range s.order {
			s.writeMarker(k)
		}
		s.str("</defs>\n")
	}
	if p.Background.Visible() {
		s.str(`<rect width="`)
		s.num(p.Width)
		s.str(`" height="`)
		s.num(p.Height)
		s.str(`"`)
		s.paint("fill", p.Background)
		s.str("/>\n")
	}
	s.items(p.Items)
	s.str("</svg>\n")
	s.flush()
	return s.err
}

// svgSize is about how many bytes the SVG of items takes, a little more
// for ordinary coordinates: long numbers and escaped text can exceed it.
func svgSize(items []Item) int {
	n := 0
	for _, it := range items {
		switch it := it.(type) {
		case Box:
			n += 130 + len(it.ID) + len(it.Link.URL) + 8*len(it.Dash)
		case Text:
			n += 90 + len(it.S)
		case Path:
			n += 150 + len(it.ID) + 22*len(it.Points) + 8*len(it.Dash)
		case Group:
			n += 30 + len(it.ID) + len(it.Kind) + len(it.Link.URL) + svgSize(it.Items)
		}
	}
	return n
}

// markerKey identifies one arrowhead marker: SVG 1.1 markers cannot take the
// colour of the line they end, so each colour and size has its own.
type markerKey struct {
	c     Color
	len   float64
	start bool
}

type svgWriter struct {
	w       io.Writer
	err     error
	b       []byte
	opts    SVGOptions
	markers map[markerKey]string
	order   []markerKey // first use first, for deterministic output
}

// str appends v, writing out what was gathered once it is svgFlush long.
func (s *svgWriter) str(v string) {
	s.b = append(s.b, v...)
	if len(s.b) >= svgFlush {
		s.flush()
	}
}

func (s *svgWriter) flush() {
	if s.err == nil && len(s.b) > 0 {
		_, s.err = s.w.Write(s.b)
	}
	s.b = s.b[:0]
}

// num appends v as num formats it.
func (s *svgWriter) num(v float64) { s.b = appendNum(s.b, v) }

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
	s.str(`<marker id="` + s.markers[k] + `" markerUnits="userSpaceOnUse" viewBox="0 0 ` + L + " " + L +
		`" markerWidth="` + L + `" markerHeight="` + L + `" refX="` + ref + `" refY="` + h + `" orient="auto">` +
		`<path d="` + d + `"`)
	s.paint("fill", k.c)
	s.str("/></marker>\n")
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
	s.str(`<a xlink:href="`)
	s.escape(h)
	s.str(`">`)
	return true
}

func (s *svgWriter) items(items []Item) {
	for _, it := range items {
		switch it := it.(type) {
		case Box:
			s.box(&it)
		case Text:
			s.text(&it)
		case Path:
			s.path(&it)
		case Group:
			a := s.open(it.Link)
			s.str("<g")
			s.attr("id", it.ID)
			s.attr("class", it.Kind)
			s.str(">\n")
			s.items(it.Items)
			s.str("</g>")
			if a {
				s.str("</a>")
			}
			s.str("\n")
		}
	}
}

func (s *svgWriter) attr(name, v string) {
	if v == "" {
		return
	}
	s.str(" " + name + `="`)
	s.escape(v)
	s.str(`"`)
}

func (s *svgWriter) box(bx *Box) {
	a := s.open(bx.Link)
	s.str("<rect")
	s.attr("id", bx.ID)
	s.str(` x="`)
	s.num(bx.X)
	s.str(`" y="`)
	s.num(bx.Y)
	s.str(`" width="`)
	s.num(bx.W)
	s.str(`" height="`)
	s.num(bx.H)
	s.str(`"`)
	if r := bx.radius(); r > 0 {
		s.str(` rx="`)
		s.num(r)
		s.str(`" ry="`)
		s.num(r)
		s.str(`"`)
	}
	s.paint("fill", bx.Fill)
	if a && !bx.Fill.Visible() {
		s.str(` pointer-events="all"`) // clickable inside, not only on its outline
	}
	if bx.Stroke.Visible() && bx.StrokeWidth > 0 {
		s.paint("stroke", bx.Stroke)
		s.str(` stroke-width="`)
		s.num(bx.StrokeWidth)
		s.str(`"`)
		s.dasharray(bx.Dash)
	}
	s.str("/>")
	if a {
		s.str("</a>")
	}
	s.str("\n")
}

func (s *svgWriter) text(t *Text) {
	str := Clean(t.S)
	if str == "" || !t.Color.Visible() {
		return
	}
	s.str(`<text x="`)
	s.num(t.X)
	s.str(`" y="`)
	s.num(t.Y)
	s.str(`" font-size="`)
	s.num(t.Size)
	s.str(`"`)
	switch t.Anchor {
	case Middle:
		s.str(` text-anchor="middle"`)
	case End:
		s.str(` text-anchor="end"`)
	}
	if t.Bold {
		s.str(` font-weight="bold"`)
	}
	if t.Italic {
		s.str(` font-style="italic"`)
	}
	s.paint("fill", t.Color)
	s.str(">")
	s.escape(str)
	s.str("</text>\n")
}

func (s *svgWriter) path(p *Path) {
	if !p.Stroke.Visible() || p.Width <= 0 {
		return
	}
	pts := p.Points
	if p.StartArrow || p.EndArrow {
		pts, _ = p.stroked()
	}
	s.str("<polyline")
	s.attr("id", p.ID)
	s.str(` points="`)
	for i, q := range pts {
		if i > 0 {
			s.b = append(s.b, ' ')
		}
		s.num(q.X)
		s.b = append(s.b, ',')
		s.num(q.Y)
	}
	s.str(`" fill="none"`)
	s.paint("stroke", p.Stroke)
	s.str(` stroke-width="`)
	s.num(p.Width)
	s.str(`" stroke-linejoin="round"`)
	s.dasharray(p.Dash)
	if p.StartArrow {
		s.str(` marker-start="url(#` + s.markers[markerKey{p.Stroke, ArrowSize(p.Width), true}] + `)"`)
	}
	if p.EndArrow {
		s.str(` marker-end="url(#` + s.markers[markerKey{p.Stroke, ArrowSize(p.Width), false}] + `)"`)
	}
	s.str("/>\n")
}

// paint appends the attribute painting with c: none, or the colour and,
// when it is not opaque, its opacity.
func (s *svgWriter) paint(attr string, c Color) {
	s.b = appendPaint(s.b, attr, c)
}

func appendPaint(b []byte, attr string, c Color) []byte {
	b = append(b, ' ')
	b = append(b, attr...)
	if !c.Visible() {
		return append(b, `="none"`...)
	}
	b = append(b, `="`...)
	b = appendHex(b, c)
	b = append(b, '"')
	if c.A != 255 {
		b = append(b, ' ')
		b = append(b, attr...)
		b = append(b, `-opacity="`...)
		b = appendNum(b, c.Opacity())
		b = append(b, '"')
	}
	return b
}

// appendHex appends c as "#rrggbb".
func appendHex(b []byte, c Color) []byte {
	const digits = "0123456789abcdef"
	return append(b, '#', digits[c.R>>4], digits[c.R&15], digits[c.G>>4], digits[c.G&15], digits[c.B>>4], digits[c.B&15])
}

func (s *svgWriter) dasharray(d []float64) {
	if len(d) == 0 {
		return
	}
	s.str(` stroke-dasharray="`)
	for i, x := range d {
		if i > 0 {
			s.b = append(s.b, ',')
		}
		s.num(x)
	}
	s.str(`"`)
}

// escape appends v, cleaned of characters XML cannot carry, with &, <, >
// and quotes escaped so it is safe in text and attributes. Once cleaned,
// every character left is one XML allows, so only these five need escaping
// (encoding/xml.EscapeText escapes the same and spells them the same).
func (s *svgWriter) escape(v string) {
	v = Clean(v)
	if !strings.ContainsAny(v, `&<>"'`) {
		s.str(v)
		return
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '&':
			s.b = append(s.b, "&amp;"...)
		case '<':
			s.b = append(s.b, "&lt;"...)
		case '>':
			s.b = append(s.b, "&gt;"...)
		case '"':
			s.b = append(s.b, "&#34;"...)
		case '\'':
			s.b = append(s.b, "&#39;"...)
		default:
			s.b = append(s.b, c)
		}
	}
	s.str("")
}

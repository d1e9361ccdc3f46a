package scene

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"

	"github.com/orgchart/orgchart/internal/huge"
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
// markers. Paint and font attributes are classes of a <style> sheet (see
// styleTable). It writes nothing when page n (with the document's outline)
// does not validate.
//
// The markup is appended to byte slices with strconv, not fmt (on a
// 100,000-person poster fmt's reflection was a third of the whole render),
// a thousand top-level items at a time on every core, and written in
// order: the same bytes however many cores there are.
func WriteSVG(w io.Writer, d *Document, n int, opts SVGOptions) error {
	if n < 1 || n > len(d.Pages) {
		return fmt.Errorf("svg: page %d of %d", n, len(d.Pages))
	}
	p := &d.Pages[n-1]
	chs := chunks(p.Items)
	if err := d.validatePageWith(n, func(i int) { chs[i].collect() }); err != nil {
		return fmt.Errorf("svg: %w", err)
	}
	page := merge(chs)
	scope, sheet := styleSheet(page)
	s := svgWriter{opts: opts, page: page, scope: scope}
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
	s.b = append(s.b, sheet...)
	if len(page.mkeys) > 0 {
		s.str("<defs>\n")
		for i, k := range page.mkeys {
			s.writeMarker(i, k)
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
	total := len(s.b) + len("</svg>\n")
	for _, ch := range chs {
		total += ch.size
	}
	if b, ok := w.(*bytes.Buffer); ok && b.Len() == 0 && b.Cap() < total {
		// Written once, not copied as it grows; a poster's tens of
		// megabytes in a slab advised for huge pages (one page fault per
		// 2 MB, not per 4 KB). The empty buffer holds nothing to keep.
		*b = *bytes.NewBuffer(huge.Make[byte](0, total))
	} else if ok {
		b.Grow(total)
	}
	if _, err := w.Write(s.b); err != nil {
		return err
	}
	err := writeChunks(w, chs, func(ch *svgChunk, b []byte) []byte {
		cw := svgWriter{opts: opts, page: page, scope: scope, ch: ch, b: slices.Grow(b, ch.size)}
		cw.items(ch.items)
		return cw.b
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "</svg>\n")
	return err
}

// writeChunks formats the chunks with format on every core and writes them
// to w in order. A few buffers go round: a chunk is formatted into one,
// written, and the buffer formats a later chunk, so a poster's tens of
// megabytes are not allocated (fresh memory, the garbage collector's work)
// a second time on their way to w. Buffers are handed out in chunk order,
// so the chunk w waits for always has one.
func writeChunks(w io.Writer, chs []*svgChunk, format func(ch *svgChunk, b []byte) []byte) error {
	workers := min(runtime.GOMAXPROCS(0), len(chs))
	if workers <= 1 {
		var b []byte
		for _, ch := range chs {
			b = format(ch, b[:0])
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	}
	free := make(chan []byte, workers+2)
	for range cap(free) {
		free <- nil
	}
	jobs := make(chan int)
	stop := make(chan struct{})
	go func() {
		defer close(jobs)
		for i := range chs {
			select {
			case b := <-free:
				chs[i].out = b
			case <-stop:
				return
			}
			jobs <- i
		}
	}()
	for range workers {
		go func() {
			for i := range jobs {
				ch := chs[i]
				ch.out = format(ch, ch.out[:0])
				close(ch.done)
			}
		}()
	}
	for _, ch := range chs {
		<-ch.done
		_, err := w.Write(ch.out)
		if err != nil {
			close(stop)
			for range jobs { // let the workers finish what they were given
			}
			return err
		}
		free <- ch.out
		ch.out = nil
	}
	return nil
}

// markerKey identifies one arrowhead marker: SVG 1.1 markers cannot take the
// colour of the line they end, so each colour and size has its own.
type markerKey struct {
	c     Color
	len   float64
	start bool
}

// svgWriter appends the markup of a page's header or of one chunk.
type svgWriter struct {
	b     []byte
	opts  SVGOptions
	page  *styleTable
	scope string // the prefix of the page's class names (styleSheet)
	ch    *svgChunk
	next  int // the chunk's next styled element
}

func (s *svgWriter) str(v string) { s.b = append(s.b, v...) }

func (s *svgWriter) num(v float64) { s.b = appendNum(s.b, v) }

// class appends the class attribute of the chunk's next styled element.
func (s *svgWriter) class() {
	c := s.ch.classOf[s.ch.cls[s.next]]
	s.next++
	s.str(` class="`)
	s.str(s.scope)
	s.str(`-k`)
	s.b = strconv.AppendInt(s.b, int64(c), 10)
	s.b = append(s.b, '"')
}

func markerName(i int) string { return "scene-arrow-" + strconv.Itoa(i+1) }

// writeMarker writes marker i, a triangle L long and L wide whose base sits
// on the (pulled-back) end of the line and whose tip is where the line was
// meant to end; see Path.stroked.
func (s *svgWriter) writeMarker(i int, k markerKey) {
	L, h := num(k.len), num(k.len/2)
	d, ref := "M0,0L"+L+","+h+"L0,"+L+"Z", "0"
	if k.start {
		d, ref = "M"+L+",0L0,"+h+"L"+L+","+L+"Z", L
	}
	s.str(`<marker id="` + markerName(i) + `" markerUnits="userSpaceOnUse" viewBox="0 0 ` + L + " " + L +
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
		s.str(` rx="`) // ry is rx when left out
		s.num(r)
		s.str(`"`)
	}
	if a && !bx.Fill.Visible() {
		s.str(` pointer-events="all"`) // clickable inside, not only on its outline
	}
	s.class()
	s.str("/>")
	if a {
		s.str("</a>")
	}
	s.str("\n")
}

func (s *svgWriter) text(t *Text) {
	if _, ok := textStyle(t); !ok {
		return
	}
	s.str(`<text x="`)
	s.num(t.X)
	s.str(`" y="`)
	s.num(t.Y)
	s.str(`"`)
	s.class()
	s.str(">")
	s.escape(t.S)
	s.str("</text>\n")
}

func (s *svgWriter) path(p *Path) {
	if !p.Stroke.Visible() || p.Width <= 0 { // as pathStyle
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
	s.str(`"`)
	s.class()
	if p.StartArrow {
		s.str(` marker-start="url(#` + markerName(s.ch.markOf[s.ch.tab.markers[markerKey{p.Stroke, ArrowSize(p.Width), true}]]) + `)"`)
	}
	if p.EndArrow {
		s.str(` marker-end="url(#` + markerName(s.ch.markOf[s.ch.tab.markers[markerKey{p.Stroke, ArrowSize(p.Width), false}]]) + `)"`)
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

// escape appends v, cleaned of characters XML cannot carry, with &, <, >
// and quotes escaped so it is safe in text and attributes. Once cleaned,
// every character left is one XML allows, so only these five need escaping
// (encoding/xml.EscapeText escapes the same and spells them the same).
func (s *svgWriter) escape(v string) {
	// Most text is printable ASCII with nothing to escape: one scan
	// appends it as it is.
	plain := true
	for i := 0; i < len(v) && plain; i++ {
		switch c := v[i]; {
		case c < 0x20, c >= 0x7f, c == '&', c == '<', c == '>', c == '"', c == '\'':
			plain = false
		}
	}
	if plain {
		s.str(v)
		return
	}
	v = Clean(v)
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
}

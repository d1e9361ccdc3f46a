package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/orgchart/orgchart/render/option"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
)

// PNG, JPEG and PDF are drawn from Graphviz's SVG with tdewolff/canvas
// (paths, strokes, text shaping, renderers/pdf; rasters through raster.go).
//
// Why not canvas.ParseSVG: it loads fonts from the system by family name
// (and panics when none is found), so it cannot use fonts embedded in the
// binary, and it ignores font-weight and font-style, so bold names would come
// out regular. Graphviz writes a small, fixed subset of SVG (g with one
// transform, polygon, polyline, path, ellipse, text with x/y/anchor/font
// attributes), so svgToCanvas reads that subset with encoding/xml and draws
// it with canvas's own path parser, text shaper and renderers.

// MaxRasterPixels caps the pixel count of a PNG or JPEG (50 Mpx, 200 MB of
// RGBA); a chart that would be larger at the requested DPI is drawn at a
// lower DPI, and the Page's Note says so.
var MaxRasterPixels = 50_000_000

// MaxRasterSide caps the long side of a PNG or JPEG in pixels.
var MaxRasterSide = 16384

const mmPerPt = 25.4 / 72

// convMu serialises conversions: canvas's text shaper keeps per-font state.
var convMu sync.Mutex

func init() {
	// Stroke outlines without canvas's boolean "settle" pass, which costs
	// more than half of a raster's time; Graphviz's strokes are simple
	// lines and outlines that rasterise correctly under the non-zero rule
	// without it. (A package-level setting of canvas; orgchart uses canvas
	// only here.)
	canvas.FastStroke = true
}

// drawing is a parsed SVG: a canvas in millimetres and its size.
type drawing struct {
	c    *canvas.Canvas
	w, h float64 // mm
}

// page lays drawing d out on the page opts.Preset asks for (or on a page of
// its own size), filling the background unless opts.Transparent.
func pageFor(d *drawing, opts option.Options, forceBg bool) *canvas.Canvas {
	t := themeFor(opts.Theme)
	pw, ph := pageSize(d.w, d.h, opts)
	m := canvas.Identity
	if p, ok := option.Presets[opts.Preset]; ok {
		mg := p.Margin * 25.4
		s := math.Min((pw-2*mg)/d.w, (ph-2*mg)/d.h)
		m = canvas.Identity.Translate((pw-d.w*s)/2, (ph-d.h*s)/2).Scale(s, s)
	}
	c := canvas.New(pw, ph)
	if !opts.Transparent || forceBg {
		bg := t.bg
		if opts.Transparent {
			bg = "#ffffff"
		}
		col, _ := parseColor(bg, 1)
		c.RenderPath(canvas.Rectangle(pw, ph), canvas.Style{Fill: canvas.Paint{Color: col}, FillRule: canvas.NonZero}, canvas.Identity)
	}
	d.c.RenderViewTo(c, m)
	return c
}

// pageSize is the page for a drawing of w×h mm: the preset's, else its own.
func pageSize(w, h float64, opts option.Options) (float64, float64) {
	if p, ok := option.Presets[opts.Preset]; ok {
		return p.W * 25.4, p.H * 25.4
	}
	return w, h
}

// svgHeaderSize returns the size in points of the first <svg> element.
func svgHeaderSize(svg []byte) (float64, float64, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("read svg: no <svg> element: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "svg" {
				return 0, 0, fmt.Errorf("read svg: first element is <%s>, want <svg>", se.Name.Local)
			}
			attrs := map[string]string{}
			for _, a := range se.Attr {
				attrs[a.Name.Local] = a.Value
			}
			return svgSize(attrs)
		}
	}
}

// rasterize converts svg to png or jpeg at opts.DPI, capped by
// MaxRasterPixels and MaxRasterSide. It returns the resolution drawn at; the
// note says when it scaled down.
func rasterize(svg []byte, format string, opts option.Options) (out []byte, drawn float64, note string, err error) {
	convMu.Lock()
	defer convMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			out, drawn, note, err = nil, 0, "", fmt.Errorf("draw %s: internal error: %v", format, r)
		}
	}()
	// The page size first, to know the final resolution before drawing.
	sw, sh, err := svgHeaderSize(svg)
	if err != nil {
		return nil, 0, "", err
	}
	pw, ph := pageSize(sw*mmPerPt, sh*mmPerPt, opts)
	dpi := opts.DPI
	if dpi == 0 {
		dpi = option.DefaultDPI
	}
	w, h := pw/25.4*dpi, ph/25.4*dpi
	scale := 1.0
	if long := math.Max(w, h); long > float64(MaxRasterSide) {
		scale = float64(MaxRasterSide) / long
	}
	if px := w * h * scale * scale; px > float64(MaxRasterPixels) {
		scale = math.Min(scale, math.Sqrt(float64(MaxRasterPixels)/(w*h)))
	}
	if scale < 1 {
		dpi *= scale
		note = fmt.Sprintf("chart too large for a %s at the requested resolution: drawn at %.0f dpi, %d×%d px (cap %d px on the long side, %d Mpx); use svg or pdf for full detail",
			format, dpi, int(pw/25.4*dpi+0.5), int(ph/25.4*dpi+0.5), MaxRasterSide, MaxRasterPixels/1_000_000)
	}
	if int(pw/25.4*dpi+0.5) < 1 || int(ph/25.4*dpi+0.5) < 1 {
		return nil, 0, "", fmt.Errorf("draw %s: image would be empty at %g dpi", format, dpi)
	}
	// Text smaller than a pixel and a half is unreadable: skip drawing it,
	// which keeps a capped raster of a huge chart fast.
	d, err := svgToCanvas(svg, 1.5/(dpi/25.4)/(pw/sw/mmPerPt))
	if err != nil {
		return nil, 0, "", err
	}
	c := pageFor(d, opts, format == "jpeg")
	vr := newVecRaster(int(c.W/25.4*dpi+0.5), int(c.H/25.4*dpi+0.5), canvas.DPI(dpi))
	c.RenderTo(vr)
	img := vr.img
	var buf bytes.Buffer
	switch format {
	case "png":
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		if img.Bounds().Dx()*img.Bounds().Dy() > 4_000_000 {
			enc.CompressionLevel = png.BestSpeed
		}
		err = enc.Encode(&buf, img)
	case "jpeg":
		// JPEG has no alpha: flatten onto the (forced) page background.
		rgb := image.NewRGBA(img.Bounds())
		draw.Draw(rgb, rgb.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		draw.Draw(rgb, rgb.Bounds(), img, image.Point{}, draw.Over)
		err = jpeg.Encode(&buf, rgb, &jpeg.Options{Quality: 90})
	default:
		return nil, 0, "", fmt.Errorf("draw: unsupported raster format %q", format)
	}
	if err != nil {
		return nil, 0, "", fmt.Errorf("encode %s: %w", format, err)
	}
	return buf.Bytes(), dpi, note, nil
}

// creationDate matches the creation date the PDF writer stamps with the
// current time ("D:" + 14 digits + the local zone, "Z" or "+hh'mm'"-like).
var creationDate = regexp.MustCompile(`/CreationDate ?\(D:\d{14}[^)]*\)`)

// fixCreationDate replaces the writer's creation date with created (in UTC;
// option.Options.Created, which the CLI sets from SOURCE_DATE_EPOCH), or
// with spaces when it is zero, so the same chart gives the same bytes. The replacement is padded to the
// original length so the cross-reference offsets stay right; a date that
// would not fit is left out.
func fixCreationDate(b []byte, created time.Time) []byte {
	return creationDate.ReplaceAllFunc(b, func(m []byte) []byte {
		out := bytes.Repeat([]byte(" "), len(m))
		if !created.IsZero() {
			d := "/CreationDate(D:" + created.UTC().Format("20060102150405") + "Z)"
			if len(d) <= len(m) {
				copy(out, d)
			}
		}
		return out
	})
}

// toPDF converts each SVG to one page of a single PDF: vector, text
// selectable, Liberation Sans embedded (subset).
func toPDF(svgs [][]byte, titles []string, opts option.Options) (out []byte, err error) {
	convMu.Lock()
	defer convMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("draw pdf: internal error: %v", r)
		}
	}()
	if len(svgs) == 0 {
		return nil, errors.New("draw pdf: no pages")
	}
	var buf bytes.Buffer
	var w *pdf.PDF
	for i, svg := range svgs {
		d, err := svgToCanvas(svg, 0)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		c := pageFor(d, opts, false)
		if w == nil {
			w = pdf.New(&buf, c.W, c.H, &pdf.Options{Compress: true, SubsetFonts: true})
			w.SetInfo(titles[0], "", "", "", "orgchart")
		} else {
			w.NewPage(c.W, c.H)
		}
		c.RenderTo(w)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	// The writer stamps the current time (tdewolff/canvas has no option to
	// leave it out); see pdffix.go.
	return fixFontDates(fixCreationDate(buf.Bytes(), opts.Created))
}

// svgState is what an SVG element inherits.
type svgState struct {
	m                      canvas.Matrix // user units (pt, y down) → mm, y up
	scale                  float64       // length scale of m
	fill, stroke           string
	fillOp, strokeOp       float64
	strokeWidth            float64
	dash                   string
	family, weight, fstyle string
	size                   float64
	anchor                 string
}

// svgToCanvas draws Graphviz's SVG on a canvas, in millimetres, leaving
// out text smaller than minText mm.
func svgToCanvas(svg []byte, minText float64) (*drawing, error) {
	fam, err := sansFamily()
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.AutoClose = xml.HTMLAutoClose
	var d *drawing
	var stack []svgState
	var text strings.Builder
	var textAttrs map[string]string
	inText := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read svg: %w", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attrs := make(map[string]string, len(tok.Attr))
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if d == nil {
				if tok.Name.Local != "svg" {
					return nil, fmt.Errorf("read svg: first element is <%s>, want <svg>", tok.Name.Local)
				}
				w, h, err := svgSize(attrs)
				if err != nil {
					return nil, err
				}
				d = &drawing{c: canvas.New(w*mmPerPt, h*mmPerPt), w: w * mmPerPt, h: h * mmPerPt}
				// pt, y down → mm, y up.
				m := canvas.Identity.Translate(0, h*mmPerPt).Scale(mmPerPt, -mmPerPt)
				stack = append(stack, svgState{m: m, scale: mmPerPt, fill: "black", stroke: "none", fillOp: 1, strokeOp: 1, strokeWidth: 1, family: "sans", size: 14, anchor: "start"})
				continue
			}
			st := stack[len(stack)-1]
			st.apply(attrs)
			stack = append(stack, st)
			switch tok.Name.Local {
			case "polygon", "polyline":
				pts := parseNumbers(attrs["points"])
				p := &canvas.Path{}
				for i := 0; i+1 < len(pts); i += 2 {
					if i == 0 {
						p.MoveTo(pts[i], pts[i+1])
					} else {
						p.LineTo(pts[i], pts[i+1])
					}
				}
				if tok.Name.Local == "polygon" {
					p.Close()
				}
				st.drawPath(d.c, p, tok.Name.Local == "polygon")
			case "path":
				p, err := canvas.ParseSVGPath(attrs["d"])
				if err != nil {
					return nil, fmt.Errorf("read svg path: %w", err)
				}
				st.drawPath(d.c, p, true)
			case "ellipse":
				n := parseNumbers(attrs["cx"] + " " + attrs["cy"] + " " + attrs["rx"] + " " + attrs["ry"])
				if len(n) == 4 {
					st.drawPath(d.c, canvas.Ellipse(n[2], n[3]).Translate(n[0], n[1]), true)
				}
			case "text":
				inText++
				text.Reset()
				textAttrs = attrs
			}
		case xml.CharData:
			if inText > 0 {
				text.Write(tok)
			}
		case xml.EndElement:
			if d == nil || len(stack) == 0 {
				continue
			}
			st := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if tok.Name.Local == "text" && inText > 0 {
				inText--
				if inText == 0 && st.size*st.scale >= minText {
					st.drawText(d.c, fam, textAttrs, text.String())
				}
			}
		}
	}
	if d == nil {
		return nil, errors.New("read svg: no <svg> element")
	}
	return d, nil
}

// svgSize returns the drawing's size in points: the viewBox when present
// (Graphviz's width and height are rounded), else width and height.
func svgSize(attrs map[string]string) (w, h float64, err error) {
	if vb := parseNumbers(attrs["viewBox"]); len(vb) == 4 && vb[2] > 0 && vb[3] > 0 {
		return vb[2], vb[3], nil
	}
	w, _ = strconv.ParseFloat(strings.TrimSuffix(attrs["width"], "pt"), 64)
	h, _ = strconv.ParseFloat(strings.TrimSuffix(attrs["height"], "pt"), 64)
	if w <= 0 || h <= 0 {
		return 0, 0, errors.New("read svg: no size")
	}
	return w, h, nil
}

func (st *svgState) apply(attrs map[string]string) {
	for k, v := range attrs {
		switch k {
		case "transform":
			st.m, st.scale = st.m.Mul(parseTransform(v)), st.scale*transformScale(v)
		case "fill":
			st.fill = v
		case "stroke":
			st.stroke = v
		case "fill-opacity":
			st.fillOp = parseFloat(v, 1)
		case "stroke-opacity":
			st.strokeOp = parseFloat(v, 1)
		case "stroke-width":
			st.strokeWidth = parseFloat(v, 1)
		case "stroke-dasharray":
			st.dash = v
		case "font-family":
			st.family = v
		case "font-weight":
			st.weight = v
		case "font-style":
			st.fstyle = v
		case "font-size":
			st.size = parseFloat(strings.TrimSuffix(v, "px"), 14)
		case "text-anchor":
			st.anchor = v
		}
	}
}

func (st *svgState) drawPath(c *canvas.Canvas, p *canvas.Path, fillable bool) {
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{}
	if fillable {
		if col, ok := parseColor(st.fill, st.fillOp); ok {
			style.Fill = canvas.Paint{Color: col}
		}
	}
	if col, ok := parseColor(st.stroke, st.strokeOp); ok {
		style.Stroke = canvas.Paint{Color: col}
		style.StrokeWidth = st.strokeWidth * st.scale
		style.StrokeJoiner = canvas.MiterJoiner{GapJoiner: canvas.BevelJoin, Limit: 4}
		if st.dash != "" && st.dash != "none" {
			for _, x := range parseNumbers(st.dash) {
				style.Dashes = append(style.Dashes, x*st.scale)
			}
		}
	}
	if !style.HasFill() && !style.HasStroke() {
		return
	}
	c.RenderPath(p.Transform(st.m), style, canvas.Identity)
}

func (st *svgState) drawText(c *canvas.Canvas, fam *canvas.FontFamily, attrs map[string]string, s string) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if strings.TrimSpace(s) == "" {
		return
	}
	col, ok := parseColor(st.fill, st.fillOp)
	if !ok {
		return
	}
	style := canvas.FontRegular
	if st.weight == "bold" || st.weight == "bolder" || parseFloat(st.weight, 400) >= 600 {
		style |= canvas.FontBold
	}
	if st.fstyle == "italic" || st.fstyle == "oblique" {
		style |= canvas.FontItalic
	}
	// st.size is in user units (pt); scale carries it to mm, and Face wants pt.
	face := fam.Face(st.size*st.scale/mmPerPt, canvas.Paint{Color: col}, style)
	align := canvas.Left
	switch st.anchor {
	case "middle":
		align = canvas.Center
	case "end":
		align = canvas.Right
	}
	x := parseFloat(attrs["x"], 0)
	y := parseFloat(attrs["y"], 0)
	pos := st.m.Dot(canvas.Point{X: x, Y: y})
	c.RenderText(canvas.NewTextLine(face, s, align), canvas.Identity.Translate(pos.X, pos.Y))
}

var transformRe = regexp.MustCompile(`(scale|translate|rotate)\(([^)]*)\)`)

// parseTransform reads Graphviz's "scale(s s) rotate(r) translate(x y)".
func parseTransform(v string) canvas.Matrix {
	m := canvas.Identity
	for _, t := range transformRe.FindAllStringSubmatch(v, -1) {
		n := parseNumbers(t[2])
		switch t[1] {
		case "scale":
			if len(n) == 1 {
				n = append(n, n[0])
			}
			if len(n) >= 2 {
				m = m.Scale(n[0], n[1])
			}
		case "translate":
			if len(n) == 1 {
				n = append(n, 0)
			}
			if len(n) >= 2 {
				m = m.Translate(n[0], n[1])
			}
		case "rotate":
			if len(n) >= 1 && n[0] != 0 {
				m = m.Rotate(-n[0]) // SVG's y axis points down
			}
		}
	}
	return m
}

func transformScale(v string) float64 {
	s := 1.0
	for _, t := range transformRe.FindAllStringSubmatch(v, -1) {
		if n := parseNumbers(t[2]); t[1] == "scale" && len(n) >= 1 {
			s *= math.Abs(n[0])
		}
	}
	return s
}

func parseNumbers(s string) []float64 {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	out := make([]float64, 0, len(f))
	for _, x := range f {
		if v, err := strconv.ParseFloat(x, 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

func parseFloat(s string, def float64) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return def
	}
	return v
}

var namedColors = map[string]color.RGBA{
	"black": {0, 0, 0, 255}, "white": {255, 255, 255, 255}, "red": {255, 0, 0, 255},
	"green": {0, 128, 0, 255}, "blue": {0, 0, 255, 255}, "gray": {128, 128, 128, 255},
	"grey": {128, 128, 128, 255}, "lightgrey": {211, 211, 211, 255}, "lightgray": {211, 211, 211, 255},
}

// parseColor reads "#rgb", "#rrggbb", "#rrggbbaa" or a basic name, with an
// opacity; "none" and "transparent" are no paint. The result is
// alpha-premultiplied, as canvas expects.
func parseColor(s string, opacity float64) (color.RGBA, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	var c color.RGBA
	switch {
	case s == "" || s == "none" || s == "transparent":
		return c, false
	case strings.HasPrefix(s, "#"):
		h := s[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) != 6 && len(h) != 8 {
			return c, false
		}
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return c, false
		}
		if len(h) == 6 {
			v = v<<8 | 0xff
		}
		c = color.RGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
	default:
		var ok bool
		if c, ok = namedColors[s]; !ok {
			c = color.RGBA{0, 0, 0, 255}
		}
	}
	a := float64(c.A) / 255 * math.Max(0, math.Min(1, opacity))
	if a == 0 {
		return c, false
	}
	return color.RGBA{uint8(float64(c.R)*a + 0.5), uint8(float64(c.G)*a + 0.5), uint8(float64(c.B)*a + 0.5), uint8(a*255 + 0.5)}, true
}

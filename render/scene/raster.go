package scene

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"io"
	"math"
	"sync"

	"github.com/tdewolff/canvas"
	"golang.org/x/image/vector"
)

// PNG and JPEG are drawn with golang.org/x/image/vector (an antialiasing
// accumulation rasteriser), one shape at a time over the shape's bounding
// box only, so a drawing costs in proportion to the area painted. Geometry
// the rasteriser lacks comes from tdewolff/canvas: rounded rectangles,
// dashes, strokes with joins, and glyph outlines from the fonts Measure
// uses, placed glyph by glyph with the same advances and kerning.

// RasterOptions configure Rasterize, WritePNG and WriteJPEG.
type RasterOptions struct {
	Scale     float64 // pixels per point; 0 means 1 (72 dpi)
	MaxPixels int     // cap on width×height; 0 means DefaultMaxPixels
	Quality   int     // JPEG quality 1-100; 0 means 90
}

// DefaultMaxPixels caps a raster at 50 megapixels (200 MB of RGBA).
const DefaultMaxPixels = 50_000_000

// maxSide caps a raster's long side; PNG decoders and browsers balk beyond.
const maxSide = 1 << 15

// Rasterize draws page n (one-based) of d at opts.Scale pixels per point,
// antialiased. When that would exceed opts.MaxPixels (or 32768 pixels a
// side) it draws at the largest scale within the cap and returns that scale,
// so the caller can say the image was scaled down.
func Rasterize(d *Document, n int, opts RasterOptions) (*image.RGBA, float64, error) {
	p, w, h, scale, err := d.rasterSize(n, opts)
	if err != nil {
		return nil, 0, err
	}
	img, scale := rasterize(p, w, h, scale, nil)
	return img, scale, nil
}

// rasterSize validates page n of d and returns it with the size in pixels
// and the scale Rasterize draws it at.
func (d *Document) rasterSize(n int, opts RasterOptions) (p *Page, w, h int, scale float64, err error) {
	if n < 1 || n > len(d.Pages) {
		return nil, 0, 0, 0, fmt.Errorf("raster: page %d of %d", n, len(d.Pages))
	}
	if err := d.validatePage(n); err != nil {
		return nil, 0, 0, 0, fmt.Errorf("raster: %w", err)
	}
	p = &d.Pages[n-1]
	scale, max := opts.Scale, opts.MaxPixels
	if scale == 0 {
		scale = 1
	}
	if !(scale > 0) || math.IsInf(scale, 0) {
		return nil, 0, 0, 0, fmt.Errorf("raster: scale %v is not a positive number", opts.Scale)
	}
	if max <= 0 {
		max = DefaultMaxPixels
	}
	if px := p.Width * p.Height * scale * scale; px > float64(max) {
		scale *= math.Sqrt(float64(max) / px)
	}
	if side := math.Max(p.Width, p.Height) * scale; side > maxSide {
		scale *= maxSide / side
	}
	for range 8 { // rounding up to whole pixels may overshoot the cap
		w, h = int(math.Ceil(p.Width*scale-1e-9)), int(math.Ceil(p.Height*scale-1e-9))
		if w*h <= max {
			break
		}
		scale *= 0.995 * math.Sqrt(float64(max)/float64(w*h))
	}
	if w < 1 || h < 1 || w*h > max {
		return nil, 0, 0, 0, fmt.Errorf("raster: page %gx%g pt cannot be drawn in %d pixels", p.Width, p.Height, max)
	}
	return p, w, h, scale, nil
}

// rasterize draws p into a w×h image at scale, reusing buf's pixels when it
// is large enough.
func rasterize(p *Page, w, h int, scale float64, buf []byte) (*image.RGBA, float64) {
	img := &image.RGBA{Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	if cap(buf) >= 4*w*h {
		img.Pix = buf[:4*w*h]
		if !p.Background.Visible() {
			clear(img.Pix)
		}
	} else {
		img.Pix = make([]byte, 4*w*h)
	}
	r := &rasterizer{img: img, s: scale}
	if p.Background.Visible() {
		draw.Draw(r.img, r.img.Bounds(), image.NewUniform(nrgba(p.Background)), image.Point{}, draw.Src)
	}
	r.items(p.Items)
	return r.img, scale
}

// pixels keeps the last PNG's pixels for the next: a render worker draws
// one PNG after another, and allocating (and zeroing) a fresh 13 MB image
// for each was a tenth of the service's time per PNG.
var pixels sync.Pool

// WritePNG writes page n of d as a PNG (transparent where the page is) and
// returns the scale it was drawn at; see Rasterize.
func WritePNG(w io.Writer, d *Document, n int, opts RasterOptions) (float64, error) {
	p, wd, ht, scale, err := d.rasterSize(n, opts)
	if err != nil {
		return 0, err
	}
	var buf []byte
	if b, ok := pixels.Get().(*[]byte); ok {
		buf = *b
	}
	img, scale := rasterize(p, wd, ht, scale, buf)
	err = encodePNG(w, img)
	pixels.Put(&img.Pix)
	if err != nil {
		return 0, fmt.Errorf("png: %w", err)
	}
	return scale, nil
}

// WriteJPEG writes page n of d as a JPEG over white (JPEG has no
// transparency) and returns the scale it was drawn at; see Rasterize.
func WriteJPEG(w io.Writer, d *Document, n int, opts RasterOptions) (float64, error) {
	img, scale, err := Rasterize(d, n, opts)
	if err != nil {
		return 0, err
	}
	flat := image.NewRGBA(img.Bounds())
	draw.Draw(flat, flat.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), img, image.Point{}, draw.Over)
	q := opts.Quality
	if q == 0 {
		q = 90
	}
	if err := jpeg.Encode(w, flat, &jpeg.Options{Quality: q}); err != nil {
		return 0, fmt.Errorf("jpeg: %w", err)
	}
	return scale, nil
}

func nrgba(c Color) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, c.A} }

type rasterizer struct {
	img *image.RGBA
	s   float64 // pixels per point
	ras vector.Rasterizer
}

func (r *rasterizer) items(items []Item) {
	for _, it := range items {
		switch it := it.(type) {
		case Box:
			r.box(it)
		case Text:
			r.text(it)
		case Path:
			r.path(it)
		case Group:
			r.items(it.Items)
		}
	}
}

// tolerance is how far a stroke's outline may stray, in pixels.
const tolerance = 0.1

// hasArcs reports whether p has elliptical arcs (rounded corners, round
// joins), which the rasteriser cannot draw.
func hasArcs(p *canvas.Path) bool {
	for sc := p.Scanner(); sc.Scan(); {
		if sc.Cmd() == canvas.ArcToCmd {
			return true
		}
	}
	return false
}

func (r *rasterizer) box(b Box) {
	rad := b.radius() * r.s
	outline := canvas.RoundedRectangle(b.W*r.s, b.H*r.s, rad).Translate(b.X*r.s, b.Y*r.s)
	if b.Fill.Visible() {
		r.fillBox(outline, b.Fill, b.X*r.s, b.Y*r.s, b.W*r.s, b.H*r.s, rad)
	}
	if !b.Stroke.Visible() || b.StrokeWidth <= 0 {
		return
	}
	if len(b.Dash) > 0 {
		r.stroke(outline, b.Stroke, b.StrokeWidth, b.Dash, canvas.MiterJoin)
		return
	}
	// A solid outline is the ring between two rounded rectangles, the inner
	// one reversed so the winding cancels inside: the same shape as a
	// stroke with round corners, without canvas's costly stroke settling.
	sw := b.StrokeWidth * r.s
	x, y, w, h := b.X*r.s, b.Y*r.s, b.W*r.s, b.H*r.s
	ring := canvas.RoundedRectangle(w+sw, h+sw, rad+sw/2).Translate(x-sw/2, y-sw/2)
	if w <= sw || h <= sw {
		r.fill(ring, b.Stroke)
		return
	}
	ring = ring.Append(canvas.RoundedRectangle(w-sw, h-sw, math.Max(0, rad-sw/2)).Translate(x+sw/2, y+sw/2).Reverse())
	// The ring covers its edges only: rasterise the bands along them (the
	// corners in the top and bottom bands), not the empty inside, which is
	// most of a card's pixels.
	p := ring
	if hasArcs(p) {
		p = p.ReplaceArcs()
	}
	band := math.Ceil(rad+sw) + 1
	x0, y0 := int(math.Floor(x-sw/2)), int(math.Floor(y-sw/2))
	x1, y1 := int(math.Ceil(x+w+sw/2)), int(math.Ceil(y+h+sw/2))
	if float64(y1-y0) <= 2*band+2 || float64(x1-x0) <= 2*band+2 {
		r.fillIn(p, b.Stroke, image.Rect(x0, y0, x1, y1))
		return
	}
	t, bt := y0+int(band), y1-int(band)
	r.fillIn(p, b.Stroke, image.Rect(x0, y0, x1, t))
	r.fillIn(p, b.Stroke, image.Rect(x0, bt, x1, y1))
	r.fillIn(p, b.Stroke, image.Rect(x0, t, x0+int(band), bt))
	r.fillIn(p, b.Stroke, image.Rect(x1-int(band), t, x1, bt))
}

// fillBox fills outline, the rounded rectangle x, y, w, h (pixels) with
// corner radius rad: the whole pixels between its straight sides with one
// copy of c, and only the bands along its top and bottom (with the
// corners) and its sides through the rasteriser.
func (r *rasterizer) fillBox(outline *canvas.Path, c Color, x, y, w, h, rad float64) {
	in := image.Rect(int(math.Ceil(x)), int(math.Ceil(y+rad)), int(math.Floor(x+w)), int(math.Floor(y+h-rad)))
	if in.Dx() < 8 || in.Dy() < 8 {
		r.fill(outline, c)
		return
	}
	p := outline
	if hasArcs(p) {
		p = p.ReplaceArcs()
	}
	out := image.Rect(int(math.Floor(x)), int(math.Floor(y)), int(math.Ceil(x+w)), int(math.Ceil(y+h)))
	r.fillIn(p, c, image.Rect(out.Min.X, out.Min.Y, out.Max.X, in.Min.Y))
	r.fillIn(p, c, image.Rect(out.Min.X, in.Max.Y, out.Max.X, out.Max.Y))
	r.fillIn(p, c, image.Rect(out.Min.X, in.Min.Y, in.Min.X, in.Max.Y))
	r.fillIn(p, c, image.Rect(in.Max.X, in.Min.Y, out.Max.X, in.Max.Y))
	op := draw.Over
	if c.A == 255 {
		op = draw.Src
	}
	draw.Draw(r.img, in.Intersect(r.img.Bounds()), image.NewUniform(nrgba(c)), image.Point{}, op)
}

func (r *rasterizer) path(p Path) {
	if !p.Stroke.Visible() || p.Width <= 0 {
		return
	}
	pts, arrows := p.stroked()
	if len(p.Dash) > 0 || !r.ortho(pts, p.Width, p.Stroke) {
		r.polyline(pts, p.Width, p.Dash, p.Stroke)
	}
	for _, a := range arrows {
		c := a.corners()
		head := &canvas.Path{}
		head.MoveTo(c[0].X*r.s, c[0].Y*r.s)
		head.LineTo(c[1].X*r.s, c[1].Y*r.s)
		head.LineTo(c[2].X*r.s, c[2].Y*r.s)
		head.Close()
		r.fill(head, p.Stroke)
	}
}

// ortho draws a solid polyline whose segments are all horizontal or
// vertical (every solid connector of an org chart) as one rectangle per
// segment, extended by half the width where segments meet, straight into
// the rasteriser: canvas's general stroker was most of a connector's cost.
// The joins come out square where a stroke's are round, a difference of a
// fraction of a pixel. It reports false, drawing nothing, for any other
// polyline.
func (r *rasterizer) ortho(pts []Point, width float64, c Color) bool {
	rs, ok := orthoRects(pts, width*r.s/2, r.s)
	if !ok {
		return false
	}
	// Rasterise the pixels the rectangles touch, not their bounding box: a
	// connector's turn spans the width between two cards and its drops a
	// level's height, and the empty box between them was most of the
	// rasterising of a PNG. The touched pixels are cut into regions that
	// do not overlap, so each pixel is drawn once; every region is drawn
	// with all the rectangles, so each pixel's coverage is what one pass
	// over the bounding box gives (edges outside a region only add their
	// winding, and these edges are vertical or horizontal), but for
	// rounding: a few pixels of a 50-person chart differ by 1 in 255.
	var regions []image.Rectangle
	for _, q := range rs {
		cut := []image.Rectangle{image.Rect(int(math.Floor(q.x0)), int(math.Floor(q.y0)), int(math.Ceil(q.x1)), int(math.Ceil(q.y1))).Intersect(r.img.Bounds())}
		for _, done := range regions {
			var rest []image.Rectangle
			for _, c := range cut {
				rest = appendMinus(rest, c, done)
			}
			cut = rest
		}
		regions = append(regions, cut...)
	}
	for _, box := range regions {
		r.fillRects(rs, box, c)
	}
	return true
}

// fillRects rasterises the union of rs over the pixels of box (within the
// image) in colour c.
func (r *rasterizer) fillRects(rs []orthoRect, box image.Rectangle, c Color) {
	r.ras.Reset(box.Dx(), box.Dy())
	r.ras.DrawOp = draw.Over
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, q := range rs {
		x0, y0, x1, y1 := float32(q.x0-ox), float32(q.y0-oy), float32(q.x1-ox), float32(q.y1-oy)
		r.ras.MoveTo(x0, y0)
		r.ras.LineTo(x1, y0)
		r.ras.LineTo(x1, y1)
		r.ras.LineTo(x0, y1)
		r.ras.ClosePath()
	}
	r.ras.Draw(r.img, box, image.NewUniform(nrgba(c)), box.Min)
}

// orthoRect is a rectangle in pixels.
type orthoRect struct{ x0, y0, x1, y1 float64 }

// orthoRects returns the rectangles, in pixels at scale s, that draw the
// polyline pts half hw pixels wide on each side, or ok == false when a
// segment is neither horizontal nor vertical.
func orthoRects(pts []Point, hw, s float64) (rs []orthoRect, ok bool) {
	for i := 1; i < len(pts); i++ {
		if pts[i].X != pts[i-1].X && pts[i].Y != pts[i-1].Y {
			return nil, false
		}
	}
	rs = make([]orthoRect, 0, len(pts))
	for i := 1; i < len(pts); i++ {
		a, e := pts[i-1], pts[i]
		if a == e {
			continue
		}
		x0, y0 := math.Min(a.X, e.X)*s, math.Min(a.Y, e.Y)*s
		x1, y1 := math.Max(a.X, e.X)*s, math.Max(a.Y, e.Y)*s
		// Butt ends at the polyline's ends, half a width further where
		// it turns, so consecutive rectangles overlap at the corner.
		ext0, ext1 := hw, hw
		if i == 1 {
			if a.X < e.X || a.Y < e.Y {
				ext0 = 0
			} else {
				ext1 = 0
			}
		}
		if i == len(pts)-1 {
			if a.X < e.X || a.Y < e.Y {
				ext1 = 0
			} else {
				ext0 = 0
			}
		}
		if a.Y == e.Y {
			x0, x1, y0, y1 = x0-ext0, x1+ext1, y0-hw, y1+hw
		} else {
			x0, x1, y0, y1 = x0-hw, x1+hw, y0-ext0, y1+ext1
		}
		rs = append(rs, orthoRect{x0, y0, x1, y1})
	}
	return rs, true
}

// appendMinus appends the parts of a outside b (at most four rectangles,
// none when b covers a) to dst.
func appendMinus(dst []image.Rectangle, a, b image.Rectangle) []image.Rectangle {
	in := a.Intersect(b)
	if in.Empty() {
		if !a.Empty() {
			dst = append(dst, a)
		}
		return dst
	}
	for _, part := range []image.Rectangle{
		{a.Min, image.Pt(a.Max.X, in.Min.Y)},                        // above
		{image.Pt(a.Min.X, in.Max.Y), a.Max},                        // below
		{image.Pt(a.Min.X, in.Min.Y), image.Pt(in.Min.X, in.Max.Y)}, // left
		{image.Pt(in.Max.X, in.Min.Y), image.Pt(a.Max.X, in.Max.Y)}, // right
	} {
		if !part.Empty() {
			dst = append(dst, part)
		}
	}
	return dst
}

// polyline strokes pts (in points) with canvas's stroker.
func (r *rasterizer) polyline(pts []Point, width float64, dash []float64, c Color) {
	line := &canvas.Path{}
	line.MoveTo(pts[0].X*r.s, pts[0].Y*r.s)
	for _, q := range pts[1:] {
		line.LineTo(q.X*r.s, q.Y*r.s)
	}
	r.stroke(line, c, width, dash, canvas.RoundJoin)
}

// stroke outlines p (in pixels) width points wide, dashed, and fills it.
func (r *rasterizer) stroke(p *canvas.Path, c Color, width float64, dash []float64, join canvas.Joiner) {
	if len(dash) > 0 {
		ds := make([]float64, len(dash))
		for i, d := range dash {
			ds[i] = d * r.s
		}
		p = p.Dash(0, ds...)
	}
	r.fill(p.Stroke(width*r.s, canvas.ButtCap, join, tolerance), c)
}

// fill fills p (in pixels, y down) with c over the image, rasterising only
// p's bounding box.
func (r *rasterizer) fill(p *canvas.Path, c Color) {
	if p.Empty() {
		return
	}
	b := p.FastBounds()
	if hasArcs(p) {
		p = p.ReplaceArcs() // to cubic Béziers, which the rasteriser draws
	}
	r.fillIn(p, c, image.Rect(int(math.Floor(b.X0)), int(math.Floor(b.Y0)), int(math.Ceil(b.X1)), int(math.Ceil(b.Y1))))
}

// addPath feeds p to the rasteriser with every point mapped by pt, closing
// each subpath (the rasteriser closes none by itself).
func (r *rasterizer) addPath(p *canvas.Path, pt func(canvas.Point) (float32, float32)) {
	open := false
	for sc := p.Scanner(); sc.Scan(); {
		ex, ey := pt(sc.End())
		switch sc.Cmd() {
		case canvas.MoveToCmd:
			if open {
				r.ras.ClosePath()
			}
			r.ras.MoveTo(ex, ey)
			open = false
		case canvas.LineToCmd:
			r.ras.LineTo(ex, ey)
			open = true
		case canvas.QuadToCmd:
			cx, cy := pt(sc.CP1())
			r.ras.QuadTo(cx, cy, ex, ey)
			open = true
		case canvas.CubeToCmd:
			c1x, c1y := pt(sc.CP1())
			c2x, c2y := pt(sc.CP2())
			r.ras.CubeTo(c1x, c1y, c2x, c2y, ex, ey)
			open = true
		case canvas.CloseCmd:
			r.ras.ClosePath()
			open = false
		}
	}
	if open {
		r.ras.ClosePath()
	}
}

// fillIn fills the part of p (in pixels, y down, without arcs) inside rect
// with c. The rasteriser accumulates coverage from the left, clamping what
// lies left of rect to its first column and dropping what lies above or
// below, so the part drawn is exactly what filling all of p draws there.
func (r *rasterizer) fillIn(p *canvas.Path, c Color, rect image.Rectangle) {
	rect = rect.Intersect(r.img.Bounds())
	if rect.Empty() {
		return
	}
	r.ras.Reset(rect.Dx(), rect.Dy())
	r.ras.DrawOp = draw.Over
	ox, oy := float64(rect.Min.X), float64(rect.Min.Y)
	r.addPath(p, func(q canvas.Point) (float32, float32) { return float32(q.X - ox), float32(q.Y - oy) })
	r.ras.Draw(r.img, rect, image.NewUniform(nrgba(c)), rect.Min)
}

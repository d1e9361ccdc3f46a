package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/tdewolff/canvas"
	"golang.org/x/image/vector"
)

// vecRaster is a canvas.Renderer that rasterises with golang.org/x/image/vector,
// one path at a time over the path's bounding box only.
//
// Why not canvas's renderers/rasterizer: its scanx scanner spends most of a
// render searching cells (findCell), so a 100-person chart took over two
// seconds; x/image/vector's accumulation rasteriser, limited to each path's
// bounding box, costs in proportion to the area actually drawn. Paths,
// strokes, dashes and text outlines still come from canvas.
type vecRaster struct {
	img  *image.RGBA
	res  canvas.Resolution
	dpmm float64
	ras  vector.Rasterizer
}

func newVecRaster(w, h int, res canvas.Resolution) *vecRaster {
	return &vecRaster{img: image.NewRGBA(image.Rect(0, 0, w, h)), res: res, dpmm: res.DPMM()}
}

// Size returns the image size in millimetres.
func (r *vecRaster) Size() (float64, float64) {
	b := r.img.Bounds()
	return float64(b.Dx()) / r.dpmm, float64(b.Dy()) / r.dpmm
}

// RenderPath fills and strokes path.
func (r *vecRaster) RenderPath(path *canvas.Path, style canvas.Style, m canvas.Matrix) {
	if style.HasFill() && style.Fill.IsColor() {
		r.fill(path.Copy().Transform(m), style.Fill.Color)
	}
	if style.HasStroke() && style.Stroke.IsColor() {
		tolerance := canvas.PixelTolerance / r.dpmm
		s := path
		// A dash pattern shorter than a few pixels is invisible as dashes
		// (a huge chart scaled down): stroke it solid, which is also far
		// cheaper than outlining thousands of sub-pixel dashes.
		period := 0.0
		for _, d := range style.Dashes {
			period += d
		}
		if len(style.Dashes) > 0 && period*math.Sqrt(math.Abs(m.Det()))*r.dpmm >= 4 {
			off, dashes := canvas.ScaleDash(style.StrokeWidth, style.DashOffset, style.Dashes)
			s = s.Dash(off, dashes...)
		}
		s = s.Stroke(style.StrokeWidth, style.StrokeCapper, style.StrokeJoiner, tolerance)
		r.fill(s.Transform(m), style.Stroke.Color)
	}
}

// RenderText draws text as glyph outlines.
func (r *vecRaster) RenderText(text *canvas.Text, m canvas.Matrix) {
	text.RenderAsPath(r, m, r.res)
}

// RenderImage is not needed: Graphviz's SVG holds no images for our charts.
func (r *vecRaster) RenderImage(image.Image, canvas.Matrix) {}

// fill fills p (in mm, y up) with c (premultiplied) over the image.
func (r *vecRaster) fill(p *canvas.Path, c color.RGBA) {
	if p.Empty() {
		return
	}
	b := p.FastBounds()
	H := float64(r.img.Bounds().Dy())
	rect := image.Rect(
		int(math.Floor(b.X0*r.dpmm))-1, int(math.Floor(H-b.Y1*r.dpmm))-1,
		int(math.Ceil(b.X1*r.dpmm))+1, int(math.Ceil(H-b.Y0*r.dpmm))+1,
	).Intersect(r.img.Bounds())
	if rect.Empty() {
		return
	}
	r.ras.Reset(rect.Dx(), rect.Dy())
	r.ras.DrawOp = draw.Over
	// Move the box's lower-left corner to the origin: ToVectorRasterizer
	// flips y against the rasteriser's height.
	p = p.Translate(-float64(rect.Min.X)/r.dpmm, -(H-float64(rect.Max.Y))/r.dpmm)
	p.ToVectorRasterizer(&r.ras, r.res)
	r.ras.Draw(r.img, rect, image.NewUniform(c), image.Point{})
}

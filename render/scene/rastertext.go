package scene

import (
	"image"
	"image/draw"
	"math"

	"github.com/tdewolff/canvas"
)

// glyphShape is a glyph's outline in font units, y up, and its bounds.
type glyphShape struct {
	p *canvas.Path
	b canvas.Rect
}

// text draws t's glyphs straight from the cached outlines into the
// rasteriser, mapped to pixels as they go: no path per line is built,
// copied and transformed (that was half of a chart's rasterising).
func (r *rasterizer) text(t Text) {
	s := Clean(t.S)
	if s == "" || !t.Color.Visible() {
		return
	}
	f := mustFace(t.Bold, t.Italic)
	k := t.Size / f.upem * r.s // pixels per font unit
	x0 := t.anchorX(f.width(s, t.Size)) * r.s
	y0 := t.Y * r.s
	type placed struct {
		g  *glyphShape
		ox float64 // the glyph origin's x, pixels
	}
	var buf [64]placed
	gs := buf[:0]
	units, prev := 0, -1
	bx0, by0, bx1, by1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, ru := range s {
		g := f.glyph(ru)
		if prev >= 0 {
			units += int(f.kerning(uint16(prev), g))
		}
		sh := f.outline(g)
		ox := x0 + float64(units)*k
		if !sh.p.Empty() {
			gs = append(gs, placed{sh, ox})
			bx0, bx1 = min(bx0, ox+sh.b.X0*k), max(bx1, ox+sh.b.X1*k)
			by0, by1 = min(by0, y0-sh.b.Y1*k), max(by1, y0-sh.b.Y0*k)
		}
		units += int(f.adv[g])
		prev = int(g)
	}
	if len(gs) == 0 {
		return
	}
	rect := image.Rect(int(math.Floor(bx0)), int(math.Floor(by0)), int(math.Ceil(bx1)), int(math.Ceil(by1))).Intersect(r.img.Bounds())
	if rect.Empty() {
		return
	}
	r.ras.Reset(rect.Dx(), rect.Dy())
	r.ras.DrawOp = draw.Over
	px, py := float64(rect.Min.X), float64(rect.Min.Y)
	for _, pg := range gs {
		tx, ty := pg.ox-px, y0-py
		pt := func(p canvas.Point) (float32, float32) { return float32(tx + p.X*k), float32(ty - p.Y*k) }
		r.addPath(pg.g.p, pt)
	}
	r.ras.Draw(r.img, rect, image.NewUniform(nrgba(t.Color)), rect.Min)
}

// outline returns glyph g's outline in font units, y up, cached.
func (f *face) outline(g uint16) *glyphShape {
	f.glyphMu.Lock()
	defer f.glyphMu.Unlock()
	if sh, ok := f.glyphs[g]; ok {
		return sh
	}
	p := &canvas.Path{}
	if err := f.font.SFNT.GlyphPath(p, g, 0, 0, 0, 1, 0); err != nil {
		p = &canvas.Path{} // a glyph the font cannot outline is not drawn
	}
	if hasArcs(p) {
		p = p.ReplaceArcs()
	}
	sh := &glyphShape{p: p}
	if !p.Empty() {
		sh.b = p.FastBounds()
	}
	if f.glyphs == nil {
		f.glyphs = map[uint16]*glyphShape{}
	}
	f.glyphs[g] = sh
	return sh
}

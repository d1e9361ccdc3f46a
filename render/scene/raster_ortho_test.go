package scene

import (
	"image"
	"image/draw"
	"math"
	"math/rand/v2"
	"testing"
)

// TestOrthoRegions checks that a connector drawn region by region (ortho)
// covers each pixel as one pass over its bounding box does, within the
// rounding the comment in ortho allows, on random orthogonal polylines.
func TestOrthoRegions(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 300 {
		pts := []Point{{X: float64(rng.IntN(80)) + rng.Float64(), Y: float64(rng.IntN(80)) + rng.Float64()}}
		for range 1 + rng.IntN(5) {
			p := pts[len(pts)-1]
			if len(pts)%2 == 1 {
				p.X = float64(rng.IntN(80)) + rng.Float64()
			} else {
				p.Y = float64(rng.IntN(80)) + rng.Float64()
			}
			pts = append(pts, p)
		}
		width, scale := 0.5+rng.Float64()*3, 1+rng.Float64()*2
		c := Color{R: uint8(rng.IntN(256)), G: uint8(rng.IntN(256)), B: uint8(rng.IntN(256)), A: uint8(128 + rng.IntN(128))}
		got := &rasterizer{img: image.NewRGBA(image.Rect(0, 0, 260, 260)), s: scale}
		want := &rasterizer{img: image.NewRGBA(image.Rect(0, 0, 260, 260)), s: scale}
		if !got.ortho(pts, width, c) {
			t.Fatalf("%d: %v not taken as orthogonal", n, pts)
		}
		orthoOnePass(want, pts, width, c)
		for i := range got.img.Pix {
			if d := int(got.img.Pix[i]) - int(want.img.Pix[i]); d < -1 || d > 1 {
				t.Fatalf("%d: %v width %.2f scale %.2f: byte %d (pixel %d,%d) is %d, one pass gives %d",
					n, pts, width, scale, i, i/4%260, i/4/260, got.img.Pix[i], want.img.Pix[i])
			}
		}
	}
}

// orthoOnePass is ortho as it was: all the rectangles rasterised over
// their bounding box in one pass.
func orthoOnePass(r *rasterizer, pts []Point, width float64, c Color) {
	hw := width * r.s / 2
	var path [][4]float64
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := 1; i < len(pts); i++ {
		a, e := pts[i-1], pts[i]
		if a == e {
			continue
		}
		qx0, qy0 := math.Min(a.X, e.X)*r.s, math.Min(a.Y, e.Y)*r.s
		qx1, qy1 := math.Max(a.X, e.X)*r.s, math.Max(a.Y, e.Y)*r.s
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
			qx0, qx1, qy0, qy1 = qx0-ext0, qx1+ext1, qy0-hw, qy1+hw
		} else {
			qx0, qx1, qy0, qy1 = qx0-hw, qx1+hw, qy0-ext0, qy1+ext1
		}
		path = append(path, [4]float64{qx0, qy0, qx1, qy1})
		x0, y0, x1, y1 = math.Min(x0, qx0), math.Min(y0, qy0), math.Max(x1, qx1), math.Max(y1, qy1)
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(r.img.Bounds())
	if len(path) == 0 || box.Empty() {
		return
	}
	r.ras.Reset(box.Dx(), box.Dy())
	r.ras.DrawOp = draw.Over
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, q := range path {
		r.ras.MoveTo(float32(q[0]-ox), float32(q[1]-oy))
		r.ras.LineTo(float32(q[2]-ox), float32(q[1]-oy))
		r.ras.LineTo(float32(q[2]-ox), float32(q[3]-oy))
		r.ras.LineTo(float32(q[0]-ox), float32(q[3]-oy))
		r.ras.ClosePath()
	}
	r.ras.Draw(r.img, box, image.NewUniform(nrgba(c)), box.Min)
}

// TestAppendMinus checks the parts appendMinus cuts: disjoint, inside a,
// outside b, and covering all of a outside b.
func TestAppendMinus(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	r := func() image.Rectangle {
		x, y := rng.IntN(20), rng.IntN(20)
		return image.Rect(x, y, x+rng.IntN(12), y+rng.IntN(12))
	}
	for range 2000 {
		a, b := r(), r()
		parts := appendMinus(nil, a, b)
		for y := -1; y < 33; y++ {
			for x := -1; x < 33; x++ {
				p := image.Pt(x, y)
				in := 0
				for _, q := range parts {
					if p.In(q) {
						in++
					}
				}
				want := 0
				if p.In(a) && !p.In(b) {
					want = 1
				}
				if in != want {
					t.Fatalf("%v minus %v = %v: point %v in %d parts, want %d", a, b, parts, p, in, want)
				}
			}
		}
	}
}

package scene

import (
	"image"
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
	rs, _ := orthoRects(pts, width*r.s/2, r.s)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range rs {
		x0, y0, x1, y1 = math.Min(x0, q.x0), math.Min(y0, q.y0), math.Max(x1, q.x1), math.Max(y1, q.y1)
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(r.img.Bounds())
	if len(rs) == 0 || box.Empty() {
		return
	}
	r.fillRects(rs, box, c)
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

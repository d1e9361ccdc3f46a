package scene

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"testing"
)

// TestEncodePNG: what encodePNG writes, image/png reads back as the same
// pixels, for an opaque drawing (RGB), one with transparency (RGBA, straight
// alpha) and noise (every filter choice exercised), at sizes around the
// chunk and row boundaries.
func TestEncodePNG(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name string
		w, h int
		fill func(m *image.RGBA)
	}{
		{"opaque", 301, 97, func(m *image.RGBA) {
			draw.Draw(m, m.Bounds(), image.White, image.Point{}, draw.Src)
			draw.Draw(m, image.Rect(20, 10, 200, 60), image.NewUniform(color.RGBA{30, 60, 200, 255}), image.Point{}, draw.Src)
		}},
		{"transparent", 64, 33, func(m *image.RGBA) {
			draw.Draw(m, image.Rect(5, 5, 40, 20), image.NewUniform(color.NRGBA{200, 100, 50, 128}), image.Point{}, draw.Over)
		}},
		{"noise", 257, 300, func(m *image.RGBA) {
			for i := range m.Pix {
				m.Pix[i] = byte(rng.IntN(256))
			}
			for i := 3; i < len(m.Pix); i += 4 { // keep it valid premultiplied
				for k := 1; k <= 3; k++ {
					m.Pix[i-k] = min(m.Pix[i-k], m.Pix[i])
				}
			}
		}},
		{"one pixel", 1, 1, func(m *image.RGBA) { m.Pix[3] = 255 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := image.NewRGBA(image.Rect(0, 0, tc.w, tc.h))
			tc.fill(m)
			var b bytes.Buffer
			if err := encodePNG(&b, m); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&b)
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds() != m.Bounds() {
				t.Fatalf("bounds %v, want %v", got.Bounds(), m.Bounds())
			}
			for y := range tc.h {
				for x := range tc.w {
					want := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
					if g := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA); g != want {
						t.Fatalf("pixel %d,%d = %v, want %v", x, y, g, want)
					}
				}
			}
		})
	}
}

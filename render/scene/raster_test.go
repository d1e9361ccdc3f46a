package scene

import (
	"bytes"
	"image"
	"image/color"
	_ "image/jpeg"
	_ "image/png"
	"sync"
	"testing"
)

func decode(t *testing.T, b []byte, wantFormat string) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("image.Decode: %v", err)
	}
	if format != wantFormat {
		t.Fatalf("format %q, want %q", format, wantFormat)
	}
	return img
}

// near reports whether c is within tol of want in each channel (straight
// alpha).
func near(c color.Color, want color.NRGBA, tol int) bool {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	d := func(a, b uint8) bool { return int(a)-int(b) <= tol && int(b)-int(a) <= tol }
	return d(n.R, want.R) && d(n.G, want.G) && d(n.B, want.B) && d(n.A, want.A)
}

func TestPNG(t *testing.T) {
	d := testDoc()
	var b bytes.Buffer
	scale, err := WritePNG(&b, d, 1, RasterOptions{Scale: 2})
	if err != nil || scale != 2 {
		t.Fatalf("WritePNG = %v, %v; want scale 2", scale, err)
	}
	img := decode(t, b.Bytes(), "png")
	if got := img.Bounds().Size(); got != (image.Point{800, 500}) {
		t.Fatalf("PNG is %v, want 800x500", got)
	}
	at := func(x, y float64) color.Color { return img.At(int(x*2), int(y*2)) }
	checks := []struct {
		name string
		x, y float64
		want color.NRGBA
	}{
		{"background", 5, 5, color.NRGBA{255, 255, 255, 255}},
		{"ceo card fill", 155, 43, color.NRGBA{0xe8, 0xf0, 0xfe, 255}},
		{"ceo card stroke", 150, 43, color.NRGBA{0x1a, 0x73, 0xe8, 255}},
		{"badge fill", 254, 18, color.NRGBA{0xd9, 0x30, 0x25, 255}},
		{"arrowhead", 100, 127, color.NRGBA{0x5f, 0x63, 0x68, 255}},
		{"connector", 150, 98, color.NRGBA{0x5f, 0x63, 0x68, 255}},
		{"dash", 169, 160, color.NRGBA{0xd9, 0x30, 0x25, 255}},
		{"dash gap", 172.5, 160, color.NRGBA{255, 255, 255, 255}},
	}
	for _, c := range checks {
		if got := at(c.x, c.y); !near(got, c.want, 24) {
			t.Errorf("%s at (%v,%v) = %v, want %v", c.name, c.x, c.y, got, c.want)
		}
	}
	// The name is drawn: dark pixels within its line.
	dark := 0
	for y := 2 * (40 - 8); y < 2*40; y++ {
		for x := 2 * 170; x < 2*250; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x4000 {
				dark++
			}
		}
	}
	if dark < 200 {
		t.Errorf("only %d dark pixels where Dana Whitfield is written", dark)
	}
}

func TestPNGTransparentPage(t *testing.T) {
	var b bytes.Buffer
	if _, err := WritePNG(&b, testDoc(), 2, RasterOptions{}); err != nil {
		t.Fatal(err)
	}
	img := decode(t, b.Bytes(), "png")
	if got := img.Bounds().Size(); got != (image.Point{300, 160}) {
		t.Fatalf("PNG is %v, want 300x160", got)
	}
	if _, _, _, a := img.At(290, 5).RGBA(); a != 0 {
		t.Errorf("transparent page has alpha %d at (290,5), want 0", a)
	}
	if c := img.At(100, 30); !near(c, color.NRGBA{0xe8, 0xf0, 0xfe, 255}, 24) {
		t.Errorf("card fill = %v", c)
	}
}

func TestJPEG(t *testing.T) {
	var b bytes.Buffer
	if _, err := WriteJPEG(&b, testDoc(), 2, RasterOptions{Scale: 1.5}); err != nil {
		t.Fatal(err)
	}
	img := decode(t, b.Bytes(), "jpeg")
	if got := img.Bounds().Size(); got != (image.Point{450, 240}) {
		t.Fatalf("JPEG is %v, want 450x240", got)
	}
	if c := img.At(435, 7); !near(c, color.NRGBA{255, 255, 255, 255}, 8) {
		t.Errorf("JPEG transparent area = %v, want white", c)
	}
	if c := img.At(150, 45); !near(c, color.NRGBA{0xe8, 0xf0, 0xfe, 255}, 8) {
		t.Errorf("JPEG card fill = %v", c)
	}
}

func TestRasterCap(t *testing.T) {
	img, scale, err := Rasterize(testDoc(), 1, RasterOptions{Scale: 4, MaxPixels: 10_000})
	if err != nil {
		t.Fatal(err)
	}
	size := img.Bounds().Size()
	if scale >= 4 || size.X*size.Y > 10_000 || size.X < 100 {
		t.Errorf("capped raster: scale %v, %v; want scale below 4 and at most 10000 pixels", scale, size)
	}
	if _, _, err := Rasterize(testDoc(), 1, RasterOptions{Scale: -1}); err == nil {
		t.Errorf("Rasterize(scale -1) = nil error")
	}
	if _, _, err := Rasterize(testDoc(), 3, RasterOptions{}); err == nil {
		t.Errorf("Rasterize(page 3 of 2) = nil error")
	}
}

func TestRasterConcurrent(t *testing.T) {
	want, _, err := Rasterize(testDoc(), 1, RasterOptions{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, _, err := Rasterize(testDoc(), 1, RasterOptions{Scale: 1})
			if err != nil || !bytes.Equal(got.Pix, want.Pix) {
				t.Errorf("concurrent Rasterize differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}

package pipeline

import (
	"bytes"
	"context"
	"image/png"
	"testing"
)

// TestDrawStats draws the example's numbers as PNG (a 1920×1080 image that
// decodes) and refuses an unknown format.
func TestDrawStats(t *testing.T) {
	s, err := Stats(context.Background(), exampleSource(t, "new.yaml"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := DrawStats(s, "png", "")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
		t.Errorf("stats PNG is %v, want 1920x1080", b)
	}
	if _, err := DrawStats(s, "pptx", ""); err == nil {
		t.Error("DrawStats(pptx) = nil error")
	}
}

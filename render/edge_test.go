package render

import (
	"bytes"
	"context"
	"image"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/render/option"
)

// TestEdgeCases renders degenerate charts in every format: no people, one
// entry with nothing but an id, a cycle with no top, and duplicate ids.
func TestEdgeCases(t *testing.T) {
	cycle := newOrg("", p("a", "A", "", "", "b"), p("b", "B", "", "", "a"))
	dup := newOrg("Dup", p("x", "First", "", ""), p("x", "Second", "", "", "x"), p("y", "", "", "", "x"))
	bare := newOrg("", &graph.Person{ID: "only"})
	empty := newOrg("Nobody")
	for name, org := range map[string]*graph.Org{"cycle": cycle, "dup": dup, "bare": bare, "empty": empty} {
		for _, f := range option.Formats {
			for _, layout := range option.Layouts {
				if layout == "dot" && f == "pptx" {
					continue // pptx is drawn by the org engine only
				}
				t.Run(name+"/"+layout+"/"+f, func(t *testing.T) {
					data, err := renderOrg(context.Background(), org, nil, option.Options{Format: f, DPI: 48, Layout: layout})
					if err != nil {
						t.Fatal(err)
					}
					if len(data) == 0 {
						t.Error("empty output")
					}
				})
			}
		}
	}
}

// TestPresetRaster checks that a preset fixes the page: a 16:9 slide at
// 144 dpi is a 1920×1080 image, whatever the chart.
func TestPresetRaster(t *testing.T) {
	for _, org := range []*graph.Org{wideOrg(12), tortureOrg()} {
		data, err := renderOrg(context.Background(), org, nil, option.Options{Format: "png", Preset: "slide-16x9", DPI: 144})
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
			t.Errorf("slide-16x9 png is %dx%d, want 1920x1080", b.Dx(), b.Dy())
		}
	}
}

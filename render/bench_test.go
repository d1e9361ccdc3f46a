package render

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
)

// TestLarge renders a 1,000-person chart to SVG, PNG and PDF (5,000 is in
// BenchmarkRender: about 20 s for the SVG alone on a 2-core machine).
func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large render in -short mode")
	}
	org := synth.Generate(1000, 1)
	ctx := context.Background()
	svg, err := renderOrg(ctx, org, nil, option.Options{Format: "svg"})
	if err != nil {
		t.Fatal(err)
	}
	// Cards are nodes n<i>; the bus points (j<i>, b...) are nodes too.
	if n := bytes.Count(svg, []byte("class=\"node\">\n<title>n")); n != 1000 {
		t.Errorf("svg has %d cards, want 1000", n)
	}
	pages, err := pagesOrg(ctx, org, nil, option.Options{Format: "png", Compact: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages[0].Data) == 0 {
		t.Error("empty png")
	}
}

// BenchmarkRender renders synthetic charts of 10 to 5,000 people in each
// format. scripts/bench compares it with native dot on the same DOT.
func BenchmarkRender(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10, 100, 1000, 5000} {
		org := synth.Generate(n, 1)
		for _, format := range []string{"svg", "png", "pdf"} {
			b.Run(fmt.Sprintf("%d/%s", n, format), func(b *testing.B) {
				for b.Loop() {
					if _, err := pagesOrg(ctx, org, nil, option.Options{Format: format, DPI: 96}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkDOT measures DOT generation alone.
func BenchmarkDOT(b *testing.B) {
	org := synth.Generate(5000, 1)
	for b.Loop() {
		if _, err := DOT(graph.Build(org), nil, option.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

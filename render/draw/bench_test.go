package draw

import (
	"fmt"
	"io"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// BenchmarkDraw is the drawing stage alone (scene of the whole chart as a
// poster, then its SVG), for synthetic charts of 1,000 and 100,000 people;
// scripts/bench-org.sh measures whole processes against their references.
func BenchmarkDraw(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		g := graph.Build(synth.Generate(n, 1))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				res, err := Draw(g, nil, option.Options{Compact: true}, nil)
				if err != nil {
					b.Fatal(err)
				}
				if err := scene.WriteSVG(io.Discard, res.Doc, 1, scene.SVGOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

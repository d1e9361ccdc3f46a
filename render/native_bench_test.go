package render

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
	"github.com/orgchart/orgchart/render/option"
)

// BenchmarkNativeDot is the reference for BenchmarkRender, measured in the
// same run: Debian's native Graphviz (`dot`, installed by
// `scripts/setup.sh --bench`) laying out and rendering the very DOT that
// DOT() generates, as a process per render, the way it is used from a
// shell. Compare like with like:
//
//	go test ./render/ -run '^$' -bench 'Render/|NativeDot/' -benchtime 5x
func BenchmarkNativeDot(b *testing.B) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		b.Fatalf("native dot not found: run scripts/setup.sh --bench (Debian's graphviz): %v", err)
	}
	dir := b.TempDir()
	for _, n := range []int{10, 100, 1000, 5000} {
		src, err := DOT(graph.Build(synth.Generate(n, 1)), nil, option.Options{})
		if err != nil {
			b.Fatal(err)
		}
		in := filepath.Join(dir, fmt.Sprintf("org%d.dot", n))
		if err := os.WriteFile(in, src, 0o644); err != nil {
			b.Fatal(err)
		}
		for _, format := range []string{"svg", "png", "pdf"} {
			b.Run(fmt.Sprintf("%d/%s", n, format), func(b *testing.B) {
				out := filepath.Join(dir, "out."+format)
				for b.Loop() {
					cmd := exec.Command(dot, "-T"+format, "-o", out, in)
					if msg, err := cmd.CombinedOutput(); err != nil {
						b.Fatalf("dot -T%s: %v\n%s", format, err, msg)
					}
				}
			})
		}
	}
}

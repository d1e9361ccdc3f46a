package layout

import (
	"testing"

	"github.com/orgchart/orgchart/render/layout/internal/orgtree"
)

// BenchmarkLayout lays out realistic random orgs (spans 1-12, depth about
// 5-9, Auto arrangement, so teams of four or more leaves are stacked), the
// 100k org with every team in a row (what d3-flextree computes), and a deep
// chain. scripts/bench-layout.sh compares the 100k cases with d3-flextree on
// the same tree.
func BenchmarkLayout(b *testing.B) {
	for _, bc := range []struct {
		name string
		tree orgtree.Tree
	}{
		{"1k", orgtree.Random(1, 1_000)},
		{"100k", orgtree.Random(1, 100_000)},
		{"1M", orgtree.Random(1, 1_000_000)},
		{"100kRow", orgtree.Random(1, 100_000)},
		{"chain100k", orgtree.Chain(100_000)},
	} {
		tree := Tree{Parent: bc.tree.Parent, Width: bc.tree.Width, Height: bc.tree.Height}
		if bc.name == "100kRow" { // every team in a row: the same work as d3-flextree
			tree.Arrangement = make([]Arrangement, len(tree.Parent))
			for i := range tree.Arrangement {
				tree.Arrangement[i] = Row
			}
		}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Layout(tree, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLayout1M is the 1,000,000-node figure on its own.
func BenchmarkLayout1M(b *testing.B) {
	g := orgtree.Random(1, 1_000_000)
	tree := Tree{Parent: g.Parent, Width: g.Width, Height: g.Height}
	for b.Loop() {
		if _, err := Layout(tree, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

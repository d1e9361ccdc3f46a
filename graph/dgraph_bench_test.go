package graph_test

import (
	"strconv"
	"testing"

	dgraph "github.com/dominikbraun/graph"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/internal/synth"
)

// BenchmarkDgraph runs dominikbraun/graph v0.23.0's algorithms on the
// Dgraph of synthetic charts, to tell which are linear on the compact
// store: each pays for AdjacencyMap or PredecessorMap, which copy the whole
// graph into maps, so none is cheap enough for a per-entry query. The
// figures are quoted where the Graph answers the same questions itself
// (cycles.go, tree.go).
func BenchmarkDgraph(b *testing.B) {
	algorithms := []struct {
		name  string
		sizes []int
		run   func(b *testing.B, g *graph.Graph, dg dgraph.Graph[int, int])
	}{
		{"AdjacencyMap", []int{1_000, 100_000}, func(b *testing.B, g *graph.Graph, dg dgraph.Graph[int, int]) {
			if _, err := dg.AdjacencyMap(); err != nil {
				b.Fatal(err)
			}
		}},
		{"DFS", []int{1_000, 100_000}, func(b *testing.B, g *graph.Graph, dg dgraph.Graph[int, int]) {
			// The last entry is a leaf: the walk visits its chain only.
			n := 0
			if err := dgraph.DFS(dg, g.Len()-1, func(int) bool { n++; return false }); err != nil || n < 2 {
				b.Fatalf("DFS visited %d entries: %v", n, err)
			}
		}},
		{"StronglyConnectedComponents", []int{1_000, 100_000}, func(b *testing.B, g *graph.Graph, dg dgraph.Graph[int, int]) {
			if _, err := dgraph.StronglyConnectedComponents(dg); err != nil {
				b.Fatal(err)
			}
		}},
		// The Graph's own answers to the same questions, for reference.
		{"ours/Chain", []int{1_000, 100_000}, func(b *testing.B, g *graph.Graph, dg dgraph.Graph[int, int]) {
			if len(g.Chain(g.Len()-1)) < 1 {
				b.Fatal("empty chain")
			}
		}},
		{"ours/Tarjan", []int{1_000, 100_000}, func(b *testing.B, g *graph.Graph, dg dgraph.Graph[int, int]) {
			graph.Tarjan(g)
		}},
		{"TopologicalSort", []int{1_000, 2_000}, func(b *testing.B, g *graph.Graph, dg dgraph.Graph[int, int]) {
			if _, err := dgraph.TopologicalSort(dg); err != nil {
				b.Fatal(err)
			}
		}},
	}
	for _, a := range algorithms {
		for _, n := range a.sizes {
			b.Run(a.name+"/"+sizeName(n), func(b *testing.B) {
				g := graph.Build(synth.Generate(n, 1))
				dg := g.Dgraph()
				b.ReportAllocs()
				for b.Loop() {
					a.run(b, g, dg)
				}
			})
		}
	}
}

func sizeName(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return strconv.Itoa(n/1_000_000) + "M"
	case n >= 1_000 && n%1_000 == 0:
		return strconv.Itoa(n/1_000) + "k"
	}
	return strconv.Itoa(n)
}

// Package orgtree generates synthetic org charts for the layout's tests,
// benchmarks and the d3-flextree comparison: parent arrays (-1 for a root,
// parents before children) with card sizes in points, deterministic per
// seed.
package orgtree

import (
	"encoding/json"
	"io"
	"math/rand/v2"
)

// Tree is a generated chart: Parent[i] < i for every non-root node.
type Tree struct {
	Parent        []int     `json:"parent"`
	Width, Height []float64 `json:"-"`
	// Size is Width and Height interleaved, as d3-flextree's nodeSize wants.
	Size [][2]float64 `json:"size"`
}

// Random returns a realistic org of n people: filled breadth-first, each
// person a manager with probability 0.7 with 1 to 12 reports, so depth is
// 5 for 1k people, 8 for 100k, 9 for 1M; cards 120-200 wide and 40-80 tall.
func Random(seed uint64, n int) Tree {
	rng := rand.New(rand.NewPCG(seed, 0x6f7267))
	t := Tree{Parent: make([]int, 0, n), Width: make([]float64, n), Height: make([]float64, n)}
	t.Parent = append(t.Parent, -1)
	for m := 0; len(t.Parent) < n; m++ {
		if m == len(t.Parent) { // everyone so far is a leaf: start another root
			t.Parent = append(t.Parent, -1)
			continue
		}
		if rng.Float64() >= 0.7 {
			continue
		}
		for k := 1 + rng.IntN(12); k > 0 && len(t.Parent) < n; k-- {
			t.Parent = append(t.Parent, m)
		}
	}
	t.Parent = t.Parent[:n]
	for i := range n {
		t.Width[i] = float64(120 + 10*rng.IntN(9))
		t.Height[i] = float64(40 + 10*rng.IntN(5))
	}
	return t
}

// Chain returns n people each reporting to the one before.
func Chain(n int) Tree {
	t := Tree{Parent: make([]int, n), Width: make([]float64, n), Height: make([]float64, n)}
	for i := range n {
		t.Parent[i] = i - 1
		t.Width[i], t.Height[i] = 150, 60
	}
	return t
}

// WriteJSON writes t as {"parent": [...], "size": [[w, h], ...]}.
func WriteJSON(w io.Writer, t Tree) error {
	t.Size = make([][2]float64, len(t.Parent))
	for i := range t.Size {
		t.Size[i] = [2]float64{t.Width[i], t.Height[i]}
	}
	return json.NewEncoder(w).Encode(t)
}

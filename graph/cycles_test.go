package graph

import (
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"testing"

	dgraph "github.com/dominikbraun/graph"
	"github.com/google/go-cmp/cmp"
)

// Tarjan runs Build's Tarjan pass on g again, for benchmarks.
func Tarjan(g *Graph) {
	g.cycles, g.scc = nil, nil
	g.tarjan()
}

func TestGraphCycles(t *testing.T) {
	tests := []struct {
		name   string
		specs  []string
		cycles [][]string
		levels map[string]int
		chains map[string][]string
		totals map[string]int
		tops   []string
	}{
		{
			name:   "two-cycle",
			specs:  []string{"top", "a>b", "b>a"},
			cycles: [][]string{{"a", "b"}},
			levels: map[string]int{"top": 0, "a": -1, "b": -1},
			chains: map[string][]string{"a": {"b"}, "b": {"a"}},
			totals: map[string]int{"a": 1, "b": 1},
			tops:   []string{"top"},
		},
		{
			name:   "three-cycle in line order",
			specs:  []string{"a>c", "b>a", "c>b"},
			cycles: [][]string{{"a", "c", "b"}},
			chains: map[string][]string{"a": {"c", "b"}, "b": {"a", "c"}},
			totals: map[string]int{"a": 2},
		},
		{
			name:   "self-loop",
			specs:  []string{"top", "s>s", "r>s"},
			cycles: [][]string{{"s"}},
			levels: map[string]int{"s": -1, "r": -1},
			chains: map[string][]string{"s": nil, "r": {"s"}},
			totals: map[string]int{"s": 1, "r": 0},
			tops:   []string{"top"},
		},
		{
			name:   "two separate cycles sorted by first index",
			specs:  []string{"x>y", "p>q", "q>r", "y>x", "r>p", "top"},
			cycles: [][]string{{"x", "y"}, {"p", "q", "r"}},
			tops:   []string{"top"},
		},
		{
			name:   "tree hanging under a cycle",
			specs:  []string{"top", "h>a", "a>b", "b>a", "h2>h", "k>top"},
			cycles: [][]string{{"a", "b"}},
			levels: map[string]int{"top": 0, "k": 1, "a": -1, "b": -1, "h": -1, "h2": -1},
			chains: map[string][]string{"h2": {"h", "a", "b"}, "h": {"a", "b"}, "a": {"b"}, "b": {"a"}},
			totals: map[string]int{"a": 3, "b": 3, "h": 1, "h2": 0, "top": 1},
			tops:   []string{"top"},
		},
		{
			name: "cycle through a second manager",
			// x's first manager is top, so its level is known; the solid
			// lines x → y → x still form a cycle.
			specs:  []string{"top", "x>top,y", "y>x"},
			cycles: [][]string{{"x", "y"}},
			levels: map[string]int{"x": 1, "y": 2},
			chains: map[string][]string{"y": {"x", "top"}},
			tops:   []string{"top"},
		},
		{
			name:   "strongly connected with dual reporting",
			specs:  []string{"a>b,c", "b>a", "c>a"},
			cycles: [][]string{{"a", "b", "c"}},
		},
		{
			name:   "cycle under a tree is not a top",
			specs:  []string{"a>b", "b>c", "c>b"},
			cycles: [][]string{{"b", "c"}},
			levels: map[string]int{"a": -1},
			chains: map[string][]string{"a": {"b", "c"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Build(chart(tt.specs...))
			var got [][]string
			for _, c := range g.Cycles() {
				got = append(got, ids(g, c))
			}
			if d := cmp.Diff(tt.cycles, got); d != "" {
				t.Errorf("Cycles() (-want +got):\n%s", d)
			}
			onCycle := map[string]bool{}
			for _, c := range tt.cycles {
				for _, id := range c {
					onCycle[id] = true
				}
			}
			for i := range g.Len() {
				if got := g.OnCycle(i); got != onCycle[g.Person(i).ID] {
					t.Errorf("OnCycle(%s) = %v, want %v", g.Person(i).ID, got, !got)
				}
			}
			for id, want := range tt.levels {
				if got := g.Level(idx(t, g, id)); got != want {
					t.Errorf("Level(%s) = %d, want %d", id, got, want)
				}
			}
			for id, want := range tt.chains {
				if d := cmp.Diff(want, ids(g, g.Chain(idx(t, g, id)))); d != "" {
					t.Errorf("Chain(%s) (-want +got):\n%s", id, d)
				}
			}
			for id, want := range tt.totals {
				if got := g.TotalReports(idx(t, g, id)); got != want {
					t.Errorf("TotalReports(%s) = %d, want %d", id, got, want)
				}
			}
			if d := cmp.Diff(tt.tops, ids(g, g.Tops())); d != "" {
				t.Errorf("Tops() (-want +got):\n%s", d)
			}
			checkConsistent(t, g)
			// Without dual reporting Build takes the cycles of first
			// managers; Tarjan's pass must agree.
			fast, fastSCC := g.Cycles(), g.scc
			g.cycles, g.scc = nil, nil
			g.tarjan()
			if d := cmp.Diff(fast, g.Cycles()); d != "" {
				t.Errorf("Tarjan's cycles differ (-Build +tarjan):\n%s", d)
			}
			if d := cmp.Diff(fastSCC, g.scc); d != "" {
				t.Errorf("Tarjan's component ids differ (-Build +tarjan):\n%s", d)
			}
		})
	}
}

// deepChain returns a chart of n entries, each reporting to the previous.
func deepChain(n int) *Org {
	people := make([]Person, n)
	refs := make([]Ref, n)
	org := &Org{People: make([]*Person, n)}
	for i := range people {
		people[i].ID = fmt.Sprintf("p%d", i)
		people[i].Index = i
		if i > 0 {
			refs[i].ID = people[i-1].ID
			people[i].ReportsTo = refs[i : i+1]
		}
		org.People[i] = &people[i]
	}
	return org
}

func TestGraphDeepChain(t *testing.T) {
	// A quarter of a million entries under a 4 MB stack limit show what
	// a million under the default 1 GB did (a recursive walk a chain deep
	// overflows), at a quarter of the cost. Not parallel: the limit is the
	// process's.
	const n = 250_000
	defer debug.SetMaxStack(debug.SetMaxStack(4 << 20))
	org := deepChain(n)
	g := Build(org)
	last := n - 1
	chain := g.Chain(last)
	if len(chain) != n-1 || chain[0] != n-2 || chain[n-2] != 0 {
		t.Fatalf("Chain(last) has %d entries from %d to %d, want %d from %d to 0", len(chain), chain[0], chain[len(chain)-1], n-1, n-2)
	}
	if got := g.Level(last); got != n-1 {
		t.Errorf("Level(last) = %d, want %d", got, n-1)
	}
	if got := g.TotalReports(0); got != n-1 {
		t.Errorf("TotalReports(0) = %d, want %d", got, n-1)
	}
	if got := g.Subtree(0, -1); len(got) != n || got[n-1] != last {
		t.Errorf("Subtree(0, -1) has %d entries, want %d ending with %d", len(got), n, last)
	}
	if got := g.Subtree(10, 5); !cmp.Equal(got, []int{10, 11, 12, 13, 14, 15}) {
		t.Errorf("Subtree(10, 5) = %v, want 10..15", got)
	}
	if !g.InChain(0, last) || g.InChain(last, 0) {
		t.Errorf("InChain(0, last) = %v, InChain(last, 0) = %v, want true, false", g.InChain(0, last), g.InChain(last, 0))
	}
	if g.Cycles() != nil {
		t.Errorf("Cycles() = %d cycles, want none", len(g.Cycles()))
	}

	// Close the chain into one cycle of n.
	org.People[0].ReportsTo = []Ref{{ID: org.People[last].ID}}
	g = Build(org)
	cycles := g.Cycles()
	if len(cycles) != 1 || len(cycles[0]) != n {
		t.Fatalf("Cycles() = %d cycles, want one of %d", len(cycles), n)
	}
	if c := cycles[0]; c[0] != 0 || c[1] != last || c[n-1] != 1 {
		t.Errorf("Cycles()[0] = [%d %d ... %d], want [0 %d ... 1] (line order)", c[0], c[1], c[n-1], last)
	}
	g.cycles, g.scc = nil, nil
	g.tarjan() // a chain deep: must not overflow the 4 MB stack
	if d := cmp.Diff(cycles, g.Cycles()); d != "" {
		t.Errorf("Tarjan's cycles differ from Build's")
	}
	if got := g.Level(last); got != -1 {
		t.Errorf("Level(last) = %d, want -1", got)
	}
	if got := g.Chain(5); len(got) != n-1 || got[0] != 4 || got[n-2] != 6 {
		t.Errorf("Chain(5) has %d entries, want %d from 4 round to 6", len(got), n-1)
	}
	if got := g.TotalReports(7); got != n-1 {
		t.Errorf("TotalReports(7) = %d, want %d", got, n-1)
	}
	if g.Tops() != nil {
		t.Errorf("Tops() = %v, want none", g.Tops())
	}
}

// TestCyclesLikeDgraph checks Cycles against dominikbraun/graph's
// StronglyConnectedComponents on random charts of solid lines, dual
// reporting and self-lines included. Entry 0 has no lines: the library
// loses the vertex with the zero hash (see Dgraph).
func TestCyclesLikeDgraph(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	withCycles := 0
	for round := range 200 {
		n := 2 + rng.IntN(30)
		specs := []string{"p0"}
		for i := 1; i < n; i++ {
			s := fmt.Sprintf("p%d", i)
			for m := range rng.IntN(3) {
				sep := ","
				if m == 0 {
					sep = ">"
				}
				s += fmt.Sprintf("%sp%d", sep, 1+rng.IntN(n-1))
			}
			specs = append(specs, s)
		}
		g := Build(chart(specs...))
		all, err := dgraph.StronglyConnectedComponents(g.Dgraph())
		if err != nil {
			t.Fatal(err)
		}
		var want [][]int
		for _, c := range all {
			if len(c) > 1 || len(c) == 1 && g.store.find(c[0], c[0]) >= 0 {
				slices.Sort(c)
				want = append(want, c)
			}
		}
		slices.SortFunc(want, func(a, b []int) int { return a[0] - b[0] })
		var got [][]int
		for _, c := range g.Cycles() {
			got = append(got, slices.Sorted(slices.Values(c)))
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("round %d, chart %q: Cycles differ from the library's components (-library +ours):\n%s", round, specs, d)
		}
		if len(got) > 0 {
			withCycles++
		}
	}
	if withCycles < 100 {
		t.Errorf("only %d of 200 random charts have cycles", withCycles)
	}
}

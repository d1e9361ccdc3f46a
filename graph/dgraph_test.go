package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"testing"

	dgraph "github.com/dominikbraun/graph"
	gocmp "github.com/google/go-cmp/cmp"
)

// TestGraphUsesDgraph checks that the lines live in the dominikbraun/graph
// instance: its counts and edges are the lines, each *Line its edge data.
func TestGraphUsesDgraph(t *testing.T) {
	g := Build(chart(append(tree, "x>cfo,cto~ceo:matrix,cfo", "y>x~y")...))
	dg := g.Dgraph()
	order, err := dg.Order()
	if err != nil || order != g.Len() {
		t.Errorf("Dgraph().Order() = %d, %v, want %d", order, err, g.Len())
	}
	size, err := dg.Size()
	if err != nil || size != len(g.Lines()) {
		t.Errorf("Dgraph().Size() = %d, %v, want %d", size, err, len(g.Lines()))
	}
	edges, err := dg.Edges()
	if err != nil || len(edges) != len(g.Lines()) {
		t.Fatalf("Dgraph().Edges() = %d edges, %v, want %d", len(edges), err, len(g.Lines()))
	}
	for k := range g.Lines() {
		l := &g.Lines()[k]
		if e := edges[k]; e.Source != l.From || e.Target != l.To || e.Properties.Data != any(l) {
			t.Errorf("Edges()[%d] = %d → %d, data %v, want line %d (%+v)", k, e.Source, e.Target, e.Properties.Data, k, *l)
		}
		e, err := dg.Edge(l.From, l.To)
		if err != nil {
			t.Errorf("Dgraph().Edge(%d, %d): %v", l.From, l.To, err)
			continue
		}
		if d, ok := e.Properties.Data.(*Line); !ok || d != l {
			t.Errorf("Dgraph().Edge(%d, %d) data = %v, want the line %+v", l.From, l.To, e.Properties.Data, *l)
		}
	}
	x, y, cfo := idx(t, g, "x"), idx(t, g, "y"), idx(t, g, "cfo")
	e, _ := dg.Edge(x, cfo)
	if d := e.Properties.Data.(*Line); d.Kind != Solid {
		t.Errorf("edge x → cfo is %v, want solid (the dotted duplicate is dropped)", d.Kind)
	}
	if _, err := dg.Edge(cfo, x); !errors.Is(err, dgraph.ErrEdgeNotFound) {
		t.Errorf("Dgraph().Edge(cfo, x) error = %v, want ErrEdgeNotFound (edges point report → manager)", err)
	}
	if e, err := dg.Edge(y, y); err != nil || e.Properties.Data.(*Line).Kind != Dotted {
		t.Errorf("Dgraph().Edge(y, y) = %v, %v, want the dotted self-line", e, err)
	}
}

// TestDgraphReadOnly checks that the exposed graph refuses every change,
// stays as it was, and clones into a graph that can change.
func TestDgraphReadOnly(t *testing.T) {
	g := Build(chart(tree...))
	dg := g.Dgraph()
	before := snapshot(t, dg)
	changes := map[string]func() error{
		"AddVertex":    func() error { return dg.AddVertex(99) },
		"AddEdge":      func() error { return dg.AddEdge(0, 9) },
		"UpdateEdge":   func() error { return dg.UpdateEdge(1, 0, dgraph.EdgeAttribute("k", "v"), dgraph.EdgeWeight(2)) },
		"RemoveEdge":   func() error { return dg.RemoveEdge(1, 0) },
		"RemoveVertex": func() error { return dg.RemoveVertex(6) },
	}
	for name, change := range changes {
		if err := change(); !errors.Is(err, errReadOnly) {
			t.Errorf("%s error = %v, want errReadOnly", name, err)
		}
	}
	if d := gocmp.Diff(before, snapshot(t, dg)); d != "" {
		t.Errorf("graph changed (-before +after):\n%s", d)
	}
	c, err := dg.Clone()
	if err != nil {
		t.Fatalf("Clone: %v", err)
	}
	if d := gocmp.Diff(before, snapshot(t, c)); d != "" {
		t.Errorf("clone differs (-graph +clone):\n%s", d)
	}
	if err := c.AddEdge(0, 9); err != nil {
		t.Errorf("clone AddEdge(0, 9): %v", err)
	}
	if _, err := dg.Edge(0, 9); !errors.Is(err, dgraph.ErrEdgeNotFound) {
		t.Errorf("after changing the clone, Edge(0, 9) error = %v, want ErrEdgeNotFound", err)
	}
}

// defaultStoreGraph puts g's lines into a dominikbraun/graph graph on the
// library's default store, the same way a user would.
func defaultStoreGraph(g *Graph) dgraph.Graph[int, int] {
	dg := dgraph.New(dgraph.IntHash, dgraph.Directed())
	for i := range g.Len() {
		if err := dg.AddVertex(i); err != nil {
			panic(err)
		}
	}
	for k := range g.Lines() {
		l := &g.Lines()[k]
		if err := dg.AddEdge(l.From, l.To, dgraph.EdgeData(l)); err != nil {
			panic(err)
		}
	}
	return dg
}

// TestDgraphLikeDefault asks the exposed graph and the same graph on
// dominikbraun/graph's default store the same questions, library
// algorithms included, and compares the answers.
func TestDgraphLikeDefault(t *testing.T) {
	// Entry 0 has no lines: dominikbraun/graph v0.23.0's
	// StronglyConnectedComponents mishandles the vertex whose hash is the
	// zero value (see Dgraph), on any store.
	specs := append([]string{"lone"}, tree...)
	g := Build(chart(append(specs, "x>cfo,cto~ceo:matrix", "y>x~y", "p>q", "q>p,x")...))
	ours, ref := g.Dgraph(), defaultStoreGraph(g)
	x, p := idx(t, g, "x"), idx(t, g, "p")
	questions := map[string]func(dg dgraph.Graph[int, int]) (any, error){
		"snapshot": func(dg dgraph.Graph[int, int]) (any, error) { return snapshot(t, dg), nil },
		"vertex":   func(dg dgraph.Graph[int, int]) (any, error) { return dg.Vertex(x) },
		"vertex with properties": func(dg dgraph.Graph[int, int]) (any, error) {
			v, props, err := dg.VertexWithProperties(x)
			return fmt.Sprint(v, props.Weight, len(props.Attributes)), err
		},
		"missing vertex": func(dg dgraph.Graph[int, int]) (any, error) { return dg.Vertex(g.Len()) },
		"edge": func(dg dgraph.Graph[int, int]) (any, error) {
			e, err := dg.Edge(x, idx(t, g, "cto"))
			return fmt.Sprint(e.Source, e.Target, e.Properties.Weight, e.Properties.Attributes, e.Properties.Data), err
		},
		"missing edge": func(dg dgraph.Graph[int, int]) (any, error) { _, err := dg.Edge(0, x); return nil, err },
		"adjacency":    func(dg dgraph.Graph[int, int]) (any, error) { m, err := dg.AdjacencyMap(); return adjacency(m), err },
		"predecessors": func(dg dgraph.Graph[int, int]) (any, error) { m, err := dg.PredecessorMap(); return adjacency(m), err },
		"components": func(dg dgraph.Graph[int, int]) (any, error) {
			all, err := dgraph.StronglyConnectedComponents(dg)
			var cs [][]int
			for _, c := range all {
				if len(c) > 0 { // entry 0's: see above
					slices.Sort(c)
					cs = append(cs, c)
				}
			}
			slices.SortFunc(cs, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
			return cs, err
		},
		"dfs": func(dg dgraph.Graph[int, int]) (any, error) {
			var seen []int
			err := dgraph.DFS(dg, p, func(v int) bool { seen = append(seen, v); return false })
			slices.Sort(seen)
			return seen, err
		},
		"shortest path": func(dg dgraph.Graph[int, int]) (any, error) {
			return dgraph.ShortestPath(dg, idx(t, g, "e3"), idx(t, g, "board"))
		},
	}
	for name, ask := range questions {
		wantV, wantErr := ask(ref)
		gotV, gotErr := ask(ours)
		if d := gocmp.Diff(wantV, gotV); d != "" {
			t.Errorf("%s: answer differs from the default store's (-default +compact):\n%s", name, d)
		}
		if errName(gotErr) != errName(wantErr) {
			t.Errorf("%s: error = %v, want %v like the default store", name, gotErr, wantErr)
		}
	}
}

// adjacency flattens an adjacency or predecessor map into sorted
// "a→b data" strings.
func adjacency(m map[int]map[int]dgraph.Edge[int]) []string {
	var out []string
	for v, es := range m {
		out = append(out, fmt.Sprint(v))
		for _, e := range es {
			out = append(out, fmt.Sprintf("%d: %d→%d %v", v, e.Source, e.Target, e.Properties.Data))
		}
	}
	slices.Sort(out)
	return out
}

// errName names the dominikbraun/graph error err wraps, for comparing
// errors across stores.
func errName(err error) string {
	for _, e := range []struct {
		err  error
		name string
	}{
		{dgraph.ErrVertexNotFound, "vertex not found"},
		{dgraph.ErrVertexAlreadyExists, "vertex exists"},
		{dgraph.ErrEdgeNotFound, "edge not found"},
		{dgraph.ErrEdgeAlreadyExists, "edge exists"},
		{dgraph.ErrVertexHasEdges, "vertex has edges"},
	} {
		if errors.Is(err, e.err) {
			return e.name
		}
	}
	if err != nil {
		return "other: " + err.Error()
	}
	return "ok"
}

// snapshot describes a graph as seen through dominikbraun/graph's API.
func snapshot(t *testing.T, g dgraph.Graph[int, int]) string {
	t.Helper()
	order, err := g.Order()
	if err != nil {
		t.Fatalf("Order: %v", err)
	}
	size, err := g.Size()
	if err != nil {
		t.Fatalf("Size: %v", err)
	}
	edges, err := g.Edges()
	if err != nil {
		t.Fatalf("Edges: %v", err)
	}
	slices.SortFunc(edges, func(a, b dgraph.Edge[int]) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	s := fmt.Sprintf("order %d size %d\n", order, size)
	for _, e := range edges {
		s += fmt.Sprintf("%d→%d w%d %v %v\n", e.Source, e.Target, e.Properties.Weight, e.Properties.Attributes, e.Properties.Data)
	}
	return s
}

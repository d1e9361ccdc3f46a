package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"testing"

	dgraph "github.com/dominikbraun/graph"
	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The compact store is a dominikbraun/graph Store.
var _ dgraph.Store[int, int] = (*compactStore)(nil)

// BuildDefaultStore builds the reporting graph on dominikbraun/graph's
// default in-memory store, for benchmarks (bench_test.go) to compare with.
func BuildDefaultStore(org *Org) *Graph {
	return build(org, dgraph.New(dgraph.IntHash, dgraph.Directed()))
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

// TestStoreLikeDefault runs the same operations through dominikbraun/graph
// on its default store and on the compact store and compares every result.
func TestStoreLikeDefault(t *testing.T) {
	solid := &lineData{Kind: Solid}
	ops := []struct {
		name string
		do   func(g dgraph.Graph[int, int]) (any, error)
	}{
		{"add vertices", func(g dgraph.Graph[int, int]) (any, error) {
			for v := range 5 {
				if err := g.AddVertex(v); err != nil {
					return v, err
				}
			}
			return nil, g.AddVertex(7, dgraph.VertexAttribute("shape", "box"), dgraph.VertexWeight(2))
		}},
		{"add vertex again", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.AddVertex(2) }},
		{"vertex properties", func(g dgraph.Graph[int, int]) (any, error) {
			v, p, err := g.VertexWithProperties(7)
			return fmt.Sprint(v, p.Weight, p.Attributes), err
		}},
		{"missing vertex", func(g dgraph.Graph[int, int]) (any, error) { _, err := g.Vertex(5); return nil, err }},
		{"add edges", func(g dgraph.Graph[int, int]) (any, error) {
			for _, e := range [][2]int{{0, 2}, {1, 2}, {3, 3}, {4, 0}, {7, 4}} {
				if err := g.AddEdge(e[0], e[1], dgraph.EdgeData(solid)); err != nil {
					return e, err
				}
			}
			return nil, g.AddEdge(0, 1, dgraph.EdgeData("text"), dgraph.EdgeWeight(3), dgraph.EdgeAttribute("color", "red"))
		}},
		{"add edge again", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.AddEdge(0, 1) }},
		{"add edge from missing vertex", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.AddEdge(9, 1) }},
		{"add edge to missing vertex", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.AddEdge(1, 9) }},
		{"edge", func(g dgraph.Graph[int, int]) (any, error) {
			e, err := g.Edge(0, 1)
			return fmt.Sprint(e.Source, e.Target, e.Properties.Weight, e.Properties.Attributes, e.Properties.Data), err
		}},
		{"edge with pointer data", func(g dgraph.Graph[int, int]) (any, error) {
			e, err := g.Edge(4, 0)
			return e.Properties.Data == any(solid), err
		}},
		{"reverse edge", func(g dgraph.Graph[int, int]) (any, error) { _, err := g.Edge(1, 0); return nil, err }},
		{"update edge", func(g dgraph.Graph[int, int]) (any, error) {
			if err := g.UpdateEdge(0, 2, dgraph.EdgeAttribute("k", "v"), dgraph.EdgeData(42)); err != nil {
				return nil, err
			}
			e, err := g.Edge(0, 2)
			return fmt.Sprint(e.Properties.Attributes, e.Properties.Data), err
		}},
		{"update missing edge", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.UpdateEdge(2, 0) }},
		{"remove vertex with in-edges", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.RemoveVertex(2) }},
		{"remove vertex with out-edges", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.RemoveVertex(1) }},
		{"remove edge", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.RemoveEdge(0, 1) }},
		{"remove edge again", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.RemoveEdge(0, 1) }},
		{"edge removed", func(g dgraph.Graph[int, int]) (any, error) { _, err := g.Edge(0, 1); return nil, err }},
		{"remove edges into 2", func(g dgraph.Graph[int, int]) (any, error) {
			if err := g.RemoveEdge(1, 2); err != nil {
				return nil, err
			}
			return nil, g.RemoveEdge(0, 2)
		}},
		{"remove vertex", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.RemoveVertex(2) }},
		{"vertex removed", func(g dgraph.Graph[int, int]) (any, error) { _, err := g.Vertex(2); return nil, err }},
		{"add edge after removals", func(g dgraph.Graph[int, int]) (any, error) { return nil, g.AddEdge(0, 1, dgraph.EdgeData(solid)) }},
		{"adjacency", func(g dgraph.Graph[int, int]) (any, error) {
			m, err := g.AdjacencyMap()
			out := map[int][]int{}
			for v, ts := range m {
				out[v] = []int{}
				for t := range ts {
					out[v] = append(out[v], t)
				}
				slices.Sort(out[v])
			}
			return out, err
		}},
	}
	ref := dgraph.New(dgraph.IntHash, dgraph.Directed())
	ours := dgraph.NewWithStore(dgraph.IntHash, dgraph.Store[int, int](newCompactStore(0, 0)), dgraph.Directed())
	for _, op := range ops {
		wantV, wantErr := op.do(ref)
		gotV, gotErr := op.do(ours)
		if d := gocmp.Diff(wantV, gotV); d != "" {
			t.Errorf("%s: result differs from the default store (-default +compact):\n%s", op.name, d)
		}
		if errName(gotErr) != errName(wantErr) {
			t.Errorf("%s: error = %v, want %v like the default store", op.name, gotErr, wantErr)
		}
		if d := gocmp.Diff(snapshot(t, ref), snapshot(t, ours)); d != "" {
			t.Fatalf("after %s: graph differs from the default store (-default +compact):\n%s", op.name, d)
		}
	}
}

func TestStoreVertices(t *testing.T) {
	s := newCompactStore(0, 0)
	if err := s.AddVertex(-1, -1, dgraph.VertexProperties{}); err == nil {
		t.Errorf("AddVertex(-1) succeeded, want an error")
	}
	for _, v := range []int{100, 3, 64, 0} {
		if err := s.AddVertex(v, v, dgraph.VertexProperties{}); err != nil {
			t.Fatalf("AddVertex(%d): %v", v, err)
		}
	}
	if err := s.AddVertex(5, 50, dgraph.VertexProperties{}); err != nil {
		t.Fatalf("AddVertex(5, 50): %v", err)
	}
	got, _ := s.ListVertices()
	if d := gocmp.Diff([]int{0, 3, 5, 64, 100}, got); d != "" {
		t.Errorf("ListVertices() (-want +got):\n%s", d)
	}
	if v, _, err := s.Vertex(5); v != 50 || err != nil {
		t.Errorf("Vertex(5) = %d, %v, want 50", v, err)
	}
	if n, _ := s.VertexCount(); n != 5 {
		t.Errorf("VertexCount() = %d, want 5", n)
	}
	if _, _, err := s.Vertex(4); !errors.Is(err, dgraph.ErrVertexNotFound) {
		t.Errorf("Vertex(4) error = %v, want ErrVertexNotFound", err)
	}
}

// TestStoreBulk checks that the bulk loading Build uses gives the same store
// as AddVertex and AddEdge, and that edge data beyond the palette is kept.
func TestStoreBulk(t *testing.T) {
	const n = 600
	bulk := newCompactStore(n, n)
	bulk.addVertices(n)
	one := newCompactStore(0, 0)
	for v := range n {
		if err := one.AddVertex(v, v, dgraph.VertexProperties{}); err != nil {
			t.Fatal(err)
		}
	}
	datas := make([]*lineData, n) // more distinct values than the palette holds
	for v := range n {
		datas[v] = &lineData{Kind: Dotted, Type: fmt.Sprint(v)}
		bulk.appendEdge(v, (v+1)%n, datas[v])
		if err := one.AddEdge(v, (v+1)%n, dgraph.Edge[int]{Source: v, Target: (v + 1) % n, Properties: dgraph.EdgeProperties{Data: datas[v]}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*compactStore{bulk, one} {
		if c, _ := s.VertexCount(); c != n || s.edgeCount() != n {
			t.Errorf("counts = %d vertices, %d edges, want %d, %d", c, s.edgeCount(), n, n)
		}
		for v := range n {
			e, err := s.Edge(v, (v+1)%n)
			if err != nil || e.Properties.Data != any(datas[v]) {
				t.Fatalf("Edge(%d, %d) = %v, %v, want data %v", v, (v+1)%n, e.Properties.Data, err, datas[v])
			}
		}
	}
	a, _ := bulk.ListEdges()
	b, _ := one.ListEdges()
	if d := gocmp.Diff(a, b, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("ListEdges differ (-bulk +one by one):\n%s", d)
	}
}

// TestStoreIDIndex compares the index with a map on ids of every shape,
// repeats included.
func TestStoreIDIndex(t *testing.T) {
	var people []*Person
	for i := range 20000 {
		var id string
		switch i % 5 {
		case 0:
			id = fmt.Sprintf("u%d", i)
		case 1:
			id = fmt.Sprintf("User.%d@Example.COM", i)
		case 2:
			id = fmt.Sprintf("  spaced %d ", i)
		case 3:
			id = fmt.Sprintf("U%d", i-3) // repeats case 0 in another case
		case 4:
			id = fmt.Sprintf("user.%d@example.com", i-3) // repeats case 1
		}
		people = append(people, &Person{ID: id})
	}
	x := newIDIndex(people)
	want := map[string]int32{}
	for i, p := range people {
		k := Key(p.ID)
		_, seen := want[k]
		if !seen {
			want[k] = int32(i)
		}
		if added := x.insert(k, int32(i)); added == seen {
			t.Fatalf("insert(%q, %d) = %v, want %v", k, i, added, !seen)
		}
	}
	for k, i := range want {
		if got, ok := x.lookup(k); !ok || got != i {
			t.Errorf("lookup(%q) = %d, %v, want %d", k, got, ok, i)
		}
	}
	for _, k := range []string{"", "u3", "user.2@example.com", "nobody"} {
		if got, ok := x.lookup(k); ok {
			t.Errorf("lookup(%q) = %d, want none", k, got)
		}
	}
}

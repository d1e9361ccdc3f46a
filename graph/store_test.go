package graph

import (
	"testing"

	dgraph "github.com/dominikbraun/graph"
	"github.com/google/go-cmp/cmp"
)

// DefaultStoreGraph returns g's lines in a dominikbraun/graph graph on the
// library's default store, for benchmarks (bench_test.go) to compare with.
func DefaultStoreGraph(g *Graph) dgraph.Graph[int, int] { return defaultStoreGraph(g) }

// TestStoreReverse checks the reverse adjacency against the lines: each
// manager's buckets hold exactly its first-manager, other solid and dotted
// in-lines, each in file order of the reports.
func TestStoreReverse(t *testing.T) {
	g := Build(chart(append(tree, "x>cfo,cto~ceo:matrix,cfo", "y>cto,x~y,cto", "z>cto~cfo", "w~cfo,cto")...))
	s := g.store
	want := make([][inBuckets][]int32, g.Len())
	for k, l := range s.lines {
		b := inSolid
		switch {
		case l.Kind == Dotted:
			b = inDotted
		case int32(k) == s.out[l.From]:
			b = inFirst
		}
		want[l.To][b] = append(want[l.To][b], int32(k))
	}
	for v := range g.Len() {
		for b := range inBuckets {
			got := s.bucket(v, b)
			if len(got) == 0 {
				got = nil
			}
			if d := cmp.Diff(want[v][b], got); d != "" {
				t.Errorf("bucket(%d, %d) (-want +got):\n%s", v, b, d)
			}
		}
	}
	if len(s.in) != len(s.lines) || int(s.inAt[len(s.inAt)-1]) != len(s.lines) {
		t.Errorf("in has %d slots, ends at %d, want %d", len(s.in), s.inAt[len(s.inAt)-1], len(s.lines))
	}
	cto := idx(t, g, "cto")
	if d := cmp.Diff([]string{"e1", "e2", "x", "y", "z"}, ids(g, g.Reports(cto))); d != "" {
		t.Errorf("Reports(cto) (-want +got):\n%s (first-manager and other lines merged in file order)", d)
	}
	if got := g.Span(cto); got != 5 {
		t.Errorf("Span(cto) = %d, want 5", got)
	}
	if d := cmp.Diff([]string{"e4~cfo", "z~cfo", "w~cfo"}, lineIDs(g, g.DottedTo(idx(t, g, "cfo")))); d != "" {
		t.Errorf("DottedTo(cfo) (-want +got):\n%s", d)
	}
}

// TestStoreVertices checks the store's vertices as dominikbraun/graph sees
// them.
func TestStoreVertices(t *testing.T) {
	s := Build(chart("a", "b>a", "c>b")).store
	got, _ := s.ListVertices()
	if d := cmp.Diff([]int{0, 1, 2}, got); d != "" {
		t.Errorf("ListVertices() (-want +got):\n%s", d)
	}
	if n, _ := s.VertexCount(); n != 3 {
		t.Errorf("VertexCount() = %d, want 3", n)
	}
	for _, v := range []int{-1, 3} {
		if _, _, err := s.Vertex(v); err != dgraph.ErrVertexNotFound {
			t.Errorf("Vertex(%d) error = %v, want ErrVertexNotFound", v, err)
		}
		if err := s.RemoveVertex(v); err != dgraph.ErrVertexNotFound {
			t.Errorf("RemoveVertex(%d) error = %v, want ErrVertexNotFound", v, err)
		}
	}
	if _, err := s.Edge(-1, 0); err != dgraph.ErrEdgeNotFound {
		t.Errorf("Edge(-1, 0) error = %v, want ErrEdgeNotFound", err)
	}
}

package graph

import (
	"testing"

	dgraph "github.com/dominikbraun/graph"
)

// TestGraphUsesDgraph checks that the lines live in the dominikbraun/graph
// instance: its counts and edges agree with our indexes, the kind and type
// in edge data.
func TestGraphUsesDgraph(t *testing.T) {
	g := Build(chart(append(tree, "x>cfo,cto~ceo:matrix,cfo", "y>x~y")...))
	order, err := g.dg.Order()
	if err != nil || order != g.Len() {
		t.Errorf("dgraph Order() = %d, %v, want %d", order, err, g.Len())
	}
	size, err := g.dg.Size()
	if err != nil || size != len(g.Lines()) || g.store.edgeCount() != size {
		t.Errorf("dgraph Size() = %d, %v, store edgeCount() = %d, want %d", size, err, g.store.edgeCount(), len(g.Lines()))
	}
	edges, err := g.dg.Edges()
	if err != nil || len(edges) != len(g.Lines()) {
		t.Fatalf("dgraph Edges() = %d edges, %v, want %d", len(edges), err, len(g.Lines()))
	}
	for _, l := range g.Lines() {
		e, err := g.dg.Edge(l.From, l.To)
		if err != nil {
			t.Errorf("dgraph Edge(%d, %d): %v", l.From, l.To, err)
			continue
		}
		data, ok := e.Properties.Data.(*lineData)
		if !ok || data.Kind != l.Kind || data.Type != l.Type || e.Source != l.From || e.Target != l.To {
			t.Errorf("dgraph Edge(%d, %d) = %d → %d, data %+v, want kind %v type %q", l.From, l.To, e.Source, e.Target, e.Properties.Data, l.Kind, l.Type)
		}
	}
	x, y, cfo := idx(t, g, "x"), idx(t, g, "y"), idx(t, g, "cfo")
	e, _ := g.dg.Edge(x, cfo)
	if d := e.Properties.Data.(*lineData); d.Kind != Solid {
		t.Errorf("edge x → cfo is %v, want solid (the dotted duplicate is dropped)", d.Kind)
	}
	if _, err := g.dg.Edge(cfo, x); err != dgraph.ErrEdgeNotFound {
		t.Errorf("dgraph Edge(cfo, x) error = %v, want ErrEdgeNotFound (edges point report → manager)", err)
	}
	if _, err := g.dg.Edge(y, y); err != nil {
		t.Errorf("dgraph Edge(y, y) error = %v, want the dotted self-line", err)
	}
}

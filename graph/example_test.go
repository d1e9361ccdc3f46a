package graph_test

import (
	"fmt"
	"slices"

	dgraph "github.com/dominikbraun/graph"
	"github.com/orgchart/orgchart/graph"
)

// Run dominikbraun/graph's own algorithms on a chart: the shortest path
// from an engineer up to the board (here through a dotted line), every
// entry the engineer reaches by solid or dotted lines, and a line's kind
// and type from its edge data.
func ExampleGraph_Dgraph() {
	people := []*graph.Person{
		{ID: "board"},
		{ID: "ceo", ReportsTo: []graph.Ref{{ID: "board"}}},
		{ID: "cto", ReportsTo: []graph.Ref{{ID: "ceo"}}},
		{ID: "audit", ReportsTo: []graph.Ref{{ID: "board"}}},
		{ID: "eng", ReportsTo: []graph.Ref{{ID: "cto"}}, Dotted: []graph.Ref{{ID: "audit", Type: "advisory"}}},
	}
	for i, p := range people {
		p.Index = i
	}
	g := graph.Build(&graph.Org{People: people})
	dg := g.Dgraph()
	id := func(i int) string { return g.Person(i).ID }

	eng, _ := g.Lookup("eng")
	board, _ := g.Lookup("board")
	path, err := dgraph.ShortestPath(dg, eng, board)
	if err != nil {
		fmt.Println(err)
		return
	}
	var names []string
	for _, i := range path {
		names = append(names, id(i))
	}
	fmt.Println(names) // edges point up, report → manager; dotted lines count

	var reached []string
	_ = dgraph.DFS(dg, eng, func(i int) bool {
		reached = append(reached, id(i))
		return false
	})
	slices.Sort(reached) // DFS visits in no fixed order
	fmt.Println(reached)

	audit, _ := g.Lookup("audit")
	e, _ := dg.Edge(eng, audit)
	line := e.Properties.Data.(*graph.Line)
	fmt.Println(id(e.Source), "→", id(e.Target), line.Kind, line.Type)
	// Output:
	// [eng audit board]
	// [audit board ceo cto eng]
	// eng → audit dotted advisory
}

package graph

import (
	dgraph "github.com/dominikbraun/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// LineKind tells a solid line (line management) from a dotted one (matrix,
// advisory, functional).
type LineKind uint8

// The kinds of reporting line.
const (
	Solid LineKind = iota + 1
	Dotted
)

// String returns "solid" or "dotted".
func (k LineKind) String() string {
	if k == Dotted {
		return "dotted"
	}
	return "solid"
}

// Line is one resolved reporting line between two entries, by index into
// Org.People, pointing from the report (From) to the manager (To).
type Line struct {
	From, To int
	Kind     LineKind
	Type     string   // dotted-line type as written ("advisory", ...), may be empty
	Pos      diag.Pos // where the line is written (the Ref's position)
}

// Graph is the reporting graph of an Org. It is read-only once built and safe
// for concurrent readers. Entries are addressed by their index in Org.People.
// References that do not resolve (ORG002) and entries whose id repeats an
// earlier one (ORG001; the first wins for lookups) are left out of the lines.
// Every query is at most linear in people plus lines.
//
// There is at most one line per ordered pair of entries: a repeated manager
// or dotted line is kept once, and a dotted line to an entry's own solid-line
// manager is dropped in favour of the solid one (ORG006 reports it from the
// Person's refs).
//
// The lines live in one place, a dominikbraun/graph directed graph (Dgraph)
// on a compact store (store.go) that keeps them grouped by report and by
// manager, which the queries read. Beside it the Graph keeps only what is
// not lines: an id index, the duplicates, and numberings computed once in
// Build (a pre-order numbering of the tree of first managers for levels,
// total reports and chain membership in O(1); the cycles). Nothing
// recurses, so a chain a million deep is fine. Build for a million people
// keeps about 130 MB.
type Graph struct {
	org *Org

	store *compactStore          // the lines
	dg    dgraph.Graph[int, int] // on store

	index *idIndex  // Key(id) → first entry with that key
	dup   vertexSet // entries whose key repeats an earlier entry's

	// Pre-order numbering of the first-manager forest (rooted at the tops)
	// and of the trees hanging from first-manager cycles (rooted at each
	// cycle entry, cycle edges left out): the entries below x are those
	// numbered in (tin[x], tout[x]).
	tin, tout []int32
	level     []int32 // -1 on or under a first-manager cycle
	// fcyc is nil when there is no first-manager cycle; else the id of the
	// cycle each entry is on or under, -1 elsewhere.
	fcyc      []int32
	fcycOn    vertexSet // entries on a first-manager cycle
	fcycTotal []int32   // per first-manager cycle: entries on or under it

	tops []int

	// Cycles of solid lines (strongly connected components).
	cycles [][]int
	scc    []int32 // nil when there are no cycles; else cycle index or -1
}

// vertexSet is a bitset of entry indices.
type vertexSet []uint64

func newVertexSet(n int) vertexSet { return make(vertexSet, (n+63)/64) }

func (s vertexSet) has(i int) bool {
	w := i >> 6
	return w < len(s) && s[w]&(1<<(i&63)) != 0
}

func (s vertexSet) add(i int) { s[i>>6] |= 1 << (i & 63) }

// Dgraph returns the reporting graph as a dominikbraun/graph directed
// graph, for running the library's algorithms on a chart. Its vertices are
// the entry indices (each its own value, hashed by dgraph.IntHash); its
// edges are the lines, pointing from the report to the manager, each with
// the *Line as its edge data (kind, type, position), which the caller must
// not modify. Edges carry no weights.
//
// The graph is read-only: AddVertex, AddEdge, UpdateEdge, RemoveEdge and
// RemoveVertex fail; Clone it for a copy to change.
//
// Mind dominikbraun/graph v0.23.0's costs and faults: its AdjacencyMap and
// PredecessorMap, and so every algorithm built on them (DFS, BFS,
// ShortestPath, StronglyConnectedComponents, Size ...), copy the whole
// graph into maps on each call (BenchmarkDgraph); TopologicalSort is
// quadratic; and StronglyConnectedComponents loses the vertex whose hash is
// the zero value, here entry 0 (it returns an empty component for it and
// leaves it on its stack, to be merged into another component or dropped).
// The Graph's own queries (Cycles, Chain, Subtree ...) copy nothing.
func (g *Graph) Dgraph() dgraph.Graph[int, int] { return g.dg }

// Org returns the chart the graph was built from.
func (g *Graph) Org() *Org { return g.org }

// Len returns the number of entries.
func (g *Graph) Len() int { return len(g.org.People) }

// Person returns entry i.
func (g *Graph) Person(i int) *Person { return g.org.People[i] }

// Lookup returns the index of the first entry whose Key equals Key(id).
func (g *Graph) Lookup(id string) (int, bool) {
	i, ok := g.index.lookup(Key(id))
	return int(i), ok
}

// IsDuplicate reports whether entry i repeats the id of an earlier entry
// (ORG001). Such an entry has no lines, is no top, and Lookup never
// returns it.
func (g *Graph) IsDuplicate(i int) bool { return g.dup.has(i) }

package graph

import (
	"errors"

	dgraph "github.com/dominikbraun/graph"
	"github.com/orgchart/orgchart/internal/huge"
)

// compactStore is the one place the reporting lines live: the
// dominikbraun/graph Store[int, int] of the reporting graph, laid out for
// the queries. Its vertices are the entry indices 0..n-1, each its own
// value; its edges are the lines, report → manager.
//
//   - lines holds every line grouped by report (compressed sparse rows):
//     report i's lines are lines[out[i]:out[i+1]], its solid lines first
//     (lines[out[i]:solid[i]]), then its dotted lines, each in the order
//     written.
//   - in is the reverse adjacency: the slots in lines of the lines into
//     each manager, in three buckets per manager, each in file order of the
//     reports: first-manager lines (the tree of first managers), the other
//     solid lines, the dotted lines. Manager t's bucket b is
//     in[inAt[3t+b]:inAt[3t+b+1]].
//
// An edge's data is a *Line into lines (kind, type and position); edges
// have no attributes or weights, vertices no properties.
//
// Build fills the store in bulk; it is read-only afterwards, so the graph
// is safe for concurrent readers: every dominikbraun/graph call that would
// change it fails with errReadOnly (Clone the graph to get a copy to
// change). Finding one edge walks its report's lines, which are few in an
// org chart.
//
// dominikbraun/graph's default store keeps two maps of maps and an
// attribute map per vertex and per edge: filling it with the lines of
// 100,000 people allocates 100 MB, keeps 32 MB and takes 180 ms of CPU
// (BenchmarkDefaultStore), where all of Build allocates 14 MB and takes
// 14 ms. This one keeps the 72-byte Line and a 4-byte reverse slot per
// line, and 20 bytes of index per entry. No library offers such a store,
// hence hand-written.
type compactStore struct {
	lines []Line
	out   []int32 // n+1 entries
	solid []int32 // n entries
	in    []int32 // len(lines) entries
	inAt  []int32 // 3n+1 entries
}

// The buckets of a manager's in-lines.
const (
	inFirst  = iota // lines from reports whose first manager it is
	inSolid         // other solid lines
	inDotted        // dotted lines
	inBuckets
)

var errReadOnly = errors.New("graph: the reporting graph is read-only; Clone it to change a copy")

var _ dgraph.Store[int, int] = (*compactStore)(nil)

// newCompactStore returns a store of n vertices with no lines; resolveLines
// fills lines, out and solid, then buildReverse the reverse adjacency.
func newCompactStore(n int) *compactStore {
	return &compactStore{out: huge.Make[int32](n+1, n+1), solid: huge.Make[int32](n, n)}
}

// len returns the number of vertices.
func (s *compactStore) len() int { return len(s.solid) }

// firstManager returns i's first solid-line manager, or -1.
func (s *compactStore) firstManager(i int) int {
	if k := s.out[i]; k < s.solid[i] {
		return s.lines[k].To
	}
	return -1
}

// bucket returns the slots of manager t's in-lines in bucket b.
func (s *compactStore) bucket(t, b int) []int32 {
	return s.in[s.inAt[inBuckets*t+b]:s.inAt[inBuckets*t+b+1]]
}

// buildReverse fills the reverse adjacency from lines, by a counting sort
// that keeps file order.
func (s *compactStore) buildReverse() {
	n := s.len()
	key := func(k int) int {
		l := &s.lines[k]
		switch {
		case l.Kind == Dotted:
			return inBuckets*l.To + inDotted
		case int32(k) == s.out[l.From]:
			return inBuckets*l.To + inFirst
		}
		return inBuckets*l.To + inSolid
	}
	// inAt first counts each bucket's lines at the bucket's index, then
	// holds running totals (bucket ends); placing the slots in reverse,
	// each at --end, leaves the bucket starts in place.
	s.inAt = huge.Make[int32](inBuckets*n+1, inBuckets*n+1)
	for k := range s.lines {
		s.inAt[key(k)]++
	}
	for b := 1; b < inBuckets*n; b++ {
		s.inAt[b] += s.inAt[b-1]
	}
	if n > 0 {
		s.inAt[inBuckets*n] = s.inAt[inBuckets*n-1]
	}
	s.in = huge.Make[int32](len(s.lines), len(s.lines))
	for k := len(s.lines) - 1; k >= 0; k-- {
		b := key(k)
		s.inAt[b]--
		s.in[s.inAt[b]] = int32(k)
	}
}

func (s *compactStore) has(v int) bool { return v >= 0 && v < s.len() }

// AddVertex fails: the store is read-only.
func (s *compactStore) AddVertex(int, int, dgraph.VertexProperties) error { return errReadOnly }

// Vertex returns the vertex hash, which is its own value, with no
// properties.
func (s *compactStore) Vertex(hash int) (int, dgraph.VertexProperties, error) {
	if !s.has(hash) {
		return 0, dgraph.VertexProperties{}, dgraph.ErrVertexNotFound
	}
	return hash, dgraph.VertexProperties{}, nil
}

// RemoveVertex fails: the store is read-only.
func (s *compactStore) RemoveVertex(hash int) error {
	if !s.has(hash) {
		return dgraph.ErrVertexNotFound
	}
	return errReadOnly
}

// ListVertices returns the vertices in increasing order.
func (s *compactStore) ListVertices() ([]int, error) {
	out := make([]int, s.len())
	for v := range out {
		out[v] = v
	}
	return out, nil
}

// VertexCount returns the number of vertices.
func (s *compactStore) VertexCount() (int, error) { return s.len(), nil }

// AddEdge fails: the store is read-only.
func (s *compactStore) AddEdge(int, int, dgraph.Edge[int]) error { return errReadOnly }

// UpdateEdge fails: the store is read-only.
func (s *compactStore) UpdateEdge(int, int, dgraph.Edge[int]) error { return errReadOnly }

// RemoveEdge fails: the store is read-only.
func (s *compactStore) RemoveEdge(int, int) error { return errReadOnly }

// find returns the slot of the line source → target, or -1.
func (s *compactStore) find(source, target int) int32 {
	if !s.has(source) {
		return -1
	}
	for k := s.out[source]; k < s.out[source+1]; k++ {
		if s.lines[k].To == target {
			return k
		}
	}
	return -1
}

func (s *compactStore) edge(k int32) dgraph.Edge[int] {
	l := &s.lines[k]
	return dgraph.Edge[int]{Source: l.From, Target: l.To, Properties: dgraph.EdgeProperties{Data: l}}
}

// Edge returns the edge source → target, or ErrEdgeNotFound. Its
// attributes are an empty map of its own, as dominikbraun/graph's
// UpdateEdge options write into it before the store refuses the update.
func (s *compactStore) Edge(source, target int) (dgraph.Edge[int], error) {
	k := s.find(source, target)
	if k < 0 {
		return dgraph.Edge[int]{}, dgraph.ErrEdgeNotFound
	}
	e := s.edge(k)
	e.Properties.Attributes = map[string]string{}
	return e, nil
}

// ListEdges returns every edge in the order of lines.
func (s *compactStore) ListEdges() ([]dgraph.Edge[int], error) {
	out := make([]dgraph.Edge[int], len(s.lines))
	for k := range out {
		out[k] = s.edge(int32(k))
	}
	return out, nil
}

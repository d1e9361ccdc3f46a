package graph

import (
	"runtime"
	"sync"

	dgraph "github.com/dominikbraun/graph"
	"github.com/orgchart/orgchart/internal/huge"
)

// Build builds the reporting graph of org. The graph refers to org's
// entries, which must not change afterwards.
func Build(org *Org) *Graph {
	n := len(org.People)
	g := &Graph{org: org, store: newCompactStore(n), index: newIDIndex(org.People), dup: newVertexSet(n)}
	g.resolveLines(g.indexEntries(), 0)
	g.store.buildReverse()
	g.findCycles(g.number())
	g.dg = dgraph.NewWithStore(dgraph.IntHash, dgraph.Store[int, int](g.store), dgraph.Directed())
	return g
}

// indexEntries fills the id index and the duplicates, and returns the
// number of references of the entries that are not duplicates.
func (g *Graph) indexEntries() int {
	nlines := 0
	for i, p := range g.org.People {
		k := Key(p.ID)
		if k == "" {
			continue // cannot be referred to
		}
		if !g.index.insert(k, int32(i)) {
			g.dup.add(i)
			continue
		}
		nlines += len(p.ReportsTo) + len(p.Dotted)
	}
	return nlines
}

// parallelBuildMin is the number of entries from which Build resolves the
// lines on several cores.
const parallelBuildMin = 1 << 16

// resolveLines fills the store's lines, out and solid. capacity is the
// number of references of the entries that are not duplicates. The entries
// are resolved in workers ranges on as many goroutines, whose lines are
// then joined in entry order; 0 workers means one per core (at most 8) for
// charts of parallelBuildMin entries or more, else one.
func (g *Graph) resolveLines(capacity, workers int) {
	n := len(g.org.People)
	s := g.store
	if workers == 0 {
		workers = 1
		if n >= parallelBuildMin {
			workers = min(runtime.GOMAXPROCS(0), 8)
		}
	}
	workers = min(workers, max(n, 1))
	if workers < 2 {
		s.lines = g.resolveRange(0, n, huge.Make[Line](0, capacity))
		s.out[n] = int32(len(s.lines))
		return
	}
	// Each range resolves into its own part of one slice, sized by the
	// range's references (an upper bound); the parts are then moved down
	// to follow each other.
	bounds := make([]int, workers+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lo, hi := w*n/workers, (w+1)*n/workers
			c := 0
			for i, p := range g.org.People[lo:hi] {
				if !g.dup.has(lo + i) {
					c += len(p.ReportsTo) + len(p.Dotted)
				}
			}
			bounds[w+1] = c
		})
	}
	wg.Wait()
	for w := range workers {
		bounds[w+1] += bounds[w]
	}
	all := huge.Make[Line](bounds[workers], bounds[workers])
	parts := make([][]Line, workers)
	for w := range workers {
		wg.Go(func() {
			lo, hi := w*n/workers, (w+1)*n/workers
			parts[w] = g.resolveRange(lo, hi, all[bounds[w]:bounds[w]:bounds[w+1]])
		})
	}
	wg.Wait()
	s.lines = all[:0]
	for w, part := range parts {
		if base := int32(len(s.lines)); base > 0 {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				s.out[i] += base
				s.solid[i] += base
			}
		}
		s.lines = append(s.lines, part...) // within all: a move down
	}
	s.out[n] = int32(len(s.lines))
}

// resolveRange appends to lines the lines of entries lo to hi-1 and sets
// their out and solid relative to the start of lines. It only reads the
// graph's id index, so ranges can be resolved concurrently.
func (g *Graph) resolveRange(lo, hi int, lines []Line) []Line {
	n := len(g.org.People)
	s := g.store
	seen := huge.Make[int32](n, n) // seen[t] == i+1: i already has a line to t
	// Neighbours in a file often share their manager: remember the last
	// reference resolved, which saves most map lookups.
	lastID, lastT, lastOK := "", int32(0), false
	add := func(i int, ref *Ref, kind LineKind) {
		if ref.ID != lastID || lastID == "" {
			lastID = ref.ID
			lastT, lastOK = g.index.lookup(Key(ref.ID))
		}
		t, ok := lastT, lastOK
		if !ok || seen[t] == int32(i+1) {
			return
		}
		seen[t] = int32(i + 1)
		lines = append(lines, Line{From: i, To: int(t), Kind: kind, Type: ref.Type, Pos: ref.Pos})
	}
	for i := lo; i < hi; i++ {
		p := g.org.People[i]
		s.out[i] = int32(len(lines))
		if !g.dup.has(i) {
			for r := range p.ReportsTo {
				add(i, &p.ReportsTo[r], Solid)
			}
		}
		s.solid[i] = int32(len(lines))
		if !g.dup.has(i) {
			for r := range p.Dotted {
				add(i, &p.Dotted[r], Dotted)
			}
		}
	}
	return lines
}

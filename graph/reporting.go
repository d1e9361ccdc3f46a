package graph

import (
	"fmt"
	"runtime"
	"slices"
	"sync"

	dgraph "github.com/dominikbraun/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/huge"
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
// The lines are held in a dominikbraun/graph directed graph whose vertices
// are entry indices and whose edges (report → manager) carry the line's kind
// and type as edge data, on a compact store (store.go). The queries are
// answered from indexes computed once in Build, without copying the graph
// (dominikbraun/graph's AdjacencyMap and PredecessorMap copy it; its
// TopologicalSort is quadratic): an id index, lines grouped by report,
// reports grouped by manager, a pre-order numbering of the tree of first
// managers (levels, total reports, chain membership in O(1)), and the
// cycles: those of first managers, or, when some entry has two solid-line
// managers, one iterative Tarjan pass. Nothing recurses, so a chain a
// million deep is fine. Build for a million people takes about 200 MB.
type Graph struct {
	org *Org

	dg    dgraph.Graph[int, int]
	store *compactStore

	index *idIndex  // Key(id) → first entry with that key
	dup   vertexSet // entries whose key repeats an earlier entry's

	// lines holds every resolved line grouped by report (From ascending);
	// each report's solid lines come first, then its dotted lines, each in
	// the order written. Entry i's lines are lines[outStart[i]:outStart[i+1]],
	// its solid lines lines[outStart[i]:solidEnd[i]].
	lines    []Line
	outStart []int32
	solidEnd []int32

	repStart []int32 // Reports(i) = reports[repStart[i]:repStart[i+1]]
	reports  []int
	dinStart []int32 // DottedTo(i) = dottedIn[dinStart[i]:dinStart[i+1]]
	dottedIn []Line

	// The tree of first managers: kids(i) are the entries whose first
	// manager is i, in file order.
	kidStart []int32
	kids     []int32

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

// lineData is the data of a dominikbraun/graph edge: the line's kind and
// type. One value is shared by every line of the same kind and type.
type lineData struct {
	Kind LineKind
	Type string
}

// Build builds the reporting graph of org. The graph refers to org's
// entries, which must not change afterwards.
func Build(org *Org) *Graph {
	return build(org, nil)
}

// build builds the graph into dg, or into a new graph on a compact store
// when dg is nil (benchmarks compare with dominikbraun/graph's default
// store).
func build(org *Org, dg dgraph.Graph[int, int]) *Graph {
	n := len(org.People)
	g := &Graph{org: org, index: newIDIndex(org.People), dup: newVertexSet(n)}
	g.resolveLines(g.indexEntries(), 0)
	if n < parallelBuildMin || runtime.GOMAXPROCS(0) < 2 {
		g.buildDgraph(dg)
		g.buildInverse()
		g.findCycles(g.number())
		return g
	}
	// The dominikbraun/graph graph and the indexes are built from the
	// lines independently of each other.
	var wg sync.WaitGroup
	wg.Go(func() { g.buildDgraph(dg) })
	g.buildInverse()
	cycles := g.number()
	wg.Wait()
	g.findCycles(cycles)
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

// resolveLines fills lines, outStart and solidEnd. capacity is the number
// of references of the entries that are not duplicates. The entries are
// resolved in workers ranges on as many goroutines, whose lines are then
// joined in entry order; 0 workers means one per core (at most 8) for
// charts of parallelBuildMin entries or more, else one.
func (g *Graph) resolveLines(capacity, workers int) {
	n := len(g.org.People)
	g.outStart = huge.Make[int32](n+1, n+1)
	g.solidEnd = huge.Make[int32](n, n)
	if workers == 0 {
		workers = 1
		if n >= parallelBuildMin {
			workers = min(runtime.GOMAXPROCS(0), 8)
		}
	}
	workers = min(workers, max(n, 1))
	if workers < 2 {
		g.lines = g.resolveRange(0, n, huge.Make[Line](0, capacity))
		g.outStart[n] = int32(len(g.lines))
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
	g.lines = all[:0]
	for w, part := range parts {
		if base := int32(len(g.lines)); base > 0 {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				g.outStart[i] += base
				g.solidEnd[i] += base
			}
		}
		g.lines = append(g.lines, part...) // within all: a move down
	}
	g.outStart[n] = int32(len(g.lines))
}

// resolveRange appends to lines the lines of entries lo to hi-1 and sets
// their outStart and solidEnd relative to the start of lines. It only reads
// the graph's id index, so ranges can be resolved concurrently.
func (g *Graph) resolveRange(lo, hi int, lines []Line) []Line {
	n := len(g.org.People)
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
		g.outStart[i] = int32(len(lines))
		if !g.dup.has(i) {
			for r := range p.ReportsTo {
				add(i, &p.ReportsTo[r], Solid)
			}
		}
		g.solidEnd[i] = int32(len(lines))
		if !g.dup.has(i) {
			for r := range p.Dotted {
				add(i, &p.Dotted[r], Dotted)
			}
		}
	}
	return lines
}

// solidLine is the edge data of every untyped solid line.
var solidLine = &lineData{Kind: Solid}

// buildDgraph puts the entries and lines into a dominikbraun/graph graph:
// into dg when given, else into a new graph on a compact store.
//
// The compact store is filled directly rather than through the graph's
// AddVertex and AddEdge, which allocate an attribute map per call (two
// million maps for a million people, a third of the build time). The
// invariants those calls check hold by construction: the vertices are
// 0..n-1 and resolveLines keeps at most one line per ordered pair.
func (g *Graph) buildDgraph(dg dgraph.Graph[int, int]) {
	data := map[lineData]*lineData{{Kind: Solid}: solidLine}
	edgeData := func(l *Line) *lineData {
		if l.Kind == Solid && l.Type == "" {
			return solidLine
		}
		d, ok := data[lineData{l.Kind, l.Type}]
		if !ok {
			d = &lineData{l.Kind, l.Type}
			data[*d] = d
		}
		return d
	}
	if dg == nil {
		g.store = newCompactStore(len(g.org.People), len(g.lines))
		g.store.addVertices(len(g.org.People))
		for k := range g.lines {
			l := &g.lines[k]
			g.store.appendEdge(l.From, l.To, edgeData(l))
		}
		g.dg = dgraph.NewWithStore(dgraph.IntHash, dgraph.Store[int, int](g.store), dgraph.Directed())
		return
	}
	g.dg = dg
	for i := range g.org.People {
		if err := dg.AddVertex(i); err != nil {
			panic(fmt.Sprintf("graph: add vertex %d: %v", i, err)) // cannot happen: indices are distinct
		}
	}
	for k := range g.lines {
		l := &g.lines[k]
		if err := dg.AddEdge(l.From, l.To, dgraph.EdgeData(edgeData(l))); err != nil {
			panic(fmt.Sprintf("graph: add line %d → %d: %v", l.From, l.To, err)) // cannot happen: lines are distinct
		}
	}
}

// firstManager returns i's first solid-line manager, or -1.
func (g *Graph) firstManager(i int) int {
	if s := g.outStart[i]; s < g.solidEnd[i] {
		return g.lines[s].To
	}
	return -1
}

// buildInverse fills the reports, dotted-in and first-manager-children
// indexes, by counting sorts that keep file order.
func (g *Graph) buildInverse() {
	n := len(g.org.People)
	// Each start array first counts its bucket's entries at the bucket's
	// index, then holds running totals (bucket ends); placing the entries
	// in reverse, each at --end, leaves the bucket starts in place.
	g.repStart = huge.Make[int32](n+1, n+1)
	g.dinStart = huge.Make[int32](n+1, n+1)
	g.kidStart = huge.Make[int32](n+1, n+1)
	ndotted := 0
	for _, l := range g.lines {
		if l.Kind == Solid {
			g.repStart[l.To]++
		} else {
			g.dinStart[l.To]++
			ndotted++
		}
	}
	for i := range n {
		if m := g.firstManager(i); m >= 0 {
			g.kidStart[m]++
		}
	}
	for i := 1; i < n; i++ {
		g.repStart[i] += g.repStart[i-1]
		g.dinStart[i] += g.dinStart[i-1]
		g.kidStart[i] += g.kidStart[i-1]
	}
	if n > 0 {
		g.repStart[n], g.dinStart[n], g.kidStart[n] = g.repStart[n-1], g.dinStart[n-1], g.kidStart[n-1]
	}
	g.reports = huge.Make[int](int(g.repStart[n]), int(g.repStart[n]))
	g.dottedIn = make([]Line, ndotted)
	g.kids = huge.Make[int32](int(g.kidStart[n]), int(g.kidStart[n]))
	for k := len(g.lines) - 1; k >= 0; k-- {
		l := &g.lines[k]
		if l.Kind == Solid {
			g.repStart[l.To]--
			g.reports[g.repStart[l.To]] = l.From
		} else {
			g.dinStart[l.To]--
			g.dottedIn[g.dinStart[l.To]] = *l
		}
	}
	for i := n - 1; i >= 0; i-- {
		if m := g.firstManager(i); m >= 0 {
			g.kidStart[m]--
			g.kids[g.kidStart[m]] = int32(i)
		}
	}
}

// treeFrame is a frame of an iterative depth-first walk down first-manager
// children.
type treeFrame struct {
	v, k int32 // entry, next child position in kids
}

// number numbers the first-manager forest and the trees hanging from
// first-manager cycles (see Graph.tin), and computes levels and tops. It
// returns the cycles of first managers, each in line order.
func (g *Graph) number() [][]int32 {
	n := len(g.org.People)
	g.tin = huge.Make[int32](n, n)
	g.tout = huge.Make[int32](n, n)
	g.level = huge.Make[int32](n, n)
	for i := range g.level {
		g.level[i] = -1
	}
	var (
		counter int32
		stack   []treeFrame
	)
	// walk numbers the tree below root; on a cycle (cid >= 0) it leaves
	// out the children on the cycle and records cid.
	walk := func(root int32, cid int32) {
		g.tin[root] = counter
		counter++
		stack = append(stack[:0], treeFrame{root, g.kidStart[root]})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.k == g.kidStart[f.v+1] {
				g.tout[f.v] = counter
				stack = stack[:len(stack)-1]
				continue
			}
			c := g.kids[f.k]
			f.k++
			if cid >= 0 {
				if g.fcycOn.has(int(c)) {
					continue
				}
				g.fcyc[c] = cid
			} else {
				g.level[c] = g.level[f.v] + 1
			}
			g.tin[c] = counter
			counter++
			stack = append(stack, treeFrame{c, g.kidStart[c]})
		}
	}
	for i := range n {
		if g.firstManager(i) < 0 {
			g.level[i] = 0
			if !g.dup.has(i) {
				g.tops = append(g.tops, i)
			}
			walk(int32(i), -1)
		}
	}
	if int(counter) == n {
		return nil
	}

	// The entries not numbered yet are on or under a cycle of first
	// managers: each follows its first managers into exactly one cycle.
	g.fcyc = make([]int32, n)
	for i := range g.fcyc {
		g.fcyc[i] = -1
	}
	g.fcycOn = newVertexSet(n)
	visit := make([]int32, n) // visit[x] == v+1: reached by the walk from v
	var cycles [][]int32
	for v := range n {
		if g.level[v] >= 0 || visit[v] != 0 {
			continue
		}
		x := v
		for g.level[x] < 0 && visit[x] == 0 {
			visit[x] = int32(v + 1)
			x = g.firstManager(x)
		}
		if g.level[x] >= 0 || visit[x] != int32(v+1) {
			continue // reached a part already known
		}
		cid := int32(len(cycles))
		var cyc []int32
		for y := x; ; {
			g.fcycOn.add(y)
			g.fcyc[y] = cid
			cyc = append(cyc, int32(y))
			if y = g.firstManager(y); y == x {
				break
			}
		}
		cycles = append(cycles, cyc)
	}
	g.fcycTotal = make([]int32, len(cycles))
	for cid, cyc := range cycles {
		for _, c := range cyc {
			walk(c, int32(cid))
			g.fcycTotal[cid] += g.tout[c] - g.tin[c]
		}
	}
	return cycles
}

// sccFrame is a frame of the iterative Tarjan walk.
type sccFrame struct {
	v int32
	e int32 // next solid line of v to follow
}

// findCycles finds the strongly connected components of the solid lines
// with Tarjan's algorithm, iteratively, and keeps those that are cycles.
// When no entry has two solid lines, the solid lines are the first-manager
// lines and their cycles are first, the cycles of first managers found by
// number.
func (g *Graph) findCycles(first [][]int32) {
	n := len(g.org.People)
	dual := false
	for i := range n {
		if g.solidEnd[i]-g.outStart[i] > 1 {
			dual = true
			break
		}
	}
	if !dual {
		for _, c := range first {
			// Start from the lowest entry; the order stays line order.
			k := slices.Index(c, slices.Min(c))
			g.addCycle(append(c[k:len(c):len(c)], c[:k]...))
		}
		g.sortCycles()
		return
	}
	g.tarjan()
}

// sortCycles sorts the cycles by first index and renumbers scc to match.
func (g *Graph) sortCycles() {
	slices.SortFunc(g.cycles, func(a, b []int) int { return a[0] - b[0] })
	for c, cyc := range g.cycles {
		for _, m := range cyc {
			g.scc[m] = int32(c)
		}
	}
}

// tarjan finds the cycles of solid lines as strongly connected components
// (Tarjan's algorithm, iteratively) and orders each in line order.
func (g *Graph) tarjan() {
	n := len(g.org.People)
	idx := make([]int32, n) // 0: not visited; else 1 + visiting order
	low := make([]int32, n)
	onStack := newVertexSet(n)
	var (
		counter int32
		stack   []int32 // Tarjan's stack
		calls   []sccFrame
	)
	for s := range n {
		if idx[s] != 0 {
			continue
		}
		if g.solidEnd[s] == g.outStart[s] {
			counter++
			idx[s] = counter // no solid line: a component of its own, not a cycle
			continue
		}
		counter++
		idx[s], low[s] = counter, counter
		stack = append(stack, int32(s))
		onStack.add(s)
		calls = append(calls, sccFrame{int32(s), g.outStart[s]})
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.e < g.solidEnd[v] {
				w := int32(g.lines[f.e].To)
				f.e++
				if idx[w] == 0 {
					counter++
					idx[w], low[w] = counter, counter
					stack = append(stack, w)
					onStack.add(int(w))
					calls = append(calls, sccFrame{w, g.outStart[w]})
				} else if onStack.has(int(w)) {
					low[v] = min(low[v], idx[w])
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				u := calls[len(calls)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] != idx[v] {
				continue
			}
			// v is the root of a component: pop it.
			k := len(stack) - 1
			for stack[k] != v {
				k--
			}
			members := stack[k:]
			for _, m := range members {
				onStack[m>>6] &^= 1 << (m & 63)
			}
			if len(members) > 1 || g.hasSolidLine(int(v), int(v)) {
				g.addCycle(members)
			}
			stack = stack[:k]
		}
	}
	if g.scc == nil {
		return
	}
	// Order each cycle: a walk from its lowest entry following solid lines
	// in the order written, within the cycle (depth first, pre-order).
	seen := idx // reuse: cleared for the members as they are placed
	for c, members := range g.cycles {
		start := slices.Min(members)
		order := append(make([]int, 0, len(members)), start)
		seen[start] = 0
		var st []sccFrame
		st = append(st, sccFrame{int32(start), g.outStart[start]})
		for len(st) > 0 {
			f := &st[len(st)-1]
			if f.e == g.solidEnd[f.v] {
				st = st[:len(st)-1]
				continue
			}
			w := g.lines[f.e].To
			f.e++
			if g.scc[w] == int32(c) && seen[w] != 0 {
				seen[w] = 0
				order = append(order, w)
				st = append(st, sccFrame{int32(w), g.outStart[w]})
			}
		}
		g.cycles[c] = order
	}
	g.sortCycles()
}

// addCycle records a strongly connected component that is a cycle.
func (g *Graph) addCycle(members []int32) {
	if g.scc == nil {
		g.scc = make([]int32, len(g.org.People))
		for i := range g.scc {
			g.scc[i] = -1
		}
	}
	c := make([]int, len(members))
	for i, m := range members {
		c[i] = int(m)
		g.scc[m] = int32(len(g.cycles))
	}
	g.cycles = append(g.cycles, c)
}

// hasSolidLine reports whether from has a solid line to to.
func (g *Graph) hasSolidLine(from, to int) bool {
	for _, l := range g.lines[g.outStart[from]:g.solidEnd[from]] {
		if l.To == to {
			return true
		}
	}
	return false
}

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

// Lines returns every resolved line, grouped by report in file order; each
// report's solid lines come before its dotted ones, each in the order
// written. The caller must not modify the slice.
func (g *Graph) Lines() []Line { return g.lines }

// lineSlice returns lines[a:b] capped, or nil when empty.
func (g *Graph) lineSlice(a, b int32) []Line {
	if a == b {
		return nil
	}
	return g.lines[a:b:b]
}

// Managers returns i's resolved solid lines (to its managers), in the order
// written. The caller must not modify the slice.
func (g *Graph) Managers(i int) []Line { return g.lineSlice(g.outStart[i], g.solidEnd[i]) }

// Manager returns i's first resolved solid-line manager, or -1.
func (g *Graph) Manager(i int) int { return g.firstManager(i) }

// Reports returns the entries with a solid line to i, in file order. The
// caller must not modify the slice.
func (g *Graph) Reports(i int) []int {
	a, b := g.repStart[i], g.repStart[i+1]
	if a == b {
		return nil
	}
	return g.reports[a:b:b]
}

// DottedFrom returns i's resolved dotted lines, in the order written. The
// caller must not modify the slice.
func (g *Graph) DottedFrom(i int) []Line { return g.lineSlice(g.solidEnd[i], g.outStart[i+1]) }

// DottedTo returns the resolved dotted lines into i, in file order of their
// reports. The caller must not modify the slice.
func (g *Graph) DottedTo(i int) []Line {
	a, b := g.dinStart[i], g.dinStart[i+1]
	if a == b {
		return nil
	}
	return g.dottedIn[a:b:b]
}

// onFirstCycle reports whether i is on a cycle of first managers.
func (g *Graph) onFirstCycle(i int) bool { return g.fcyc != nil && g.fcycOn.has(i) }

// Chain returns i's chain of command: its first manager, that manager's first
// manager, and so on up to a top. It stops before an entry would repeat (a
// cycle), so it is always finite; it does not contain i.
func (g *Graph) Chain(i int) []int {
	if l := g.level[i]; l >= 0 {
		if l == 0 {
			return nil
		}
		out := make([]int, 0, l)
		for x := g.firstManager(i); x >= 0; x = g.firstManager(x) {
			out = append(out, x)
		}
		return out
	}
	var out []int
	x := g.firstManager(i)
	if g.onFirstCycle(i) {
		for ; x != i; x = g.firstManager(x) {
			out = append(out, x)
		}
		return out
	}
	for !g.onFirstCycle(x) {
		out = append(out, x)
		x = g.firstManager(x)
	}
	c := x
	out = append(out, c)
	for x = g.firstManager(c); x != c; x = g.firstManager(x) {
		out = append(out, x)
	}
	return out
}

// below reports whether b is numbered inside a's subtree, a excluded.
func (g *Graph) below(a, b int) bool {
	return g.tin[a] < g.tin[b] && g.tin[b] < g.tout[a]
}

// InChain reports whether a is in b's chain of command. It takes constant
// time.
func (g *Graph) InChain(a, b int) bool {
	if a == b {
		return false
	}
	if g.level[b] >= 0 {
		return g.level[a] >= 0 && g.below(a, b)
	}
	if g.fcyc[a] != g.fcyc[b] {
		return false
	}
	return g.onFirstCycle(a) || g.below(a, b)
}

// Level returns the number of solid lines from i up to its top (0 for a top),
// following first managers; -1 when i is on or under a cycle.
//
// "On or under a cycle" means that following first managers from i never
// reaches a top.
func (g *Graph) Level(i int) int { return int(g.level[i]) }

// Tops returns the entries with no resolved solid-line manager, in file order.
// Entries that repeat an earlier id (IsDuplicate) are not tops. The caller
// must not modify the slice.
func (g *Graph) Tops() []int { return g.tops }

// Span returns the number of direct solid-line reports of i.
func (g *Graph) Span(i int) int { return int(g.repStart[i+1] - g.repStart[i]) }

// TotalReports returns the number of entries below i (transitively, solid
// lines, following first managers), not counting i.
//
// For an entry on a cycle of first managers, that is every other entry on
// the cycle or under it.
func (g *Graph) TotalReports(i int) int {
	if g.onFirstCycle(i) {
		return int(g.fcycTotal[g.fcyc[i]]) - 1
	}
	return int(g.tout[i]-g.tin[i]) - 1
}

// Subtree returns root and the entries below it down to depth levels (depth
// < 0: all levels; 0: root alone), in pre-order with children in file order.
//
// Children are the entries whose first manager is the parent, so every entry
// appears once (Subtree(root, -1) has TotalReports(root)+1 entries); on a
// cycle of first managers the walk stops when it comes back to root.
func (g *Graph) Subtree(root, depth int) []int {
	size := 1
	if depth < 0 {
		size += g.TotalReports(root)
	}
	out := make([]int, 1, size)
	out[0] = root
	if depth == 0 {
		return out
	}
	type frame struct{ v, k, d int32 }
	st := []frame{{int32(root), g.kidStart[root], 0}}
	for len(st) > 0 {
		f := &st[len(st)-1]
		if f.k == g.kidStart[f.v+1] || (depth >= 0 && int(f.d) >= depth) {
			st = st[:len(st)-1]
			continue
		}
		c := g.kids[f.k]
		f.k++
		if int(c) == root {
			continue
		}
		out = append(out, int(c))
		st = append(st, frame{c, g.kidStart[c], f.d + 1})
	}
	return out
}

// Cycles returns every cycle of solid lines (a strongly connected component of
// two or more entries, or a self-loop), each as the entries in line order
// starting from its lowest index, the list sorted by first index.
//
// "Line order" follows each entry's solid lines in the order written: for a
// simple cycle each entry is followed by its manager on the cycle; a
// component with more lines than a simple cycle (dual reporting) is listed
// in depth-first pre-order along those lines. The caller must not modify
// the result.
func (g *Graph) Cycles() [][]int { return g.cycles }

// OnCycle reports whether i is on a cycle of solid lines (one of Cycles).
func (g *Graph) OnCycle(i int) bool { return g.scc != nil && g.scc[i] >= 0 }

package graph

import "github.com/orgchart/orgchart/internal/huge"

// The tree of first managers: each entry hangs from its first solid-line
// manager (the store's first-manager in-lines are its children). Its
// pre-order numbering, computed once in Build, answers levels, total
// reports and chain membership in constant time.
//
// The walks are written by hand over the store rather than done with
// dominikbraun/graph's DFS or BFS: in v0.23.0 those start from the graph's
// AdjacencyMap, which the library builds by copying every vertex and edge
// into maps on each call, and a Store has no way to answer it directly.
// Measured on a 100,000-person chart (BenchmarkDgraph): AdjacencyMap takes
// 36 ms and 61 MB; a DFS from a leaf 43 ms and 61 MB, where Chain takes
// 50 ns. Its TopologicalSort, which levels could come from, is quadratic:
// 42 ms and 35 MB for 1,000 people, 209 ms and 141 MB for 2,000.

// treeFrame is a frame of an iterative depth-first walk down first-manager
// children.
type treeFrame struct {
	v, k int32 // entry, position in the store's in of its next child
}

// kidsAt returns the positions in the store's in of v's first-manager
// children.
func (s *compactStore) kidsAt(v int32) (from, to int32) {
	b := inBuckets*v + inFirst
	return s.inAt[b], s.inAt[b+1]
}

// kid returns the child at position k of the store's in.
func (s *compactStore) kid(k int32) int32 { return int32(s.lines[s.in[k]].From) }

// number numbers the first-manager forest and the trees hanging from
// first-manager cycles (see Graph.tin), and computes levels and tops. It
// returns the cycles of first managers, each in line order.
func (g *Graph) number() [][]int32 {
	n := len(g.org.People)
	s := g.store
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
		k, _ := s.kidsAt(root)
		stack = append(stack[:0], treeFrame{root, k})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if _, end := s.kidsAt(f.v); f.k == end {
				g.tout[f.v] = counter
				stack = stack[:len(stack)-1]
				continue
			}
			c := s.kid(f.k)
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
			k, _ := s.kidsAt(c)
			stack = append(stack, treeFrame{c, k})
		}
	}
	for i := range n {
		if s.firstManager(i) < 0 {
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
			x = s.firstManager(x)
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
			if y = s.firstManager(y); y == x {
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

// onFirstCycle reports whether i is on a cycle of first managers.
func (g *Graph) onFirstCycle(i int) bool { return g.fcyc != nil && g.fcycOn.has(i) }

// Chain returns i's chain of command: its first manager, that manager's first
// manager, and so on up to a top. It stops before an entry would repeat (a
// cycle), so it is always finite; it does not contain i.
func (g *Graph) Chain(i int) []int {
	s := g.store
	if l := g.level[i]; l >= 0 {
		if l == 0 {
			return nil
		}
		out := make([]int, 0, l)
		for x := s.firstManager(i); x >= 0; x = s.firstManager(x) {
			out = append(out, x)
		}
		return out
	}
	var out []int
	x := s.firstManager(i)
	if g.onFirstCycle(i) {
		for ; x != i; x = s.firstManager(x) {
			out = append(out, x)
		}
		return out
	}
	for !g.onFirstCycle(x) {
		out = append(out, x)
		x = s.firstManager(x)
	}
	c := x
	out = append(out, c)
	for x = s.firstManager(c); x != c; x = s.firstManager(x) {
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
	s := g.store
	size := 1
	if depth < 0 {
		size += g.TotalReports(root)
	}
	out := make([]int, 1, size)
	out[0] = root
	if depth == 0 {
		return out
	}
	type frame struct{ v, k, end, d int32 }
	k, end := s.kidsAt(int32(root))
	st := []frame{{int32(root), k, end, 0}}
	for len(st) > 0 {
		f := &st[len(st)-1]
		if f.k == f.end || (depth >= 0 && int(f.d) >= depth) {
			st = st[:len(st)-1]
			continue
		}
		c := s.kid(f.k)
		f.k++
		if int(c) == root {
			continue
		}
		out = append(out, int(c))
		k, end := s.kidsAt(c)
		st = append(st, frame{c, k, end, f.d + 1})
	}
	return out
}

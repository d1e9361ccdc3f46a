package graph

import "slices"

// Roots returns the entries from which Subtree(root, -1) reaches every entry
// exactly once, for drawing a whole chart: first the entries with no
// resolved solid-line manager (the tops and the entries that repeat an
// earlier id), in file order, then the lowest entry of each cycle of first
// managers (whose members no top reaches), in file order. It takes linear
// time.
func (g *Graph) Roots() []int {
	n := g.Len()
	var roots []int
	// state: 0 unvisited, 1 on the current walk, 2 done.
	state := make([]uint8, n)
	for i := range n {
		if g.Manager(i) < 0 {
			roots = append(roots, i)
			state[i] = 2
		}
	}
	var cycleRoots []int
	var walk []int
	for i := range n {
		walk = walk[:0]
		x := i
		for x >= 0 && state[x] == 0 {
			state[x] = 1
			walk = append(walk, x)
			x = g.Manager(x)
		}
		if x >= 0 && state[x] == 1 {
			// x is on a new cycle of first managers: its lowest member.
			low := x
			for y := g.Manager(x); y != x; y = g.Manager(y) {
				low = min(low, y)
			}
			cycleRoots = append(cycleRoots, low)
		}
		for _, y := range walk {
			state[y] = 2
		}
	}
	slices.Sort(cycleRoots)
	return append(roots, cycleRoots...)
}

// Assistant returns the entry that entry i assists (Person.AssistantTo,
// resolved like any reference), or -1 when i is no assistant, the reference
// does not resolve, names i itself, or i repeats an earlier id.
func (g *Graph) Assistant(i int) int {
	p := g.Person(i)
	if p.AssistantTo == nil || g.IsDuplicate(i) {
		return -1
	}
	m, ok := g.Lookup(p.AssistantTo.ID)
	if !ok || m == i {
		return -1
	}
	return m
}

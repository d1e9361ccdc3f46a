package graph

// The queries on lines read the store: a report's lines are a slice of
// it, a manager's are gathered from its reverse adjacency.

// Lines returns every resolved line, grouped by report in file order; each
// report's solid lines come before its dotted ones, each in the order
// written. The caller must not modify the slice.
func (g *Graph) Lines() []Line { return g.store.lines }

// lineSlice returns the store's lines[a:b] capped, or nil when empty.
func (g *Graph) lineSlice(a, b int32) []Line {
	if a == b {
		return nil
	}
	return g.store.lines[a:b:b]
}

// Managers returns i's resolved solid lines (to its managers), in the order
// written. The caller must not modify the slice.
func (g *Graph) Managers(i int) []Line { return g.lineSlice(g.store.out[i], g.store.solid[i]) }

// Manager returns i's first resolved solid-line manager, or -1.
func (g *Graph) Manager(i int) int { return g.store.firstManager(i) }

// DottedFrom returns i's resolved dotted lines, in the order written. The
// caller must not modify the slice.
func (g *Graph) DottedFrom(i int) []Line { return g.lineSlice(g.store.solid[i], g.store.out[i+1]) }

// Reports returns the entries with a solid line to i, in file order, in a
// new slice.
func (g *Graph) Reports(i int) []int {
	s := g.store
	// Both buckets are in file order of the reports: merge them.
	a, b := s.bucket(i, inFirst), s.bucket(i, inSolid)
	if len(a)+len(b) == 0 {
		return nil
	}
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		// Slots are in file order of their reports, so they compare as
		// the reports do.
		if len(b) == 0 || len(a) > 0 && a[0] < b[0] {
			out, a = append(out, s.lines[a[0]].From), a[1:]
		} else {
			out, b = append(out, s.lines[b[0]].From), b[1:]
		}
	}
	return out
}

// DottedTo returns the resolved dotted lines into i, in file order of their
// reports, in a new slice.
func (g *Graph) DottedTo(i int) []Line {
	s := g.store
	in := s.bucket(i, inDotted)
	if len(in) == 0 {
		return nil
	}
	out := make([]Line, len(in))
	for k, slot := range in {
		out[k] = s.lines[slot]
	}
	return out
}

// Span returns the number of direct solid-line reports of i.
func (g *Graph) Span(i int) int {
	s := g.store
	return int(s.inAt[inBuckets*i+inDotted] - s.inAt[inBuckets*i+inFirst])
}

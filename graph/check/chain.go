package check

import (
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// chain is a path up a chain of command: from an entry through its first
// managers to a target above it.
type chain struct {
	from  int
	steps []int // the managers, in order, ending at the target
}

// walkTo returns the chain from i up to target, which must be in i's chain
// of command (as found by an ancestors finder); target -1 walks to the top,
// for entries not on or under a cycle (Level >= 0). The walk is bounded by
// the number of entries, so a wrong target cannot make it loop.
func walkTo(g *graph.Graph, i, target int) chain {
	c := chain{from: i}
	for cur, n := i, 0; n < g.Len(); n++ {
		m := g.Manager(cur)
		if m < 0 {
			break
		}
		c.steps = append(c.steps, m)
		if m == target {
			break
		}
		cur = m
	}
	return c
}

// target returns the last entry of the chain (-1 when empty).
func (c chain) target() int {
	if len(c.steps) == 0 {
		return -1
	}
	return c.steps[len(c.steps)-1]
}

// via returns ` via "a", "b"` for the intermediate managers, or "".
func (c chain) via(g *graph.Graph) string {
	if len(c.steps) < 2 {
		return ""
	}
	return " via " + quoteAll(g, c.steps[:len(c.steps)-1])
}

// evidence returns a related position at each reports_to line of the chain
// and the lines themselves, for a renderer to draw.
func (c chain) evidence(g *graph.Graph) ([]diag.Related, []diag.Edge) {
	var rel []diag.Related
	var lines []diag.Edge
	cur := c.from
	for _, m := range c.steps {
		from, to := g.Person(cur), g.Person(m)
		pos := from.At("reports_to")
		for _, l := range g.Managers(cur) {
			if l.To == m {
				pos = l.Pos
				break
			}
		}
		rel = append(rel, diag.Related{Pos: pos, Message: diag.Quote(from.ID) + " reports to " + diag.Quote(to.ID) + " here"})
		lines = append(lines, diag.Edge{From: from.ID, To: to.ID})
		cur = m
	}
	return rel, lines
}

// Entry states of the ancestors finder's memo.
const (
	memoUnknown  = -3 // not computed yet
	memoVisiting = -2 // on the current walk
	memoNone     = -1 // no matching entry above
)

// ancestors finds the nearest entry above an entry in its chain of command
// (first solid-line managers, as graph.Graph.Chain follows them) that
// satisfies match. Results are memoised, so asking for every entry of the
// chart costs time linear in people: each entry's manager is looked at once.
// It is written by hand because dominikbraun/graph offers no memoised
// ancestor search and its algorithms copy the whole graph per call.
//
// On a cycle of solid lines (ORG003), an entry's chain runs round the cycle
// and stops before it would come back to the entry, as graph.Graph.Chain
// does; entries below a cycle see the cycle's members from where they join.
type ancestors struct {
	g     *graph.Graph
	match func(int) bool
	memo  []int32
	stack []int
}

func newAncestors(g *graph.Graph, match func(*graph.Person) bool) *ancestors {
	memo := make([]int32, g.Len())
	for i := range memo {
		memo[i] = memoUnknown
	}
	return &ancestors{g: g, match: func(i int) bool { return match(g.Person(i)) }, memo: memo}
}

// find returns the nearest entry above i that matches, or -1.
func (a *ancestors) find(i int) int {
	if a.memo[i] >= memoNone {
		return int(a.memo[i])
	}
	stack := a.stack[:0]
	for cur := i; ; {
		a.memo[cur] = memoVisiting
		stack = append(stack, cur)
		m := a.g.Manager(cur)
		if m < 0 || a.memo[m] >= memoNone {
			break
		}
		if a.memo[m] == memoVisiting {
			k := len(stack) - 1
			for stack[k] != m {
				k--
			}
			a.resolveCycle(stack[k:])
			stack = stack[:k]
			break
		}
		cur = m
	}
	for j := len(stack) - 1; j >= 0; j-- {
		x := stack[j]
		switch m := a.g.Manager(x); {
		case m < 0:
			a.memo[x] = memoNone
		case a.match(m):
			a.memo[x] = int32(m)
		default:
			a.memo[x] = a.memo[m]
		}
	}
	a.stack = stack
	return int(a.memo[i])
}

// resolveCycle sets the memo of each entry of a cycle c, where c[j]'s first
// manager is c[j+1] and the last one's is c[0]: the first match among the
// entries after it round the cycle, itself excluded.
func (a *ancestors) resolveCycle(c []int) {
	k := len(c)
	next := -1 // position (in two turns round the cycle) of the nearest match after p
	for p := 2*k - 1; p >= 0; p-- {
		if p < k {
			if next >= 0 && next-p < k {
				a.memo[c[p]] = int32(c[next%k])
			} else {
				a.memo[c[p]] = memoNone
			}
		}
		if a.match(c[p%k]) {
			next = p
		}
	}
}

package render

import (
	"fmt"
	"slices"

	"github.com/orgchart/orgchart/graph"
)

// chart is the renderer's own resolved view of an Org, computed directly from
// Org.People so that render does not depend on the reporting graph's
// internals. Entries are addressed by index into Org.People.
type chart struct {
	org      *graph.Org
	byKey    map[string]int // first entry wins, like graph.Graph.Lookup
	managers [][]int        // resolved solid-line managers, in the order written
	reports  [][]int        // entries with a solid line to i, in file order
	dotted   [][]dottedRef  // resolved dotted lines from i, in the order written
	assist   []int          // the manager i assists, or -1
}

type dottedRef struct {
	to  int
	typ string
}

func newChart(org *graph.Org) *chart {
	n := len(org.People)
	c := &chart{
		org:      org,
		byKey:    make(map[string]int, n),
		managers: make([][]int, n),
		reports:  make([][]int, n),
		dotted:   make([][]dottedRef, n),
		assist:   make([]int, n),
	}
	for i, p := range org.People {
		k := p.Key()
		if _, dup := c.byKey[k]; !dup {
			c.byKey[k] = i
		}
	}
	for i, p := range org.People {
		c.assist[i] = -1
		if c.byKey[p.Key()] != i {
			continue // a repeated id (ORG001): drawn, but not wired
		}
		for _, r := range p.ReportsTo {
			m, ok := c.byKey[graph.Key(r.ID)]
			if !ok || m == i || slices.Contains(c.managers[i], m) {
				continue
			}
			c.managers[i] = append(c.managers[i], m)
			c.reports[m] = append(c.reports[m], i)
		}
		for _, r := range p.Dotted {
			m, ok := c.byKey[graph.Key(r.ID)]
			if !ok || m == i {
				continue
			}
			c.dotted[i] = append(c.dotted[i], dottedRef{to: m, typ: r.Type})
		}
		if p.AssistantTo != nil {
			if m, ok := c.byKey[graph.Key(p.AssistantTo.ID)]; ok && m != i {
				c.assist[i] = m
			}
		}
	}
	return c
}

func (c *chart) lookup(id string) (int, bool) {
	i, ok := c.byKey[graph.Key(id)]
	return i, ok
}

// chain returns i's chain of command by first managers, not containing i,
// stopping before a repeat (a cycle).
func (c *chart) chain(i int) []int {
	var out []int
	seen := map[int]bool{i: true}
	for {
		if len(c.managers[i]) == 0 {
			return out
		}
		m := c.managers[i][0]
		if seen[m] {
			return out
		}
		seen[m] = true
		out = append(out, m)
		i = m
	}
}

// tops returns the entries with no resolved solid-line manager, in file
// order; when a cycle leaves some entries unreachable from any top, the
// first entry of each such cycle is added so every entry is reachable.
func (c *chart) tops() []int {
	var tops []int
	reached := make([]bool, len(c.org.People))
	var walk func(int)
	walk = func(root int) {
		stack := []int{root}
		reached[root] = true
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, r := range c.reports[i] {
				if !reached[r] {
					reached[r] = true
					stack = append(stack, r)
				}
			}
		}
	}
	for i := range c.org.People {
		if len(c.managers[i]) == 0 {
			tops = append(tops, i)
			walk(i)
		}
	}
	for i := range c.org.People {
		if !reached[i] {
			tops = append(tops, i)
			walk(i)
		}
	}
	return tops
}

// subtree returns the set of entries within depth levels below the roots
// (depth 0: all), marking each with its level below its root.
func (c *chart) subtree(roots []int, depth int) (in []bool, level []int) {
	n := len(c.org.People)
	in = make([]bool, n)
	level = make([]int, n)
	queue := make([]int, 0, len(roots))
	for _, r := range roots {
		if !in[r] {
			in[r] = true
			queue = append(queue, r)
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if depth > 0 && level[i] >= depth {
			continue
		}
		for _, r := range c.reports[i] {
			if !in[r] {
				in[r] = true
				level[r] = level[i] + 1
				queue = append(queue, r)
			}
		}
	}
	return in, level
}

// unit is one drawing: a set of entries and a title.
type unit struct {
	in    []bool // entries drawn
	title string
}

// units returns what to draw for opts: the chart (or the subtree at
// opts.Root, to opts.Depth) as one unit, or one unit per top-level unit when
// opts.Split is set.
func (c *chart) units(opts Options) ([]*unit, error) {
	roots := c.tops()
	if opts.Root != "" {
		r, ok := c.lookup(opts.Root)
		if !ok {
			return nil, fmt.Errorf("unknown root %q: no entry has that id", opts.Root)
		}
		roots = []int{r}
	}
	if opts.Highlight != "" {
		if _, ok := c.lookup(opts.Highlight); !ok {
			return nil, fmt.Errorf("unknown highlight %q: no entry has that id", opts.Highlight)
		}
	}
	in, _ := c.subtree(roots, opts.Depth)
	base := &unit{in: in, title: c.org.Title}
	kind, depth, err := parseSplit(opts.Split)
	if err != nil {
		return nil, err
	}
	switch kind {
	case "department":
		return c.splitDepartments(base), nil
	case "depth":
		return c.splitDepth(base, roots, depth, opts.Redact), nil
	}
	return []*unit{base}, nil
}

package render

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/render/option"
)

// chart is the renderer's view of a built reporting graph: the graph's
// resolved lines arranged per entry for drawing. It reads graph.Graph's
// queries only and never resolves a reference itself. Entries are addressed
// by index into Org.People.
type chart struct {
	g        *graph.Graph
	org      *graph.Org
	managers [][]int       // solid-line managers in the order written (no self-lines)
	reports  [][]int       // entries with a solid line to i, in file order
	dotted   [][]dottedRef // dotted lines from i, in the order written
	assist   []int         // the manager i assists, or -1
}

type dottedRef struct {
	to  int
	typ string
}

func newChart(g *graph.Graph) *chart {
	n := g.Len()
	c := &chart{
		g:        g,
		org:      g.Org(),
		managers: make([][]int, n),
		reports:  make([][]int, n),
		dotted:   make([][]dottedRef, n),
		assist:   make([]int, n),
	}
	for i := range n {
		for _, l := range g.Managers(i) {
			if l.To != i {
				c.managers[i] = append(c.managers[i], l.To)
			}
		}
		for _, r := range g.Reports(i) {
			if r != i {
				c.reports[i] = append(c.reports[i], r)
			}
		}
		for _, l := range g.DottedFrom(i) {
			c.dotted[i] = append(c.dotted[i], dottedRef{to: l.To, typ: l.Type})
		}
		c.assist[i] = g.Assistant(i)
	}
	return c
}

func (c *chart) lookup(id string) (int, bool) { return c.g.Lookup(id) }

// subtree returns the set of entries within depth levels below the roots
// (depth 0: all), marking each with its level below its root. Entries hang
// under their first manager (graph.Graph.Subtree).
func (c *chart) subtree(roots []int, depth int) (in []bool, level []int) {
	n := c.g.Len()
	in = make([]bool, n)
	level = make([]int, n)
	d := depth
	if d == 0 {
		d = -1
	}
	for _, r := range roots {
		for k, i := range c.g.Subtree(r, d) {
			if in[i] {
				continue
			}
			in[i] = true
			if k > 0 {
				level[i] = level[c.g.Manager(i)] + 1
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

// checkHighlight reports a highlight naming no entry.
func checkHighlight(g *graph.Graph, id string) error {
	if _, ok := g.Lookup(id); id != "" && !ok {
		return fmt.Errorf("unknown highlight %q: no entry has that id", id)
	}
	return nil
}

// units returns what to draw for opts: the chart (or the subtree at
// opts.Root, to opts.Depth) as one unit, or one unit per top-level unit when
// opts.Split is set.
func (c *chart) units(opts option.Options) ([]*unit, error) {
	roots := c.g.Roots()
	if opts.Root != "" {
		r, ok := c.lookup(opts.Root)
		if !ok {
			return nil, fmt.Errorf("unknown root %q: no entry has that id", opts.Root)
		}
		roots = []int{r}
	}
	if err := checkHighlight(c.g, opts.Highlight); err != nil {
		return nil, err
	}
	in, _ := c.subtree(roots, opts.Depth)
	base := &unit{in: in, title: c.org.Title}
	kind, depth, err := option.ParseSplit(opts.Split)
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

package render

import (
	"fmt"
	"slices"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/render/option"
)

// splitDepartments returns one unit per department (sorted by name; entries
// without a department last, titled "No department"), each holding the drawn
// entries of that department.
func (c *chart) splitDepartments(base *unit) []*unit {
	byDept := map[string][]int{}
	for i, p := range c.org.People {
		if base.in[i] {
			byDept[p.Department] = append(byDept[p.Department], i)
		}
	}
	names := make([]string, 0, len(byDept))
	for d := range byDept {
		if d != "" {
			names = append(names, d)
		}
	}
	slices.Sort(names)
	if _, ok := byDept[""]; ok {
		names = append(names, "")
	}
	var out []*unit
	for _, d := range names {
		u := &unit{in: make([]bool, len(base.in)), title: pageTitle(c.org.Title, d, "No department")}
		for _, i := range byDept[d] {
			u.in[i] = true
		}
		out = append(out, u)
	}
	if len(out) == 0 {
		out = append(out, base)
	}
	return out
}

// splitDepth returns an overview unit (the roots down to depth levels) and
// then one unit per entry at that depth that has reports: its whole drawn
// subtree, titled by the entry.
func (c *chart) splitDepth(base *unit, roots []int, depth int, redact bool) []*unit {
	over, level := c.subtree(roots, depth)
	first := &unit{in: make([]bool, len(base.in)), title: pageTitle(c.org.Title, "Overview", "")}
	for i := range over {
		first.in[i] = over[i] && base.in[i]
	}
	out := []*unit{first}
	for i, p := range c.org.People {
		if !over[i] || !base.in[i] || level[i] != depth || len(c.reports[i]) == 0 {
			continue
		}
		sub, _ := c.subtree([]int{i}, 0)
		u := &unit{in: make([]bool, len(base.in)), title: pageTitle(c.org.Title, personLabel(p, redact), "")}
		for j := range sub {
			u.in[j] = sub[j] && base.in[j]
		}
		out = append(out, u)
	}
	return out
}

func pageTitle(org, part, fallback string) string {
	if part == "" {
		part = fallback
	}
	switch {
	case org == "":
		return part
	case part == "":
		return org
	}
	return org + " — " + part
}

// SplitPageSlots is the widest page SuggestSplit accepts, in card widths
// side by side: about what a raster capped at MaxRasterSide shows at
// LegibleDPI (16,384 px at 48 dpi is 24,576 pt; a card and its spacing take
// about 190 pt).
const SplitPageSlots = 128

// SuggestSplit returns the option.Options.Split to suggest for a chart too large
// for one legible page: "depth:N" with the smallest N from 1 to 8 whose
// unit pages (not the overview, which only grows with N) are each at most
// SplitPageSlots cards wide, else the deepest tried. The width is estimated
// from the leaves (a stacked team of leaves, with option.Options.Compact, is 2 or 3
// cards wide); nothing is laid out, so it is cheap.
func SuggestSplit(g *graph.Graph, opts option.Options) string {
	if g == nil {
		return "depth:2"
	}
	c := newChart(g)
	best := "depth:2"
	for n := 1; n <= 8; n++ {
		opts.Split = fmt.Sprintf("depth:%d", n)
		units, err := c.units(opts)
		if err != nil {
			return best
		}
		widest := 0
		for _, u := range units[1:] {
			widest = max(widest, c.slots(u, opts.Compact))
		}
		best = opts.Split
		if widest <= SplitPageSlots {
			return best
		}
	}
	return best
}

// slots estimates the width of unit u in cards: one per leaf, and for a
// manager with compactMin or more leaf reports (when compact) the columns of
// their stack instead.
func (c *chart) slots(u *unit, compact bool) int {
	leaf := func(i int) bool {
		for _, r := range c.reports[i] {
			if u.in[r] {
				return false
			}
		}
		return true
	}
	total := 0
	for m := range c.org.People {
		if !u.in[m] {
			continue
		}
		if len(c.managers[m]) == 0 || !u.in[c.managers[m][0]] {
			if leaf(m) {
				total++ // a lone top
			}
		}
		leaves := 0
		for _, r := range c.reports[m] {
			if u.in[r] && c.managers[r][0] == m && leaf(r) {
				leaves++
			}
		}
		switch {
		case !compact || leaves < compactMin:
			total += leaves
		case leaves > 8:
			total += 3
		default:
			total += 2
		}
	}
	return total
}

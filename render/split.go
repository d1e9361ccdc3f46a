package render

import (
	"slices"
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

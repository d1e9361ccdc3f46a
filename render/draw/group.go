package draw

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// groupMax bounds the people tried together on one unit page. It only
// prunes the search: a slide cannot show more than about a hundred cards
// with names at option.MinNamePoints, so larger groups are not fitted to be
// refused.
const groupMax = 150

// group packs the stubs of overview ov (cut from job j) into unit pages:
// runs of sibling stubs (same parent card on the overview), in overview
// order, share a page while the page stays legible, so a division's small
// teams come out on one page, not one page each. A unit too large to be
// legible alone gets a page of its own (and is split in turn). It returns
// the groups as indexes into ov.plan.nodes.
func (d *drawer) group(j job, ov *fitted) ([][]int, error) {
	var out [][]int
	var cur []int
	parent, people := -2, 0
	for k, n := range ov.plan.nodes {
		if !n.stub {
			continue
		}
		if len(cur) > 0 && n.parent == parent && people+n.people <= groupMax {
			try := append(cur[:len(cur):len(cur)], k)
			f, err := d.fit(d.forest(d.groupJob(j, ov, try), -1))
			if err != nil {
				return nil, err
			}
			if f.legible() {
				cur, people = try, people+n.people
				continue
			}
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur, parent, people = []int{k}, n.parent, n.people
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// groupJob is the job of drawing the units of stubs ks of overview ov
// together. Its title names the unit: its department or its head (and the
// head's title); a page of several names them all when that is short, else
// the first and the last, under the name of the unit they belong to.
func (d *drawer) groupJob(j job, ov *fitted, ks []int) job {
	g := job{in: j.in, level: j.level + 1}
	var names []string
	for _, k := range ks {
		n := ov.plan.nodes[k]
		g.roots = append(g.roots, n.e)
		names = append(names, n.name)
	}
	switch n := ov.plan.nodes[ks[0]]; {
	case len(ks) == 1 && n.sub != "":
		g.name = n.name + " (" + n.sub + ")"
	case len(ks) == 1:
		g.name = n.name
	case utf8.RuneCountInString(joinNames(names)) <= maxTitleNames:
		g.name = joinNames(names)
	default:
		g.name = fmt.Sprintf("%s to %s (%d units)", names[0], names[len(names)-1], len(names))
	}
	if j.name != "" && headNamed(ov, ks) {
		g.name = j.name + ": " + g.name
	}
	g.title = pageTitle(d.docTitle(), g.name)
	return g
}

// maxTitleNames is how long a list of unit names may be in a page title.
const maxTitleNames = 60

// headNamed reports whether the units of ks are named after their heads (not
// their departments), so their page title says whose teams they are.
func headNamed(ov *fitted, ks []int) bool { return ov.plan.nodes[ks[0]].sub != "" }

// joinNames lists names as a person would: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// pageRange is "page 4" or "pages 4 to 7".
func pageRange(first, last int) string {
	if first == last {
		return "page " + strconv.Itoa(first)
	}
	return "pages " + strconv.Itoa(first) + " to " + strconv.Itoa(last)
}

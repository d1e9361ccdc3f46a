package draw

import (
	"fmt"
	"strconv"
)

// This file spreads a team too large for one legible page over several:
// the members of the largest flat team on the page (a manager's reports
// without reports of their own, stacked under the manager) are cut into
// runs in file order. The first page draws the unit with the first run;
// each further page draws a run under a stub of the manager that leads
// back to the first ("continued from page 3"), so everyone is still drawn
// on exactly one page. Units are cut off first (unit in draw.go); a team
// is continued only when there is no unit left to cut off.

// continued plans the pages of job j, queued as page q+1, whose plan whole
// is not legible and has no unit to cut off. It returns the first page,
// fitted, the jobs of the pages after it (to be queued as pages next on),
// and a note saying so, or first == nil when no cut of a flat team makes
// the pages legible.
func (d *drawer) continued(j job, q int, whole *plan, next int) (first *fitted, rest []job, note string, err error) {
	head, members := flatTeam(whole)
	if len(members) < 2 {
		return nil, nil, "", nil
	}
	fj := j // the first page: j without the members after the first run
	fj.in = make([]bool, d.g.Len())
	for x := range fj.in {
		fj.in[x] = j.drawn(x)
	}
	for k := 2; k <= len(members); k++ {
		run := (len(members) + k - 1) / k
		parts := (len(members) + run - 1) / run
		if parts < k {
			continue // the same runs as for a smaller k
		}
		fj.title = partTitle(j.title, 1, parts)
		for i, x := range members {
			fj.in[x] = i < run
		}
		f, err := d.fit(d.forest(fj, -1))
		if err != nil {
			return nil, nil, "", err
		}
		if !f.legible() {
			continue
		}
		// The runs after the first are as long or shorter: the second
		// tells whether they fit.
		part := func(i int) job {
			return d.contJob(j, head, members[(i-1)*run:min(i*run, len(members))], q, i, parts)
		}
		second := part(2)
		cf, err := d.fit(d.forest(second, -1))
		if err != nil {
			return nil, nil, "", err
		}
		if !cf.legible() {
			continue
		}
		rest = []job{second}
		for i := 3; i <= parts; i++ {
			rest = append(rest, part(i))
		}
		name, _ := d.headName(head)
		note = fmt.Sprintf("continued %q: the %d reports of %s, too many for one page, start on page %d and go on to %s",
			titleOr(j.title), len(members), name, q+1, pageRange(next, next+len(rest)-1))
		return f, rest, note, nil
	}
	return nil, nil, "", nil
}

// contJob is the job of page i of parts: the members of head's team in
// run, under a stub of head leading back to page q+1.
func (d *drawer) contJob(j job, head int, run []int, q, i, parts int) job {
	in := make([]bool, d.g.Len())
	in[head] = true
	for _, x := range run {
		in[x] = true
	}
	return job{roots: []int{head}, in: in, title: partTitle(j.title, i, parts), name: j.name, level: j.level,
		cont: head + 1, contPage: q + 1}
}

// partTitle is the title of page i of parts of a unit titled t.
func partTitle(t string, i, parts int) string {
	return titleOr(t) + " (" + strconv.Itoa(i) + " of " + strconv.Itoa(parts) + ")"
}

// flatTeam returns the head of the flat team of p with the most members,
// and its members (the head's reports on p without reports of their own),
// in the order of p.
func flatTeam(p *plan) (head int, members []int) {
	parent := make([]bool, len(p.nodes))
	for _, n := range p.nodes {
		if n.parent >= 0 {
			parent[n.parent] = true
		}
	}
	count := make([]int, len(p.nodes))
	best := -1
	for k, n := range p.nodes {
		if n.parent >= 0 && !parent[k] && !n.stub {
			count[n.parent]++
			if best < 0 || count[n.parent] > count[best] {
				best = n.parent
			}
		}
	}
	if best < 0 {
		return -1, nil
	}
	for k, n := range p.nodes {
		if n.parent == best && !parent[k] && !n.stub {
			members = append(members, n.e)
		}
	}
	return p.nodes[best].e, members
}

// stubLine is a stub card's last line: how many people its unit holds and
// its page, or, for the head of a team continued from another page, that
// page.
func stubLine(n pnode) string {
	if n.cont {
		return "continued from page " + strconv.Itoa(n.page)
	}
	return strconv.Itoa(n.people) + " people, page " + strconv.Itoa(n.page)
}

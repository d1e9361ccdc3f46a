// Package stats computes the numbers HR and security leads ask of a chart:
// headcount, vacancies, managers, span of control, layers, the same per
// department and per top-level unit, and where the security leaders sit.
// It writes them as text, JSON, CSV or Markdown. docs/stats.md states the
// definitions; this comment repeats them, and the code follows them exactly:
//
//   - Entries of kind board or committee are not people. An entry that
//     repeats an earlier id (ORG001) is not counted at all.
//   - headcount: people not vacant; vacancies: vacant people.
//   - A manager is a person (vacant or not) with at least one direct
//     solid-line report who is a person (vacant reports count); a manager's
//     span is that number of reports. Every solid line counts, so a person
//     with two solid-line managers counts in both spans.
//   - span: the mean, median (the mean of the two middle values for an even
//     count) and maximum over managers, and a histogram: how many managers
//     have each span. All zero, with an empty histogram, when there is no
//     manager.
//   - A person's person-manager is the first person up its chain of command
//     (first solid-line managers, boards and committees skipped). A top
//     person has none. layers: the people in the longest chain from a top
//     person down, counting both ends (a lone person is one layer). People
//     on or under a cycle of solid lines have no top and no layer.
//   - Per department (Person.Department, "(none)" when empty): headcount,
//     vacancies, managers and span over that department's people, and
//     layers: the people in the longest chain of person-managers that stays
//     in the department.
//   - Top-level units: one per person whose person-manager is a top person,
//     made of that head and everyone whose person-manager chain passes
//     through it; its layers count from the head down. Top people belong to
//     no unit.
//   - Security: for each person holding CISO or CSO, the number of solid
//     lines from it up its chain to the nearest CEO (unknown when no CEO is
//     in its chain), and whether it has a direct line, solid or dotted, to a
//     board body: an entry of kind board or holding BOARD, AUDIT_COMMITTEE or
//     RISK_COMMITTEE (SEC004's definition).
//
// Compute is linear in entries and lines; output is deterministic
// (departments by name, units and security leaders in file order).
package stats

import (
	"cmp"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
)

// NoDepartment names the group of people without a department.
const NoDepartment = "(none)"

// Bin is one bar of the span histogram: how many managers have that span.
type Bin struct {
	Span     int `json:"span"`
	Managers int `json:"managers"`
}

// Span summarises the spans of a set of managers.
type Span struct {
	Mean      float64 `json:"mean"`
	Median    float64 `json:"median"`
	Max       int     `json:"max"`
	Histogram []Bin   `json:"histogram"`
}

// Group is the numbers of the whole chart, a department or a unit.
type Group struct {
	Name      string `json:"name"`
	ID        string `json:"id,omitempty"` // a unit's head
	Headcount int    `json:"headcount"`
	Vacancies int    `json:"vacancies"`
	Managers  int    `json:"managers"`
	Layers    int    `json:"layers"`
	Span      Span   `json:"span"`
}

// Leader is where one security leader sits.
type Leader struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"` // CISO, CSO, or "CISO,CSO"
	// Distance is the number of solid lines up to the nearest CEO in the
	// leader's chain; nil when there is none.
	Distance  *int `json:"distance_from_ceo"`
	BoardLine bool `json:"board_line"`
}

// Stats is everything Compute finds.
type Stats struct {
	Title       string
	File        string
	Total       Group
	Departments []Group
	Units       []Group
	Security    []Leader
}

// boardBodyRoles are the role codes of a board body (as in SEC004).
var boardBodyRoles = []string{"BOARD", "AUDIT_COMMITTEE", "RISK_COMMITTEE"}

func isBoardBody(p *graph.Person) bool {
	if p.Kind == graph.KindBoard {
		return true
	}
	for _, c := range boardBodyRoles {
		if p.HasRole(c) {
			return true
		}
	}
	return false
}

// acc accumulates one group's numbers; spans is a histogram indexed by span.
type acc struct {
	headcount, vacancies, layers int
	spans                        []int
}

func (a *acc) person(p *graph.Person) {
	if p.Vacant {
		a.vacancies++
	} else {
		a.headcount++
	}
}

func (a *acc) manager(span int) {
	if span >= len(a.spans) {
		a.spans = append(a.spans, make([]int, span+1-len(a.spans))...)
	}
	a.spans[span]++
}

func (a *acc) group(name, id string) Group {
	g := Group{Name: name, ID: id, Headcount: a.headcount, Vacancies: a.vacancies, Layers: a.layers}
	g.Span.Histogram = []Bin{}
	sum := 0
	for s, n := range a.spans {
		if n > 0 {
			g.Managers += n
			sum += s * n
			g.Span.Max = s
			g.Span.Histogram = append(g.Span.Histogram, Bin{Span: s, Managers: n})
		}
	}
	if g.Managers == 0 {
		return g
	}
	g.Span.Mean = float64(sum) / float64(g.Managers)
	g.Span.Median = median(g.Span.Histogram, g.Managers)
	return g
}

// median returns the median of the spans the histogram counts (m of them).
func median(h []Bin, m int) float64 {
	nth := func(k int) int { // the k-th smallest span, zero-based
		for _, b := range h {
			if k < b.Managers {
				return b.Span
			}
			k -= b.Managers
		}
		return 0
	}
	if m%2 == 1 {
		return float64(nth(m / 2))
	}
	return float64(nth(m/2-1)+nth(m/2)) / 2
}

// Compute computes the statistics of the chart g was built from.
func Compute(g *graph.Graph) *Stats {
	n := g.Len()
	org := g.Org()
	st := &Stats{Title: org.Title, File: org.File}
	isPerson := func(i int) bool { return !g.IsDuplicate(i) && !g.Person(i).IsBody() }

	// up[i]: the nearest person at or above i along first managers, or -1;
	// depth[i]: people from the top person down to person i, both counted;
	// deptRun[i]: the same, staying in i's department; unit[i]: the unit
	// head of person i, or -1. Entries are visited by level, so an entry's
	// first manager is done before it; entries on or under a cycle (level
	// -1) are left out.
	up := make([]int32, n)
	depth := make([]int32, n)
	deptRun := make([]int32, n)
	unit := make([]int32, n)
	for _, i := range byLevel(g) {
		pm := int32(-1)
		if m := g.Manager(i); m >= 0 {
			pm = up[m]
		}
		if !isPerson(i) {
			up[i] = pm
			continue
		}
		up[i] = int32(i)
		depth[i], deptRun[i], unit[i] = 1, 1, -1
		if pm < 0 {
			continue
		}
		depth[i] = depth[pm] + 1
		if department(g.Person(int(pm))) == department(g.Person(i)) {
			deptRun[i] = deptRun[pm] + 1
		}
		if depth[i] == 2 {
			unit[i] = int32(i)
		} else {
			unit[i] = unit[pm]
		}
	}

	var total acc
	depts := map[string]*acc{}
	units := map[int32]*acc{}
	for i := range n {
		if !isPerson(i) {
			continue
		}
		p := g.Person(i)
		d := department(p)
		da := depts[d]
		if da == nil {
			da = &acc{}
			depts[d] = da
		}
		var ua *acc
		if u := unit[i]; depth[i] > 0 && u >= 0 {
			if ua = units[u]; ua == nil {
				ua = &acc{}
				units[u] = ua
			}
		}
		groups := []*acc{&total, da, ua}
		span := 0
		for _, r := range g.Reports(i) {
			if isPerson(r) {
				span++
			}
		}
		for _, a := range groups {
			if a == nil {
				continue
			}
			a.person(p)
			if span > 0 {
				a.manager(span)
			}
		}
		total.layers = max(total.layers, int(depth[i]))
		da.layers = max(da.layers, int(deptRun[i]))
		if ua != nil {
			ua.layers = max(ua.layers, int(depth[i])-1)
		}
	}
	st.Total = total.group(org.Title, "")
	for name, a := range depts {
		st.Departments = append(st.Departments, a.group(name, ""))
	}
	slices.SortFunc(st.Departments, func(a, b Group) int { return cmp.Compare(a.Name, b.Name) })
	heads := make([]int, 0, len(units))
	for h := range units {
		heads = append(heads, int(h))
	}
	slices.Sort(heads)
	for _, h := range heads {
		p := g.Person(h)
		st.Units = append(st.Units, units[int32(h)].group(displayName(p), p.ID))
	}
	st.Security = security(g, isPerson)
	return st
}

// byLevel returns the entries whose level is known, ordered by level (a
// counting sort: linear).
func byLevel(g *graph.Graph) []int {
	n := g.Len()
	var count []int
	for i := range n {
		if l := g.Level(i); l >= 0 {
			if l >= len(count) {
				count = append(count, make([]int, l+1-len(count))...)
			}
			count[l]++
		}
	}
	start := make([]int, len(count)+1)
	for l, c := range count {
		start[l+1] = start[l] + c
	}
	out := make([]int, start[len(count)])
	for i := range n {
		if l := g.Level(i); l >= 0 {
			out[start[l]] = i
			start[l]++
		}
	}
	return out
}

// department returns p's department, trimmed, or NoDepartment.
func department(p *graph.Person) string {
	if d := strings.TrimSpace(p.Department); d != "" {
		return d
	}
	return NoDepartment
}

func displayName(p *graph.Person) string {
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

// security lists the security leaders in file order.
func security(g *graph.Graph, isPerson func(int) bool) []Leader {
	var ceos, leaders []int
	for i := range g.Len() {
		if !isPerson(i) {
			continue
		}
		p := g.Person(i)
		if p.HasRole("CEO") {
			ceos = append(ceos, i)
		}
		if p.HasRole("CISO") || p.HasRole("CSO") {
			leaders = append(leaders, i)
		}
	}
	out := []Leader{}
	for _, i := range leaders {
		p := g.Person(i)
		var roles []string
		for _, c := range []string{"CISO", "CSO"} {
			if p.HasRole(c) {
				roles = append(roles, c)
			}
		}
		l := Leader{ID: p.ID, Name: p.Name, Role: strings.Join(roles, ",")}
		if g.Level(i) >= 0 {
			for _, c := range ceos {
				if g.InChain(c, i) {
					d := g.Level(i) - g.Level(c)
					if l.Distance == nil || d < *l.Distance {
						l.Distance = &d
					}
				}
			}
		}
		for _, ln := range append(slices.Clip(g.Managers(i)), g.DottedFrom(i)...) {
			if isBoardBody(g.Person(ln.To)) {
				l.BoardLine = true
			}
		}
		out = append(out, l)
	}
	return out
}

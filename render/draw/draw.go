package draw

import (
	"fmt"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/mark"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// Unit is a part of the chart drawn on its own page (or pages, when it is
// split to fit): the entries In (nil: all) and the page title.
type Unit struct {
	In    []bool
	Title string
}

// Result is a drawn chart.
type Result struct {
	Doc *scene.Document
	// Names[k] is the size of the names on page k+1, in page points.
	Names []float64
	// Notes tell a person what was split and why, and which pages carry
	// names under option.MinNamePoints; one sentence each, no final period.
	Notes []string
}

// drawer holds what every page of one drawing shares.
type drawer struct {
	g      *graph.Graph
	org    *graph.Org
	opts   option.Options
	mk     *mark.Marks
	ch     *changes // opts.Marks (changes.go)
	st     *style
	preset *option.Preset
	where  []int32 // entry → node on the page being built, -1 when not on it
}

// Draw draws units (one unit of the whole chart when empty) of the built
// chart g with findings as opts ask. With a preset and a single unit, and
// unless opts.NoSplit, a unit whose names would come out under
// option.MinNamePoints is split into an overview and one page per unit.
// opts must have passed option.Options.Validate.
func Draw(g *graph.Graph, findings []diag.Diagnostic, opts option.Options, units []Unit) (*Result, error) {
	if g == nil {
		return nil, fmt.Errorf("draw: no chart")
	}
	d := &drawer{g: g, org: g.Org(), opts: opts, mk: mark.Of(g, findings, opts), st: newStyle(g.Org(), opts)}
	d.ch = d.newChanges(opts.Marks)
	if p, ok := option.Presets[opts.Preset]; ok {
		d.preset = &p
	}
	d.where = make([]int32, g.Len())
	for i := range d.where {
		d.where[i] = -1
	}
	title := d.org.Title
	if opts.Title != "" {
		title = opts.Title
	}
	if len(units) == 0 {
		units = []Unit{{Title: title}}
	}
	split := d.preset != nil && !opts.NoSplit && len(units) == 1
	var fits []*fitted
	var notes []string
	for _, u := range units {
		f, n, err := d.unit(u, split)
		if err != nil {
			return nil, err
		}
		fits = append(fits, f...)
		notes = append(notes, n...)
	}
	doc := &scene.Document{Title: title}
	res := &Result{Doc: doc, Notes: notes}
	for k, f := range fits {
		pg, err := d.page(f)
		if err != nil {
			return nil, err
		}
		doc.Pages = append(doc.Pages, pg)
		name := f.scale * NameSize
		res.Names = append(res.Names, name)
		t := f.plan.title
		if t == "" {
			t = "Chart"
		}
		doc.Outline = append(doc.Outline, scene.OutlineEntry{Title: t, Page: k + 1, Level: f.plan.level})
		if d.preset != nil && name < option.MinNamePoints-1e-9 {
			res.Notes = append(res.Notes, fmt.Sprintf("page %d (%s): names are %s, under the minimum of %s%s",
				k+1, t, d.legibility(name), d.legibility(option.MinNamePoints), d.why()))
		}
	}
	return res, nil
}

// why explains a page with small names.
func (d *drawer) why() string {
	if d.opts.NoSplit {
		return " (--no-split keeps one page)"
	}
	return ""
}

// legibility says how large a name of size pt page points looks: in pixels
// on a slide shown at 1920x1080, in points on paper.
func (d *drawer) legibility(pt float64) string {
	if d.preset != nil && strings.HasPrefix(d.opts.Preset, "slide") {
		return fmt.Sprintf("%.1f px at 1920x1080", pt*slidePixels(d.preset))
	}
	return fmt.Sprintf("%.1f pt", pt)
}

// slidePixels is how many pixels a point of preset p takes when the page is
// shown as large as fits in 1920x1080.
func slidePixels(p *option.Preset) float64 {
	return min(1920/(p.W*72), 1080/(p.H*72))
}

// pnode is one node of a page: an entry drawn as its card, or a stub
// standing for the unit headed by the entry.
type pnode struct {
	e      int
	parent int // node index, -1 for a root of the page
	stub   bool
	cont   bool   // stub: the head of a team continued from page (continued.go), drawn with its reports
	name   string // stub: the unit's name
	sub    string // stub: what else to say of it (the head's title)
	people int    // stub: entries in the unit
	page   int    // stub: the unit's page, set when the page is planned
}

// plan is what one page draws.
type plan struct {
	title string
	level int // outline depth
	nodes []pnode
	stubs int
}

// job is a unit still to plan: entries In (nil: all) reached from roots.
type job struct {
	roots []int
	in    []bool
	title string
	name  string // the unit's part of the title; "" for a whole unit
	level int
	// cont is 1 + the entry drawn as the stub of a team continued from
	// page contPage (continued.go); 0 for none.
	cont, contPage int
}

// unit plans and fits the pages of u: one page, or with split an overview
// and unit pages, breadth first, so that page numbers follow the queue.
func (d *drawer) unit(u Unit, split bool) ([]*fitted, []string, error) {
	roots := d.g.Roots()
	if d.opts.Root != "" {
		if r, ok := d.g.Lookup(d.opts.Root); ok {
			roots = []int{r}
		}
	}
	queue := []job{{roots: roots, in: u.In, title: u.Title}}
	var out []*fitted
	var notes []string
	for q := 0; q < len(queue); q++ {
		j := queue[q]
		whole := d.forest(j, -1)
		f, err := d.fit(whole)
		if err != nil {
			return nil, nil, err
		}
		if !split || f.legible() {
			out = append(out, f)
			continue
		}
		var best *fitted
		for cut := 1; ; cut++ {
			ov := d.forest(j, cut)
			if ov.stubs == 0 {
				break
			}
			fo, err := d.fit(ov)
			if err != nil {
				return nil, nil, err
			}
			if best != nil && !fo.legible() {
				break
			}
			best = fo
			if !fo.legible() {
				break
			}
		}
		if best == nil { // nothing to cut off: continue a flat team, else one page, however small
			first, rest, note, err := d.continued(j, q, whole, len(queue)+1)
			if err != nil {
				return nil, nil, err
			}
			if first == nil {
				out = append(out, f)
				continue
			}
			notes = append(notes, note)
			queue = append(queue, rest...)
			out = append(out, first)
			continue
		}
		groups, err := d.group(j, best)
		if err != nil {
			return nil, nil, err
		}
		first := len(queue) + 1 // one-based page of the first unit queued
		for _, ks := range groups {
			for _, k := range ks {
				best.plan.nodes[k].page = len(queue) + 1
			}
			queue = append(queue, d.groupJob(j, best, ks))
		}
		notes = append(notes, fmt.Sprintf("split %q (%d people) into an overview (page %d) and %d units on %s: on one page its names would be %s, under %s",
			titleOr(j.title), len(whole.nodes), q+1, best.plan.stubs, pageRange(first, len(queue)), d.legibility(f.scale*NameSize), d.legibility(option.MinNamePoints)))
		out = append(out, best)
	}
	return out, notes, nil
}

func (d *drawer) docTitle() string {
	if d.opts.Title != "" {
		return d.opts.Title
	}
	return d.org.Title
}

func titleOr(t string) string {
	if t == "" {
		return "chart"
	}
	return t
}

func pageTitle(org, part string) string {
	switch {
	case org == "":
		return part
	case part == "":
		return org
	}
	return org + " — " + part
}

// drawn reports whether entry x belongs to job j.
func (j *job) drawn(x int) bool { return j.in == nil || j.in[x] }

// children returns x's first-manager reports, in file order, skipping top
// (the walk's root, which a cycle of first managers leads back to).
func (d *drawer) children(x, top int, buf []int) []int {
	buf = buf[:0]
	for _, r := range d.g.Reports(x) {
		if r != top && r != x && d.g.Manager(r) == x {
			buf = append(buf, r)
		}
	}
	return buf
}

// forest plans the page of job j: every entry of j reached from its roots,
// pre-order, children in file order; with cut >= 0 the entries cut levels
// below a root that have reports of their own become stubs and what is
// below them is left out.
func (d *drawer) forest(j job, cut int) *plan {
	p := &plan{title: j.title, level: j.level}
	if j.in == nil && cut < 0 {
		p.nodes = make([]pnode, 0, d.g.Len()) // the whole chart: sized once
	}
	type frame struct{ x, lvl, top int }
	var stack []frame
	var kids []int
	for k := len(j.roots) - 1; k >= 0; k-- {
		stack = append(stack, frame{j.roots[k], 0, j.roots[k]})
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.where[f.x] >= 0 {
			continue // reached twice (a root below another root)
		}
		kids = d.children(f.x, f.top, kids)
		if !j.drawn(f.x) {
			for k := len(kids) - 1; k >= 0; k-- {
				stack = append(stack, frame{kids[k], 0, f.top})
			}
			continue
		}
		n := pnode{e: f.x, parent: -1}
		if m := d.g.Manager(f.x); m >= 0 && f.x != f.top && d.where[m] >= 0 {
			n.parent = int(d.where[m])
		}
		switch {
		case j.cont == f.x+1:
			n.stub, n.cont, n.page = true, true, j.contPage
			n.name, n.sub = d.headName(f.x)
		case cut >= 0 && f.lvl == cut && d.anyDrawn(j, kids):
			n.stub = true
			n.name, n.sub = d.unitName(f.x, n.parent, p)
			n.people = d.count(j, f.x)
			p.stubs++
		}
		d.where[f.x] = int32(len(p.nodes))
		p.nodes = append(p.nodes, n)
		if n.stub && !n.cont {
			continue
		}
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, frame{kids[k], f.lvl + 1, f.top})
		}
	}
	for _, n := range p.nodes {
		d.where[n.e] = -1
	}
	return p
}

func (d *drawer) anyDrawn(j job, xs []int) bool {
	for _, x := range xs {
		if j.drawn(x) {
			return true
		}
	}
	return false
}

// count is the number of entries of j in x's subtree, x included.
func (d *drawer) count(j job, x int) int {
	if j.in == nil {
		return d.g.TotalReports(x) + 1
	}
	n := 0
	for _, y := range d.g.Subtree(x, -1) {
		if j.in[y] {
			n++
		}
	}
	return n
}

// unitName names the unit headed by x on its stub: its department when its
// manager's differs, else its head (the name, redacted as on a card) and
// the head's title.
func (d *drawer) unitName(x, parent int, p *plan) (name, sub string) {
	px := d.g.Person(x)
	dept := strings.TrimSpace(px.Department)
	if dept != "" && (parent < 0 || strings.TrimSpace(d.g.Person(p.nodes[parent].e).Department) != dept) {
		return dept, ""
	}
	return d.headName(x)
}

// headName names the head x of a unit on a stub: the name (redacted as on
// a card) and the title.
func (d *drawer) headName(x int) (name, sub string) {
	px := d.g.Person(x)
	name = personLabel(px, d.opts.Redact)
	if t := strings.TrimSpace(px.Title); t != "" && t != name {
		sub = t
	}
	return name, sub
}

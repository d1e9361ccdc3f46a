package render

import (
	"fmt"
	"strings"
)

// The bus: how solid lines are drawn. A professional org chart joins a
// manager to its reports with one vertical line down from the bottom centre
// of the manager's card, one horizontal bar, and a short vertical drop into
// the top of each report. Graphviz has no such edge, and splines=ortho
// ignores ports, so the bus is built from invisible zero-size points on an
// extra rank between each row of cards:
//
//	         m
//	         |
//	b1 ---- b2 ---- j ---- b3 ---- b4      (rank=same, chained left to right)
//	|       |              |       |
//	r1      r2             r3      r4
//
// j is the junction below the manager; each report r has a point b above
// it. The chain of flat edges b1 -> b2 -> j -> b3 -> b4 is the bar and fixes
// the left-to-right order; group= attributes keep m over j and each b over
// its report, so every segment is exactly vertical or horizontal with any
// splines setting. With an odd number of reports the middle report's point
// is the junction itself, and the middle report joins the manager's group,
// so the manager sits straight above it.

// busChild is one child on a manager's bus: a card or a team box.
type busChild struct {
	id     string // DOT node id: "n<i>" or "t<m>"
	report int    // the report's index, or -1 for a team box
}

// busPlan is who hangs on whose bus in one drawing.
type busPlan struct {
	children map[int][]busChild // manager → children, team box first, then file order
	parent   []int              // primary manager drawn on a bus, or -1
	group    map[string]string  // DOT node id → group name
	back     map[[2]int]bool    // {report, manager}: a primary line closing a cycle, drawn directly
}

// planBus decides the buses of unit u: each drawn report hangs on the bus of
// its first (primary) manager when that manager is drawn, unless it is that
// manager's assistant or the line closes a cycle (then the cycle member
// written first in the file is drawn on top and its line to its manager is
// drawn directly, not constraining the layout).
func (c *chart) planBus(u *unit, team map[int][]int, inTeam map[int]bool) *busPlan {
	n := len(c.org.People)
	bp := &busPlan{
		children: map[int][]busChild{},
		parent:   make([]int, n),
		group:    map[string]string{},
		back:     map[[2]int]bool{},
	}
	for r := range n {
		bp.parent[r] = -1
		if !u.in[r] || inTeam[r] || len(c.managers[r]) == 0 {
			continue
		}
		m := c.managers[r][0]
		if !u.in[m] || c.assist[r] == m {
			continue
		}
		bp.parent[r] = m
	}
	// Break cycles of primary lines: walk up from each entry; a walk that
	// comes back to an entry already on it found a cycle, which is cut at
	// its member with the lowest index.
	state := make([]uint8, n) // 0 unseen, 1 on the current walk, 2 done
	for s := range n {
		var walk []int
		i := s
		for i >= 0 && state[i] == 0 {
			state[i] = 1
			walk = append(walk, i)
			i = bp.parent[i]
		}
		if i >= 0 && state[i] == 1 {
			low := i
			for j := bp.parent[i]; j != i; j = bp.parent[j] {
				low = min(low, j)
			}
			bp.back[[2]int{low, bp.parent[low]}] = true
			bp.parent[low] = -1
		}
		for _, j := range walk {
			state[j] = 2
		}
	}
	for m := range n {
		if len(team[m]) > 0 {
			bp.children[m] = append(bp.children[m], busChild{id: fmt.Sprintf("t%d", m), report: -1})
		}
	}
	for r := range n {
		if m := bp.parent[r]; m >= 0 {
			bp.children[m] = append(bp.children[m], busChild{id: fmt.Sprintf("n%d", r), report: r})
		}
	}
	// Groups, top down: each card starts its own column, except the middle
	// child of an odd bus, which continues its manager's.
	var visit func(m int, g string)
	visit = func(m int, g string) {
		bp.group[fmt.Sprintf("n%d", m)] = g
		kids := bp.children[m]
		for k, ch := range kids {
			cg := "g" + ch.id
			if len(kids)%2 == 1 && k == len(kids)/2 {
				cg = g
			}
			if ch.report < 0 {
				bp.group[ch.id] = cg
				continue
			}
			visit(ch.report, cg)
		}
	}
	for i := range n {
		if u.in[i] && !inTeam[i] && bp.parent[i] < 0 {
			visit(i, fmt.Sprintf("gn%d", i))
		}
	}
	return bp
}

// writeBus writes manager m's bus: its points, the stem, the bar and the
// drops. A line named by a finding (or on the highlighted chain) is drawn in
// its colour along its whole path, stem, bar segments and drop, so the
// report it concerns is plain; the drops of the other reports keep the
// normal colour.
func (d *decor) writeBus(b *strings.Builder, m int, kids []busChild, bp *busPlan) {
	k := len(kids)
	junction := fmt.Sprintf("j%d", m)
	// points[i] is the bar point above kids[i]; pos is each point's place on
	// the bar, and jpos the junction's.
	points := make([]string, k)
	pos := make([]int, k)
	var bar []string
	jpos := -1
	for i, ch := range kids {
		if k%2 == 0 && i == k/2 {
			jpos = len(bar)
			bar = append(bar, junction)
		}
		if k%2 == 1 && i == k/2 {
			points[i] = junction
			jpos = len(bar)
		} else {
			points[i] = "b" + ch.id
		}
		pos[i] = len(bar)
		bar = append(bar, points[i])
	}
	// The look of each child's path, and of the stem and bar segments it
	// runs along: findings first, by severity, then the highlight.
	plain := look{color: d.t.edge, pen: edgePen}
	kid := make([]look, k)
	seg := make([]look, len(bar)) // seg[s] joins bar[s] and bar[s+1]; the last is unused
	stem := plain
	for s := range seg {
		seg[s] = plain
	}
	for i, ch := range kids {
		kid[i] = plain
		if ch.report < 0 {
			continue
		}
		l := d.lineLook(ch.report, m)
		kid[i] = l
		if l.rank > stem.rank {
			stem = l
		}
		for s := min(pos[i], jpos); s < max(pos[i], jpos); s++ {
			if l.rank > seg[s].rank {
				seg[s] = l
			}
		}
	}
	// The points are drawn as dots of the width and colour of the strongest
	// line through them, so the lines meeting there join without a gap
	// (Graphviz ends each line at the point's boundary).
	mg := bp.group[fmt.Sprintf("n%d", m)]
	for j, p := range bar {
		g, l := mg, plain
		if p == junction {
			l = stem
		} else {
			g = bp.group[strings.TrimPrefix(p, "b")]
		}
		if j > 0 && seg[j-1].rank > l.rank {
			l = seg[j-1]
		}
		if seg[j].rank > l.rank {
			l = seg[j]
		}
		for i := range kids {
			if pos[i] == j && kid[i].rank > l.rank {
				l = kid[i]
			}
		}
		// A filled square as wide as the pen: Graphviz clips each line at
		// the node's border, so butt-ended strokes meet its full-width sides
		// and the joint is seamless (a disc as wide as the pen leaves a
		// pinched waist at every joint, a wider one a bead). The label is a
		// space: go-graphviz's Graphviz draws the node's name for label=""
		// and label=<> (measured; native dot does not).
		fmt.Fprintf(b, "\t%s [shape=box, fixedsize=true, style=filled, width=%.3f, height=%.3f, penwidth=0, color=%q, fillcolor=%q, label=\" \", group=%q]\n", p, l.pen/72, l.pen/72, l.color, l.color, g)
	}
	// The stem, and an invisible line from the manager to every other bar
	// point, in bar order: with ordering=out they place the points (and so
	// the reports) in that order under the manager. Without them the points
	// at the ends of a bar have no line from above, Graphviz's crossing
	// minimisation starts them in declaration order and cannot move a chain
	// of flat edges past another, and neighbouring teams interleave.
	for _, p := range bar {
		if p == junction {
			writeEdgeID(b, fmt.Sprintf("n%d", m), junction, stem.attrs())
		} else {
			writeEdgeID(b, fmt.Sprintf("n%d", m), p, []string{"style=invis", "weight=0"})
		}
	}
	if len(bar) > 1 {
		fmt.Fprintf(b, "\t{rank=same; %s}\n", strings.Join(bar, "; "))
		for s := 0; s+1 < len(bar); s++ {
			writeEdgeID(b, bar[s], bar[s+1], seg[s].attrs())
		}
	}
	for i, ch := range kids {
		writeEdgeID(b, points[i], ch.id, kid[i].attrs())
	}
}

func writeEdgeID(b *strings.Builder, from, to string, attrs []string) {
	if len(attrs) == 0 {
		fmt.Fprintf(b, "\t%s -> %s\n", from, to)
		return
	}
	fmt.Fprintf(b, "\t%s -> %s [%s]\n", from, to, strings.Join(attrs, ", "))
}

package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// ORG006: see rules/ORG006.md.
func init() {
	register(&Rule{Code: "ORG006", Run: runRedundantDotted})
}

// viaList names the entries between t and its superior i in t's chain of
// command, from t upwards: at most three by name, then a count, so that the
// cost stays constant however deep the chain.
func viaList(g *graph.Graph, t, i int) string {
	const show = 3
	var ids []string
	for j := g.Manager(t); j >= 0 && j != i && j != t && len(ids) <= show; j = g.Manager(j) {
		ids = append(ids, id(g, j))
	}
	if len(ids) <= show {
		return diag.QuoteList(ids, show)
	}
	total := len(ids)
	if lt, li := g.Level(t), g.Level(i); lt >= 0 && li >= 0 {
		total = lt - li - 1
	}
	return fmt.Sprintf("%q, %q, %q and %d more", ids[0], ids[1], ids[2], total-show)
}

// runRedundantDotted implements ORG006.
func runRedundantDotted(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if len(e.Dotted) == 0 {
			continue
		}
		if g.IsDuplicate(i) { // its lines are ORG001's business
			continue
		}
		// When the graph kept every dotted line written, they are its
		// resolved lines, in order: no lookups needed (the common case).
		// Otherwise some did not resolve (ORG002), repeat, or duplicate a
		// solid line, and the refs are looked up one by one.
		lines := g.DottedFrom(i)
		fast := len(lines) == len(e.Dotted)
		for k, ref := range e.Dotted {
			var t int
			if fast {
				t = lines[k].To
			} else if j, ok := g.Lookup(ref.ID); ok {
				t = j
			} else { // ORG002
				continue
			}
			if t != i && !g.InChain(i, t) {
				if _, ok := lineTo(g, i, t); !ok {
					continue // the common case: nothing to report
				}
			}
			d := diag.Diagnostic{
				Pos:     ref.Pos,
				Subject: e.ID,
				Lines:   []diag.Edge{{From: e.ID, To: id(g, t), Dotted: true}},
			}
			if t == i {
				d.Message = fmt.Sprintf("dotted line from %q points at itself", e.ID)
				p.Report(d)
				continue
			}
			if s, ok := lineTo(g, i, t); ok {
				d.Message = fmt.Sprintf("dotted line from %q to %q duplicates its solid line", e.ID, id(g, t))
				d.Related = []diag.Related{{Pos: s.Pos, Message: fmt.Sprintf("%q reports to %q here", e.ID, id(g, t))}}
				p.Report(d)
				continue
			}
			if g.InChain(i, t) {
				chain := fmt.Sprintf("%q reports to %q", id(g, t), e.ID)
				if via := viaList(g, t, i); via != "" {
					chain += " via " + via
				}
				d.Message = fmt.Sprintf("dotted line from %q to %q points at its own subordinate (%s)", e.ID, id(g, t), chain)
				if ms := g.Managers(t); len(ms) > 0 {
					d.Related = []diag.Related{{Pos: ms[0].Pos, Message: fmt.Sprintf("%q reports to %q", id(g, t), id(g, ms[0].To))}}
				}
				p.Report(d)
			}
		}
	}
}

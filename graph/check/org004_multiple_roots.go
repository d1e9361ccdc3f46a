package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// ORG004: see rules/ORG004.md.
func init() {
	register(&Rule{Code: "ORG004", Run: runMultipleRoots})
}

// runMultipleRoots implements ORG004.
func runMultipleRoots(p *Pass) {
	g := p.Graph
	declared := map[string]bool{}
	for _, t := range p.Org.Tops {
		declared[graph.Key(t.ID)] = true
	}
	var roots []int
	for _, i := range g.Tops() {
		e := g.Person(i)
		if len(e.ReportsTo) > 0 { // unresolved managers: ORG002
			continue
		}
		if j, ok := g.Lookup(e.ID); !ok || j != i { // a duplicate: ORG001
			continue
		}
		roots = append(roots, i)
	}
	if len(declared) > 0 {
		for _, i := range roots {
			e := g.Person(i)
			if declared[e.Key()] {
				continue
			}
			p.Report(diag.Diagnostic{
				Pos:     e.At("id"),
				Subject: e.ID,
				Message: fmt.Sprintf("%q has no solid-line manager and is not among the declared tops", e.ID),
			})
		}
		return
	}
	if len(roots) < 2 {
		return
	}
	ids := make([]string, 0, 4)
	for _, i := range roots[:min(len(roots), 4)] {
		ids = append(ids, id(g, i))
	}
	first := g.Person(roots[0])
	list := diag.QuoteList(ids, 3)
	if len(roots) > 4 {
		list = diag.QuoteList(ids[:3], 3) + fmt.Sprintf(" and %d more", len(roots)-3)
	}
	for _, i := range roots[1:] {
		e := g.Person(i)
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("%q has no solid-line manager: the chart has %d tops (%s)", e.ID, len(roots), list),
			Related: []diag.Related{{Pos: first.At("id"), Message: fmt.Sprintf("first top %q", first.ID)}},
		})
	}
}

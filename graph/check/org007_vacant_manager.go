package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph/diag"
)

// ORG007: see rules/ORG007.md.
func init() {
	register(&Rule{Code: "ORG007", Run: runVacantManager})
}

// runVacantManager implements ORG007.
func runVacantManager(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if !e.Vacant {
			continue
		}
		n := g.Span(i)
		if n == 0 {
			continue
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("vacant position %q has %s: fill it or move them under an acting manager",
				e.ID, diag.Plural(n, "direct report", "direct reports")),
			Related: reportsRelated(g, i),
		})
	}
}

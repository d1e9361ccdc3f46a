package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph/diag"
)

// ORG009: see rules/ORG009.md.
func init() {
	register(&Rule{Code: "ORG009", Params: map[string]int{"max": 12}, Run: runSpanOfControl})
}

// runSpanOfControl implements ORG009.
func runSpanOfControl(p *Pass) {
	g := p.Graph
	limit := p.Param("max")
	for i, e := range p.Org.People {
		n := g.Span(i)
		if n <= limit {
			continue
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("%q has %d direct reports, more than the limit of %d", e.ID, n, limit),
		})
	}
}

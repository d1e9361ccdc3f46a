package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph/diag"
)

// ORG008: see rules/ORG008.md.
func init() {
	register(&Rule{Code: "ORG008", Run: runAssistantWithReports})
}

// runAssistantWithReports implements ORG008.
func runAssistantWithReports(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if e.AssistantTo == nil {
			continue
		}
		n := g.Span(i)
		if n == 0 {
			continue
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("assistant %q has %s: an assistant to %q should not manage a team",
				e.ID, diag.Plural(n, "direct report", "direct reports"), e.AssistantTo.ID),
			Related: reportsRelated(g, i),
		})
	}
}

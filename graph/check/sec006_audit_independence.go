package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// SEC006: see rules/SEC006.md.
func init() {
	register(&Rule{Code: "SEC006", Run: runAuditIndependence})
}

// runAuditIndependence implements SEC006.
func runAuditIndependence(p *Pass) {
	g := p.Graph
	conflict := newAncestors(g, func(q *graph.Person) bool { return hasAny(q, auditChainRoles) })
	isAC := func(q *graph.Person) bool { return q.HasRole("AUDIT_COMMITTEE") }
	for _, i := range entriesWith(g, []string{"CAE"}) {
		t := conflict.find(i)
		if t < 0 || hasDirectLine(g, i, isAC) {
			continue
		}
		c := walkTo(g, i, t)
		rel, lines := c.evidence(g)
		p.Report(diag.Diagnostic{
			Pos:     g.Person(i).Pos,
			Subject: g.Person(i).ID,
			Message: fmt.Sprintf("%s reports to %s%s and has no line to the audit committee", label(g, i, []string{"CAE"}), label(g, t, auditChainRoles), c.via(g)),
			Related: rel,
			Lines:   lines,
		})
	}
}

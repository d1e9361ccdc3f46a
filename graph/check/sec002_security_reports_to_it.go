package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// SEC002: see rules/SEC002.md.
func init() {
	register(&Rule{Code: "SEC002", Run: runSecurityReportsToIT})
}

// runSecurityReportsToIT implements SEC002.
func runSecurityReportsToIT(p *Pass) {
	g := p.Graph
	it := newAncestors(g, func(q *graph.Person) bool { return hasAny(q, itExecutiveRoles) })
	for _, i := range entriesWith(g, securityLeaderRoles) {
		t := it.find(i)
		if t < 0 {
			continue
		}
		c := walkTo(g, i, t)
		rel, lines := c.evidence(g)
		p.Report(diag.Diagnostic{
			Pos:     g.Person(i).Pos,
			Subject: g.Person(i).ID,
			Message: fmt.Sprintf("%s reports to %s%s", label(g, i, securityLeaderRoles), label(g, t, itExecutiveRoles), c.via(g)),
			Related: rel,
			Lines:   lines,
		})
	}
}

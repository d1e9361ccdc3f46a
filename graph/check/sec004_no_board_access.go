package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph/diag"
)

// SEC004: see rules/SEC004.md.
func init() {
	register(&Rule{Code: "SEC004", Run: runNoBoardAccess})
}

// runNoBoardAccess implements SEC004.
func runNoBoardAccess(p *Pass) {
	g := p.Graph
	for _, i := range entriesWith(g, securityLeaderRoles) {
		e := g.Person(i)
		if e.HasRole("CEO") || isBoardBody(e) || hasDirectLine(g, i, isTop) {
			continue
		}
		d := diag.Diagnostic{Pos: e.Pos, Subject: e.ID}
		msg := fmt.Sprintf("%s has no direct line, solid or dotted, to the board, a board committee or the CEO", label(g, i, securityLeaderRoles))
		if m := g.Manager(i); m >= 0 {
			c := chain{from: i, steps: []int{m}}
			d.Related, _ = c.evidence(g)
			msg += fmt.Sprintf(": it reports to %s", label(g, m, executiveRoles))
		}
		d.Message = msg
		p.Report(d)
	}
}

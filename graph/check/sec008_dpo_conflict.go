package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// SEC008: see rules/SEC008.md.
func init() {
	register(&Rule{Code: "SEC008", Run: runDPOConflict})
}

// runDPOConflict implements SEC008.
func runDPOConflict(p *Pass) {
	g := p.Graph
	through := newAncestors(g, func(q *graph.Person) bool { return hasAny(q, dpoChainRoles) && !q.HasRole("CEO") })
	for _, i := range entriesWith(g, []string{"DPO"}) {
		e := g.Person(i)
		var parts []string
		d := diag.Diagnostic{Pos: e.Pos, Subject: e.ID}
		if r := held(e, dpoConflictRoles); len(r) > 0 {
			parts = append(parts, fmt.Sprintf("DPO %s also holds %s", diag.Quote(e.ID), strings.Join(r, ", ")))
			for _, role := range e.Roles {
				if slices.Contains(r, role.Code) && role.Pos.IsValid() {
					d.Related = append(d.Related, diag.Related{Pos: role.Pos, Message: fmt.Sprintf("role %s held here", role.Code)})
				}
			}
		}
		if t := through.find(i); t >= 0 && !hasDirectLine(g, i, isTop) {
			c := walkTo(g, i, t)
			rel, lines := c.evidence(g)
			parts = append(parts, fmt.Sprintf("DPO %s reports to %s%s and has no line to the CEO or a board body", diag.Quote(e.ID), label(g, t, dpoChainRoles), c.via(g)))
			d.Related = append(d.Related, rel...)
			d.Lines = lines
		}
		if len(parts) == 0 {
			continue
		}
		d.Message = strings.Join(parts, "; ")
		p.Report(d)
	}
}

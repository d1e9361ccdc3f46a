package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph/diag"
)

// SEC001: see rules/SEC001.md.
func init() {
	register(&Rule{Code: "SEC001", Run: runMissingSecurityLeader})
}

// runMissingSecurityLeader implements SEC001.
func runMissingSecurityLeader(p *Pass) {
	g := p.Graph
	if g.Len() == 0 {
		return
	}
	leaders := entriesWith(g, securityLeaderRoles)
	var vacant []int
	for _, i := range leaders {
		if !g.Person(i).Vacant {
			return
		}
		vacant = append(vacant, i)
	}
	if len(vacant) > 0 {
		first := g.Person(vacant[0])
		d := diag.Diagnostic{
			Pos:     first.Pos,
			Subject: first.ID,
			Message: fmt.Sprintf("no security leader: every CISO or CSO position is vacant (%s)", quoteAll(g, vacant)),
		}
		for _, i := range vacant[1:] {
			d.Related = append(d.Related, diag.Related{Pos: g.Person(i).Pos, Message: fmt.Sprintf("%s is vacant", label(g, i, securityLeaderRoles))})
		}
		p.Report(d)
		return
	}
	at := -1
	for i := range g.Len() {
		if g.Person(i).HasRole("CEO") {
			at = i
			break
		}
	}
	if at < 0 {
		if tops := g.Tops(); len(tops) > 0 {
			at = tops[0]
		} else {
			at = 0
		}
	}
	e := g.Person(at)
	p.Report(diag.Diagnostic{
		Pos:     e.Pos,
		Subject: e.ID,
		Message: "no security leader: no entry holds role CISO or CSO",
	})
}

package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"
)

// SEC003: see rules/SEC003.md.
func init() {
	register(&Rule{Code: "SEC003", Run: runConflictingRoles})
}

// runConflictingRoles implements SEC003.
func runConflictingRoles(p *Pass) {
	g := p.Graph
	for i := range g.Len() {
		e := g.Person(i)
		var pairs []string
		var involved []string
		add := func(a, b string) {
			pairs = append(pairs, a+" and "+b)
			for _, c := range []string{a, b} {
				if !slices.Contains(involved, c) {
					involved = append(involved, c)
				}
			}
		}
		for _, s := range held(e, securityLeaderRoles) {
			for _, x := range held(e, itExecutiveRoles) {
				add(s, x)
			}
		}
		if e.HasRole("CAE") {
			for _, x := range held(e, caeConflictRoles) {
				add("CAE", x)
			}
		}
		if len(pairs) == 0 {
			continue
		}
		d := diag.Diagnostic{
			Pos:     e.Pos,
			Subject: e.ID,
			Message: fmt.Sprintf("%s holds roles that must be separate: %s", diag.Quote(e.ID), strings.Join(pairs, "; ")),
		}
		for _, r := range e.Roles {
			if slices.Contains(involved, r.Code) && r.Pos.IsValid() {
				how := "held"
				if r.Inferred {
					how = "inferred from the title"
				}
				d.Related = append(d.Related, diag.Related{Pos: r.Pos, Message: fmt.Sprintf("role %s %s here", r.Code, how)})
			}
		}
		p.Report(d)
	}
}

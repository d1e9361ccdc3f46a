package check

import (
	"fmt"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// ORG012: see rules/ORG012.md.
func init() {
	register(&Rule{Code: "ORG012", Run: runUnknownRole})
}

// runUnknownRole implements ORG012.
func runUnknownRole(p *Pass) {
	for _, e := range p.Org.People {
		for _, r := range e.Roles {
			if graph.KnownRole(r.Code) {
				continue
			}
			pos := r.Pos
			if !pos.IsValid() {
				pos = e.At("roles")
			}
			msg := fmt.Sprintf("unknown role code %q on %q: not in the role catalog", r.Code, e.ID)
			if strings.TrimSpace(r.Code) == "" {
				msg = fmt.Sprintf("empty role code on %q: write a code from the role catalog or drop it", e.ID)
			}
			if s := diag.DidYouMean(r.Code, graph.RoleCodes); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.Report(diag.Diagnostic{Pos: pos, Subject: e.ID, Message: msg})
		}
		if e.TitleAmbiguous {
			p.Report(diag.Diagnostic{
				Pos:     e.At("title"),
				Subject: e.ID,
				Message: fmt.Sprintf("title %q is ambiguous (security, strategy or sales): add roles: [CSO] or the role that applies", e.Title),
			})
		}
	}
}

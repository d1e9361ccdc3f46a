package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph/diag"
)

// ORG001: see rules/ORG001.md.
func init() {
	register(&Rule{Code: "ORG001", Run: runDuplicateID})
}

// runDuplicateID implements ORG001.
func runDuplicateID(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if !g.IsDuplicate(i) {
			continue
		}
		j, ok := g.Lookup(e.ID)
		if !ok {
			continue
		}
		f := p.Org.People[j]
		msg := fmt.Sprintf("duplicate id %q: already defined at line %d", e.ID, f.At("id").Line)
		if e.ID != f.ID {
			msg = fmt.Sprintf("duplicate id %q: %q is already defined at line %d", e.ID, f.ID, f.At("id").Line)
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: msg,
			Related: []diag.Related{{Pos: f.At("id"), Message: fmt.Sprintf("%q first defined here", f.ID)}},
		})
	}
}

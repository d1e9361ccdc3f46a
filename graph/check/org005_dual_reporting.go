package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph/diag"
)

// ORG005: see rules/ORG005.md.
func init() {
	register(&Rule{Code: "ORG005", Run: runDualReporting})
}

// runDualReporting implements ORG005.
func runDualReporting(p *Pass) {
	g := p.Graph
	for i := range g.Len() {
		ls := g.Managers(i)
		if len(ls) < 2 {
			continue
		}
		// The graph keeps one line per manager, so every line after the
		// first is a distinct extra manager.
		first, extra := ls[0], ls[1:]
		e := g.Person(i)
		names := []string{id(g, first.To)}
		var lines []diag.Edge
		for _, l := range extra {
			names = append(names, id(g, l.To))
			lines = append(lines, diag.Edge{From: e.ID, To: id(g, l.To)})
		}
		p.Report(diag.Diagnostic{
			Pos:     extra[0].Pos,
			Subject: e.ID,
			Message: fmt.Sprintf("%q has %d solid-line managers, %s: keep one in reports_to and make the others dotted lines",
				e.ID, len(names), diag.QuoteList(names, 5)),
			Related: []diag.Related{{Pos: first.Pos, Message: fmt.Sprintf("first manager %q", id(g, first.To))}},
			Lines:   lines,
		})
	}
}

package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// The core rules, ORG001–ORG012, as ../shared/GOVERNANCE.md defines them.
// Every rule is linear in people plus lines: it walks the entries once and
// asks the reporting graph only constant-time or chain-length questions.

// id returns entry i's id.
func id(g *graph.Graph, i int) string { return g.Person(i).ID }

// lineTo returns i's solid line to manager m.
func lineTo(g *graph.Graph, i, m int) (graph.Line, bool) {
	for _, l := range g.Managers(i) {
		if l.To == m {
			return l, true
		}
	}
	return graph.Line{}, false
}

// reportsRelated notes where up to three of i's reports name i as manager.
func reportsRelated(g *graph.Graph, i int) []diag.Related {
	var rel []diag.Related
	for _, r := range g.Reports(i) {
		if len(rel) == 3 {
			break
		}
		if l, ok := lineTo(g, r, i); ok {
			rel = append(rel, diag.Related{Pos: l.Pos, Message: fmt.Sprintf("%q reports to %q", id(g, r), id(g, i))})
		}
	}
	return rel
}

// reportTeam reports entry i, which should not lead a team, when it has
// direct reports: format has one %s, for their count ("2 direct reports"),
// and the finding notes where up to three of them name i as manager.
func reportTeam(p *Pass, i int, format string) {
	n := p.Graph.Span(i)
	if n == 0 {
		return
	}
	e := p.Graph.Person(i)
	p.Report(diag.Diagnostic{
		Pos:     e.At("id"),
		Subject: e.ID,
		Message: fmt.Sprintf(format, diag.Plural(n, "direct report", "direct reports")),
		Related: reportsRelated(p.Graph, i),
	})
}

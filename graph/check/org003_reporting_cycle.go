package check

import (
	"fmt"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"
)

// ORG003: see rules/ORG003.md.
func init() {
	register(&Rule{Code: "ORG003", Run: runCycle})
}

// runCycle implements ORG003.
func runCycle(p *Pass) {
	g := p.Graph
	for _, c := range g.Cycles() {
		if len(c) == 0 {
			continue
		}
		var (
			b       strings.Builder
			related []diag.Related
			lines   []diag.Edge
			pos     diag.Pos
		)
		b.WriteString("reporting cycle: ")
		if len(c) == 1 {
			fmt.Fprintf(&b, "%q reports to itself", id(g, c[0]))
		} else {
			for _, i := range c {
				fmt.Fprintf(&b, "%q reports to ", id(g, i))
			}
			fmt.Fprintf(&b, "%q", id(g, c[0]))
		}
		for k, i := range c {
			next := c[(k+1)%len(c)]
			l, ok := lineTo(g, i, next)
			if !ok {
				continue
			}
			if k == 0 {
				pos = l.Pos
			}
			related = append(related, diag.Related{Pos: l.Pos, Message: fmt.Sprintf("%q reports to %q", id(g, i), id(g, next))})
			lines = append(lines, diag.Edge{From: id(g, i), To: id(g, next)})
		}
		if !pos.IsValid() {
			pos = g.Person(c[0]).At("reports_to")
		}
		p.Report(diag.Diagnostic{
			Pos:     pos,
			Subject: id(g, c[0]),
			Message: b.String(),
			Related: related,
			Lines:   lines,
		})
	}
}

package check

import (
	"fmt"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// SEC005: see rules/SEC005.md.
func init() {
	register(&Rule{Code: "SEC005", Params: map[string]int{"max": 2}, Run: runSecurityLeaderTooDeep})
}

// runSecurityLeaderTooDeep implements SEC005.
func runSecurityLeaderTooDeep(p *Pass) {
	g := p.Graph
	limit := p.Param("max")
	isCEO := func(q *graph.Person) bool { return q.HasRole("CEO") }
	ceoAbove := newAncestors(g, isCEO)
	firstCEO := -1
	for i := range g.Len() {
		if isCEO(g.Person(i)) && g.Level(i) >= 0 {
			firstCEO = i
			break
		}
	}
	for _, i := range entriesWith(g, securityLeaderRoles) {
		e := g.Person(i)
		if e.HasRole("CEO") {
			continue
		}
		lvl := g.Level(i)
		if lvl < 0 {
			continue // on or under a cycle: ORG003 says so
		}
		var c chain
		var msg string
		switch ceo := ceoAbove.find(i); {
		case ceo >= 0:
			c = walkTo(g, i, ceo)
			if len(c.steps) <= limit {
				continue
			}
			msg = fmt.Sprintf("%s is %s below %s%s, more than the limit of %d", label(g, i, securityLeaderRoles), diag.Plural(len(c.steps), "level", "levels"), label(g, ceo, []string{"CEO"}), c.via(g), limit)
		case firstCEO >= 0:
			d := lvl - g.Level(firstCEO)
			if d <= limit {
				continue
			}
			c = walkTo(g, i, -1)
			msg = fmt.Sprintf("%s is %s below the level of %s, more than the limit of %d, and not under it (chain: %s)", label(g, i, securityLeaderRoles), diag.Plural(d, "level", "levels"), label(g, firstCEO, []string{"CEO"}), limit, quoteAll(g, c.steps))
		default:
			if lvl <= limit {
				continue
			}
			c = walkTo(g, i, -1)
			msg = fmt.Sprintf("%s is %s below the top %s%s, more than the limit of %d (no entry holds CEO)", label(g, i, securityLeaderRoles), diag.Plural(lvl, "level", "levels"), diag.Quote(g.Person(c.target()).ID), c.via(g), limit)
		}
		rel, lines := c.evidence(g)
		p.Report(diag.Diagnostic{Pos: e.Pos, Subject: e.ID, Message: msg, Related: rel, Lines: lines})
	}
}

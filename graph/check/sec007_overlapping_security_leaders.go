package check

import (
	"fmt"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"
)

// SEC007: see rules/SEC007.md.
func init() {
	register(&Rule{Code: "SEC007", Run: runOverlappingSecurityLeaders})
}

// runOverlappingSecurityLeaders implements SEC007.
func runOverlappingSecurityLeaders(p *Pass) {
	g := p.Graph
	var cisos, csos []int
	for i := range g.Len() {
		e := g.Person(i)
		if e.Vacant {
			continue
		}
		if e.HasRole("CISO") {
			cisos = append(cisos, i)
		}
		if e.HasRole("CSO") {
			csos = append(csos, i)
		}
	}
	seen := map[[2]int]bool{}
	for _, a := range cisos {
		for _, b := range csos {
			if a == b {
				continue
			}
			lo, hi := min(a, b), max(a, b)
			if seen[[2]int{lo, hi}] {
				continue
			}
			seen[[2]int{lo, hi}] = true
			if g.InChain(a, b) || g.InChain(b, a) {
				continue
			}
			ciso, cso := label(g, a, []string{"CISO"}), label(g, b, []string{"CSO"})
			msg := fmt.Sprintf("%s and %s are both heads of security and neither is in the other's chain of command", ciso, cso)
			var chains []string
			for _, x := range []int{a, b} {
				if m := g.Manager(x); m >= 0 {
					chains = append(chains, fmt.Sprintf("%s reports to %s", diag.Quote(g.Person(x).ID), diag.Quote(g.Person(m).ID)))
				} else {
					chains = append(chains, fmt.Sprintf("%s is a top", diag.Quote(g.Person(x).ID)))
				}
			}
			msg += " (" + strings.Join(chains, ", ") + ")"
			later, other := g.Person(hi), g.Person(lo)
			otherLabel := ciso
			if lo == b {
				otherLabel = cso
			}
			p.Report(diag.Diagnostic{
				Pos:     later.Pos,
				Subject: later.ID,
				Message: msg,
				Related: []diag.Related{{Pos: other.Pos, Message: otherLabel + " is defined here"}},
			})
		}
	}
}

package check

import (
	"fmt"
)

// ORG007: see rules/ORG007.md.
func init() {
	register(&Rule{Code: "ORG007", Run: runVacantManager})
}

// runVacantManager implements ORG007.
func runVacantManager(p *Pass) {
	for i, e := range p.Org.People {
		if !e.Vacant {
			continue
		}
		reportTeam(p, i, fmt.Sprintf("vacant position %q has %%s: fill it or move them under an acting manager", e.ID))
	}
}

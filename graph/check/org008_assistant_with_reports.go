package check

import (
	"fmt"
)

// ORG008: see rules/ORG008.md.
func init() {
	register(&Rule{Code: "ORG008", Run: runAssistantWithReports})
}

// runAssistantWithReports implements ORG008.
func runAssistantWithReports(p *Pass) {
	for i, e := range p.Org.People {
		if e.AssistantTo == nil {
			continue
		}
		reportTeam(p, i, fmt.Sprintf("assistant %q has %%s: an assistant to %q should not manage a team", e.ID, e.AssistantTo.ID))
	}
}

package check

import (
	"fmt"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// ORG002: see rules/ORG002.md.
func init() {
	register(&Rule{Code: "ORG002", Run: runUnknownReference})
}

// The edit-distance scans of ORG002's suggestions are bounded: at most
// maxSuggestScans of them, and at most suggestBudget ids compared in all, so
// a chart of a million people with many typos stays fast (later typos get
// only the suggestions equal up to case and separators).
const (
	maxSuggestScans = 8
	suggestBudget   = 2_000_000
)

// runUnknownReference implements ORG002.
func runUnknownReference(p *Pass) {
	g := p.Graph
	var sug *diag.Suggester // made on the first unknown id
	suggest := func(bad string) string {
		if sug == nil {
			ids := make([]string, g.Len())
			for i := range ids {
				ids[i] = id(g, i)
			}
			sug = &diag.Suggester{Known: ids, Budget: min(maxSuggestScans*len(ids), suggestBudget)}
		}
		return sug.Suggest(bad)
	}
	// check reports ref when it does not resolve; prefix builds the start
	// of the message only then, so the common case allocates nothing.
	check := func(subject string, ref graph.Ref, prefix func() string) {
		if strings.TrimSpace(ref.ID) == "" {
			return
		}
		if _, ok := g.Lookup(ref.ID); ok {
			return
		}
		msg := prefix() + fmt.Sprintf("unknown id %q", ref.ID)
		if s := suggest(ref.ID); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		} else {
			msg += ": no entry has this id"
		}
		p.Report(diag.Diagnostic{Pos: ref.Pos, Subject: subject, Message: msg})
	}
	for _, t := range p.Org.Tops {
		check("", t, func() string { return "tops names " })
	}
	for i, e := range p.Org.People {
		// When the graph resolved as many lines as are written, every
		// reference resolved: skip the lookups (the common case).
		if len(g.Managers(i))+len(g.DottedFrom(i)) < len(e.ReportsTo)+len(e.Dotted) {
			for _, r := range e.ReportsTo {
				check(e.ID, r, func() string { return fmt.Sprintf("%q reports to ", e.ID) })
			}
			for _, r := range e.Dotted {
				check(e.ID, r, func() string { return fmt.Sprintf("dotted line from %q to ", e.ID) })
			}
		}
		if a := e.AssistantTo; a != nil {
			// `assistant: true` repeats the first reports_to reference,
			// which is already checked.
			if len(e.ReportsTo) > 0 && e.ReportsTo[0].Pos == a.Pos && graph.Key(e.ReportsTo[0].ID) == graph.Key(a.ID) {
				continue
			}
			check(e.ID, *a, func() string { return fmt.Sprintf("%q is assistant to ", e.ID) })
		}
	}
}

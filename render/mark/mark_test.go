package mark

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/option"
)

// TestOf checks what findings and the highlight mark: a subject's card, the
// lines a finding names (both ends drawn), the worst severity, each code
// once, nothing for suppressed findings or unknown entries, and the
// highlighted entry's chain of managers.
func TestOf(t *testing.T) {
	org := &graph.Org{People: []*graph.Person{
		{ID: "ceo"},
		{ID: "cio", ReportsTo: []graph.Ref{{ID: "ceo"}}},
		{ID: "ciso", ReportsTo: []graph.Ref{{ID: "cio"}}},
	}}
	for i, p := range org.People {
		p.Index = i
	}
	g := graph.Build(org)
	line := []diag.Edge{{From: "ciso", To: "cio"}}
	findings := []diag.Diagnostic{
		{Code: "SEC002", Rule: "security-reports-to-it", Severity: diag.SeverityWarning, Subject: "ciso", Lines: line},
		{Code: "SEC002", Rule: "security-reports-to-it", Severity: diag.SeverityError, Subject: "ciso", Lines: line},
		{Code: "ORG001", Rule: "a", Severity: diag.SeverityInfo, Subject: "ciso"},
		{Code: "SEC009", Rule: "b", Severity: diag.SeverityError, Subject: "ceo", Suppressed: true},
		{Code: "ORG002", Rule: "c", Severity: diag.SeverityError, Subject: "nobody", Lines: []diag.Edge{{From: "nobody", To: "ceo"}}},
	}
	m := Of(g, findings, option.Options{Highlight: "ciso"})
	want := &Marks{
		Node:      map[int]diag.Severity{2: diag.SeverityError},
		NodeCodes: map[int][]string{2: {"ORG001", "SEC002"}},
		Line:      map[[2]int]diag.Severity{{2, 1}: diag.SeverityError},
		LineCodes: map[[2]int][]string{{2, 1}: {"SEC002"}},
		Rule:      map[string]string{"SEC002": "security-reports-to-it", "ORG001": "a"},
		CodeSev:   map[string]diag.Severity{"SEC002": diag.SeverityError, "ORG001": diag.SeverityInfo},
		HLNode:    map[int]bool{2: true, 1: true, 0: true},
		HLEdge:    map[[2]int]bool{{2, 1}: true, {1, 0}: true},
	}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("Of (-want +got):\n%s", diff)
	}
	if got := m.Codes(); !cmp.Equal(got, []string{"ORG001", "SEC002"}) {
		t.Errorf("Codes() = %v, want [ORG001 SEC002]", got)
	}
	if m := Of(g, findings, option.Options{NoFindings: true}); len(m.Node)+len(m.Line)+len(m.CodeSev)+len(m.HLNode) != 0 {
		t.Errorf("NoFindings and no highlight: %+v, want nothing marked", m)
	}
}

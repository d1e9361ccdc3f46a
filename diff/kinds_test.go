package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph/diag"
)

// TestKinds covers each kind of change on small charts, ids matched by key.
func TestKinds(t *testing.T) {
	const base = `people:
  - id: ceo
    name: Sam Reyes
    roles: [CEO]
  - id: cto
    name: Ada Brandt
    reports_to: ceo
  - id: ciso
    name: Jo Dunn
    title: Head of Security
    department: IT
    roles: [CISO]
    reports_to: ceo
    dotted: [cto]
`
	tests := []struct {
		name, new string
		want      []Change
	}{
		{"same", base, nil},
		{"id case and spaces", `people:
  - id: CEO
    name: Sam Reyes
    roles: [CEO]
  - id: " cto"
    name: Ada Brandt
    reports_to: ceo
  - id: Ciso
    name: Jo Dunn
    title: Head of Security
    department: IT
    roles: [CISO]
    reports_to: CEO
    dotted: [CTO]
`, nil},
		{"renamed roles department dotted", `people:
  - id: ceo
    name: Sam Reyes
    roles: [CEO]
  - id: cto
    name: Ada Brandt-Olsen
    reports_to: ceo
  - id: ciso
    name: Jo Dunn
    title: Head of Security
    department: Security
    roles: [CSO, CISO]
    reports_to: cto
    dotted: [ceo]
`, []Change{
			{Kind: Moved, ID: "ciso", From: "ceo", To: "cto"},
			{Kind: Renamed, ID: "cto", From: "Ada Brandt", To: "Ada Brandt-Olsen"},
			{Kind: Roles, ID: "ciso", From: "CISO", To: "CISO,CSO"},
			{Kind: Department, ID: "ciso", From: "IT", To: "Security"},
			{Kind: DottedAdded, ID: "ciso", To: "ceo"},
			{Kind: DottedRemoved, ID: "ciso", To: "cto"},
		}},
		{"top gets a manager, leaver with no manager", `people:
  - id: cto
    name: Ada Brandt
  - id: ciso
    name: Jo Dunn
    title: Head of Security
    department: IT
    roles: [CISO]
    reports_to: cto
    dotted: [cto]
`, []Change{
			{Kind: Left, ID: "ceo"},
			{Kind: Moved, ID: "ciso", From: "ceo", To: "cto"},
			{Kind: Moved, ID: "cto", From: "ceo"},
		}},
	}
	old := chartOf(t, "old.yaml", []byte(base))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(old, chartOf(t, "new.yaml", []byte(tt.new)))
			if d := cmp.Diff(tt.want, r.Changes); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
		})
	}
}

// TestFindingsMatch checks matching by code and subject key, as multisets,
// the surplus of a key being introduced (or resolved).
func TestFindingsMatch(t *testing.T) {
	d := func(code, subject, msg string, line int) diag.Diagnostic {
		return diag.Diagnostic{Code: code, Subject: subject, Message: msg, Pos: diag.Pos{File: "f", Line: line}, Severity: diag.SeverityWarning}
	}
	old := []diag.Diagnostic{d("SEC002", "ciso", "via cio", 3), d("ORG009", "ceo", "13 reports", 1), d("ORG003", "", "cycle a", 9)}
	new := []diag.Diagnostic{
		d("SEC002", "CISO", "via cto", 40),                            // same code and subject key, other message and line: persists
		d("ORG003", "", "cycle a", 9), d("ORG003", "", "cycle b", 12), // one more cycle: the second is introduced
		d("SEC004", "ciso", "no board access", 40),
	}
	in, res := findings(old, new)
	if got, want := codes(in), []string{"ORG003 ", "SEC004 ciso"}; !cmp.Equal(got, want) {
		t.Errorf("introduced = %v, want %v", got, want)
	}
	if in[0].Message != "cycle b" {
		t.Errorf("introduced ORG003 = %q, want the surplus one, \"cycle b\"", in[0].Message)
	}
	if got, want := codes(res), []string{"ORG009 ceo"}; !cmp.Equal(got, want) {
		t.Errorf("resolved = %v, want %v", got, want)
	}
}

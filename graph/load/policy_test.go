package load

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

func TestLoadPolicy(t *testing.T) {
	tests := []struct {
		name, src string
		want      *graph.PolicySpec
	}{
		{
			"p.yaml", "profiles: [core, gdpr]\nrules:\n  sec002: off\n  ORG009: {severity: info, max: 20, off: false}\nexceptions:\n  - rule: SEC004\n    id: ciso\n    reason: board meets quarterly\n    approved_by: cfo\n    until: 2026-12-31\n",
			&graph.PolicySpec{
				Profiles: []string{"core", "gdpr"}, ProfilePos: []diag.Pos{lp("p.yaml", 1, 12), lp("p.yaml", 1, 18)},
				Rules: map[string]graph.RuleSetting{
					"SEC002": {Off: true, Pos: lp("p.yaml", 3, 3)},
					"ORG009": {Severity: "info", Params: map[string]int{"max": 20}, Pos: lp("p.yaml", 4, 3)},
				},
				Exceptions: []graph.Exception{{Rule: "SEC004", ID: "ciso", Reason: "board meets quarterly", ApprovedBy: "cfo",
					Until: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), Pos: lp("p.yaml", 6, 3)}},
				Pos: lp("p.yaml", 1, 1),
			},
		},
		{
			// Wrapped as {policy: ...}, with a single profile as a scalar.
			"w.yaml", "version: 1\npolicy:\n  profiles: nydfs\n",
			&graph.PolicySpec{Profiles: []string{"nydfs"}, ProfilePos: []diag.Pos{lp("w.yaml", 3, 13)}, Pos: lp("w.yaml", 3, 3)},
		},
		{
			"p.json", "{\"policy\": {\"rules\": {\"ORG010\": \"error\"}}}",
			&graph.PolicySpec{Rules: map[string]graph.RuleSetting{"ORG010": {Severity: "error", Pos: lp("p.json", 1, 23)}}, Pos: lp("p.json", 1, 12)},
		},
	}
	for _, tt := range tests {
		got, err := Policy(tt.name, []byte(tt.src))
		if err != nil {
			t.Errorf("LoadPolicy(%s): %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("LoadPolicy(%s) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestLoadPolicyErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"p.yaml", "", []string{`p.yaml:1:1: the policy file is empty: write "profiles", "rules" or "exceptions"`}},
		{"p.json", " ", []string{`p.json:1:1: the policy file is empty: write "profiles", "rules" or "exceptions"`}},
		{"p.yaml", "rulez: {}\n", []string{`p.yaml:1:1: unknown policy field "rulez" (did you mean "rules"?): remove it or fix its spelling`}},
		{"p.yaml", "- a\n", []string{`p.yaml:1:1: "policy" must be a mapping with "profiles", "rules" and "exceptions", not a list`}},
		{"p.yaml", "rules: [ORG001]\n", []string{`p.yaml:1:8: "rules" must be a mapping of rule codes such as {ORG010: off}, not a list`}},
		{"p.yaml", "rules:\n  ORG009: [1]\n  org009: off\n", []string{
			`p.yaml:2:11: rule "ORG009": write off, error, warning, info or a mapping such as {severity: warning, max: 8}, not a list`,
			`p.yaml:3:3: rule "ORG009" is set twice (first at line 2): keep one`}},
		{"p.yaml", "rules:\n  ORG009: {severity: loud, max: -1}\n", []string{
			`p.yaml:2:22: rule "ORG009": unknown setting "loud": write off, error, warning or info`,
			`p.yaml:2:33: rule "ORG009": parameter "max" must be a whole number such as 8, not "-1"`}},
		{"p.yaml", "exceptions:\n  - {rule: SEC002, until: 2027-02-30}\n  - x\n", []string{
			`p.yaml:2:5: exception has no "id": name the entry it applies to, such as "id: ciso"`,
			`p.yaml:2:27: bad date "2027-02-30" in "until": write YYYY-MM-DD, such as 2027-03-31`,
			`p.yaml:3:5: each exception must be a mapping {rule, id, reason, approved_by, until}, not "x"`}},
		{"p.yaml", "exceptions: {rule: x}\n", []string{`p.yaml:1:13: "exceptions" must be a list of {rule, id, reason, approved_by, until}, not a mapping`}},
		{"p.json", `{"rules": {"A": "off"`, []string{`p.json:1:22: invalid JSON: unexpected end of input: close every { and [`}},
		{"p.yaml", "policy: {}\nextra: 1\n", []string{`p.yaml:2:1: unknown field "extra": remove it or fix its spelling`}},
	}
	for _, tt := range tests {
		_, err := Policy(tt.name, []byte(tt.src))
		if diff := cmp.Diff(tt.want, errStrings(t, err)); diff != "" {
			t.Errorf("LoadPolicy(%q) errors (-want +got):\n%s", tt.src, diff)
		}
	}
}

package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
)

// flat is a diagnostic reduced to what a rule decides.
type flat struct {
	At      string // line:col
	Code    string
	Subject string
	Message string
	Related []string // "line:col: message"
	Lines   []diag.Edge
}

func flatten(ds []diag.Diagnostic) []flat {
	var out []flat
	for _, d := range ds {
		f := flat{At: fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Column), Code: d.Code, Subject: d.Subject, Message: d.Message, Lines: d.Lines}
		for _, r := range d.Related {
			f.Related = append(f.Related, fmt.Sprintf("%d:%d: %s", r.Pos.Line, r.Pos.Column, r.Message))
		}
		out = append(out, f)
	}
	return out
}

// runYAML checks a chart under the core profile only.
func runYAML(t *testing.T, src string) []flat {
	t.Helper()
	org, err := load.Chart("t.yaml", []byte(src), load.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	pol, err := NewPolicy([]string{"-security"}, org.Policy)
	if err != nil {
		t.Fatalf("policy: %v", err)
	}
	return flatten(Run(graph.Build(org), pol).Diagnostics)
}

func TestOrgRuleMessages(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []flat
	}{
		{
			name: "ORG001 at the second id, related to the first",
			src: `people:
  - id: ceo
  - id: CEO
`,
			want: []flat{{At: "3:9", Code: "ORG001", Subject: "CEO",
				Message: `duplicate id "CEO": "ceo" is already defined at line 2`,
				Related: []string{`2:9: "ceo" first defined here`}}},
		},
		{
			name: "ORG002 suggests a close id",
			src: `people:
  - id: chief-exec
  - id: cfo
    reports_to: chief_exec
  - id: cto
    reports_to: chief-exce
  - id: ops
    reports_to: zzz
`,
			want: []flat{
				{At: "4:17", Code: "ORG002", Subject: "cfo", Message: `"cfo" reports to unknown id "chief_exec": did you mean "chief-exec"?`},
				{At: "6:17", Code: "ORG002", Subject: "cto", Message: `"cto" reports to unknown id "chief-exce": did you mean "chief-exec"?`},
				{At: "8:17", Code: "ORG002", Subject: "ops", Message: `"ops" reports to unknown id "zzz": no entry has this id`},
			},
		},
		{
			name: "ORG003 names the chain, notes each edge, lists the lines",
			src: `people:
  - id: a
    reports_to: b
  - id: b
    reports_to: a
  - id: top
`,
			want: []flat{{At: "3:17", Code: "ORG003", Subject: "a",
				Message: `reporting cycle: "a" reports to "b" reports to "a"`,
				Related: []string{`3:17: "a" reports to "b"`, `5:17: "b" reports to "a"`},
				Lines:   []diag.Edge{{From: "a", To: "b"}, {From: "b", To: "a"}}}},
		},
		{
			name: "ORG005 at the second manager, related to the first, the extra line",
			src: `people:
  - id: ceo
  - id: cto
    reports_to: ceo
  - id: x
    reports_to: [ceo, cto]
`,
			want: []flat{{At: "6:23", Code: "ORG005", Subject: "x",
				Message: `"x" has 2 solid-line managers, "ceo" and "cto": keep one in reports_to and make the others dotted lines`,
				Related: []string{`6:18: first manager "ceo"`},
				Lines:   []diag.Edge{{From: "x", To: "cto"}}}},
		},
		{
			name: "ORG006 subordinate names the chain",
			src: `people:
  - id: ceo
    dotted: [dev]
  - id: cto
    reports_to: ceo
  - id: lead
    reports_to: cto
  - id: dev
    reports_to: lead
`,
			want: []flat{{At: "3:14", Code: "ORG006", Subject: "ceo",
				Message: `dotted line from "ceo" to "dev" points at its own subordinate ("dev" reports to "ceo" via "lead" and "cto")`,
				Related: []string{`9:17: "dev" reports to "lead"`},
				Lines:   []diag.Edge{{From: "ceo", To: "dev", Dotted: true}}}},
		},
		{
			name: "ORG006 names at most three entries between",
			src: `people:
  - id: a
    dotted: [f]
  - {id: b, reports_to: a}
  - {id: c, reports_to: b}
  - {id: d, reports_to: c}
  - {id: e, reports_to: d}
  - {id: f, reports_to: e}
`,
			want: []flat{{At: "3:14", Code: "ORG006", Subject: "a",
				Message: `dotted line from "a" to "f" points at its own subordinate ("f" reports to "a" via "e", "d", "c" and 1 more)`,
				Related: []string{`8:25: "f" reports to "e"`},
				Lines:   []diag.Edge{{From: "a", To: "f", Dotted: true}}}},
		},
		{
			name: "ORG010 one finding per branch, naming the top and the depth",
			src: `policy:
  rules:
    ORG010: {max: 1}
people:
  - id: ceo
  - {id: a, reports_to: ceo}
  - {id: b, reports_to: a}
  - {id: c, reports_to: b}
  - {id: b2, reports_to: a}
`,
			want: []flat{
				{At: "7:10", Code: "ORG010", Subject: "b", Message: `"b" is 2 levels below the top "ceo", more than the limit of 1; its branch goes down to level 3`},
				{At: "9:10", Code: "ORG010", Subject: "b2", Message: `"b2" is 2 levels below the top "ceo", more than the limit of 1`},
			},
		},
		{
			name: "ORG010 names each branch's own top, in file order",
			src: `policy:
  rules:
    ORG010: {max: 1}
    ORG004: off
people:
  - {id: d2, reports_to: c2}
  - {id: t1}
  - {id: t2}
  - {id: c2, reports_to: b2}
  - {id: b2, reports_to: t2}
  - {id: b1, reports_to: t1}
  - {id: c1, reports_to: b1}
`,
			want: []flat{
				{At: "9:10", Code: "ORG010", Subject: "c2", Message: `"c2" is 2 levels below the top "t2", more than the limit of 1; its branch goes down to level 3`},
				{At: "12:10", Code: "ORG010", Subject: "c1", Message: `"c1" is 2 levels below the top "t1", more than the limit of 1`},
			},
		},
		{
			name: "ORG012 suggests the catalog code",
			src: `people:
  - id: ceo
    roles: [CEO, CSIO, Cheif]
`,
			want: []flat{
				{At: "3:18", Code: "ORG012", Subject: "ceo", Message: `unknown role code "CSIO" on "ceo": not in the role catalog; did you mean "CISO"?`},
				{At: "3:24", Code: "ORG012", Subject: "ceo", Message: `unknown role code "CHEIF" on "ceo": not in the role catalog`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runYAML(t, tt.src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOrgRulesQuiet runs charts every core rule must accept.
func TestOrgRulesQuiet(t *testing.T) {
	for name, src := range map[string]string{
		"empty": "people: []\n",
		"one":   "people:\n  - id: solo\n",
		"span at the limit and depth at the limit": `policy: {rules: {ORG009: {max: 2}, ORG010: {max: 2}}}
people:
  - id: ceo
  - {id: a, reports_to: ceo}
  - {id: b, reports_to: ceo}
  - {id: a1, reports_to: a}
  - {id: a2, reports_to: a}
`,
		"dotted to a peer, a manager's manager and a vacancy without reports": `people:
  - id: ceo
  - {id: cto, reports_to: ceo}
  - {id: cfo, reports_to: ceo, dotted: [cto]}
  - {id: dev, reports_to: cto, dotted: [ceo, open]}
  - {id: open, reports_to: cfo, vacant: true}
  - {id: ea, reports_to: ceo, assistant: true}
`,
		"the same manager twice is not dual reporting": `people:
  - id: ceo
  - {id: a, reports_to: [ceo, CEO]}
`,
	} {
		t.Run(name, func(t *testing.T) {
			if got := runYAML(t, src); len(got) != 0 {
				t.Errorf("want no findings, got %+v", got)
			}
		})
	}
}

// TestSuggestionsStayBounded gives more unknown ids than the edit-distance
// scans allow: every one is still reported, close-by-separator ids are still
// suggested, and edit-distance suggestions stop after maxSuggestScans.
func TestSuggestionsStayBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("people:\n  - id: chief-exec\n")
	for i := range 20 {
		fmt.Fprintf(&b, "  - {id: p%d, reports_to: chief-exce}\n", i)
	}
	b.WriteString("  - {id: q, reports_to: chief_exec}\n")
	got := runYAML(t, b.String())
	if len(got) != 21 {
		t.Fatalf("got %d findings, want 21", len(got))
	}
	suggested := 0
	for _, f := range got[:20] {
		if strings.HasSuffix(f.Message, `did you mean "chief-exec"?`) {
			suggested++
		}
	}
	if suggested != maxSuggestScans {
		t.Errorf("%d edit-distance suggestions, want %d", suggested, maxSuggestScans)
	}
	if want := `"q" reports to unknown id "chief_exec": did you mean "chief-exec"?`; got[20].Message != want {
		t.Errorf("last message = %q, want %q", got[20].Message, want)
	}
}

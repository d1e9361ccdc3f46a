package check_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
)

// today is the date the exception tests run on.
var today = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

// runChart loads src as t.yaml and runs it under the profiles plus the
// chart's own policy, on today's date.
func runChart(t *testing.T, src string, profiles ...string) *check.Result {
	t.Helper()
	org, err := load.Chart("t.yaml", []byte(src), load.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	pol, err := check.NewPolicy(profiles, org.Policy)
	if err != nil {
		t.Fatalf("policy: %v", err)
	}
	pol.Now = func() time.Time { return today }
	return check.Run(graph.Build(org), pol)
}

// only returns the diagnostics with the code (suppressed ones included).
func only(res *check.Result, code string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range res.Diagnostics {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

// at is a position in t.yaml.
func at(line, col int) diag.Pos { return diag.Pos{File: "t.yaml", Line: line, Column: col} }

// The chart the message tests share. Line numbers matter: they are in the
// expected positions below.
const governanceChart = `org: Acme
people:
  - id: board
    kind: board
  - id: ceo
    roles: [CEO]
    reports_to: board
  - id: kim
    roles: [CTO]
    reports_to: ceo
  - id: pat
    reports_to: kim
  - id: lee
    roles: [CISO]
    reports_to: pat
  - id: ian
    roles: [CIO, CSO]
    reports_to: ceo
    dotted: [board]
  - id: carl
    roles: [CFO]
    reports_to: ceo
  - id: ann
    roles: [CAE]
    reports_to: carl
  - id: dee
    roles: [DPO]
    reports_to: ian
`

// TestSecurityMessages checks each finding's message, related positions and
// lines exactly: the message names the chain, the related positions point
// at each reports_to line of it.
func TestSecurityMessages(t *testing.T) {
	res := runChart(t, governanceChart, "gdpr")
	want := map[string][]diag.Diagnostic{
		"SEC002": {
			{
				Code: "SEC002", Rule: "security-reports-to-it", Severity: diag.SeverityWarning,
				Pos: at(13, 3), Subject: "lee",
				Message: `CISO "lee" reports to CTO "kim" via "pat"`,
				Related: []diag.Related{
					{Pos: at(15, 17), Message: `"lee" reports to "pat" here`},
					{Pos: at(12, 17), Message: `"pat" reports to "kim" here`},
				},
				Lines: []diag.Edge{{From: "lee", To: "pat"}, {From: "pat", To: "kim"}},
			},
		},
		"SEC003": {
			{
				Code: "SEC003", Rule: "conflicting-roles", Severity: diag.SeverityError,
				Pos: at(16, 3), Subject: "ian",
				Message: `"ian" holds roles that must be separate: CSO and CIO`,
				Related: []diag.Related{
					{Pos: at(17, 13), Message: "role CIO held here"},
					{Pos: at(17, 18), Message: "role CSO held here"},
				},
			},
		},
		"SEC004": {
			{
				Code: "SEC004", Rule: "no-board-access", Severity: diag.SeverityWarning,
				Pos: at(13, 3), Subject: "lee",
				Message: `CISO "lee" has no direct line, solid or dotted, to the board, a board committee or the CEO: it reports to "pat"`,
				Related: []diag.Related{{Pos: at(15, 17), Message: `"lee" reports to "pat" here`}},
			},
		},
		"SEC005": {
			{
				Code: "SEC005", Rule: "security-leader-too-deep", Severity: diag.SeverityWarning,
				Pos: at(13, 3), Subject: "lee",
				Message: `CISO "lee" is 3 levels below CEO "ceo" via "pat", "kim", more than the limit of 2`,
				Related: []diag.Related{
					{Pos: at(15, 17), Message: `"lee" reports to "pat" here`},
					{Pos: at(12, 17), Message: `"pat" reports to "kim" here`},
					{Pos: at(10, 17), Message: `"kim" reports to "ceo" here`},
				},
				Lines: []diag.Edge{{From: "lee", To: "pat"}, {From: "pat", To: "kim"}, {From: "kim", To: "ceo"}},
			},
		},
		"SEC006": {
			{
				Code: "SEC006", Rule: "audit-independence", Severity: diag.SeverityError,
				Pos: at(23, 3), Subject: "ann",
				Message: `CAE "ann" reports to CFO "carl" and has no line to the audit committee`,
				Related: []diag.Related{{Pos: at(25, 17), Message: `"ann" reports to "carl" here`}},
				Lines:   []diag.Edge{{From: "ann", To: "carl"}},
			},
		},
		"SEC007": {
			{
				Code: "SEC007", Rule: "overlapping-security-leaders", Severity: diag.SeverityWarning,
				Pos: at(16, 3), Subject: "ian",
				Message: `CISO "lee" and CSO "ian" are both heads of security and neither is in the other's chain of command ("lee" reports to "pat", "ian" reports to "ceo")`,
				Related: []diag.Related{{Pos: at(13, 3), Message: `CISO "lee" is defined here`}},
			},
		},
		"SEC008": {
			{
				Code: "SEC008", Rule: "dpo-conflict", Severity: diag.SeverityError,
				Pos: at(26, 3), Subject: "dee",
				Message: `DPO "dee" reports to CIO/CSO "ian" and has no line to the CEO or a board body`,
				Related: []diag.Related{{Pos: at(28, 17), Message: `"dee" reports to "ian" here`}},
				Lines:   []diag.Edge{{From: "dee", To: "ian"}},
			},
		},
	}
	for _, code := range []string{"SEC001", "SEC002", "SEC003", "SEC004", "SEC005", "SEC006", "SEC007", "SEC008"} {
		if diff := cmp.Diff(want[code], only(res, code)); diff != "" {
			t.Errorf("%s diagnostics (-want +got):\n%s", code, diff)
		}
	}
}

// TestSecurityMessagesOther covers the messages the shared chart does not:
// SEC001 in both forms, a DPO holding a conflicting role, SEC005 with no CEO.
func TestSecurityMessagesOther(t *testing.T) {
	tests := []struct {
		name, src, code string
		profiles        []string
		want            []string // "line: message"
	}{
		{
			name: "no security leader",
			src:  "people:\n  - id: top\n  - id: ceo\n    roles: [CEO]\n",
			code: "SEC001",
			want: []string{"3: no security leader: no entry holds role CISO or CSO"},
		},
		{
			name: "no security leader and no CEO",
			src:  "people:\n  - id: top\n  - id: b\n    reports_to: top\n",
			code: "SEC001",
			want: []string{"2: no security leader: no entry holds role CISO or CSO"},
		},
		{
			name: "every security leader vacant",
			src:  "people:\n  - id: ceo\n    roles: [CEO]\n  - id: c1\n    roles: [CISO]\n    vacant: true\n    reports_to: ceo\n",
			code: "SEC001",
			want: []string{`4: no security leader: every CISO or CSO position is vacant ("c1")`},
		},
		{
			name:     "dpo holding conflicting roles and reporting through one",
			src:      "people:\n  - id: ceo\n    roles: [CEO, CISO]\n  - id: coo\n    roles: [COO]\n    reports_to: ceo\n  - id: d\n    roles: [DPO, CFO, CTO]\n    reports_to: coo\n",
			code:     "SEC008",
			profiles: []string{"gdpr"},
			want:     []string{`7: DPO "d" also holds CFO, CTO; DPO "d" reports to COO "coo" and has no line to the CEO or a board body`},
		},
		{
			name:     "dpo reporting through a ceo who is also cto",
			src:      "people:\n  - id: ceo\n    roles: [CEO, CTO]\n  - id: lee\n    roles: [CISO]\n    reports_to: ceo\n  - id: gc\n    roles: [GC]\n    reports_to: ceo\n  - id: d\n    roles: [DPO]\n    reports_to: gc\n",
			code:     "SEC008",
			profiles: []string{"gdpr"},
			want:     nil,
		},
		{
			name: "cae holding ciso and cio",
			src:  "people:\n  - id: ceo\n    roles: [CEO]\n  - id: x\n    roles: [CAE, CISO, CIO]\n    reports_to: ceo\n",
			code: "SEC003",
			want: []string{`4: "x" holds roles that must be separate: CISO and CIO; CAE and CISO; CAE and CIO`},
		},
		{
			name: "security leader not under the ceo",
			src:  "people:\n  - id: board\n    kind: board\n  - id: ceo\n    roles: [CEO]\n    reports_to: board\n  - id: a\n    reports_to: board\n  - id: b\n    reports_to: a\n  - id: c\n    reports_to: b\n  - id: lee\n    roles: [CISO]\n    reports_to: c\n    dotted: [board]\n",
			code: "SEC005",
			want: []string{`13: CISO "lee" is 3 levels below the level of CEO "ceo", more than the limit of 2, and not under it (chain: "c", "b", "a", "board")`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runChart(t, tt.src, tt.profiles...)
			var got []string
			for _, d := range only(res, tt.code) {
				got = append(got, fmt.Sprintf("%d: %s", d.Pos.Line, d.Message))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s findings (-want +got):\n%s\nall: %v", tt.code, diff, res.Diagnostics)
			}
		})
	}
}

// TestSecuritySeverities checks the severity of each SEC finding under each
// profile that changes it, on one chart that triggers them all.
func TestSecuritySeverities(t *testing.T) {
	E, W, off := diag.SeverityError, diag.SeverityWarning, diag.SeverityNone
	tests := []struct {
		profiles []string
		want     map[string]diag.Severity // code → severity of its findings; SeverityNone: none
	}{
		{nil, map[string]diag.Severity{"SEC002": W, "SEC003": E, "SEC004": W, "SEC005": W, "SEC006": E, "SEC007": W, "SEC008": off}},
		{[]string{"ffiec"}, map[string]diag.Severity{"SEC002": E, "SEC003": E, "SEC004": E, "SEC005": W, "SEC006": E, "SEC007": W, "SEC008": off}},
		{[]string{"nydfs"}, map[string]diag.Severity{"SEC002": W, "SEC003": E, "SEC004": E, "SEC005": W, "SEC006": E, "SEC007": W, "SEC008": off}},
		{[]string{"us-federal"}, map[string]diag.Severity{"SEC002": off, "SEC003": E, "SEC004": W, "SEC005": W, "SEC006": E, "SEC007": W, "SEC008": off}},
		{[]string{"gdpr"}, map[string]diag.Severity{"SEC002": W, "SEC003": E, "SEC004": W, "SEC005": W, "SEC006": E, "SEC007": W, "SEC008": E}},
		{[]string{"gdpr", "ffiec", "nydfs", "us-federal"}, map[string]diag.Severity{"SEC002": off, "SEC003": E, "SEC004": E, "SEC005": W, "SEC006": E, "SEC007": W, "SEC008": E}},
		{[]string{"-security"}, map[string]diag.Severity{"SEC002": off, "SEC003": off, "SEC004": off, "SEC005": off, "SEC006": off, "SEC007": off, "SEC008": off}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(append([]string{"default"}, tt.profiles...), "+"), func(t *testing.T) {
			res := runChart(t, governanceChart, tt.profiles...)
			for code, sev := range tt.want {
				ds := only(res, code)
				if sev == off {
					if len(ds) != 0 {
						t.Errorf("%s reported %d times, want none: %v", code, len(ds), ds)
					}
					continue
				}
				if len(ds) == 0 {
					t.Errorf("%s not reported, want %s", code, sev)
				}
				for _, d := range ds {
					if d.Severity != sev {
						t.Errorf("%s severity = %s, want %s", code, d.Severity, sev)
					}
				}
			}
		})
	}
}

// exceptionChart has a CISO under the CIO and an exception for SEC002 whose
// expiry is filled in by the test.
const exceptionChart = `people:
  - id: ceo
    roles: [CEO]
  - id: cio
    roles: [CIO]
    reports_to: ceo
  - id: ciso
    roles: [CISO]
    reports_to: cio
    dotted: [ceo]
policy:
  exceptions:
    - rule: SEC002
      id: CISO
      reason: interim structure
      approved_by: audit-committee
      until: %s
`

// TestSecurityExceptions checks that an approved exception silences SEC002
// until its date (inclusive) and no longer after it.
func TestSecurityExceptions(t *testing.T) {
	tests := []struct {
		until      string
		suppressed bool
		message    string
	}{
		{"2099-12-31", true, `CISO "ciso" reports to CIO "cio"`},
		{"2026-06-01", true, `CISO "ciso" reports to CIO "cio"`}, // the last day it holds is today
		{"2026-05-31", false, `CISO "ciso" reports to CIO "cio" (exception expired 2026-05-31)`},
		{"2024-01-31", false, `CISO "ciso" reports to CIO "cio" (exception expired 2024-01-31)`},
	}
	for _, tt := range tests {
		t.Run(tt.until, func(t *testing.T) {
			res := runChart(t, fmt.Sprintf(exceptionChart, tt.until))
			ds := only(res, "SEC002")
			if len(ds) != 1 {
				t.Fatalf("SEC002 reported %d times, want 1: %v", len(ds), res.Diagnostics)
			}
			if ds[0].Suppressed != tt.suppressed || ds[0].Message != tt.message {
				t.Errorf("SEC002 = {suppressed %v, %q}, want {suppressed %v, %q}", ds[0].Suppressed, ds[0].Message, tt.suppressed, tt.message)
			}
			active := slices.ContainsFunc(res.Active(), func(d diag.Diagnostic) bool { return d.Code == "SEC002" })
			if active == tt.suppressed {
				t.Errorf("SEC002 active = %v, want %v", active, !tt.suppressed)
			}
			if tt.suppressed && (res.Suppressed() != 1 || !strings.Contains(ds[0].Suppression, "interim structure")) {
				t.Errorf("Suppressed() = %d, Suppression = %q; want 1 and the reason", res.Suppressed(), ds[0].Suppression)
			}
		})
	}
}

// TestSecurityCycles checks that the security rules stay finite and sensible
// on charts whose solid lines loop (ORG003's business): a CISO on a cycle
// with a CIO still reports into IT.
func TestSecurityCycles(t *testing.T) {
	src := `people:
  - id: ceo
    roles: [CEO]
  - id: lee
    roles: [CISO]
    reports_to: ian
    dotted: [ceo]
  - id: ian
    roles: [CIO]
    reports_to: lee
  - id: sam
    roles: [CSO]
    reports_to: sam
  - id: ann
    roles: [CAE]
    reports_to: lee
`
	res := runChart(t, src)
	var got []string
	for _, d := range res.Diagnostics {
		if strings.HasPrefix(d.Code, "SEC") {
			got = append(got, d.Code+" "+d.Message)
		}
	}
	want := []string{
		`SEC002 CISO "lee" reports to CIO "ian"`,
		`SEC004 CSO "sam" has no direct line, solid or dotted, to the board, a board committee or the CEO: it reports to CSO "sam"`,
		`SEC007 CISO "lee" and CSO "sam" are both heads of security and neither is in the other's chain of command ("lee" reports to "ian", "sam" reports to "sam")`,
		`SEC006 CAE "ann" reports to CISO "lee" and has no line to the audit committee`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SEC findings on a cyclic chart (-want +got):\n%s", diff)
	}
}

// TestSecurityCatalog checks the catalog entries of the security rules
// against ../shared/GOVERNANCE.md: names, severities, profiles, sources.
func TestSecurityCatalog(t *testing.T) {
	want := []struct {
		code, name string
		sev        diag.Severity
		profile    string
		sources    int
	}{
		{"SEC001", "missing-security-leader", diag.SeverityError, "security", 3},
		{"SEC002", "security-reports-to-it", diag.SeverityWarning, "security", 4},
		{"SEC003", "conflicting-roles", diag.SeverityError, "security", 3},
		{"SEC004", "no-board-access", diag.SeverityWarning, "security", 3},
		{"SEC005", "security-leader-too-deep", diag.SeverityWarning, "security", 1},
		{"SEC006", "audit-independence", diag.SeverityError, "security", 2},
		{"SEC007", "overlapping-security-leaders", diag.SeverityWarning, "security", 1},
		{"SEC008", "dpo-conflict", diag.SeverityError, "gdpr", 3},
	}
	for _, w := range want {
		r, ok := check.Lookup(w.code)
		if !ok {
			t.Errorf("%s not in the catalog", w.code)
			continue
		}
		if r.Name != w.name || r.Severity != w.sev || r.Profile != w.profile || len(r.Sources) != w.sources {
			t.Errorf("%s = {%s %s %s, %d sources}, want {%s %s %s, %d sources}", w.code, r.Name, r.Severity, r.Profile, len(r.Sources), w.name, w.sev, w.profile, w.sources)
		}
		if !strings.Contains(r.Fix, "exceptions:") || !strings.Contains(r.Fix, "rule: "+w.code) || !strings.Contains(r.Fix, "until:") {
			t.Errorf("%s: Fix lacks a dated exception snippet for the rule", w.code)
		}
	}
	r, _ := check.Lookup("SEC002")
	if !strings.Contains(r.Doc, "FISMA") || !strings.Contains(r.Doc, "ISACA") {
		t.Errorf("SEC002 doc does not give the counter-view (FISMA, ISACA)")
	}
	if r, _ := check.Lookup("SEC005"); r.Params["max"] != 2 {
		t.Errorf("SEC005 max = %d, want 2", r.Params["max"])
	}
}

package check

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// spec is a shorthand for a policy spec in file f.
func spec(f string, profiles []string, rules map[string]graph.RuleSetting, ex ...graph.Exception) *graph.PolicySpec {
	s := &graph.PolicySpec{Profiles: profiles, Rules: rules, Exceptions: ex, Pos: diag.Pos{File: f, Line: 1, Column: 1}}
	for i := range profiles {
		s.ProfilePos = append(s.ProfilePos, diag.Pos{File: f, Line: 2, Column: 13 + 10*i})
	}
	return s
}

func TestNewPolicy(t *testing.T) {
	type want struct {
		code    string
		enabled bool
		sev     diag.Severity
	}
	tests := []struct {
		name     string
		profiles []string
		specs    []*graph.PolicySpec
		profs    []string // want active profiles
		rules    []want
		params   map[string]int // "CODE/param" -> value
	}{
		{
			name:  "defaults",
			profs: []string{"core", "security"},
			rules: []want{
				{"ORG001", true, diag.SeverityError},
				{"ORG004", true, diag.SeverityWarning},
				{"ORG010", true, diag.SeverityInfo},
				{"SEC001", true, diag.SeverityError},
				{"SEC002", true, diag.SeverityWarning},
				{"SEC004", true, diag.SeverityWarning},
				{"SEC008", false, diag.SeverityError},
			},
			params: map[string]int{"ORG009/max": 12, "ORG010/max": 8},
		},
		{
			name:     "gdpr from the flag enables SEC008",
			profiles: []string{"gdpr"},
			profs:    []string{"core", "security", "gdpr"},
			rules:    []want{{"SEC008", true, diag.SeverityError}},
		},
		{
			name:  "ffiec from the chart makes SEC002 and SEC004 errors",
			specs: []*graph.PolicySpec{spec("org.yaml", []string{"ffiec"}, nil)},
			profs: []string{"core", "security", "ffiec"},
			rules: []want{{"SEC002", true, diag.SeverityError}, {"SEC004", true, diag.SeverityError}, {"SEC001", true, diag.SeverityError}},
		},
		{
			name:     "nydfs makes SEC004 an error only",
			profiles: []string{"NYDFS"},
			rules:    []want{{"SEC004", true, diag.SeverityError}, {"SEC002", true, diag.SeverityWarning}},
		},
		{
			name:     "us-federal turns SEC002 off",
			profiles: []string{"us-federal"},
			rules:    []want{{"SEC002", false, diag.SeverityWarning}, {"SEC001", true, diag.SeverityError}},
		},
		{
			name:     "-security removes the default profile",
			profiles: []string{"-security"},
			profs:    []string{"core"},
			rules:    []want{{"SEC001", false, diag.SeverityError}, {"ORG001", true, diag.SeverityError}},
		},
		{
			name:     "the flag is applied after the specs",
			profiles: []string{"security"},
			specs:    []*graph.PolicySpec{spec("org.yaml", []string{"-security"}, nil)},
			profs:    []string{"core", "security"},
		},
		{
			name: "severity override, off and params",
			specs: []*graph.PolicySpec{spec("org.yaml", nil, map[string]graph.RuleSetting{
				"ORG009": {Severity: "error", Params: map[string]int{"max": 20}},
				"ORG010": {Off: true},
				"ORG004": {Severity: "none"},
				"SEC005": {Params: map[string]int{"max": 3}},
			})},
			rules: []want{
				{"ORG009", true, diag.SeverityError},
				{"ORG010", false, diag.SeverityInfo},
				{"ORG004", false, diag.SeverityWarning},
				{"SEC005", true, diag.SeverityWarning},
			},
			params: map[string]int{"ORG009/max": 20, "ORG010/max": 8, "SEC005/max": 3},
		},
		{
			name: "a later spec overrides an earlier one, parameter by parameter",
			specs: []*graph.PolicySpec{
				spec("org.yaml", nil, map[string]graph.RuleSetting{
					"ORG009": {Severity: "error", Params: map[string]int{"max": 5}},
					"ORG010": {Off: true},
					"ORG005": {Severity: "info"},
				}),
				nil,
				spec("policy.yaml", nil, map[string]graph.RuleSetting{
					"ORG009": {Severity: "info"},
					"ORG010": {Severity: "warning", Params: map[string]int{"max": 4}},
					"ORG005": {Off: true},
				}),
			},
			rules: []want{
				{"ORG009", true, diag.SeverityInfo},
				{"ORG010", true, diag.SeverityWarning},
				{"ORG005", false, diag.SeverityError},
			},
			params: map[string]int{"ORG009/max": 5, "ORG010/max": 4},
		},
		{
			name:     "profile severity applies before the rule settings",
			profiles: []string{"ffiec"},
			specs:    []*graph.PolicySpec{spec("org.yaml", nil, map[string]graph.RuleSetting{"SEC002": {Severity: "warning"}})},
			rules:    []want{{"SEC002", true, diag.SeverityWarning}, {"SEC004", true, diag.SeverityError}},
		},
		{
			name:     "a rule setting with a severity switches a disabled rule on",
			profiles: []string{"us-federal"},
			specs:    []*graph.PolicySpec{spec("org.yaml", nil, map[string]graph.RuleSetting{"SEC002": {Severity: "error"}, "SEC008": {Severity: "warning"}})},
			rules:    []want{{"SEC002", true, diag.SeverityError}, {"SEC008", true, diag.SeverityWarning}},
		},
		{
			name:     "on after off, and on for a disabled rule",
			profiles: []string{"us-federal"},
			specs: []*graph.PolicySpec{
				spec("org.yaml", nil, map[string]graph.RuleSetting{"ORG010": {Off: true}}),
				spec("policy.yaml", nil, map[string]graph.RuleSetting{"ORG010": {}, "SEC002": {}, "ORG009": {Params: map[string]int{"max": 3}}}),
			},
			rules: []want{{"ORG010", true, diag.SeverityInfo}, {"SEC002", true, diag.SeverityWarning}, {"ORG009", true, diag.SeverityWarning}},
		},
		{
			name:  "params alone leave a rule off",
			specs: []*graph.PolicySpec{spec("org.yaml", nil, map[string]graph.RuleSetting{"ORG009": {Off: true}}), spec("p.yaml", nil, map[string]graph.RuleSetting{"ORG009": {Params: map[string]int{"max": 3}}})},
			rules: []want{{"ORG009", false, diag.SeverityWarning}},
		},
		{
			name:  "lower-case rule codes are accepted",
			specs: []*graph.PolicySpec{spec("org.yaml", nil, map[string]graph.RuleSetting{"org009": {Off: true}})},
			rules: []want{{"ORG009", false, diag.SeverityWarning}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pol, err := NewPolicy(tt.profiles, tt.specs...)
			if err != nil {
				t.Fatalf("NewPolicy: %v", err)
			}
			if tt.profs != nil {
				if diff := cmp.Diff(tt.profs, pol.Profiles()); diff != "" {
					t.Errorf("Profiles() (-want +got):\n%s", diff)
				}
			}
			for _, w := range tt.rules {
				if got := pol.Enabled(w.code); got != w.enabled {
					t.Errorf("Enabled(%s) = %v, want %v", w.code, got, w.enabled)
				}
				if got := pol.Severity(w.code); got != w.sev {
					t.Errorf("Severity(%s) = %v, want %v", w.code, got, w.sev)
				}
			}
			for k, v := range tt.params {
				code, name, _ := strings.Cut(k, "/")
				if got := pol.Param(code, name); got != v {
					t.Errorf("Param(%s, %s) = %d, want %d", code, name, got, v)
				}
			}
		})
	}
}

func TestNewPolicyErrors(t *testing.T) {
	at := func(line, col int) diag.Pos { return diag.Pos{File: "org.yaml", Line: line, Column: col} }
	tests := []struct {
		name     string
		profiles []string
		spec     *graph.PolicySpec
		want     []string // "pos: message" prefixes, sorted by position
	}{
		{
			name:     "unknown profile in the argument: no position, no flag",
			profiles: []string{"hipaa"},
			want:     []string{`unknown profile "hipaa": want one of core, security, gdpr, ffiec, nydfs, us-federal`},
		},
		{
			name: "unknown profile in the chart, at its position",
			spec: spec("org.yaml", []string{"gdpr", "sox"}, nil),
			want: []string{`org.yaml:2:23: unknown profile "sox"`},
		},
		{
			name:     "core cannot be removed",
			profiles: []string{"-core"},
			want:     []string{`profile "core" cannot be removed`},
		},
		{
			name:     "argument problems first, then the chart's",
			profiles: []string{"sox", "-core"},
			spec:     spec("org.yaml", []string{"hipaa"}, nil),
			want:     []string{`unknown profile "sox"`, `profile "core" cannot be removed`, `org.yaml:2:13: unknown profile "hipaa"`},
		},
		{
			name: "rule settings",
			spec: &graph.PolicySpec{Pos: at(1, 1), Rules: map[string]graph.RuleSetting{
				"ORG099": {Off: true, Pos: at(3, 5)},
				"ORG009": {Severity: "fatal", Params: map[string]int{"maxx": 3}, Pos: at(4, 5)},
				"ORG010": {Params: map[string]int{"max": -1}, Pos: at(5, 5)},
				"ORG003": {Params: map[string]int{"max": 1}, Pos: at(6, 5)},
			}},
			want: []string{
				`org.yaml:3:5: unknown rule "ORG099" in policy rules`,
				`org.yaml:4:5: bad severity "fatal" for ORG009: want error, warning, info or off`,
				`org.yaml:4:5: unknown parameter "maxx" for ORG009 (span-of-control): want max`,
				`org.yaml:5:5: parameter max of ORG010 must be 0 or more, not -1`,
				`org.yaml:6:5: unknown parameter "max" for ORG003 (reporting-cycle): the rule takes no parameters`,
			},
		},
		{
			name: "exceptions",
			spec: &graph.PolicySpec{Pos: at(1, 1), Exceptions: []graph.Exception{
				{Rule: "ORG404", ID: "a", Reason: "r", ApprovedBy: "x", Pos: at(8, 7)},
				{Rule: "ORG009", ID: "a", ApprovedBy: "x", Pos: at(9, 7)},
				{Rule: "ORG009", ID: "b", Reason: "r", Pos: at(10, 7)},
				{Rule: "ORG009", Reason: "r", ApprovedBy: "x", Pos: at(11, 7)},
			}},
			want: []string{
				`org.yaml:8:7: exception for unknown rule "ORG404"`,
				`org.yaml:9:7: exception for ORG009 "a" has no reason`,
				`org.yaml:10:7: exception for ORG009 "b" has no approved_by`,
				`org.yaml:11:7: exception for ORG009 names no id`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pol, err := NewPolicy(tt.profiles, tt.spec)
			if pol == nil {
				t.Fatal("NewPolicy returned a nil policy with its error")
			}
			// The argument's problems are *ProfileError values, first;
			// the specs' a positioned diag.ErrorList.
			var msgs []string
			errs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			for _, e := range errs {
				var pe *ProfileError
				var list diag.ErrorList
				switch {
				case errors.As(e, &pe):
					if !slices.Contains(tt.profiles, pe.Name) {
						t.Errorf("ProfileError.Name = %q, not one of %q", pe.Name, tt.profiles)
					}
					msgs = append(msgs, pe.Error())
				case errors.As(e, &list):
					for _, le := range list {
						msgs = append(msgs, le.Error())
					}
				default:
					t.Fatalf("NewPolicy error %v (%T): want *ProfileError or diag.ErrorList", e, e)
				}
			}
			if len(msgs) != len(tt.want) {
				t.Fatalf("NewPolicy gave %d errors, want %d:\n%v", len(msgs), len(tt.want), err)
			}
			for i, m := range msgs {
				if !strings.HasPrefix(m, tt.want[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, m, tt.want[i])
				}
				if strings.Contains(m, "--") {
					t.Errorf("error %d = %q names a flag", i, m)
				}
			}
		})
	}
}

func TestNewPolicyKeepsValidParts(t *testing.T) {
	pol, err := NewPolicy([]string{"bogus", "gdpr"}, spec("org.yaml", nil, map[string]graph.RuleSetting{
		"ORG009": {Params: map[string]int{"max": 3}},
		"XYZ001": {Off: true},
	}))
	if err == nil {
		t.Fatal("NewPolicy accepted an unknown profile and rule")
	}
	if !pol.Enabled("SEC008") || pol.Param("ORG009", "max") != 3 {
		t.Errorf("valid parts not applied: SEC008 on = %v, ORG009 max = %d", pol.Enabled("SEC008"), pol.Param("ORG009", "max"))
	}
}

// exceptionOrg is a chart where "big" (written "Big") has too many reports
// and "open" is a vacant manager, with an ORG011 finding from the loader.
func exceptionOrg() *graph.Org {
	p := func(i int, id string, mgr string) *graph.Person {
		e := &graph.Person{ID: id, Index: i, Pos: diag.Pos{File: "x.yaml", Line: i + 1, Column: 3}}
		if mgr != "" {
			e.ReportsTo = []graph.Ref{{ID: mgr, Pos: diag.Pos{File: "x.yaml", Line: i + 1, Column: 20}}}
		}
		return e
	}
	org := &graph.Org{File: "x.yaml", People: []*graph.Person{
		p(0, "Big", ""), p(1, "a", "big"), p(2, "open", "big"), p(3, "c", "open"),
	}}
	org.People[2].Vacant = true
	org.Diagnostics = []diag.Diagnostic{{
		Code: "ORG011", Rule: "unknown-field", Severity: diag.SeverityWarning,
		Pos: diag.Pos{File: "x.yaml", Line: 2, Column: 5}, Subject: "a", Message: `unknown field "emial"`,
	}}
	return org
}

func TestExceptions(t *testing.T) {
	day := func(s string) time.Time {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	now := time.Date(2026, 6, 1, 23, 30, 0, 0, time.UTC)
	rules := map[string]graph.RuleSetting{"ORG009": {Params: map[string]int{"max": 1}}}
	type got struct {
		Code, Message, Suppression string
		Suppressed                 bool
	}
	tests := []struct {
		name string
		ex   []graph.Exception
		want []got
	}{
		{
			name: "none",
			want: []got{
				{"ORG009", `"Big" has 2 direct reports, more than the limit of 1`, "", false},
				{"ORG011", `unknown field "emial"`, "", false},
				{"ORG007", `vacant position "open" has 1 direct report: fill it or move them under an acting manager`, "", false},
			},
		},
		{
			name: "valid, expired, no expiry, on a loader finding, ids case-folded",
			ex: []graph.Exception{
				{Rule: "ORG009", ID: "big", Reason: "reorganisation", ApprovedBy: "coo", Until: day("2027-03-31")},
				{Rule: "ORG007", ID: "OPEN", Reason: "hiring", ApprovedBy: "hr", Until: day("2025-01-31")},
				{Rule: "org011", ID: "a", Reason: "legacy export", ApprovedBy: "it"},
			},
			want: []got{
				{"ORG009", `"Big" has 2 direct reports, more than the limit of 1`, "exception: reorganisation (approved by coo, until 2027-03-31)", true},
				{"ORG011", `unknown field "emial"`, "exception: legacy export (approved by it)", true},
				{"ORG007", `vacant position "open" has 1 direct report: fill it or move them under an acting manager (exception expired 2025-01-31)`, "", false},
			},
		},
		{
			name: "an exception holds through its until day; one for another rule or id does nothing",
			ex: []graph.Exception{
				{Rule: "ORG009", ID: "big", Reason: "r", ApprovedBy: "x", Until: day("2026-06-01")},
				{Rule: "ORG007", ID: "big", Reason: "r", ApprovedBy: "x"},
				{Rule: "ORG011", ID: "open", Reason: "r", ApprovedBy: "x"},
			},
			want: []got{
				{"ORG009", `"Big" has 2 direct reports, more than the limit of 1`, "exception: r (approved by x, until 2026-06-01)", true},
				{"ORG011", `unknown field "emial"`, "", false},
				{"ORG007", `vacant position "open" has 1 direct report: fill it or move them under an acting manager`, "", false},
			},
		},
		{
			name: "expired the day before today",
			ex:   []graph.Exception{{Rule: "ORG009", ID: "big", Reason: "r", ApprovedBy: "x", Until: day("2026-05-31")}},
			want: []got{
				{"ORG009", `"Big" has 2 direct reports, more than the limit of 1 (exception expired 2026-05-31)`, "", false},
				{"ORG011", `unknown field "emial"`, "", false},
				{"ORG007", `vacant position "open" has 1 direct report: fill it or move them under an acting manager`, "", false},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pol, err := NewPolicy([]string{"-security"}, spec("x.yaml", nil, rules, tt.ex...))
			if err != nil {
				t.Fatal(err)
			}
			pol.Now = func() time.Time { return now }
			res := Run(graph.Build(exceptionOrg()), pol)
			var g []got
			for _, d := range res.Diagnostics {
				g = append(g, got{d.Code, d.Message, d.Suppression, d.Suppressed})
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			sup := 0
			for _, w := range tt.want {
				if w.Suppressed {
					sup++
				}
			}
			if res.Suppressed() != sup || len(res.Active()) != len(tt.want)-sup {
				t.Errorf("Suppressed() = %d, len(Active()) = %d, want %d and %d", res.Suppressed(), len(res.Active()), sup, len(tt.want)-sup)
			}
		})
	}
}

func TestLoaderDiagnosticsFollowThePolicy(t *testing.T) {
	for _, tt := range []struct {
		setting graph.RuleSetting
		want    diag.Severity // SeverityNone: dropped
	}{
		{graph.RuleSetting{}, diag.SeverityWarning},
		{graph.RuleSetting{Severity: "error"}, diag.SeverityError},
		{graph.RuleSetting{Off: true}, diag.SeverityNone},
	} {
		pol, err := NewPolicy([]string{"-security"}, spec("x.yaml", nil, map[string]graph.RuleSetting{"ORG011": tt.setting}))
		if err != nil {
			t.Fatal(err)
		}
		res := Run(graph.Build(exceptionOrg()), pol)
		got := diag.SeverityNone
		for _, d := range res.Diagnostics {
			if d.Code == "ORG011" {
				got = d.Severity
			}
		}
		if got != tt.want {
			t.Errorf("ORG011 with %+v: severity %v, want %v", tt.setting, got, tt.want)
		}
	}
}

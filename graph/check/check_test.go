package check

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/synth"
)

func TestCatalog(t *testing.T) {
	codeRe := regexp.MustCompile(`^(ORG|SEC)\d{3}$`)
	nameRe := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	rules := Rules()
	if !slices.IsSortedFunc(rules, func(a, b *Rule) int { return compareStrings(a.Code, b.Code) }) {
		t.Error("Rules() is not sorted by code")
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if seen[r.Code] || seen[r.Name] {
			t.Errorf("%s %s: code or name registered twice", r.Code, r.Name)
		}
		seen[r.Code], seen[r.Name] = true, true
		if !codeRe.MatchString(r.Code) || !nameRe.MatchString(r.Name) {
			t.Errorf("bad code or name: %q %q", r.Code, r.Name)
		}
		if _, ok := LookupProfile(r.Profile); !ok {
			t.Errorf("%s: unknown profile %q", r.Code, r.Profile)
		}
		if r.Severity < diag.SeverityInfo || r.Severity > diag.SeverityError {
			t.Errorf("%s: default severity %v", r.Code, r.Severity)
		}
		if r.Summary == "" || r.Doc == "" || r.Fix == "" || r.Run == nil {
			t.Errorf("%s: summary, doc, fix and run must all be set", r.Code)
		}
		if got, ok := Lookup(r.Code); !ok || got != r {
			t.Errorf("Lookup(%s) = %v, %v", r.Code, got, ok)
		}
	}
	if _, ok := Lookup("ORG999"); ok {
		t.Error("Lookup(ORG999) found a rule")
	}
	for i := 1; i <= 12; i++ {
		code := fmt.Sprintf("ORG%03d", i)
		r, ok := Lookup(code)
		if !ok {
			t.Errorf("%s is not registered", code)
			continue
		}
		if r.Profile != ProfileCore {
			t.Errorf("%s: profile %q, want core", code, r.Profile)
		}
	}
	// The defaults GOVERNANCE.md gives.
	want := map[string]string{
		"ORG001": "duplicate-id error", "ORG002": "unknown-reference error", "ORG003": "reporting-cycle error",
		"ORG004": "multiple-roots warning", "ORG005": "dual-reporting error", "ORG006": "redundant-dotted-line warning",
		"ORG007": "vacant-manager warning", "ORG008": "assistant-with-reports warning", "ORG009": "span-of-control warning",
		"ORG010": "hierarchy-depth info", "ORG011": "unknown-field warning", "ORG012": "unknown-role info",
	}
	for code, w := range want {
		if r, ok := Lookup(code); ok && r.Name+" "+r.Severity.String() != w {
			t.Errorf("%s = %s %s, want %s", code, r.Name, r.Severity, w)
		}
	}
	if r, _ := Lookup("ORG009"); r.Params["max"] != 12 {
		t.Errorf("ORG009 max = %d, want 12", r.Params["max"])
	}
	if r, _ := Lookup("ORG010"); r.Params["max"] != 8 {
		t.Errorf("ORG010 max = %d, want 8", r.Params["max"])
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestProfiles(t *testing.T) {
	var names, defaults []string
	for _, p := range Profiles() {
		names = append(names, p.Name)
		if p.Default {
			defaults = append(defaults, p.Name)
		}
		if p.Summary == "" {
			t.Errorf("profile %s has no summary", p.Name)
		}
		var codes []string
		codes = append(codes, p.Enables...)
		codes = append(codes, p.Disables...)
		for c := range p.Severity {
			codes = append(codes, c)
		}
		for _, c := range codes {
			if _, ok := Lookup(c); !ok && len(Rules()) > 12 { // SEC rules registered
				t.Errorf("profile %s names unknown rule %s", p.Name, c)
			}
		}
	}
	if diff := cmp.Diff([]string{"core", "security", "gdpr", "ffiec", "nydfs", "us-federal"}, names); diff != "" {
		t.Errorf("profile names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"core", "security"}, defaults); diff != "" {
		t.Errorf("default profiles (-want +got):\n%s", diff)
	}
	p, ok := LookupProfile("ffiec")
	if !ok || p.Severity["SEC002"] != diag.SeverityError || p.Severity["SEC004"] != diag.SeverityError {
		t.Errorf("ffiec = %+v", p)
	}
	if p, _ := LookupProfile("us-federal"); !slices.Equal(p.Disables, []string{"SEC002"}) {
		t.Errorf("us-federal disables %v", p.Disables)
	}
	if p, _ := LookupProfile("gdpr"); !slices.Equal(p.Enables, []string{"SEC008"}) {
		t.Errorf("gdpr enables %v", p.Enables)
	}
}

func TestDocURL(t *testing.T) {
	if got, want := DocURL("SEC002"), "https://github.com/orgchart/orgchart/blob/main/docs/rules/SEC002.md"; got != want {
		t.Errorf("DocURL(SEC002) = %q, want %q", got, want)
	}
}

// TestRunNilPolicy checks that a nil policy means the defaults plus the
// chart's own policy section, and that Run fills code, rule and severity.
func TestRunNilPolicy(t *testing.T) {
	org, err := load.Chart("x.yaml", []byte(`policy:
  profiles: [-security]
  rules:
    ORG004: error
people:
  - id: a
  - id: b
`), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(graph.Build(org), nil)
	if len(res.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1 ORG004:\n%v", len(res.Diagnostics), res.Diagnostics)
	}
	d := res.Diagnostics[0]
	if d.Code != "ORG004" || d.Rule != "multiple-roots" || d.Severity != diag.SeverityError || d.Subject != "b" {
		t.Errorf("got %+v", d)
	}
	if res.File != "x.yaml" || res.Max() != diag.SeverityError || res.Count(diag.SeverityError) != 1 || res.Count(diag.SeverityWarning) != 0 {
		t.Errorf("File %q, Max %v, Count(error) %d", res.File, res.Max(), res.Count(diag.SeverityError))
	}
	for _, r := range res.Rules {
		if r.Profile != ProfileCore {
			t.Errorf("rule %s of profile %s ran with security removed", r.Code, r.Profile)
		}
	}
	if len(res.Rules) != 12 {
		t.Errorf("%d rules ran, want the 12 core rules", len(res.Rules))
	}
}

func TestResultCounts(t *testing.T) {
	res := &Result{Diagnostics: []diag.Diagnostic{
		{Code: "A", Severity: diag.SeverityWarning},
		{Code: "B", Severity: diag.SeverityError, Suppressed: true},
		{Code: "C", Severity: diag.SeverityInfo},
		{Code: "D", Severity: diag.SeverityWarning},
	}}
	if res.Count(diag.SeverityWarning) != 2 || res.Count(diag.SeverityError) != 0 || res.Count(diag.SeverityInfo) != 1 {
		t.Errorf("counts %d %d %d", res.Count(diag.SeverityWarning), res.Count(diag.SeverityError), res.Count(diag.SeverityInfo))
	}
	if res.Suppressed() != 1 || res.Max() != diag.SeverityWarning || len(res.Active()) != 3 {
		t.Errorf("Suppressed %d, Max %v, Active %d", res.Suppressed(), res.Max(), len(res.Active()))
	}
	if (&Result{}).Max() != diag.SeverityNone {
		t.Error("Max of an empty result is not none")
	}
}

// TestRunDeterministic runs the same synthetic chart twice and demands the
// same sorted output.
func TestRunDeterministic(t *testing.T) {
	org := synthOrg(5000, 7)
	pol, err := NewPolicy([]string{"gdpr"})
	if err != nil {
		t.Fatal(err)
	}
	a := Run(graph.Build(org), pol)
	b := Run(graph.Build(org), pol)
	if len(a.Diagnostics) == 0 {
		t.Fatal("the synthetic chart raised nothing: it is meant to raise span and depth findings")
	}
	if diff := cmp.Diff(a.Diagnostics, b.Diagnostics); diff != "" {
		t.Errorf("two runs differ:\n%s", diff)
	}
	sorted := slices.Clone(a.Diagnostics)
	diag.SortDiagnostics(sorted)
	if diff := cmp.Diff(sorted, a.Diagnostics); diff != "" {
		t.Errorf("output not sorted:\n%s", diff)
	}
}

// synthOrg generates a chart of n people: a tree with a fan-out of 2 to 12
// (some managers over the span limit), about 2% vacancies, about 5% dotted
// lines, the usual C-suite roles near the top. Hand-written here because the
// benchmark must not depend on another package's generator.
func synthOrg(n int, seed uint64) *graph.Org {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	const file = "synth.yaml"
	org := &graph.Org{File: file, Format: "yaml", People: make([]*graph.Person, n)}
	roles := []string{"CEO", "CFO", "CIO", "CTO", "CISO", "COO", "GC", "CAE"}
	// Each manager takes a random number of reports before the next one.
	mgr, left := 0, 1+rng.IntN(8)
	for i := range n {
		line := 1 + i*4
		p := &graph.Person{
			ID:    "p" + strconv.Itoa(i),
			Name:  "Person " + strconv.Itoa(i),
			Title: "Engineer",
			Kind:  graph.KindPerson,
			Index: i,
			Pos:   diag.Pos{File: file, Line: line, Column: 3},
			FieldPos: []graph.FieldAt{
				{Name: "id", Pos: diag.Pos{File: file, Line: line, Column: 9}},
			},
		}
		if i < len(roles) {
			p.Roles = []graph.Role{{Code: roles[i], Pos: diag.Pos{File: file, Line: line + 2, Column: 12}}}
		}
		if i > 0 {
			if left == 0 {
				mgr++
				left = 2 + rng.IntN(11)
				if rng.IntN(50) == 0 {
					left = 13 + rng.IntN(10) // over the span limit
				}
			}
			left--
			p.ReportsTo = []graph.Ref{{ID: "p" + strconv.Itoa(mgr), Pos: diag.Pos{File: file, Line: line + 1, Column: 17}}}
			if i > 10 && rng.IntN(20) == 0 {
				p.Dotted = []graph.Ref{{ID: "p" + strconv.Itoa(rng.IntN(i)), Type: "matrix", Pos: diag.Pos{File: file, Line: line + 3, Column: 13}}}
			}
			p.Vacant = rng.IntN(50) == 0
		}
		org.People[i] = p
	}
	return org
}

// benchSizes are the chart sizes of the benchmarks.
var benchSizes = []struct {
	name string
	n    int
}{{"1k", 1_000}, {"100k", 100_000}, {"1M", 1_000_000}}

// BenchmarkRun runs Run (graph build plus every rule, all profiles on) over
// charts from internal/synth.
func BenchmarkRun(b *testing.B) {
	pol, err := NewPolicy([]string{"gdpr"})
	if err != nil {
		b.Fatal(err)
	}
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			org := synth.Generate(sz.n, 1)
			b.ReportAllocs()
			b.ResetTimer()
			var res *Result
			cpu0, ok := processCPU()
			for b.Loop() {
				res = Run(graph.Build(org), pol)
			}
			reportCPU(b, cpu0, ok)
			b.ReportMetric(float64(len(res.Diagnostics)), "findings")
		})
	}
}

// BenchmarkRules runs every rule on a graph built beforehand, so that the
// rules' own cost can be told from the graph's.
func BenchmarkRules(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			org := synth.Generate(sz.n, 1)
			g := graph.Build(org)
			n := 0
			b.ReportAllocs()
			b.ResetTimer()
			cpu0, ok := processCPU()
			for b.Loop() {
				for _, r := range Rules() {
					p := &Pass{Org: org, Graph: g, Rule: r, report: func(diag.Diagnostic) { n++ }}
					r.Run(p)
				}
			}
			reportCPU(b, cpu0, ok)
		})
	}
}

// reportCPU reports the process CPU time per operation since cpu0, in
// milliseconds, when the platform measures it.
func reportCPU(b *testing.B, cpu0 time.Duration, ok bool) {
	cpu1, ok1 := processCPU()
	if ok && ok1 && b.N > 0 {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

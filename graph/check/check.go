// Package check is orgchart's rule engine: the rule catalog (structure rules
// ORG*, security-governance rules SEC*), the policy (profiles, severity
// overrides, parameters, dated exceptions) and Run, which applies every
// enabled rule to a chart and returns sorted diagnostics.
//
// Invariants: rule codes are stable and never reused; a rule only reads the
// chart and reports through its Pass; Run's output is sorted by file, line,
// column and code, so the same chart and policy give the same bytes.
package check

import (
	"cmp"
	"slices"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// Rule is one check in the catalog: a plain value, like go/analysis's
// Analyzer.
type Rule struct {
	Code     string         // stable code, e.g. "ORG005"
	Name     string         // kebab-case name, e.g. "dual-reporting"
	Severity diag.Severity  // default severity
	Profile  string         // "core", "security", "gdpr", ...
	Summary  string         // one line: fires when ...
	Doc      string         // explanation: what it checks and why (Markdown paragraphs)
	Fix      string         // how to fix it or record an exception
	Sources  []string       // regulation, standard or survey behind the rule
	Params   map[string]int // parameters and their defaults, e.g. {"max": 12}
	Run      func(*Pass)
}

// Pass is what a rule sees while it runs over one chart.
type Pass struct {
	Org   *graph.Org
	Graph *graph.Graph
	Rule  *Rule
	// params holds the effective parameters (policy over defaults).
	params map[string]int
	report func(diag.Diagnostic)
}

// Param returns the effective value of the rule parameter name: the
// policy's value when set, else the rule's default.
func (p *Pass) Param(name string) int {
	if v, ok := p.params[name]; ok {
		return v
	}
	return p.Rule.Params[name]
}

// Report records a finding. The engine fills in Code, Rule and Severity.
func (p *Pass) Report(d diag.Diagnostic) { p.report(d) }

var catalog []*Rule

// register adds r to the catalog; each rules file calls it from init.
func register(r *Rule) {
	catalog = append(catalog, r)
	slices.SortFunc(catalog, func(a, b *Rule) int { return cmp.Compare(a.Code, b.Code) })
}

// Rules returns the whole catalog, sorted by code. Callers must not modify it.
func Rules() []*Rule { return catalog }

// Lookup returns the rule with the code (upper case).
func Lookup(code string) (*Rule, bool) {
	i, ok := slices.BinarySearchFunc(catalog, code, func(r *Rule, c string) int { return cmp.Compare(r.Code, c) })
	if !ok {
		return nil, false
	}
	return catalog[i], true
}

// DocURL returns the address of the documentation page of the rule with the
// code, in the repository's docs/rules directory.
func DocURL(code string) string {
	return "https://github.com/orgchart/orgchart/blob/main/docs/rules/" + code + ".md"
}

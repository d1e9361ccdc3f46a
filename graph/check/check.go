// Package check is orgchart's rule engine: the rule catalog (structure rules
// ORG*, security-governance rules SEC*), the policy (profiles, severity
// overrides, parameters, dated exceptions) and Run, which applies every
// enabled rule to a chart and returns sorted diagnostics.
//
// Layout: check.go (Rule, Pass, the catalog), ruledoc.go (each rule's
// documentation, parsed from its embedded Markdown file rules/CODE.md),
// docs.go (the generated pages of docs/rules), profiles.go and policy.go,
// run.go and result.go (Run, Result, Tally); one file per rule,
// orgNNN_name.go and secNNN_name.go, with the helpers they share in
// lines.go, roles.go and chain.go.
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
// Analyzer. Its documentation (RuleDoc) comes from its Markdown file,
// rules/CODE.md; the Go side holds the code, the parameters and the run
// function. A *Rule's JSON form (these tags) is the one JSON form of a rule.
type Rule struct {
	Code string `json:"code"` // stable code, e.g. "ORG005"
	RuleDoc
	Params map[string]int `json:"params,omitempty"` // parameters and their defaults, e.g. {"max": 12}
	URL    string         `json:"doc_url"`          // its documentation page (DocURL)
	Run    func(*Pass)    `json:"-"`
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

// register adds r to the catalog with its documentation, read from
// rules/CODE.md; each rule's file calls it from init. A missing or malformed
// documentation file is a programming error, caught by every test run.
func register(r *Rule) {
	doc, err := loadRuleDoc(r.Code)
	if err != nil {
		panic(err)
	}
	r.RuleDoc, r.URL = doc, DocURL(r.Code)
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

// Catalog is every rule and every profile: the one view of the catalog that
// is listed (`orgchart rules --format json`) and served (GET /v1/rules).
type Catalog struct {
	Rules    []*Rule   `json:"rules"`
	Profiles []Profile `json:"profiles"`
}

// NewCatalog returns the catalog. Callers must not modify it.
func NewCatalog() Catalog { return Catalog{Rules: Rules(), Profiles: Profiles()} }

// DocURL returns the address of the documentation page of the rule with the
// code, in the repository's docs/rules directory.
func DocURL(code string) string {
	return "https://github.com/orgchart/orgchart/blob/main/docs/rules/" + code + ".md"
}

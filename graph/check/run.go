package check

import (
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// Run checks the chart of the built reporting graph g under pol: it runs
// every rule the policy enables in code order, passes the loader's diagnostics
// (org.Diagnostics) through the same policy, applies the exceptions and sorts
// the result. A nil pol means the default profiles plus the chart's own
// policy section (org.Policy), with any invalid part of it ignored; a caller
// that passes a policy must include org.Policy in it (NewPolicy(profiles,
// org.Policy, file)) if the chart's section is to count.
func Run(g *graph.Graph, pol *Policy) *Result {
	org := g.Org()
	if pol == nil {
		pol, _ = NewPolicy(nil, org.Policy) // invalid parts are skipped; the CLI reports them
	}
	res := &Result{File: org.File}
	var ds []diag.Diagnostic
	for _, r := range Rules() {
		st := pol.state(r)
		if !st.on {
			continue
		}
		res.Rules = append(res.Rules, r)
		if r.Run == nil {
			continue
		}
		pass := &Pass{
			Org:    org,
			Graph:  g,
			Rule:   r,
			params: st.params,
			report: func(d diag.Diagnostic) {
				d.Code, d.Rule, d.Severity = r.Code, r.Name, st.sev
				ds = append(ds, d)
			},
		}
		r.Run(pass)
	}
	for _, d := range org.Diagnostics {
		if r, ok := Lookup(d.Code); ok {
			st := pol.state(r)
			if !st.on {
				continue
			}
			d.Rule, d.Severity = r.Name, st.sev
		} else if d.Severity == diag.SeverityNone {
			d.Severity = diag.SeverityWarning
		}
		ds = append(ds, d)
	}
	pol.applyExceptions(ds)
	diag.SortDiagnostics(ds)
	res.Diagnostics = ds
	return res
}

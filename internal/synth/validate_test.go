package synth_test

import (
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/synth"
)

// TestValidatesClean runs the rules on generated charts under the default
// profiles and under each profile added to them: no errors and no warnings
// (information findings such as the depth note are allowed).
func TestValidatesClean(t *testing.T) {
	sets := [][]string{nil}
	for _, p := range check.Profiles() {
		sets = append(sets, []string{p.Name})
	}
	for _, set := range sets {
		pol, err := check.NewPolicy(set)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{15, 200, 20_000} {
			res := check.Run(graph.Build(synth.Generate(n, 11)), pol)
			for _, d := range res.Active() {
				if d.Severity >= diag.SeverityWarning {
					t.Errorf("profiles %v, n=%d: %v", set, n, d)
				}
			}
		}
	}
	// The control: the same chart with the CISO moved under the CIO.
	org := synth.Generate(200, 11)
	for _, p := range org.People {
		if p.ID == "ciso" {
			p.ReportsTo[0].ID = "cio"
		}
	}
	codes := map[string]bool{}
	for _, d := range check.Run(graph.Build(org), nil).Active() {
		codes[d.Code] = true
	}
	if !codes["SEC002"] {
		t.Errorf("CISO under the CIO: codes %v, want SEC002 among them", codes)
	}
}

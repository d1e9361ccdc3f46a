package render

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/render/option"
)

// denseOrg is n people under one top, each with a dotted line to every
// other: the chart that took Graphviz past 15 GB at n = 300.
func denseOrg(n int) *graph.Org {
	org := &graph.Org{Title: "dense"}
	for i := range n {
		p := &graph.Person{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Person %d", i), Title: "Staff"}
		if i > 0 {
			p.ReportsTo = []graph.Ref{{ID: "p0"}}
		}
		for j := range n {
			if j != i {
				p.Dotted = append(p.Dotted, graph.Ref{ID: fmt.Sprintf("p%d", j)})
			}
		}
		org.People = append(org.People, p)
	}
	return org
}

func TestLimits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		limits option.Limits
		org    *graph.Org
		want   string // LimitError.Name, "" for none
	}{
		{"dense, defaults", option.Limits{}, denseOrg(300), "DottedPerPerson"},
		{"dense, per person raised", option.Limits{DottedPerPerson: -1}, denseOrg(300), "Dotted"},
		{"dense, dotted raised", option.Limits{DottedPerPerson: -1, Dotted: -1, Lines: 50000}, denseOrg(300), "Lines"},
		{"dense, lines raised", option.Limits{DottedPerPerson: -1, Dotted: -1, Lines: -1, DOTBytes: 100000}, denseOrg(300), "DOTBytes"},
		{"small dense chart", option.Limits{}, denseOrg(5), ""},
	} {
		_, err := renderOrg(context.Background(), tc.org, nil, option.Options{Format: "dot", Limits: tc.limits})
		var le *option.LimitError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: Render = %v, want no error", tc.name, err)
		case tc.want != "" && (!errors.As(err, &le) || le.Name != tc.want):
			t.Errorf("%s: Render = %v, want a %s LimitError", tc.name, err, tc.want)
		}
	}
	// mermaid is not drawn by Graphviz: no limits.
	if _, err := renderOrg(context.Background(), denseOrg(300), nil, option.Options{Format: "mermaid"}); err != nil {
		t.Errorf("mermaid: %v", err)
	}
}

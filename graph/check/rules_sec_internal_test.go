package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// TestAncestorsMatchesChain checks the memoised ancestor search against a
// walk of graph.Graph.Chain on random charts with trees, cycles and
// self-loops, asked in random order.
func TestAncestorsMatchesChain(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := 1 + rng.IntN(40)
		org := &graph.Org{File: "r.yaml"}
		for i := range n {
			p := &graph.Person{ID: fmt.Sprintf("p%d", i), Index: i, Pos: diag.Pos{File: "r.yaml", Line: i + 1, Column: 3}}
			if rng.IntN(8) > 0 { // most entries have a manager, anywhere: cycles happen
				p.ReportsTo = []graph.Ref{{ID: fmt.Sprintf("p%d", rng.IntN(n))}}
			}
			if rng.IntN(4) == 0 {
				p.Roles = []graph.Role{{Code: "CIO"}}
			}
			org.People = append(org.People, p)
		}
		g := graph.Build(org)
		a := newAncestors(g, func(p *graph.Person) bool { return p.HasRole("CIO") })
		for _, i := range rng.Perm(n) {
			want := -1
			for _, j := range g.Chain(i) {
				if g.Person(j).HasRole("CIO") {
					want = j
					break
				}
			}
			if got := a.find(i); got != want {
				t.Fatalf("round %d: find(%d) = %d, want %d (chain %v)", round, i, got, want, g.Chain(i))
			}
			if want >= 0 {
				c := walkTo(g, i, want)
				if c.target() != want {
					t.Fatalf("round %d: walkTo(%d, %d) ends at %d", round, i, want, c.target())
				}
			}
		}
	}
}

// TestFixturesCoverSecurityRules demands that the fixtures show every
// security rule firing under its own profile and under every profile that
// changes it, and that each opt-in profile has a fixture.
func TestFixturesCoverSecurityRules(t *testing.T) {
	type key struct{ code, profile string }
	fired := map[key]bool{}
	withProfile := map[string]bool{}
	for _, fx := range allFixtures(t) {
		profiles := append([]string{ProfileCore, ProfileSecurity}, fx.profiles...)
		for _, p := range fx.profiles {
			withProfile[p] = true
		}
		for f := range fx.want {
			for _, p := range profiles {
				fired[key{f.code, p}] = true
			}
		}
	}
	for _, r := range Rules() {
		if !strings.HasPrefix(r.Code, "SEC") {
			continue
		}
		need := []string{r.Profile}
		for _, p := range Profiles() {
			if _, ok := p.Severity[r.Code]; ok || slices.Contains(p.Enables, r.Code) {
				need = append(need, p.Name)
			}
		}
		for _, p := range need {
			if !fired[key{r.Code, p}] {
				t.Errorf("no fixture under testdata/ wants %s (%s) with profile %s", r.Code, r.Name, p)
			}
		}
	}
	for _, p := range Profiles() {
		if !p.Default && !withProfile[p.Name] {
			t.Errorf("no fixture runs with the opt-in profile %s (# profiles: %s)", p.Name, p.Name)
		}
	}
}

// bigChart builds a synthetic chart of n entries: a CEO, a CIO, and below
// the CIO a tree with a fan-out of 3, with a CISO, a CSO, a CAE and a DPO
// every 97 entries. Almost every one of those fires (their chains pass
// through the CIO), so the rules do their most work.
func bigChart(n int) *graph.Org {
	org := &graph.Org{File: "big.yaml"}
	add := func(id string, roles []string, manager string) {
		p := &graph.Person{ID: id, Index: len(org.People), Pos: diag.Pos{File: "big.yaml", Line: len(org.People) + 1, Column: 3}}
		for _, r := range roles {
			p.Roles = append(p.Roles, graph.Role{Code: r})
		}
		if manager != "" {
			p.ReportsTo = []graph.Ref{{ID: manager, Pos: p.Pos}}
		}
		org.People = append(org.People, p)
	}
	add("p0", []string{"CEO"}, "")
	add("p1", []string{"CIO"}, "p0")
	for i := 2; i < n; i++ {
		var roles []string
		switch i % 97 {
		case 10:
			roles = []string{"CISO"}
		case 20:
			roles = []string{"CAE"}
		case 30:
			roles = []string{"DPO"}
		case 40:
			roles = []string{"CSO"}
		}
		add(fmt.Sprintf("p%d", i), roles, fmt.Sprintf("p%d", 1+(i-1)/3))
	}
	return org
}

// BenchmarkSecurityRules measures the eight security rules on a built
// graph, and graph.Build on the same chart as the reference: the ratio
// rules/build should stay flat as n grows (both are linear).
//
//	go test ./graph/check/ -run '^$' -bench SecurityRules -benchmem
func BenchmarkSecurityRules(b *testing.B) {
	var sec []*Rule
	for _, r := range Rules() {
		if strings.HasPrefix(r.Code, "SEC") && r.Code != "SEC007" {
			sec = append(sec, r)
		}
	}
	for _, n := range []int{1_000, 10_000, 100_000} {
		org := bigChart(n)
		b.Run(fmt.Sprintf("build/%d", n), func(b *testing.B) {
			for b.Loop() {
				graph.Build(org)
			}
		})
		g := graph.Build(org)
		b.Run(fmt.Sprintf("rules/%d", n), func(b *testing.B) {
			found := 0
			for b.Loop() {
				for _, r := range sec {
					p := &Pass{Org: org, Graph: g, Rule: r, report: func(diag.Diagnostic) { found++ }}
					r.Run(p)
				}
			}
			b.ReportMetric(float64(found)/float64(b.N), "findings/op")
		})
	}
}

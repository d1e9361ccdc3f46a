package graph

import (
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGraphQueries(t *testing.T) {
	g := Build(chart(tree...))
	type want struct {
		managers, reports, chain, subtree, subtree1 []string
		manager                                     string
		level, span, total                          int
	}
	tests := map[string]want{
		"board": {reports: []string{"ceo", "aud"}, manager: "", level: 0, span: 2, total: 9,
			subtree:  []string{"board", "ceo", "cfo", "cto", "e1", "e3", "e4", "e2", "ciso", "aud"},
			subtree1: []string{"board", "ceo", "aud"}},
		"ceo": {managers: []string{"ceo>board"}, manager: "board", reports: []string{"cfo", "cto", "ciso"},
			chain: []string{"board"}, level: 1, span: 3, total: 7,
			subtree:  []string{"ceo", "cfo", "cto", "e1", "e3", "e4", "e2", "ciso"},
			subtree1: []string{"ceo", "cfo", "cto", "ciso"}},
		"e1": {managers: []string{"e1>cto"}, manager: "cto", reports: []string{"e3", "e4"},
			chain: []string{"cto", "ceo", "board"}, level: 3, span: 2, total: 2,
			subtree: []string{"e1", "e3", "e4"}, subtree1: []string{"e1", "e3", "e4"}},
		"e4": {managers: []string{"e4>e1"}, manager: "e1", chain: []string{"e1", "cto", "ceo", "board"},
			level: 4, subtree: []string{"e4"}, subtree1: []string{"e4"}},
	}
	for id, w := range tests {
		t.Run(id, func(t *testing.T) {
			i := idx(t, g, id)
			if d := cmp.Diff(w.managers, lineIDs(g, g.Managers(i))); d != "" {
				t.Errorf("Managers(%s) (-want +got):\n%s", id, d)
			}
			m := g.Manager(i)
			got := ""
			if m >= 0 {
				got = g.Person(m).ID
			}
			if got != w.manager {
				t.Errorf("Manager(%s) = %q, want %q", id, got, w.manager)
			}
			if d := cmp.Diff(w.reports, ids(g, g.Reports(i))); d != "" {
				t.Errorf("Reports(%s) (-want +got):\n%s", id, d)
			}
			if d := cmp.Diff(w.chain, ids(g, g.Chain(i))); d != "" {
				t.Errorf("Chain(%s) (-want +got):\n%s", id, d)
			}
			if d := cmp.Diff(w.subtree, ids(g, g.Subtree(i, -1))); d != "" {
				t.Errorf("Subtree(%s, -1) (-want +got):\n%s", id, d)
			}
			if d := cmp.Diff(w.subtree1, ids(g, g.Subtree(i, 1))); d != "" {
				t.Errorf("Subtree(%s, 1) (-want +got):\n%s", id, d)
			}
			if d := cmp.Diff([]string{id}, ids(g, g.Subtree(i, 0))); d != "" {
				t.Errorf("Subtree(%s, 0) (-want +got):\n%s", id, d)
			}
			if got := g.Level(i); got != w.level {
				t.Errorf("Level(%s) = %d, want %d", id, got, w.level)
			}
			if got := g.Span(i); got != w.span {
				t.Errorf("Span(%s) = %d, want %d", id, got, w.span)
			}
			if got := g.TotalReports(i); got != w.total {
				t.Errorf("TotalReports(%s) = %d, want %d", id, got, w.total)
			}
		})
	}
	if d := cmp.Diff([]string{"board"}, ids(g, g.Tops())); d != "" {
		t.Errorf("Tops() (-want +got):\n%s", d)
	}
	if c := g.Cycles(); c != nil {
		t.Errorf("Cycles() = %v, want none", c)
	}
	if got := g.Subtree(idx(t, g, "ceo"), 2); len(got) != 6 {
		t.Errorf("Subtree(ceo, 2) = %v, want 6 entries (e3 and e4 are 3 levels down)", ids(g, got))
	}
}

func TestGraphLookup(t *testing.T) {
	g := Build(chart("Dana@Example.com", "ceo>dana@example.com", "  Lee  >CEO"))
	tests := []struct {
		id   string
		want int
		ok   bool
	}{
		{"dana@example.com", 0, true},
		{" DANA@example.COM ", 0, true},
		{"ceo", 1, true},
		{"lee", 2, true},
		{"nobody", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		if got, ok := g.Lookup(tt.id); got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %d, %v, want %d, %v", tt.id, got, ok, tt.want, tt.ok)
		}
	}
	if d := cmp.Diff([]string{"ceo>Dana@Example.com"}, lineIDs(g, g.Managers(1))); d != "" {
		t.Errorf("Managers(ceo) (-want +got):\n%s", d)
	}
	if got := g.Level(2); got != 2 {
		t.Errorf("Level(lee) = %d, want 2", got)
	}
}

func TestGraphInChain(t *testing.T) {
	g := Build(chart(tree...))
	tests := []struct {
		a, b string
		want bool
	}{
		{"board", "e3", true},
		{"ceo", "e3", true},
		{"cto", "e3", true},
		{"e1", "e3", true},
		{"e3", "e1", false},
		{"e3", "e3", false},
		{"e2", "e3", false},
		{"cfo", "e3", false},
		{"cfo", "e4", false}, // a dotted line is not the chain of command
		{"aud", "ciso", false},
		{"board", "aud", true},
		{"ceo", "board", false},
	}
	for _, tt := range tests {
		if got := g.InChain(idx(t, g, tt.a), idx(t, g, tt.b)); got != tt.want {
			t.Errorf("InChain(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	// InChain agrees with Chain everywhere.
	for b := range g.Len() {
		in := map[int]bool{}
		for _, a := range g.Chain(b) {
			in[a] = true
		}
		for a := range g.Len() {
			if got := g.InChain(a, b); got != in[a] {
				t.Errorf("InChain(%d, %d) = %v, but Chain(%d) = %v", a, b, got, b, g.Chain(b))
			}
		}
	}
}

func TestGraphDualManagers(t *testing.T) {
	g := Build(chart("top", "a>top", "b>top", "x>a,b", "y>x", "z>b,b"))
	x, a, b := idx(t, g, "x"), idx(t, g, "a"), idx(t, g, "b")
	want := []Line{
		{From: x, To: a, Kind: Solid, Pos: at(x, 1)},
		{From: x, To: b, Kind: Solid, Pos: at(x, 2)},
	}
	if d := cmp.Diff(want, g.Managers(x)); d != "" {
		t.Errorf("Managers(x) (-want +got):\n%s", d)
	}
	if got := g.Manager(x); got != a {
		t.Errorf("Manager(x) = %d, want %d (the first written)", got, a)
	}
	if d := cmp.Diff([]string{"x"}, ids(g, g.Reports(a))); d != "" {
		t.Errorf("Reports(a) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"x", "z"}, ids(g, g.Reports(b))); d != "" {
		t.Errorf("Reports(b) (-want +got):\n%s", d)
	}
	if got := g.Span(b); got != 2 {
		t.Errorf("Span(b) = %d, want 2", got)
	}
	// Totals, subtrees and chains follow first managers.
	if got := g.TotalReports(a); got != 2 {
		t.Errorf("TotalReports(a) = %d, want 2", got)
	}
	if got := g.TotalReports(b); got != 1 {
		t.Errorf("TotalReports(b) = %d, want 1", got)
	}
	if d := cmp.Diff([]string{"b", "z"}, ids(g, g.Subtree(b, -1))); d != "" {
		t.Errorf("Subtree(b) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"x", "a", "top"}, ids(g, g.Chain(idx(t, g, "y")))); d != "" {
		t.Errorf("Chain(y) (-want +got):\n%s", d)
	}
	// A repeated manager is one line.
	if d := cmp.Diff([]string{"z>b"}, lineIDs(g, g.Managers(idx(t, g, "z")))); d != "" {
		t.Errorf("Managers(z) (-want +got):\n%s", d)
	}
}

func TestGraphDotted(t *testing.T) {
	g := Build(chart(
		"top",
		"m1>top",
		"m2>top",
		"a>m1~m2:matrix,ghost,m2",
		"b>m2~m1,m2:advisory", // dotted to its own solid manager: the solid line stays
		"c>m1~m2:functional,top",
		"s>m1~s",
	))
	a, b := idx(t, g, "a"), idx(t, g, "b")
	m1, m2 := idx(t, g, "m1"), idx(t, g, "m2")
	if d := cmp.Diff([]Line{{From: a, To: m2, Kind: Dotted, Type: "matrix", Pos: at(a, 2)}}, g.DottedFrom(a)); d != "" {
		t.Errorf("DottedFrom(a) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"b~m1"}, lineIDs(g, g.DottedFrom(b))); d != "" {
		t.Errorf("DottedFrom(b) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"b>m2"}, lineIDs(g, g.Managers(b))); d != "" {
		t.Errorf("Managers(b) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"a~m2:matrix", "c~m2:functional"}, lineIDs(g, g.DottedTo(m2))); d != "" {
		t.Errorf("DottedTo(m2) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"b~m1"}, lineIDs(g, g.DottedTo(m1))); d != "" {
		t.Errorf("DottedTo(m1) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"c~top"}, lineIDs(g, g.DottedTo(idx(t, g, "top")))); d != "" {
		t.Errorf("DottedTo(top) (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"s~s"}, lineIDs(g, g.DottedFrom(idx(t, g, "s")))); d != "" {
		t.Errorf("DottedFrom(s) (-want +got):\n%s", d)
	}
	// Dotted lines are not the chain of command and make no cycle.
	if got := g.Span(m2); got != 1 {
		t.Errorf("Span(m2) = %d, want 1", got)
	}
	if got := g.Cycles(); got != nil {
		t.Errorf("Cycles() = %v, want none (a dotted self-line is no cycle)", got)
	}
	want := []string{
		"m1>top", "m2>top", "a>m1", "a~m2:matrix", "b>m2", "b~m1",
		"c>m1", "c~m2:functional", "c~top", "s>m1", "s~s",
	}
	if d := cmp.Diff(want, lineIDs(g, g.Lines())); d != "" {
		t.Errorf("Lines() (-want +got):\n%s", d)
	}
}

func TestGraphUnknownRefs(t *testing.T) {
	g := Build(chart("top", "a>ghost", "b>ghost,top~ghost", "c>a"))
	a, b := idx(t, g, "a"), idx(t, g, "b")
	if got := g.Managers(a); got != nil {
		t.Errorf("Managers(a) = %v, want none", got)
	}
	if got := g.Manager(a); got != -1 {
		t.Errorf("Manager(a) = %d, want -1", got)
	}
	if d := cmp.Diff([]Line{{From: b, To: 0, Kind: Solid, Pos: at(b, 2)}}, g.Managers(b)); d != "" {
		t.Errorf("Managers(b) (-want +got):\n%s", d)
	}
	if got := g.DottedFrom(b); got != nil {
		t.Errorf("DottedFrom(b) = %v, want none", got)
	}
	if d := cmp.Diff([]string{"top", "a"}, ids(g, g.Tops())); d != "" {
		t.Errorf("Tops() (-want +got):\n%s", d)
	}
	if got := g.Level(idx(t, g, "c")); got != 1 {
		t.Errorf("Level(c) = %d, want 1", got)
	}
	checkConsistent(t, g)
}

func TestGraphDuplicateIDs(t *testing.T) {
	g := Build(chart("top", "a>top", "A >b~top", "b>top", "c>a", "b>c"))
	if got, ok := g.Lookup("a"); got != 1 || !ok {
		t.Errorf("Lookup(a) = %d, %v, want 1, true (the first wins)", got, ok)
	}
	if got, _ := g.Lookup("b"); got != 3 {
		t.Errorf("Lookup(b) = %d, want 3", got)
	}
	for i, want := range []bool{false, false, true, false, false, true} {
		if got := g.IsDuplicate(i); got != want {
			t.Errorf("IsDuplicate(%d) = %v, want %v", i, got, want)
		}
	}
	if got := g.Managers(2); got != nil {
		t.Errorf("Managers(2) = %v, want none (a duplicate has no lines)", got)
	}
	if got := g.DottedFrom(2); got != nil {
		t.Errorf("DottedFrom(2) = %v, want none", got)
	}
	if got := g.Managers(5); got != nil {
		t.Errorf("Managers(5) = %v, want none", got)
	}
	if d := cmp.Diff([]int{4}, g.Reports(1)); d != "" {
		t.Errorf("Reports(a) (-want +got):\n%s", d)
	}
	if got := g.Reports(2); got != nil {
		t.Errorf("Reports(2) = %v, want none (refs resolve to the first entry)", got)
	}
	if d := cmp.Diff([]int{0}, g.Tops()); d != "" {
		t.Errorf("Tops() (-want +got):\n%s (duplicates are no tops)", d)
	}
	if got := g.Cycles(); got != nil {
		t.Errorf("Cycles() = %v, want none (the duplicate b>c is left out)", got)
	}
	checkConsistent(t, g)
}

func TestGraphEmpty(t *testing.T) {
	g := Build(&Org{})
	if g.Len() != 0 || g.Tops() != nil || g.Cycles() != nil || len(g.Lines()) != 0 {
		t.Errorf("Build(empty) = %d entries, tops %v, cycles %v, lines %v", g.Len(), g.Tops(), g.Cycles(), g.Lines())
	}
	if _, ok := g.Lookup("x"); ok {
		t.Errorf("Lookup(x) on an empty chart succeeded")
	}
}

func TestGraphTops(t *testing.T) {
	g := Build(chart("x>board", "board", "s>s", "audit>board", "lone", "BOARD", "orphan>ghost", "sub>lone"))
	if d := cmp.Diff([]string{"board", "lone", "orphan"}, ids(g, g.Tops())); d != "" {
		t.Errorf("Tops() (-want +got):\n%s (file order; no self-loop, no repeated id)", d)
	}
	for _, id := range []string{"board", "lone", "orphan"} {
		if got := g.Level(idx(t, g, id)); got != 0 {
			t.Errorf("Level(%s) = %d, want 0", id, got)
		}
	}
}

func TestGraphConcurrentReaders(t *testing.T) {
	g := Build(chart("top", "a>b", "b>a", "c>top", "d>c~a"))
	want := fmt.Sprint(g.Cycles(), g.Tops(), g.Chain(4), g.Level(4), g.TotalReports(0), g.Subtree(0, -1))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				got := fmt.Sprint(g.Cycles(), g.Tops(), g.Chain(4), g.Level(4), g.TotalReports(0), g.Subtree(0, -1))
				if got != want {
					t.Errorf("concurrent read = %s, want %s", got, want)
					return
				}
				g.dg.Edge(4, 3)
			}
		})
	}
	wg.Wait()
}

package graph

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	dgraph "github.com/dominikbraun/graph"
	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph/diag"
)

// chart builds an Org from compact specs, one per entry in file order:
// "id", "id>m1,m2" (solid-line managers) and "~d1,d2:type" (dotted lines,
// optionally typed) after it, as in "ciso>ceo~audit:advisory". Each ref's
// position is line = entry number + 1, column = ref number + 1.
func chart(specs ...string) *Org {
	org := &Org{File: "t.yaml"}
	for i, s := range specs {
		p := &Person{Index: i, Kind: KindPerson, Pos: diag.Pos{File: "t.yaml", Line: i + 1, Column: 1}}
		s, dotted, _ := strings.Cut(s, "~")
		id, mgrs, _ := strings.Cut(s, ">")
		p.ID = id
		col := 1
		if mgrs != "" {
			for _, m := range strings.Split(mgrs, ",") {
				col++
				p.ReportsTo = append(p.ReportsTo, Ref{ID: m, Pos: diag.Pos{File: "t.yaml", Line: i + 1, Column: col}})
			}
		}
		if dotted != "" {
			for _, d := range strings.Split(dotted, ",") {
				col++
				to, typ, _ := strings.Cut(d, ":")
				p.Dotted = append(p.Dotted, Ref{ID: to, Type: typ, Pos: diag.Pos{File: "t.yaml", Line: i + 1, Column: col}})
			}
		}
		org.People = append(org.People, p)
	}
	return org
}

// at returns the position chart gives the col-th ref (1-based) of entry i.
func at(i, col int) diag.Pos { return diag.Pos{File: "t.yaml", Line: i + 1, Column: col + 1} }

// idx returns the index of id in g, failing the test when absent.
func idx(t *testing.T, g *Graph, id string) int {
	t.Helper()
	i, ok := g.Lookup(id)
	if !ok {
		t.Fatalf("Lookup(%q) failed", id)
	}
	return i
}

// ids maps indices to ids, for readable diffs.
func ids(g *Graph, is []int) []string {
	if is == nil {
		return nil
	}
	out := make([]string, len(is))
	for k, i := range is {
		out[k] = g.Person(i).ID
	}
	return out
}

// lineIDs renders lines as "from>to" or "from~to:type", for readable diffs.
func lineIDs(g *Graph, ls []Line) []string {
	if ls == nil {
		return nil
	}
	out := make([]string, len(ls))
	for k, l := range ls {
		sep := ">"
		if l.Kind == Dotted {
			sep = "~"
		}
		out[k] = g.Person(l.From).ID + sep + g.Person(l.To).ID
		if l.Type != "" {
			out[k] += ":" + l.Type
		}
	}
	return out
}

var tree = []string{
	"board",        // 0
	"ceo>board",    // 1
	"cfo>ceo",      // 2
	"cto>ceo",      // 3
	"e1>cto",       // 4
	"e2>cto",       // 5
	"e3>e1",        // 6
	"e4>e1~cfo",    // 7
	"aud>board",    // 8
	"ciso>ceo~aud", // 9
}

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

func TestGraphCycles(t *testing.T) {
	tests := []struct {
		name   string
		specs  []string
		cycles [][]string
		levels map[string]int
		chains map[string][]string
		totals map[string]int
		tops   []string
	}{
		{
			name:   "two-cycle",
			specs:  []string{"top", "a>b", "b>a"},
			cycles: [][]string{{"a", "b"}},
			levels: map[string]int{"top": 0, "a": -1, "b": -1},
			chains: map[string][]string{"a": {"b"}, "b": {"a"}},
			totals: map[string]int{"a": 1, "b": 1},
			tops:   []string{"top"},
		},
		{
			name:   "three-cycle in line order",
			specs:  []string{"a>c", "b>a", "c>b"},
			cycles: [][]string{{"a", "c", "b"}},
			chains: map[string][]string{"a": {"c", "b"}, "b": {"a", "c"}},
			totals: map[string]int{"a": 2},
		},
		{
			name:   "self-loop",
			specs:  []string{"top", "s>s", "r>s"},
			cycles: [][]string{{"s"}},
			levels: map[string]int{"s": -1, "r": -1},
			chains: map[string][]string{"s": nil, "r": {"s"}},
			totals: map[string]int{"s": 1, "r": 0},
			tops:   []string{"top"},
		},
		{
			name:   "two separate cycles sorted by first index",
			specs:  []string{"x>y", "p>q", "q>r", "y>x", "r>p", "top"},
			cycles: [][]string{{"x", "y"}, {"p", "q", "r"}},
			tops:   []string{"top"},
		},
		{
			name:   "tree hanging under a cycle",
			specs:  []string{"top", "h>a", "a>b", "b>a", "h2>h", "k>top"},
			cycles: [][]string{{"a", "b"}},
			levels: map[string]int{"top": 0, "k": 1, "a": -1, "b": -1, "h": -1, "h2": -1},
			chains: map[string][]string{"h2": {"h", "a", "b"}, "h": {"a", "b"}, "a": {"b"}, "b": {"a"}},
			totals: map[string]int{"a": 3, "b": 3, "h": 1, "h2": 0, "top": 1},
			tops:   []string{"top"},
		},
		{
			name: "cycle through a second manager",
			// x's first manager is top, so its level is known; the solid
			// lines x → y → x still form a cycle.
			specs:  []string{"top", "x>top,y", "y>x"},
			cycles: [][]string{{"x", "y"}},
			levels: map[string]int{"x": 1, "y": 2},
			chains: map[string][]string{"y": {"x", "top"}},
			tops:   []string{"top"},
		},
		{
			name:   "strongly connected with dual reporting",
			specs:  []string{"a>b,c", "b>a", "c>a"},
			cycles: [][]string{{"a", "b", "c"}},
		},
		{
			name:   "cycle under a tree is not a top",
			specs:  []string{"a>b", "b>c", "c>b"},
			cycles: [][]string{{"b", "c"}},
			levels: map[string]int{"a": -1},
			chains: map[string][]string{"a": {"b", "c"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Build(chart(tt.specs...))
			var got [][]string
			for _, c := range g.Cycles() {
				got = append(got, ids(g, c))
			}
			if d := cmp.Diff(tt.cycles, got); d != "" {
				t.Errorf("Cycles() (-want +got):\n%s", d)
			}
			onCycle := map[string]bool{}
			for _, c := range tt.cycles {
				for _, id := range c {
					onCycle[id] = true
				}
			}
			for i := range g.Len() {
				if got := g.OnCycle(i); got != onCycle[g.Person(i).ID] {
					t.Errorf("OnCycle(%s) = %v, want %v", g.Person(i).ID, got, !got)
				}
			}
			for id, want := range tt.levels {
				if got := g.Level(idx(t, g, id)); got != want {
					t.Errorf("Level(%s) = %d, want %d", id, got, want)
				}
			}
			for id, want := range tt.chains {
				if d := cmp.Diff(want, ids(g, g.Chain(idx(t, g, id)))); d != "" {
					t.Errorf("Chain(%s) (-want +got):\n%s", id, d)
				}
			}
			for id, want := range tt.totals {
				if got := g.TotalReports(idx(t, g, id)); got != want {
					t.Errorf("TotalReports(%s) = %d, want %d", id, got, want)
				}
			}
			if d := cmp.Diff(tt.tops, ids(g, g.Tops())); d != "" {
				t.Errorf("Tops() (-want +got):\n%s", d)
			}
			checkConsistent(t, g)
			// Without dual reporting Build takes the cycles of first
			// managers; Tarjan's pass must agree.
			fast, fastSCC := g.Cycles(), g.scc
			g.cycles, g.scc = nil, nil
			g.tarjan()
			if d := cmp.Diff(fast, g.Cycles()); d != "" {
				t.Errorf("Tarjan's cycles differ (-Build +tarjan):\n%s", d)
			}
			if d := cmp.Diff(fastSCC, g.scc); d != "" {
				t.Errorf("Tarjan's component ids differ (-Build +tarjan):\n%s", d)
			}
		})
	}
}

// checkConsistent checks the queries against each other on every entry:
// Subtree(i, -1) has TotalReports(i)+1 distinct entries, each of which has i
// in its chain; InChain agrees with Chain; a chain never repeats.
func checkConsistent(t *testing.T, g *Graph) {
	t.Helper()
	for i := range g.Len() {
		sub := g.Subtree(i, -1)
		if len(sub) != g.TotalReports(i)+1 || sub[0] != i {
			t.Errorf("Subtree(%d, -1) = %v, want %d entries from %d", i, sub, g.TotalReports(i)+1, i)
		}
		seen := map[int]bool{}
		for _, x := range sub {
			if seen[x] {
				t.Errorf("Subtree(%d, -1) = %v repeats %d", i, sub, x)
			}
			seen[x] = true
			if x != i && !g.InChain(i, x) {
				t.Errorf("Subtree(%d) holds %d but InChain(%d, %d) = false", i, x, i, x)
			}
		}
		chain := g.Chain(i)
		inChain := map[int]bool{}
		for _, x := range chain {
			if inChain[x] || x == i {
				t.Errorf("Chain(%d) = %v repeats %d", i, chain, x)
			}
			inChain[x] = true
		}
		for a := range g.Len() {
			if got := g.InChain(a, i); got != inChain[a] {
				t.Errorf("InChain(%d, %d) = %v, but Chain(%d) = %v", a, i, got, i, chain)
			}
		}
		if l := g.Level(i); l >= 0 && l != len(chain) {
			t.Errorf("Level(%d) = %d, but Chain(%d) = %v", i, l, i, chain)
		}
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

// deepChain returns a chart of n entries, each reporting to the previous.
func deepChain(n int) *Org {
	people := make([]Person, n)
	refs := make([]Ref, n)
	org := &Org{People: make([]*Person, n)}
	for i := range people {
		people[i].ID = fmt.Sprintf("p%d", i)
		people[i].Index = i
		if i > 0 {
			refs[i].ID = people[i-1].ID
			people[i].ReportsTo = refs[i : i+1]
		}
		org.People[i] = &people[i]
	}
	return org
}

func TestGraphDeepChain(t *testing.T) {
	const n = 1_000_000
	org := deepChain(n)
	g := Build(org)
	last := n - 1
	chain := g.Chain(last)
	if len(chain) != n-1 || chain[0] != n-2 || chain[n-2] != 0 {
		t.Fatalf("Chain(last) has %d entries from %d to %d, want %d from %d to 0", len(chain), chain[0], chain[len(chain)-1], n-1, n-2)
	}
	if got := g.Level(last); got != n-1 {
		t.Errorf("Level(last) = %d, want %d", got, n-1)
	}
	if got := g.TotalReports(0); got != n-1 {
		t.Errorf("TotalReports(0) = %d, want %d", got, n-1)
	}
	if got := g.Subtree(0, -1); len(got) != n || got[n-1] != last {
		t.Errorf("Subtree(0, -1) has %d entries, want %d ending with %d", len(got), n, last)
	}
	if got := g.Subtree(10, 5); !cmp.Equal(got, []int{10, 11, 12, 13, 14, 15}) {
		t.Errorf("Subtree(10, 5) = %v, want 10..15", got)
	}
	if !g.InChain(0, last) || g.InChain(last, 0) {
		t.Errorf("InChain(0, last) = %v, InChain(last, 0) = %v, want true, false", g.InChain(0, last), g.InChain(last, 0))
	}
	if g.Cycles() != nil {
		t.Errorf("Cycles() = %d cycles, want none", len(g.Cycles()))
	}

	// Close the chain into one cycle of a million.
	org.People[0].ReportsTo = []Ref{{ID: org.People[last].ID}}
	g = Build(org)
	cycles := g.Cycles()
	if len(cycles) != 1 || len(cycles[0]) != n {
		t.Fatalf("Cycles() = %d cycles, want one of %d", len(cycles), n)
	}
	if c := cycles[0]; c[0] != 0 || c[1] != last || c[n-1] != 1 {
		t.Errorf("Cycles()[0] = [%d %d ... %d], want [0 %d ... 1] (line order)", c[0], c[1], c[n-1], last)
	}
	g.cycles, g.scc = nil, nil
	g.tarjan() // a million frames deep: must not overflow
	if d := cmp.Diff(cycles, g.Cycles()); d != "" {
		t.Errorf("Tarjan's cycles differ from Build's")
	}
	if got := g.Level(last); got != -1 {
		t.Errorf("Level(last) = %d, want -1", got)
	}
	if got := g.Chain(5); len(got) != n-1 || got[0] != 4 || got[n-2] != 6 {
		t.Errorf("Chain(5) has %d entries, want %d from 4 round to 6", len(got), n-1)
	}
	if got := g.TotalReports(7); got != n-1 {
		t.Errorf("TotalReports(7) = %d, want %d", got, n-1)
	}
	if g.Tops() != nil {
		t.Errorf("Tops() = %v, want none", g.Tops())
	}
}

// TestGraphUsesDgraph checks that the lines live in the dominikbraun/graph
// instance: its counts and edges agree with our indexes, the kind and type
// in edge data.
func TestGraphUsesDgraph(t *testing.T) {
	g := Build(chart(append(tree, "x>cfo,cto~ceo:matrix,cfo", "y>x~y")...))
	order, err := g.dg.Order()
	if err != nil || order != g.Len() {
		t.Errorf("dgraph Order() = %d, %v, want %d", order, err, g.Len())
	}
	size, err := g.dg.Size()
	if err != nil || size != len(g.Lines()) || g.store.edgeCount() != size {
		t.Errorf("dgraph Size() = %d, %v, store edgeCount() = %d, want %d", size, err, g.store.edgeCount(), len(g.Lines()))
	}
	edges, err := g.dg.Edges()
	if err != nil || len(edges) != len(g.Lines()) {
		t.Fatalf("dgraph Edges() = %d edges, %v, want %d", len(edges), err, len(g.Lines()))
	}
	for _, l := range g.Lines() {
		e, err := g.dg.Edge(l.From, l.To)
		if err != nil {
			t.Errorf("dgraph Edge(%d, %d): %v", l.From, l.To, err)
			continue
		}
		data, ok := e.Properties.Data.(*lineData)
		if !ok || data.Kind != l.Kind || data.Type != l.Type || e.Source != l.From || e.Target != l.To {
			t.Errorf("dgraph Edge(%d, %d) = %d → %d, data %+v, want kind %v type %q", l.From, l.To, e.Source, e.Target, e.Properties.Data, l.Kind, l.Type)
		}
	}
	x, y, cfo := idx(t, g, "x"), idx(t, g, "y"), idx(t, g, "cfo")
	e, _ := g.dg.Edge(x, cfo)
	if d := e.Properties.Data.(*lineData); d.Kind != Solid {
		t.Errorf("edge x → cfo is %v, want solid (the dotted duplicate is dropped)", d.Kind)
	}
	if _, err := g.dg.Edge(cfo, x); err != dgraph.ErrEdgeNotFound {
		t.Errorf("dgraph Edge(cfo, x) error = %v, want ErrEdgeNotFound (edges point report → manager)", err)
	}
	if _, err := g.dg.Edge(y, y); err != nil {
		t.Errorf("dgraph Edge(y, y) error = %v, want the dotted self-line", err)
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

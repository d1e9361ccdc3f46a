package graph

import (
	"strings"
	"testing"

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

package graph

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestResolveLinesParallel checks that resolving the lines in several
// ranges at once gives exactly the lines of the one-range resolve:
// duplicates, unknown and repeated references, ids in other case.
func TestResolveLinesParallel(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,manager,dotted\n")
	for i := range 500 {
		mgr := fmt.Sprintf("E%d", (i-1)/4)
		switch {
		case i == 0:
			mgr = ""
		case i%17 == 0:
			mgr += ";nobody;" + mgr // unknown and repeated
		case i%23 == 0:
			mgr += "|e" + fmt.Sprint(i/2) // dual
		}
		dotted := ""
		if i%7 == 0 {
			dotted = fmt.Sprintf("e%d|e%d|e%d", i/3, i/3, (i-1)/4) // repeated, and the solid manager
		}
		id := fmt.Sprintf("e%d", i)
		if i%50 == 49 {
			id = fmt.Sprintf("e%d", i-10) // a duplicate id
		}
		fmt.Fprintf(&b, "%s,%s,%s\n", id, mgr, dotted)
	}
	org := tableOrg(b.String())
	resolve := func(workers int) *Graph {
		g := &Graph{org: org, store: newCompactStore(len(org.People)), index: newIDIndex(org.People), dup: newVertexSet(len(org.People))}
		g.resolveLines(g.indexEntries(), workers)
		return g
	}
	want := resolve(1)
	if len(want.store.lines) < 550 {
		t.Fatalf("only %d lines resolved", len(want.store.lines))
	}
	for _, workers := range []int{2, 3, 7, 499, 500, 1000} {
		got := resolve(workers)
		if diff := cmp.Diff(want.store.lines, got.store.lines); diff != "" {
			t.Errorf("%d workers: lines differ (-one +several):\n%s", workers, diff)
		}
		if diff := cmp.Diff(want.store.out, got.store.out); diff != "" {
			t.Errorf("%d workers: out differs (-one +several):\n%s", workers, diff)
		}
		if diff := cmp.Diff(want.store.solid, got.store.solid); diff != "" {
			t.Errorf("%d workers: solid differs (-one +several):\n%s", workers, diff)
		}
	}
}

// TestBuildParallel checks that Build on several cores (a chart of
// parallelBuildMin entries or more) builds exactly the graph it builds on
// one.
func TestBuildParallel(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large chart")
	}
	n := parallelBuildMin + 1000
	var b strings.Builder
	b.WriteString("id,manager,dotted\n")
	for i := range n {
		mgr := fmt.Sprintf("e%d", (i-1)/5)
		switch {
		case i == 0:
			mgr = ""
		case i%1001 == 0:
			mgr = fmt.Sprintf("e%d", 5*i+1) // a cycle: e(5i+1) reports to e(i)
		case i%97 == 0:
			mgr += "|e" + fmt.Sprint(i/2) // dual
		}
		dotted := ""
		if i%13 == 0 {
			dotted = fmt.Sprintf("e%d", i/3)
		}
		fmt.Fprintf(&b, "e%d,%s,%s\n", i, mgr, dotted)
	}
	org := tableOrg(b.String())
	prev := runtime.GOMAXPROCS(1)
	want := Build(org)
	runtime.GOMAXPROCS(max(prev, 2))
	got := Build(org)
	runtime.GOMAXPROCS(prev)
	fields := func(g *Graph) []any {
		return []any{g.store.lines, g.store.out, g.store.solid, g.store.in, g.store.inAt,
			g.tin, g.tout, g.level, g.fcyc, g.fcycTotal, g.tops, g.cycles, g.scc}
	}
	if len(want.cycles) == 0 || len(want.store.lines) < n {
		t.Fatalf("test chart has %d cycles and %d lines", len(want.cycles), len(want.store.lines))
	}
	w, g := fields(want), fields(got)
	for i := range w {
		if diff := cmp.Diff(w[i], g[i]); diff != "" {
			t.Errorf("field %d differs (-one core +several):\n%s", i, diff)
		}
	}
}

// tableOrg builds an Org from "id,managers,dotted" lines after a header,
// managers and dotted ids separated by ';' or '|', as the CSV loader reads
// them (the graph package cannot import its loaders).
func tableOrg(text string) *Org {
	org := &Org{File: "t.csv"}
	split := func(s string) []Ref {
		var refs []Ref
		for _, id := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
			refs = append(refs, Ref{ID: id})
		}
		return refs
	}
	for row, line := range strings.Split(strings.TrimSpace(text), "\n")[1:] {
		f := strings.Split(line, ",")
		org.People = append(org.People, &Person{ID: f[0], Kind: KindPerson, ReportsTo: split(f[1]), Dotted: split(f[2]), Index: row})
	}
	return org
}

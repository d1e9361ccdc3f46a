package check

import (
	"fmt"
	"slices"

	"github.com/orgchart/orgchart/graph/diag"
)

// ORG010: see rules/ORG010.md.
func init() {
	register(&Rule{Code: "ORG010", Params: map[string]int{"max": 8}, Run: runHierarchyDepth})
}

// runHierarchyDepth implements ORG010.
func runHierarchyDepth(p *Pass) {
	g := p.Graph
	limit := p.Param("max")
	n := g.Len()
	deepest := 0
	for i := range n {
		deepest = max(deepest, g.Level(i))
	}
	if deepest <= limit {
		return
	}
	// For each entry below the limit, find its ancestor at level limit+1
	// (its anchor) and, for each anchor, its top, by walking up first
	// managers. Both are memoised (stored +1, 0 = unknown), so every entry
	// is walked over once: linear however deep the chart.
	anchor := make([]int32, n)
	top := make([]int32, n)
	var path []int
	walk := func(i int, memo []int32, stop func(j int) bool) int32 {
		path = path[:0]
		j := i
		for memo[j] == 0 && !stop(j) {
			path = append(path, j)
			j = g.Manager(j)
		}
		v := memo[j]
		if v == 0 {
			v = int32(j) + 1
			memo[j] = v
		}
		for _, k := range path {
			memo[k] = v
		}
		return v - 1
	}
	branch := map[int32]int{} // anchor -> deepest level in its branch
	var anchors []int32
	for i := range n {
		l := g.Level(i)
		if l <= limit {
			continue
		}
		a := walk(i, anchor, func(j int) bool { return g.Level(j) == limit+1 })
		if _, ok := branch[a]; !ok {
			anchors = append(anchors, a)
		}
		branch[a] = max(branch[a], l)
	}
	slices.Sort(anchors) // file order
	for _, a := range anchors {
		e := g.Person(int(a))
		t := walk(int(a), top, func(j int) bool { return g.Level(j) == 0 })
		msg := fmt.Sprintf("%q is %d levels below the top %q, more than the limit of %d",
			e.ID, limit+1, id(g, int(t)), limit)
		if b := branch[a]; b > limit+1 {
			msg += fmt.Sprintf("; its branch goes down to level %d", b)
		}
		p.Report(diag.Diagnostic{Pos: e.At("id"), Subject: e.ID, Message: msg})
	}
}

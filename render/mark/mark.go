// Package mark decides what a chart's findings and its highlight mark:
// which cards and which reporting lines, with what severity and which
// codes. Both engines draw from it (the org engine in render/draw, the
// Graphviz engine in render/dot.go), so a finding marks the same cards
// and lines whichever draws the chart.
package mark

import (
	"slices"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/option"
)

// Marks are the findings and the highlight by entry (its index in the
// chart) and by reporting line ({report, manager}).
type Marks struct {
	Node      map[int]diag.Severity    // worst severity on the entry's card
	NodeCodes map[int][]string         // codes on the entry's card, sorted
	Line      map[[2]int]diag.Severity // worst severity on the line
	LineCodes map[[2]int][]string      // codes on the line, in the order found
	Rule      map[string]string        // code → rule name, for the codes drawn
	CodeSev   map[string]diag.Severity // code → worst severity drawn
	HLNode    map[int]bool             // entries on the highlighted chain
	HLEdge    map[[2]int]bool          // lines on the highlighted chain
}

// Of returns what findings (unless opts.NoFindings) and opts.Highlight
// mark on g. A finding marks its subject's card and the lines it names
// when they are drawn (both ends in the chart); suppressed findings and
// findings without a severity mark nothing. The highlight marks an entry
// and its chain of managers up to the top.
func Of(g *graph.Graph, findings []diag.Diagnostic, opts option.Options) *Marks {
	m := &Marks{
		Node: map[int]diag.Severity{}, NodeCodes: map[int][]string{},
		Line: map[[2]int]diag.Severity{}, LineCodes: map[[2]int][]string{},
		Rule: map[string]string{}, CodeSev: map[string]diag.Severity{},
		HLNode: map[int]bool{}, HLEdge: map[[2]int]bool{},
	}
	if !opts.NoFindings {
		for _, f := range findings {
			if f.Suppressed || f.Severity == diag.SeverityNone {
				continue
			}
			shown := false
			if i, ok := g.Lookup(f.Subject); ok && f.Subject != "" {
				m.Node[i] = max(m.Node[i], f.Severity)
				if !slices.Contains(m.NodeCodes[i], f.Code) {
					m.NodeCodes[i] = append(m.NodeCodes[i], f.Code)
				}
				shown = true
			}
			for _, l := range f.Lines {
				from, ok1 := g.Lookup(l.From)
				to, ok2 := g.Lookup(l.To)
				if ok1 && ok2 {
					k := [2]int{from, to}
					m.Line[k] = max(m.Line[k], f.Severity)
					if !slices.Contains(m.LineCodes[k], f.Code) {
						m.LineCodes[k] = append(m.LineCodes[k], f.Code)
					}
					shown = true
				}
			}
			if shown {
				m.Rule[f.Code] = f.Rule
				m.CodeSev[f.Code] = max(m.CodeSev[f.Code], f.Severity)
			}
		}
		for _, c := range m.NodeCodes {
			slices.Sort(c)
		}
	}
	if opts.Highlight != "" {
		if h, ok := g.Lookup(opts.Highlight); ok {
			m.HLNode[h] = true
			prev := h
			for _, x := range g.Chain(h) {
				m.HLNode[x] = true
				m.HLEdge[[2]int{prev, x}] = true
				prev = x
			}
		}
	}
	return m
}

// Codes returns the codes drawn, sorted.
func (m *Marks) Codes() []string {
	codes := make([]string, 0, len(m.CodeSev))
	for c := range m.CodeSev {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

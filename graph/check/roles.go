package check

import (
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// The role sets of ../shared/GOVERNANCE.md. Order matters only for messages:
// roles are named in the order listed here.
var (
	// securityLeaderRoles are the security leaders.
	securityLeaderRoles = []string{"CISO", "CSO"}
	// itExecutiveRoles are the IT executives a security leader must stay
	// independent of.
	itExecutiveRoles = []string{"CIO", "CTO", "ITOPS"}
	// boardBodyRoles are the board and its committees.
	boardBodyRoles = []string{"BOARD", "AUDIT_COMMITTEE", "RISK_COMMITTEE"}
	// caeConflictRoles are the roles a chief audit executive must not hold.
	caeConflictRoles = []string{"CISO", "CIO", "CFO"}
	// auditChainRoles are the managers a CAE must not report through without
	// a line to the audit committee (SEC006).
	auditChainRoles = []string{"CISO", "CSO", "CIO", "CTO", "ITOPS", "CFO", "CRO"}
	// dpoConflictRoles are the roles a DPO must not hold (SEC008).
	dpoConflictRoles = []string{"CEO", "COO", "CFO", "CIO", "CTO", "ITOPS", "CISO", "CSO"}
	// dpoChainRoles are the managers a DPO must not report through without a
	// line to the top (SEC008); the CEO is the top, so it is not one of them.
	dpoChainRoles = []string{"COO", "CFO", "CIO", "CTO", "ITOPS", "CISO", "CSO"}
	// executiveRoles name a manager in a message.
	executiveRoles = []string{"CEO", "COO", "CFO", "CIO", "CTO", "ITOPS", "CISO", "CSO", "CRO", "GC", "CAE", "DPO"}
)

// hasAny reports whether p holds any of the role codes.
func hasAny(p *graph.Person, codes []string) bool {
	for _, c := range codes {
		if p.HasRole(c) {
			return true
		}
	}
	return false
}

// held returns the codes of the set that p holds, in the set's order.
func held(p *graph.Person, codes []string) []string {
	var out []string
	for _, c := range codes {
		if p.HasRole(c) {
			out = append(out, c)
		}
	}
	return out
}

// isBoardBody reports whether p is the board or one of its committees: it
// holds BOARD, AUDIT_COMMITTEE or RISK_COMMITTEE, or it is of kind board.
func isBoardBody(p *graph.Person) bool {
	return p.Kind == graph.KindBoard || hasAny(p, boardBodyRoles)
}

// isTop reports whether p is "the top" for a direct line: the CEO or a board
// body.
func isTop(p *graph.Person) bool { return p.HasRole("CEO") || isBoardBody(p) }

// label names entry i for a message by the roles of set it holds and its id:
// `CISO "lee"`, `CIO/CISO "pat"`, or just `"pat"` when it holds none.
func label(g *graph.Graph, i int, set []string) string {
	p := g.Person(i)
	if r := held(p, set); len(r) > 0 {
		return strings.Join(r, "/") + " " + diag.Quote(p.ID)
	}
	return diag.Quote(p.ID)
}

// quoteAll quotes the ids of entries and joins them with ", ".
func quoteAll(g *graph.Graph, ids []int) string {
	q := make([]string, len(ids))
	for k, i := range ids {
		q[k] = diag.Quote(g.Person(i).ID)
	}
	return strings.Join(q, ", ")
}

// entriesWith returns the entries holding any of the role codes, in file
// order.
func entriesWith(g *graph.Graph, codes []string) []int {
	var out []int
	for i := range g.Len() {
		if hasAny(g.Person(i), codes) {
			out = append(out, i)
		}
	}
	return out
}

// hasDirectLine reports whether i has a line of its own, solid (to any of its
// managers) or dotted, to an entry that satisfies match.
func hasDirectLine(g *graph.Graph, i int, match func(*graph.Person) bool) bool {
	for _, l := range g.Managers(i) {
		if match(g.Person(l.To)) {
			return true
		}
	}
	for _, l := range g.DottedFrom(i) {
		if match(g.Person(l.To)) {
			return true
		}
	}
	return false
}

// Package diff compares two versions of a chart: which entries joined, left,
// moved, were retitled, renamed, given other roles or another department,
// which dotted lines were added or removed, and which governance findings
// the new version introduces or resolves under the same policy. It writes
// the comparison as text, JSON or a Markdown pull-request comment.
//
// It sits beside report and render, not inside graph: it reads two built
// reporting graphs and two rule results and changes neither; the pipeline
// package composes it with loading and checking.
//
// Invariants:
//   - Entries are matched by graph.Key of their id (trimmed, case-folded);
//     an entry that repeats an earlier id (ORG001) is ignored, as
//     graph.Lookup ignores it.
//   - Findings are matched by code and subject key, never by message or
//     position; suppressed findings do not count. A finding present in both
//     versions is in neither list.
//   - Compare is linear in entries, lines and findings (plus sorting the
//     changes), and its output order is deterministic: changes by kind, then
//     id key, then the other end; findings in diag.SortDiagnostics order.
//   - The library never reads files or runs git: it takes built charts.
package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// Kind is what changed about one entry.
type Kind string

// The kinds of change, in the order they are listed.
const (
	Joined        Kind = "joined"         // in NEW only; To: its first solid-line manager
	Left          Kind = "left"           // in OLD only; From: its first solid-line manager
	Moved         Kind = "moved"          // first solid-line manager changed; From/To: old and new manager ids
	Retitled      Kind = "retitled"       // From/To: old and new title
	Renamed       Kind = "renamed"        // From/To: old and new name
	Roles         Kind = "roles"          // From/To: old and new role codes, sorted, comma-separated
	Department    Kind = "department"     // From/To: old and new department
	DottedAdded   Kind = "dotted-added"   // one per added dotted line; To: the other end
	DottedRemoved Kind = "dotted-removed" // one per removed dotted line; To: the other end
)

// Kinds lists every kind in output order.
var Kinds = []Kind{Joined, Left, Moved, Retitled, Renamed, Roles, Department, DottedAdded, DottedRemoved}

func (k Kind) rank() int { return slices.Index(Kinds, k) }

// Change is one change to one entry. From and To hold ids for Moved, Joined,
// Left and the dotted kinds (as written in the version they come from), and
// the old and new values for the others.
type Change struct {
	Kind Kind
	ID   string // the entry's id as written in NEW (in OLD for Left)
	From string
	To   string
}

// Chart is one version to compare: its reporting graph and what the rules
// found in it.
type Chart struct {
	Graph  *graph.Graph
	Result *check.Result
}

// Result is the comparison of two versions.
type Result struct {
	Old, New Chart
	Changes  []Change
	// Introduced are NEW's findings with no OLD finding of the same code
	// and subject; Resolved are OLD's findings with no NEW counterpart.
	Introduced, Resolved []diag.Diagnostic
}

// Compare compares old with new. Both results must come from the same
// policy for the findings to be comparable; a nil Result counts as no
// findings.
func Compare(old, new Chart) *Result {
	r := &Result{Old: old, New: new}
	r.Changes = changes(old.Graph, new.Graph)
	r.Introduced, r.Resolved = findings(active(old.Result), active(new.Result))
	return r
}

func active(r *check.Result) []diag.Diagnostic {
	if r == nil {
		return nil
	}
	return r.Active()
}

// Count returns the number of changes of kind k.
func (r *Result) Count(k Kind) int {
	n := 0
	for _, c := range r.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Max returns the highest severity among the introduced findings, or
// diag.SeverityNone when none was introduced. A change fails a threshold
// when Max is at or above it: findings already in OLD never fail a change.
func (r *Result) Max() diag.Severity {
	m := diag.SeverityNone
	for _, d := range r.Introduced {
		m = max(m, d.Severity)
	}
	return m
}

// Name returns the display name of the entry with id in g ("Jo Dunn"), or
// the id itself when it has no name or is not in g.
func Name(g *graph.Graph, id string) string {
	if g != nil {
		if i, ok := g.Lookup(id); ok && g.Person(i).Name != "" {
			return g.Person(i).Name
		}
	}
	return id
}

// changes lists the changes from old to new, sorted. Each entry of new is
// matched once in old: first against the entry after the previous match
// (versions of a file mostly keep their order, and comparing two keys is
// cheaper than a lookup), else by lookup. The old entries never matched are
// the leavers.
//
// Every entry's key is computed once and kept beside its changes for the
// sort: computing graph.Key in the comparison allocated O(n log n) strings
// and took most of the time of comparing two unrelated million-entry
// charts.
func changes(old, new *graph.Graph) []Change {
	var out []Change
	var keys []string // keys[k]: graph.Key of out[k].ID
	matched := make([]bool, old.Len())
	next := 0
	for i := range new.Len() {
		if new.IsDuplicate(i) {
			continue
		}
		np := new.Person(i)
		nk := np.Key()
		j, ok := next, false
		if j < old.Len() && !old.IsDuplicate(j) && old.Person(j).Key() == nk {
			ok = true
		} else {
			j, ok = old.Lookup(np.ID)
		}
		if ok {
			next = j + 1
		}
		n := len(out)
		if !ok {
			out = append(out, Change{Kind: Joined, ID: np.ID, To: managerID(new, i)})
		} else {
			matched[j] = true
			out = compare(out, old, j, new, i)
		}
		for range len(out) - n {
			keys = append(keys, nk)
		}
	}
	for j, ok := range matched {
		if !ok && !old.IsDuplicate(j) {
			out = append(out, Change{Kind: Left, ID: old.Person(j).ID, From: managerID(old, j)})
			keys = append(keys, old.Person(j).Key())
		}
	}
	return sortChanges(out, keys)
}

// sortChanges returns cs sorted by kind, then id key (keys[k] is cs[k]'s),
// then the other end's key and the other end as written.
func sortChanges(cs []Change, keys []string) []Change {
	if len(cs) < 2 {
		return cs
	}
	rank := make([]uint8, len(cs))
	for k, c := range cs {
		rank[k] = uint8(c.Kind.rank())
	}
	perm := make([]int32, len(cs))
	for k := range perm {
		perm[k] = int32(k)
	}
	slices.SortFunc(perm, func(x, y int32) int {
		if c := cmp.Or(cmp.Compare(rank[x], rank[y]), strings.Compare(keys[x], keys[y])); c != 0 {
			return c
		}
		a, b := cs[x], cs[y] // the same entry and kind: dotted lines only
		return cmp.Or(cmp.Compare(graph.Key(a.To), graph.Key(b.To)), cmp.Compare(a.To, b.To))
	})
	out := make([]Change, len(cs))
	for k, p := range perm {
		out[k] = cs[p]
	}
	return out
}

// compare appends the changes between entry j of old and entry i of new,
// which share an id.
func compare(out []Change, old *graph.Graph, j int, new *graph.Graph, i int) []Change {
	op, np := old.Person(j), new.Person(i)
	id := np.ID
	if from, to := managerID(old, j), managerID(new, i); graph.Key(from) != graph.Key(to) {
		out = append(out, Change{Kind: Moved, ID: id, From: from, To: to})
	}
	if op.Title != np.Title {
		out = append(out, Change{Kind: Retitled, ID: id, From: op.Title, To: np.Title})
	}
	if op.Name != np.Name {
		out = append(out, Change{Kind: Renamed, ID: id, From: op.Name, To: np.Name})
	}
	if !sameRoles(op.Roles, np.Roles) {
		if from, to := roleList(op), roleList(np); from != to {
			out = append(out, Change{Kind: Roles, ID: id, From: from, To: to})
		}
	}
	if op.Department != np.Department {
		out = append(out, Change{Kind: Department, ID: id, From: op.Department, To: np.Department})
	}
	if sameEnds(op.Dotted, np.Dotted) {
		return out
	}
	oldDotted, newDotted := dottedEnds(op), dottedEnds(np)
	for _, r := range np.Dotted {
		if k := graph.Key(r.ID); !oldDotted[k] {
			oldDotted[k] = true // report a repeated line once
			out = append(out, Change{Kind: DottedAdded, ID: id, To: r.ID})
		}
	}
	for _, r := range op.Dotted {
		if k := graph.Key(r.ID); !newDotted[k] {
			newDotted[k] = true
			out = append(out, Change{Kind: DottedRemoved, ID: id, To: r.ID})
		}
	}
	return out
}

// managerID returns the id of entry i's first solid-line manager: the
// resolved one when the reference resolves, else the first reports_to id as
// written, else "".
func managerID(g *graph.Graph, i int) string {
	if m := g.Manager(i); m >= 0 {
		return g.Person(m).ID
	}
	if p := g.Person(i); len(p.ReportsTo) > 0 {
		return p.ReportsTo[0].ID
	}
	return ""
}

// sameRoles reports whether a and b list the same codes in the same order:
// the common case, decided without allocating.
func sameRoles(a, b []graph.Role) bool {
	return slices.EqualFunc(a, b, func(x, y graph.Role) bool { return x.Code == y.Code })
}

// sameEnds reports whether a and b name the same ends in the same order.
func sameEnds(a, b []graph.Ref) bool {
	return slices.EqualFunc(a, b, func(x, y graph.Ref) bool { return graph.Key(x.ID) == graph.Key(y.ID) })
}

// roleList returns p's role codes (written and inferred), sorted, unique and
// comma-separated.
func roleList(p *graph.Person) string {
	if len(p.Roles) == 0 {
		return ""
	}
	codes := make([]string, len(p.Roles))
	for i, r := range p.Roles {
		codes[i] = r.Code
	}
	slices.Sort(codes)
	return strings.Join(slices.Compact(codes), ",")
}

// dottedEnds returns the keys of p's dotted-line ends.
func dottedEnds(p *graph.Person) map[string]bool {
	m := make(map[string]bool, len(p.Dotted))
	for _, r := range p.Dotted {
		m[graph.Key(r.ID)] = true
	}
	return m
}

// findingKey identifies a finding across versions.
type findingKey struct{ code, subject string }

func keyOf(d diag.Diagnostic) findingKey { return findingKey{d.Code, graph.Key(d.Subject)} }

// findings matches old and new findings by code and subject, as multisets:
// when NEW has more findings of one key than OLD, the surplus (the last ones
// in sorted order) is introduced, and the other way round resolved.
func findings(old, new []diag.Diagnostic) (introduced, resolved []diag.Diagnostic) {
	introduced = surplus(new, old)
	resolved = surplus(old, new)
	return introduced, resolved
}

// surplus returns the findings of a that b has no counterpart for.
func surplus(a, b []diag.Diagnostic) []diag.Diagnostic {
	a = slices.Clone(a)
	diag.SortDiagnostics(a)
	left := make(map[findingKey]int, len(b))
	for _, d := range b {
		left[keyOf(d)]++
	}
	var out []diag.Diagnostic
	for _, d := range a {
		k := keyOf(d)
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, d)
	}
	return out
}

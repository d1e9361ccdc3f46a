package load

import (
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// resolveNameRefs lets an HR export name managers by full name, as Workday
// and many others do ("Worker, Business Title, Supervisory Organization,
// Manager, Work Email", the manager written "Dana Reyes" or "Reyes, Dana"):
// a manager or dotted reference that is no entry's id and no e-mail address
// is resolved to the one entry with that name (case and runs of spaces
// ignored). Once the file is seen to use names (a reference resolved that
// way), a name that matches nobody, or more than one entry, is an ORG002
// diagnostic at the cell, with a did-you-mean or the candidates, and the
// reference is dropped (so that the rule does not report it a second time
// as an unknown id). A file whose references are all ids is left alone.
func resolveNameRefs(org *graph.Org) {
	ids := make(map[string]bool, len(org.People))
	for _, p := range org.People {
		ids[graph.Key(p.ID)] = true
	}
	unresolved := false
	for _, p := range org.People {
		for _, r := range p.ReportsTo {
			unresolved = unresolved || !isIDOrEmail(ids, r.ID)
		}
		for _, r := range p.Dotted {
			unresolved = unresolved || !isIDOrEmail(ids, r.ID)
		}
		if unresolved {
			break
		}
	}
	if !unresolved {
		return // the common case: every reference is an id
	}
	byName := make(map[string][]int)
	for i, p := range org.People {
		if k := nameKey(p.Name); k != "" {
			byName[k] = append(byName[k], i)
		}
	}
	names := make([]string, len(org.People))
	for i, p := range org.People {
		names[i] = p.Name
	}
	// One suggester for every miss, bounded: a file of unknown names does
	// not make the did-you-mean quadratic.
	sugg := &diag.Suggester{Known: names, Budget: suggestBudget}
	type miss struct {
		p   *graph.Person
		ref graph.Ref
		why string
	}
	var (
		misses  []miss
		byNames bool // some reference resolved by name
	)
	resolve := func(p *graph.Person, refs []graph.Ref) []graph.Ref {
		out := refs[:0]
		for _, r := range refs {
			if isIDOrEmail(ids, r.ID) {
				out = append(out, r)
				continue
			}
			switch c := byName[nameKey(r.ID)]; len(c) {
			case 1:
				r.ID = org.People[c[0]].ID
				byNames = true
			case 0:
				misses = append(misses, miss{p, r, ""})
			default:
				names := make([]string, len(c))
				for i, j := range c {
					names[i] = diag.Quote(org.People[j].ID)
				}
				misses = append(misses, miss{p, r, strings.Join(names, " and ")})
				continue // ambiguous: never kept as an id
			}
			out = append(out, r)
		}
		return out
	}
	for _, p := range org.People {
		if len(p.ReportsTo) > 0 {
			p.ReportsTo = resolve(p, p.ReportsTo)
		}
		if len(p.Dotted) > 0 {
			p.Dotted = resolve(p, p.Dotted)
		}
	}
	if !byNames {
		// The references are ids, some unknown: ORG002 reports them. An
		// ambiguous name is reported all the same.
		for _, m := range misses {
			if m.why != "" {
				org.Diagnostics = append(org.Diagnostics, nameDiag(org, m.p, m.ref, m.why, byName, sugg))
			}
		}
		finishDiagnostics(org.Diagnostics)
		return
	}
	drop := make(map[diag.Pos]bool)
	for _, m := range misses {
		org.Diagnostics = append(org.Diagnostics, nameDiag(org, m.p, m.ref, m.why, byName, sugg))
		drop[m.ref.Pos] = true
	}
	keep := func(refs []graph.Ref) []graph.Ref {
		out := refs[:0]
		for _, r := range refs {
			if !drop[r.Pos] || isIDOrEmail(ids, r.ID) {
				out = append(out, r)
			}
		}
		return out
	}
	for _, p := range org.People {
		p.ReportsTo = keep(p.ReportsTo)
		p.Dotted = keep(p.Dotted)
	}
	finishDiagnostics(org.Diagnostics)
}

// nameDiag is the ORG002 diagnostic for a manager name that names nobody
// (ambiguous == "") or several entries (ambiguous lists their ids).
func nameDiag(org *graph.Org, p *graph.Person, r graph.Ref, ambiguous string, byName map[string][]int, sugg *diag.Suggester) diag.Diagnostic {
	d := diag.Diagnostic{Code: "ORG002", Rule: "unknown-reference", Severity: diag.SeverityError, Pos: r.Pos, Subject: p.ID}
	if ambiguous != "" {
		d.Message = strconv.Quote(p.ID) + " reports to " + diag.Quote(r.ID) + ", a name that " + ambiguous +
			" share: write the manager's id or e-mail address instead"
		for _, j := range byName[nameKey(r.ID)] {
			d.Related = append(d.Related, diag.Related{Pos: org.People[j].Pos, Message: diag.Quote(org.People[j].ID) + " is named " + diag.Quote(org.People[j].Name)})
		}
		return d
	}
	d.Message = strconv.Quote(p.ID) + " reports to " + diag.Quote(r.ID) + ": no entry has this name or id"
	if c := byName[nameKey(sugg.Suggest(r.ID))]; len(c) > 0 {
		s := org.People[c[0]]
		d.Message += " (did you mean " + diag.Quote(s.Name) + "?)"
		d.Related = []diag.Related{{Pos: s.Pos, Message: diag.Quote(s.Name) + " is here"}}
	}
	return d
}

// suggestBudget bounds the names the did-you-mean of unknown manager names
// compares, over a whole file.
const suggestBudget = 1 << 22

// isIDOrEmail reports whether a reference is an entry's id or an e-mail
// address (resolveEmailRefs resolves those).
func isIDOrEmail(ids map[string]bool, ref string) bool {
	return ids[graph.Key(ref)] || strings.IndexByte(ref, '@') >= 0
}

// nameKey folds a person's name for matching: lower case, runs of spaces
// as one, and "Last, First" as "first last".
func nameKey(s string) string {
	if last, first, ok := strings.Cut(s, ","); ok && !strings.Contains(first, ",") {
		s = first + " " + last
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

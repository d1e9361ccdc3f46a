package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// The core rules, ORG001–ORG012, as ../shared/GOVERNANCE.md defines them.
// Every rule is linear in people plus lines: it walks the entries once and
// asks the reporting graph only constant-time or chain-length questions.

func init() {
	register(&Rule{
		Code:     "ORG001",
		Name:     "duplicate-id",
		Severity: diag.SeverityError,
		Profile:  ProfileCore,
		Summary:  "two entries share an id",
		Doc: "Every entry of the chart is named by its id, and every line (reports_to, dotted, assistant_to) refers to an id. " +
			"Ids are compared trimmed and case-folded, so `Dana`, ` dana ` and `dana` are the same id, and e-mail ids compare lower-cased. " +
			"When two entries share an id, a reference to it is ambiguous: orgchart resolves it to the first entry and leaves the " +
			"later entry out of the reporting graph, so the later entry's own lines are not checked or drawn.\n\n" +
			"The finding is reported at the later entry's id, with a note at the first definition.",
		Fix: "Give each entry its own id: rename the later entry (and the references meant for it), or delete it if it is a copy. " +
			"A duplicate is a data error, not a governance choice; an exception is possible (`exceptions: [{rule: ORG001, id: ..., reason: ..., approved_by: ...}]`) but rarely right.",
		Run: runDuplicateID,
	})
	register(&Rule{
		Code:     "ORG002",
		Name:     "unknown-reference",
		Severity: diag.SeverityError,
		Profile:  ProfileCore,
		Summary:  "reports_to, dotted or assistant_to names an id that does not exist",
		Doc: "A reference to an id that no entry has is usually a typo or an entry that left the export. " +
			"The line is dropped from the reporting graph, so the entry appears without that manager: it may become an extra top " +
			"and escape every rule that follows the chain of command. The check covers reports_to, dotted, assistant_to and the ids listed under tops. " +
			"When an existing id is close to the one written (a different case or separator, or one or two letters off), the message suggests it.",
		Fix: "Correct the id (see the suggestion, if any), add the missing entry (a vacant position if nobody holds it yet: `vacant: true`), or remove the reference.",
		Run: runUnknownReference,
	})
	register(&Rule{
		Code:     "ORG003",
		Name:     "reporting-cycle",
		Severity: diag.SeverityError,
		Profile:  ProfileCore,
		Summary:  "the solid lines form a cycle, self-reporting included",
		Doc: "A chain of command must end at a top. When solid lines loop back (`a` reports to `b`, `b` reports to `a`, or an entry reports to itself), " +
			"nobody in the loop has a top, levels and spans are undefined for them, and the chart cannot be drawn as a hierarchy. " +
			"orgchart reports one finding per cycle, at the reports_to line of its first entry in file order, naming the whole chain; " +
			"each line of the cycle gets a note.",
		Fix: "Break the cycle: point one of the reports_to lines in the chain at a manager outside it (usually the one that was entered the wrong way round). " +
			"If the relationship is advisory, make it a dotted line instead.",
		Run: runCycle,
	})
	register(&Rule{
		Code:     "ORG004",
		Name:     "multiple-roots",
		Severity: diag.SeverityWarning,
		Profile:  ProfileCore,
		Summary:  "more than one entry has no solid-line manager, unless the chart declares several tops",
		Doc: "An organisation normally has one top: the CEO, or a board the CEO reports to (boards and committees count as tops like anyone else). " +
			"An entry with no reports_to besides the top is usually someone whose manager was forgotten, and its whole branch floats free of the chain of command. " +
			"Entries whose reports_to names an unknown id are left to ORG002, and duplicates to ORG001. " +
			"When a chart is meant to have several tops (a board and a separate supervisory committee, a group of companies), " +
			"it declares them with `tops: [board, supervisory]`; then only tops that are not declared are reported.",
		Fix: "Add the missing reports_to line to each extra top (committees usually report to the board), or list the intended tops under `tops:`.",
		Run: runMultipleRoots,
	})
	register(&Rule{
		Code:     "ORG005",
		Name:     "dual-reporting",
		Severity: diag.SeverityError,
		Profile:  ProfileCore,
		Summary:  "an entry has more than one solid-line manager",
		Doc: "Line management is a tree: each person has one solid-line manager who hires, appraises and is accountable for them. " +
			"Two solid-line managers leave that accountability unclear and make the chain of command ambiguous (orgchart follows the first one). " +
			"Matrix, functional and advisory relationships are real, but they belong in `dotted`. " +
			"The finding is reported at the second manager, with a note at the first.",
		Fix: "Keep one manager in reports_to and move the others to dotted lines: `reports_to: cto` and `dotted: [{to: cfo, type: functional}]`.",
		Run: runDualReporting,
	})
	register(&Rule{
		Code:     "ORG006",
		Name:     "redundant-dotted-line",
		Severity: diag.SeverityWarning,
		Profile:  ProfileCore,
		Summary:  "a dotted line duplicates the solid line, points at the entry itself, or at its own subordinate",
		Doc: "A dotted line shows a relationship that the solid lines do not. One to the entry's own solid-line manager repeats what the chart already says, " +
			"one to the entry itself means nothing, and one to a person below the entry in its own chain of command turns the hierarchy upside down " +
			"(a manager does not report, even informally, to their own report). Such lines are usually data-entry slips and clutter the drawing.",
		Fix: "Delete the dotted line, or point it at the person it was meant for.",
		Run: runRedundantDotted,
	})
	register(&Rule{
		Code:     "ORG007",
		Name:     "vacant-manager",
		Severity: diag.SeverityWarning,
		Profile:  ProfileCore,
		Summary:  "a vacant position has people reporting to it",
		Doc: "A vacant position (`vacant: true`) with direct reports leaves a team without a line manager: nobody approves, appraises or escalates for it. " +
			"That is sometimes unavoidable for a while, but it should be a known, owned situation.",
		Fix: "Fill the position, or move its reports under an acting manager (and keep a dotted line to the vacancy if useful). " +
			"To accept it for a while, record an exception with a reason, approver and until date.",
		Run: runVacantManager,
	})
	register(&Rule{
		Code:     "ORG008",
		Name:     "assistant-with-reports",
		Severity: diag.SeverityWarning,
		Profile:  ProfileCore,
		Summary:  "an assistant has direct reports",
		Doc: "An assistant (`assistant: true` or `assistant_to`) supports a manager and is drawn beside them, outside the line of reports. " +
			"An assistant with reports of their own is either not an assistant (a chief of staff running a team) or the reports are attached to the wrong entry.",
		Fix: "Drop `assistant` from the entry if it runs a team, or move the reports to the manager the assistant supports.",
		Run: runAssistantWithReports,
	})
	register(&Rule{
		Code:     "ORG009",
		Name:     "span-of-control",
		Severity: diag.SeverityWarning,
		Profile:  ProfileCore,
		Summary:  "more direct reports than the limit (default 12)",
		Doc: "A manager with very many direct reports cannot give each of them the attention line management needs, and a very wide team " +
			"is often a missing layer or a team lead not yet in the chart. The limit is the parameter `max` (default 12); " +
			"only solid-line reports count, dotted lines do not.",
		Fix: "Introduce a team lead layer or split the team; or raise the limit for the chart: `policy: {rules: {ORG009: {max: 20}}}`; " +
			"or record an exception for this manager.",
		Params: map[string]int{"max": 12},
		Run:    runSpanOfControl,
	})
	register(&Rule{
		Code:     "ORG010",
		Name:     "hierarchy-depth",
		Severity: diag.SeverityInfo,
		Profile:  ProfileCore,
		Summary:  "more levels below the top than the limit (default 8)",
		Doc: "Deep hierarchies slow decisions and distance people from leadership. The limit is the parameter `max` (default 8): the number of solid lines " +
			"from an entry up to its top. To avoid a flood of findings, orgchart reports only the entries exactly one level past the limit, " +
			"one finding per branch that goes too deep, and says how deep that branch goes.",
		Fix:    "Flatten the branch (merge layers of management), or raise the limit: `policy: {rules: {ORG010: {max: 10}}}`.",
		Params: map[string]int{"max": 8},
		Run:    runHierarchyDepth,
	})
	register(&Rule{
		Code:     "ORG011",
		Name:     "unknown-field",
		Severity: diag.SeverityWarning,
		Profile:  ProfileCore,
		Summary:  "a field or CSV column that the format does not define",
		Doc: "The loaders report every field (YAML, JSON) or CSV column they do not know, so that a typo such as `reportsto` or `parentid` " +
			"is not silently ignored and the reporting line lost. Free-form data belongs under `fields:`. " +
			"This rule is found while loading; the policy applies to it like to any other rule (severity, off, exceptions).",
		Fix: "Correct the field name (the message suggests the known one when it is close), move extra data under `fields:`, " +
			"or turn the rule off for exports with many extra columns: `policy: {rules: {ORG011: off}}`.",
		Run: func(*Pass) {}, // reported by the loaders (Org.Diagnostics)
	})
	register(&Rule{
		Code:     "ORG012",
		Name:     "unknown-role",
		Severity: diag.SeverityInfo,
		Profile:  ProfileCore,
		Summary:  "a role code that is not in the catalog, or an ambiguous title (a bare \"CSO\")",
		Doc: "The security rules match explicit role codes (CEO, CIO, CTO, CISO, CSO, DPO, CAE, BOARD, ...), never free-text titles. " +
			"A role code outside the catalog is ignored by every rule, so a typo (`CSIO`) silently exempts the entry. " +
			"Where roles are inferred from titles by the documented table, a bare \"CSO\" title is ambiguous (chief security, strategy or sales officer) " +
			"and orgchart does not guess: it reports the title instead.",
		Fix: "Use a code from the catalog (" + strings.Join(graph.RoleCodes, ", ") + "); for an ambiguous title, write the role explicitly: " +
			"`roles: [CSO]` for a chief security officer, or the role that applies. Roles outside the catalog belong in the title or under `fields:`.",
		Run: runUnknownRole,
	})
}

// id returns entry i's id.
func id(g *graph.Graph, i int) string { return g.Person(i).ID }

func runDuplicateID(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if !g.IsDuplicate(i) {
			continue
		}
		j, ok := g.Lookup(e.ID)
		if !ok {
			continue
		}
		f := p.Org.People[j]
		msg := fmt.Sprintf("duplicate id %q: already defined at line %d", e.ID, f.At("id").Line)
		if e.ID != f.ID {
			msg = fmt.Sprintf("duplicate id %q: %q is already defined at line %d", e.ID, f.ID, f.At("id").Line)
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: msg,
			Related: []diag.Related{{Pos: f.At("id"), Message: fmt.Sprintf("%q first defined here", f.ID)}},
		})
	}
}

// The edit-distance scans of ORG002's suggestions are bounded: at most
// maxSuggestScans of them, and at most suggestBudget ids compared in all, so
// a chart of a million people with many typos stays fast (later typos get
// only the suggestions equal up to case and separators).
const (
	maxSuggestScans = 8
	suggestBudget   = 2_000_000
)

func runUnknownReference(p *Pass) {
	g := p.Graph
	var sug *diag.Suggester // made on the first unknown id
	suggest := func(bad string) string {
		if sug == nil {
			ids := make([]string, g.Len())
			for i := range ids {
				ids[i] = id(g, i)
			}
			sug = &diag.Suggester{Known: ids, Budget: min(maxSuggestScans*len(ids), suggestBudget)}
		}
		return sug.Suggest(bad)
	}
	// check reports ref when it does not resolve; prefix builds the start
	// of the message only then, so the common case allocates nothing.
	check := func(subject string, ref graph.Ref, prefix func() string) {
		if strings.TrimSpace(ref.ID) == "" {
			return
		}
		if _, ok := g.Lookup(ref.ID); ok {
			return
		}
		msg := prefix() + fmt.Sprintf("unknown id %q", ref.ID)
		if s := suggest(ref.ID); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		} else {
			msg += ": no entry has this id"
		}
		p.Report(diag.Diagnostic{Pos: ref.Pos, Subject: subject, Message: msg})
	}
	for _, t := range p.Org.Tops {
		check("", t, func() string { return "tops names " })
	}
	for i, e := range p.Org.People {
		// When the graph resolved as many lines as are written, every
		// reference resolved: skip the lookups (the common case).
		if len(g.Managers(i))+len(g.DottedFrom(i)) < len(e.ReportsTo)+len(e.Dotted) {
			for _, r := range e.ReportsTo {
				check(e.ID, r, func() string { return fmt.Sprintf("%q reports to ", e.ID) })
			}
			for _, r := range e.Dotted {
				check(e.ID, r, func() string { return fmt.Sprintf("dotted line from %q to ", e.ID) })
			}
		}
		if a := e.AssistantTo; a != nil {
			// `assistant: true` repeats the first reports_to reference,
			// which is already checked.
			if len(e.ReportsTo) > 0 && e.ReportsTo[0].Pos == a.Pos && graph.Key(e.ReportsTo[0].ID) == graph.Key(a.ID) {
				continue
			}
			check(e.ID, *a, func() string { return fmt.Sprintf("%q is assistant to ", e.ID) })
		}
	}
}

// lineTo returns i's solid line to manager m.
func lineTo(g *graph.Graph, i, m int) (graph.Line, bool) {
	for _, l := range g.Managers(i) {
		if l.To == m {
			return l, true
		}
	}
	return graph.Line{}, false
}

func runCycle(p *Pass) {
	g := p.Graph
	for _, c := range g.Cycles() {
		if len(c) == 0 {
			continue
		}
		var (
			b       strings.Builder
			related []diag.Related
			lines   []diag.Edge
			pos     diag.Pos
		)
		b.WriteString("reporting cycle: ")
		if len(c) == 1 {
			fmt.Fprintf(&b, "%q reports to itself", id(g, c[0]))
		} else {
			for _, i := range c {
				fmt.Fprintf(&b, "%q reports to ", id(g, i))
			}
			fmt.Fprintf(&b, "%q", id(g, c[0]))
		}
		for k, i := range c {
			next := c[(k+1)%len(c)]
			l, ok := lineTo(g, i, next)
			if !ok {
				continue
			}
			if k == 0 {
				pos = l.Pos
			}
			related = append(related, diag.Related{Pos: l.Pos, Message: fmt.Sprintf("%q reports to %q", id(g, i), id(g, next))})
			lines = append(lines, diag.Edge{From: id(g, i), To: id(g, next)})
		}
		if !pos.IsValid() {
			pos = g.Person(c[0]).At("reports_to")
		}
		p.Report(diag.Diagnostic{
			Pos:     pos,
			Subject: id(g, c[0]),
			Message: b.String(),
			Related: related,
			Lines:   lines,
		})
	}
}

func runMultipleRoots(p *Pass) {
	g := p.Graph
	declared := map[string]bool{}
	for _, t := range p.Org.Tops {
		declared[graph.Key(t.ID)] = true
	}
	var roots []int
	for _, i := range g.Tops() {
		e := g.Person(i)
		if len(e.ReportsTo) > 0 { // unresolved managers: ORG002
			continue
		}
		if j, ok := g.Lookup(e.ID); !ok || j != i { // a duplicate: ORG001
			continue
		}
		roots = append(roots, i)
	}
	if len(declared) > 0 {
		for _, i := range roots {
			e := g.Person(i)
			if declared[e.Key()] {
				continue
			}
			p.Report(diag.Diagnostic{
				Pos:     e.At("id"),
				Subject: e.ID,
				Message: fmt.Sprintf("%q has no solid-line manager and is not among the declared tops", e.ID),
			})
		}
		return
	}
	if len(roots) < 2 {
		return
	}
	ids := make([]string, 0, 4)
	for _, i := range roots[:min(len(roots), 4)] {
		ids = append(ids, id(g, i))
	}
	first := g.Person(roots[0])
	list := diag.QuoteList(ids, 3)
	if len(roots) > 4 {
		list = diag.QuoteList(ids[:3], 3) + fmt.Sprintf(" and %d more", len(roots)-3)
	}
	for _, i := range roots[1:] {
		e := g.Person(i)
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("%q has no solid-line manager: the chart has %d tops (%s)", e.ID, len(roots), list),
			Related: []diag.Related{{Pos: first.At("id"), Message: fmt.Sprintf("first top %q", first.ID)}},
		})
	}
}

func runDualReporting(p *Pass) {
	g := p.Graph
	for i := range g.Len() {
		ls := g.Managers(i)
		if len(ls) < 2 {
			continue
		}
		// The graph keeps one line per manager, so every line after the
		// first is a distinct extra manager.
		first, extra := ls[0], ls[1:]
		e := g.Person(i)
		names := []string{id(g, first.To)}
		var lines []diag.Edge
		for _, l := range extra {
			names = append(names, id(g, l.To))
			lines = append(lines, diag.Edge{From: e.ID, To: id(g, l.To)})
		}
		p.Report(diag.Diagnostic{
			Pos:     extra[0].Pos,
			Subject: e.ID,
			Message: fmt.Sprintf("%q has %d solid-line managers, %s: keep one in reports_to and make the others dotted lines",
				e.ID, len(names), diag.QuoteList(names, 5)),
			Related: []diag.Related{{Pos: first.Pos, Message: fmt.Sprintf("first manager %q", id(g, first.To))}},
			Lines:   lines,
		})
	}
}

func runRedundantDotted(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if len(e.Dotted) == 0 {
			continue
		}
		if g.IsDuplicate(i) { // its lines are ORG001's business
			continue
		}
		// When the graph kept every dotted line written, they are its
		// resolved lines, in order: no lookups needed (the common case).
		// Otherwise some did not resolve (ORG002), repeat, or duplicate a
		// solid line, and the refs are looked up one by one.
		lines := g.DottedFrom(i)
		fast := len(lines) == len(e.Dotted)
		for k, ref := range e.Dotted {
			var t int
			if fast {
				t = lines[k].To
			} else if j, ok := g.Lookup(ref.ID); ok {
				t = j
			} else { // ORG002
				continue
			}
			if t != i && !g.InChain(i, t) {
				if _, ok := lineTo(g, i, t); !ok {
					continue // the common case: nothing to report
				}
			}
			d := diag.Diagnostic{
				Pos:     ref.Pos,
				Subject: e.ID,
				Lines:   []diag.Edge{{From: e.ID, To: id(g, t), Dotted: true}},
			}
			if t == i {
				d.Message = fmt.Sprintf("dotted line from %q points at itself", e.ID)
				p.Report(d)
				continue
			}
			if s, ok := lineTo(g, i, t); ok {
				d.Message = fmt.Sprintf("dotted line from %q to %q duplicates its solid line", e.ID, id(g, t))
				d.Related = []diag.Related{{Pos: s.Pos, Message: fmt.Sprintf("%q reports to %q here", e.ID, id(g, t))}}
				p.Report(d)
				continue
			}
			if g.InChain(i, t) {
				chain := fmt.Sprintf("%q reports to %q", id(g, t), e.ID)
				if via := viaList(g, t, i); via != "" {
					chain += " via " + via
				}
				d.Message = fmt.Sprintf("dotted line from %q to %q points at its own subordinate (%s)", e.ID, id(g, t), chain)
				if ms := g.Managers(t); len(ms) > 0 {
					d.Related = []diag.Related{{Pos: ms[0].Pos, Message: fmt.Sprintf("%q reports to %q", id(g, t), id(g, ms[0].To))}}
				}
				p.Report(d)
			}
		}
	}
}

// viaList names the entries between t and its superior i in t's chain of
// command, from t upwards: at most three by name, then a count, so that the
// cost stays constant however deep the chain.
func viaList(g *graph.Graph, t, i int) string {
	const show = 3
	var ids []string
	for j := g.Manager(t); j >= 0 && j != i && j != t && len(ids) <= show; j = g.Manager(j) {
		ids = append(ids, id(g, j))
	}
	if len(ids) <= show {
		return diag.QuoteList(ids, show)
	}
	total := len(ids)
	if lt, li := g.Level(t), g.Level(i); lt >= 0 && li >= 0 {
		total = lt - li - 1
	}
	return fmt.Sprintf("%q, %q, %q and %d more", ids[0], ids[1], ids[2], total-show)
}

// reportsRelated notes where up to three of i's reports name i as manager.
func reportsRelated(g *graph.Graph, i int) []diag.Related {
	var rel []diag.Related
	for _, r := range g.Reports(i) {
		if len(rel) == 3 {
			break
		}
		if l, ok := lineTo(g, r, i); ok {
			rel = append(rel, diag.Related{Pos: l.Pos, Message: fmt.Sprintf("%q reports to %q", id(g, r), id(g, i))})
		}
	}
	return rel
}

func runVacantManager(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if !e.Vacant {
			continue
		}
		n := g.Span(i)
		if n == 0 {
			continue
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("vacant position %q has %s: fill it or move them under an acting manager",
				e.ID, diag.Plural(n, "direct report", "direct reports")),
			Related: reportsRelated(g, i),
		})
	}
}

func runAssistantWithReports(p *Pass) {
	g := p.Graph
	for i, e := range p.Org.People {
		if e.AssistantTo == nil {
			continue
		}
		n := g.Span(i)
		if n == 0 {
			continue
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("assistant %q has %s: an assistant to %q should not manage a team",
				e.ID, diag.Plural(n, "direct report", "direct reports"), e.AssistantTo.ID),
			Related: reportsRelated(g, i),
		})
	}
}

func runSpanOfControl(p *Pass) {
	g := p.Graph
	limit := p.Param("max")
	for i, e := range p.Org.People {
		n := g.Span(i)
		if n <= limit {
			continue
		}
		p.Report(diag.Diagnostic{
			Pos:     e.At("id"),
			Subject: e.ID,
			Message: fmt.Sprintf("%q has %d direct reports, more than the limit of %d", e.ID, n, limit),
		})
	}
}

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

func runUnknownRole(p *Pass) {
	for _, e := range p.Org.People {
		for _, r := range e.Roles {
			if graph.KnownRole(r.Code) {
				continue
			}
			pos := r.Pos
			if !pos.IsValid() {
				pos = e.At("roles")
			}
			msg := fmt.Sprintf("unknown role code %q on %q: not in the role catalog", r.Code, e.ID)
			if strings.TrimSpace(r.Code) == "" {
				msg = fmt.Sprintf("empty role code on %q: write a code from the role catalog or drop it", e.ID)
			}
			if s := diag.DidYouMean(r.Code, graph.RoleCodes); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.Report(diag.Diagnostic{Pos: pos, Subject: e.ID, Message: msg})
		}
		if e.TitleAmbiguous {
			p.Report(diag.Diagnostic{
				Pos:     e.At("title"),
				Subject: e.ID,
				Message: fmt.Sprintf("title %q is ambiguous (security, strategy or sales): add roles: [CSO] or the role that applies", e.Title),
			})
		}
	}
}

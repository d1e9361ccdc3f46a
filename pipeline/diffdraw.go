package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/diff"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/option"
)

// DrawDiff draws r's NEW chart with the changes marked (orgchart diff -o):
// joiners and movers marked on their cards (a mover's card says from whom),
// leavers listed under the chart, and the findings NEW introduced in their
// severity's colour. Findings present in both versions are not drawn (the
// drawing answers "what did this change do"; orgchart render draws the
// whole state), and a note under the chart counts them and the resolved
// ones. ropts must have passed option.Options.Validate and name the org
// engine, the only one that draws marks; its Marks are replaced.
func DrawDiff(ctx context.Context, r *diff.Result, ropts option.Options) (*Drawing, error) {
	if r == nil || r.New.Graph == nil {
		return nil, errors.New("draw diff: no chart")
	}
	g := r.New.Graph
	c := &Chart{Org: g.Org(), Graph: g, Result: r.New.Result}
	if ropts.Engine() != "org" || ropts.OutputFormat() == "pptx" {
		return nil, &Error{Stage: StageRender, Name: c.Org.File, Err: errors.New("a diff is drawn by the org layout as svg, png, jpeg or pdf only")}
	}
	ropts.Marks = diffMarks(r, ropts.Redact)
	var findings []diag.Diagnostic
	if !ropts.NoFindings {
		findings = r.Introduced
	}
	return drawPages(ctx, c, findings, ropts)
}

// diffMarks turns r's changes into marks: every joiner and mover (a mover
// with "moved from NAME"), every leaver ("NAME, TITLE — reported to NAME"),
// then notes on the findings not drawn.
func diffMarks(r *diff.Result, redact bool) []option.Mark {
	var out []option.Mark
	for _, ch := range r.Changes {
		switch ch.Kind {
		case diff.Joined:
			out = append(out, option.Mark{Kind: option.MarkJoined, ID: ch.ID})
		case diff.Moved:
			from := "moved from the top (no manager before)"
			if ch.From != "" {
				from = "moved from " + shown(r.Old.Graph, ch.From, redact)
			}
			out = append(out, option.Mark{Kind: option.MarkMoved, ID: ch.ID, Note: from})
		case diff.Left:
			note := shown(r.Old.Graph, ch.ID, redact)
			if i, ok := r.Old.Graph.Lookup(ch.ID); ok && !redact {
				if t := strings.TrimSpace(r.Old.Graph.Person(i).Title); t != "" {
					note += ", " + t
				}
			}
			if ch.From != "" {
				note += " — reported to " + shown(r.Old.Graph, ch.From, redact)
			}
			out = append(out, option.Mark{Kind: option.MarkLeft, ID: ch.ID, Note: note})
		}
	}
	// The findings in both versions: NEW's active ones less the
	// introduced, counted per code.
	per := map[string]int{}
	if r.New.Result != nil {
		for _, d := range r.New.Result.Active() {
			per[d.Code]++
		}
	}
	for _, d := range r.Introduced {
		per[d.Code]--
	}
	var both []diag.Diagnostic
	for code, n := range per {
		for range max(n, 0) {
			both = append(both, diag.Diagnostic{Code: code})
		}
	}
	if len(both) > 0 || len(r.Resolved) > 0 {
		note := "this change resolves " + findingCount(r.Resolved, "none")
		if len(both) > 0 {
			verb := "are"
			if len(both) == 1 {
				verb = "is"
			}
			note = fmt.Sprintf("%s in both versions %s not drawn; %s", findingCount(both, ""), verb, note)
		}
		out = append(out, option.Mark{Kind: option.MarkNote, Note: note})
	}
	return out
}

// findingCount is "1 finding (SEC002)" or "3 findings (ORG005, SEC007)",
// or none when ds is empty.
func findingCount(ds []diag.Diagnostic, none string) string {
	if len(ds) == 0 {
		return none
	}
	codes := make([]string, len(ds))
	for i, d := range ds {
		codes[i] = d.Code
	}
	slices.Sort(codes)
	word := "findings"
	if len(ds) == 1 {
		word = "finding"
	}
	return fmt.Sprintf("%d %s (%s)", len(ds), word, strings.Join(slices.Compact(codes), ", "))
}

// shown is how the drawing names entry id of g: its name, or with redact
// its title (as a redacted card shows it), else its id.
func shown(g *graph.Graph, id string, redact bool) string {
	i, ok := g.Lookup(id)
	if !ok {
		return id
	}
	p := g.Person(i)
	if redact && !p.IsBody() {
		if t := strings.TrimSpace(p.Title); t != "" {
			return t
		}
		return "(redacted)"
	}
	return diff.Name(g, id)
}

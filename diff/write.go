package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/orgchart/orgchart/graph"
)

// Formats lists the output formats Write accepts, in the order shown to
// users.
var Formats = []string{"text", "json", "markdown"}

// Write writes r to w in format (one of Formats). An unknown format is an
// error, never a fallback.
func Write(w io.Writer, format string, r *Result) error {
	var err error
	switch format {
	case "text":
		err = writeText(w, r)
	case "json":
		err = writeJSON(w, r)
	case "markdown":
		err = writeMarkdown(w, r)
	default:
		return fmt.Errorf("unknown diff format %q: want one of %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("write %s diff: %w", format, err)
	}
	return nil
}

// Lists longer than these are cut in the formats people read, with a count
// of what was left out; JSON always lists everything. Text keeps a long
// terminal scroll useful, Markdown stays well under GitHub's 65,536
// characters a comment.
const (
	TextLimit     = 1000 // changes of one kind, and findings of one list, in text
	MarkdownLimit = 100  // rows of the changes table, and of each findings table, in Markdown
)

// Summary returns the one-line human summary of r, such as
// "2 joined, 1 left, 1 moved, 3 other changes; 1 finding introduced, 0 resolved".
func (r *Result) Summary() string {
	other := len(r.Changes) - r.Count(Joined) - r.Count(Left) - r.Count(Moved)
	return fmt.Sprintf("%d joined, %d left, %d moved, %s; %s introduced, %d resolved",
		r.Count(Joined), r.Count(Left), r.Count(Moved), plural(other, "other change"),
		plural(len(r.Introduced), "finding"), len(r.Resolved))
}

// omitted says what a cut list left out: "and 1,234 more (orgchart diff
// --format json lists every one)".
func omitted(n int) string {
	return fmt.Sprintf("… and %d more (--format json lists every one)", n)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// fileOf returns the file name of a chart's graph, "" when unknown.
func fileOf(c Chart) string {
	if c.Graph == nil || c.Graph.Org() == nil {
		return ""
	}
	return c.Graph.Org().File
}

// person returns the label of the entry c is about, named in NEW (in OLD
// for a leaver).
func (r *Result) person(c Change) string {
	g := r.New.Graph
	if c.Kind == Left {
		g = r.Old.Graph
	}
	return label(g, c.ID)
}

// label returns "Name (id)", or "id" when the entry has no name.
func label(g *graph.Graph, id string) string {
	if n := Name(g, id); n != id {
		return n + " (" + id + ")"
	}
	return id
}

// ends returns the From and To of c for people: manager and dotted-line ids
// as names (From in OLD, To in NEW), other values as written.
func (r *Result) ends(c Change) (from, to string) {
	switch c.Kind {
	case Moved:
		return nameOr(r.Old.Graph, c.From), nameOr(r.New.Graph, c.To)
	case Joined, DottedAdded:
		return "", nameOr(r.New.Graph, c.To)
	case Left, DottedRemoved:
		return nameOr(r.Old.Graph, c.From), nameOr(r.Old.Graph, c.To)
	}
	return c.From, c.To
}

// nameOr returns the name of id in g, or "" for an empty id (no manager),
// which each format shows in its own way.
func nameOr(g *graph.Graph, id string) string {
	if id == "" {
		return ""
	}
	return Name(g, id)
}

package diff

import (
	"bufio"
	"fmt"
	"io"

	"github.com/orgchart/orgchart/graph/diag"
)

// writeText writes r for a person: a header line, the changes grouped by
// kind (moves as "Jo Dunn (ciso): Sam Reyes → Kit Olsen"), then the findings
// introduced and resolved as "file:line:col: severity: message [CODE]".
func writeText(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s → %s: %s\n", orDash(fileOf(r.Old)), orDash(fileOf(r.New)), plural(len(r.Changes), "change"))
	var last Kind
	for _, c := range r.Changes {
		if c.Kind != last {
			fmt.Fprintf(bw, "%s (%d)\n", c.Kind, r.Count(c.Kind))
			last = c.Kind
		}
		fmt.Fprintf(bw, "  %s\n", r.textLine(c))
	}
	findingsText(bw, "introduced", r.Introduced)
	findingsText(bw, "resolved", r.Resolved)
	return bw.Flush()
}

// textLine describes one change after the entry's label.
func (r *Result) textLine(c Change) string {
	who := r.person(c)
	from, to := r.ends(c)
	switch c.Kind {
	case Joined:
		return who + ", reports to " + orNone(to, "no one")
	case Left:
		return who + ", reported to " + orNone(from, "no one")
	case Moved:
		return who + ": " + orNone(from, "no manager") + " → " + orNone(to, "no manager")
	case DottedAdded, DottedRemoved:
		return who + " ⇢ " + to
	case Roles:
		return who + ": " + orNone(from, "none") + " → " + orNone(to, "none")
	}
	return fmt.Sprintf("%s: %q → %q", who, from, to)
}

func findingsText(bw *bufio.Writer, what string, ds []diag.Diagnostic) {
	fmt.Fprintf(bw, "findings %s (%d)\n", what, len(ds))
	for _, d := range ds {
		fmt.Fprintf(bw, "  %s\n", d)
	}
}

func orNone(s, none string) string {
	if s == "" {
		return "(" + none + ")"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

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
	for k := 0; k < len(r.Changes); {
		kind := r.Changes[k].Kind
		n := k
		for n < len(r.Changes) && r.Changes[n].Kind == kind {
			n++
		}
		fmt.Fprintf(bw, "%s (%d)\n", kind, n-k)
		for _, c := range r.Changes[k:min(n, k+TextLimit)] {
			fmt.Fprintf(bw, "  %s\n", r.textLine(c))
		}
		if n-k > TextLimit {
			fmt.Fprintf(bw, "  %s\n", omitted(n-k-TextLimit))
		}
		k = n
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
	for _, d := range ds[:min(len(ds), TextLimit)] {
		fmt.Fprintf(bw, "  %s\n", d)
	}
	if len(ds) > TextLimit {
		fmt.Fprintf(bw, "  %s\n", omitted(len(ds)-TextLimit))
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

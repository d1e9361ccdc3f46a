package diff

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/report"
)

// writeMarkdown writes r as a pull-request comment (GitHub-flavoured
// Markdown): a heading with the summary, a table of the changes, and a table
// each of the findings introduced and resolved, every finding linked to its
// rule's documentation page. Text from the charts is escaped so that it can
// neither break a table nor inject HTML.
func writeMarkdown(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### orgchart diff: `%s` → `%s`\n\n", code(orDash(fileOf(r.Old))), code(orDash(fileOf(r.New))))
	fmt.Fprintf(bw, "%s.\n\n", cell(r.Summary()))
	if m := r.Max(); m >= diag.SeverityWarning {
		fmt.Fprintf(bw, "**This change introduces %s finding(s) at %s or above.**\n\n", fmt.Sprint(countAtLeast(r.Introduced, m)), m)
	}
	if len(r.Changes) == 0 {
		bw.WriteString("No changes to people or reporting lines.\n\n")
	} else {
		bw.WriteString("| change | person | from | to |\n|---|---|---|---|\n")
		for _, c := range r.Changes[:min(len(r.Changes), MarkdownLimit)] {
			from, to := r.ends(c)
			fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", c.Kind, cell(r.person(c)), cell(from), cell(to))
		}
		bw.WriteString("\n")
		if n := len(r.Changes) - MarkdownLimit; n > 0 {
			fmt.Fprintf(bw, "%s\n\n", omitted(n))
		}
	}
	findingsMarkdown(bw, "Findings introduced", r.Introduced)
	findingsMarkdown(bw, "Findings resolved", r.Resolved)
	return bw.Flush()
}

func countAtLeast(ds []diag.Diagnostic, sev diag.Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity >= sev {
			n++
		}
	}
	return n
}

func findingsMarkdown(bw *bufio.Writer, title string, ds []diag.Diagnostic) {
	fmt.Fprintf(bw, "#### %s (%d)\n\n", title, len(ds))
	if len(ds) == 0 {
		bw.WriteString("None.\n\n")
		return
	}
	bw.WriteString("| severity | rule | subject | finding | where |\n|---|---|---|---|---|\n")
	for _, d := range ds[:min(len(ds), MarkdownLimit)] {
		rule := d.Code
		if d.Code != "" {
			rule = fmt.Sprintf("[%s](%s)", d.Code, check.DocURL(d.Code))
		}
		if d.Rule != "" {
			rule += " " + cell(d.Rule)
		}
		subject := ""
		if d.Subject != "" {
			subject = "`" + code(d.Subject) + "`"
		}
		fmt.Fprintf(bw, "| %s | %s | %s | %s | %s |\n", d.Severity, rule, subject, cell(d.Message), cell(d.Pos.String()))
	}
	bw.WriteString("\n")
	if n := len(ds) - MarkdownLimit; n > 0 {
		fmt.Fprintf(bw, "%s\n\n", omitted(n))
	}
}

// cell escapes chart text for a Markdown table cell.
func cell(s string) string { return report.MarkdownCell(s) }

// code makes s safe inside a one-backtick code span in a table.
func code(s string) string {
	return strings.NewReplacer("`", "'", "|", `\|`, "\n", " ", "\r", " ").Replace(s)
}

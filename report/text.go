package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/orgchart/orgchart/graph/check"
)

// textFormatter writes one line per active diagnostic,
//
//	file:line:col: severity: message [CODE]
//
// followed by one indented line per related position,
//
//	note: file:line:col: message
//
// Suppressed diagnostics are left out (they are counted in Summary) unless
// Options.ShowSuppressed is set. No findings, no output. A message that
// spans lines has its further lines indented, so that every line that
// starts in column 1 is a finding.
type textFormatter struct{}

func (textFormatter) Format(w io.Writer, results []*check.Result, opts Options) error {
	bw := bufio.NewWriter(w)
	for _, d := range allDiagnostics(results) {
		if d.Suppressed && !opts.ShowSuppressed {
			continue
		}
		d = brief(d)
		fmt.Fprintf(bw, "%s: %s: %s [%s]", d.Pos, d.Severity, continued(d.Message, "    "), d.Code)
		if d.Suppressed {
			why := d.Suppression
			if why == "" {
				why = "exception"
			}
			fmt.Fprintf(bw, " (suppressed: %s)", why)
		}
		bw.WriteByte('\n')
		for _, r := range d.Related {
			fmt.Fprintf(bw, "    note: %s: %s\n", r.Pos, continued(r.Message, "        "))
		}
	}
	return bw.Flush()
}

// continued indents the second and further lines of a multi-line message.
func continued(msg, indent string) string {
	return strings.ReplaceAll(msg, "\n", "\n"+indent)
}

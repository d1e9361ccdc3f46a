package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// githubFormatter writes GitHub Actions workflow commands, one per active
// diagnostic, so findings show as annotations on the pull request:
//
//	::error file=F,line=L,col=C,title=CODE rule::message
//
// error → ::error, warning → ::warning, info → ::notice. Related positions
// are appended to the message as "note:" lines. Suppressed diagnostics are
// left out. Values are escaped as GitHub's toolkit does (escapeData and
// escapeProperty in @actions/core).
type githubFormatter struct{}

func (githubFormatter) Format(w io.Writer, results []*check.Result, opts Options) error {
	bw := bufio.NewWriter(w)
	for _, d := range allDiagnostics(results) {
		if d.Suppressed {
			continue
		}
		d = brief(d)
		var props []string
		if d.Pos.File != "" {
			props = append(props, "file="+escapeProperty(d.Pos.File))
		}
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
			if d.Pos.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Pos.Column))
			}
		}
		title := d.Code
		if d.Rule != "" {
			title += " " + d.Rule
		}
		props = append(props, "title="+escapeProperty(title))
		var msg strings.Builder
		msg.WriteString(d.Message + " [" + d.Code + "]")
		for _, r := range d.Related {
			msg.WriteString("\nnote: " + r.Pos.String() + ": " + r.Message)
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", githubLevel(d.Severity), strings.Join(props, ","), escapeData(msg.String()))
	}
	return bw.Flush()
}

func githubLevel(s diag.Severity) string {
	switch s {
	case diag.SeverityError:
		return "error"
	case diag.SeverityWarning:
		return "warning"
	}
	return "notice"
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

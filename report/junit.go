package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// junitFormatter writes JUnit XML: one <testsuite> per file and, in it, one
// <testcase> per rule that ran on that file (classname = the file, name =
// "CODE rule-name"). A rule with active findings of any severity fails: its
// <failure> has type = the highest severity, a message counting the
// findings, and a body listing each one with its position. Suppressed
// findings do not fail a test case; they are listed in its <system-out>.
type junitFormatter struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",cdata"`
}

// junitText is element text kept as CDATA, so that line breaks stay line
// breaks (encoding/xml would write chardata newlines as &#xA;).
type junitText struct {
	Text string `xml:",cdata"`
}

func (junitFormatter) Format(w io.Writer, results []*check.Result, opts Options) error {
	doc := junitSuites{Name: "orgchart"}
	for _, r := range results {
		suite := junitSuite{Name: xmlSafe(r.File)}
		byCode := map[string][]diag.Diagnostic{}
		for _, d := range r.Diagnostics {
			byCode[d.Code] = append(byCode[d.Code], d)
		}
		for _, rule := range rulesOf(r) {
			tc := junitCase{Classname: xmlSafe(r.File), Name: xmlSafe(strings.TrimSpace(rule.Code + " " + rule.Name))}
			var active []diag.Diagnostic
			var out strings.Builder
			max := diag.SeverityNone
			for _, d := range byCode[rule.Code] {
				d = brief(d)
				if d.Suppressed {
					fmt.Fprintf(&out, "%s: %s: %s [%s] (suppressed: %s)\n", d.Pos, d.Severity, d.Message, d.Code, d.Suppression)
					continue
				}
				active = append(active, d)
				max = max2(max, d.Severity)
			}
			if out.Len() > 0 {
				tc.SystemOut = &junitText{xmlSafe(out.String())}
			}
			if len(active) > 0 {
				var body strings.Builder
				body.WriteByte('\n')
				for _, d := range active {
					fmt.Fprintf(&body, "%s: %s: %s [%s]\n", d.Pos, d.Severity, d.Message, d.Code)
					for _, rel := range d.Related {
						fmt.Fprintf(&body, "    note: %s: %s\n", rel.Pos, rel.Message)
					}
				}
				tc.Failure = &junitFailure{
					Message: xmlSafe(fmt.Sprintf("%s: %s", diag.Plural(len(active), "finding", "findings"), rule.Summary)),
					Type:    max.String(),
					Body:    xmlSafe(body.String()),
				}
				if rule.Summary == "" {
					tc.Failure.Message = diag.Plural(len(active), "finding", "findings")
				}
				suite.Failures++
			}
			suite.Tests++
			suite.Cases = append(suite.Cases, tc)
		}
		doc.Tests += suite.Tests
		doc.Failures += suite.Failures
		doc.Suites = append(doc.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlSafe replaces the characters XML 1.0 cannot carry, even escaped (most
// C0 controls, lone surrogates, U+FFFE/U+FFFF), with U+FFFD.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}

func max2(a, b diag.Severity) diag.Severity {
	if a > b {
		return a
	}
	return b
}

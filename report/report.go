// Package report writes the results of check.Run in the output formats of
// `orgchart validate`: text, json, sarif, junit and github. Like conftest's
// output package it has one interface, Formatter, and one file per format.
//
// Invariants:
//   - Output is deterministic: the same results give the same bytes. Results
//     are ordered by file, diagnostics by file, line, column and code, rules
//     by code.
//   - Positions are one-based, as in diag.Pos.
//   - Suppressed diagnostics (silenced by a policy exception) never count as
//     findings. The machine-readable formats (json, sarif, junit) still carry
//     them, marked as suppressed; text and github leave them out unless
//     Options.ShowSuppressed is set (text only). The human summary line
//     (Summary) is for the caller to print, on stderr in the CLI.
//   - The package never prints on its own, reads the environment or exits.
//   - An unknown format is an error, never a silent fallback to text.
package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// Formats lists the output formats Write accepts, in the order shown to users.
var Formats = []string{"text", "json", "sarif", "junit", "github"}

// Options tunes the output. The zero value is valid.
type Options struct {
	// ToolVersion is orgchart's version, written into SARIF's tool.driver.
	ToolVersion string
	// ShowSuppressed prints suppressed diagnostics in text output, marked
	// "(suppressed: ...)".
	ShowSuppressed bool
	// Orgs are the charts the results were computed from. When given, json
	// output lists the roles inferred from titles ("inferred_roles").
	Orgs []*graph.Org
}

// Formatter writes results in one format.
type Formatter interface {
	Format(w io.Writer, results []*check.Result, opts Options) error
}

var formatters = map[string]Formatter{
	"text":   textFormatter{},
	"json":   jsonFormatter{},
	"sarif":  sarifFormatter{},
	"junit":  junitFormatter{},
	"github": githubFormatter{},
}

// Write writes results to w in format (one of Formats) with default options.
func Write(w io.Writer, format string, results []*check.Result) error {
	return WriteOptions(w, format, results, Options{})
}

// WriteOptions writes results to w in format (one of Formats).
func WriteOptions(w io.Writer, format string, results []*check.Result, opts Options) error {
	f, err := Lookup(format)
	if err != nil {
		return err
	}
	if err := f.Format(w, sortedResults(results), opts); err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	return nil
}

// Lookup returns the Formatter for format, or an error naming the valid
// formats.
func Lookup(format string) (Formatter, error) {
	f, ok := formatters[format]
	if !ok {
		return nil, fmt.Errorf("unknown output format %q: want one of %s", format, strings.Join(Formats, ", "))
	}
	return f, nil
}

// Summary returns the one-line human summary of results, such as
// "2 errors, 1 warning, 0 info (1 suppressed) in 1 file".
func Summary(results []*check.Result) string {
	t := check.Count(results...)
	s := fmt.Sprintf("%s, %s, %d info", diag.Plural(t.Error, "error", "errors"), diag.Plural(t.Warning, "warning", "warnings"), t.Info)
	if t.Suppressed > 0 {
		s += fmt.Sprintf(" (%d suppressed)", t.Suppressed)
	}
	return s + " in " + diag.Plural(t.Files, "file", "files")
}

// sortedResults returns the non-nil results ordered by file, with their
// diagnostics sorted; the caller's values are not modified.
func sortedResults(results []*check.Result) []*check.Result {
	out := make([]*check.Result, 0, len(results))
	for _, r := range results {
		if r == nil {
			continue
		}
		c := *r
		c.Diagnostics = slices.Clone(r.Diagnostics)
		diag.SortDiagnostics(c.Diagnostics)
		out = append(out, &c)
	}
	slices.SortStableFunc(out, func(a, b *check.Result) int { return cmp.Compare(a.File, b.File) })
	return out
}

// allDiagnostics returns every diagnostic of results, sorted by file, line,
// column and code.
func allDiagnostics(results []*check.Result) []diag.Diagnostic {
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	ds := make([]diag.Diagnostic, 0, n)
	for _, r := range results {
		ds = append(ds, r.Diagnostics...)
	}
	diag.SortDiagnostics(ds)
	return ds
}

// rulesOf returns the rules that ran for results, plus any rule a diagnostic
// names that is not among them (looked up in the catalog, or made up from the
// diagnostic), sorted by code.
// A code that neither the results nor the catalog define gets a rule with
// no documentation and no URL.
func rulesOf(results ...*check.Result) []*check.Rule {
	seen := map[string]bool{}
	var out []*check.Rule
	for _, r := range results {
		for _, rule := range r.Rules {
			if rule == nil || seen[rule.Code] {
				continue
			}
			seen[rule.Code] = true
			out = append(out, rule)
		}
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if seen[d.Code] {
				continue
			}
			seen[d.Code] = true
			if rule, ok := check.Lookup(d.Code); ok {
				out = append(out, rule)
				continue
			}
			out = append(out, &check.Rule{Code: d.Code, RuleDoc: check.RuleDoc{Name: d.Rule, Severity: d.Severity}})
		}
	}
	slices.SortFunc(out, func(a, b *check.Rule) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

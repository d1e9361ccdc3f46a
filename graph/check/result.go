package check

import "github.com/orgchart/orgchart/graph/diag"

// Result is what Run found in one chart.
type Result struct {
	File string // the chart's file name (Org.File)
	// Diagnostics are sorted by file, line, column and code; those an
	// exception silences are included with Suppressed set.
	Diagnostics []diag.Diagnostic
	// Rules are the rules that ran, sorted by code.
	Rules []*Rule
}

// Tally counts the findings of one or more results: the one place where
// findings are counted and their highest severity found.
type Tally struct {
	Error, Warning, Info int // unsuppressed findings, by severity
	Suppressed           int // findings an exception silenced
	Files                int // results counted
}

// Count tallies the diagnostics of results; nil results are skipped.
func Count(results ...*Result) Tally {
	var t Tally
	for _, r := range results {
		if r == nil {
			continue
		}
		t.Files++
		for _, d := range r.Diagnostics {
			switch {
			case d.Suppressed:
				t.Suppressed++
			case d.Severity == diag.SeverityError:
				t.Error++
			case d.Severity == diag.SeverityWarning:
				t.Warning++
			case d.Severity == diag.SeverityInfo:
				t.Info++
			}
		}
	}
	return t
}

// Of returns the number of unsuppressed findings at exactly sev.
func (t Tally) Of(sev diag.Severity) int {
	switch sev {
	case diag.SeverityError:
		return t.Error
	case diag.SeverityWarning:
		return t.Warning
	case diag.SeverityInfo:
		return t.Info
	}
	return 0
}

// Max returns the highest severity among the unsuppressed findings, or
// diag.SeverityNone when there are none.
func (t Tally) Max() diag.Severity {
	switch {
	case t.Error > 0:
		return diag.SeverityError
	case t.Warning > 0:
		return diag.SeverityWarning
	case t.Info > 0:
		return diag.SeverityInfo
	}
	return diag.SeverityNone
}

// Count returns the number of unsuppressed diagnostics at exactly sev.
func (r *Result) Count(sev diag.Severity) int { return Count(r).Of(sev) }

// Suppressed returns the number of diagnostics an exception silenced.
func (r *Result) Suppressed() int { return Count(r).Suppressed }

// Max returns the highest severity among the unsuppressed diagnostics, or
// diag.SeverityNone when there are none.
func (r *Result) Max() diag.Severity { return Count(r).Max() }

// Active returns the unsuppressed diagnostics, in order.
func (r *Result) Active() []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range r.Diagnostics {
		if !d.Suppressed {
			out = append(out, d)
		}
	}
	return out
}

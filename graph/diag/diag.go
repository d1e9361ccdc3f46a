// Package diag holds what every stage of orgchart reports problems with:
// one-based source positions (Pos), diagnostics about a chart (Diagnostic,
// with a stable code, a severity and related positions), positioned load
// errors (Error, ErrorList), and the text helpers every message is written
// with: Quote, QuoteList, Plural and the one did-you-mean (DidYouMean,
// Suggester, EditDistance).
// It is a leaf: it imports only the standard library.
//
// Invariants:
//   - Positions are one-based: line 1, column 1 is the first byte of a
//     file. CSV positions are row and column (column = field number).
//   - Messages are lower case, without a final period, ids quoted.
//   - Edges name reporting lines from the report to the manager.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a one-based position in a source file. The zero Pos is "no position".
type Pos struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// IsValid reports whether p carries a line number.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col (file:line when the column is unknown,
// file alone when the line is unknown, "-" when nothing is known).
func (p Pos) String() string {
	s := p.File
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d", p.Line)
		if p.Column > 0 {
			s += fmt.Sprintf(":%d", p.Column)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// Before orders positions by file, line, column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Column < q.Column
}

// Severity ranks a diagnostic. The zero value is SeverityNone.
type Severity int

// The severities, from least to most severe.
const (
	SeverityNone Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

// String returns "info", "warning", "error" or "none".
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "none"
}

// ParseSeverity parses "error", "warning", "info" or "none" (any case).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return SeverityError, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "info":
		return SeverityInfo, nil
	case "none", "off":
		return SeverityNone, nil
	}
	return SeverityNone, fmt.Errorf("unknown severity %q: want error, warning, info or none", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Related is a second position that explains a diagnostic: the first
// definition of a duplicate, the second manager, one edge of a cycle.
type Related struct {
	Pos     Pos
	Message string
}

// Edge names one reporting line, from the report to the manager, by id.
type Edge struct {
	From   string
	To     string
	Dotted bool
}

// Diagnostic is one finding about a chart.
type Diagnostic struct {
	Code     string // stable rule code, e.g. "ORG005"
	Rule     string // rule name, e.g. "dual-reporting"
	Severity Severity
	Pos      Pos
	Subject  string // id of the entry concerned, when there is one
	Message  string // lower case, no final period, ids quoted
	Related  []Related
	// Lines are the reporting lines the finding is about (the second solid
	// manager, a security leader's line into IT, each edge of a cycle), so a
	// renderer can draw them in the severity's colour.
	Lines []Edge
	// Suppressed is set when a policy exception silences the diagnostic;
	// Suppression says by which exception (reason, approver, expiry).
	Suppressed  bool
	Suppression string
}

// String formats d as "file:line:col: severity: message [CODE]".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Code)
}

// SortDiagnostics sorts ds by file, line, column, code, subject and message,
// so that output is deterministic.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Error is a positioned load error: the input cannot be read as a chart.
type Error struct {
	Pos Pos
	Msg string // lower case; says what is wrong and what to do
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList collects load errors, like go/scanner.ErrorList.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Error joins the messages one per line (at most 10, then a count).
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == 10 {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-10)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Sort sorts the list by position.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column))
	})
}

// Err returns nil when the list is empty, else the sorted list.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

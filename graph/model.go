package graph

import (
	"slices"
	"strings"
	"time"

	"github.com/orgchart/orgchart/graph/diag"
)

// Kind is what an entry of the chart is.
type Kind string

// The kinds of entry.
const (
	KindPerson    Kind = "person"
	KindBoard     Kind = "board"
	KindCommittee Kind = "committee"
)

// Ref is a reference from one entry to another by id, such as a reports_to
// manager or a dotted line.
type Ref struct {
	ID string // as written (trimmed)
	// Type labels a dotted line: "matrix", "advisory", "functional", ... ;
	// empty for solid lines and untyped dotted lines.
	Type string
	Pos  diag.Pos // where the reference is written
}

// Role is a role code held by an entry (see ../shared/GOVERNANCE.md), such as
// CISO or CIO, upper-cased.
type Role struct {
	Code     string
	Pos      diag.Pos
	Inferred bool // inferred from the title by the documented table, not written
}

// Person is one entry of the chart: a person, a vacant position, a board or a
// committee.
type Person struct {
	ID         string
	Name       string
	Title      string
	Department string
	Email      string
	Location   string
	Photo      string
	Kind       Kind // KindPerson when not given
	Roles      []Role
	ReportsTo  []Ref // solid-line managers; two or more is dual reporting
	Dotted     []Ref // dotted lines (matrix, advisory, ...)
	// AssistantTo names the manager this entry assists: set from
	// `assistant: true` (then it is the first reports_to id) or from
	// `assistant_to: ID`. Empty when the entry is not an assistant.
	AssistantTo *Ref
	Vacant      bool
	// TitleAmbiguous is set by the loader when roles were to be inferred
	// from the title and the title is ambiguous (a bare "CSO"): ORG012.
	TitleAmbiguous bool
	Fields         map[string]string // free-form extra fields
	// SourceID is the entry's own id in the directory it was read from
	// (an Entra object id, an LDAP DN), saved as fields.source_id; empty
	// for a chart written by hand. A field, not an entry of Fields: a
	// map per person was a tenth of reading a large directory export.
	SourceID string
	// Index is the entry's position in Org.People (file order).
	Index int
	// Pos is where the entry starts (the "- " of the list item, the start
	// of the JSON object, or the CSV row at column 1).
	Pos diag.Pos
	// FieldPos lists the position of each field's value as written, in the
	// order written. Names are canonical ("id", "reports_to", "roles", ...;
	// a CSV column's canonical field name). A slice, not a map: a
	// million-person chart must stay compact, so a CSV or directory entry
	// lists only the positions At cannot derive from its row, references
	// and roles.
	FieldPos []FieldAt
}

// FieldAt is the position of one field's value.
type FieldAt struct {
	Name string
	Pos  diag.Pos
}

// Key returns p's id key (see Key).
func (p *Person) Key() string { return Key(p.ID) }

// HasRole reports whether p holds the role code (upper case).
func (p *Person) HasRole(code string) bool {
	for _, r := range p.Roles {
		if r.Code == code {
			return true
		}
	}
	return false
}

// IsBody reports whether p is a board or committee rather than a person.
func (p *Person) IsBody() bool { return p.Kind == KindBoard || p.Kind == KindCommittee }

// At returns the position of field name. When FieldPos does not list the
// field (a compact CSV entry keeps only some positions), the position of
// the first reference or role written there stands in for "reports_to",
// "dotted", "assistant_to" and "roles", and that of an inferred role for
// "title"; otherwise the entry's Pos.
func (p *Person) At(field string) diag.Pos {
	for _, f := range p.FieldPos {
		if f.Name == field && f.Pos.IsValid() {
			return f.Pos
		}
	}
	switch field {
	case "reports_to":
		if len(p.ReportsTo) > 0 && p.ReportsTo[0].Pos.IsValid() {
			return p.ReportsTo[0].Pos
		}
	case "dotted":
		if len(p.Dotted) > 0 && p.Dotted[0].Pos.IsValid() {
			return p.Dotted[0].Pos
		}
	case "assistant_to":
		if p.AssistantTo != nil && p.AssistantTo.Pos.IsValid() {
			return p.AssistantTo.Pos
		}
	case "roles", "title":
		for _, r := range p.Roles {
			if r.Inferred == (field == "title") && r.Pos.IsValid() {
				return r.Pos
			}
		}
	}
	return p.Pos
}

// Label is the human name of p for messages: its id.
func (p *Person) Label() string { return p.ID }

// Key folds an id for matching: trimmed and case-folded. Ids that are e-mail
// addresses compare lower-cased, which case-folding already gives.
func Key(id string) string {
	return strings.ToLower(strings.TrimSpace(id))
}

// Org is a loaded chart.
type Org struct {
	Title  string
	File   string // the name the chart was loaded from ("-" or "<stdin>" for stdin)
	Format string // "yaml", "json" or "csv"
	// Tops lists the ids the chart declares as its tops (the `tops:` field);
	// when set, several tops are intended and ORG004 stays quiet for them.
	Tops   []Ref
	People []*Person
	// Departments holds the `departments:` section: per-department
	// settings by name as written (YAML and JSON charts), nil when absent.
	Departments map[string]Department
	// Policy is the `policy:` section of the chart, nil when absent.
	Policy *PolicySpec
	// Diagnostics lists the findings made while loading (ORG011 unknown
	// fields and columns), in file order. check.Run applies the policy to
	// them like to any rule's findings.
	Diagnostics []diag.Diagnostic
	// Notes say what a loader left out on purpose (a deprovisioned directory
	// user, say), for verbose output: they are not findings.
	Notes []diag.Related
	// Pos is where the chart's document starts.
	Pos diag.Pos
}

// Department is one department's settings in the `departments:` section.
type Department struct {
	// Color is the department's colour as "#rrggbb" (the loader checks
	// it), empty for the palette's colour.
	Color string
	Pos   diag.Pos // where the department's entry is written
}

// PolicySpec is a policy as written, in a chart's `policy:` section or a
// --policy file. check.NewPolicy turns it into a checked Policy.
type PolicySpec struct {
	Profiles   []string // profile names as written
	ProfilePos []diag.Pos
	// Rules maps an upper-cased rule code to its setting.
	Rules      map[string]RuleSetting
	Exceptions []Exception
	Pos        diag.Pos
}

// RuleSetting is one rule's entry under policy.rules: `off`, a severity, or
// {severity: S, max: N, ...}.
type RuleSetting struct {
	Off      bool
	Severity string         // "", "error", "warning" or "info" as written
	Params   map[string]int // rule parameters such as max
	Pos      diag.Pos
}

// Exception suppresses one rule for one subject until a date.
type Exception struct {
	Rule       string // upper-cased code
	ID         string // subject id
	Reason     string
	ApprovedBy string
	Until      time.Time // zero: no expiry; otherwise the last day it holds (UTC date)
	Pos        diag.Pos
}

// RoleCodes is the catalog of known role codes (../shared/GOVERNANCE.md),
// sorted. Callers must not modify it.
var RoleCodes = []string{
	"AUDIT_COMMITTEE", "BOARD", "CAE", "CEO", "CFO", "CIO", "CISO", "COO",
	"CRO", "CSO", "CTO", "DPO", "GC", "ITOPS", "RISK_COMMITTEE",
}

// KnownRole reports whether code (upper case) is in RoleCodes.
func KnownRole(code string) bool {
	_, ok := slices.BinarySearch(RoleCodes, code)
	return ok
}

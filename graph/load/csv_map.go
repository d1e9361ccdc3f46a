package load

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// This file holds what a CSV or xlsx export may need beyond the alias
// table of csv.go: columns mapped by the caller (Options.Columns, the CLI's
// --map field=Column) and vacancy rows told by their name cell.

// mapFields names the fields a column can be mapped to, and their column
// kinds.
var mapFields = map[string]csvCol{
	"id": colID, "name": colName, "first_name": colFirstName, "last_name": colLastName,
	"title": colTitle, "department": colDepartment, "reports_to": colManager, "manager": colManager,
	"dotted": colDotted, "roles": colRoles, "assistant": colAssistant, "assistant_to": colAssistantTo,
	"vacant": colVacant, "email": colEmail, "location": colLocation, "kind": colKind, "photo": colPhoto,
}

// mapFieldNames lists the keys of mapFields, sorted, for messages.
var mapFieldNames = func() []string {
	var out []string
	for k := range mapFields {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}()

// csvHeaders is what the CSV loader saw of a header row, for the checks
// after the load: the columns the caller mapped, and the kinds of column
// present.
type csvHeaders struct {
	mapped  map[string]csvCol // normHeader(header) -> kind, from Options.Columns
	mapName map[string]string // normHeader(header) -> the header as the caller wrote it
	found   map[string]bool   // mapped headers present in the file
	seen    [numCols]bool     // the kinds of column in the header
	names   []string          // the header as written
}

// newCSVHeaders checks the caller's column mapping (field -> header).
func newCSVHeaders(columns map[string]string) (*csvHeaders, error) {
	h := &csvHeaders{mapped: make(map[string]csvCol, len(columns)), mapName: make(map[string]string, len(columns)), found: make(map[string]bool)}
	for _, field := range slices.Sorted(maps.Keys(columns)) {
		header := columns[field]
		col, ok := mapFields[strings.ToLower(strings.TrimSpace(field))]
		if !ok {
			msg := "unknown field " + diag.Quote(field) + " in a column mapping"
			if s := diag.DidYouMean(field, mapFieldNames); s != "" {
				msg += " (did you mean " + diag.Quote(s) + "?)"
			}
			return nil, errors.New(msg + ": map one of " + strings.Join(mapFieldNames, ", "))
		}
		k := normHeader(header)
		if k == "" {
			return nil, errors.New("empty column name mapped to " + diag.Quote(field))
		}
		if _, dup := h.mapped[k]; dup {
			return nil, errors.New("column " + diag.Quote(header) + " is mapped to two fields: map it once")
		}
		h.mapped[k], h.mapName[k] = col, header
	}
	return h, nil
}

// column returns the kind and rank of the column headed h: a column the
// caller mapped first (ranked before every alias, so that it wins over a
// column the alias table would pick for the same field), else the alias
// table's. It records what it sees for the checks after the load.
func (in *inferer) column(h string) ([2]int, bool) {
	k := normHeader(h)
	var (
		a  [2]int
		ok bool
	)
	if in != nil && in.headers != nil {
		if col, m := in.headers.mapped[k]; m {
			a, ok = [2]int{int(col), -1}, true
			in.headers.found[k] = true
		}
	}
	if !ok {
		a, ok = csvAlias[k]
	}
	if in != nil && in.headers != nil {
		in.headers.names = append(in.headers.names, strings.TrimSpace(h))
		if ok {
			in.headers.seen[a[0]] = true
		}
	}
	return a, ok
}

// checkMapped returns an error at the header naming each mapped column the
// file does not have.
func (h *csvHeaders) checkMapped(name string) error {
	var errs diag.ErrorList
	for _, k := range slices.Sorted(maps.Keys(h.mapped)) {
		if !h.found[k] {
			addErr(&errs, diag.Pos{File: name, Line: 1, Column: 1}, "no column "+diag.Quote(h.mapName[k])+
				" in the header (mapped to the "+csvFieldName[h.mapped[k]]+"): its columns are "+diag.QuoteList(h.names, 30))
		}
	}
	return errs.Err()
}

// vacancyNames are the names HR exports give an open position in the
// worker's name cell (lower case): a name that is one of them, or starts
// with one followed by punctuation or a space ("Vacant - Security
// Engineer", "TBH (Q3)"), marks a vacancy.
var vacancyNames = []string{"vacant", "vacancy", "tbh", "tbd", "to be hired", "to be determined", "open position", "open role", "open req", "open requisition", "open headcount"}

// isVacancyName reports whether name stands for an open position.
func isVacancyName(name string) bool {
	n := strings.Join(strings.Fields(strings.ToLower(strings.Trim(name, " ()[]*-_:"))), " ")
	for _, v := range vacancyNames {
		if rest, ok := strings.CutPrefix(n, v); ok {
			if rest == "" || strings.IndexByte(" -–:(/,[", rest[0]) >= 0 {
				return true
			}
		}
	}
	return false
}

// markVacancies recognises the vacancy rows of a CSV or xlsx export without
// a vacant column (with one, the column alone decides): a row whose name
// is a vacancy name ("Vacant", "TBH", "Open position", "To be hired", ...;
// see vacancyNames) is a vacant position and the name is dropped; so is a
// row with an id column but an empty name and no e-mail, when the file has
// a name column (a position id with no worker in it, as Workday's position
// exports write open positions).
func (h *csvHeaders) markVacancies(org *graph.Org) {
	if h.seen[colVacant] {
		return
	}
	named := h.seen[colName] || h.seen[colFirstName] || h.seen[colLastName]
	for _, p := range org.People {
		switch {
		case p.Vacant || p.IsBody():
			continue
		case p.Name != "" && isVacancyName(p.Name):
			p.Name = ""
		case named && h.seen[colID] && p.Name == "" && p.Email == "":
		default:
			continue
		}
		p.Vacant = true
		p.FieldPos = append(p.FieldPos, graph.FieldAt{Name: "vacant", Pos: p.Pos})
	}
}

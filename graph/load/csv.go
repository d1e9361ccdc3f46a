package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/huge"
)

// A csvCol is what a CSV column holds.
type csvCol uint8

const (
	colUnknown csvCol = iota
	colID
	colName
	colFirstName
	colLastName
	colTitle
	colDepartment
	colManager
	colDotted
	colRoles
	colAssistant
	colAssistantTo
	colVacant
	colEmail
	colLocation
	colKind
	colPhoto
	colCustom // "fields.NAME": a free-form field
	numCols
)

// csvFieldName is the canonical field name of each column kind (FieldPos).
var csvFieldName = [numCols]string{
	colID: "id", colName: "name", colFirstName: "name", colLastName: "name",
	colTitle: "title", colDepartment: "department", colManager: "reports_to",
	colDotted: "dotted", colRoles: "roles", colAssistant: "assistant",
	colAssistantTo: "assistant_to", colVacant: "vacant", colEmail: "email",
	colLocation: "location", colKind: "kind", colPhoto: "photo", colCustom: "fields",
}

// A CSV entry keeps in Person.FieldPos only the positions Person.At cannot
// derive, so that a million-row export stays compact: the id when it is not
// in the first column (the row's position is the first cell), the kind, a
// title that is ambiguous, and "vacant" and "assistant" when true. The
// manager, dotted and roles cells are the positions of the references and
// roles read from them, and an inferred role points at the title.

// csvAliases lists the header names each column kind accepts, best first:
// when two columns mean the same thing ("Manager" and "Manager ID"), the one
// whose name comes first here wins and the other is reported as ignored.
// Headers match case-, space-, underscore-, hyphen- and dot-insensitively.
var csvAliases = []struct {
	col   csvCol
	names []string
}{
	{colID, []string{"id", "employee id", "employee number", "employee no", "person id", "worker id", "staff id", "emp id"}},
	{colName, []string{"name", "full name", "display name", "employee name", "worker", "worker name", "preferred name"}},
	{colFirstName, []string{"first name", "given name", "forename"}},
	{colLastName, []string{"last name", "family name", "surname"}},
	{colTitle, []string{"title", "job title", "position", "role title", "business title", "job profile"}},
	{colDepartment, []string{"department", "dept", "team", "org unit", "supervisory organization", "cost center name"}},
	{colManager, []string{"manager id", "reports to", "supervisor id", "boss id", "parent id", "manager email", "manager", "supervisor", "line manager", "reports to id", "manager employee id"}},
	{colDotted, []string{"dotted", "dotted line", "dotted lines", "matrix manager", "functional manager"}},
	{colRoles, []string{"roles", "role", "role code", "role codes"}},
	{colAssistant, []string{"assistant", "is assistant"}},
	{colAssistantTo, []string{"assistant to"}},
	{colVacant, []string{"vacant", "is vacant", "vacancy"}},
	{colEmail, []string{"email", "email address", "work email", "e mail"}},
	{colLocation, []string{"location", "office", "work location"}},
	{colKind, []string{"kind"}},
	{colPhoto, []string{"photo", "photo url"}},
}

// csvAlias maps a normalised header to its column kind and rank.
var csvAlias, csvKnownHeaders = func() (map[string][2]int, []string) {
	m := make(map[string][2]int)
	var known []string
	for _, a := range csvAliases {
		for rank, n := range a.names {
			if _, dup := m[normHeader(n)]; !dup {
				m[normHeader(n)] = [2]int{int(a.col), rank}
			}
			known = append(known, n)
		}
	}
	return m, known
}()

// normHeader folds a header for matching: lower case without spaces,
// underscores, hyphens and dots.
func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case ' ', '_', '-', '.', '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// csvColumn is one column of the header.
type csvColumn struct {
	col    csvCol
	rank   int
	header string
	custom string // the field name of a "fields.NAME" column
	pos    diag.Pos
}

// maxCSVErrors stops a CSV load that is wrong on every row from building a
// list of a million errors.
const maxCSVErrors = 1000

// loadCSV reads an HR-system export. Positions are row and column: the line
// of the cell (as csv.Reader.FieldPos gives it, so quoted cells spanning
// lines count) and the field number, one-based.
func loadCSV(name string, data []byte, inf *inferer) (*graph.Org, error) {
	org, _, err := loadCSVChunks(name, data, inf, 0)
	return org, err
}

// csvRows is what reading the rows of a CSV file needs from its header.
type csvRows struct {
	name   string
	data   []byte // the whole file, to position quote errors; nil in a chunk
	comma  rune
	cols   []csvColumn
	idCol  int // the column of the id
	nKnown int // the most positions a row keeps in Person.FieldPos
}

// loadCSVChunks is loadCSV with the rows read in chunks in parallel
// (readParallel): chunks < 0 reads them on one core, 0 cuts one chunk per
// core for large files, n > 0 cuts about n chunks whatever the size (tests).
// parallel reports whether the rows were read in parallel.
func loadCSVChunks(name string, data []byte, inf *inferer, chunks int) (org *graph.Org, parallel bool, err error) {
	data = bytes.TrimPrefix(data, bom)
	org = &graph.Org{File: name, Format: "csv", Pos: diag.Pos{File: name, Line: 1, Column: 1}}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffDelimiter(data)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true

	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, false, errAt(org.Pos, `the CSV file is empty: its first row must be a header naming the columns, such as "id,name,title,manager id"`)
	}
	if err != nil {
		return nil, false, csvError(name, data, r.Comma, err)
	}
	cols := make([]csvColumn, len(header))
	var use [numCols]int // column index + 1 of each kind in use
	for i, h := range header {
		line, _ := r.FieldPos(i)
		c := csvColumn{header: strings.TrimSpace(h), pos: diag.Pos{File: name, Line: line, Column: i + 1}}
		switch {
		case hasPrefixFold(c.header, "fields.") && len(c.header) > len("fields."):
			c.col, c.custom = colCustom, c.header[len("fields."):]
		case hasPrefixFold(c.header, "field:") && len(c.header) > len("field:"):
			c.col, c.custom = colCustom, strings.TrimSpace(c.header[len("field:"):])
		default:
			if a, ok := inf.column(h); ok { // csv_map.go: --map, then csvAlias
				c.col, c.rank = csvCol(a[0]), a[1]
			}
		}
		cols[i] = c
		if c.col == colUnknown {
			if c.header == "" {
				c.header = "column " + strconv.Itoa(i+1)
			}
			org.Diagnostics = append(org.Diagnostics, unknownField(c.pos, "", "column", c.header, csvKnownHeaders,
				`rename it "fields.`+c.header+`" to keep it as a free-form field`))
			continue
		}
		if c.col == colCustom {
			continue
		}
		if j := use[c.col] - 1; j >= 0 {
			// Two columns mean the same thing: keep the better-named one.
			loser := i
			if c.rank < cols[j].rank {
				loser, use[c.col] = j, i+1
			}
			win := use[c.col] - 1
			org.Diagnostics = append(org.Diagnostics, diag.Diagnostic{Code: "ORG011", Rule: "unknown-field", Severity: diag.SeverityWarning,
				Pos: cols[loser].pos, Message: "column " + diag.Excerpt(cols[loser].header) + " is ignored: column " +
					diag.Excerpt(cols[win].header) + " already gives the " + csvFieldName[c.col] + " (remove or rename one)"})
			cols[loser].col = colUnknown
			continue
		}
		use[c.col] = i + 1
	}
	if use[colID] == 0 {
		if use[colEmail] == 0 {
			line, _ := r.FieldPos(0)
			return nil, false, errAt(diag.Pos{File: name, Line: line, Column: 1},
				`the CSV header has no id column: name one "id", "employee id", "employee number", "person id", "worker id" or "email"`)
		}
		use[colID] = use[colEmail] // the e-mail address is the id
	}
	rows := &csvRows{name: name, data: data, comma: r.Comma, cols: cols, idCol: use[colID] - 1, nKnown: 1}
	// The most positions a row keeps (see above).
	for _, c := range []csvCol{colKind, colTitle, colVacant, colAssistant} {
		if use[c] > 0 {
			rows.nKnown++
		}
	}
	people, parallel := rows.readParallel(data, int(r.InputOffset()), inf, chunks)
	if !parallel {
		var errs diag.ErrorList
		people, errs = rows.read(r, 0, estimateRows(data), inf)
		if err := errs.Err(); err != nil {
			return nil, false, err
		}
	}
	org.People = people
	resolveNameRefs(org) // managers given by name (csv_names.go)
	finishDiagnostics(org.Diagnostics)
	return org, parallel, nil
}

// read reads the rows from r, whose line numbers are lineOff lines into
// the file, and returns the entries (indexed from 0) and the errors, which
// stop the read at the first CSV syntax error or after maxCSVErrors. The
// line of a syntax error is r's own: only the one-core read (lineOff 0)
// reports errors, the parallel read falls back to it on any.
func (h *csvRows) read(r *csv.Reader, lineOff, estRows int, inf *inferer) ([]*graph.Person, diag.ErrorList) {
	name, cols, idCol, nKnown := h.name, h.cols, h.idCol, h.nKnown
	var (
		errs    diag.ErrorList
		people  = huge.Make[*graph.Person](0, estRows)
		slab    []graph.Person
		fpSlab  []graph.FieldAt
		refSlab []graph.Ref
	)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, h.data, h.comma, err))
			break
		}
		blank := true
		for _, c := range rec {
			if strings.TrimSpace(c) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		line, _ := r.FieldPos(0)
		line += lineOff
		rowPos := diag.Pos{File: name, Line: line, Column: 1}
		if len(rec) != len(cols) {
			addErr(&errs, rowPos, "row has "+strconv.Itoa(len(rec))+" fields but the header has "+strconv.Itoa(len(cols))+
				": quote cells that contain the delimiter, and give every row one cell per column")
			if len(errs) >= maxCSVErrors {
				break
			}
			continue
		}
		if len(slab) == 0 {
			k := min(max(cap(people)-len(people), 64), 1<<16)
			slab = huge.Make[graph.Person](k, k)
		}
		p := &slab[0]
		slab = slab[1:]
		p.Pos = rowPos
		p.Kind = graph.KindPerson
		p.Index = len(people)
		if len(fpSlab) < nKnown {
			fpSlab = make([]graph.FieldAt, nKnown*min(max(cap(people)-len(people), 64), 4096))
		}
		fp := fpSlab[:0:nKnown]
		var (
			first, last   string
			kindSet       bool
			assistant     bool
			assistantPos  diag.Pos
			titlePos      diag.Pos
			assistantCell bool
		)
		for i := range cols {
			c := &cols[i]
			if c.col == colUnknown {
				continue
			}
			v := strings.TrimSpace(rec[i])
			if v == "" {
				continue
			}
			pos := rowPos
			if l, _ := r.FieldPos(i); l+lineOff != line {
				pos.Line = l + lineOff
			}
			pos.Column = i + 1
			if i == idCol {
				p.ID = v
				if i > 0 {
					fp = append(fp, graph.FieldAt{Name: "id", Pos: pos})
				}
			}
			switch c.col {
			case colName:
				p.Name = v
			case colFirstName:
				first = v
			case colLastName:
				last = v
			case colTitle:
				p.Title, titlePos = v, pos
			case colDepartment:
				p.Department = v
			case colManager, colDotted:
				n := 1 + strings.Count(v, ";") + strings.Count(v, "|")
				if len(refSlab) < n {
					k := max(n, min(cap(people)-len(people), 1<<16))
					refSlab = huge.Make[graph.Ref](k, k)
				}
				refs := refSlab[:0:n]
				for v != "" {
					id := v
					if j := strings.IndexAny(v, ";|"); j >= 0 {
						id, v = v[:j], v[j+1:]
					} else {
						v = ""
					}
					if id = strings.TrimSpace(id); id != "" {
						refs = append(refs, graph.Ref{ID: id, Pos: pos})
					}
				}
				refSlab = refSlab[len(refs):]
				if c.col == colManager {
					p.ReportsTo = refs
				} else {
					p.Dotted = refs
				}
			case colRoles:
				for _, code := range splitRoles(v) {
					p.Roles = append(p.Roles, graph.Role{Code: code, Pos: pos})
				}
			case colAssistant:
				b, ok := parseBool(v)
				if !ok {
					addErr(&errs, pos, diag.Excerpt(c.header)+" must be true or false (yes/no, 1/0), not "+diag.Excerpt(v))
				}
				assistant, assistantPos, assistantCell = b, pos, true
				if b {
					fp = append(fp, graph.FieldAt{Name: "assistant", Pos: pos})
				}
			case colAssistantTo:
				p.AssistantTo = &graph.Ref{ID: v, Pos: pos}
			case colVacant:
				b, ok := parseBool(v)
				if !ok {
					addErr(&errs, pos, diag.Excerpt(c.header)+" must be true or false (yes/no, 1/0), not "+diag.Excerpt(v))
				}
				p.Vacant = b
				if b {
					fp = append(fp, graph.FieldAt{Name: "vacant", Pos: pos})
				}
			case colEmail:
				p.Email = v
			case colLocation:
				p.Location = v
			case colPhoto:
				p.Photo = v
			case colKind:
				k, ok := parseKind(v)
				if !ok {
					addErr(&errs, pos, "unknown kind "+diag.Excerpt(v)+": write person, board or committee")
				} else {
					p.Kind, kindSet = k, true
					fp = append(fp, graph.FieldAt{Name: "kind", Pos: pos})
				}
			case colCustom:
				if p.Fields == nil {
					p.Fields = make(map[string]string)
				}
				p.Fields[c.custom] = v
			}
		}
		if p.Name == "" && (first != "" || last != "") {
			p.Name = strings.TrimSpace(first + " " + last)
		}
		inf.apply(p, titlePos, kindSet)
		if p.TitleAmbiguous {
			fp = append(fp, graph.FieldAt{Name: "title", Pos: titlePos})
		}
		if len(fp) > 0 {
			p.FieldPos = fp
			fpSlab = fpSlab[len(fp):]
		}
		if p.ID == "" {
			addErr(&errs, diag.Pos{File: name, Line: line, Column: idCol + 1},
				"row has no id: fill the "+diag.Excerpt(cols[idCol].header)+" column with a unique id")
		}
		if assistantCell && assistant && p.AssistantTo == nil {
			if len(p.ReportsTo) == 0 {
				addErr(&errs, assistantPos, "an assistant needs a manager: fill the manager column with the id of the person assisted")
			} else {
				p.AssistantTo = &graph.Ref{ID: p.ReportsTo[0].ID, Pos: assistantPos}
			}
		}
		people = append(people, p)
		if len(errs) >= maxCSVErrors {
			break
		}
	}
	if len(errs) >= maxCSVErrors {
		addErr(&errs, errs[len(errs)-1].Pos, "too many errors: stopped reading")
	}
	return people, errs
}

// estimateRows guesses the number of rows from the number of lines, capped
// so that a file of blank lines cannot make us reserve a lot of memory.
func estimateRows(data []byte) int {
	return min(bytes.Count(data, []byte{'\n'})+1, 1<<22)
}

// sniffDelimiter picks the delimiter from the header line: a comma, or a
// semicolon or tab when the header has no comma (exports from spreadsheets
// in locales that write decimal commas).
func sniffDelimiter(data []byte) rune {
	line := data
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	switch {
	case bytes.IndexByte(line, ',') >= 0:
		return ','
	case bytes.IndexByte(line, ';') >= 0:
		return ';'
	case bytes.IndexByte(line, '\t') >= 0:
		return '\t'
	}
	return ','
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

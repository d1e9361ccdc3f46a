// Package load reads charts into the model: one file per format (YAML,
// JSON, CSV) and the policy file, each keeping one-based file:line:column
// positions (see graph/diag) on every entry and field. Problems that make the
// input unreadable are errors (diag.ErrorList); fields the format does not
// define are ORG011 diagnostics on the Org. Titles infer role codes by the
// documented table (roles.go) unless Options.NoInferRoles.
package load

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/huge"
)

// Options controls Chart.
type Options struct {
	// Format is one of Formats; "" detects it (see DetectFormat).
	Format string
	// NoInferRoles turns off role inference from titles (InferRoles).
	NoInferRoles bool
	// Sheet names the worksheet of an xlsx workbook to read; "" reads the
	// first one.
	Sheet string
	// Columns maps a field (id, name, first_name, last_name, title,
	// department, reports_to, dotted, roles, assistant, assistant_to,
	// vacant, email, location, kind, photo) to the header of the CSV or
	// xlsx column that holds it, for headers no alias covers ("Business
	// Title Text"). A mapped column wins over the alias table's.
	Columns map[string]string
}

// Formats lists the input formats Chart reads, sorted: the chart formats
// (csv, json, yaml), the directory exports (entra, google, ldif, okta,
// scim; docs/import.md) and Excel workbooks (xlsx).
var Formats = []string{"csv", "entra", "google", "json", "ldif", "okta", "scim", "xlsx", "yaml"}

// Chart reads a chart from data. name is the file name used in positions
// ("-" or "<stdin>" for standard input) and, when opts.Format is empty, to
// detect the format. Problems in the chart come back as an ErrorList or a
// *Error, each with a one-based file:line:column; unknown fields and columns
// are not errors but ORG011 diagnostics in Org.Diagnostics.
func Chart(name string, data []byte, opts Options) (*graph.Org, error) {
	format := strings.ToLower(strings.TrimSpace(opts.Format))
	if format == "" {
		format = DetectFormat(name, data)
	}
	inf := &inferer{off: opts.NoInferRoles}
	table := format == "csv" || format == "xlsx"
	if len(opts.Columns) > 0 && !table {
		return nil, fmt.Errorf("load %s: columns are mapped only in CSV and xlsx files, not %s", name, format)
	}
	if table {
		h, err := newCSVHeaders(opts.Columns)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		inf.headers = h
	}
	var (
		org *graph.Org
		err error
	)
	switch format {
	case "yaml", "yml":
		org, err = loadYAML(name, data, inf)
	case "json":
		org, err = loadJSON(name, data, inf)
	case "csv":
		org, err = loadCSV(name, data, inf)
	default:
		l, ok := dirLoaders[format]
		if !ok {
			return nil, fmt.Errorf("load %s: unknown input format %s: want one of %s", name, diag.Excerpt(opts.Format), strings.Join(Formats, ", "))
		}
		org, err = l(name, data, inf, opts)
	}
	if err != nil {
		if table && len(inf.headers.names) > 0 {
			// A mapped column that is not there is the likelier cause
			// (of "no id column", say).
			if merr := inf.headers.checkMapped(name); merr != nil {
				return nil, merr
			}
		}
		return nil, err
	}
	if table {
		if err := inf.headers.checkMapped(name); err != nil {
			return nil, err
		}
		inf.headers.markVacancies(org)
	}
	if !dirBuilt[format] {
		resolveEmailRefs(org) // a directory loader's finish did it
	}
	return org, nil
}

// File reads the chart in the file at path (see Chart).
func File(path string, opts Options) (*graph.Org, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	return Chart(path, data, opts)
}

// readFile is os.ReadFile into a buffer advised for huge pages when the
// file is large (see makeHuge): a million-person CSV is 100 MB.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 512 // standard input, a pipe: grown as it is read
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < 1<<40 && int64(int(fi.Size())) == fi.Size() {
		size = int(fi.Size())
	}
	// One byte more than the size, so that a file that has not grown
	// reads in one go and a file that has is read to its end anyway.
	data := huge.Make[byte](0, size+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// DetectFormat names the format of a chart, one of Formats. A zip archive
// is an xlsx workbook whatever its name, and JSON is told apart by its shape
// (a chart, or an Entra, Google, Okta or SCIM export: sniffJSON). Otherwise
// the extension of name decides (.yaml, .yml, .csv, .tsv, .ldif), else the
// content: a first line "version: 1" or "dn: ..." is LDIF, one with "key:"
// or a "#" comment or "---" is YAML, one with a comma, semicolon or tab is
// CSV ("yaml" when nothing tells).
func DetectFormat(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	if f := sniffContent(data); f != "" {
		return f
	}
	switch ext {
	case ".yaml", ".yml":
		return "yaml"
	case ".json":
		return "json"
	case ".csv", ".tsv":
		return "csv"
	case ".ldif":
		return "ldif"
	}
	data = bytes.TrimPrefix(data, bom)
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) == 0 {
		return "yaml"
	}
	switch data[0] {
	case '{', '[':
		return "json"
	case '#', '-':
		return "yaml"
	}
	line := data
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if bytes.Contains(line, []byte(": ")) || bytes.HasSuffix(bytes.TrimRight(line, " \r"), []byte(":")) {
		return "yaml"
	}
	if bytes.ContainsAny(line, ",;\t") {
		return "csv"
	}
	return "yaml"
}

// bom is the UTF-8 byte order mark some tools (Excel) put before a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// maxErrMsg bounds a load error's message. Messages quote the input only
// through diag.Excerpt; this is the backstop for those that carry a
// library's error text (go-yaml's, excelize's), which may quote input.
const maxErrMsg = 1024

// errAt returns a positioned error; a position without a line gets line 1,
// so that every load error names a line.
func errAt(pos diag.Pos, msg string) *diag.Error {
	if pos.Line < 1 {
		pos.Line = 1
	}
	return &diag.Error{Pos: pos, Msg: diag.ClipTo(msg, maxErrMsg)}
}

// addErr appends a positioned error to l (see errAt).
func addErr(l *diag.ErrorList, pos diag.Pos, msg string) {
	*l = append(*l, errAt(pos, msg))
}

// unknownField returns the ORG011 diagnostic for a field or column that the
// format does not define, suggesting the nearest known name.
func unknownField(pos diag.Pos, subject, what, name string, known []string, hint string) diag.Diagnostic {
	msg := "unknown " + what + " " + diag.Excerpt(name)
	if s := suggest(name, known); s != "" {
		msg += " (did you mean " + diag.Quote(s) + "?)"
	} else if hint != "" {
		msg += " (" + hint + ")"
	}
	return diag.Diagnostic{Code: "ORG011", Rule: "unknown-field", Severity: diag.SeverityWarning, Pos: pos, Subject: subject, Message: msg}
}

// synonyms map names people often write to the field meant.
var synonyms = map[string]string{
	"manager": "reports_to", "managerid": "reports_to", "reportsto": "reports_to",
	"reports": "reports_to", "parent": "reports_to", "parentid": "reports_to",
	"supervisor": "reports_to", "boss": "reports_to", "role": "roles",
	"dept": "department", "team": "department", "type": "kind", "mail": "email",
	"office": "location", "matrix": "dotted", "dottedline": "dotted",
	"dotted_line": "dotted", "dotted_lines": "dotted", "title_name": "title",
	"approver": "approved_by", "expires": "until", "expiry": "until", "code": "rule",
	"profile": "profiles", "exception": "exceptions", "rule": "rules", "person": "people",
}

// suggest returns the known name nearest to name: the field a synonym
// stands for, else diag.DidYouMean's suggestion, or "".
func suggest(name string, known []string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if s, ok := synonyms[n]; ok && contains(known, s) && s != name {
		return s
	}
	return diag.DidYouMean(name, known)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseBool reads true/false, yes/no, y/n, on/off and 1/0 in any case.
func parseBool(s string) (v, ok bool) {
	s = strings.TrimSpace(s)
	for _, t := range [...]string{"true", "yes", "y", "on", "1"} {
		if strings.EqualFold(s, t) {
			return true, true
		}
	}
	for _, f := range [...]string{"false", "no", "n", "off", "0"} {
		if strings.EqualFold(s, f) {
			return false, true
		}
	}
	return false, false
}

// parseKind reads person, board or committee in any case.
func parseKind(s string) (graph.Kind, bool) {
	s = strings.TrimSpace(s)
	for _, k := range [...]graph.Kind{graph.KindPerson, graph.KindBoard, graph.KindCommittee} {
		if strings.EqualFold(s, string(k)) {
			return k, true
		}
	}
	return "", false
}

// normRole upper-cases and trims a role code.
func normRole(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// resolveEmailRefs rewrites references written as e-mail addresses (a CSV
// "manager email" column, say) to the id of the one entry with that e-mail,
// when the reference matches no id. References that match no id and no
// single e-mail are left as written (ORG002 reports them).
func resolveEmailRefs(org *graph.Org) {
	need := false
	for _, p := range org.People {
		for _, r := range p.ReportsTo {
			need = need || strings.IndexByte(r.ID, '@') >= 0
		}
		for _, r := range p.Dotted {
			need = need || strings.IndexByte(r.ID, '@') >= 0
		}
		if p.AssistantTo != nil {
			need = need || strings.IndexByte(p.AssistantTo.ID, '@') >= 0
		}
		if need {
			break
		}
	}
	if !need {
		return
	}
	ids := make(map[string]bool, len(org.People))
	byEmail := make(map[string]int)
	for i, p := range org.People {
		ids[graph.Key(p.ID)] = true
		if p.Email == "" {
			continue
		}
		k := graph.Key(p.Email)
		if _, dup := byEmail[k]; dup {
			byEmail[k] = -1
		} else {
			byEmail[k] = i
		}
	}
	fix := func(r *graph.Ref) {
		if strings.IndexByte(r.ID, '@') < 0 {
			return
		}
		k := graph.Key(r.ID)
		if ids[k] {
			return
		}
		if i, ok := byEmail[k]; ok && i >= 0 {
			r.ID = org.People[i].ID
		}
	}
	for _, p := range org.People {
		for i := range p.ReportsTo {
			fix(&p.ReportsTo[i])
		}
		for i := range p.Dotted {
			fix(&p.Dotted[i])
		}
		if p.AssistantTo != nil {
			fix(p.AssistantTo)
		}
	}
	for i := range org.Tops {
		fix(&org.Tops[i])
	}
}

// finishDiagnostics sorts the load diagnostics by position.
func finishDiagnostics(ds []diag.Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Pos.Before(ds[j].Pos) })
}

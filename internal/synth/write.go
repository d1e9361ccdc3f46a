package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/orgchart/orgchart/graph"
)

// CSVHeader is the header row WriteCSV writes.
var CSVHeader = []string{"id", "name", "title", "department", "manager_id", "dotted", "roles", "vacant", "email", "kind"}

// WriteCSV writes org as a CSV export with the columns of CSVHeader, one row
// per entry in file order. Several managers, dotted lines or roles are
// joined with ";"; dotted-line types are not written. The kind column is
// empty for people and says board or committee for those bodies (an HR
// export would not have it; without it the loader would read the board as a
// person holding the BOARD role).
func WriteCSV(w io.Writer, org *graph.Org) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	rec := make([]string, len(CSVHeader))
	var sb strings.Builder
	for _, p := range org.People {
		rec[0], rec[1], rec[2], rec[3] = p.ID, p.Name, p.Title, p.Department
		rec[4] = joinIDs(&sb, p.ReportsTo, refID)
		rec[5] = joinIDs(&sb, p.Dotted, refID)
		rec[6] = joinIDs(&sb, p.Roles, roleCode)
		rec[7] = ""
		if p.Vacant {
			rec[7] = "true"
		}
		rec[8] = p.Email
		rec[9] = ""
		if p.Kind != "" && p.Kind != graph.KindPerson {
			rec[9] = string(p.Kind)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// joinIDs joins the key of each item with ';', the CSV loader's
// multi-value separator, without allocating for zero or one item.
func joinIDs[T any](sb *strings.Builder, items []T, key func(T) string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return key(items[0])
	}
	sb.Reset()
	for i, it := range items {
		if i > 0 {
			sb.WriteByte(';')
		}
		sb.WriteString(key(it))
	}
	return sb.String()
}

func refID(r graph.Ref) string     { return r.ID }
func roleCode(r graph.Role) string { return r.Code }

// WriteYAML writes org in the chart format (version 1): the org title and a
// people list with id, name, title, department, kind (when not a person),
// roles, reports_to, dotted (typed lines as {to, type}), vacant and email.
// Strings are written plain when that is unambiguous, else double-quoted.
// It writes YAML by hand because a YAML library's encoder would first build
// a node tree of the whole chart: too slow and too big at a million people.
func WriteYAML(w io.Writer, org *graph.Org) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	if org.Title != "" {
		bw.WriteString("org: ")
		writeScalar(bw, org.Title, false)
		bw.WriteByte('\n')
	}
	bw.WriteString("people:\n")
	for _, p := range org.People {
		field(bw, "  - id: ", p.ID)
		field(bw, "    name: ", p.Name)
		field(bw, "    title: ", p.Title)
		field(bw, "    department: ", p.Department)
		if p.Kind != "" && p.Kind != graph.KindPerson {
			field(bw, "    kind: ", string(p.Kind))
		}
		if len(p.Roles) > 0 {
			bw.WriteString("    roles: [")
			for i, r := range p.Roles {
				if i > 0 {
					bw.WriteString(", ")
				}
				writeScalar(bw, r.Code, true)
			}
			bw.WriteString("]\n")
		}
		switch len(p.ReportsTo) {
		case 0:
		case 1:
			field(bw, "    reports_to: ", p.ReportsTo[0].ID)
		default:
			bw.WriteString("    reports_to: [")
			for i, r := range p.ReportsTo {
				if i > 0 {
					bw.WriteString(", ")
				}
				writeScalar(bw, r.ID, true)
			}
			bw.WriteString("]\n")
		}
		if len(p.Dotted) > 0 {
			bw.WriteString("    dotted: [")
			for i, r := range p.Dotted {
				if i > 0 {
					bw.WriteString(", ")
				}
				if r.Type == "" {
					writeScalar(bw, r.ID, true)
					continue
				}
				bw.WriteString("{to: ")
				writeScalar(bw, r.ID, true)
				bw.WriteString(", type: ")
				writeScalar(bw, r.Type, true)
				bw.WriteByte('}')
			}
			bw.WriteString("]\n")
		}
		if p.Vacant {
			bw.WriteString("    vacant: true\n")
		}
		field(bw, "    email: ", p.Email)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write yaml: %w", err)
	}
	return nil
}

// field writes "prefix value\n" unless value is empty.
func field(bw *bufio.Writer, prefix, value string) {
	if value == "" {
		return
	}
	bw.WriteString(prefix)
	writeScalar(bw, value, false)
	bw.WriteByte('\n')
}

// writeScalar writes s as a plain YAML scalar when that reads back as the
// same string, else double-quoted. inFlow is set inside [ ] or { }, where
// commas and brackets end a plain scalar.
func writeScalar(bw *bufio.Writer, s string, inFlow bool) {
	if plainOK(s, inFlow) {
		bw.WriteString(s)
		return
	}
	var buf [128]byte
	bw.Write(strconv.AppendQuote(buf[:0], s))
}

// plainOK reports whether s can be written as a plain scalar: letters,
// digits, spaces and a few punctuation marks, not starting with an
// indicator, a digit or a sign (numbers), no leading or trailing space, and
// not a word YAML reads as a boolean or null.
func plainOK(s string, inFlow bool) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	r0, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r0) {
		return false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case r == ' ' || r == '.' || r == '-' || r == '_' || r == '@' || r == '\'' || r == '/' || r == '(' || r == ')' || r == '&':
		case r == ',' && !inFlow:
		default:
			return false
		}
	}
	if len(s) <= 5 {
		switch strings.ToLower(s) {
		case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
			return false
		}
	}
	return true
}

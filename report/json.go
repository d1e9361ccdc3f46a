package report

import (
	"cmp"
	"encoding/json"
	"io"
	"slices"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// jsonFormatter writes one JSON document (version 1) for all results:
//
//	{"version": 1,
//	 "files": ["org.yaml"],
//	 "diagnostics": [{"code", "rule", "severity", "message", "file", "line",
//	                  "column", "subject", "related": [{"file", "line",
//	                  "column", "message"}], "lines": [...], "suppressed",
//	                  "suppression", "doc_url"}],
//	 "summary": {"error", "warning", "info", "suppressed"},
//	 "inferred_roles": [{"id", "roles", "title", "file", "line", "column"}]}
//
// Fields may be added in later versions; none is renamed. Suppressed
// diagnostics are in the list with "suppressed": true and not counted in
// summary's severities. "inferred_roles" lists the entries whose role codes
// were inferred from their title (empty unless Options.Orgs is set).
// Output is indented with two spaces and ends with a newline.
type jsonFormatter struct{}

type jsonReport struct {
	Version       int              `json:"version"`
	Files         []string         `json:"files"`
	Diagnostics   []JSONDiagnostic `json:"diagnostics"`
	Summary       jsonSummary      `json:"summary"`
	InferredRoles []jsonInferred   `json:"inferred_roles"`
}

// JSONDiagnostic is one diagnostic as `validate --format json` writes it.
// Other JSON documents that carry diagnostics (orgchart diff) embed this
// shape, built with NewJSONDiagnostic, so one decoder reads both.
type JSONDiagnostic struct {
	Code        string        `json:"code"`
	Rule        string        `json:"rule"`
	Severity    string        `json:"severity"`
	Message     string        `json:"message"`
	File        string        `json:"file"`
	Line        int           `json:"line"`
	Column      int           `json:"column"`
	Subject     string        `json:"subject"`
	Related     []jsonRelated `json:"related"`
	Lines       []jsonLine    `json:"lines,omitempty"`
	Suppressed  bool          `json:"suppressed,omitempty"`
	Suppression string        `json:"suppression,omitempty"`
	DocURL      string        `json:"doc_url,omitempty"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonLine struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Dotted bool   `json:"dotted"`
}

type jsonSummary struct {
	Error      int `json:"error"`
	Warning    int `json:"warning"`
	Info       int `json:"info"`
	Suppressed int `json:"suppressed"`
}

type jsonInferred struct {
	ID     string   `json:"id"`
	Roles  []string `json:"roles"`
	Title  string   `json:"title"`
	File   string   `json:"file"`
	Line   int      `json:"line"`
	Column int      `json:"column"`
}

func (jsonFormatter) Format(w io.Writer, results []*check.Result, opts Options) error {
	rep := jsonReport{
		Version:       1,
		Files:         []string{},
		Diagnostics:   []JSONDiagnostic{},
		InferredRoles: inferredRoles(opts.Orgs),
	}
	for _, r := range results {
		rep.Files = append(rep.Files, r.File)
	}
	for _, d := range allDiagnostics(results) {
		rep.Diagnostics = append(rep.Diagnostics, NewJSONDiagnostic(d))
	}
	t := check.Count(results...)
	rep.Summary = jsonSummary{Error: t.Error, Warning: t.Warning, Info: t.Info, Suppressed: t.Suppressed}
	return WriteJSON(w, rep)
}

// NewJSONDiagnostic returns d in the JSON shape of validate's report, with
// its rule's documentation address.
func NewJSONDiagnostic(d diag.Diagnostic) JSONDiagnostic {
	jd := JSONDiagnostic{
		Code: d.Code, Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message,
		File: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Column, Subject: d.Subject,
		Related:    []jsonRelated{},
		Suppressed: d.Suppressed, Suppression: d.Suppression,
	}
	if d.Code != "" {
		jd.DocURL = check.DocURL(d.Code)
	}
	for _, r := range d.Related {
		jd.Related = append(jd.Related, jsonRelated{File: r.Pos.File, Line: r.Pos.Line, Column: r.Pos.Column, Message: r.Message})
	}
	for _, l := range d.Lines {
		jd.Lines = append(jd.Lines, jsonLine{From: l.From, To: l.To, Dotted: l.Dotted})
	}
	return jd
}

// inferredRoles lists, for every entry of orgs that holds a role inferred
// from its title, the inferred codes, sorted by file, line, column and id.
func inferredRoles(orgs []*graph.Org) []jsonInferred {
	out := []jsonInferred{}
	for _, org := range orgs {
		if org == nil {
			continue
		}
		for _, p := range org.People {
			var codes []string
			for _, r := range p.Roles {
				if r.Inferred {
					codes = append(codes, r.Code)
				}
			}
			if len(codes) == 0 {
				continue
			}
			pos := p.At("title")
			if pos.File == "" {
				pos.File = org.File
			}
			out = append(out, jsonInferred{ID: p.ID, Roles: codes, Title: p.Title, File: pos.File, Line: pos.Line, Column: pos.Column})
		}
	}
	slices.SortStableFunc(out, func(a, b jsonInferred) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// WriteJSON writes v the way every orgchart JSON document is written:
// indented by two spaces, without HTML escaping, with a final newline.
// The encoder marshals the whole value before its single Write, so a
// failure leaves w untouched.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

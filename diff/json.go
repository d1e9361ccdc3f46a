package diff

import (
	"io"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/report"
)

// jsonDiff is the JSON document of a comparison (version 1):
//
//	{"version": 1, "old": "old.yaml", "new": "org.yaml",
//	 "changes": [{"kind", "id", "from", "to"}],
//	 "findings": {"introduced": [diagnostic], "resolved": [diagnostic]},
//	 "summary": {"changes", "joined", "left", "moved", "retitled", "renamed",
//	             "roles", "department", "dotted-added", "dotted-removed",
//	             "introduced", "resolved", "introduced_max"}}
//
// Each diagnostic has the shape of `validate --format json`
// (report.JSONDiagnostic). "from" and "to" are ids for joined, left, moved
// and the dotted kinds, the old and new values otherwise; empty strings are
// kept. Fields may be added in later versions; none is renamed.
type jsonDiff struct {
	Version  int          `json:"version"`
	Old      string       `json:"old"`
	New      string       `json:"new"`
	Changes  []jsonChange `json:"changes"`
	Findings jsonFindings `json:"findings"`
	Summary  jsonSummary  `json:"summary"`
}

type jsonChange struct {
	Kind Kind   `json:"kind"`
	ID   string `json:"id"`
	From string `json:"from"`
	To   string `json:"to"`
}

type jsonFindings struct {
	Introduced []report.JSONDiagnostic `json:"introduced"`
	Resolved   []report.JSONDiagnostic `json:"resolved"`
}

type jsonSummary struct {
	Changes       int    `json:"changes"`
	Joined        int    `json:"joined"`
	Left          int    `json:"left"`
	Moved         int    `json:"moved"`
	Retitled      int    `json:"retitled"`
	Renamed       int    `json:"renamed"`
	Roles         int    `json:"roles"`
	Department    int    `json:"department"`
	DottedAdded   int    `json:"dotted-added"`
	DottedRemoved int    `json:"dotted-removed"`
	Introduced    int    `json:"introduced"`
	Resolved      int    `json:"resolved"`
	IntroducedMax string `json:"introduced_max"` // highest severity introduced, "none" when none
}

func writeJSON(w io.Writer, r *Result) error {
	doc := jsonDiff{
		Version: 1, Old: fileOf(r.Old), New: fileOf(r.New),
		Changes: make([]jsonChange, len(r.Changes)),
		Findings: jsonFindings{
			Introduced: jsonDiagnostics(r.Introduced),
			Resolved:   jsonDiagnostics(r.Resolved),
		},
		Summary: jsonSummary{
			Changes: len(r.Changes), Joined: r.Count(Joined), Left: r.Count(Left), Moved: r.Count(Moved),
			Retitled: r.Count(Retitled), Renamed: r.Count(Renamed), Roles: r.Count(Roles),
			Department: r.Count(Department), DottedAdded: r.Count(DottedAdded), DottedRemoved: r.Count(DottedRemoved),
			Introduced: len(r.Introduced), Resolved: len(r.Resolved), IntroducedMax: r.Max().String(),
		},
	}
	for i, c := range r.Changes {
		doc.Changes[i] = jsonChange(c)
	}
	return report.WriteJSON(w, doc)
}

func jsonDiagnostics(ds []diag.Diagnostic) []report.JSONDiagnostic {
	out := make([]report.JSONDiagnostic, len(ds))
	for i, d := range ds {
		out[i] = report.NewJSONDiagnostic(d)
	}
	return out
}

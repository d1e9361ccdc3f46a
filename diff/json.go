package diff

import (
	"bufio"
	"bytes"
	"encoding/json"
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

// writeJSON writes r as jsonDiff, element by element, so that memory stays
// bounded by one element however many changes there are (encoding the
// whole document at once buffered it twice: a 2.9-million-change diff took
// gigabytes). The bytes are those of report.WriteJSON on the whole
// document: two-space indentation, no HTML escaping, a final newline.
func writeJSON(w io.Writer, r *Result) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	e := &elemWriter{w: bw}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	bw.WriteString("{\n  \"version\": 1,\n  \"old\": ")
	e.value("  ", fileOf(r.Old))
	bw.WriteString(",\n  \"new\": ")
	e.value("  ", fileOf(r.New))
	bw.WriteString(",\n  \"changes\": ")
	list(e, "  ", r.Changes, func(c Change) any { return jsonChange(c) })
	bw.WriteString(",\n  \"findings\": {\n    \"introduced\": ")
	list(e, "    ", r.Introduced, func(d diag.Diagnostic) any { return report.NewJSONDiagnostic(d) })
	bw.WriteString(",\n    \"resolved\": ")
	list(e, "    ", r.Resolved, func(d diag.Diagnostic) any { return report.NewJSONDiagnostic(d) })
	bw.WriteString("\n  },\n  \"summary\": ")
	e.value("  ", jsonSummary{
		Changes: len(r.Changes), Joined: r.Count(Joined), Left: r.Count(Left), Moved: r.Count(Moved),
		Retitled: r.Count(Retitled), Renamed: r.Count(Renamed), Roles: r.Count(Roles),
		Department: r.Count(Department), DottedAdded: r.Count(DottedAdded), DottedRemoved: r.Count(DottedRemoved),
		Introduced: len(r.Introduced), Resolved: len(r.Resolved), IntroducedMax: r.Max().String(),
	})
	bw.WriteString("\n}\n")
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

// elemWriter encodes one JSON value at a time, indented as part of the
// whole document.
type elemWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

// value writes v indented for a value whose line starts with prefix.
func (e *elemWriter) value(prefix string, v any) {
	e.buf.Reset()
	e.enc.SetIndent(prefix, "  ")
	if err := e.enc.Encode(v); err != nil && e.err == nil {
		e.err = err
	}
	e.w.Write(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")))
}

// list writes xs as a JSON array whose line starts with prefix, each
// element converted by conv.
func list[T any](e *elemWriter, prefix string, xs []T, conv func(T) any) {
	if len(xs) == 0 {
		e.w.WriteString("[]")
		return
	}
	e.w.WriteString("[")
	for i, x := range xs {
		if i > 0 {
			e.w.WriteString(",")
		}
		e.w.WriteString("\n" + prefix + "  ")
		e.value(prefix+"  ", conv(x))
	}
	e.w.WriteString("\n" + prefix + "]")
}

package pipeline

import (
	"bytes"
	"context"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/save"
)

// Imported is a chart converted to the YAML chart format.
type Imported struct {
	// Org is the model as written: the ids chosen by save.ReadableIDs.
	Org *graph.Org
	// YAML is the chart file. Loading it gives Org back (save's invariant),
	// so validating it gives the findings of the export.
	YAML []byte
	// Renames maps each id of the export that changed to its new id.
	Renames map[string]string
	// Dropped lists the problems found while reading the export that the
	// chart file cannot carry: an ORG011 about a column of the export, an
	// ORG002 about a manager name that matched nobody (the line is not
	// written). Validating the export reports them; the chart does not.
	Dropped []diag.Diagnostic
	// Notes say what the loader left out on purpose (Org.Notes).
	Notes []diag.Related
}

// Import reads src in any input format and writes it as a YAML chart with
// readable ids (save.ReadableIDs; the export's own id kept in
// fields.source_id), for a team to commit and review with diff.
func Import(ctx context.Context, src Source, opts CheckOptions) (*Imported, error) {
	org, err := readChart(ctx, src, opts)
	if err != nil {
		return nil, err
	}
	renames := save.ReadableIDs(org)
	save.Rename(org, renames)
	var buf bytes.Buffer
	if err := save.YAML(&buf, org); err != nil {
		return nil, err
	}
	return &Imported{Org: org, YAML: buf.Bytes(), Renames: renames, Dropped: org.Diagnostics, Notes: org.Notes}, nil
}

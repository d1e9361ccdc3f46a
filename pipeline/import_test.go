package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/pipeline"
)

// findingKeys lists "CODE subject" for each finding, subjects renamed as
// Import renamed the ids, sorted; codes in skip are left out.
func findingKeys(ds []diag.Diagnostic, renames map[string]string, skip []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		if slices.ContainsFunc(skip, func(s diag.Diagnostic) bool { return s.Code == d.Code && s.Pos == d.Pos }) {
			continue
		}
		subj := d.Subject
		if n, ok := renames[subj]; ok {
			subj = n
		}
		out = append(out, d.Code+" "+subj)
	}
	slices.Sort(out)
	return out
}

// importFixtures are the directory exports and HR exports of graph/load,
// with the codes each gives (so that "the same findings" is not two
// empty lists).
var importFixtures = map[string][]string{
	"entra.json":  {"SEC002", "SEC004"},
	"google.json": {"SEC002"},
	"okta.json":   {"SEC002", "SEC004"},
	"scim.json":   {"SEC002", "SEC004"},
	"people.ldif": {"SEC002", "SEC004"},
	"workday.csv": {"SEC002", "SEC004"},
}

// TestImportSameFindings: every export imported to YAML validates with the
// same codes and subjects (subjects by their new ids) as the export itself;
// the YAML is deterministic and a fixed point (importing it again writes
// the same bytes).
func TestImportSameFindings(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join("..", "graph", "load", "testdata", "dir")
	for name, wantCodes := range importFixtures {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			export, err := pipeline.Check(ctx, pipeline.Source{Name: name, Path: path}, pipeline.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			imp, err := pipeline.Import(ctx, pipeline.Source{Name: name, Path: path}, pipeline.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(imp.Renames) == 0 && name != "people.ldif" {
				t.Errorf("Import(%s) renamed no id, want e-mail ids shortened", name)
			}
			chart, err := pipeline.Check(ctx, pipeline.Source{Name: "chart.yaml", Data: imp.YAML}, pipeline.CheckOptions{})
			if err != nil {
				t.Fatalf("the imported chart does not load: %v\n%s", err, imp.YAML)
			}
			if chart.Org.Format != "yaml" {
				t.Errorf("imported chart read as %q", chart.Org.Format)
			}
			want := findingKeys(export.Result.Active(), imp.Renames, imp.Dropped)
			got := findingKeys(chart.Result.Active(), nil, nil)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings of the import differ from the export's (-export +import):\n%s", diff)
			}
			var codes []string
			for _, d := range chart.Result.Active() {
				codes = append(codes, d.Code)
			}
			slices.Sort(codes)
			if diff := cmp.Diff(wantCodes, slices.Compact(codes)); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
			again, err := pipeline.Import(ctx, pipeline.Source{Name: "chart.yaml", Data: imp.YAML}, pipeline.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(imp.YAML), string(again.YAML)); diff != "" {
				t.Errorf("importing the import changed it (-first +second):\n%s", diff)
			}
			twice, _ := pipeline.Import(ctx, pipeline.Source{Name: name, Path: path}, pipeline.CheckOptions{})
			if string(twice.YAML) != string(imp.YAML) {
				t.Errorf("Import(%s) is not deterministic", name)
			}
		})
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}

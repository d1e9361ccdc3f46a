package pipeline_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/orgchart/orgchart/pipeline"
)

// The realistic exports of graph/load/testdata/export hold one 38-person
// company as each provider's API returns it (Graph pages with
// @odata.nextLink, Admin SDK users.list, Okta List Users with managerId as
// Okta ids and logins and a deprovisioned user, a SCIM ListResponse, LDIF
// in any order with folded lines and base64 names), and one contractor
// whose manager was filtered out of the export. Its structure implies
// these findings, by the name of the person concerned.
var exportFindings = []string{
	"ORG002 Laura Palmer", // her manager is not in the export
	"ORG009 Noah Fischer", // 13 direct reports
	"SEC002 Dana Reyes",   // the CISO reports to the CIO
	"SEC004 Dana Reyes",   // ... and has no line to the CEO or the board
	"SEC006 Hana Kim",     // the head of internal audit reports to the CFO
}

// byName lists "CODE name" for the active findings of c.
func byName(t *testing.T, c *pipeline.Chart) []string {
	t.Helper()
	var out []string
	for _, d := range c.Result.Active() {
		i, ok := c.Graph.Lookup(d.Subject)
		if !ok {
			t.Errorf("finding %v: subject not in the chart", d)
			continue
		}
		out = append(out, d.Code+" "+c.Graph.Person(i).Name)
	}
	slices.Sort(out)
	return out
}

// TestRealisticExports: each export loads all 38 people, gives exactly the
// findings its structure implies (ORG002 only for the missing manager),
// and imported to YAML gives the same findings again.
func TestRealisticExports(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join("..", "graph", "load", "testdata", "export")
	srcs := map[string]pipeline.Source{}
	for _, name := range []string{"entra.json", "google.json", "okta.json", "scim.json", "people.ldif"} {
		srcs[name] = pipeline.Source{Name: name, Path: filepath.Join(dir, name)}
	}
	srcs["staff.xlsx"] = pipeline.Source{Name: "staff.xlsx", Data: staffWorkbook(t, srcs["entra.json"])}
	for name, src := range srcs {
		t.Run(name, func(t *testing.T) {
			c, err := pipeline.Check(ctx, src, pipeline.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			wantPeople := 38
			if name == "staff.xlsx" {
				wantPeople++ // the vacancy row
			}
			if len(c.Org.People) != wantPeople {
				t.Errorf("%s: %d entries, want %d", name, len(c.Org.People), wantPeople)
			}
			if diff := cmp.Diff(exportFindings, byName(t, c)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if len(c.Org.Diagnostics) > 0 {
				t.Errorf("load diagnostics = %v, want none (directory attributes are ignored)", c.Org.Diagnostics)
			}
			imp, err := pipeline.Import(ctx, src, pipeline.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			y, err := pipeline.Check(ctx, pipeline.Source{Name: "chart.yaml", Data: imp.YAML}, pipeline.CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(exportFindings, byName(t, y)); diff != "" {
				t.Errorf("findings of the imported YAML (-want +got):\n%s", diff)
			}
			want := findingKeys(c.Result.Active(), imp.Renames, nil)
			if diff := cmp.Diff(want, findingKeys(y.Result.Active(), nil, nil)); diff != "" {
				t.Errorf("codes and subjects of the import (-export +import):\n%s", diff)
			}
		})
	}
}

// TestOktaDeprovisionedNote: the deprovisioned Okta user is left out with
// a note, and unused attributes are notes, not findings.
func TestOktaDeprovisionedNote(t *testing.T) {
	src := pipeline.Source{Name: "okta.json", Path: filepath.Join("..", "graph", "load", "testdata", "export", "okta.json")}
	imp, err := pipeline.Import(context.Background(), src, pipeline.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, n := range imp.Notes {
		msgs = append(msgs, n.Message)
	}
	for _, want := range []string{`deprovisioned user "otto.left@contoso.com" left out`, `attribute "profile.employeeNumber" ignored: the chart does not use it`} {
		if !slices.Contains(msgs, want) {
			t.Errorf("notes = %q, want %q", msgs, want)
		}
	}
}

// staffWorkbook writes the Entra export's people as an HR workbook, the
// way Excel stores one: numeric employee and manager ids (some as
// 1001.0), managers by id, the missing manager as an id no row has, and an
// open position written "Vacant" as the worker.
func staffWorkbook(t *testing.T, src pipeline.Source) []byte {
	t.Helper()
	c, err := pipeline.Check(context.Background(), src, pipeline.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	num := map[string]int{}
	for i, p := range c.Org.People {
		num[p.ID] = 1001 + i
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Staff"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{{"Employee ID", "Worker", "Business Title", "Supervisory Organization", "Manager ID", "Work Email"}}
	for i, p := range c.Org.People {
		var id any = num[p.ID]
		if i%4 == 1 {
			id = float64(num[p.ID]) // stored as 1001.0 by some tools
		}
		var mgr any
		if len(p.ReportsTo) > 0 {
			m, ok := num[p.ReportsTo[0].ID]
			if !ok {
				m = 1099 // the manager filtered out of the export
			}
			mgr = m
		}
		rows = append(rows, []any{id, p.Name, p.Title, p.Department, mgr, p.Email})
	}
	jose := num["jose.nunez@contoso.com"]
	rows = append(rows, []any{1100, "Vacant", "Security Engineer", "Security", jose, nil})
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

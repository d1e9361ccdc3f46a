package save_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/graph/save"
)

// everything uses every field of the chart format.
const everything = `version: 1
org: "Acme: the chart"
tops: [board, "1001"]
departments:
  Finance: {color: "#1f77b4"}
  IT: {}
people:
  - id: board
    name: Board of Directors
    kind: board
  - id: "1001"
    name: "no"
    title: CSO
    roles: [CEO, CFO]
    department: Finance
    reports_to: board
    dotted: [ciso, {to: board, type: advisory}]
    email: a@x.com
    location: "Paris, FR"
    photo: https://x/p.png
    fields: {cost_center: "C-100", z: "true", multi: "a\nb"}
  - id: ea
    reports_to: "1001"
    assistant: true
  - id: ea2
    reports_to: ["1001", board]
    assistant_to: board
  - id: ciso
    title: Chief Information Security Officer & CIO
    reports_to: "1001"
    vacant: true
policy:
  profiles: [core, security]
  rules:
    ORG009: {severity: error, max: 8}
    ORG010: off
    SEC002: warning
  exceptions:
    - {rule: SEC002, id: ciso, reason: "interim: 6 months", approved_by: board, until: 2027-03-31}
`

// noPos ignores what a chart file does not carry: positions, the file and
// format it was read from, and load diagnostics about the source.
var noPos = cmp.Options{
	cmpopts.IgnoreTypes(diag.Pos{}, []graph.FieldAt(nil), []diag.Pos(nil)),
	cmpopts.IgnoreFields(graph.Org{}, "File", "Format", "Diagnostics", "Notes"),
	cmpopts.EquateEmpty(),
}

// TestRoundTrip: loading what YAML writes gives the same model, and
// writing that again gives the same bytes, for a chart using every field
// and for each directory export of graph/load (renamed by ReadableIDs).
func TestRoundTrip(t *testing.T) {
	cases := map[string][]byte{"everything.yaml": []byte(everything)}
	dir := filepath.Join("..", "load", "testdata", "dir")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		cases[e.Name()] = data
	}
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, path := range examples {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cases["examples/"+filepath.Base(path)] = data
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			org, err := load.Chart(name, data, load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			save.Rename(org, save.ReadableIDs(org))
			var first bytes.Buffer
			if err := save.YAML(&first, org); err != nil {
				t.Fatal(err)
			}
			back, err := load.Chart("chart.yaml", first.Bytes(), load.Options{})
			if err != nil {
				t.Fatalf("load(YAML(%s)): %v\n%s", name, err, first.Bytes())
			}
			if len(back.Diagnostics) > 0 {
				t.Errorf("load(YAML(%s)) diagnostics = %v, want none", name, back.Diagnostics)
			}
			if diff := cmp.Diff(org, back, noPos); diff != "" {
				t.Errorf("load(YAML(%s)) differs (-written +read):\n%s", name, diff)
			}
			var second bytes.Buffer
			if err := save.YAML(&second, back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first.String(), second.String()); diff != "" {
				t.Errorf("YAML(load(YAML(%s))) differs (-first +second):\n%s", name, diff)
			}
		})
	}
}

func TestReadableIDs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		chart string
		want  map[string]string
	}{
		{"local parts", "people:\n- id: Dana.Reyes@x.com\n- id: blake@x.com\n  reports_to: dana.reyes@X.com\n- id: \"1001\"\n",
			map[string]string{"Dana.Reyes@x.com": "Dana.Reyes", "blake@x.com": "blake"}},
		{"namesakes keep their address", "people:\n- id: dana@x.com\n- id: dana@y.com\n- id: erin@x.com\n",
			map[string]string{"erin@x.com": "erin"}},
		{"an id already taken", "people:\n- id: dana@x.com\n- id: DANA\n",
			map[string]string{}},
		{"a dangling reference is never a new id", "people:\n- id: dana@x.com\n- id: erin@x.com\n  reports_to: dana\n",
			map[string]string{"erin@x.com": "erin"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			org, err := load.Chart("c.yaml", []byte(tc.chart), load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := save.ReadableIDs(org)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ReadableIDs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRename: references, tops and exceptions follow the new ids; the old
// id is kept in fields.source_id unless the export set it.
func TestRename(t *testing.T) {
	chart := `tops: [a@x.com]
people:
  - id: a@x.com
  - id: b@x.com
    reports_to: A@X.COM
    dotted: [a@x.com]
    assistant_to: a@x.com
    fields: {source_id: "00u1"}
  - id: c
    reports_to: gone@x.com
policy:
  exceptions: [{rule: SEC002, id: b@x.com}]
`
	org, err := load.Chart("c.yaml", []byte(chart), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	save.Rename(org, save.ReadableIDs(org))
	var buf bytes.Buffer
	if err := save.YAML(&buf, org); err != nil {
		t.Fatal(err)
	}
	want := `version: 1
tops: [a]
people:
  - id: a
    fields:
      source_id: a@x.com
  - id: b
    reports_to: a
    dotted: [a]
    assistant: true
    fields:
      source_id: 00u1
  - id: c
    reports_to: gone@x.com
policy:
  exceptions:
    - {rule: SEC002, id: b}
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("YAML after Rename (-want +got):\n%s", diff)
	}
}

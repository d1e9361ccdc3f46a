package load

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

const fullJSON = `{
  "version": 1,
  "org": "Acme Corp",
  "people": [
    {"id": "ceo", "title": "Chief Executive Officer", "reports_to": "board",
     "fields": {"cost_center": "C-100"}},
    {"id": "board", "kind": "board"},
    {
      "id": "ea",
      "reports_to": ["ceo"],
      "assistant": true,
      "dotted": ["cfo", {"to": "gc", "type": "advisory"}],
      "name": "Émile Ñandú", "vacant": false
    }
  ],
  "tops": "board"
}
`

func TestLoadJSONFields(t *testing.T) {
	const f = "org.json"
	got, err := Chart(f, []byte(fullJSON), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &graph.Org{
		Title: "Acme Corp", File: f, Format: "json", Pos: lp(f, 1, 1),
		Tops: []graph.Ref{{ID: "board", Pos: lp(f, 16, 11)}},
		People: []*graph.Person{
			{
				ID: "ceo", Title: "Chief Executive Officer", Kind: graph.KindPerson,
				Roles:     []graph.Role{{Code: "CEO", Pos: lp(f, 5, 28), Inferred: true}},
				ReportsTo: []graph.Ref{{ID: "board", Pos: lp(f, 5, 69)}},
				Fields:    map[string]string{"cost_center": "C-100"},
				Index:     0, Pos: lp(f, 5, 5),
				FieldPos: []graph.FieldAt{{Name: "id", Pos: lp(f, 5, 12)}, {Name: "title", Pos: lp(f, 5, 28)}, {Name: "reports_to", Pos: lp(f, 5, 69)},
					{Name: "fields", Pos: lp(f, 6, 16)}},
			},
			{
				ID: "board", Kind: graph.KindBoard, Index: 1, Pos: lp(f, 7, 5),
				FieldPos: []graph.FieldAt{{Name: "id", Pos: lp(f, 7, 12)}, {Name: "kind", Pos: lp(f, 7, 29)}},
			},
			{
				ID: "ea", Name: "Émile Ñandú", Kind: graph.KindPerson, Index: 2, Pos: lp(f, 8, 5),
				ReportsTo:   []graph.Ref{{ID: "ceo", Pos: lp(f, 10, 22)}},
				AssistantTo: &graph.Ref{ID: "ceo", Pos: lp(f, 11, 20)},
				Dotted:      []graph.Ref{{ID: "cfo", Pos: lp(f, 12, 18)}, {ID: "gc", Type: "advisory", Pos: lp(f, 12, 32)}},
				FieldPos: []graph.FieldAt{{Name: "id", Pos: lp(f, 9, 13)}, {Name: "reports_to", Pos: lp(f, 10, 21)}, {Name: "assistant", Pos: lp(f, 11, 20)},
					{Name: "dotted", Pos: lp(f, 12, 17)}, {Name: "name", Pos: lp(f, 13, 15)}, {Name: "vacant", Pos: lp(f, 13, 40)}},
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(%s) mismatch (-want +got):\n%s", f, diff)
	}
}

// TestLoadJSONSameAsYAML checks that JSON and YAML with the same shape
// decode to the same chart, positions aside.
func TestLoadJSONSameAsYAML(t *testing.T) {
	y, err := Chart("a.yaml", []byte(fullYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	j, err := Chart("a.json", []byte(`{"version": 1, "org": "Acme Corp", "people": [
 {"id": "ceo", "name": "Dana Reyes", "title": "Chief Executive Officer", "roles": ["CEO"], "department": "Executive",
  "reports_to": "board", "email": "dana@example.com", "location": "Paris", "photo": "dana.png", "fields": {"cost_center": "C-100"}},
 {"id": "board", "kind": "board"},
 {"id": "ea", "reports_to": "ceo", "assistant": true, "dotted": ["cfo", {"to": "gc", "type": "advisory"}]},
 {"id": "open", "vacant": true, "reports_to": ["ceo", "board"], "roles": " ciso "}],
 "tops": ["board"]}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	noPos := cmp.Transformer("noPos", func(diag.Pos) diag.Pos { return diag.Pos{} })
	y.File, y.Format = "", ""
	j.File, j.Format = "", ""
	if diff := cmp.Diff(y, j, noPos); diff != "" {
		t.Errorf("JSON and YAML charts differ (-yaml +json):\n%s", diff)
	}
}

func TestLoadJSONErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty", "  \n", []string{`e.json:1:1: the chart is empty: write a "people:" list of entries, each with an "id"`}},
		{"duplicate key", "{\"people\": [\n  {\"id\": \"a\", \"id\": \"b\"}]}", []string{`e.json:2:15: duplicate key "id" in this object: keep one`}},
		{"duplicate top key", `{"people": [], "people": []}`, []string{`e.json:1:16: duplicate key "people" in this object: keep one`}},
		{"syntax", "{\"people\": [\n  {\"id\": \"a\",}]}", []string{`e.json:2:13: invalid JSON: invalid character '}' looking for beginning of object key string: check for a missing comma, quote or bracket`}},
		{"missing comma", "{\"people\": [\n  {\"id\": \"a\" \"name\": \"b\"}]}", []string{`e.json:2:14: invalid JSON: invalid character '"' after object key:value pair: check for a missing comma, quote or bracket`}},
		{"truncated", "{\"people\": [\n", []string{`e.json:2:1: invalid JSON: unexpected end of input: close every { and [`}},
		{"trailing", "{\"people\": []}\n{}", []string{`e.json:2:1: unexpected data after the JSON value: a chart file holds one object`}},
		{"array root", `[{"id": "a"}]`, []string{`e.json:1:1: a chart must be a mapping with a "people:" list, not a list`}},
		{"wrong types", "{\"people\": [\n  {\"id\": 1, \"vacant\": \"maybe\", \"name\": [\"x\"], \"kind\": \"robot\"},\n  {\"name\": null}]}", []string{
			`e.json:2:23: "vacant" must be true or false, not "maybe"`,
			`e.json:2:40: "name" must be a single value, not a list: write it as ` + "`name: text`",
			`e.json:2:55: unknown kind "robot": write person, board or committee`,
			`e.json:3:3: entry has no "id": add a unique id such as "id: jdoe"`}},
		{"deep", `{"people": [], "x": ` + repeat("[", 2000) + repeat("]", 2000) + `}`, []string{`e.json:1:1020: JSON nested deeper than 1000 levels: a chart needs only a few`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org, err := Chart("e.json", []byte(tt.src), Options{})
			if err == nil {
				t.Fatalf("Load(%q) = %d people, want error", tt.src, len(org.People))
			}
			if diff := cmp.Diff(tt.want, errStrings(t, err)); diff != "" {
				t.Errorf("Load(%q) errors mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func repeat(s string, n int) string {
	b := make([]byte, 0, len(s)*n)
	for range n {
		b = append(b, s...)
	}
	return string(b)
}

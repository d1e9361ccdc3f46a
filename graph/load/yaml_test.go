package load

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// lp is a position in file f.
func lp(f string, line, col int) diag.Pos { return diag.Pos{File: f, Line: line, Column: col} }

const fullYAML = `version: 1
org: Acme Corp
people:
  - id: ceo
    name: Dana Reyes
    title: Chief Executive Officer
    roles: [CEO]
    department: Executive
    reports_to: board
    email: dana@example.com
    location: Paris
    photo: dana.png
    fields: {cost_center: C-100}
  - id: board
    kind: board
  - id: ea
    reports_to: ceo
    assistant: true
    dotted: [cfo, {to: gc, type: advisory}]
  - id: open
    vacant: true
    reports_to: [ceo, board]
    roles: " ciso "
tops: [board]
`

func TestLoadYAMLFields(t *testing.T) {
	const f = "org.yaml"
	got, err := Chart(f, []byte(fullYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &graph.Org{
		Title: "Acme Corp", File: f, Format: "yaml", Pos: lp(f, 1, 1),
		Tops: []graph.Ref{{ID: "board", Pos: lp(f, 24, 8)}},
		People: []*graph.Person{
			{
				ID: "ceo", Name: "Dana Reyes", Title: "Chief Executive Officer", Department: "Executive",
				Email: "dana@example.com", Location: "Paris", Photo: "dana.png", Kind: graph.KindPerson,
				Roles:     []graph.Role{{Code: "CEO", Pos: lp(f, 7, 13)}},
				ReportsTo: []graph.Ref{{ID: "board", Pos: lp(f, 9, 17)}},
				Fields:    map[string]string{"cost_center": "C-100"},
				Index:     0, Pos: lp(f, 4, 3),
				FieldPos: []graph.FieldAt{
					{Name: "id", Pos: lp(f, 4, 9)}, {Name: "name", Pos: lp(f, 5, 11)}, {Name: "title", Pos: lp(f, 6, 12)}, {Name: "roles", Pos: lp(f, 7, 12)},
					{Name: "department", Pos: lp(f, 8, 17)}, {Name: "reports_to", Pos: lp(f, 9, 17)}, {Name: "email", Pos: lp(f, 10, 12)},
					{Name: "location", Pos: lp(f, 11, 15)}, {Name: "photo", Pos: lp(f, 12, 12)}, {Name: "fields", Pos: lp(f, 13, 13)},
				},
			},
			{
				ID: "board", Kind: graph.KindBoard, Index: 1, Pos: lp(f, 14, 3),
				FieldPos: []graph.FieldAt{{Name: "id", Pos: lp(f, 14, 9)}, {Name: "kind", Pos: lp(f, 15, 11)}},
			},
			{
				ID: "ea", Kind: graph.KindPerson, Index: 2, Pos: lp(f, 16, 3),
				ReportsTo:   []graph.Ref{{ID: "ceo", Pos: lp(f, 17, 17)}},
				AssistantTo: &graph.Ref{ID: "ceo", Pos: lp(f, 18, 16)},
				Dotted:      []graph.Ref{{ID: "cfo", Pos: lp(f, 19, 14)}, {ID: "gc", Type: "advisory", Pos: lp(f, 19, 24)}},
				FieldPos: []graph.FieldAt{{Name: "id", Pos: lp(f, 16, 9)}, {Name: "reports_to", Pos: lp(f, 17, 17)}, {Name: "assistant", Pos: lp(f, 18, 16)},
					{Name: "dotted", Pos: lp(f, 19, 13)}},
			},
			{
				ID: "open", Kind: graph.KindPerson, Index: 3, Pos: lp(f, 20, 3), Vacant: true,
				ReportsTo: []graph.Ref{{ID: "ceo", Pos: lp(f, 22, 18)}, {ID: "board", Pos: lp(f, 22, 23)}},
				Roles:     []graph.Role{{Code: "CISO", Pos: lp(f, 23, 12)}},
				FieldPos: []graph.FieldAt{{Name: "id", Pos: lp(f, 20, 9)}, {Name: "vacant", Pos: lp(f, 21, 13)}, {Name: "reports_to", Pos: lp(f, 22, 17)},
					{Name: "roles", Pos: lp(f, 23, 12)}},
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(%s) mismatch (-want +got):\n%s", f, diff)
	}
}

func TestLoadYAMLPolicy(t *testing.T) {
	const f = "p.yaml"
	src := `people: []
policy:
  profiles: [core, security]
  rules:
    ORG009: {severity: error, max: 8}
    org010: off
    SEC004: warn
  exceptions:
    - {rule: sec002, id: ciso, reason: "interim structure", approved_by: audit-committee, until: 2027-03-31}
    - rule: SEC007
      id: cso
`
	org, err := Chart(f, []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &graph.PolicySpec{
		Profiles:   []string{"core", "security"},
		ProfilePos: []diag.Pos{lp(f, 3, 14), lp(f, 3, 20)},
		Rules: map[string]graph.RuleSetting{
			"ORG009": {Severity: "error", Params: map[string]int{"max": 8}, Pos: lp(f, 5, 5)},
			"ORG010": {Off: true, Pos: lp(f, 6, 5)},
			"SEC004": {Severity: "warning", Pos: lp(f, 7, 5)},
		},
		Exceptions: []graph.Exception{
			{Rule: "SEC002", ID: "ciso", Reason: "interim structure", ApprovedBy: "audit-committee",
				Until: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), Pos: lp(f, 9, 7)},
			{Rule: "SEC007", ID: "cso", Pos: lp(f, 10, 5)},
		},
		Pos: lp(f, 3, 3),
	}
	if diff := cmp.Diff(want, org.Policy); diff != "" {
		t.Errorf("policy mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadYAMLUnknownFields(t *testing.T) {
	const f = "u.yaml"
	src := `version: 1
peopel: x
people:
  - id: ann
    reportsto: bob
    dotted: [{to: bob, kind: matrix}]
    xyzzy: 1
policy:
  rulez: {}
  exceptions:
    - {rule: SEC002, id: ann, approver: me}
`
	org, err := Chart(f, []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := func(line, col int, subject, msg string) diag.Diagnostic {
		return diag.Diagnostic{Code: "ORG011", Rule: "unknown-field", Severity: diag.SeverityWarning, Pos: lp(f, line, col), Subject: subject, Message: msg}
	}
	want := []diag.Diagnostic{
		w(2, 1, "", `unknown field "peopel" (did you mean "people"?)`),
		w(5, 5, "ann", `unknown field "reportsto" (did you mean "reports_to"?)`),
		w(6, 24, "ann", `unknown field "kind" (a dotted line has "to" and "type")`),
		w(7, 5, "ann", `unknown field "xyzzy" (put free-form data under "fields")`),
		w(9, 3, "", `unknown policy field "rulez" (did you mean "rules"?)`),
		w(11, 31, "", `unknown exception field "approver" (did you mean "approved_by"?)`),
	}
	if diff := cmp.Diff(want, org.Diagnostics); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
	}
}

// errStrings flattens a load error into "file:line:col: msg" lines.
func errStrings(t *testing.T, err error) []string {
	t.Helper()
	var list diag.ErrorList
	var one *diag.Error
	switch {
	case errors.As(err, &list):
		var out []string
		for _, e := range list {
			out = append(out, e.Error())
		}
		return out
	case errors.As(err, &one):
		return []string{one.Error()}
	case err == nil:
		return nil
	}
	t.Fatalf("error %v (%T) is neither ErrorList nor *Error", err, err)
	return nil
}

func TestLoadYAMLErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{`e.yaml:1:1: the chart is empty: write a "people:" list of entries, each with an "id"`}},
		{"comment only", "# nothing\n", []string{`e.yaml:1:1: the chart is empty: write a "people:" list of entries, each with an "id"`}},
		{"not a mapping", "- a\n- b\n", []string{`e.yaml:1:1: a chart must be a mapping with a "people:" list, not a list`}},
		{"no people", "org: x\n", []string{`e.yaml:1:1: the chart has no "people:" list: add one with an entry per person, each with an "id"`}},
		{"people not list", "people: {id: a}\n", []string{`e.yaml:1:9: "people" must be a list of entries ("- id: ..."), not a mapping`}},
		{"version", "version: 2\npeople: []\n", []string{`e.yaml:1:10: unsupported chart version "2": this orgchart reads version 1 (write ` + "`version: 1`)"}},
		{"missing id", "people:\n  - name: x\n", []string{`e.yaml:2:3: entry has no "id": add a unique id such as "id: jdoe"`}},
		{"empty id", "people:\n  - id: \"\"\n", []string{`e.yaml:2:9: "id" is empty: give the entry a unique id such as "id: jdoe"`}},
		{"map for string", "people:\n  - id: a\n    name: {first: x}\n", []string{`e.yaml:3:11: "name" must be a single value, not a mapping: write it as ` + "`name: text`"}},
		{"entry not mapping", "people:\n  - a\n", []string{`e.yaml:2:5: each entry of "people" must be a mapping such as "- id: jdoe", not "a"`}},
		{"bad bool", "people:\n  - id: a\n    vacant: maybe\n", []string{`e.yaml:3:13: "vacant" must be true or false, not "maybe"`}},
		{"bad kind", "people:\n  - id: a\n    kind: robot\n", []string{`e.yaml:3:11: unknown kind "robot": write person, board or committee`}},
		{"assistant no manager", "people:\n  - id: a\n    assistant: true\n", []string{`e.yaml:3:16: "assistant: true" needs a manager: add "reports_to" (or "assistant_to") with the id of the person assisted`}},
		{"dotted no to", "people:\n  - id: a\n    dotted: [{type: x}]\n", []string{`e.yaml:3:14: dotted line has no "to": write {to: ID, type: advisory}`}},
		{"dotted list item", "people:\n  - id: a\n    dotted: [[b]]\n", []string{`e.yaml:3:14: each dotted line must be an id or {to: ID, type: TYPE}, not a list`}},
		{"empty ref", "people:\n  - id: a\n    reports_to: [\"\"]\n", []string{`e.yaml:3:18: empty id in "reports_to": write the id of an entry`}},
		{"fields nested", "people:\n  - id: a\n    fields: {x: [1]}\n", []string{`e.yaml:3:17: "x" must be a single value, not a list: write it as ` + "`x: text`"}},
		{"duplicate key", "people:\n  - id: a\n    id: b\n", []string{`e.yaml:3:5: duplicate key "id" (first at line 2): keep one`}},
		{"anchor", "people:\n  - &x {id: a}\n  - *x\n", []string{
			`e.yaml:2:5: YAML anchors (&x) are not supported: write the value out in full`,
			`e.yaml:3:5: YAML aliases (*x) are not supported: write the value out in full`}},
		{"merge", "people:\n  - id: a\n    <<: {name: b}\n", []string{`e.yaml:3:5: YAML merge keys (<<) are not supported: write the fields out in full`}},
		{"two documents", "people: []\n---\npeople: []\n", []string{`e.yaml:2:1: a second YAML document ("---") follows the chart: keep one chart per file`}},
		{"syntax", "people:\n  - id: a\n   name: b\n", []string{`e.yaml:3:4: invalid YAML: did not find expected '-' indicator: check the indentation and quoting on this line and the one before`}},
		{"tab", "people:\n\t- id: a\n", []string{`e.yaml:2:1: invalid YAML: found character that cannot start any token: check the indentation and quoting on this line and the one before`}},
		{"bad date", "people: []\npolicy:\n  exceptions:\n    - {rule: SEC002, id: a, until: 31/03/2027}\n", []string{`e.yaml:4:36: bad date "31/03/2027" in "until": write YYYY-MM-DD, such as 2027-03-31`}},
		{"exception no rule", "people: []\npolicy:\n  exceptions:\n    - {id: a}\n", []string{`e.yaml:4:7: exception has no "rule": name the rule it suppresses, such as "rule: SEC002"`}},
		{"rule setting", "people: []\npolicy:\n  rules:\n    ORG009: loud\n", []string{`e.yaml:4:13: rule "ORG009": unknown setting "loud": write off, error, warning or info`}},
		{"rule param", "people: []\npolicy:\n  rules:\n    ORG009: {max: lots}\n", []string{`e.yaml:4:19: rule "ORG009": parameter "max" must be a whole number such as 8, not "lots"`}},
		{"several sorted", "people:\n  - id: a\n    vacant: maybe\n  - name: b\n    kind: robot\n", []string{
			`e.yaml:3:13: "vacant" must be true or false, not "maybe"`,
			`e.yaml:4:3: entry has no "id": add a unique id such as "id: jdoe"`,
			`e.yaml:5:11: unknown kind "robot": write person, board or committee`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org, err := Chart("e.yaml", []byte(tt.src), Options{})
			if err == nil {
				t.Fatalf("Load(%q) = %d people, want error", tt.src, len(org.People))
			}
			if diff := cmp.Diff(tt.want, errStrings(t, err)); diff != "" {
				t.Errorf("Load(%q) errors mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestLoadYAMLShapes(t *testing.T) {
	// Scalars where lists are allowed, nulls, numbers as ids, a BOM.
	src := "\ufeffpeople:\n  - id: 7\n    reports_to:\n    dotted: 8\n    roles: CIO, ciso\n    assistant_to: 8\n  - id: 8\n    vacant: yes\n    kind: Committee\n"
	org, err := Chart("s.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := org.People[0], org.People[1]
	if a.ID != "7" || len(a.ReportsTo) != 0 || len(a.Dotted) != 1 || a.Dotted[0].ID != "8" {
		t.Errorf("entry 7 = %+v", a)
	}
	if got := []string{a.Roles[0].Code, a.Roles[1].Code}; !cmp.Equal(got, []string{"CIO", "CISO"}) {
		t.Errorf("roles = %v, want [CIO CISO]", got)
	}
	if a.AssistantTo == nil || a.AssistantTo.ID != "8" {
		t.Errorf("AssistantTo = %v, want 8", a.AssistantTo)
	}
	if !b.Vacant || b.Kind != graph.KindCommittee {
		t.Errorf("entry 8 = vacant %v kind %q, want true committee", b.Vacant, b.Kind)
	}
}

func TestLoadErrorsArePositioned(t *testing.T) {
	// Every error names a line, whatever the format.
	for _, in := range []struct{ name, src string }{
		{"a.yaml", "people: [\n"}, {"a.json", "{"}, {"a.csv", "id\n\"x\n"}, {"a.yaml", ":\n"},
		{"a.json", `{"people": [{"id": "a"}], "people": []}`}, {"a.csv", ""},
	} {
		_, err := Chart(in.name, []byte(in.src), Options{})
		lines := errStrings(t, err)
		if len(lines) == 0 {
			t.Errorf("Load(%s, %q) = nil error, want one", in.name, in.src)
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, in.name+":") || strings.HasPrefix(l, in.name+":0") {
				t.Errorf("Load(%s, %q) error %q has no position", in.name, in.src, l)
			}
		}
	}
}

// TestLoadTestdataCharts loads the sample charts (also fuzz seeds) and
// checks what each holds.
func TestLoadTestdataCharts(t *testing.T) {
	tests := []struct {
		file   string
		people int
		roles  map[string][]string // id → role codes
	}{
		{"acme.yaml", 7, map[string][]string{"board": nil, "audit": {"AUDIT_COMMITTEE"}, "ceo": {"CEO"}, "ciso": {"CISO"}, "sec-eng": nil}},
		{"acme.json", 5, map[string][]string{"ceo": {"CEO"}, "cto": {"CTO"}, "ciso": {"CISO"}, "cso": nil}},
		{"hr.csv", 4, map[string][]string{"100": {"CEO"}, "101": {"CIO"}, "102": {"CIO", "CISO"}, "103": nil}},
	}
	for _, tt := range tests {
		org, err := File("testdata/charts/"+tt.file, Options{})
		if err != nil {
			t.Errorf("LoadFile(%s): %v", tt.file, err)
			continue
		}
		if len(org.People) != tt.people {
			t.Errorf("%s: %d people, want %d", tt.file, len(org.People), tt.people)
		}
		if len(org.Diagnostics) != 0 {
			t.Errorf("%s: unexpected diagnostics %v", tt.file, org.Diagnostics)
		}
		for _, p := range org.People {
			want, ok := tt.roles[p.ID]
			if !ok {
				continue
			}
			var got []string
			for _, r := range p.Roles {
				got = append(got, r.Code)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: %q roles (-want +got):\n%s", tt.file, p.ID, diff)
			}
		}
	}
	// The CSV's manager e-mails resolve to employee numbers.
	org, err := File("testdata/charts/hr.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := org.People[2].ReportsTo[0].ID; got != "101" {
		t.Errorf("hr.csv: 102 reports to %q, want 101", got)
	}
	if _, err := File("testdata/charts/missing.yaml", Options{}); err == nil {
		t.Errorf("LoadFile(missing) = nil error")
	}
}

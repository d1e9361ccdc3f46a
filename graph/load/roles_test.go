package load

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
)

func TestInferRoles(t *testing.T) {
	tests := []struct {
		title     string
		codes     []string
		ambiguous bool
	}{
		{"Chief Executive Officer", []string{"CEO"}, false},
		{"  chief   EXECUTIVE officer ", []string{"CEO"}, false},
		{"CEO", []string{"CEO"}, false},
		{"Chief Operating Officer", []string{"COO"}, false},
		{"coo", []string{"COO"}, false},
		{"Chief Financial Officer", []string{"CFO"}, false},
		{"CFO", []string{"CFO"}, false},
		{"Chief Information Officer", []string{"CIO"}, false},
		{"CIO", []string{"CIO"}, false},
		{"Chief Technology Officer", []string{"CTO"}, false},
		{"CTO", []string{"CTO"}, false},
		{"Chief Information Security Officer", []string{"CISO"}, false},
		{"CISO", []string{"CISO"}, false},
		{"Chief Security Officer", []string{"CSO"}, false},
		{"Chief Risk Officer", []string{"CRO"}, false},
		{"CRO", []string{"CRO"}, false},
		{"General Counsel", []string{"GC"}, false},
		{"Chief Legal Officer", []string{"GC"}, false},
		{"Data Protection Officer", []string{"DPO"}, false},
		{"DPO", []string{"DPO"}, false},
		{"Chief Audit Executive", []string{"CAE"}, false},
		{"Head of Internal Audit", []string{"CAE"}, false},
		{"Director of Internal Audit", []string{"CAE"}, false},
		{"Head of IT Operations", []string{"ITOPS"}, false},
		{"VP IT Operations", []string{"ITOPS"}, false},
		{"IT Operations Director", []string{"ITOPS"}, false},
		{"Board of Directors", []string{"BOARD"}, false},
		{"Board", []string{"BOARD"}, false},
		{"Audit Committee", []string{"AUDIT_COMMITTEE"}, false},
		{"Risk Committee", []string{"RISK_COMMITTEE"}, false},
		// Combined titles.
		{"CIO & CISO", []string{"CIO", "CISO"}, false},
		{"Chief Information Officer and CISO", []string{"CIO", "CISO"}, false},
		{"CFO/COO", []string{"CFO", "COO"}, false},
		{"CIO & CIO", []string{"CIO"}, false},
		// Ambiguous.
		{"CSO", nil, true},
		{"cso", nil, true},
		{"CIO & CSO", []string{"CIO"}, true},
		// Not in the table: exact, no guessing.
		{"", nil, false},
		{"Software Engineer", nil, false},
		{"Deputy CISO", nil, false},
		{"Chief Information Security Officer (Interim)", nil, false},
		{"CISO & Engineer", nil, false},
		{"Audit and Risk Committee", nil, false},
		{"CIO &", nil, false},
	}
	for _, tt := range tests {
		codes, amb := InferRoles(tt.title)
		if !cmp.Equal(tt.codes, codes) || amb != tt.ambiguous {
			t.Errorf("InferRoles(%q) = %v, %v, want %v, %v", tt.title, codes, amb, tt.codes, tt.ambiguous)
		}
	}
}

func TestRoleCodes(t *testing.T) {
	want := []string{"AUDIT_COMMITTEE", "BOARD", "CAE", "CEO", "CFO", "CIO", "CISO", "COO", "CRO", "CSO", "CTO", "DPO", "GC", "ITOPS", "RISK_COMMITTEE"}
	if diff := cmp.Diff(want, graph.RoleCodes); diff != "" {
		t.Errorf("RoleCodes (-want +got):\n%s", diff)
	}
	if !slices.IsSorted(graph.RoleCodes) {
		t.Errorf("RoleCodes not sorted")
	}
	for _, c := range want {
		if !graph.KnownRole(c) {
			t.Errorf("KnownRole(%q) = false", c)
		}
	}
	for _, c := range []string{"", "ciso", "CHRO", "CSO "} {
		if graph.KnownRole(c) {
			t.Errorf("KnownRole(%q) = true", c)
		}
	}
	// Every code the title table gives is in the catalog.
	for title, c := range titleRoles {
		if !graph.KnownRole(c) {
			t.Errorf("title %q maps to unknown code %q", title, c)
		}
	}
}

func TestLoadInferRoles(t *testing.T) {
	src := `people:
  - id: b
    title: Board of Directors
  - id: b2
    title: Board
    kind: person
  - id: ac
    title: Risk Committee
  - id: cso
    title: CSO
  - id: x
    title: CIO & CISO
    roles: []
  - id: y
    title: CISO
    roles: [CIO]
`
	for _, noInfer := range []bool{false, true} {
		org, err := Chart("i.yaml", []byte(src), Options{NoInferRoles: noInfer})
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			ID        string
			Kind      graph.Kind
			Roles     []graph.Role
			Ambiguous bool
		}
		var got []row
		for _, p := range org.People {
			got = append(got, row{p.ID, p.Kind, p.Roles, p.TitleAmbiguous})
		}
		inf := func(code string, line int) []graph.Role {
			return []graph.Role{{Code: code, Pos: lp("i.yaml", line, 12), Inferred: true}}
		}
		want := []row{
			{"b", graph.KindBoard, inf("BOARD", 3), false},
			{"b2", graph.KindPerson, inf("BOARD", 5), false},
			{"ac", graph.KindCommittee, inf("RISK_COMMITTEE", 8), false},
			{"cso", graph.KindPerson, nil, true},
			{"x", graph.KindPerson, []graph.Role{{Code: "CIO", Pos: lp("i.yaml", 12, 12), Inferred: true}, {Code: "CISO", Pos: lp("i.yaml", 12, 12), Inferred: true}}, false},
			{"y", graph.KindPerson, []graph.Role{{Code: "CIO", Pos: lp("i.yaml", 16, 13)}}, false},
		}
		if noInfer {
			want = []row{
				{"b", graph.KindPerson, nil, false}, {"b2", graph.KindPerson, nil, false}, {"ac", graph.KindPerson, nil, false},
				{"cso", graph.KindPerson, nil, false}, {"x", graph.KindPerson, nil, false},
				{"y", graph.KindPerson, []graph.Role{{Code: "CIO", Pos: lp("i.yaml", 16, 13)}}, false},
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("NoInferRoles=%v (-want +got):\n%s", noInfer, diff)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"a.yaml", "{}", "yaml"},
		{"a.YML", "", "yaml"},
		{"a.json", "people: []", "json"},
		{"a.csv", "people: []", "csv"},
		{"a.tsv", "", "csv"},
		{"-", `{"people": []}`, "json"},
		{"-", "\ufeff  [1]", "json"},
		{"-", "people:\n  - id: a\n", "yaml"},
		{"-", "# chart\npeople: []\n", "yaml"},
		{"-", "---\npeople: []\n", "yaml"},
		{"-", "- a\n", "yaml"},
		{"-", "id,name,manager id\n1,a,\n", "csv"},
		{"-", "\ufeffid;name\n", "csv"},
		{"-", "id\tname\n", "csv"},
		{"-", "org: a, b\n", "yaml"},
		{"<stdin>", "", "yaml"},
		{"-", "id\n1\n", "yaml"},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestLoadFormatOption(t *testing.T) {
	// The explicit format wins over the name.
	org, err := Chart("chart.txt", []byte("id,name\n1,A\n"), Options{Format: "csv"})
	if err != nil || org.Format != "csv" || len(org.People) != 1 {
		t.Errorf("Load(csv) = %v, %v", org, err)
	}
	if _, err := Chart("x", nil, Options{Format: "xml"}); err == nil {
		t.Errorf("Load(format xml) = nil error, want one")
	}
}

package load

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

func TestLoadCSVFields(t *testing.T) {
	const f = "hr.csv"
	src := "\ufeffEmployee Number,First Name,Last_Name,JOB TITLE,dept,Supervisor ID,Matrix Manager,Role Codes,Assistant,Vacant,E-mail,Office,Kind,fields.cost_center\r\n" +
		"1,Dana,Reyes,Chief Executive Officer,Exec,,,,,,dana@x.com,Paris,,C-100\r\n" +
		"2,Lee,\"Kim, Jr.\",\"Chief Information\nSecurity Officer\",Security,1,3|4,,no,0,lee@x.com,,,\r\n" +
		",,,,,,,,,,,,,\r\n" +
		"3,Ann,Ek,EA,Exec,1,,ceo; x ,yes,n,ann@x.com,,person,\r\n" +
		"4,,,Audit Committee,,,,,,true,,,,\r\n" +
		"\r\n"
	got, err := Chart(f, []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &graph.Org{
		File: f, Format: "csv", Pos: lp(f, 1, 1),
		People: []*graph.Person{
			{
				ID: "1", Name: "Dana Reyes", Title: "Chief Executive Officer", Department: "Exec", Email: "dana@x.com",
				Location: "Paris", Kind: graph.KindPerson, Fields: map[string]string{"cost_center": "C-100"},
				Roles: []graph.Role{{Code: "CEO", Pos: lp(f, 2, 4), Inferred: true}},
				Index: 0, Pos: lp(f, 2, 1),
			},
			{
				// A quoted title across two lines: its lines are folded by
				// the inference table's white-space folding.
				ID: "2", Name: "Lee Kim, Jr.", Title: "Chief Information\nSecurity Officer", Department: "Security",
				Email: "lee@x.com", Kind: graph.KindPerson,
				Roles:     []graph.Role{{Code: "CISO", Pos: lp(f, 3, 4), Inferred: true}},
				ReportsTo: []graph.Ref{{ID: "1", Pos: lp(f, 4, 6)}},
				Dotted:    []graph.Ref{{ID: "3", Pos: lp(f, 4, 7)}, {ID: "4", Pos: lp(f, 4, 7)}},
				Index:     1, Pos: lp(f, 3, 1),
			},
			{
				ID: "3", Name: "Ann Ek", Title: "EA", Department: "Exec", Email: "ann@x.com", Kind: graph.KindPerson,
				Roles:       []graph.Role{{Code: "CEO", Pos: lp(f, 6, 8)}, {Code: "X", Pos: lp(f, 6, 8)}},
				ReportsTo:   []graph.Ref{{ID: "1", Pos: lp(f, 6, 6)}},
				AssistantTo: &graph.Ref{ID: "1", Pos: lp(f, 6, 9)},
				Index:       2, Pos: lp(f, 6, 1),
				FieldPos: []graph.FieldAt{{Name: "assistant", Pos: lp(f, 6, 9)}, {Name: "kind", Pos: lp(f, 6, 13)}},
			},
			{
				ID: "4", Title: "Audit Committee", Kind: graph.KindCommittee, Vacant: true,
				Roles: []graph.Role{{Code: "AUDIT_COMMITTEE", Pos: lp(f, 7, 4), Inferred: true}},
				Index: 3, Pos: lp(f, 7, 1),
				FieldPos: []graph.FieldAt{{Name: "vacant", Pos: lp(f, 7, 10)}},
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(%s) mismatch (-want +got):\n%s", f, diff)
	}
	// A CSV entry keeps few positions; At still finds each cell.
	ats := []struct {
		index int
		field string
		want  diag.Pos
	}{
		{0, "id", lp(f, 2, 1)}, {0, "title", lp(f, 2, 4)}, {0, "name", lp(f, 2, 1)},
		{1, "reports_to", lp(f, 4, 6)}, {1, "dotted", lp(f, 4, 7)}, {1, "title", lp(f, 3, 4)},
		{2, "roles", lp(f, 6, 8)}, {2, "assistant_to", lp(f, 6, 9)}, {2, "kind", lp(f, 6, 13)},
		{3, "vacant", lp(f, 7, 10)},
	}
	for _, a := range ats {
		if got := got.People[a.index].At(a.field); got != a.want {
			t.Errorf("entry %d At(%q) = %v, want %v", a.index, a.field, got, a.want)
		}
	}
}

func TestLoadCSVPositionsKept(t *testing.T) {
	// The id when not in column 1, and an ambiguous title.
	const f = "k.csv"
	org, err := Chart(f, []byte("name,title,employee id\nA,CSO,7\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.FieldAt{{Name: "id", Pos: lp(f, 2, 3)}, {Name: "title", Pos: lp(f, 2, 2)}}
	if diff := cmp.Diff(want, org.People[0].FieldPos); diff != "" {
		t.Errorf("FieldPos (-want +got):\n%s", diff)
	}
}

// TestLoadCSVAliases checks that every documented header alias is
// recognised, in any case and spelling of separators.
func TestLoadCSVAliases(t *testing.T) {
	for _, a := range csvAliases {
		for _, name := range a.names {
			for _, spelled := range []string{name, strings.ToUpper(name), strings.ReplaceAll(name, " ", "_"), strings.ReplaceAll(name, " ", "-")} {
				idHeader := "id"
				if a.col == colID {
					idHeader = "ignored"
				}
				value := "y"
				switch a.col {
				case colKind:
					value = "board"
				case colAssistant:
					value = "no"
				}
				src := idHeader + "," + spelled + "\nx," + value + "\n"
				org, err := Chart("a.csv", []byte(src), Options{NoInferRoles: true})
				if a.col == colID {
					// The alias is the id column; "ignored" is unknown.
					if err != nil || org.People[0].ID != "y" {
						t.Errorf("header %q: id = %v, %v; want y", spelled, org, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("header %q: %v", spelled, err)
					continue
				}
				for _, d := range org.Diagnostics {
					t.Errorf("header %q: unexpected %v", spelled, d)
				}
			}
		}
	}
}

func TestLoadCSVDelimitersAndEmails(t *testing.T) {
	tests := []struct {
		name, src string
		ids       []string
		managers  []string
	}{
		{"semicolon", "Employee ID;Name;Manager ID\n1;A, B;\n2;C;1\n", []string{"1", "2"}, []string{"", "1"}},
		{"tab", "id\tname\treports to\n1\tA\t\n2\tB\t1\n", []string{"1", "2"}, []string{"", "1"}},
		// No id column: the e-mail is the id.
		{"email id", "Email,Name,Manager Email\na@x.com,A,\nb@x.com,B,A@X.com\n", []string{"a@x.com", "b@x.com"}, []string{"", "A@X.com"}},
		// Employee numbers as ids, managers as e-mails: rewritten to ids.
		{"email managers", "Employee ID,Email,Manager Email\n10,a@x.com,\n11,b@x.com,A@x.com\n12,c@x.com,nobody@x.com\n", []string{"10", "11", "12"}, []string{"", "10", "nobody@x.com"}},
		{"no trailing newline", "id,manager\n1,\n2,1", []string{"1", "2"}, []string{"", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org, err := Chart("d.csv", []byte(tt.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var ids, managers []string
			for _, p := range org.People {
				ids = append(ids, p.ID)
				m := ""
				if len(p.ReportsTo) > 0 {
					m = p.ReportsTo[0].ID
				}
				managers = append(managers, m)
			}
			if diff := cmp.Diff(tt.ids, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.managers, managers); diff != "" {
				t.Errorf("managers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadCSVColumnsReported(t *testing.T) {
	const f = "c.csv"
	src := "id,Manager,Manager ID,Cost Center,parentid2,name\n1,Dana,,C1,,A\n"
	org, err := Chart(f, []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := func(col int, msg string) diag.Diagnostic {
		return diag.Diagnostic{Code: "ORG011", Rule: "unknown-field", Severity: diag.SeverityWarning, Pos: lp(f, 1, col), Message: msg}
	}
	want := []diag.Diagnostic{
		w(2, `column "Manager" is ignored: column "Manager ID" already gives the reports_to (remove or rename one)`),
		w(4, `unknown column "Cost Center" (rename it "fields.Cost Center" to keep it as a free-form field)`),
		w(5, `unknown column "parentid2" (did you mean "parent id"?)`),
	}
	if diff := cmp.Diff(want, org.Diagnostics); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestLoadCSVErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{`e.csv:1:1: the CSV file is empty: its first row must be a header naming the columns, such as "id,name,title,manager id"`}},
		{"only blank lines", "\n\n", []string{`e.csv:1:1: the CSV file is empty: its first row must be a header naming the columns, such as "id,name,title,manager id"`}},
		{"no id column", "\nname,title\nA,B\n", []string{`e.csv:2:1: the CSV header has no id column: name one "id", "employee id", "employee number", "person id", "worker id" or "email"`}},
		{"too many fields", "id,name\n1,A,extra\n", []string{`e.csv:2:1: row has 3 fields but the header has 2: quote cells that contain the delimiter, and give every row one cell per column`}},
		{"too few fields", "id,name,title\n1,A\n", []string{`e.csv:2:1: row has 2 fields but the header has 3: quote cells that contain the delimiter, and give every row one cell per column`}},
		{"bad vacant", "id,vacant\n1,maybe\n", []string{`e.csv:2:2: "vacant" must be true or false (yes/no, 1/0), not "maybe"`}},
		{"bad kind", "id,kind\n1,robot\n", []string{`e.csv:2:2: unknown kind "robot": write person, board or committee`}},
		{"no id", "name,id\nA,\n", []string{`e.csv:2:2: row has no id: fill the "id" column with a unique id`}},
		{"assistant without manager", "id,assistant\n1,true\n", []string{`e.csv:2:2: an assistant needs a manager: fill the manager column with the id of the person assisted`}},
		// Quote errors at the line and field (the column number) of the
		// quote at fault, not a byte column or the end of the file.
		{"bare quote", "id,name\n1,A \"B\"\n", []string{`e.csv:2:2: invalid CSV: bare " in non-quoted-field: quote the whole cell and double each quote inside it ("")`}},
		{"bare quote in the header", "id,na\"me\n1,A\n", []string{`e.csv:1:2: invalid CSV: bare " in non-quoted-field: quote the whole cell and double each quote inside it ("")`}},
		{"bare quote after a quoted cell", "id,title,name\n1,\"x\ny\",A \"B\n", []string{`e.csv:3:3: invalid CSV: bare " in non-quoted-field: quote the whole cell and double each quote inside it ("")`}},
		{"bare quote, semicolons", "id;title;name\n1;ab;c\"d\n", []string{`e.csv:2:3: invalid CSV: bare " in non-quoted-field: quote the whole cell and double each quote inside it ("")`}},
		{"unclosed quote", "id,name\n1,\"A\n", []string{`e.csv:2:2: invalid CSV: the quoted cell that starts here is never closed: end it with a quote, and double each quote inside it ("")`}},
		{"unclosed quote, rows after", "id,title,name\n1,CEO,A\n2,\"CTO,B\n" + strings.Repeat("3,X,C\n", 50), []string{`e.csv:3:2: invalid CSV: the quoted cell that starts here is never closed: end it with a quote, and double each quote inside it ("")`}},
		{"unclosed quote after a quoted cell", "id,title,name\n1,\"x\n\"\"y\"\"\",\"A\n\n", []string{`e.csv:3:3: invalid CSV: the quoted cell that starts here is never closed: end it with a quote, and double each quote inside it ("")`}},
		{"text after the closing quote", "id,name\n1,\"A\"B\n", []string{`e.csv:2:2: invalid CSV: extraneous or missing " in quoted-field: close the quoted cell, and double each quote inside it ("")`}},
		{"several sorted", "id,vacant\n1,maybe\n2\n,no\n", []string{
			`e.csv:2:2: "vacant" must be true or false (yes/no, 1/0), not "maybe"`,
			`e.csv:3:1: row has 1 fields but the header has 2: quote cells that contain the delimiter, and give every row one cell per column`,
			`e.csv:4:1: row has no id: fill the "id" column with a unique id`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org, err := Chart("e.csv", []byte(tt.src), Options{})
			if err == nil {
				t.Fatalf("Load(%q) = %d people, want error", tt.src, len(org.People))
			}
			if diff := cmp.Diff(tt.want, errStrings(t, err)); diff != "" {
				t.Errorf("Load(%q) errors mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestLoadCSVNoInferRoles(t *testing.T) {
	src := "id,title,roles\n1,Chief Information Officer,\n2,CSO,\n3,CIO,ciso\n"
	for _, off := range []bool{false, true} {
		org, err := Chart("r.csv", []byte(src), Options{NoInferRoles: off})
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		for _, p := range org.People {
			var codes []string
			for _, r := range p.Roles {
				codes = append(codes, r.Code)
			}
			got = append(got, codes)
		}
		want := [][]string{{"CIO"}, nil, {"CISO"}}
		if off {
			want = [][]string{nil, nil, {"CISO"}}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("NoInferRoles=%v roles (-want +got):\n%s", off, diff)
		}
		if amb := org.People[1].TitleAmbiguous; amb == off {
			t.Errorf("NoInferRoles=%v: CSO TitleAmbiguous = %v, want %v", off, amb, !off)
		}
	}
}

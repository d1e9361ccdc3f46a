package load

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestColumns: a mapped column gives its field (winning over an alias
// column for the same field, which is then reported as ignored), in CSV
// and xlsx; a bad mapping is an error naming the field or the column.
func TestColumns(t *testing.T) {
	const csv = "Emp,Name,Title,Business Title Text,Boss Name\n1,Avery Chen,x,Chief Executive Officer,\n2,Blake Ortiz,y,Chief Information Officer,Avery Chen\n"
	org, err := Chart("w.csv", []byte(csv), Options{Columns: map[string]string{"id": "emp", "title": "Business Title Text", "reports_to": "Boss Name"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range org.People {
		mgr := ""
		if len(p.ReportsTo) > 0 {
			mgr = p.ReportsTo[0].ID
		}
		got = append(got, p.ID+"|"+p.Title+"|"+mgr)
	}
	if diff := cmp.Diff([]string{"1|Chief Executive Officer|", "2|Chief Information Officer|1"}, got); diff != "" {
		t.Errorf("mapped columns (-want +got):\n%s", diff)
	}
	if len(org.Diagnostics) != 1 || !strings.Contains(org.Diagnostics[0].Message, `column "Title" is ignored`) {
		t.Errorf("diagnostics = %v, want the alias column Title reported as ignored", org.Diagnostics)
	}
	if !org.People[1].HasRole("CIO") {
		t.Errorf("roles of 2 = %v, want CIO inferred from the mapped title", org.People[1].Roles)
	}

	book := workbook(t, []string{"Staff"}, map[string][][]any{"Staff": {{"Emp", "Business Title Text"}, {1001, "CEO"}}})
	org, err = Chart("w.xlsx", book, Options{Columns: map[string]string{"id": "Emp", "title": "business title text"}})
	if err != nil || len(org.People) != 1 || org.People[0].ID != "1001" || org.People[0].Title != "CEO" {
		t.Errorf("xlsx with mapped columns: %v, %v", org, err)
	}

	for _, tc := range []struct {
		cols map[string]string
		data string
		want string
	}{
		{map[string]string{"titel": "X"}, csv, `unknown field "titel" in a column mapping (did you mean "title"?)`},
		{map[string]string{"title": "Job"}, csv, `w.csv:1:1: no column "Job" in the header (mapped to the title): its columns are "Emp", "Name"`},
		{map[string]string{"title": "Emp", "id": "emp"}, csv, `column "Emp" is mapped to two fields`},
		{map[string]string{"title": "X"}, "people: []", "columns are mapped only in CSV and xlsx files, not yaml"},
	} {
		name := "w.csv"
		if !strings.Contains(tc.data, ",") {
			name = "w.yaml"
		}
		_, err := Chart(name, []byte(tc.data), Options{Columns: tc.cols})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Chart(%v) error = %v, want %q", tc.cols, err, tc.want)
		}
	}
}

// TestVacancies: vacancy names and empty worker cells with a position id
// make vacant positions; an explicit vacant column alone decides.
func TestVacancies(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		want      []string // id, vacant, name
	}{
		{"names", "id,Worker,Title,Manager ID\n1,Avery Chen,CEO,\n2,Vacant,CIO,1\n3,TBH (Q3),Engineer,2\n4,Open Position - Analyst,Analyst,2\n5,to be hired,Engineer,2\n6,Tbhagya Rao,Engineer,2\n7,Vacancy,Engineer,2\n",
			[]string{"1 false Avery Chen", "2 true ", "3 true ", "4 true ", "5 true ", "6 false Tbhagya Rao", "7 true "}},
		{"empty worker with a position id", "Employee ID,Worker,Business Title,Manager ID,Work Email\n1,Avery Chen,CEO,,a@x\n2,,CIO,1,\n3,,Engineer,1,c@x\n",
			[]string{"1 false Avery Chen", "2 true ", "3 false "}},
		{"no name column", "id,title,manager id\n1,CEO,\n2,CIO,1\n",
			[]string{"1 false ", "2 false "}},
		{"a vacant column decides", "id,name,vacant\n1,Vacant,no\n2,,yes\n3,,\n",
			[]string{"1 false Vacant", "2 true ", "3 false "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			org, err := Chart("v.csv", []byte(tc.csv), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range org.People {
				got = append(got, strings.Join([]string{p.ID, map[bool]string{true: "true", false: "false"}[p.Vacant], p.Name}, " "))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
		})
	}
}

// TestIgnoredAttributes: directory attributes the chart does not use are
// noted once each (for --verbose), never ORG011.
func TestIgnoredAttributes(t *testing.T) {
	for _, tc := range []struct {
		format, data string
		want         []string
	}{
		{"entra", `{"value": [{"id": "1", "userPrincipalName": "a@x", "businessPhones": [], "manager@odata.context": "x"}, {"id": "2", "userPrincipalName": "b@x", "businessPhones": [], "mobilePhone": null}]}`,
			[]string{`x:1:52: attribute "businessPhones" ignored: the chart does not use it`, `x:1:167: attribute "mobilePhone" ignored: the chart does not use it`}},
		{"okta", `[{"id": "00u1", "status": "ACTIVE", "created": "2020", "profile": {"login": "a@x", "mobilePhone": "1"}}]`,
			[]string{`x:1:84: attribute "profile.mobilePhone" ignored: the chart does not use it`}},
		{"ldif", "dn: uid=a,dc=x\nobjectClass: person\nuid: a\ntelephoneNumber: 1\ntelephoneNumber: 2\n",
			[]string{`x:4:18: attribute "telephonenumber" ignored: the chart does not use it`}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			org, err := Chart("x", []byte(tc.data), Options{Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range org.Notes {
				got = append(got, n.Pos.String()+": "+n.Message)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
			if len(org.Diagnostics) > 0 {
				t.Errorf("diagnostics = %v, want none", org.Diagnostics)
			}
		})
	}
}

package load

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/orgchart/orgchart/graph/diag"
)

func TestCSVManagerNames(t *testing.T) {
	const data = "Worker,Business Title,Manager,Work Email\n" +
		"Avery Chen,Chief Executive Officer,,avery@x\n" + // line 2
		"Alex Kim,VP Sales,Avery Chen,alex.kim@x\n" + // 3
		"Alex Kim,VP Marketing,\"Chen, Avery\",alex.kim2@x\n" + // 4
		"Sam Lee,Account Executive,Alex Kim,sam@x\n" + // 5: ambiguous
		"Jo Ng,Analyst,Avery Chan,jo@x\n" + // 6: unknown, did you mean
		"Ed Wu,Analyst,Nobody Atall,ed@x\n" + // 7: unknown
		"Ivy Ho,Analyst,alex.kim2@x,ivy@x\n" // 8: an e-mail still works
	org, err := Chart("w.csv", []byte(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"avery@x [CEO] (Avery Chen; Chief Executive Officer; )",
		"alex.kim@x <- avery@x (Alex Kim; VP Sales; )",
		"alex.kim2@x <- avery@x (Alex Kim; VP Marketing; )",
		"sam@x (Sam Lee; Account Executive; )",
		"jo@x (Jo Ng; Analyst; )",
		"ed@x (Ed Wu; Analyst; )",
		"ivy@x <- alex.kim2@x (Ivy Ho; Analyst; )",
	}
	if diff := cmp.Diff(want, structure(org)); diff != "" {
		t.Errorf("structure (-want +got):\n%s", diff)
	}
	p := func(l, c int) diag.Pos { return diag.Pos{File: "w.csv", Line: l, Column: c} }
	wantDiags := []diag.Diagnostic{
		{Code: "ORG002", Rule: "unknown-reference", Severity: diag.SeverityError, Pos: p(5, 3), Subject: "sam@x",
			Message: `"sam@x" reports to "Alex Kim", a name that "alex.kim@x" and "alex.kim2@x" share: write the manager's id or e-mail address instead`,
			Related: []diag.Related{{Pos: p(3, 1), Message: `"alex.kim@x" is named "Alex Kim"`}, {Pos: p(4, 1), Message: `"alex.kim2@x" is named "Alex Kim"`}}},
		{Code: "ORG002", Rule: "unknown-reference", Severity: diag.SeverityError, Pos: p(6, 3), Subject: "jo@x",
			Message: `"jo@x" reports to "Avery Chan": no entry has this name or id (did you mean "Avery Chen"?)`,
			Related: []diag.Related{{Pos: p(2, 1), Message: `"Avery Chen" is here`}}},
		{Code: "ORG002", Rule: "unknown-reference", Severity: diag.SeverityError, Pos: p(7, 3), Subject: "ed@x",
			Message: `"ed@x" reports to "Nobody Atall": no entry has this name or id`},
	}
	if diff := cmp.Diff(wantDiags, org.Diagnostics); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestCSVManagerIDsUntouched checks that a file whose managers are ids is
// left to ORG002: an unknown id is not dropped nor reported by the loader.
func TestCSVManagerIDsUntouched(t *testing.T) {
	org, err := Chart("i.csv", []byte("id,name,manager id\n1,Ann,\n2,Bo,1\n3,Cy,9\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1 (Ann; ; )", "2 <- 1 (Bo; ; )", "3 <- 9 (Cy; ; )"}
	if diff := cmp.Diff(want, structure(org)); diff != "" || len(org.Diagnostics) != 0 {
		t.Errorf("structure (-want +got):\n%s\ndiagnostics: %v", diff, org.Diagnostics)
	}
}

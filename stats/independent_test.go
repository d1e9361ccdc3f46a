package stats

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/synth"
)

// generated returns a synthetic chart of about n entries made harder than
// synth makes it: a second top person with a team, a risk committee under
// the CEO with people under it (whose person-manager is the CEO), a vacant
// manager with reports, two people with a second solid-line manager, and a
// CSO under the CIO with no line to the board.
func generated(n int) *graph.Org {
	org := synth.Generate(n, 11)
	add := func(p graph.Person) {
		p.Index = len(org.People)
		if p.Kind == "" {
			p.Kind = graph.KindPerson
		}
		org.People = append(org.People, &p)
	}
	refs := func(ids ...string) []graph.Ref {
		var out []graph.Ref
		for _, id := range ids {
			out = append(out, graph.Ref{ID: id})
		}
		return out
	}
	add(graph.Person{ID: "founder", Name: "Founder", Department: "Ventures"})
	for _, id := range []string{"v1", "v2", "v3"} {
		add(graph.Person{ID: id, Name: "Venture " + id, Department: "Ventures", ReportsTo: refs("founder")})
	}
	add(graph.Person{ID: "v4", Department: "Labs", ReportsTo: refs("v1")})
	add(graph.Person{ID: "risk-committee", Name: "Risk Committee", Kind: graph.KindCommittee,
		Roles: []graph.Role{{Code: "RISK_COMMITTEE"}}, ReportsTo: refs("ceo")})
	add(graph.Person{ID: "rc1", Name: "Rita Cole", Department: "Risk", ReportsTo: refs("risk-committee")})
	add(graph.Person{ID: "rc2", Department: "Risk", ReportsTo: refs("risk-committee")})
	add(graph.Person{ID: "open-mgr", Department: "Risk", Vacant: true, ReportsTo: refs("rc1")})
	add(graph.Person{ID: "om1", Department: "Risk", ReportsTo: refs("open-mgr")})
	add(graph.Person{ID: "om2", Department: "Risk", Vacant: true, ReportsTo: refs("open-mgr")})
	add(graph.Person{ID: "cso", Name: "Sam Ortiz", Department: "Corporate Security",
		Roles: []graph.Role{{Code: "CSO"}}, ReportsTo: refs("cio")})
	add(graph.Person{ID: "dual", Department: "Engineering", ReportsTo: refs("cto", "coo")})
	add(graph.Person{ID: "dual2", Department: "Risk", ReportsTo: refs("rc2", "founder"), Dotted: refs("audit-committee")})
	return org
}

// TestIndependent compares Compute with an independent computation written
// in Python (standard library only; testdata/stats.py) on a generated chart.
func TestIndependent(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed for the independent computation of the stats (scripts/setup.sh installs it): %v", err)
	}
	var csv bytes.Buffer
	if err := synth.WriteCSV(&csv, generated(3000)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "org.csv")
	if err := os.WriteFile(path, csv.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	org, err := load.Chart(path, csv.Bytes(), load.Options{NoInferRoles: true})
	if err != nil {
		t.Fatal(err)
	}
	s := Compute(graph.Build(org))
	var goJSON bytes.Buffer
	if err := Write(&goJSON, "json", s, Options{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, filepath.Join("testdata", "stats.py"), path)
	cmd.Stderr = os.Stderr
	pyJSON, err := cmd.Output()
	if err != nil {
		t.Fatalf("stats.py: %v", err)
	}
	var got, want map[string]any
	if err := json.Unmarshal(goJSON.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(pyJSON, &want); err != nil {
		t.Fatal(err)
	}
	delete(got, "title")
	delete(got, "file")
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("stats (-python +Go):\n%s", d)
	}
	// The chart must exercise what the definitions distinguish.
	if s.Total.Vacancies == 0 || len(s.Units) < 10 || len(s.Security) != 2 || s.Security[1].BoardLine {
		t.Errorf("generated chart lacks vacancies, units or the second security leader: %+v %+v", s.Total, s.Security)
	}
	t.Logf("headcount %d, vacancies %d, managers %d, layers %d, span mean %.3f, %d departments, %d units",
		s.Total.Headcount, s.Total.Vacancies, s.Total.Managers, s.Total.Layers, s.Total.Span.Mean, len(s.Departments), len(s.Units))
}

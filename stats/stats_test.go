package stats

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/golden"
)

// small has a board, a risk committee under the CEO with a person under it
// (whose person-manager is the CEO), a vacancy, and a second top person.
const small = `org: Small Co
people:
  - id: board
    kind: board
  - id: risk
    kind: committee
    roles: [RISK_COMMITTEE]
    reports_to: ceo
  - id: ceo
    roles: [CEO]
    department: Exec
    reports_to: board
  - id: cfo
    name: Carl Jensen
    department: Finance
    reports_to: ceo
  - id: ciso
    name: Jo Dunn
    roles: [CISO]
    department: Security
    reports_to: cfo
    dotted: [risk]
  - id: an1
    department: Security
    reports_to: ciso
  - id: an2
    department: Security
    reports_to: ciso
    vacant: true
  - id: acc
    department: Finance
    reports_to: cfo
  - id: rk
    department: Risk
    reports_to: risk
  - id: founder
  - id: adv
    department: Advisory
    reports_to: founder
  - id: cso
    roles: [CSO]
    department: Security
    reports_to: founder
`

func compute(t *testing.T, name, src string) *Stats {
	t.Helper()
	org, err := load.Chart(name, []byte(src), load.Options{NoInferRoles: true})
	if err != nil {
		t.Fatal(err)
	}
	return Compute(graph.Build(org))
}

func hist(pairs ...int) []Bin {
	out := []Bin{}
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Bin{Span: pairs[i], Managers: pairs[i+1]})
	}
	return out
}

// TestSmall checks every number of a chart worked out by hand (see the
// comments for the reasoning).
func TestSmall(t *testing.T) {
	two := 2
	want := &Stats{
		Title: "Small Co", File: "small.yaml",
		// 10 people (board and committee are not), an2 vacant; managers
		// ceo (1: cfo; the committee is no person), cfo (2), ciso (2),
		// founder (2); layers ceo → cfo → ciso → an1.
		Total: Group{Name: "Small Co", Headcount: 9, Vacancies: 1, Managers: 4, Layers: 4,
			Span: Span{Mean: 1.75, Median: 2, Max: 2, Histogram: hist(1, 1, 2, 3)}},
		Departments: []Group{
			{Name: "(none)", Headcount: 1, Managers: 1, Layers: 1, Span: Span{Mean: 2, Median: 2, Max: 2, Histogram: hist(2, 1)}},
			{Name: "Advisory", Headcount: 1, Layers: 1, Span: Span{Histogram: hist()}},
			{Name: "Exec", Headcount: 1, Managers: 1, Layers: 1, Span: Span{Mean: 1, Median: 1, Max: 1, Histogram: hist(1, 1)}},
			{Name: "Finance", Headcount: 2, Managers: 1, Layers: 2, Span: Span{Mean: 2, Median: 2, Max: 2, Histogram: hist(2, 1)}},
			{Name: "Risk", Headcount: 1, Layers: 1, Span: Span{Histogram: hist()}},
			// ciso's person-manager is in Finance, so the run is ciso → an1.
			{Name: "Security", Headcount: 3, Vacancies: 1, Managers: 1, Layers: 2, Span: Span{Mean: 2, Median: 2, Max: 2, Histogram: hist(2, 1)}},
		},
		// Heads: the people whose person-manager is a top person (ceo or
		// founder); rk's is the CEO, through the committee.
		Units: []Group{
			{Name: "Carl Jensen", ID: "cfo", Headcount: 4, Vacancies: 1, Managers: 2, Layers: 3, Span: Span{Mean: 2, Median: 2, Max: 2, Histogram: hist(2, 2)}},
			{Name: "rk", ID: "rk", Headcount: 1, Layers: 1, Span: Span{Histogram: hist()}},
			{Name: "adv", ID: "adv", Headcount: 1, Layers: 1, Span: Span{Histogram: hist()}},
			{Name: "cso", ID: "cso", Headcount: 1, Layers: 1, Span: Span{Histogram: hist()}},
		},
		Security: []Leader{
			{ID: "ciso", Name: "Jo Dunn", Role: "CISO", Distance: &two, BoardLine: true},
			{ID: "cso", Role: "CSO"},
		},
	}
	got := compute(t, "small.yaml", small)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Compute (-want +got):\n%s", d)
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		h    []Bin
		m    int
		want float64
	}{
		{hist(3, 1), 1, 3},
		{hist(1, 1, 4, 1), 2, 2.5},
		{hist(1, 2, 5, 1), 3, 1},
		{hist(1, 1, 2, 1, 9, 2), 4, 5.5},
	}
	for _, tt := range tests {
		if got := median(tt.h, tt.m); got != tt.want {
			t.Errorf("median(%v, %d) = %v, want %v", tt.h, tt.m, got, tt.want)
		}
	}
}

// TestGolden writes the small chart in every format and grouping and
// compares with the reviewed golden files (-update rewrites them).
func TestGolden(t *testing.T) {
	s := compute(t, "small.yaml", small)
	ext := map[string]string{"text": "txt", "json": "json", "csv": "csv", "markdown": "md"}
	for _, format := range Formats {
		for _, by := range []string{"", "department", "unit"} {
			name := format
			if by != "" {
				name += "-" + by
			}
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, format, s, Options{By: by}); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", "small-"+name+"."+ext[format])
				if format == "json" && by != "" {
					// JSON has every group whatever the grouping.
					path = filepath.Join("testdata", "small-json.json")
				}
				golden.Check(t, path, buf.Bytes())
			})
		}
	}
	for _, bad := range []struct{ format, by string }{{"html", ""}, {"text", "team"}} {
		if err := Write(new(bytes.Buffer), bad.format, s, Options{By: bad.by}); err == nil {
			t.Errorf("Write(%q, by %q) = nil, want an error", bad.format, bad.by)
		}
	}
}

package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/render/option"
)

const seedChart = `title: Pipeline
people:
  - id: ceo
    name: Ada Chief
    title: Chief Executive Officer
  - id: cio
    name: Ben Info
    title: Chief Information Officer
    reports_to: ceo
  - id: ciso
    name: Cy Sec
    title: Chief Information Security Officer
    reports_to: cio
`

func src(data string) pipeline.Source {
	return pipeline.Source{Name: "chart.yaml", Data: []byte(data)}
}

func codes(c *pipeline.Chart) []string {
	var out []string
	for _, d := range c.Result.Active() {
		out = append(out, d.Code)
	}
	return out
}

// TestCheck: one chart is read, resolved and checked once; the graph the
// rules ran on is the one handed on.
func TestCheck(t *testing.T) {
	c, err := pipeline.Check(context.Background(), src(seedChart), pipeline.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Graph.Org() != c.Org {
		t.Errorf("Check: the graph was built from another Org")
	}
	if !slices.Contains(codes(c), "SEC002") {
		t.Errorf("Check codes = %v, want SEC002 (CISO under the CIO)", codes(c))
	}
	ciso, ok := c.Graph.Lookup("ciso")
	if !ok || len(c.Graph.Chain(ciso)) != 2 {
		t.Errorf("Chain(ciso) = %v, want [cio ceo]", c.Graph.Chain(ciso))
	}
}

// TestCheckStages: each failure names its stage.
func TestCheckStages(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		opts  pipeline.CheckOptions
		stage pipeline.Stage
		want  string
	}{
		{"load", "people: [", pipeline.CheckOptions{}, pipeline.StageLoad, "chart.yaml:1:"},
		{"limit", seedChart, pipeline.CheckOptions{MaxPeople: 2}, pipeline.StageLimit, "3 entries, more than the 2 allowed"},
		{"policy", seedChart + "policy:\n  profiles: [nope]\n", pipeline.CheckOptions{}, pipeline.StagePolicy, `"nope"`},
		{"profile", seedChart, pipeline.CheckOptions{Profiles: []string{"nope"}}, pipeline.StagePolicy, `"nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pipeline.Check(context.Background(), src(tt.data), tt.opts)
			var pe *pipeline.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Check = %v, want a *pipeline.Error", err)
			}
			if pe.Stage != tt.stage || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = stage %s %q, want stage %s containing %q", pe.Stage, err, tt.stage, tt.want)
			}
		})
	}
}

// TestValidateAll: every source is tried and every failure reported.
func TestValidateAll(t *testing.T) {
	srcs := []pipeline.Source{
		{Name: "a.yaml", Data: []byte("people: [")},
		src(seedChart),
		{Name: "missing.yaml", Path: filepath.Join(t.TempDir(), "missing.yaml")},
	}
	_, err := pipeline.Validate(context.Background(), srcs, pipeline.CheckOptions{})
	if err == nil || !strings.Contains(err.Error(), "a.yaml:1:") || !strings.Contains(err.Error(), "read chart:") {
		t.Errorf("Validate = %v, want both failures", err)
	}
	charts, err := pipeline.Validate(context.Background(), srcs[1:2], pipeline.CheckOptions{})
	if err != nil || len(charts) != 1 || len(pipeline.Results(charts)) != 1 || pipeline.Orgs(charts)[0] != charts[0].Org {
		t.Errorf("Validate = %v, %v; want one chart", charts, err)
	}
}

// TestRenderReusesFindings: the drawing marks the findings of the one check
// run, and NoFindings draws none while the findings stay reported.
func TestRenderReusesFindings(t *testing.T) {
	ctx := context.Background()
	d, err := pipeline.Render(ctx, src(seedChart), pipeline.CheckOptions{}, option.Options{Format: "dot"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(d.Pages[0].Data, []byte("SEC002")) {
		t.Errorf("DOT does not mark SEC002:\n%s", d.Pages[0].Data)
	}
	quiet, err := pipeline.Draw(ctx, d.Chart, option.Options{Format: "dot", NoFindings: true})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(quiet.Pages[0].Data, []byte("SEC002")) {
		t.Errorf("NoFindings DOT marks SEC002")
	}
	if !slices.Contains(codes(quiet.Chart), "SEC002") {
		t.Errorf("NoFindings dropped the check result")
	}
	_, err = pipeline.Draw(ctx, d.Chart, option.Options{Format: "dot", Root: "nobody"})
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Stage != pipeline.StageRender {
		t.Errorf("Draw(root nobody) = %v, want a render-stage error", err)
	}
}

// TestExamples: every example runs through the pipeline.
func TestExamples(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.*")
	n := 0
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".yaml", ".json", ".csv":
		default:
			continue
		}
		n++
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pipeline.Render(context.Background(), pipeline.Source{Name: f, Data: data}, pipeline.CheckOptions{}, option.Options{Format: "mermaid"})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if d.Chart.Graph.Len() != len(d.Chart.Org.People) || len(d.Pages) != 1 {
			t.Errorf("%s: %d entries in the graph, %d in the chart, %d pages", f, d.Chart.Graph.Len(), len(d.Chart.Org.People), len(d.Pages))
		}
	}
	if n == 0 {
		t.Fatal("no examples found")
	}
	_ = graph.Key
}

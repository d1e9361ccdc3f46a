package check_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/load"
)

// examplesDir is the repository's examples directory, from graph/check.
var examplesDir = filepath.Join("..", "..", "examples")

// exampleCharts lists every chart in examples/ (by extension), sorted.
func exampleCharts(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, ext := range load.Formats {
		m, err := filepath.Glob(filepath.Join(examplesDir, "*."+ext))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	if len(files) == 0 {
		t.Fatal("no charts in examples/")
	}
	return files
}

// expectation returns the codes an example must produce, sorted: from its
// own `# expect:` comment (YAML), or from a sidecar NAME.expect file (CSV,
// JSON and anything else that cannot carry a comment). ok is false when the
// example states no expectation.
func expectation(t *testing.T, path string) (codes []string, ok bool) {
	t.Helper()
	src := path
	if !strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, ".yml") {
		src = strings.TrimSuffix(path, filepath.Ext(path)) + ".expect"
	}
	data, err := os.ReadFile(src)
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "#") {
			if src == path {
				break // the comment header of a chart ends at its first line of content
			}
			continue
		}
		rest, found := strings.CutPrefix(strings.TrimSpace(strings.TrimPrefix(line, "#")), "expect:")
		if !found {
			continue
		}
		if ok {
			t.Fatalf("%s: more than one # expect: line", src)
		}
		codes, ok = strings.Fields(rest), true
	}
	slices.Sort(codes)
	return codes, ok
}

// loadExample loads an example chart.
func loadExample(t *testing.T, path string) *graph.Org {
	t.Helper()
	org, err := load.File(path, load.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return org
}

// activeCodes returns the codes of res's unsuppressed findings, sorted.
func activeCodes(res *check.Result) []string {
	codes := []string{}
	for _, d := range res.Active() {
		codes = append(codes, d.Code)
	}
	slices.Sort(codes)
	return codes
}

// TestExamples loads every example, runs it under the default policy plus
// its own policy section, and checks the exact multiset of active codes
// against the example's expectation. An example without one fails.
func TestExamples(t *testing.T) {
	for _, path := range exampleCharts(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, ok := expectation(t, path)
			if !ok {
				t.Fatalf("%s states no expectation: add a `# expect: CODE ...` comment at its top (YAML) or a sidecar %s file", path,
					strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".expect")
			}
			if want == nil {
				want = []string{}
			}
			res := check.Run(graph.Build(loadExample(t, path)), nil)
			if diff := cmp.Diff(want, activeCodes(res)); diff != "" {
				t.Errorf("codes (-expected +got):\n%s\nfindings:\n%s", diff, dump(res.Diagnostics))
			}
			for _, d := range res.Diagnostics {
				if !d.Pos.IsValid() || d.Pos.File != path {
					t.Errorf("%s: finding without a position in the example", d)
				}
			}
		})
	}
}

// TestExampleSidecars checks that every .expect file belongs to a chart.
func TestExampleSidecars(t *testing.T) {
	sidecars, err := filepath.Glob(filepath.Join(examplesDir, "*.expect"))
	if err != nil {
		t.Fatal(err)
	}
	charts := exampleCharts(t)
	for _, s := range sidecars {
		base := strings.TrimSuffix(s, ".expect")
		if !slices.ContainsFunc(charts, func(c string) bool { return strings.TrimSuffix(c, filepath.Ext(c)) == base }) {
			t.Errorf("%s has no chart next to it", s)
		}
	}
}

// TestExamplesREADME checks that examples/README.md lists every example
// with the codes it expects, so the table cannot drift from the files.
func TestExamplesREADME(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(examplesDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, path := range exampleCharts(t) {
		want, _ := expectation(t, path)
		cell := strings.Join(want, " ")
		if cell == "" {
			cell = "none"
		}
		row := "| [" + filepath.Base(path) + "](" + filepath.Base(path) + ") |"
		i := strings.Index(readme, row)
		if i < 0 {
			t.Errorf("examples/README.md has no row starting %q", row)
			continue
		}
		line, _, _ := strings.Cut(readme[i:], "\n")
		if !strings.HasSuffix(line, "| "+cell+" |") {
			t.Errorf("examples/README.md row for %s does not end with the expected codes %q:\n%s", filepath.Base(path), cell, line)
		}
	}
}

// TestCleanExamplePassesEveryProfile runs clean.yaml under every profile at
// once and each alone: no findings at all, suppressed ones included.
func TestCleanExamplePassesEveryProfile(t *testing.T) {
	org := loadExample(t, filepath.Join(examplesDir, "clean.yaml"))
	var all []string
	for _, p := range check.Profiles() {
		all = append(all, p.Name)
	}
	for _, profiles := range append([][]string{all}, func() [][]string {
		var each [][]string
		for _, p := range all {
			each = append(each, []string{p})
		}
		return each
	}()...) {
		pol, err := check.NewPolicy(profiles, org.Policy)
		if err != nil {
			t.Fatal(err)
		}
		if res := check.Run(graph.Build(org), pol); len(res.Diagnostics) != 0 {
			t.Errorf("clean.yaml under %v:\n%s", profiles, dump(res.Diagnostics))
		}
	}
}

// TestExceptionExamples checks that exception.yaml's SEC002 is suppressed,
// not absent, and that exception-expired.yaml's says the exception expired.
func TestExceptionExamples(t *testing.T) {
	res := check.Run(graph.Build(loadExample(t, filepath.Join(examplesDir, "exception.yaml"))), nil)
	if n := len(only(res, "SEC002")); n != 1 || res.Suppressed() != 1 {
		t.Errorf("exception.yaml: %d SEC002, %d suppressed; want 1 and 1", n, res.Suppressed())
	}
	res = check.Run(graph.Build(loadExample(t, filepath.Join(examplesDir, "exception-expired.yaml"))), nil)
	ds := only(res, "SEC002")
	if len(ds) != 1 || ds[0].Suppressed || !strings.HasSuffix(ds[0].Message, "(exception expired 2024-01-31)") {
		t.Errorf("exception-expired.yaml: SEC002 = %v, want one active finding saying the exception expired", ds)
	}
}

// TestHRExportNeedsInference shows that hr-export.csv's security findings
// come from roles inferred from job titles: with inference off nobody holds
// CISO, so SEC002 and SEC004 give way to SEC001.
func TestHRExportNeedsInference(t *testing.T) {
	org, err := load.File(filepath.Join(examplesDir, "hr-export.csv"), load.Options{NoInferRoles: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"ORG009", "SEC001"}, activeCodes(check.Run(graph.Build(org), nil))); diff != "" {
		t.Errorf("hr-export.csv without role inference (-want +got):\n%s", diff)
	}
}

package diff

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/golden"
)

// chartOf loads, builds and checks a chart under the default policy plus
// its own section, as the pipeline does.
func chartOf(t *testing.T, name string, data []byte) Chart {
	t.Helper()
	org, err := load.Chart(name, data, load.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	pol, err := check.NewPolicy(nil, org.Policy)
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(org)
	return Chart{Graph: g, Result: check.Run(g, pol)}
}

func exampleChart(t *testing.T, file string) Chart {
	t.Helper()
	path := filepath.Join("..", "examples", "diff", file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return chartOf(t, file, data)
}

func codes(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code+" "+d.Subject)
	}
	return out
}

// TestExamplePair checks the realistic pair of examples/diff: exactly the
// changes its comment lists, SEC002 introduced, and the ORG005 that both
// versions have in neither list.
func TestExamplePair(t *testing.T) {
	old, new := exampleChart(t, "old.yaml"), exampleChart(t, "new.yaml")
	r := Compare(old, new)
	want := []Change{
		{Kind: Joined, ID: "nina", To: "ada"},
		{Kind: Joined, ID: "omar", To: "ciso"},
		{Kind: Left, ID: "pete", From: "ada"},
		{Kind: Moved, ID: "ciso", From: "sam", To: "kit"},
		{Kind: Retitled, ID: "lena", From: "Senior Software Engineer", To: "Staff Engineer"},
		{Kind: DottedAdded, ID: "raj", To: "ciso"},
	}
	if d := cmp.Diff(want, r.Changes); d != "" {
		t.Errorf("changes (-want +got):\n%s", d)
	}
	if got, want := codes(r.Introduced), []string{"SEC002 ciso"}; !cmp.Equal(got, want) {
		t.Errorf("introduced = %v, want %v", got, want)
	}
	if len(r.Resolved) != 0 {
		t.Errorf("resolved = %v, want none", codes(r.Resolved))
	}
	// The persisting ORG005 is in both versions but in neither list.
	for _, c := range []Chart{old, new} {
		if got := codes(c.Result.Active()); !contains(got, "ORG005 hugo") {
			t.Fatalf("%s: findings %v lack the persisting ORG005", c.Result.File, got)
		}
	}
	if got := r.Max(); got != diag.SeverityWarning {
		t.Errorf("Max() = %v, want warning (the persisting ORG005 error must not count)", got)
	}
	// The reverse comparison resolves what the forward one introduced.
	back := Compare(new, old)
	if got := codes(back.Resolved); !cmp.Equal(got, []string{"SEC002 ciso"}) || len(back.Introduced) != 0 {
		t.Errorf("reverse: introduced %v resolved %v, want none and [SEC002 ciso]", codes(back.Introduced), got)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestGolden writes the example pair in every format and compares with the
// reviewed golden files (go test ./diff -update rewrites them).
func TestGolden(t *testing.T) {
	r := Compare(exampleChart(t, "old.yaml"), exampleChart(t, "new.yaml"))
	ext := map[string]string{"text": "txt", "json": "json", "markdown": "md"}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, format, r); err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := Write(&again, format, r); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Fatalf("second Write differs (err %v): output is not deterministic", err)
			}
			golden.Check(t, filepath.Join("testdata", "example."+ext[format]), buf.Bytes())
		})
	}
	if err := Write(new(bytes.Buffer), "html", r); err == nil {
		t.Error(`Write(format "html") = nil, want an error naming the formats`)
	}
}

// TestJSONShape checks the JSON document's fields and that its diagnostics
// have exactly the keys of validate's JSON diagnostics.
func TestJSONShape(t *testing.T) {
	r := Compare(exampleChart(t, "old.yaml"), exampleChart(t, "new.yaml"))
	var buf bytes.Buffer
	if err := Write(&buf, "json", r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version  int                 `json:"version"`
		Changes  []map[string]string `json:"changes"`
		Findings struct {
			Introduced []map[string]any `json:"introduced"`
			Resolved   []map[string]any `json:"resolved"`
		} `json:"findings"`
		Summary map[string]any `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Changes) != 6 || len(doc.Findings.Introduced) != 1 || doc.Findings.Resolved == nil {
		t.Fatalf("doc = %+v", doc)
	}
	if got := doc.Changes[3]; !cmp.Equal(got, map[string]string{"kind": "moved", "id": "ciso", "from": "sam", "to": "kit"}) {
		t.Errorf("changes[3] = %v", got)
	}
	d := doc.Findings.Introduced[0]
	for _, k := range []string{"code", "rule", "severity", "message", "file", "line", "column", "subject", "related", "doc_url"} {
		if _, ok := d[k]; !ok {
			t.Errorf("introduced diagnostic lacks %q: %v", k, d)
		}
	}
	if d["code"] != "SEC002" || d["doc_url"] != check.DocURL("SEC002") {
		t.Errorf("introduced = %v", d)
	}
	if doc.Summary["moved"] != 1.0 || doc.Summary["introduced_max"] != "warning" {
		t.Errorf("summary = %v", doc.Summary)
	}
}

package draw

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/golden"
	"github.com/orgchart/orgchart/render/option"
)

// TestGolden draws the charts of testdata/scenes.txtar and compares each
// scene, serialised by dump, with its golden section. A chart section is
// "-- NAME.yaml --"; its options are the line "# options: ..." in it
// (preset=P, highlight=ID, redact, nosplit, theme=T), its findings the lines
// "# finding: CODE SEVERITY SUBJECT [REPORT>MANAGER]"; the golden section is
// "-- NAME.scene --".
func TestGolden(t *testing.T) { goldenScenes(t, "scenes.txtar") }

// goldenScenes draws each "-- NAME.yaml --" chart of testdata/file (its
// options, findings and marks from its comment lines, see chart) and
// compares the scene, serialised by dump, with "-- NAME.scene --". -update
// rewrites the file.
func goldenScenes(t *testing.T, file string) {
	path := filepath.Join("testdata", file)
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, f := range ar.Files {
		if n, ok := strings.CutSuffix(f.Name, ".scene"); ok {
			want[n] = string(f.Data)
		}
	}
	var out []txtar.File
	for _, f := range ar.Files {
		name, ok := strings.CutSuffix(f.Name, ".yaml")
		if !ok {
			continue
		}
		out = append(out, f)
		t.Run(name, func(t *testing.T) {
			g, findings, opts := chart(t, f.Name, f.Data)
			res, err := Draw(g, findings, opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(res.Doc)
			out = append(out, txtar.File{Name: name + ".scene", Data: []byte(got)})
			if !golden.Update() {
				if diff := cmp.Diff(want[name], got); diff != "" {
					t.Errorf("scene of %s (-want +got):\n%s\n(go test ./render/draw -run %s -update rewrites)", name, diff, t.Name())
				}
			}
		})
	}
	if golden.Update() {
		ar.Files = out
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// chart loads a test chart and reads its options and findings comments.
func chart(t *testing.T, name string, data []byte) (*graph.Graph, []diag.Diagnostic, option.Options) {
	t.Helper()
	org, err := load.Chart(name, data, load.Options{NoInferRoles: true})
	if err != nil {
		t.Fatal(err)
	}
	opts := option.Options{Compact: true, Marks: marksOf(string(data))}
	var findings []diag.Diagnostic
	for _, l := range strings.Split(string(data), "\n") {
		if o, ok := strings.CutPrefix(l, "# options:"); ok {
			for _, kv := range strings.Fields(o) {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "preset":
					opts.Preset = v
				case "highlight":
					opts.Highlight = v
				case "redact":
					opts.Redact = true
				case "nosplit":
					opts.NoSplit = true
				case "theme":
					opts.Theme = v
				case "title":
					opts.Title = v
				default:
					t.Fatalf("%s: unknown option %q", name, k)
				}
			}
		}
		if fl, ok := strings.CutPrefix(l, "# finding:"); ok {
			fs := strings.Fields(fl)
			sev, err := diag.ParseSeverity(fs[1])
			if err != nil {
				t.Fatal(err)
			}
			d := diag.Diagnostic{Code: fs[0], Rule: strings.ToLower(fs[0]) + "-rule", Severity: sev, Subject: fs[2]}
			if len(fs) > 3 {
				from, to, _ := strings.Cut(fs[3], ">")
				d.Lines = []diag.Edge{{From: from, To: to}}
			}
			findings = append(findings, d)
		}
	}
	if err := opts.Validate(); err != nil {
		t.Fatal(err)
	}
	return graph.Build(org), findings, opts
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/pipeline"
	"github.com/orgchart/orgchart/report"
)

const dualChart = `people:
  - id: board
    kind: board
    roles: [BOARD]
  - id: ceo
    roles: [CEO]
    reports_to: board
  - id: cio
    roles: [CIO]
    reports_to: ceo
  - id: ciso
    roles: [CISO]
    reports_to: [ceo, cio]
    dotted: [board]
`

const cleanChart = `people:
  - id: board
    kind: board
    roles: [BOARD]
  - id: ceo
    roles: [CEO]
    reports_to: board
  - id: ciso
    roles: [CISO]
    reports_to: ceo
    dotted: [board]
`

// TestValidateExitCodes runs validate in process: the same exit code for
// every format, and the summary on stderr.
func TestValidateExitCodes(t *testing.T) {
	for _, format := range report.Formats {
		for _, tc := range []struct {
			chart  string
			failOn string
			want   int
		}{
			{dualChart, "error", exitFindings},
			{dualChart, "none", exitOK},
			{cleanChart, "info", exitOK},
		} {
			name := fmt.Sprintf("%s/%s/%d", format, tc.failOn, tc.want)
			t.Run(name, func(t *testing.T) {
				stdout, stderr, code := runCLI(t, tc.chart, "validate", "--format", format, "--fail-on", tc.failOn, "-")
				if code != tc.want {
					t.Fatalf("exit code = %d, want %d; stderr:\n%s", code, tc.want, stderr)
				}
				if !strings.HasSuffix(stderr, " in 1 file\n") || strings.Count(stderr, "\n") != 1 {
					t.Errorf("stderr = %q, want one summary line", stderr)
				}
				if format == "json" {
					var v struct{ Version int }
					if err := json.Unmarshal([]byte(stdout), &v); err != nil || v.Version != 1 {
						t.Errorf("json output: version %d, err %v", v.Version, err)
					}
				}
			})
		}
	}
}

func TestValidateUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"validate"}, "no chart given"},
		{[]string{"validate", "--format", "tap", "-"}, `invalid --format "tap": want one of text, json, sarif, junit, github`},
		{[]string{"validate", "--fail-on", "warn", "-"}, `invalid --fail-on "warn"`},
		{[]string{"validate", "--input-format", "xls", "-"}, `invalid --input-format "xls"`},
		{[]string{"validate", "--profile", "sox", "-"}, `unknown profile "sox"`},
		{[]string{"validate", "--policy", "does-not-exist.yaml", "-"}, "does-not-exist.yaml"},
		{[]string{"validate", "-", "-"}, "only once"},
		{[]string{"rules", "ORG05"}, "did you mean ORG005?"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runCLI(t, cleanChart, tt.args...)
		if code != exitUsage {
			t.Errorf("orgchart %v: exit code = %d, want %d", tt.args, code, exitUsage)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("orgchart %v: stderr = %q, want it to contain %q", tt.args, stderr, tt.want)
		}
		if stdout != "" {
			t.Errorf("orgchart %v: stdout = %q, want nothing", tt.args, stdout)
		}
	}
}

func TestValidateBadYAMLIsPositioned(t *testing.T) {
	_, stderr, code := runCLI(t, "people:\n  - id: a\n    name: [x\n  - id: b\n", "validate", "-")
	if code != exitUsage {
		t.Fatalf("exit code = %d, want 2", code)
	}
	if !strings.HasPrefix(stderr, stdinName+":") || strings.HasPrefix(stderr, "orgchart:") {
		t.Errorf("stderr = %q, want a file:line:col message", stderr)
	}
}

// TestWriteOutputAtomic checks that -o writes the whole file and leaves no
// temporary file, and that a failed write leaves the old file alone.
func TestWriteOutputAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeOutput(nil, path, []byte("new\n")); err != nil {
		t.Fatalf("writeOutput = %v", err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new\n" {
		t.Errorf("file = %q, %v; want %q", got, err, "new\n")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after the write, want 1 (no temp file left)", len(entries))
	}
	if err := writeOutput(nil, filepath.Join(dir, "nodir", "x.json"), []byte("x")); err == nil {
		t.Error("writeOutput into a missing directory = nil, want an error")
	}

	// A streamed write that fails half-way leaves the old file whole and
	// no temporary file.
	err = writeOutputWith(nil, path, func(w io.Writer) error {
		if _, err := w.Write([]byte("half of a new")); err != nil {
			return err
		}
		return errors.New("disk full")
	})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("writeOutputWith failing half-way = %v, want the write's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("file after a failed streamed write = %q, want the old %q", got, "new\n")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed write, want 1 (no temp file left)", len(entries))
	}

	// A streamed write of several writeback stretches, in uneven pieces,
	// arrives whole.
	big := bytes.Repeat([]byte("0123456789abcdef"), 3*writebackEvery/16+1000)
	err = writeOutputWith(nil, path, func(w io.Writer) error {
		for rest := big; len(rest) > 0; {
			n := min(len(rest), 1<<20+7)
			if _, err := w.Write(rest[:n]); err != nil {
				return err
			}
			rest = rest[n:]
		}
		return nil
	})
	if got, _ := os.ReadFile(path); err != nil || !bytes.Equal(got, big) {
		t.Errorf("a %d-byte streamed write gave %d bytes, %v", len(big), len(got), err)
	}

	var buf bytes.Buffer
	if err := writeOutput(&buf, "-", []byte("to stdout")); err != nil || buf.String() != "to stdout" {
		t.Errorf(`writeOutput(-) wrote %q, %v`, buf.String(), err)
	}

	// Through the CLI: -o with findings gives exit 1, the file, and no stdout.
	out := filepath.Join(dir, "out.sarif")
	stdout, _, code := runCLI(t, dualChart, "validate", "--format", "sarif", "-o", out, "-")
	if code != exitFindings || stdout != "" {
		t.Errorf("validate -o: exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	if data, err := os.ReadFile(out); err != nil || !bytes.Contains(data, []byte(`"ruleId": "ORG005"`)) {
		t.Errorf("validate -o wrote %q, %v", data, err)
	}
}

func TestPrintError(t *testing.T) {
	list := diag.ErrorList{
		{Pos: diag.Pos{File: "a.yaml", Line: 3, Column: 5}, Msg: "bad"},
		{Pos: diag.Pos{File: "a.yaml", Line: 9, Column: 1}, Msg: "worse"},
	}
	tests := []struct {
		err  error
		want string
	}{
		{errors.New("plain"), "orgchart: plain\n"},
		{&usageError{errors.New("flag")}, "orgchart: flag\n"},
		{&usageError{list}, "a.yaml:3:5: bad\na.yaml:9:1: worse\n"},
		{&diag.Error{Pos: diag.Pos{File: "b.csv", Line: 2, Column: 4}, Msg: "quote"}, "b.csv:2:4: quote\n"},
		{&usageError{errors.Join(list[:1], errors.New("open c.yaml: no such file"))}, "a.yaml:3:5: bad\norgchart: open c.yaml: no such file\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		printError(&buf, tt.err)
		if buf.String() != tt.want {
			t.Errorf("printError(%v) printed %q, want %q", tt.err, buf.String(), tt.want)
		}
	}
}

func TestFindRule(t *testing.T) {
	for _, arg := range []string{"SEC002", "sec002", " Sec002 ", "security-reports-to-it"} {
		r, err := findRule(arg)
		if err != nil || r.Code != "SEC002" {
			t.Errorf("findRule(%q) = %v, %v; want SEC002", arg, r, err)
		}
	}
	for arg, want := range map[string]string{
		"SEC02":          "did you mean SEC002?",
		"ORG0055":        "did you mean ORG005?",
		"dual-reportin":  "did you mean ORG005 (dual-reporting)?",
		"completely-off": `unknown rule "completely-off" (run`,
	} {
		_, err := findRule(arg)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("findRule(%q) error = %v, want a usage error", arg, err)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("findRule(%q) error = %q, want it to contain %q", arg, err, want)
		}
	}
}

// TestRulesCatalogComplete checks that the catalog output lists every rule
// and profile the engine knows.
func TestRulesCatalogComplete(t *testing.T) {
	stdout, _, code := runCLI(t, "", "rules", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit code = %d", code)
	}
	var doc struct {
		Rules []struct {
			Code    string
			URL     string `json:"doc_url"`
			Sources []struct{ Text, URL string }
		}
		Profiles []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Rules) < 20 {
		t.Errorf("rules --format json lists %d rules, want ORG001-ORG012 and SEC001-SEC008", len(doc.Rules))
	}
	for _, r := range doc.Rules {
		if strings.HasPrefix(r.Code, "SEC") && len(r.Sources) == 0 {
			t.Errorf("rule %s has no sources", r.Code)
		}
		for _, s := range r.Sources {
			if s.Text == "" || (s.URL != "" && !strings.HasPrefix(s.URL, "https://")) {
				t.Errorf("rule %s source %+v: want text and an https address or none", r.Code, s)
			}
		}
		if !strings.HasSuffix(r.URL, "/"+r.Code+".md") {
			t.Errorf("rule %s url = %q", r.Code, r.URL)
		}
	}
	var names []string
	for _, p := range doc.Profiles {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "core,security,gdpr,ffiec,nydfs,us-federal" {
		t.Errorf("profiles = %s", got)
	}
}

func TestVersionText(t *testing.T) {
	old := version
	version = "v9.9.9"
	defer func() { version = old }()
	stdout, _, code := runCLI(t, "", "version")
	if code != exitOK || !strings.HasPrefix(stdout, "orgchart v9.9.9\n") {
		t.Errorf("version: exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stdout, "github.com/dominikbraun/graph v0.23.0\n") {
		t.Errorf("version does not name the graph library's version:\n%s", stdout)
	}
}

// TestSARIFOfRealRulesValidates validates validate's SARIF for real charts,
// with the real catalog's help texts, against the SARIF 2.1.0 schema kept in
// report/testdata.
func TestSARIFOfRealRulesValidates(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "report", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	for name, chart := range map[string]string{"dual": dualChart, "clean": cleanChart} {
		stdout, stderr, code := runCLI(t, chart, "validate", "--format", "sarif", "--profile", "gdpr", "--fail-on", "none", "-")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF does not validate: %v", name, err)
		}
		if !strings.Contains(stdout, `"id": "SEC008"`) {
			t.Errorf("%s: SARIF driver lacks SEC008, which --profile gdpr enables", name)
		}
	}
}

// TestHeapEstimate: the heap tuneGC reserves grows with the inputs' sizes,
// read from the file or the bytes given, and a missing file counts nothing.
func TestHeapEstimate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(path, make([]byte, 3<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		srcs []pipeline.Source
		want int
	}{
		{"none", nil, 0},
		{"bytes", []pipeline.Source{{Name: "-", Data: make([]byte, 1000)}}, 1000 * heapPerInputByte},
		{"file", []pipeline.Source{{Name: path, Path: path}}, 3 << 20 * heapPerInputByte},
		{"both", []pipeline.Source{{Name: path, Path: path}, {Name: "-", Data: make([]byte, 1000)}}, (3<<20 + 1000) * heapPerInputByte},
		{"missing", []pipeline.Source{{Name: "x", Path: filepath.Join(dir, "missing.csv")}}, 0},
	} {
		if got := heapEstimate(c.srcs); got != c.want {
			t.Errorf("%s: heapEstimate = %d, want %d", c.name, got, c.want)
		}
	}
	past := []pipeline.Source{{Name: path, Path: path}, {Name: "-", Data: make([]byte, reserveMax/heapPerInputByte)}}
	if got := heapEstimate(past); got > reserveMax || got < reserveMax-heapPerInputByte {
		t.Errorf("heapEstimate of inputs past the cap = %d, want reserveMax %d", got, reserveMax)
	}
	if small := heapEstimate([]pipeline.Source{{Name: "-", Data: make([]byte, 100<<10)}}); small >= reserveMin {
		t.Errorf("a 100 KB chart's estimate %d reaches reserveMin %d: small charts would pay a collection for nothing", small, reserveMin)
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/golden"
)

// Hand-built rules, so the goldens do not depend on the catalog's wording.
var (
	ruleDual = &check.Rule{
		Code: "ORG005", URL: check.DocURL("ORG005"),
		RuleDoc: check.RuleDoc{
			Name: "dual-reporting", Severity: diag.SeverityError, Profile: "core",
			Summary: "an entry has more than one solid-line manager",
			Doc:     "A person reports to exactly one manager on a solid line.",
			Fix:     "Keep one manager in `reports_to` and move the others to `dotted`.",
		},
	}
	ruleSpan = &check.Rule{
		Code: "ORG009", URL: check.DocURL("ORG009"), Params: map[string]int{"max": 12},
		RuleDoc: check.RuleDoc{
			Name: "span-of-control", Severity: diag.SeverityWarning, Profile: "core",
			Summary: "more direct reports than the limit",
			Doc:     "Too many direct reports.",
		},
	}
	ruleRole = &check.Rule{
		Code: "ORG012", URL: check.DocURL("ORG012"),
		RuleDoc: check.RuleDoc{
			Name: "unknown-role", Severity: diag.SeverityInfo, Profile: "core",
			Summary: "a role code that is not in the catalog",
		},
	}
	ruleSecIT = &check.Rule{
		Code: "SEC002", URL: check.DocURL("SEC002"),
		RuleDoc: check.RuleDoc{
			Name: "security-reports-to-it", Severity: diag.SeverityWarning, Profile: "security",
			Summary: "a security leader's chain of command passes through an IT executive",
			Doc:     "The security function should stay independent of the IT function it oversees.",
			Fix:     "Move the security leader's solid line to the CEO, or record an exception.",
			Sources: []check.Source{{Text: "FFIEC IT Handbook, Information Security (2016)"}, {Text: "NYDFS 23 NYCRR 500.4"}},
		},
	}
)

func pos(file string, line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Column: col} }

// findings is a two-file result set with every feature the formats render:
// related positions, lines, a suppressed finding, a position without a
// column, characters that need escaping in XML, JSON and workflow commands,
// and a code the rules list does not name.
func findings() []*check.Result {
	b := &check.Result{
		File:  "org b.yaml",
		Rules: []*check.Rule{ruleSecIT, ruleDual, ruleSpan},
		Diagnostics: []diag.Diagnostic{
			{
				Code: "SEC002", Rule: "security-reports-to-it", Severity: diag.SeverityWarning,
				Pos: pos("org b.yaml", 9, 5), Subject: "lee",
				Message: `ciso "lee" reports to cto "kim" via "pat"`,
				Related: []diag.Related{
					{Pos: pos("org b.yaml", 10, 17), Message: `"lee" reports to "pat"`},
					{Pos: pos("org b.yaml", 14, 17), Message: `"pat" reports to "kim"`},
				},
				Lines: []diag.Edge{{From: "lee", To: "pat"}, {From: "pat", To: "kim"}},
			},
			{
				Code: "ORG005", Rule: "dual-reporting", Severity: diag.SeverityError,
				Pos: pos("org b.yaml", 3, 5), Subject: "r&d <lead>",
				Message: `"r&d <lead>" has 2 solid-line managers: "a,b" and "c:d"; 100% sure`,
				Related: []diag.Related{{Pos: pos("org b.yaml", 4, 20), Message: "second manager\nhere"}},
				Lines:   []diag.Edge{{From: "r&d <lead>", To: "c:d"}},
			},
			{
				Code: "SEC002", Rule: "security-reports-to-it", Severity: diag.SeverityWarning,
				Pos: pos("org b.yaml", 20, 5), Subject: "cso",
				Message:     `cso "cso" reports to cio "cio"`,
				Suppressed:  true,
				Suppression: `exception: "migration in progress", approved by "board", until 2099-12-31`,
			},
		},
	}
	a := &check.Result{
		File:  "a.csv",
		Rules: []*check.Rule{ruleRole, ruleDual},
		Diagnostics: []diag.Diagnostic{
			{
				Code: "ORG012", Rule: "unknown-role", Severity: diag.SeverityInfo,
				Pos: pos("a.csv", 7, 0), Subject: "x",
				Message: `title "CSO" is ambiguous (security, strategy or sales): give a role code`,
			},
			{
				Code: "ORG999", Rule: "made-up", Severity: diag.SeverityWarning,
				Pos: pos("a.csv", 2, 3), Message: "a finding from a rule the result does not list",
			},
		},
	}
	return []*check.Result{b, a}
}

func clean() []*check.Result {
	return []*check.Result{{File: "clean.yaml", Rules: []*check.Rule{ruleDual, ruleSecIT}}}
}

func inferredOrg() *graph.Org {
	return &graph.Org{
		File: "a.csv",
		People: []*graph.Person{
			{ID: "z", Title: "Chief Information Officer", Pos: pos("a.csv", 5, 1),
				Roles:    []graph.Role{{Code: "CIO", Inferred: true}},
				FieldPos: []graph.FieldAt{{Name: "title", Pos: pos("a.csv", 5, 3)}}},
			{ID: "y", Title: "Chief Information Security Officer", Pos: pos("a.csv", 3, 1),
				Roles:    []graph.Role{{Code: "CISO", Inferred: true}},
				FieldPos: []graph.FieldAt{{Name: "title", Pos: pos("a.csv", 3, 3)}}},
			{ID: "w", Title: "Head of IT", Pos: pos("a.csv", 4, 1), Roles: []graph.Role{{Code: "ITOPS"}}},
		},
	}
}

type goldenCase struct {
	name    string
	results []*check.Result
	opts    Options
	formats []string
}

var goldenCases = []goldenCase{
	{name: "findings", results: findings(), opts: Options{ToolVersion: "1.2.3", Orgs: []*graph.Org{inferredOrg()}}, formats: Formats},
	{name: "clean", results: clean(), formats: Formats},
	{name: "verbose", results: findings(), opts: Options{ShowSuppressed: true}, formats: []string{"text"}},
	{name: "none", results: nil, formats: Formats},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := WriteOptions(&buf, format, tc.results, tc.opts); err != nil {
					t.Fatalf("WriteOptions(%s) = %v", format, err)
				}
				golden.Check(t, filepath.Join("testdata", tc.name+"."+format+".golden"), buf.Bytes())
			})
		}
	}
}

// TestDeterministic checks that the order of results, of their diagnostics
// and of their rules does not change the bytes.
func TestDeterministic(t *testing.T) {
	shuffled := findings()
	slices.Reverse(shuffled)
	for _, r := range shuffled {
		slices.Reverse(r.Diagnostics)
		slices.Reverse(r.Rules)
	}
	for _, format := range Formats {
		var a, b bytes.Buffer
		if err := Write(&a, format, findings()); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, format, shuffled); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("Write(%s) depends on input order:\n%s\nvs\n%s", format, a.String(), b.String())
		}
	}
}

func TestWriteDoesNotModifyInput(t *testing.T) {
	in := findings()
	first := in[0].Diagnostics[0]
	if err := Write(&bytes.Buffer{}, "json", in); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, in[0].Diagnostics[0]); diff != "" {
		t.Errorf("Write reordered the caller's diagnostics (-before +after):\n%s", diff)
	}
}

func TestUnknownFormat(t *testing.T) {
	for _, format := range []string{"", "xml", "JSON", "tap"} {
		var buf bytes.Buffer
		err := Write(&buf, format, findings())
		if err == nil {
			t.Errorf("Write(%q) = nil error, want an error", format)
			continue
		}
		if buf.Len() != 0 {
			t.Errorf("Write(%q) wrote %q before failing", format, buf.String())
		}
		for _, f := range Formats {
			if !strings.Contains(err.Error(), f) {
				t.Errorf("Write(%q) error %q does not list format %q", format, err, f)
			}
		}
	}
}

func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	stdin := []*check.Result{{File: "<stdin>", Rules: []*check.Rule{ruleDual},
		Diagnostics: []diag.Diagnostic{{Code: "ORG005", Rule: "dual-reporting", Severity: diag.SeverityError, Pos: pos("<stdin>", 2, 1), Message: "m"}}}}
	for name, results := range map[string][]*check.Result{"findings": findings(), "clean": clean(), "none": nil, "stdin": stdin} {
		var buf bytes.Buffer
		if err := WriteOptions(&buf, "sarif", results, Options{ToolVersion: "dev"}); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not validate: %v\n%s", name, err, buf.String())
		}
	}

	// The schema cannot tell whether ruleIndex points at the right rule.
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", findings()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
						Help    struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID       string            `json:"ruleId"`
				RuleIndex    int               `json:"ruleIndex"`
				Suppressions []json.RawMessage `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if r.ID == "ORG999" {
			if r.HelpURI != "" {
				t.Errorf("made-up rule %s has helpUri %q, want none", r.ID, r.HelpURI)
			}
		} else if r.HelpURI != check.DocURL(r.ID) {
			t.Errorf("rule %s helpUri = %q, want %q", r.ID, r.HelpURI, check.DocURL(r.ID))
		}
	}
	if want := []string{"ORG005", "ORG009", "ORG012", "ORG999", "SEC002"}; !slices.Equal(ids, want) {
		t.Errorf("driver rules = %v, want %v", ids, want)
	}
	if help := run.Tool.Driver.Rules[4].Help.Text; !strings.Contains(help, "NYDFS 23 NYCRR 500.4") || !strings.Contains(help, "record an exception") {
		t.Errorf("SEC002 help text lacks its sources or fix: %q", help)
	}
	suppressed := 0
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is rule %s", r.RuleID, r.RuleIndex, run.Tool.Driver.Rules[r.RuleIndex].ID)
		}
		suppressed += len(r.Suppressions)
	}
	if len(run.Results) != 5 || suppressed != 1 {
		t.Errorf("got %d results with %d suppressed, want 5 with 1", len(run.Results), suppressed)
	}
}

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteOptions(&buf, "json", findings(), Options{Orgs: []*graph.Org{inferredOrg()}}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version     int `json:"version"`
		Diagnostics []map[string]any
		Summary     map[string]int
		Inferred    []struct {
			ID    string
			Roles []string
			Line  int
		} `json:"inferred_roles"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 {
		t.Errorf("version = %d, want 1", doc.Version)
	}
	if diff := cmp.Diff(map[string]int{"error": 1, "warning": 2, "info": 1, "suppressed": 1}, doc.Summary); diff != "" {
		t.Errorf("summary mismatch (-want +got):\n%s", diff)
	}
	var order []string
	for _, d := range doc.Diagnostics {
		for _, k := range []string{"code", "rule", "severity", "message", "file", "line", "column", "subject", "related"} {
			if _, ok := d[k]; !ok {
				t.Errorf("diagnostic %v lacks %q", d["code"], k)
			}
		}
		order = append(order, d["file"].(string)+":"+d["code"].(string))
	}
	want := []string{"a.csv:ORG999", "a.csv:ORG012", "org b.yaml:ORG005", "org b.yaml:SEC002", "org b.yaml:SEC002"}
	if !slices.Equal(order, want) {
		t.Errorf("diagnostic order = %v, want %v", order, want)
	}
	if s, _ := doc.Diagnostics[4]["suppressed"].(bool); !s {
		t.Errorf("last diagnostic is not marked suppressed: %v", doc.Diagnostics[4])
	}
	if len(doc.Inferred) != 2 || doc.Inferred[0].ID != "y" || doc.Inferred[0].Roles[0] != "CISO" || doc.Inferred[0].Line != 3 {
		t.Errorf("inferred_roles = %+v, want y (CISO, line 3) then z", doc.Inferred)
	}
	if !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) {
		t.Error("json output does not end with a newline")
	}
}

func TestJUnitXML(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "junit", findings()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Tests int    `xml:"tests,attr"`
			Cases []struct {
				Classname string `xml:"classname,attr"`
				Name      string `xml:"name,attr"`
				Failure   *struct {
					Type string `xml:"type,attr"`
					Body string `xml:",chardata"`
				} `xml:"failure"`
				SystemOut string `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("junit output is not valid XML: %v\n%s", err, buf.String())
	}
	type tc struct{ Suite, Name, Failure string }
	var got []tc
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Classname != s.Name {
				t.Errorf("testcase %q classname = %q, want the file %q", c.Name, c.Classname, s.Name)
			}
			f := ""
			if c.Failure != nil {
				f = c.Failure.Type
			}
			got = append(got, tc{s.Name, c.Name, f})
		}
	}
	want := []tc{
		{"a.csv", "ORG005 dual-reporting", ""},
		{"a.csv", "ORG012 unknown-role", "info"},
		{"a.csv", "ORG999 made-up", "warning"},
		{"org b.yaml", "ORG005 dual-reporting", "error"},
		{"org b.yaml", "ORG009 span-of-control", ""},
		{"org b.yaml", "SEC002 security-reports-to-it", "warning"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("test cases mismatch (-want +got):\n%s", diff)
	}
	if doc.Tests != 6 || doc.Failures != 4 {
		t.Errorf("testsuites tests=%d failures=%d, want 6 and 4", doc.Tests, doc.Failures)
	}
	body := doc.Suites[1].Cases[0].Failure.Body
	if !strings.Contains(body, `org b.yaml:3:5: error: "r&d <lead>" has 2`) {
		t.Errorf("failure body lacks the positioned finding:\n%s", body)
	}
	if out := doc.Suites[1].Cases[2].SystemOut; !strings.Contains(out, "suppressed") {
		t.Errorf("suppressed finding not listed in system-out: %q", out)
	}
}

func TestJUnitControlCharacters(t *testing.T) {
	res := []*check.Result{{File: "ctl\x01.yaml", Rules: []*check.Rule{ruleDual},
		Diagnostics: []diag.Diagnostic{{Code: "ORG005", Rule: "dual-reporting", Severity: diag.SeverityError,
			Pos: pos("ctl\x01.yaml", 1, 1), Message: "id \"a\x00b\" ]]> and \x1b[31m"}}}}
	var buf bytes.Buffer
	if err := Write(&buf, "junit", res); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Suites []struct {
			Cases []struct {
				Failure struct {
					Body string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatalf("junit output with control characters is not valid XML: %v\n%s", err, buf.String())
	}
	if body := v.Suites[0].Cases[0].Failure.Body; !strings.Contains(body, "a\uFFFDb\" ]]> and") {
		t.Errorf("failure body = %q, want the message with U+FFFD for the control characters", body)
	}
}

func TestGitHubEscape(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, "github", findings()); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, "::") || strings.Count(line, "::") < 2 {
			t.Errorf("not a workflow command: %q", line)
		}
	}
	if strings.Contains(buf.String(), "cso") {
		t.Errorf("github output shows a suppressed finding:\n%s", buf.String())
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name    string
		results []*check.Result
		want    string
	}{
		{"findings", findings(), "1 error, 2 warnings, 1 info (1 suppressed) in 2 files"},
		{"clean", clean(), "0 errors, 0 warnings, 0 info in 1 file"},
		{"none", nil, "0 errors, 0 warnings, 0 info in 0 files"},
	}
	for _, tt := range tests {
		if got := Summary(tt.results); got != tt.want {
			t.Errorf("Summary(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := check.Count(findings()...).Max(); got != diag.SeverityError {
		t.Errorf("Max(findings) = %v, want error", got)
	}
	if got := check.Count(clean()...).Max(); got != diag.SeverityNone {
		t.Errorf("Max(clean) = %v, want none", got)
	}
}

// BenchmarkWrite writes 10,000 findings over 10 files in each format.
func BenchmarkWrite(b *testing.B) {
	var results []*check.Result
	for f := range 10 {
		file := fmt.Sprintf("org%02d.yaml", f)
		r := &check.Result{File: file, Rules: []*check.Rule{ruleDual, ruleSpan, ruleRole, ruleSecIT}}
		for i := range 1000 {
			r.Diagnostics = append(r.Diagnostics, diag.Diagnostic{
				Code: "ORG005", Rule: "dual-reporting", Severity: diag.SeverityError,
				Pos: pos(file, 3*i+1, 5), Subject: fmt.Sprintf("p%d", i),
				Message: fmt.Sprintf(`"p%d" has 2 solid-line managers, "a" and "b"`, i),
				Related: []diag.Related{{Pos: pos(file, 3*i+2, 17), Message: `first manager "a"`}},
			})
		}
		results = append(results, r)
	}
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, format, results); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestHelpTextSources checks that SARIF help gives a source's address: as a
// link in Markdown, in angle brackets in text.
func TestHelpTextSources(t *testing.T) {
	r := &check.Rule{Code: "SEC009", RuleDoc: check.RuleDoc{
		Summary: "s",
		Sources: []check.Source{{Text: "NYDFS 23 NYCRR 500.4", URL: "https://example.org/500.4"}, {Text: "a survey"}},
	}}
	text, md := helpText(r)
	for _, want := range []string{"- NYDFS 23 NYCRR 500.4 <https://example.org/500.4>\n", "- a survey"} {
		if !strings.Contains(text, want) {
			t.Errorf("help text lacks %q:\n%s", want, text)
		}
	}
	if want := "- [NYDFS 23 NYCRR 500.4](https://example.org/500.4)\n- a survey"; !strings.Contains(md, want) {
		t.Errorf("help markdown lacks %q:\n%s", want, md)
	}
}

package check_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/internal/golden"
)

// docsDir is the rule documentation directory, from graph/check.
var docsDir = filepath.Join("..", "..", "docs", "rules")

// renderDocs generates every page of docs/rules in memory, by file name.
func renderDocs(t *testing.T) map[string][]byte {
	t.Helper()
	pages := map[string][]byte{}
	for _, r := range check.Rules() {
		var b bytes.Buffer
		if err := check.WriteRuleDoc(&b, r); err != nil {
			t.Fatalf("WriteRuleDoc(%s): %v", r.Code, err)
		}
		pages[r.Code+".md"] = b.Bytes()
	}
	var b bytes.Buffer
	if err := check.WriteRuleIndex(&b, check.Rules()); err != nil {
		t.Fatalf("WriteRuleIndex: %v", err)
	}
	pages["README.md"] = b.Bytes()
	return pages
}

// TestRuleDocs checks that docs/rules holds exactly the pages the catalog
// generates; -update rewrites them.
func TestRuleDocs(t *testing.T) {
	pages := renderDocs(t)
	for name, data := range pages {
		golden.Check(t, filepath.Join(docsDir, name), data)
	}
	files, err := filepath.Glob(filepath.Join(docsDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := pages[filepath.Base(f)]; !ok {
			t.Errorf("docs/rules/%s is not generated from the catalog: delete it or add the rule", filepath.Base(f))
		}
	}
}

// TestRuleDocContents checks that each page carries every part the catalog
// holds for its rule, so an empty catalog field shows up as a failure.
func TestRuleDocContents(t *testing.T) {
	pages := renderDocs(t)
	index := string(pages["README.md"])
	for _, r := range check.Rules() {
		page := string(pages[r.Code+".md"])
		for _, want := range []string{
			"# " + r.Code + " " + r.Name + "\n",
			"| Default severity | " + r.Severity.String() + " |",
			"| Profile | `" + r.Profile + "`",
			"## What it checks and why",
			"## How to fix",
			"## How to record an exception",
			"rule: " + r.Code,
			"## Sources",
			"## Example",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page %s lacks %q", r.Code, want)
			}
		}
		for _, s := range r.Sources {
			if !strings.Contains(page, "- "+s.Markdown()+"\n") {
				t.Errorf("page %s lacks source %q", r.Code, s)
			}
		}
		if r.Summary == "" || r.Doc == "" || r.Fix == "" {
			t.Errorf("%s: summary, doc and fix must all be set", r.Code)
		}
		if !strings.Contains(index, "| ["+r.Code+"]("+r.Code+".md) | "+r.Name+" | "+r.Profile+" | "+r.Severity.String()+" |") {
			t.Errorf("index lacks a row for %s", r.Code)
		}
	}
	for _, c := range []struct{ code, want string }{
		{"SEC002", "- `ffiec`: makes it an error."},
		{"SEC002", "- `us-federal`: switches it off."},
		{"SEC004", "- `nydfs`: makes it an error."},
		{"SEC004", "- `ffiec`: makes it an error."},
		{"SEC008", "- `gdpr` (opt-in"},
		{"SEC005", "| Parameter | `max`, default 2 |"},
	} {
		if !strings.Contains(string(pages[c.code+".md"]), c.want) {
			t.Errorf("page %s lacks %q", c.code, c.want)
		}
	}
	if !strings.Contains(index, "| [SEC002](SEC002.md) | security-reports-to-it | security | warning | ffiec: error; us-federal: off |") {
		t.Errorf("index row for SEC002 does not show its profile changes:\n%s", index)
	}
}

// dump formats diagnostics one a line.
func dump(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("\t" + d.String() + "\n")
	}
	return b.String()
}

package check_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph/check"
	"github.com/orgchart/orgchart/graph/diag"
)

// The package's golden files (the rule pages under docs/rules) are rewritten
// with -update. The flag may already be declared by another test file of the
// same test binary; declaring it twice would panic, so look it up first.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// updating reports whether -update was given.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

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
	if updating() {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range pages {
			if err := os.WriteFile(filepath.Join(docsDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil {
			t.Errorf("%v: run go test ./graph/check/ -run TestRuleDocs -update", err)
			continue
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("docs/rules/%s is stale (-generated +committed), run go test ./graph/check/ -run TestRuleDocs -update:\n%s", name, diff)
		}
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

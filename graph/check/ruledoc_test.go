package check

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/graph"
)

// TestRuleFilesMatchRules checks that every rules/*.md file belongs to a
// registered rule (register already fails on a rule without one).
func TestRuleFilesMatchRules(t *testing.T) {
	files, err := fs.Glob(ruleFiles, "rules/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		code := strings.TrimSuffix(strings.TrimPrefix(f, "rules/"), ".md")
		if _, ok := Lookup(code); !ok {
			t.Errorf("graph/check/%s documents no registered rule", f)
		}
	}
	if len(files) != len(Rules()) {
		t.Errorf("%d rule files for %d rules", len(files), len(Rules()))
	}
}

// TestORG012ListsRoleCodes keeps ORG012's fix, which lists the role
// catalog, in step with graph.RoleCodes.
func TestORG012ListsRoleCodes(t *testing.T) {
	r, _ := Lookup("ORG012")
	if want := strings.Join(graph.RoleCodes, ", "); !strings.Contains(r.Fix, "("+want+")") {
		t.Errorf("ORG012's fix does not list the role codes (%s):\n%s", want, r.Fix)
	}
}

func TestParseRuleDoc(t *testing.T) {
	const front = "---\ncode: X001\nname: x\nseverity: warning\nprofile: core\nsummary: \"s: t\"\n---\n"
	const body = "\n## What it checks and why\n\nWhy.\n\n## How to fix\n\nFix:\n\n```yaml\n## not a heading\n```\n\n" +
		"## Sources\n\n- plain\n- [linked](https://example.org/a)\n\n## Example\n\n```yaml\npeople: [] # want \"X001\"\n```\n"
	doc, err := parseRuleDoc("X001", []byte(front+body))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Name != "x" || doc.Summary != "s: t" || doc.Doc != "Why." || !strings.HasSuffix(doc.Fix, "## not a heading\n```") ||
		doc.Example != "people: [] # want \"X001\"\n" ||
		len(doc.Sources) != 2 || doc.Sources[0] != (Source{Text: "plain"}) || doc.Sources[1] != (Source{Text: "linked", URL: "https://example.org/a"}) {
		t.Errorf("parseRuleDoc = %+v", doc)
	}
	for _, tt := range []struct{ name, src, want string }{
		{"no front matter", body, "no front matter"},
		{"wrong code", strings.Replace(front, "X001", "X002", 1) + body, `code "X002"`},
		{"unknown key", strings.Replace(front, "name:", "nme:", 1) + body, "front matter"},
		{"bad severity", strings.Replace(front, "warning", "loud", 1) + body, "severity"},
		{"bad profile", strings.Replace(front, "core", "sox", 1) + body, "profile"},
		{"unknown section", front + "\n## Notes\n\nx\n" + body, "unknown section ## Notes"},
		{"out of order", front + "\n## How to fix\n\nx\n" + body, "out of order"},
		{"text first", front + "intro\n" + body, "before the first"},
		{"no example", front + "\n## What it checks and why\n\nWhy.\n\n## How to fix\n\nFix.\n", "want sections"},
		{"bad source", front + strings.Replace(body, "- plain", "plain", 1), "not a list item"},
		{"example not yaml", front + strings.Replace(body, "```yaml\npeople", "```json\npeople", 1), "```yaml"},
	} {
		if _, err := parseRuleDoc("X001", []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: parseRuleDoc error = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

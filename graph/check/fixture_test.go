package check

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/graph/load"
)

// The fixture harness, after golang.org/x/tools/go/analysis/analysistest.
//
// Every testdata/*/*.yaml file is a chart. A comment
//
//	# want "ORG005" "SEC002"
//
// on a line says that exactly those codes must be reported, as active
// (unsuppressed) diagnostics, on that line; a code repeated in the list must
// be reported that many times. Lines without a want comment must get none.
// Header comments, on the comment lines at the top of the file, set up the
// run:
//
//	# profiles: gdpr ffiec -security   (--profile values; "-NAME" removes a default profile)
//	# now: 2026-06-01                  (today's date for exception expiry; default fixtureNow)
//
// The chart's own policy section applies as well. The harness fails on every
// missing and every unexpected finding, and prints each.

// fixtureNow is "today" for fixtures without a now header.
var fixtureNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

var (
	wantRe   = regexp.MustCompile(`#\s*want((?:\s+"[^"]*")+)\s*$`)
	quotedRe = regexp.MustCompile(`"([^"]*)"`)
)

// fixture is a parsed fixture file.
type fixture struct {
	path     string
	profiles []string
	now      time.Time
	want     map[finding]int
}

// finding is one expected or reported (line, code) pair.
type finding struct {
	line int
	code string
}

func parseFixture(path string, data []byte) (*fixture, error) {
	fx := &fixture{path: path, now: fixtureNow, want: map[finding]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := true
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trim := strings.TrimSpace(line)
		if header {
			switch {
			case strings.HasPrefix(trim, "# profiles:"):
				fx.profiles = append(fx.profiles, strings.Fields(strings.TrimPrefix(trim, "# profiles:"))...)
				continue
			case strings.HasPrefix(trim, "# now:"):
				t, err := time.Parse(time.DateOnly, strings.TrimSpace(strings.TrimPrefix(trim, "# now:")))
				if err != nil {
					return nil, fmt.Errorf("%s:%d: bad now header: %v", path, n, err)
				}
				fx.now = t
				continue
			case trim == "" || strings.HasPrefix(trim, "#"):
			default:
				header = false
			}
		}
		if !strings.Contains(line, "want") {
			continue
		}
		m := wantRe.FindStringSubmatch(line)
		if m == nil {
			if strings.Contains(line, "# want") {
				return nil, fmt.Errorf("%s:%d: malformed want comment: want `# want \"CODE\" ...`", path, n)
			}
			continue
		}
		for _, q := range quotedRe.FindAllStringSubmatch(m[1], -1) {
			fx.want[finding{n, q[1]}]++
		}
	}
	return fx, sc.Err()
}

// fixtureFiles lists every fixture, sorted.
func fixtureFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures under testdata/*/*.yaml")
	}
	slices.Sort(files)
	return files
}

// allFixtures parses every fixture.
func allFixtures(t *testing.T) []*fixture {
	t.Helper()
	var out []*fixture
	for _, path := range fixtureFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fx, err := parseFixture(path, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fx)
	}
	return out
}

// runFixtureData checks the fixture data, named path.
func runFixtureData(t *testing.T, path string, data []byte) (*fixture, *Result) {
	t.Helper()
	fx, err := parseFixture(path, data)
	if err != nil {
		t.Fatal(err)
	}
	org, err := load.Chart(path, data, load.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	pol, err := NewPolicy(fx.profiles, org.Policy)
	if err != nil {
		t.Fatalf("policy: %v", err)
	}
	now := fx.now
	pol.Now = func() time.Time { return now }
	return fx, Run(graph.Build(org), pol)
}

func TestFixtures(t *testing.T) {
	for _, path := range fixtureFiles(t) {
		name := strings.TrimSuffix(filepath.ToSlash(strings.TrimPrefix(path, "testdata"+string(filepath.Separator))), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			checkWants(t, path, data)
		})
	}
}

// TestRuleExamples checks each rule's example chart (the ## Example of
// rules/CODE.md) like a fixture: its # want comments must be exactly what
// is reported, and it must want its own rule.
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.Code, func(t *testing.T) {
			if !strings.Contains(r.Example, `# want "`+r.Code+`"`) {
				t.Errorf("the example of %s wants no %s", r.Code, r.Code)
			}
			checkWants(t, r.Code+".yaml", []byte(r.Example))
		})
	}
}

// checkWants runs the fixture data, named path, and fails on every missing
// and every unexpected finding.
func checkWants(t *testing.T, path string, data []byte) {
	t.Helper()
	fx, res := runFixtureData(t, path, data)
	got := map[finding]int{}
	msgs := map[finding][]string{}
	for _, d := range res.Active() {
		if d.Pos.File != path {
			t.Errorf("%s: diagnostic in file %q, want %q", d, d.Pos.File, path)
		}
		if d.Code == "" || d.Rule == "" || d.Severity == diag.SeverityNone || d.Message == "" {
			t.Errorf("%s: code, rule, severity and message must be set: %+v", path, d)
		}
		f := finding{d.Pos.Line, d.Code}
		got[f]++
		msgs[f] = append(msgs[f], d.String())
	}
	keys := slices.Collect(func(yield func(finding) bool) {
		for f := range fx.want {
			if !yield(f) {
				return
			}
		}
		for f := range got {
			if _, ok := fx.want[f]; !ok && !yield(f) {
				return
			}
		}
	})
	slices.SortFunc(keys, func(a, b finding) int { return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.code, b.code)) })
	for _, f := range keys {
		w, g := fx.want[f], got[f]
		switch {
		case g < w:
			t.Errorf("%s:%d: missing %s (want %d, got %d)", path, f.line, f.code, w, g)
		case g > w:
			t.Errorf("%s:%d: unexpected %s (want %d, got %d):\n\t%s", path, f.line, f.code, w, g, strings.Join(msgs[f], "\n\t"))
		}
	}
}

// TestFixturesCoverRules demands that, across the fixtures, every ORG rule
// is seen firing at least once.
func TestFixturesCoverRules(t *testing.T) {
	fired := map[string]bool{}
	for _, fx := range allFixtures(t) {
		for f := range fx.want {
			fired[f.code] = true
		}
	}
	for _, r := range Rules() {
		if r.Profile == ProfileCore && !fired[r.Code] {
			t.Errorf("no fixture under testdata/ wants %s (%s)", r.Code, r.Name)
		}
	}
}

func TestParseFixture(t *testing.T) {
	src := "# profiles: gdpr -security\n# now: 2025-02-01\norg: x\npeople:\n  - id: a # want \"ORG001\" \"ORG001\" \"SEC002\"\n  - id: b # a comment that says want nothing\n"
	fx, err := parseFixture("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(fx.profiles, []string{"gdpr", "-security"}) {
		t.Errorf("profiles = %q", fx.profiles)
	}
	if !fx.now.Equal(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("now = %v", fx.now)
	}
	want := map[finding]int{{5, "ORG001"}: 2, {5, "SEC002"}: 1}
	if !maps.Equal(fx.want, want) {
		t.Errorf("want = %v, want %v", fx.want, want)
	}
	if _, err := parseFixture("f.yaml", []byte("people:\n  - id: a # want ORG001\n")); err == nil {
		t.Error("an unquoted want code was accepted")
	}
}

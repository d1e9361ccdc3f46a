package synth

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/load"
	"github.com/orgchart/orgchart/internal/golden"
)

func TestGenerateSizes(t *testing.T) {
	for _, n := range []int{-1, 0, 1, 2, 3, 5, 11, 15, 16, 17, 100, 1000} {
		org := Generate(n, 1)
		if got := len(org.People); got != max(n, 0) {
			t.Errorf("Generate(%d) has %d entries", n, got)
			continue
		}
		if n > 0 {
			checkClean(t, org)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	write := func(org *graph.Org) string {
		var b bytes.Buffer
		if err := WriteCSV(&b, org); err != nil {
			t.Fatal(err)
		}
		if err := WriteYAML(&b, org); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	a, b := write(Generate(5000, 7)), write(Generate(5000, 7))
	if a != b {
		t.Errorf("Generate(5000, 7) written twice differs")
	}
	if c := write(Generate(5000, 8)); c == a {
		t.Errorf("Generate(5000, 8) = Generate(5000, 7), want the seed to matter")
	}
}

// checkClean checks the structural promises of the package doc on org.
func checkClean(t *testing.T, org *graph.Org) {
	t.Helper()
	g := graph.Build(org)
	n := g.Len()
	if c := g.Cycles(); c != nil {
		t.Errorf("n=%d: cycles %v", n, c)
	}
	if d := cmp.Diff([]int{0}, g.Tops()); d != "" {
		t.Errorf("n=%d: Tops() (-want +got):\n%s", n, d)
	}
	if org.People[0].ID != "board" || org.People[0].Kind != graph.KindBoard {
		t.Errorf("n=%d: first entry %q (%s), want the board", n, org.People[0].ID, org.People[0].Kind)
	}
	for i, p := range org.People {
		if g.IsDuplicate(i) {
			t.Errorf("n=%d: id %q repeats", n, p.ID)
		}
		if i > 0 && (len(p.ReportsTo) != 1 || g.Manager(i) < 0) {
			t.Errorf("n=%d: %q reports to %v, want exactly one resolved manager", n, p.ID, p.ReportsTo)
		}
		if s := g.Span(i); s > 12 {
			t.Errorf("n=%d: %q has %d reports, more than 12", n, p.ID, s)
		}
		if p.Vacant && (g.Span(i) > 0 || p.Name != "" || p.Email != "") {
			t.Errorf("n=%d: vacant %q has %d reports, name %q, email %q", n, p.ID, g.Span(i), p.Name, p.Email)
		}
		if !p.Vacant && (p.Name == "" || p.Title == "" || p.Department == "") {
			t.Errorf("n=%d: %q lacks a name, title or department: %+v", n, p.ID, p)
		}
		if len(p.Dotted) != len(g.DottedFrom(i)) {
			t.Errorf("n=%d: %q has dotted lines %v, %d resolved", n, p.ID, p.Dotted, len(g.DottedFrom(i)))
		}
		for _, l := range g.DottedFrom(i) {
			// ORG006: no dotted line to oneself, one's manager or a
			// subordinate.
			if l.To == i || l.To == g.Manager(i) || g.InChain(i, l.To) {
				t.Errorf("n=%d: dotted line %q → %q is redundant (self, manager or subordinate)", n, p.ID, org.People[l.To].ID)
			}
			// Generated entries' dotted lines go to another branch.
			if i >= len(heads) && (g.InChain(l.To, i) || g.Span(l.To) == 0) {
				t.Errorf("n=%d: dotted line %q → %q is not to a manager in another branch", n, p.ID, org.People[l.To].ID)
			}
		}
	}
	roles := map[string][]string{}
	for _, p := range org.People {
		for _, r := range p.Roles {
			roles[r.Code] = append(roles[r.Code], p.ID)
		}
	}
	for code, holders := range roles {
		if len(holders) != 1 {
			t.Errorf("n=%d: role %s held by %v, want one holder", n, code, holders)
		}
	}
	if ciso, ok := g.Lookup("ciso"); ok {
		if ceo, _ := g.Lookup("ceo"); g.Manager(ciso) != ceo {
			t.Errorf("n=%d: the CISO reports to %d, want the CEO", n, g.Manager(ciso))
		}
	}
}

func TestGenerateRealistic(t *testing.T) {
	const n = 50_000
	org := Generate(n, 3)
	checkClean(t, org)
	g := graph.Build(org)
	var vacant, dotted, managers, reports, maxLevel int
	depts := map[string]bool{}
	for i, p := range org.People {
		if p.Vacant {
			vacant++
		}
		dotted += len(p.Dotted)
		if s := g.Span(i); s > 0 {
			managers++
			reports += s
		}
		maxLevel = max(maxLevel, g.Level(i))
		depts[p.Department] = true
	}
	within := func(what string, got, lo, hi float64) {
		if got < lo || got > hi {
			t.Errorf("%s = %.3f, want within [%.3f, %.3f]", what, got, lo, hi)
		}
	}
	within("vacant share", float64(vacant)/n, 0.015, 0.025)
	within("dotted-line share", float64(dotted)/n, 0.02, 0.04)
	within("mean span of managers", float64(reports)/float64(managers), 5, 8.5)
	// board, CEO, executive, then a tree of fan-out about 7: depth grows
	// with log n, and even a million people stay within ORG010's limit.
	within("depth", float64(maxLevel), 2+math.Floor(math.Log(n/100)/math.Log(10)), 8)
	if len(depts) < 10 {
		t.Errorf("%d departments, want at least 10", len(depts))
	}
}

// TestWriteCSV reads the CSV back and compares every field.
func TestWriteCSV(t *testing.T) {
	org := Generate(3000, 2)
	org.People[20].ReportsTo = append(org.People[20].ReportsTo, graph.Ref{ID: "cfo"}) // several values
	org.People[21].Title = `Lead, "Platform" team`                                    // quoting
	var b bytes.Buffer
	if err := WriteCSV(&b, org); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("reading WriteCSV output: %v", err)
	}
	if d := cmp.Diff(CSVHeader, rows[0]); d != "" {
		t.Errorf("header (-want +got):\n%s", d)
	}
	if len(rows) != len(org.People)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(org.People)+1)
	}
	for i, p := range org.People {
		want := []string{p.ID, p.Name, p.Title, p.Department, refIDs(p.ReportsTo), refIDs(p.Dotted), roleCodes(p.Roles), "", p.Email, ""}
		if p.Vacant {
			want[7] = "true"
		}
		if p.IsBody() {
			want[9] = string(p.Kind)
		}
		if d := cmp.Diff(want, rows[i+1]); d != "" {
			t.Errorf("row %d (-want +got):\n%s", i+1, d)
		}
	}
}

func refIDs(refs []graph.Ref) string {
	var ids []string
	for _, r := range refs {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ";")
}

func roleCodes(roles []graph.Role) string {
	var codes []string
	for _, r := range roles {
		codes = append(codes, r.Code)
	}
	return strings.Join(codes, ";")
}

// yamlChart is the chart format's shape, as far as WriteYAML writes it.
type yamlChart struct {
	Org    string       `yaml:"org"`
	People []yamlPerson `yaml:"people"`
}

type yamlPerson struct {
	ID         string    `yaml:"id"`
	Name       string    `yaml:"name"`
	Title      string    `yaml:"title"`
	Department string    `yaml:"department"`
	Kind       string    `yaml:"kind"`
	Roles      []string  `yaml:"roles"`
	ReportsTo  yaml.Node `yaml:"reports_to"`
	Dotted     []any     `yaml:"dotted"`
	Vacant     bool      `yaml:"vacant"`
	Email      string    `yaml:"email"`
}

// TestWriteYAML reads the YAML back with a YAML library and compares every
// field, including strings that need quoting.
func TestWriteYAML(t *testing.T) {
	org := Generate(3000, 2)
	tricky := []string{
		"true", "No", "null", "~", "123", "1e3", "-x", "- x", "a: b", "a #b", "#x", "'q'", `"dq"`,
		" lead", "trail ", "multi\nline", "tab\there", "[x]", "{y}", "x, y", "*star", "&amp", "!tag",
		"%pct", "@at", "`tick", "|pipe", ">gt", "?q", "Zoë Müller", "O'Brien", "日本", "back\\slash", "",
	}
	for k, s := range tricky {
		p := org.People[100+k]
		p.Name, p.Title = s, s
		p.Dotted = []graph.Ref{{ID: "cfo", Type: s}}
	}
	org.People[20].ReportsTo = append(org.People[20].ReportsTo, graph.Ref{ID: "cfo"})
	org.Title = "Acme: synthetic"
	var b bytes.Buffer
	if err := WriteYAML(&b, org); err != nil {
		t.Fatal(err)
	}
	var got yamlChart
	if err := yaml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("reading WriteYAML output: %v", err)
	}
	if got.Org != org.Title || len(got.People) != len(org.People) {
		t.Fatalf("read org %q with %d people, want %q with %d", got.Org, len(got.People), org.Title, len(org.People))
	}
	for i, p := range org.People {
		y := got.People[i]
		kind := ""
		if p.Kind != graph.KindPerson {
			kind = string(p.Kind)
		}
		if y.ID != p.ID || y.Name != p.Name || y.Title != p.Title || y.Department != p.Department ||
			y.Kind != kind || y.Vacant != p.Vacant || y.Email != p.Email {
			t.Errorf("entry %d read back as %+v, want %+v", i, y, p)
		}
		var wantRoles []string
		for _, r := range p.Roles {
			wantRoles = append(wantRoles, r.Code)
		}
		if d := cmp.Diff(wantRoles, y.Roles); d != "" {
			t.Errorf("entry %d roles (-want +got):\n%s", i, d)
		}
		var mgrs []string
		switch y.ReportsTo.Kind {
		case yaml.ScalarNode:
			mgrs = []string{y.ReportsTo.Value}
		case yaml.SequenceNode:
			for _, c := range y.ReportsTo.Content {
				mgrs = append(mgrs, c.Value)
			}
		}
		if d := cmp.Diff(refIDs(p.ReportsTo), strings.Join(mgrs, ";")); d != "" {
			t.Errorf("entry %d reports_to (-want +got):\n%s", i, d)
		}
		var dotted []graph.Ref
		for _, d := range y.Dotted {
			switch d := d.(type) {
			case string:
				dotted = append(dotted, graph.Ref{ID: d})
			case map[string]any:
				dotted = append(dotted, graph.Ref{ID: d["to"].(string), Type: d["type"].(string)})
			default:
				t.Errorf("entry %d: dotted line %#v", i, d)
			}
		}
		if d := cmp.Diff(p.Dotted, dotted); d != "" {
			t.Errorf("entry %d dotted (-want +got):\n%s", i, d)
		}
	}
}

// TestGolden pins the bytes of a small chart in both formats.
func TestGolden(t *testing.T) {
	org := Generate(40, 1)
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"org40.csv", func(b *bytes.Buffer) error { return WriteCSV(b, org) }},
		{"org40.yaml", func(b *bytes.Buffer) error { return WriteYAML(b, org) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", f.name), b.Bytes())
	}
}

func TestPlainOK(t *testing.T) {
	for _, tt := range []struct {
		s      string
		inFlow bool
		want   bool
	}{
		{"Dana Reyes", false, true},
		{"Vice President, Sales", false, true},
		{"Vice President, Sales", true, false},
		{"u0000123", true, true},
		{"audit-committee", true, true},
		{"yes", false, false},
		{"Yes man", false, true},
		{"9am", false, false},
		{"a:b", false, false},
	} {
		if got := plainOK(tt.s, tt.inFlow); got != tt.want {
			t.Errorf("plainOK(%q, %v) = %v, want %v", tt.s, tt.inFlow, got, tt.want)
		}
	}
	if !slices.Equal(CSVHeader, []string{"id", "name", "title", "department", "manager_id", "dotted", "roles", "vacant", "email", "kind"}) {
		t.Errorf("CSVHeader = %v", CSVHeader)
	}
}

// TestLoadRoundTrip reads both formats back with the chart loaders: every
// entry, line and role comes back, with no load findings.
func TestLoadRoundTrip(t *testing.T) {
	org := Generate(3000, 5)
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *graph.Org) error
		types bool // dotted-line types survive
	}{
		{"org.csv", func(b *bytes.Buffer, o *graph.Org) error { return WriteCSV(b, o) }, false},
		{"org.yaml", func(b *bytes.Buffer, o *graph.Org) error { return WriteYAML(b, o) }, true},
	} {
		t.Run(f.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.write(&b, org); err != nil {
				t.Fatal(err)
			}
			got, err := load.Chart(f.name, b.Bytes(), load.Options{})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(got.Diagnostics) > 0 {
				t.Errorf("Load found %d problems, first %v", len(got.Diagnostics), got.Diagnostics[0])
			}
			if len(got.People) != len(org.People) {
				t.Fatalf("Load read %d entries, want %d", len(got.People), len(org.People))
			}
			type entry struct {
				ID, Name, Title, Department, Email string
				Kind                               graph.Kind
				Vacant                             bool
				ReportsTo, Dotted, Roles           string
			}
			flat := func(p *graph.Person) entry {
				e := entry{p.ID, p.Name, p.Title, p.Department, p.Email, p.Kind, p.Vacant, refIDs(p.ReportsTo), "", roleCodes(p.Roles)}
				for _, d := range p.Dotted {
					e.Dotted += d.ID
					if f.types {
						e.Dotted += ":" + d.Type
					}
					e.Dotted += ";"
				}
				return e
			}
			for i, p := range org.People {
				if d := cmp.Diff(flat(p), flat(got.People[i])); d != "" {
					t.Errorf("entry %d (-generated +loaded):\n%s", i, d)
				}
			}
			g := graph.Build(got)
			if g.Cycles() != nil || len(g.Tops()) != 1 || len(g.Lines()) != len(graph.Build(org).Lines()) {
				t.Errorf("loaded chart: %d cycles, tops %v, %d lines", len(g.Cycles()), g.Tops(), len(g.Lines()))
			}
		})
	}
}

// TestWriteDirectory: the Entra and LDIF writers give exports that load to
// the same people, titles and solid lines as the chart (directory exports
// carry no dotted lines or vacancies; a vacancy is named by its id).
func TestWriteDirectory(t *testing.T) {
	org := Generate(300, 7)
	for _, f := range []struct {
		format string
		write  func(io.Writer, *graph.Org) error
	}{{"entra", WriteEntra}, {"ldif", WriteLDIF}} {
		var buf bytes.Buffer
		if err := f.write(&buf, org); err != nil {
			t.Fatal(err)
		}
		got, err := load.Chart("org", buf.Bytes(), load.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f.format, err)
		}
		if got.Format != f.format || len(got.People) != len(org.People) {
			t.Fatalf("%s: read as %s with %d people, want %d", f.format, got.Format, len(got.People), len(org.People))
		}
		for i, p := range org.People {
			q := got.People[i]
			if f.format == "ldif" && q.ID != p.ID || p.Name != "" && q.Name != p.Name || q.Title != p.Title || refIDs(q.ReportsTo) != mapped(got, org, p) {
				t.Errorf("%s entry %d = %s %q %q %q, want %s %q %q %q", f.format, i, q.ID, q.Name, q.Title, refIDs(q.ReportsTo), p.ID, p.Name, p.Title, mapped(got, org, p))
				break
			}
		}
	}
}

// mapped is p's first manager as the chart read from a directory export
// names it (the manager's entry at the same index).
func mapped(got, org *graph.Org, p *graph.Person) string {
	if len(p.ReportsTo) == 0 {
		return ""
	}
	for i, q := range org.People {
		if q.ID == p.ReportsTo[0].ID {
			return got.People[i].ID
		}
	}
	return ""
}

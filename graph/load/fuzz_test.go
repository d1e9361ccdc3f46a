package load

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// fuzzSeeds adds the loader test inputs and the files under
// testdata/charts with the given extensions as seeds.
func fuzzSeeds(f *testing.F, inline []string, exts ...string) {
	for _, s := range inline {
		f.Add([]byte(s))
	}
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "charts", "*"+ext))
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkLoad asserts the loader invariants: every error is positioned, every
// loaded entry has an id and a position.
func checkLoad(t *testing.T, org *graph.Org, err error) {
	t.Helper()
	if err != nil {
		var list diag.ErrorList
		var one *diag.Error
		switch {
		case errors.As(err, &list):
			if len(list) == 0 {
				t.Fatalf("empty ErrorList")
			}
			for _, e := range list {
				if e.Pos.Line < 1 {
					t.Fatalf("error without a line: %v", e)
				}
			}
		case errors.As(err, &one):
			if one.Pos.Line < 1 {
				t.Fatalf("error without a line: %v", one)
			}
		default:
			t.Fatalf("error %v (%T) is not positioned", err, err)
		}
		return
	}
	for i, p := range org.People {
		if p.ID == "" || !p.Pos.IsValid() || p.Index != i {
			t.Fatalf("entry %d: id %q pos %v index %d", i, p.ID, p.Pos, p.Index)
		}
		for _, r := range p.ReportsTo {
			if r.ID == "" || !r.Pos.IsValid() {
				t.Fatalf("entry %q: bad ref %+v", p.ID, r)
			}
		}
	}
	for _, d := range org.Diagnostics {
		if !d.Pos.IsValid() {
			t.Fatalf("diagnostic without a position: %v", d)
		}
	}
}

var yamlSeeds = []string{
	fullYAML,
	"people: []\n",
	"version: 1\npeople:\n  - id: a\n    dotted: b\n    roles: CIO, CISO\n",
	"people:\n  - &a {id: x}\n  - *a\n",
	"people:\n  - id: a\n    <<: {name: b}\n",
	"a: b\n---\nc: d\n",
	"people:\n\t- id: a\n",
	"people: [\n",
	"people:\n  - id: a\n    assistant: true\npolicy:\n  rules: {ORG009: {max: 3}}\n",
	"x: [[[[[[[[[[[[]]]]]]]]]]]]\n",
	"",
}

func FuzzLoadYAML(f *testing.F) {
	fuzzSeeds(f, yamlSeeds, ".yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := Chart("f.yaml", data, Options{Format: "yaml"})
		checkLoad(t, org, err)
		// The parallel parse of large charts, cut at every item, must
		// agree with the one-core parse.
		if diff := sameParallel("f.yaml", data); diff != "" {
			t.Fatal(diff)
		}
	})
}

func FuzzLoadJSON(f *testing.F) {
	fuzzSeeds(f, []string{
		fullJSON,
		`{"people": []}`,
		`{"people": [{"id": "a", "id": "b"}]}`,
		`{"people": [{"id": 1, "vacant": "maybe", "dotted": [{"to": "x"}, "y"]}], "policy": {"rules": {"X": "off"}}}`,
		`[1, 2, {"a": null}]`,
		"{\"people\": [\n",
		`{"people": []} {}`,
		"\ufeff{}",
		"",
	}, ".json")
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := Chart("f.json", data, Options{Format: "json"})
		checkLoad(t, org, err)
	})
}

func FuzzLoadCSV(f *testing.F) {
	fuzzSeeds(f, []string{
		"\ufeffEmployee ID,Full Name,Job Title,Manager Email,Email,Cost Center\r\n1,A,CEO,,a@x.com,1\r\n2,\"B, b\",CISO,A@x.com,b@x.com,2\r\n\r\n",
		"id;name;manager\n1;A;\n2;B;1|3\n",
		"Email\tFirst Name\tLast Name\tVacant\na@x\tA\tB\tyes\n",
		"id,vacant,assistant,kind,roles,dotted\n1,maybe,true,robot,a;b,c|d\n",
		"id,name\n1,\"A\n",
		"id\n\"",
		"name\nA\n",
		",,,\n,,,\n",
		"",
	}, ".csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		org, err := Chart("f.csv", data, Options{Format: "csv"})
		checkLoad(t, org, err)
		// Errors name a line of the file and a field number (not a
		// byte column, not past the end of the file).
		var list diag.ErrorList
		if errors.As(err, &list) {
			lines := bytes.Count(data, []byte{'\n'}) + 1
			fields := bytes.Count(data, []byte(string(sniffDelimiter(data)))) + 1
			for _, e := range list {
				if e.Pos.Line > lines || e.Pos.Column > fields {
					t.Fatalf("error at %d:%d, but the file has %d lines and at most %d fields: %v", e.Pos.Line, e.Pos.Column, lines, fields, e)
				}
			}
		}
		// The parallel read of large files, cut into two, three and
		// one chunk per record, must agree with the one-core read.
		if diff, _ := sameCSVParallel("f.csv", data); diff != "" {
			t.Fatal(diff)
		}
	})
}

func FuzzLoadPolicy(f *testing.F) {
	fuzzSeeds(f, []string{
		"profiles: [core, gdpr]\nrules:\n  sec002: off\n  ORG009: {severity: info, max: 20}\nexceptions:\n  - {rule: SEC004, id: ciso, until: 2026-12-31}\n",
		"policy:\n  profiles: nydfs\n",
		`{"policy": {"rules": {"ORG010": "error"}}}`,
		`{"exceptions": [{"rule": "a", "id": "b", "until": "2027-02-30"}]}`,
		"rules: [a]\n",
		"",
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"p.yaml", "p.json"} {
			spec, err := Policy(name, data)
			checkLoad(t, &graph.Org{}, err)
			if err == nil && spec == nil {
				t.Fatalf("LoadPolicy = nil, nil")
			}
		}
	})
}

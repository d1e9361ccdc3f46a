package load

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/orgchart/orgchart/graph"
)

// loadBothWays loads data as format from the text (jsontext, the fast
// path) and from parseJSON's tree, and fails unless both give the same
// chart or the same error.
func loadBothWays(t *testing.T, format string, data []byte) {
	t.Helper()
	fast, ferr := Chart("f", data, Options{Format: format})
	readText = false
	slow, serr := Chart("f", data, Options{Format: format})
	readText = true
	if fmt.Sprint(ferr) != fmt.Sprint(serr) {
		t.Fatalf("%s: text read error %v, tree read error %v", format, ferr, serr)
	}
	if diff := cmp.Diff(slow, fast, cmpopts.EquateEmpty(), cmp.AllowUnexported(graph.Org{}, graph.Person{})); diff != "" {
		t.Fatalf("%s: text read differs from tree read (-tree +text):\n%s", format, diff)
	}
}

func TestDirJSONPaths(t *testing.T) {
	for _, tc := range []struct{ format, file string }{
		{"entra", "entra.json"}, {"google", "google.json"}, {"okta", "okta.json"}, {"scim", "scim.json"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			data := readDirFixture(t, tc.file)
			loadBothWays(t, tc.format, data)
			org, err := Chart("f", data, Options{Format: tc.format})
			if err != nil || len(org.People) == 0 {
				t.Fatalf("Chart(%s) = %d people, %v; want people", tc.file, len(org.People), err)
			}
		})
	}
	for _, in := range []string{
		"", " ", "\ufeff", "[]", "{}", "null", `{"value": [{"id": "1"}]} x`, `{"value": [{"id": "\xff"}]}`,
		`{"value": [{"id": "1", "id": "2"}]}`, `[{"value": [{"id": "1"}]}, {"x": 1}, {"value": 2}]`,
		`{"value": [{"id": "a\u00e9\ud800", "manager": {"id": "a"}}]}`,
		`[[{"id": "1", "profile": {"login": "\u0041"}}], {"profile": {"login": "b", "managerId": "1"}}]`,
		`{"Resources": [{"userName": "a", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": {"value": 1e3}}}]}`,
		`{"users": [{"primaryEmail": "a", "relations": [{"type": "manager", "value": "A"}], "organizations": [{"primary": "TRUE"}]}]}`,
		`{"value": [` + deep(1200) + `]}`, `{"value": [` + deep(900) + `]}`,
	} {
		for _, f := range []string{"entra", "google", "okta", "scim"} {
			loadBothWays(t, f, []byte(in))
		}
	}
}

// deep returns n nested arrays.
func deep(n int) string {
	b := make([]byte, 0, 2*n)
	for range n {
		b = append(b, '[')
	}
	for range n {
		b = append(b, ']')
	}
	return string(b)
}

// FuzzDirJSONPaths checks that the JSON directory loaders read the same
// chart, or fail with the same error, from the text (jsontext) as from
// parseJSON's tree.
func FuzzDirJSONPaths(f *testing.F) {
	for _, file := range []string{"entra.json", "google.json", "okta.json", "scim.json"} {
		f.Add(readDirFixture(f, file))
	}
	f.Add([]byte(`[{"value": [{"id": "1", "manager": {"id": "2"}}]}, {"value": [{"id": "2", "mail": "A@x"}]}]`))
	f.Add([]byte(`[{"id": "1", "status": "DEPROVISIONED", "profile": {}}, {"id": "2", "profile": {"managerId": "1"}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []string{"entra", "google", "okta", "scim"} {
			loadBothWays(t, format, data)
		}
	})
}

// readDirFixture reads testdata/dir/name.
func readDirFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "dir", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

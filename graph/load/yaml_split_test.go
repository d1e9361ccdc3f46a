package load

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	yaml "go.yaml.in/yaml/v3"
)

// sameParallel loads data as YAML on one core and cut into many chunks
// (at every item when there are fewer than 1000), and reports any
// difference in the charts or errors.
func sameParallel(name string, data []byte) string {
	want, werr := loadYAMLChunks(name, data, &inferer{}, -1)
	got, gerr := loadYAMLChunks(name, data, &inferer{}, 1000)
	if diff := cmp.Diff(errStr(werr), errStr(gerr)); diff != "" {
		return "errors differ (-sequential +parallel):\n" + diff
	}
	if diff := cmp.Diff(want, got); diff != "" {
		return "charts differ (-sequential +parallel):\n" + diff
	}
	return ""
}

// TestLoadYAMLParallelSame checks that the parallel parse of a large
// chart gives exactly the chart (and positions) of the one-core parse.
func TestLoadYAMLParallelSame(t *testing.T) {
	gen := string(genYAML(400))
	if _, ok := parseYAMLParallel([]byte(gen), 1000); !ok {
		t.Fatalf("parseYAMLParallel(generated) declined")
	}
	tests := map[string]string{
		"generated":     gen,
		"comments":      strings.Replace(gen, "people:\n", "people:   # the list\n\n# a comment\n", 1) + "# trailing\npolicy:\n  rules: {ORG010: off}\n",
		"zero indent":   strings.ReplaceAll(strings.ReplaceAll(gen, "\n  - ", "\n- "), "\n    ", "\n  "),
		"multi-line":    strings.Replace(gen, "name: Person 200\n", "name: \"Person\n  - id: fake\n  200\"\n", 1),
		"block scalar":  strings.Replace(gen, "name: Person 100\n", "name: |\n      Person\n      100\n", 1),
		"flow":          strings.Replace(gen, "reports_to: e40\n", "reports_to: [\n  e40\n  ]\n", 1),
		"people after":  "org: x\n" + strings.Replace(gen, "version: 1\norg: Synthetic\n", "", 1) + "tops: [e0]\n",
		"crlf":          strings.ReplaceAll(gen, "\n", "\r\n"),
		"fullYAML":      fullYAML,
		"indented root": "people:\n" + strings.Repeat("  - id: a\n    name: b\n", 50),
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			if diff := sameParallel("p.yaml", []byte(src)); diff != "" {
				t.Error(diff)
			}
		})
	}
}

func errStr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestParseYAMLParallelUsed checks that the parallel path is taken for a
// plain generated chart and declined for ones it cannot cut safely.
func TestParseYAMLParallelUsed(t *testing.T) {
	gen := genYAML(200)
	if _, ok := parseYAMLParallel(gen, 0); ok {
		t.Errorf("parseYAMLParallel(small chart, 0) was used, want the one-core parse")
	}
	if _, ok := parseYAMLParallel(genYAML(3000), 0); !ok {
		t.Errorf("parseYAMLParallel(large chart, 0) declined")
	}
	if _, ok := parseYAMLParallel(gen, 4); !ok {
		t.Errorf("parseYAMLParallel(generated) declined")
	}
	for name, src := range map[string]string{
		"flow list": "people: [\n" + strings.Repeat("  {id: a},\n", 100) + "]\n",
		"anchors":   "people:\n  - &a {id: a}\n" + strings.Repeat("  - {id: b}\n", 100) + "  - *a\n",
		"no people": "org: x\n",
		"two docs":  string(gen) + "---\nx: 1\n",
	} {
		if doc, ok := parseYAMLParallel([]byte(src), 1000); ok {
			// Accepting is fine only if it equals the sequential parse.
			var seq yaml.Node
			dec := yaml.NewDecoder(bytes.NewReader([]byte(src)))
			if err := dec.Decode(&seq); err != nil {
				t.Errorf("%s: parallel parse accepted what the sequential one rejects: %v", name, err)
				continue
			}
			var next yaml.Node
			if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
				t.Errorf("%s: parallel parse accepted a second document", name)
			}
			_ = doc
		}
	}
}

// TestLoadYAMLParallelDecode checks that a chart large enough to be decoded
// on several cores reports every error and finding, in file order, and
// keeps its entries in file order.
func TestLoadYAMLParallelDecode(t *testing.T) {
	n := parallelPeople * 2
	src := string(genYAML(n))
	for _, id := range []string{"e10", "e5000", "e8000"} {
		src = strings.Replace(src, "  - id: "+id+"\n", "  - id: "+id+"\n    reportsto: x\n", 1)
	}
	org, err := Chart("big.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(org.People) != n {
		t.Fatalf("%d people, want %d", len(org.People), n)
	}
	for i, p := range org.People {
		if p.Index != i || p.ID != "e"+strconv.Itoa(i) {
			t.Fatalf("entry %d = %q index %d", i, p.ID, p.Index)
		}
	}
	var subjects []string
	for _, d := range org.Diagnostics {
		subjects = append(subjects, d.Subject)
	}
	if diff := cmp.Diff([]string{"e10", "e5000", "e8000"}, subjects); diff != "" {
		t.Errorf("ORG011 subjects (-want +got):\n%s", diff)
	}
	if org.People[1].Roles[0].Code != "CIO" {
		t.Errorf("e1 roles = %v, want inferred CIO", org.People[1].Roles)
	}

	bad := strings.Replace(src, "  - id: e7000\n", "  - xid: e7000\n", 1)
	bad = strings.Replace(bad, "  - id: e20\n", "  - id: e20\n    vacant: maybe\n", 1)
	_, err = Chart("big.yaml", []byte(bad), Options{})
	got := errStrings(t, err)
	if len(got) != 2 || !strings.Contains(got[0], `"vacant" must be true or false`) || !strings.Contains(got[1], `entry has no "id"`) {
		t.Errorf("errors = %q, want the vacant error then the missing id", got)
	}
}

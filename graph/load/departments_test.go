package load

import (
	"strings"
	"testing"
)

// TestDepartments reads `departments:` colours from YAML and JSON alike
// and rejects a malformed colour at its position.
func TestDepartments(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"c.yaml", "departments:\n  Finance: {color: \"#1F77B4\"}\n  IT: {color: \"#abc\"}\npeople:\n  - {id: a, department: Finance}\n"},
		{"c.json", `{"departments": {"Finance": {"color": "#1F77B4"}, "IT": {"color": "#abc"}}, "people": [{"id": "a", "department": "Finance"}]}`},
	} {
		org, err := Chart(tc.name, []byte(tc.src), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := org.Departments["Finance"].Color; got != "#1F77B4" {
			t.Errorf("%s: Finance colour = %q, want #1F77B4", tc.name, got)
		}
		if got := org.Departments["IT"].Color; got != "#aabbcc" {
			t.Errorf("%s: IT colour = %q, want #aabbcc", tc.name, got)
		}
	}
	for _, tc := range []struct{ name, src, want string }{
		{"bad.yaml", "departments:\n  Finance: {color: \"#12345\"}\npeople:\n  - {id: a}\n", `bad.yaml:2:20: department "Finance": colour "#12345" is not a hex colour`},
		{"bad.json", `{"departments": {"IT": {"color": "blue"}}, "people": [{"id": "a"}]}`, `bad.json:1:34: department "IT": colour "blue"`},
		{"list.yaml", "departments: [Finance]\npeople:\n  - {id: a}\n", `list.yaml:1:14: "departments" must be a mapping`},
	} {
		_, err := Chart(tc.name, []byte(tc.src), Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Chart(%s) error = %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

package theme

import (
	"fmt"
	"testing"
)

// TestDepartments checks the org engine's palette: at least 20 colours, all
// distinct and readable as text on a card (WCAG AA) in every theme, and a
// department's colour depends on its name only.
func TestDepartments(t *testing.T) {
	for name, th := range Themes {
		if len(th.Departments) < 20 {
			t.Errorf("%s: %d department colours, want at least 20", name, len(th.Departments))
		}
		seen := map[string]bool{}
		for i, c := range th.Departments {
			if r := Contrast(c, th.CardFill); r < MinContrast {
				t.Errorf("%s: department colour %d %s on %s: contrast %.2f, want >= %.1f", name, i, c, th.CardFill, r, MinContrast)
			}
			if seen[c] {
				t.Errorf("%s: department colour %s twice", name, c)
			}
			seen[c] = true
		}
	}
	th := Get("light")
	want := th.Department("Finance")
	for i := range 50 {
		_ = th.Department(fmt.Sprintf("Dept %d", i))
		if got := th.Department("Finance"); got != want {
			t.Fatalf("Department(Finance) = %s after other departments, want %s", got, want)
		}
	}
	used := map[string]bool{}
	for i := range 200 {
		used[th.Department(fmt.Sprintf("Department %d", i))] = true
	}
	if len(used) < 20 {
		t.Errorf("200 department names use %d colours, want at least 20", len(used))
	}
}

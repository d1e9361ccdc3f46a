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

// TestChangeColours checks the diff marks' colours in every theme: their
// badge text readable on them (WCAG AA), the outline visible on a card
// (3:1, WCAG's non-text minimum) and the two marks apart from each other
// and from the severities.
func TestChangeColours(t *testing.T) {
	for name, th := range Themes {
		for kind, c := range map[string]string{"joined": th.Joined, "moved": th.Moved} {
			if r := Contrast(c, th.SeverityBadgeText); r < MinContrast {
				t.Errorf("%s: %s badge text %s on %s: contrast %.2f, want >= %.1f", name, kind, th.SeverityBadgeText, c, r, MinContrast)
			}
			if r := Contrast(c, th.CardFill); r < 3 {
				t.Errorf("%s: %s outline %s on card %s: contrast %.2f, want >= 3", name, kind, c, th.CardFill, r)
			}
			for sev, sc := range th.Severity {
				if c == sc && name != "print" {
					t.Errorf("%s: %s colour %s is severity %v's", name, kind, c, sev)
				}
			}
		}
		if th.Joined == th.Moved {
			t.Errorf("%s: joined and moved share the colour %s", name, th.Joined)
		}
	}
}

package render

import (
	"fmt"
	"slices"
	"testing"

	"github.com/orgchart/orgchart/graph/diag"
)

// TestContrast checks that every text colour of every theme meets WCAG AA
// (a contrast ratio of at least 4.5:1) on the background it is drawn on.
func TestContrast(t *testing.T) {
	names := make([]string, 0, len(themes))
	for n := range themes {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		th := themes[name]
		type pair struct{ what, fg, bg string }
		pairs := []pair{
			{"title and legend text on the page", th.text, th.bg},
			{"legend and line labels on the page", th.subtext, th.bg},
			{"name on a card", th.text, th.cardFill},
			{"title on a card", th.subtext, th.cardFill},
			{"open position", th.vacantText, th.vacantFill},
			{"board", th.boardText, th.boardFill},
			{"committee", th.committeeText, th.committeeFill},
			{"role badge", th.badgeText, th.badgeFill},
			{"board role badge", th.boardFill, th.boardText},
		}
		for i, c := range th.shared.Departments {
			pairs = append(pairs, pair{fmt.Sprintf("department colour %d on a card", i), c, th.cardFill})
		}
		// A chart's own department colour is made readable too.
		pairs = append(pairs, pair{"a chart's department colour #ffff00", th.shared.DepartmentColor("x", "#ffff00"), th.cardFill})
		for _, s := range []diag.Severity{diag.SeverityError, diag.SeverityWarning, diag.SeverityInfo} {
			pairs = append(pairs,
				pair{fmt.Sprintf("%s code in the legend", s), th.sevText[s], th.bg},
				pair{fmt.Sprintf("%s code badge", s), th.sevBadgeText, th.sevBadge[s]})
		}
		for _, p := range pairs {
			if r := contrast(p.fg, p.bg); r < minContrast {
				t.Errorf("%s: %s: %s on %s has contrast %.2f, want at least %.1f", name, p.what, p.fg, p.bg, r, minContrast)
			} else if testing.Verbose() {
				t.Logf("%s: %s: %s on %s: %.2f", name, p.what, p.fg, p.bg, r)
			}
		}
	}
}

// TestContrastFormula checks the WCAG formula on known values.
func TestContrastFormula(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes AA on white
		{"#edc948", "#ffffff", 1.61}, // the light theme's yellow: unreadable as text
	} {
		if got := contrast(tt.a, tt.b); abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	if got := readableOn("#edc948", "#ffffff"); contrast(got, "#ffffff") < minContrast {
		t.Errorf("readableOn(#edc948, white) = %s, still unreadable", got)
	}
}

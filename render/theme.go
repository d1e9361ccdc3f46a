package render

import (
	"github.com/orgchart/orgchart/graph/diag"
	shared "github.com/orgchart/orgchart/render/theme"
)

// theme is a set of colours, the Graphviz engine's view of a
// render/theme.Theme (the one place the colours are defined). Colours are
// "#rrggbb" strings written into DOT attributes; they never come from user
// input.
type theme struct {
	bg, cardFill, cardBorder, text, subtext, edge, dotted string
	vacantFill, vacantText, teamFill                      string
	boardFill, boardText, committeeFill, committeeText    string
	highlight                                             string
	badgeFill, badgeText                                  string
	sev                                                   map[diag.Severity]string
	shared                                                *shared.Theme // departments' colours

	// Text variants that meet WCAG AA on the background they are drawn on
	// (see render/theme).
	sevText      map[diag.Severity]string // finding codes in the legend, on bg
	sevBadge     map[diag.Severity]string // fill of a finding-code badge
	sevBadgeText string                   // text on a finding-code badge
}

var themes = map[string]*theme{}

func init() {
	for name, s := range shared.Themes {
		themes[name] = &theme{
			bg: s.Background, cardFill: s.CardFill, cardBorder: s.CardBorder, text: s.Text, subtext: s.Subtext,
			edge: s.Edge, dotted: s.Dotted,
			vacantFill: s.VacantFill, vacantText: s.VacantText, teamFill: s.TeamFill,
			boardFill: s.BoardFill, boardText: s.BoardText, committeeFill: s.CommitteeFill, committeeText: s.CommitteeText,
			highlight: s.Highlight, badgeFill: s.BadgeFill, badgeText: s.BadgeText,
			sev: s.Severity, shared: s,
			sevText: s.SeverityText, sevBadge: s.SeverityBadge, sevBadgeText: s.SeverityBadgeText,
		}
	}
}

// minContrast is WCAG 2's AA contrast ratio for normal-size text.
const minContrast = shared.MinContrast

func readableOn(fg, bg string) string { return shared.Readable(fg, bg) }
func contrast(a, b string) float64    { return shared.Contrast(a, b) }

func themeFor(name string) *theme {
	if t, ok := themes[name]; ok {
		return t
	}
	return themes["light"]
}

// sevPen is the card border width for a severity.
func sevPen(s diag.Severity) int {
	switch s {
	case diag.SeverityError:
		return 3
	case diag.SeverityWarning:
		return 2
	}
	return 2
}

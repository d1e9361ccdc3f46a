package render

import (
	"fmt"
	"math"

	"github.com/orgchart/orgchart/graph/diag"
)

// theme is a set of colours. Colours are "#rrggbb" strings written into DOT
// attributes; they never come from user input.
type theme struct {
	bg, cardFill, cardBorder, text, subtext, edge, dotted string
	vacantFill, vacantText, teamFill                      string
	boardFill, boardText, committeeFill, committeeText    string
	highlight                                             string
	badgeFill, badgeText                                  string
	sev                                                   map[diag.Severity]string
	palette                                               []string

	// Text variants, derived in init so that text meets WCAG AA (contrast
	// of at least 4.5:1) on the background it is drawn on; the stripes,
	// outlines and lines keep the base colours above.
	paletteText  []string                 // department names on cardFill
	sevText      map[diag.Severity]string // finding codes in the legend, on bg
	sevBadge     map[diag.Severity]string // fill of a finding-code badge
	sevBadgeText string                   // text on a finding-code badge
}

var themes = map[string]*theme{
	"light": {
		bg: "#ffffff", cardFill: "#ffffff", cardBorder: "#c3cad5", text: "#111827", subtext: "#4b5563",
		edge: "#7b8594", dotted: "#7b8594",
		vacantFill: "#f8fafc", vacantText: "#6b7280", teamFill: "#f3f5f8",
		boardFill: "#1e293b", boardText: "#ffffff", committeeFill: "#e2e8f0", committeeText: "#1e293b",
		highlight: "#2563eb", badgeFill: "#334155", badgeText: "#ffffff",
		sev: map[diag.Severity]string{
			diag.SeverityError: "#dc2626", diag.SeverityWarning: "#d97706", diag.SeverityInfo: "#2563eb",
		},
		// Tableau-like accents, readable as thin stripes and as text.
		palette: []string{"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#e15759", "#9c755f", "#ff9da7", "#bab0ac"},
	},
	"dark": {
		bg: "#0f172a", cardFill: "#1e293b", cardBorder: "#475569", text: "#f8fafc", subtext: "#cbd5e1",
		edge: "#94a3b8", dotted: "#94a3b8",
		vacantFill: "#0f172a", vacantText: "#94a3b8", teamFill: "#162032",
		boardFill: "#e2e8f0", boardText: "#0f172a", committeeFill: "#334155", committeeText: "#f8fafc",
		highlight: "#60a5fa", badgeFill: "#cbd5e1", badgeText: "#0f172a",
		sev: map[diag.Severity]string{
			diag.SeverityError: "#f87171", diag.SeverityWarning: "#fbbf24", diag.SeverityInfo: "#60a5fa",
		},
		palette: []string{"#7aa6d6", "#f7a35c", "#8cd17d", "#d4a6c8", "#86bcb6", "#f1ce63", "#ff8a8c", "#c4a58e", "#ffbfc6", "#d7cfca"},
	},
	"print": {
		bg: "#ffffff", cardFill: "#ffffff", cardBorder: "#555555", text: "#000000", subtext: "#333333",
		edge: "#333333", dotted: "#333333",
		vacantFill: "#ffffff", vacantText: "#555555", teamFill: "#f2f2f2",
		boardFill: "#222222", boardText: "#ffffff", committeeFill: "#dddddd", committeeText: "#000000",
		highlight: "#000000", badgeFill: "#444444", badgeText: "#ffffff",
		// Dark enough to stay distinct in greyscale; the border width differs
		// by severity too (see sevPen).
		sev: map[diag.Severity]string{
			diag.SeverityError: "#000000", diag.SeverityWarning: "#555555", diag.SeverityInfo: "#888888",
		},
		palette: []string{"#222222", "#777777", "#aaaaaa", "#444444", "#999999", "#cccccc", "#333333", "#888888", "#bbbbbb", "#666666"},
	},
}

// minContrast is WCAG 2's AA contrast ratio for normal-size text.
const minContrast = 4.5

func init() {
	for _, t := range themes {
		t.paletteText = make([]string, len(t.palette))
		for i, c := range t.palette {
			t.paletteText[i] = readableOn(c, t.cardFill)
		}
		// Light text on the badge where the severity colours are dark, dark
		// text where they are light (the dark theme).
		t.sevBadgeText = "#ffffff"
		if luminance(t.sev[diag.SeverityError]) > 0.18 {
			t.sevBadgeText = t.bg
		}
		t.sevText = map[diag.Severity]string{}
		t.sevBadge = map[diag.Severity]string{}
		for s, c := range t.sev {
			t.sevText[s] = readableOn(c, t.bg)
			t.sevBadge[s] = readableOn(c, t.sevBadgeText)
		}
	}
}

// readableOn returns fg if it is readable on bg, else fg darkened (on a light bg) or lightened (on a dark
// bg) in small steps towards black or white, until its contrast with bg is
// at least minContrast (plus a small margin, so rounding in a viewer cannot
// take it under). The hue is kept, so a department's text still
// matches its stripe.
func readableOn(fg, bg string) string {
	if contrast(fg, bg) >= minContrast {
		return fg
	}
	target := "#000000"
	if luminance(bg) < 0.18 {
		target = "#ffffff"
	}
	for k := 2; k <= 100; k += 2 {
		c := mix(fg, target, float64(k)/100)
		if contrast(c, bg) >= minContrast+0.05 {
			return c
		}
	}
	return target
}

// rgb parses "#rrggbb" into components in [0, 1].
func rgb(c string) (r, g, b float64) {
	var ri, gi, bi int
	if _, err := fmt.Sscanf(c, "#%02x%02x%02x", &ri, &gi, &bi); err != nil {
		panic(fmt.Sprintf("render: bad theme colour %q", c)) // themes are constants
	}
	return float64(ri) / 255, float64(gi) / 255, float64(bi) / 255
}

// mix returns a + (b - a)·k, per sRGB component.
func mix(a, b string, k float64) string {
	ar, ag, ab := rgb(a)
	br, bg, bb := rgb(b)
	ch := func(x, y float64) int { return int(math.Round((x + (y-x)*k) * 255)) }
	return fmt.Sprintf("#%02x%02x%02x", ch(ar, br), ch(ag, bg), ch(ab, bb))
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c string) float64 {
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	r, g, b := rgb(c)
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG 2's contrast ratio of two colours, from 1 to 21.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

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

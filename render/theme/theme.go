// Package theme holds the colours both drawing engines use (the Graphviz
// engine in render and the org engine in render/draw): the themes light,
// dark and print, the department palette, and the WCAG 2 contrast
// arithmetic that keeps every text colour readable.
//
// Invariants:
//   - Colours are "#rrggbb" strings; they are constants, never user input
//     (a chart's department colour override is parsed by the caller).
//   - Every text colour a Theme derives meets WCAG AA (4.5:1) on the
//     background it is drawn on (tested).
//   - Department returns the same colour for the same name whatever other
//     departments exist: it hashes the name into a fixed palette.
package theme

import (
	"fmt"
	"hash/fnv"
	"math"

	"github.com/orgchart/orgchart/graph/diag"
)

// Theme is a set of colours.
type Theme struct {
	Name                                               string
	Background, CardFill, CardBorder, Text, Subtext    string
	Edge, Dotted                                       string
	VacantFill, VacantText, TeamFill                   string
	BoardFill, BoardText, CommitteeFill, CommitteeText string
	Highlight, BadgeFill, BadgeText                    string
	Severity                                           map[diag.Severity]string
	// Joined and Moved mark changes (orgchart diff -o): Okabe-Ito's bluish
	// green and reddish purple, apart in hue from the severities' red,
	// amber and blue for every common colour-vision deficiency; the marks
	// also differ in their outline (solid, dashed) and say their kind in a
	// badge, so nothing rests on colour alone. Made readable in init.
	Joined, Moved string
	// Derived in init so that text meets WCAG AA on the background it is
	// drawn on; stripes, outlines and lines keep the base colours.
	SeverityText      map[diag.Severity]string // finding codes in a legend, on Background
	SeverityBadge     map[diag.Severity]string // fill of a finding-code badge
	SeverityBadgeText string                   // text on a finding-code badge
	// Departments is the org engine's palette: DepartmentHues made readable
	// as text on CardFill, so one colour serves as stripe and as text.
	Departments []string
}

// DepartmentHues are the 24 base colours of the org engine's department
// palette: 12 hues 30° apart, each at a vivid and a deep shade (the deep
// one turned by 15°), so that neighbours in the palette differ in hue and
// lightness alike.
var DepartmentHues = func() []string {
	var out []string
	for k := range 12 {
		h := float64(k) * 30
		out = append(out, hsl(h+5, 0.70, 0.42), hsl(h+20, 0.55, 0.30))
	}
	return out
}()

// hsl returns the colour of hue h (degrees), saturation s and lightness l.
func hsl(h, s, l float64) string {
	c := (1 - math.Abs(2*l-1)) * s
	hp := math.Mod(h, 360) / 60
	x := c * (1 - math.Abs(math.Mod(hp, 2)-1))
	var r, g, b float64
	switch int(hp) {
	case 0:
		r, g = c, x
	case 1:
		r, g = x, c
	case 2:
		g, b = c, x
	case 3:
		g, b = x, c
	case 4:
		r, b = x, c
	default:
		r, b = c, x
	}
	m := l - c/2
	ch := func(v float64) int { return int(math.Round((v + m) * 255)) }
	return fmt.Sprintf("#%02x%02x%02x", ch(r), ch(g), ch(b))
}

// Themes are the themes by name.
var Themes = map[string]*Theme{
	"light": {
		Name: "light", Background: "#ffffff", CardFill: "#ffffff", CardBorder: "#c3cad5", Text: "#111827", Subtext: "#4b5563",
		Edge: "#7b8594", Dotted: "#7b8594",
		VacantFill: "#f8fafc", VacantText: "#6b7280", TeamFill: "#f3f5f8",
		BoardFill: "#1e293b", BoardText: "#ffffff", CommitteeFill: "#e2e8f0", CommitteeText: "#1e293b",
		Highlight: "#2563eb", BadgeFill: "#334155", BadgeText: "#ffffff",
		Severity: map[diag.Severity]string{
			diag.SeverityError: "#dc2626", diag.SeverityWarning: "#d97706", diag.SeverityInfo: "#2563eb",
		},
		Joined: "#009e73", Moved: "#cc79a7",
		// Tableau-like accents, readable as thin stripes and as text.
	},
	"dark": {
		Name: "dark", Background: "#0f172a", CardFill: "#1e293b", CardBorder: "#475569", Text: "#f8fafc", Subtext: "#cbd5e1",
		Edge: "#94a3b8", Dotted: "#94a3b8",
		VacantFill: "#0f172a", VacantText: "#94a3b8", TeamFill: "#162032",
		BoardFill: "#e2e8f0", BoardText: "#0f172a", CommitteeFill: "#334155", CommitteeText: "#f8fafc",
		Highlight: "#60a5fa", BadgeFill: "#cbd5e1", BadgeText: "#0f172a",
		Severity: map[diag.Severity]string{
			diag.SeverityError: "#f87171", diag.SeverityWarning: "#fbbf24", diag.SeverityInfo: "#60a5fa",
		},
		Joined: "#009e73", Moved: "#cc79a7",
	},
	"print": {
		Name: "print", Background: "#ffffff", CardFill: "#ffffff", CardBorder: "#555555", Text: "#000000", Subtext: "#333333",
		Edge: "#333333", Dotted: "#333333",
		VacantFill: "#ffffff", VacantText: "#555555", TeamFill: "#f2f2f2",
		BoardFill: "#222222", BoardText: "#ffffff", CommitteeFill: "#dddddd", CommitteeText: "#000000",
		Highlight: "#000000", BadgeFill: "#444444", BadgeText: "#ffffff",
		// Dark enough to stay distinct in greyscale; the border width differs
		// by severity too.
		Severity: map[diag.Severity]string{
			diag.SeverityError: "#000000", diag.SeverityWarning: "#555555", diag.SeverityInfo: "#888888",
		},
		Joined: "#000000", Moved: "#555555",
	},
}

// MinContrast is WCAG 2's AA contrast ratio for normal-size text.
const MinContrast = 4.5

func init() {
	for _, t := range Themes {
		// Light text on the badge where the severity colours are dark, dark
		// text where they are light (the dark theme).
		t.SeverityBadgeText = "#ffffff"
		if Luminance(t.Severity[diag.SeverityError]) > 0.18 {
			t.SeverityBadgeText = t.Background
		}
		t.SeverityText = map[diag.Severity]string{}
		t.SeverityBadge = map[diag.Severity]string{}
		for s, c := range t.Severity {
			t.SeverityText[s] = Readable(c, t.Background)
			t.SeverityBadge[s] = Readable(c, t.SeverityBadgeText)
		}
		// A change's colour is an outline on the card and the fill of its
		// badge, whose text is SeverityBadgeText.
		t.Joined = Readable(t.Joined, t.SeverityBadgeText)
		t.Moved = Readable(t.Moved, t.SeverityBadgeText)
		t.Departments = make([]string, len(DepartmentHues))
		for i, c := range DepartmentHues {
			if t.Name == "print" {
				// Greyscale-friendly: the hue stays, darkened for print.
				c = Mix(c, "#000000", 0.25)
			}
			t.Departments[i] = Readable(c, t.CardFill)
		}
	}
}

// Get returns the theme called name, or light when there is none.
func Get(name string) *Theme {
	if t, ok := Themes[name]; ok {
		return t
	}
	return Themes["light"]
}

// Department returns the stripe (and text) colour of the department called
// name: a hash of the name picks a colour of t.Departments, so it never
// depends on the other departments.
func (t *Theme) Department(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return t.Departments[h.Sum32()%uint32(len(t.Departments))]
}

// DepartmentColor is the one decision of a department's colour, for both
// engines: the chart's own colour for it (override, "#rrggbb" as the
// `departments:` section gives it, checked by the loader) made readable as
// text on a card, else Department(name).
func (t *Theme) DepartmentColor(name, override string) string {
	if override != "" {
		return Readable(override, t.CardFill)
	}
	return t.Department(name)
}

// Readable returns fg if it is readable on bg, else fg darkened (on a light
// bg) or lightened (on a dark bg) in small steps towards black or white,
// until its contrast with bg is at least MinContrast (plus a small margin,
// so rounding in a viewer cannot take it under). The hue is kept, so a
// department's text still matches its stripe.
func Readable(fg, bg string) string {
	if Contrast(fg, bg) >= MinContrast {
		return fg
	}
	target := "#000000"
	if Luminance(bg) < 0.18 {
		target = "#ffffff"
	}
	for k := 2; k <= 100; k += 2 {
		c := Mix(fg, target, float64(k)/100)
		if Contrast(c, bg) >= MinContrast+0.05 {
			return c
		}
	}
	return target
}

// rgb parses "#rrggbb" into components in [0, 1].
func rgb(c string) (r, g, b float64) {
	var ri, gi, bi int
	if _, err := fmt.Sscanf(c, "#%02x%02x%02x", &ri, &gi, &bi); err != nil {
		panic(fmt.Sprintf("theme: bad colour %q", c)) // callers pass constants or parsed colours
	}
	return float64(ri) / 255, float64(gi) / 255, float64(bi) / 255
}

// Mix returns a + (b - a)·k, per sRGB component.
func Mix(a, b string, k float64) string {
	ar, ag, ab := rgb(a)
	br, bg, bb := rgb(b)
	ch := func(x, y float64) int { return int(math.Round((x + (y-x)*k) * 255)) }
	return fmt.Sprintf("#%02x%02x%02x", ch(ar, br), ch(ag, bg), ch(ab, bb))
}

// Luminance is WCAG 2's relative luminance of an sRGB colour.
func Luminance(c string) float64 {
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	r, g, b := rgb(c)
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// Contrast is WCAG 2's contrast ratio of two colours, from 1 to 21.
func Contrast(a, b string) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

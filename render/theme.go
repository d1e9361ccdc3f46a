package render

import "github.com/orgchart/orgchart/graph"

// theme is a set of colours. Colours are "#rrggbb" strings written into DOT
// attributes; they never come from user input.
type theme struct {
	bg, cardFill, cardBorder, text, subtext, edge, dotted string
	vacantFill, vacantText, teamFill                      string
	boardFill, boardText, committeeFill, committeeText    string
	highlight                                             string
	badgeFill, badgeText                                  string
	sev                                                   map[graph.Severity]string
	palette                                               []string
}

var themes = map[string]*theme{
	"light": {
		bg: "#ffffff", cardFill: "#ffffff", cardBorder: "#c3cad5", text: "#111827", subtext: "#4b5563",
		edge: "#7b8594", dotted: "#7b8594",
		vacantFill: "#f8fafc", vacantText: "#6b7280", teamFill: "#f3f5f8",
		boardFill: "#1e293b", boardText: "#ffffff", committeeFill: "#e2e8f0", committeeText: "#1e293b",
		highlight: "#2563eb", badgeFill: "#334155", badgeText: "#ffffff",
		sev: map[graph.Severity]string{
			graph.SeverityError: "#dc2626", graph.SeverityWarning: "#d97706", graph.SeverityInfo: "#2563eb",
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
		sev: map[graph.Severity]string{
			graph.SeverityError: "#f87171", graph.SeverityWarning: "#fbbf24", graph.SeverityInfo: "#60a5fa",
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
		sev: map[graph.Severity]string{
			graph.SeverityError: "#000000", graph.SeverityWarning: "#555555", graph.SeverityInfo: "#888888",
		},
		palette: []string{"#222222", "#777777", "#aaaaaa", "#444444", "#999999", "#cccccc", "#333333", "#888888", "#bbbbbb", "#666666"},
	},
}

func themeFor(name string) *theme {
	if t, ok := themes[name]; ok {
		return t
	}
	return themes["light"]
}

// sevPen is the card border width for a severity.
func sevPen(s graph.Severity) int {
	switch s {
	case graph.SeverityError:
		return 3
	case graph.SeverityWarning:
		return 2
	}
	return 2
}

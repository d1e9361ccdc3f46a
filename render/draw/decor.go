package draw

import (
	"strings"
	"sync"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
	"github.com/orgchart/orgchart/render/theme"
)

// style is the drawing's colours, parsed once.
type style struct {
	t                                         *theme.Theme
	bg, cardFill, cardBorder, text, subtext   scene.Color
	edge, dotted, highlight, badgeFill        scene.Color
	badgeText, vacantFill, vacantText         scene.Color
	boardFill, boardText, committee, commText scene.Color
	teamFill, sevBadgeText                    scene.Color
	sev, sevText, sevBadge                    map[diag.Severity]scene.Color
	dept                                      sync.Map // department name → scene.Color: overrides and cache; cards are measured on every core
	transparent                               bool
}

func newStyle(org *graph.Org, opts option.Options) *style {
	t := theme.Get(opts.Theme)
	c := scene.MustColor
	s := &style{
		t: t, bg: c(t.Background), cardFill: c(t.CardFill), cardBorder: c(t.CardBorder), text: c(t.Text),
		subtext: c(t.Subtext), edge: c(t.Edge), dotted: c(t.Dotted), highlight: c(t.Highlight),
		badgeFill: c(t.BadgeFill), badgeText: c(t.BadgeText), vacantFill: c(t.VacantFill), vacantText: c(t.VacantText),
		boardFill: c(t.BoardFill), boardText: c(t.BoardText), committee: c(t.CommitteeFill), commText: c(t.CommitteeText),
		teamFill: c(t.TeamFill), sevBadgeText: c(t.SeverityBadgeText),
		sev: map[diag.Severity]scene.Color{}, sevText: map[diag.Severity]scene.Color{}, sevBadge: map[diag.Severity]scene.Color{},
		transparent: opts.Transparent,
	}
	for k, v := range t.Severity {
		s.sev[k] = c(v)
		s.sevText[k] = c(t.SeverityText[k])
		s.sevBadge[k] = c(t.SeverityBadge[k])
	}
	for name, d := range org.Departments {
		if d.Color == "" {
			continue
		}
		if col, err := scene.ParseColor(d.Color); err == nil && col.Visible() {
			s.dept.Store(name, c(t.DepartmentColor(name, col.Hex())))
		}
	}
	return s
}

// deptColor is the colour of department name (stripe and text).
func (s *style) deptColor(name string) scene.Color {
	if c, ok := s.dept.Load(name); ok {
		return c.(scene.Color)
	}
	c := scene.MustColor(s.t.DepartmentColor(name, ""))
	s.dept.Store(name, c)
	return c
}

// personLabel names p on a stub card or in a footnote.
func personLabel(p *graph.Person, redact bool) string {
	switch {
	case redact && !p.IsBody():
		return redactedName(p)
	case strings.TrimSpace(p.Name) != "":
		return p.Name
	case strings.TrimSpace(p.Title) != "":
		return p.Title
	}
	return p.ID
}

// redactedName is what a redacted card shows instead of a person's name:
// the title, else the role codes, else a dash (as the dot engine does).
func redactedName(p *graph.Person) string {
	if strings.TrimSpace(p.Title) != "" {
		return p.Title
	}
	var codes []string
	for _, r := range p.Roles {
		if strings.TrimSpace(r.Code) != "" {
			codes = append(codes, r.Code)
		}
	}
	if len(codes) > 0 {
		return strings.Join(codes, ", ")
	}
	return "—"
}

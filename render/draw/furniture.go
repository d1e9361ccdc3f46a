package draw

import (
	"maps"
	"slices"
	"strings"

	"github.com/orgchart/orgchart/graph/diag"
	"github.com/orgchart/orgchart/render/scene"
)

// furniture is what a page carries besides the chart, in page points: the
// title above it, the legend and the footnotes below it.
type furniture struct {
	title  string
	top    float64 // height taken by the title
	legend []legendItem
	foot   []string // numbered lines listed instead of drawn
}

// legendItem is one entry of a legend: a swatch or line sample and text,
// or a finding code and its rule name as two texts (so that no viewer can
// run them together).
type legendItem struct {
	kind  string // "dept", "dotted", "code"; "change", "head", "break", "text" (changes.go)
	color scene.Color
	code  string
	text  string
}

const (
	legendRow = legendPt * 1.7
	footRow   = footPt * 1.45
	itemGap   = 14.0
	swatch    = 8.0
	sample    = 18.0
)

// furniture returns p's title and legend: the departments of the cards on
// the page, a dotted-line sample when one is drawn, and the finding codes
// drawn on the page (on its cards or its lines), each with its rule name.
func (d *drawer) furniture(p *plan) *furniture {
	fu := &furniture{title: strings.TrimSpace(p.title)}
	if fu.title != "" {
		fu.top = titlePt * 1.8
	}
	// Scanned once per fitted page, for every node of a 100,000-person
	// poster: a slice for the entries on the page, and each department
	// looked up only when it differs from the last one (reports share it).
	on := make([]bool, d.g.Len())
	for _, n := range p.nodes {
		if !n.stub {
			on[n.e] = true
		}
	}
	depts := map[string]bool{}
	codes := map[string]bool{}
	dotted := false
	lineCodes := len(d.mk.LineCodes) > 0
	last := ""
	for _, n := range p.nodes {
		if pe := d.g.Person(n.e); pe.Department != last && !pe.IsBody() {
			if strings.TrimSpace(pe.Department) != "" {
				depts[pe.Department] = true
				last = pe.Department
			}
		}
		if n.stub {
			continue
		}
		for _, c := range d.mk.NodeCodes[n.e] {
			codes[c] = true
		}
		if lineCodes {
			for _, l := range d.g.Managers(n.e) {
				if on[l.To] {
					for _, c := range d.mk.LineCodes[[2]int{n.e, l.To}] {
						codes[c] = true
					}
				}
			}
		}
		for _, l := range d.g.DottedFrom(n.e) {
			if on[l.To] {
				dotted = true
				for _, c := range d.mk.LineCodes[[2]int{n.e, l.To}] {
					codes[c] = true
				}
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(depts)) {
		fu.legend = append(fu.legend, legendItem{kind: "dept", color: d.st.deptColor(name), text: name})
	}
	if dotted {
		fu.legend = append(fu.legend, legendItem{kind: "dotted", color: d.st.dotted, text: "dotted line"})
	}
	for _, c := range slices.Sorted(maps.Keys(codes)) {
		sev := d.mk.CodeSev[c]
		fu.legend = append(fu.legend, legendItem{kind: "code", color: d.st.sevText[sev], code: c, text: d.mk.Rule[c]})
	}
	d.changeLegend(p, fu)
	return fu
}

// codeGap is the gap between a legend entry's code and its name: a space
// and a half. (A function, not a variable: measuring parses the font, which
// no command that draws nothing should pay for at start-up.)
func codeGap() float64 { return scene.Measure(" ", legendPt, false) * 1.5 }

func (it legendItem) width() float64 {
	switch it.kind {
	case "dept":
		return swatch + 4 + scene.Measure(it.text, legendPt, false)
	case "dotted":
		return sample + 4 + scene.Measure(it.text, legendPt, false)
	case "change":
		return legendBadgeWidth(it.code) + 4 + scene.Measure(it.text, legendPt, false)
	case "head":
		return scene.Measure(it.text, legendPt, true)
	case "break", "text":
		return scene.Measure(it.text, legendPt, false)
	}
	return scene.Measure(it.code, legendPt, true) + codeGap() + scene.Measure(it.text, legendPt, false)
}

// rows flows the legend into rows no wider than width (an item wider than
// width gets a row of its own).
func (fu *furniture) rows(width float64) [][]legendItem {
	var rows [][]legendItem
	var row []legendItem
	x := 0.0
	for _, it := range fu.legend {
		w := it.width()
		newRow := it.kind == "head" || it.kind == "break"
		if len(row) > 0 && (newRow || x+itemGap+w > width) {
			rows = append(rows, row)
			row, x = nil, 0
		}
		if len(row) > 0 {
			x += itemGap
		}
		row = append(row, it)
		x += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// bottom is the height the legend and footnotes take below the chart.
func (fu *furniture) bottom(width float64) float64 {
	h := float64(len(fu.rows(width))) * legendRow
	if len(fu.foot) > 0 {
		h += 4 + float64(len(fu.foot))*footRow
	}
	if h > 0 {
		h += 8 // gap above
	}
	return h
}

// width is the natural width of the furniture: the title, the widest
// footnote and the legend on one row (capped by the caller).
func (fu *furniture) width() float64 {
	w := scene.Measure(fu.title, titlePt, true)
	for _, f := range fu.foot {
		w = max(w, scene.Measure(f, footPt, false))
	}
	lw := 0.0
	for k, it := range fu.legend {
		if it.kind == "head" || it.kind == "break" {
			w, lw = max(w, lw), 0
		} else if k > 0 {
			lw += itemGap
		}
		lw += it.width()
	}
	return max(w, lw)
}

// items draws the furniture of a w×h page with margin m.
func (fu *furniture) items(s *style, w, h, m float64) []scene.Item {
	var out []scene.Item
	if fu.title != "" {
		out = append(out, scene.Text{X: m, Y: m + scene.Ascent(titlePt), Size: titlePt, Bold: true, Color: s.text, S: fu.title})
	}
	width := w - 2*m
	y := h - m - fu.bottom(width) + 8
	for _, row := range fu.rows(width) {
		x := m
		base := y + legendPt*1.15
		for _, it := range row {
			switch it.kind {
			case "dept":
				out = append(out, scene.Box{Rect: scene.Rect{X: x, Y: base - swatch + 0.5, W: swatch, H: swatch}, Radius: 1.5, Fill: it.color},
					scene.Text{X: x + swatch + 4, Y: base, Size: legendPt, Color: s.subtext, S: it.text})
			case "dotted":
				out = append(out, scene.Path{Points: []scene.Point{{X: x, Y: base - 3}, {X: x + sample, Y: base - 3}}, Stroke: it.color, Width: 1.2, Dash: []float64{3, 2}},
					scene.Text{X: x + sample + 4, Y: base, Size: legendPt, Color: s.subtext, S: it.text})
			case "code":
				cw := scene.Measure(it.code, legendPt, true)
				out = append(out, scene.Text{X: x, Y: base, Size: legendPt, Bold: true, Color: it.color, S: it.code},
					scene.Text{X: x + cw + codeGap(), Y: base, Size: legendPt, Color: s.subtext, S: it.text})
			default:
				out = append(out, it.changeItems(s, x, base)...) // changes.go
			}
			x += it.width() + itemGap
		}
		y += legendRow
	}
	if len(fu.foot) > 0 {
		y += 4
		for _, f := range fu.foot {
			out = append(out, scene.Text{X: m, Y: y + footPt, Size: footPt, Color: s.subtext, S: f})
			y += footRow
		}
	}
	return out
}

// sevOf is the severity a finding gives the line (report, manager), if any.
func (d *drawer) sevOf(r, m int) (diag.Severity, bool) {
	s, ok := d.mk.Line[[2]int{r, m}]
	return s, ok
}

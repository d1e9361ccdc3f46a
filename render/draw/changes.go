package draw

import (
	"fmt"
	"strings"

	"github.com/orgchart/orgchart/render/option"
	"github.com/orgchart/orgchart/render/scene"
)

// changes are option.Options.Marks as the drawing needs them: the kind and
// note of each marked entry, and the panel's leavers and notes.
//
// A joiner or mover gets a badge naming its kind and an outline around its
// card (solid for joined, dashed for moved), in the kind's colour; the
// outline sits outside the card's border, so a finding's border colour on
// the same card stays visible. Leavers are listed in a panel under the
// legend of the first page (level 0) rather than drawn as ghost cards where
// they stood: NEW's tree has no place for them (their manager may have
// left or moved too), ghost cards would change the layout of the chart being
// reviewed, and a list reads at a glance.
type changes struct {
	kind  map[int]option.MarkKind
	note  map[int]string
	left  []string // panel: leavers' notes, in order
	notes []string // panel: sentences
}

// maxLeavers is how many leavers the panel lists; the rest are counted.
const maxLeavers = 12

// haloGap is the gap between a card's border and its change outline, in
// chart units.
const haloGap = 3.0

func (d *drawer) newChanges(marks []option.Mark) *changes {
	ch := &changes{kind: map[int]option.MarkKind{}, note: map[int]string{}}
	for _, m := range marks {
		switch m.Kind {
		case option.MarkJoined, option.MarkMoved:
			if i, ok := d.g.Lookup(m.ID); ok {
				ch.kind[i] = m.Kind
				if m.Note != "" {
					ch.note[i] = m.Note
				}
			}
		case option.MarkLeft:
			ch.left = append(ch.left, m.Note)
		case option.MarkNote:
			ch.notes = append(ch.notes, m.Note)
		}
	}
	return ch
}

// changeColor is the colour of a change kind.
func (s *style) changeColor(k option.MarkKind) scene.Color {
	if k == option.MarkMoved {
		return scene.MustColor(s.t.Moved)
	}
	return scene.MustColor(s.t.Joined)
}

// changeDash is the outline of a change kind: solid for joined, dashed for
// moved, so the two differ without colour.
func changeDash(k option.MarkKind) []float64 {
	if k == option.MarkMoved {
		return []float64{5, 2.5}
	}
	return nil
}

// markCard marks entry i's card c when it joined or moved: an outline, the
// kind's badge first in the row, and a mover's note as a line of the card.
func (d *drawer) markCard(c *card, i int, row []badge) []badge {
	k, ok := d.ch.kind[i]
	if !ok {
		return row
	}
	col := d.st.changeColor(k)
	c.halo, c.haloDash = col, changeDash(k)
	if n := d.ch.note[i]; n != "" {
		c.add(wrapN(n, titleSize, false, maxCardW-2*padX, 2), titleSize, false, true, d.st.subtext, false)
	}
	return append([]badge{{strings.ToUpper(string(k)), col, d.st.sevBadgeText}}, row...)
}

// haloItem is the change outline around a card drawn in r.
func (c *card) haloItem(r scene.Rect) scene.Box {
	return scene.Box{Rect: scene.Rect{X: r.X - haloGap, Y: r.Y - haloGap, W: r.W + 2*haloGap, H: r.H + 2*haloGap},
		Radius: c.radius + haloGap, Stroke: c.halo, StrokeWidth: 2, Dash: c.haloDash}
}

// changeLegend adds to fu the change kinds drawn on p's cards and, on a
// first page (level 0), the panel of leavers and notes.
func (d *drawer) changeLegend(p *plan, fu *furniture) {
	var seen [2]bool
	for _, n := range p.nodes {
		if n.stub {
			continue
		}
		switch d.ch.kind[n.e] {
		case option.MarkJoined:
			seen[0] = true
		case option.MarkMoved:
			seen[1] = true
		}
	}
	if seen[0] {
		fu.legend = append(fu.legend, legendItem{kind: "change", color: d.st.changeColor(option.MarkJoined), code: "JOINED", text: "joined the chart"})
	}
	if seen[1] {
		fu.legend = append(fu.legend, legendItem{kind: "change", color: d.st.changeColor(option.MarkMoved), code: "MOVED", text: "moved to another manager"})
	}
	if p.level > 0 || (len(d.ch.left) == 0 && len(d.ch.notes) == 0) {
		return
	}
	if len(d.ch.left) > 0 {
		fu.legend = append(fu.legend, legendItem{kind: "head", text: fmt.Sprintf("Left (%d):", len(d.ch.left))})
		for k, l := range d.ch.left {
			if k == maxLeavers && len(d.ch.left) > maxLeavers+1 {
				fu.legend = append(fu.legend, legendItem{kind: "text", text: fmt.Sprintf("and %d more (see the diff report)", len(d.ch.left)-k)})
				break
			}
			fu.legend = append(fu.legend, legendItem{kind: "text", text: "× " + l})
		}
	}
	for k, n := range d.ch.notes {
		it := legendItem{kind: "text", text: n}
		if k == 0 {
			it.kind = "break"
		}
		fu.legend = append(fu.legend, it)
	}
}

// legendBadgeWidth is the width of a badge reading code in the legend.
func legendBadgeWidth(code string) float64 {
	return scene.Measure(code, legendPt*0.85, true) + 2*badgePadX
}

// changeItems draws a legend item of the changes at x on baseline base.
func (it legendItem) changeItems(s *style, x, base float64) []scene.Item {
	switch it.kind {
	case "change":
		size := legendPt * 0.85
		w, h := legendBadgeWidth(it.code), size*1.6
		y := base - legendPt*0.35 - h/2
		return []scene.Item{
			scene.Box{Rect: scene.Rect{X: x, Y: y, W: w, H: h}, Radius: h / 2, Fill: it.color},
			scene.Text{X: x + w/2, Y: y + h/2 + size*0.35, Anchor: scene.Middle, Size: size, Bold: true, Color: s.sevBadgeText, S: it.code},
			scene.Text{X: x + w + 4, Y: base, Size: legendPt, Color: s.subtext, S: it.text},
		}
	case "head":
		return []scene.Item{scene.Text{X: x, Y: base, Size: legendPt, Bold: true, Color: s.text, S: it.text}}
	case "break", "text":
		return []scene.Item{scene.Text{X: x, Y: base, Size: legendPt, Color: s.subtext, S: it.text}}
	}
	return nil
}

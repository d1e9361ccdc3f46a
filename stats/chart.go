package stats

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/render/scene"
	"github.com/orgchart/orgchart/render/theme"
)

// Chart geometry, in points: a 16:9 page (13.33 × 7.5 in), which a PNG at
// 144 dpi draws 1920×1080 pixels large, so every label (10 pt and more) is
// at least 20 pixels tall on a full-HD slide.
const (
	chartW, chartH = 960.0, 540.0
	chartMargin    = 36.0
	chartTitlePt   = 20.0
	chartSubPt     = 12.0
	chartHeadPt    = 14.0
	chartLabelPt   = 11.0
	chartTickPt    = 10.0
	maxSpanBars    = 24 // spans 1..max as bars up to this; wider histograms are binned
	maxDeptBars    = 14 // departments drawn as bars; the rest are one "other" bar
)

// Draw returns the chart of s on one page: the span-of-control histogram
// (managers per span) and the headcount (and vacancies) per department, in
// the theme named themeName ("" for light). It is a pure function of s:
// the same numbers give the same scene. The caller writes it with one of
// render/scene's backends.
func Draw(s *Stats, themeName string) *scene.Document {
	t := theme.Get(themeName)
	c := scene.MustColor
	ch := chartStyle{bg: c(t.Background), text: c(t.Text), sub: c(t.Subtext), axis: c(t.Edge), grid: c(theme.Mix(t.CardBorder, t.Background, 0.5)),
		bar: c(t.Highlight), vacant: c(theme.Mix(t.Highlight, t.Background, 0.6)), barText: c(t.Text)}
	title := strings.TrimSpace(s.Title)
	if title == "" {
		title = "Chart"
	}
	var items []scene.Item
	y := chartMargin + scene.Ascent(chartTitlePt)
	items = append(items, scene.Text{X: chartMargin, Y: y, Size: chartTitlePt, Bold: true, Color: ch.text, S: title + " — span of control and headcount"})
	y += chartSubPt * 1.7
	items = append(items, scene.Text{X: chartMargin, Y: y, Size: chartSubPt, Color: ch.sub, S: summary(s.Total)})
	top := y + 24
	mid := chartW / 2
	items = append(items, ch.histogram(s.Total.Span, scene.Rect{X: chartMargin, Y: top, W: mid - chartMargin - 24, H: chartH - chartMargin - top})...)
	items = append(items, ch.departments(s.Departments, scene.Rect{X: mid + 24, Y: top, W: chartW - chartMargin - mid - 24, H: chartH - chartMargin - top})...)
	return &scene.Document{Title: title, Pages: []scene.Page{{Width: chartW, Height: chartH, Background: ch.bg, Title: title, Items: items}}}
}

type chartStyle struct {
	bg, text, sub, axis, grid, bar, vacant, barText scene.Color
}

// summary is the line of totals under the title.
func summary(g Group) string {
	return fmt.Sprintf("%s · %s · %s · span mean %s, median %s, max %d · %s",
		count(g.Headcount, "person", "people"), count(g.Vacancies, "vacancy", "vacancies"), count(g.Managers, "manager", "managers"),
		round2(g.Span.Mean), number(g.Span.Median), g.Span.Max, count(g.Layers, "layer", "layers"))
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// spanBin is one bar of the drawn histogram: spans lo..hi.
type spanBin struct{ lo, hi, managers int }

// spanBins returns the bars of h: one per span from 1 to the largest when
// that is at most maxSpanBars (spans no manager has are empty bars, so the
// axis stays linear), else maxSpanBars or fewer bins of equal width.
func spanBins(h []Bin) []spanBin {
	if len(h) == 0 {
		return nil
	}
	top := h[len(h)-1].Span
	width := (top + maxSpanBars - 1) / maxSpanBars
	var out []spanBin
	for lo := 1; lo <= top; lo += width {
		out = append(out, spanBin{lo: lo, hi: min(lo+width-1, top)})
	}
	for _, b := range h {
		out[(b.Span-1)/width].managers += b.Managers
	}
	return out
}

func (b spanBin) label() string {
	if b.lo == b.hi {
		return strconv.Itoa(b.lo)
	}
	return strconv.Itoa(b.lo) + "–" + strconv.Itoa(b.hi)
}

// niceStep returns a round tick step (1, 2 or 5 times a power of ten) that
// divides 0..top into at most 6 intervals.
func niceStep(top int) int {
	if top <= 0 {
		return 1
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top <= 6*m*p {
				return m * p
			}
		}
	}
}

// histogram draws the span histogram in r: a heading, a y axis of managers
// with round ticks and grid lines, a bar per span bin with its count above
// it and its span below, and the x axis's label.
func (ch chartStyle) histogram(sp Span, r scene.Rect) []scene.Item {
	items := []scene.Item{scene.Text{X: r.X, Y: r.Y + scene.Ascent(chartHeadPt), Size: chartHeadPt, Bold: true, Color: ch.text, S: "Span of control"}}
	bins := spanBins(sp.Histogram)
	plotTop := r.Y + chartHeadPt*1.6 + chartTickPt*3 // heading, then the y axis's label
	items = append(items, scene.Text{X: r.X, Y: plotTop - chartTickPt*1.6, Size: chartTickPt, Color: ch.sub, S: "managers"})
	if len(bins) == 0 {
		return append(items, scene.Text{X: r.X, Y: plotTop + 20, Size: chartLabelPt, Color: ch.sub, S: "no managers"})
	}
	top := 0
	for _, b := range bins {
		top = max(top, b.managers)
	}
	step := niceStep(top)
	ymax := (top + step - 1) / step * step
	tickW := scene.Measure(strconv.Itoa(ymax), chartTickPt, false)
	x0 := r.X + tickW + 8
	y0 := r.Y + r.H - chartLabelPt*1.4 - chartTickPt*1.6 // x axis: span labels, then the axis's label below
	ph := y0 - plotTop
	pw := r.X + r.W - x0
	for v := 0; v <= ymax; v += step {
		y := y0 - ph*float64(v)/float64(ymax)
		if v > 0 {
			items = append(items, scene.Path{Points: []scene.Point{{X: x0, Y: y}, {X: x0 + pw, Y: y}}, Stroke: ch.grid, Width: 0.75})
		}
		items = append(items, scene.Text{X: x0 - 6, Y: y + chartTickPt*0.35, Anchor: scene.End, Size: chartTickPt, Color: ch.sub, S: strconv.Itoa(v)})
	}
	slot := pw / float64(len(bins))
	bw := min(slot*0.72, 64)
	labelEvery := 1
	for widest := 0.0; ; labelEvery++ { // every k-th span label, so labels do not touch
		widest = 0
		for k := 0; k < len(bins); k += labelEvery {
			widest = max(widest, scene.Measure(bins[k].label(), chartTickPt, false))
		}
		if widest+4 <= slot*float64(labelEvery) {
			break
		}
	}
	for k, b := range bins {
		cx := x0 + slot*(float64(k)+0.5)
		h := ph * float64(b.managers) / float64(ymax)
		if b.managers > 0 {
			items = append(items, scene.Box{ID: "span-" + b.label(), Rect: scene.Rect{X: cx - bw/2, Y: y0 - h, W: bw, H: h}, Fill: ch.bar})
			if scene.Measure(strconv.Itoa(b.managers), chartTickPt, false) <= slot {
				items = append(items, scene.Text{X: cx, Y: y0 - h - 4, Anchor: scene.Middle, Size: chartTickPt, Color: ch.barText, S: strconv.Itoa(b.managers)})
			}
		}
		if k%labelEvery == 0 {
			items = append(items, scene.Text{X: cx, Y: y0 + chartTickPt*1.3, Anchor: scene.Middle, Size: chartTickPt, Color: ch.sub, S: b.label()})
		}
	}
	items = append(items,
		scene.Path{Points: []scene.Point{{X: x0, Y: plotTop}, {X: x0, Y: y0}, {X: x0 + pw, Y: y0}}, Stroke: ch.axis, Width: 1},
		scene.Text{X: x0 + pw/2, Y: r.Y + r.H - chartLabelPt*0.3, Anchor: scene.Middle, Size: chartLabelPt, Color: ch.sub, S: "span of control (direct reports)"})
	return items
}

// departments draws headcount per department in r as horizontal bars,
// largest first (ties by name), vacancies as a lighter segment after the
// headcount, each bar labelled with its numbers; past maxDeptBars the rest
// are one bar.
func (ch chartStyle) departments(ds []Group, r scene.Rect) []scene.Item {
	items := []scene.Item{scene.Text{X: r.X, Y: r.Y + scene.Ascent(chartHeadPt), Size: chartHeadPt, Bold: true, Color: ch.text, S: "People per department"}}
	ds = slices.Clone(ds)
	slices.SortStableFunc(ds, func(a, b Group) int {
		return cmp.Or(cmp.Compare(b.Headcount+b.Vacancies, a.Headcount+a.Vacancies), cmp.Compare(a.Name, b.Name))
	})
	if len(ds) > maxDeptBars {
		rest := Group{Name: fmt.Sprintf("%d other departments", len(ds)-maxDeptBars+1)}
		for _, d := range ds[maxDeptBars-1:] {
			rest.Headcount += d.Headcount
			rest.Vacancies += d.Vacancies
		}
		ds = append(ds[:maxDeptBars-1], rest)
	}
	// Legend under the heading (vacancies only when there are some).
	ly := r.Y + chartHeadPt*1.6 + chartTickPt*1.2
	lx := r.X
	legend := []struct {
		c scene.Color
		s string
	}{{ch.bar, "headcount"}}
	for _, d := range ds {
		if d.Vacancies > 0 {
			legend = append(legend, legend[0])
			legend[1].c, legend[1].s = ch.vacant, "vacancies (open)"
			break
		}
	}
	for _, it := range legend {
		items = append(items, scene.Box{Rect: scene.Rect{X: lx, Y: ly - 8, W: 9, H: 9}, Fill: it.c},
			scene.Text{X: lx + 13, Y: ly, Size: chartTickPt, Color: ch.sub, S: it.s})
		lx += 13 + scene.Measure(it.s, chartTickPt, false) + 16
	}
	if len(ds) == 0 {
		return append(items, scene.Text{X: r.X, Y: ly + 24, Size: chartLabelPt, Color: ch.sub, S: "no people"})
	}
	nameW := 0.0
	for _, d := range ds {
		nameW = max(nameW, scene.Measure(d.Name, chartLabelPt, false))
	}
	nameW = min(nameW, r.W*0.4)
	top := 0
	for _, d := range ds {
		top = max(top, d.Headcount+d.Vacancies)
	}
	numW := scene.Measure(strconv.Itoa(top)+" + "+strconv.Itoa(top)+" open", chartTickPt, false) + 6
	x0 := r.X + nameW + 8
	pw := max(r.X+r.W-x0-numW, 1)
	y := ly + 12
	row := min((r.Y+r.H-y)/float64(len(ds)), 30)
	bh := row * 0.66
	for _, d := range ds {
		cy := y + row/2
		name := d.Name
		for name != "" && scene.Measure(name, chartLabelPt, false) > nameW {
			rs := []rune(strings.TrimSuffix(name, "…"))
			name = string(rs[:len(rs)-1]) + "…"
		}
		items = append(items, scene.Text{X: x0 - 8, Y: cy + chartLabelPt*0.35, Anchor: scene.End, Size: chartLabelPt, Color: ch.text, S: name})
		wh := pw * float64(d.Headcount) / float64(max(top, 1))
		wv := pw * float64(d.Vacancies) / float64(max(top, 1))
		if wh > 0 {
			items = append(items, scene.Box{Rect: scene.Rect{X: x0, Y: cy - bh/2, W: wh, H: bh}, Fill: ch.bar})
		}
		if wv > 0 {
			items = append(items, scene.Box{Rect: scene.Rect{X: x0 + wh, Y: cy - bh/2, W: wv, H: bh}, Fill: ch.vacant})
		}
		label := strconv.Itoa(d.Headcount)
		if d.Vacancies > 0 {
			label += " + " + strconv.Itoa(d.Vacancies) + " open"
		}
		items = append(items, scene.Text{X: x0 + wh + wv + 5, Y: cy + chartTickPt*0.35, Size: chartTickPt, Color: ch.text, S: label})
		y += row
	}
	items = append(items, scene.Path{Points: []scene.Point{{X: x0, Y: ly + 10}, {X: x0, Y: y + 2}}, Stroke: ch.axis, Width: 1})
	return items
}

package draw

import (
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/render/scene"
)

// Card geometry in chart units (points before a page scales the chart).
// NameSize is the unit the fitting reasons in: a page's scale times
// NameSize is the size of its names.
const (
	NameSize   = 10.0 // name, bold
	titleSize  = 8.5  // title
	deptSize   = 7.5  // department
	badgeSize  = 6.5  // role and finding badges, bold
	labelSize  = 6.5  // dotted-line type labels
	lineHeight = 1.22 // line pitch over font size
	padX       = 8.0
	padY       = 6.0
	stripeH    = 4.0
	minCardW   = 112.0
	maxCardW   = 168.0
	badgePadX  = 3.0
	badgeGap   = 3.0
	maxName    = 2 // lines
	maxTitle   = 3 // lines
)

// line is one line of a card's text.
type line struct {
	s            string
	size         float64
	bold, italic bool
	color        scene.Color
	name         bool // part of the name (class "name" in SVG)
}

// badge is a role or finding code drawn as a filled pill.
type badge struct {
	s          string
	fill, text scene.Color
}

// card is a measured card: its text and badges laid out from the top, its
// size and its look. The layout may make it taller (equal row heights).
type card struct {
	id, kind             string
	w, h                 float64
	lines                []line
	badges               [][]badge // rows
	fill, border, stripe scene.Color
	borderW              float64
	dash                 []float64
	radius               float64
	link                 int         // page a stub leads to
	halo                 scene.Color // a change's outline (changes.go); zero: none
	haloDash             []float64
	textW                float64 // the widest line, measured upright as scene.Measure
}

// personCard measures entry i's card into c, wrapping titles and
// departments with tx (nil: without remembering them). c's lines, cut from
// a slab, are kept for its own.
func (d *drawer) personCard(i int, tx *texts, c *card) *card {
	p := d.g.Person(i)
	s := d.st
	*c = card{id: "c" + strconv.Itoa(i), kind: "card", fill: s.cardFill, border: s.cardBorder, borderW: 1, radius: 5,
		lines: c.lines[:0]}
	text, sub := s.text, s.subtext
	c.stripe = s.cardBorder
	if strings.TrimSpace(p.Department) != "" {
		c.stripe = s.deptColor(p.Department)
	}
	switch {
	case p.Kind == graph.KindBoard:
		c.fill, c.border, c.stripe, text, sub = s.boardFill, s.boardFill, s.boardFill, s.boardText, s.boardText
		c.radius, c.borderW = 0, 2
	case p.Kind == graph.KindCommittee:
		c.fill, c.stripe, text, sub = s.committee, s.committee, s.commText, s.commText
	case p.Vacant:
		c.fill, text, sub = s.vacantFill, s.vacantText, s.vacantText
		c.dash = []float64{4, 3}
	}
	if d.mk.HLNode[i] {
		c.border, c.borderW = s.highlight, 2.5
	}
	if sev, ok := d.mk.Node[i]; ok {
		c.border, c.borderW = s.sev[sev], 2.5
	}
	inner := maxCardW - 2*padX
	redacted := d.opts.Redact && !p.IsBody()
	var name string
	nameShown := false
	switch {
	case p.Vacant:
		c.add(wrapN("Open position", NameSize, true, inner, maxName), NameSize, true, true, text, true)
	case redacted:
		name = redactedName(p)
	case strings.TrimSpace(p.Name) != "":
		name, nameShown = p.Name, true
	case strings.TrimSpace(p.Title) != "":
		name = p.Title
	default:
		name = p.ID
	}
	if name != "" {
		c.add(wrapN(name, NameSize, true, inner, maxName), NameSize, true, false, text, true)
	}
	if strings.TrimSpace(p.Title) != "" && (nameShown || p.Vacant) && strings.TrimSpace(p.Title) != strings.TrimSpace(p.Name) {
		c.add(tx.wrapN(p.Title, titleSize, false, inner, maxTitle), titleSize, false, false, sub, false)
	}
	switch {
	case p.IsBody():
		kind := "Board"
		if p.Kind == graph.KindCommittee {
			kind = "Committee"
		}
		c.add(measured(kind, deptSize, false), deptSize, false, true, sub, false)
	case strings.TrimSpace(p.Department) != "":
		col := s.deptColor(p.Department)
		if s.t.Name == "print" {
			col = sub
		}
		c.add(tx.wrapN(p.Department, deptSize, false, inner, 1), deptSize, false, false, col, false)
	}
	var row []badge
	for _, r := range p.Roles {
		if strings.TrimSpace(r.Code) == "" {
			continue
		}
		bf, bt := s.badgeFill, s.badgeText
		if p.Kind == graph.KindBoard {
			bf, bt = s.boardText, s.boardFill
		}
		row = append(row, badge{r.Code, bf, bt})
	}
	if sev, ok := d.mk.Node[i]; ok {
		for _, code := range d.mk.NodeCodes[i] {
			row = append(row, badge{code, s.sevBadge[sev], s.sevBadgeText})
		}
	}
	row = d.markCard(c, i, row)
	c.badges = wrapBadges(row, inner)
	c.size()
	return c
}

// stubCard is the card standing for a unit drawn on another page (n.page):
// its name and how many people it holds, or for the head of a continued
// team, the page the team starts on (stubLine).
func (d *drawer) stubCard(n pnode) *card {
	s := d.st
	n.page = max(n.page, 1) // the page number is filled in after the layout
	c := &card{id: "s" + strconv.Itoa(n.e), kind: "stub", fill: s.teamFill, border: s.cardBorder, borderW: 1.5,
		radius: 5, stripe: s.cardBorder, link: n.page, dash: []float64{5, 2}}
	if dept := d.g.Person(n.e).Department; strings.TrimSpace(dept) != "" {
		c.stripe = s.deptColor(dept)
	}
	inner := maxCardW - 2*padX
	c.add(wrapN(n.name, NameSize, true, inner, maxName), NameSize, true, false, s.text, true)
	if n.sub != "" {
		c.add(wrapN(n.sub, titleSize, false, inner, 2), titleSize, false, false, s.subtext, false)
	}
	c.add(measured(stubLine(n), titleSize, false), titleSize, false, false, s.subtext, false)
	c.size()
	// Sized for 4 digits: the page number is filled in after the layout.
	n.people, n.page = 9999, 9999
	c.w = max(c.w, scene.Measure(stubLine(n), titleSize, false)+2*padX)
	return c
}

func (c *card) add(w wrapped, size float64, bold, italic bool, col scene.Color, name bool) {
	for _, s := range w.lines {
		c.lines = append(c.lines, line{s: s, size: size, bold: bold, italic: italic, color: col, name: name})
	}
	c.textW = max(c.textW, w.w)
}

// size sets w and h from the content.
func (c *card) size() {
	w := max(minCardW-2*padX, c.textW)
	h := stripeH + padY
	for _, l := range c.lines {
		h += l.size * lineHeight
	}
	for _, row := range c.badges {
		w = max(w, badgesWidth(row))
		h += badgeSize*1.6 + 2
	}
	if len(c.badges) > 0 {
		h += 2
	}
	c.w = min(max(w+2*padX, minCardW), maxCardW)
	c.h = h + padY
}

func badgeWidth(b badge) float64 { return scene.Measure(b.s, badgeSize, true) + 2*badgePadX }

func badgesWidth(row []badge) float64 {
	w := 0.0
	for k, b := range row {
		if k > 0 {
			w += badgeGap
		}
		w += badgeWidth(b)
	}
	return w
}

// wrapBadges breaks a row of badges into rows no wider than width.
func wrapBadges(all []badge, width float64) [][]badge {
	var rows [][]badge
	var row []badge
	for _, b := range all {
		if len(row) > 0 && badgesWidth(append(row, b)) > width {
			rows = append(rows, row)
			row = nil
		}
		row = append(row, b)
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// wrapped is text broken into lines, and the width of the widest.
type wrapped struct {
	lines []string
	w     float64
}

// measured is the one line s.
func measured(s string, size float64, bold bool) wrapped {
	return wrapped{[]string{s}, scene.Measure(s, size, bold)}
}

// wrapN wraps s to width and keeps at most n lines, the last ending in an
// ellipsis when text was cut.
func wrapN(s string, size float64, bold bool, width float64, n int) wrapped {
	ls := scene.Wrap(s, size, bold, width)
	if len(ls) == 0 {
		return wrapped{}
	}
	if len(ls) > n {
		last := strings.Join(ls[n-1:], " ")
		for last != "" && scene.Measure(last+"…", size, bold) > width {
			r := []rune(last)
			last = strings.TrimRight(string(r[:len(r)-1]), " ")
		}
		ls = ls[:n]
		ls[n-1] = last + "…"
	}
	w := wrapped{lines: ls}
	for _, l := range ls {
		w.w = max(w.w, scene.Measure(l, size, bold))
	}
	return w
}

// texts remembers what one worker wrapped: titles and departments repeat
// on most cards of a large chart.
type texts struct{ seen map[wrapKey]wrapped }

type wrapKey struct {
	s           string
	size, width float64
	bold        bool
	n           int
}

func newTexts() *texts { return &texts{seen: map[wrapKey]wrapped{}} }

// wrapN is wrapN, remembered. The lines are shared: callers copy them.
func (t *texts) wrapN(s string, size float64, bold bool, width float64, n int) wrapped {
	if t == nil {
		return wrapN(s, size, bold, width, n)
	}
	k := wrapKey{s, size, width, bold, n}
	w, ok := t.seen[k]
	if !ok {
		w = wrapN(s, size, bold, width, n)
		t.seen[k] = w
	}
	return w
}

// itemCount bounds the items c's group holds.
func (c *card) itemCount() int {
	n := 5 + len(c.lines) // box, stripe, name group, lines, border, halo
	for _, row := range c.badges {
		n += 2 * len(row)
	}
	return n
}

// items draws c in the box r (chart units) onto the page with tf, its items
// in buf (cap itemCount).
func (c *card) items(r scene.Rect, tf xform, buf []scene.Item) scene.Group {
	names := 0
	for _, l := range c.lines {
		if l.name {
			names++
		}
	}
	g := scene.Group{ID: c.id, Kind: c.kind, Items: buf[:0]}
	if c.link > 0 {
		g.Link = scene.Link{Page: c.link}
	}
	g.Items = append(g.Items, tf.box(scene.Box{Rect: r, Radius: c.radius, Fill: c.fill}))
	if c.stripe.Visible() && c.stripe != c.fill {
		g.Items = append(g.Items, tf.box(scene.Box{Rect: scene.Rect{X: r.X + 1, Y: r.Y + 1, W: r.W - 2, H: stripeH}, Radius: 1, Fill: c.stripe}))
	}
	cx := r.X + r.W/2
	y := r.Y + stripeH + padY
	var name scene.Group
	for _, l := range c.lines {
		t := tf.text(scene.Text{X: cx, Y: y + scene.Ascent(l.size) + (lineHeight-1.15)/2*l.size, Anchor: scene.Middle,
			Size: l.size, Bold: l.bold, Italic: l.italic, Color: l.color, S: l.s})
		if l.name {
			if name.Items == nil {
				name.Items = make([]scene.Item, 0, names)
			}
			name.Items = append(name.Items, t)
		} else {
			if len(name.Items) > 0 {
				name.Kind = "name"
				g.Items = append(g.Items, name)
				name = scene.Group{}
			}
			g.Items = append(g.Items, t)
		}
		y += l.size * lineHeight
	}
	if len(name.Items) > 0 {
		name.Kind = "name"
		g.Items = append(g.Items, name)
	}
	y += 2
	bh := badgeSize * 1.6
	for _, row := range c.badges {
		x := cx - badgesWidth(row)/2
		for _, b := range row {
			w := badgeWidth(b)
			g.Items = append(g.Items,
				tf.box(scene.Box{Rect: scene.Rect{X: x, Y: y, W: w, H: bh}, Radius: bh / 2, Fill: b.fill}),
				tf.text(scene.Text{X: x + w/2, Y: y + bh/2 + badgeSize*0.35, Anchor: scene.Middle, Size: badgeSize, Bold: true, Color: b.text, S: b.s}))
			x += w + badgeGap
		}
		y += bh + 2
	}
	g.Items = append(g.Items, tf.box(scene.Box{Rect: r, Radius: c.radius, Stroke: c.border, StrokeWidth: c.borderW, Dash: c.dash}))
	if c.halo.Visible() {
		g.Items = append(g.Items, tf.box(c.haloItem(r)))
	}
	return g
}

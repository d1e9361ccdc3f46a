package pptx

import (
	"fmt"

	"github.com/orgchart/orgchart/render/scene"
)

// Hand-made scenes shaped like the drawing stage's: cards are groups of a
// rounded box, three lines of text and optional badges; reporting lines are
// bus connectors from the manager's card to the report's; a dotted line is
// dashed with an arrowhead at the manager.

type person struct {
	id, name, title, dept string
	badge                 string // role badge text, optional
	reports               []*person
}

// team builds a tree: a head with n reports, each with m reports.
func team(prefix, head string, n, m int) *person {
	root := &person{id: prefix, name: head, title: "Chief Executive Officer", dept: "Board", badge: "CEO"}
	for i := 0; i < n; i++ {
		vp := &person{id: fmt.Sprintf("%s-%d", prefix, i), name: fmt.Sprintf("Avery Director%d %s", i, prefix), title: "Vice President", dept: fmt.Sprintf("Dept %d", i)}
		for j := 0; j < m; j++ {
			vp.reports = append(vp.reports, &person{id: fmt.Sprintf("%s-%d-%d", prefix, i, j), name: fmt.Sprintf("Sam Report%d%d %s", i, j, prefix), title: "Engineer", dept: vp.dept})
		}
		root.reports = append(root.reports, vp)
	}
	return root
}

const (
	cardW, cardH = 118.0, 46.0
	gapX, gapY   = 10.0, 30.0
	pageMargin   = 20.0
)

var (
	cardFill   = scene.MustColor("#eef2ff")
	cardStroke = scene.MustColor("#4f46e5")
	ink        = scene.MustColor("#111827")
	lineColour = scene.MustColor("#6b7280")
)

// card draws p at x, y (top-left), linked to link.
func card(p *person, x, y float64, link scene.Link) scene.Group {
	cx := x + cardW/2
	items := []scene.Item{
		scene.Box{Rect: scene.Rect{X: x, Y: y, W: cardW, H: cardH}, Radius: 6, Fill: cardFill, Stroke: cardStroke, StrokeWidth: 1},
		scene.Text{X: cx, Y: y + 15, Anchor: scene.Middle, Size: 9, Bold: true, Color: ink, S: p.name},
		scene.Text{X: cx, Y: y + 27, Anchor: scene.Middle, Size: 7.5, Color: ink, S: p.title},
		scene.Text{X: cx, Y: y + 39, Anchor: scene.Middle, Size: 7.5, Color: lineColour, S: p.dept},
	}
	if p.badge != "" {
		items = append(items, scene.Group{Kind: "badge", Items: []scene.Item{
			scene.Box{Rect: scene.Rect{X: x + cardW - 26, Y: y - 6, W: 24, H: 11}, Radius: 5, Fill: cardStroke},
			scene.Text{X: x + cardW - 14, Y: y + 2, Anchor: scene.Middle, Size: 6, Bold: true, Color: scene.White, S: p.badge},
		}})
	}
	return scene.Group{ID: "card-" + p.id, Kind: "card", Items: items, Link: link}
}

// treePage lays out root and its reports (two levels below it at most) on
// one page, rows centred, and returns the page and where each card is.
func treePage(title string, root *person, stubs map[string]int) scene.Page {
	var rows [][]*person
	level := []*person{root}
	for len(level) > 0 {
		rows = append(rows, level)
		var next []*person
		for _, p := range level {
			if _, stub := stubs[p.id]; !stub {
				next = append(next, p.reports...)
			}
		}
		level = next
	}
	widest := 0
	for _, r := range rows {
		widest = max(widest, len(r))
	}
	w := 2*pageMargin + float64(widest)*(cardW+gapX) - gapX
	h := 2*pageMargin + float64(len(rows))*(cardH+gapY) - gapY
	pos := map[string]scene.Rect{}
	var cards, lines []scene.Item
	for i, r := range rows {
		rw := float64(len(r))*(cardW+gapX) - gapX
		x := (w - rw) / 2
		y := pageMargin + float64(i)*(cardH+gapY)
		for _, p := range r {
			var link scene.Link
			if pg, ok := stubs[p.id]; ok {
				link = scene.Link{Page: pg}
			}
			pos[p.id] = scene.Rect{X: x, Y: y, W: cardW, H: cardH}
			cards = append(cards, card(p, x, y, link))
			x += cardW + gapX
		}
	}
	var walk func(*person)
	walk = func(m *person) {
		if _, stub := stubs[m.id]; stub {
			return
		}
		for _, r := range m.reports {
			a, b := pos[m.id], pos[r.id]
			bus := a.Y + a.H + gapY/2
			lines = append(lines, scene.Path{ID: "line-" + r.id, From: "card-" + m.id, To: "card-" + r.id, Stroke: lineColour, Width: 1,
				Points: []scene.Point{{X: a.X + a.W/2, Y: a.Y + a.H}, {X: a.X + a.W/2, Y: bus}, {X: b.X + b.W/2, Y: bus}, {X: b.X + b.W/2, Y: b.Y}}})
			walk(r)
		}
	}
	walk(root)
	return scene.Page{Width: w, Height: h, Background: scene.White, Title: title, Items: append(lines, cards...)}
}

// dotted adds a dotted line between two cards of pg, routed below them.
func dotted(pg *scene.Page, from, to string) {
	var a, b scene.Rect
	var walk func([]scene.Item)
	walk = func(items []scene.Item) {
		for _, it := range items {
			if g, ok := it.(scene.Group); ok {
				if r, ok := itemBounds(g.Items[:1]); ok {
					switch g.ID {
					case from:
						a = r
					case to:
						b = r
					}
				}
			}
		}
	}
	walk(pg.Items)
	y := max(a.Y+a.H, b.Y+b.H) + 8
	pg.Items = append(pg.Items, scene.Path{ID: "dotted-" + from, From: from, To: to, Stroke: scene.MustColor("#b91c1c"), Width: 1.2, Dash: []float64{3, 2}, EndArrow: true,
		Points: []scene.Point{{X: a.X + a.W*0.75, Y: a.Y + a.H}, {X: a.X + a.W*0.75, Y: y}, {X: b.X + b.W*0.25, Y: y}, {X: b.X + b.W*0.25, Y: b.Y + b.H}}})
	pg.Items = append(pg.Items, scene.Text{X: 4, Y: pg.Height - 4, Size: 7, Color: ink, S: "SEC002 security-reports-to-it"})
}

// executive is a 14-person chart on one page: a CEO, 6 VPs, 7 reports.
func executive() *scene.Document {
	root := team("x", "Dana Whitfield", 6, 0)
	for j := 0; j < 7; j++ {
		vp := root.reports[j%2]
		vp.reports = append(vp.reports, &person{id: fmt.Sprintf("x-r%d", j), name: fmt.Sprintf("Report Person %d", j), title: "Manager", dept: vp.dept})
	}
	pg := treePage("Executive team", root, nil)
	dotted(&pg, "card-x-1", "card-x-0")
	return &scene.Document{Title: "Executive team", Pages: []scene.Page{pg}}
}

// company is a split chart: an overview of the CEO and stub cards for n
// units, then a page per unit of m people under its head.
func company(n, m int) *scene.Document {
	root := team("c", "Morgan Overview", n, m)
	stubs := map[string]int{}
	for i, vp := range root.reports {
		stubs[vp.id] = i + 2
	}
	d := &scene.Document{Title: "Company"}
	d.Pages = append(d.Pages, treePage("Company overview", root, stubs))
	for _, vp := range root.reports {
		d.Pages = append(d.Pages, treePage("Company: "+vp.dept, vp, nil))
	}
	return d
}

// people returns every name drawn on d's cards.
func people(d *scene.Document) []string {
	var names []string
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if g, ok := it.(scene.Group); ok && g.Kind == "card" {
				names = append(names, g.Items[1].(scene.Text).S)
			}
		}
	}
	return names
}

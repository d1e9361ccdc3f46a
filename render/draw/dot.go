package draw

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/render/scene"
)

// WriteDOT writes page p as Graphviz DOT with every position pinned: each
// card a node at pos="x,y!" (its centre, in points, Y up as Graphviz has
// it) with its size fixed, each line an edge with its polyline as pos, so
// that `neato -n2` (or go-graphviz's nop2) draws this very layout. Cards
// keep their text (HTML-like labels, escaped) and colours; the legend is
// left out. Node ids are the scene's group ids (c<index>, s<index>): no
// user text is an id.
func WriteDOT(w io.Writer, p *scene.Page) error {
	b := bufio.NewWriter(w)
	y := func(v float64) float64 { return p.Height - v }
	fmt.Fprintf(b, "digraph orgchart {\n\tgraph [bb=\"0,0,%s,%s\", splines=true, outputorder=edgesfirst", dnum(p.Width), dnum(p.Height))
	if p.Background.Visible() {
		fmt.Fprintf(b, ", bgcolor=%q", p.Background.Hex())
	}
	if t := strings.TrimSpace(p.Title); t != "" {
		fmt.Fprintf(b, ", label=<<B>%s</B>>, labelloc=t, labeljust=l, fontname=\"Helvetica\", fontsize=14", htmlEscape(t))
	}
	b.WriteString("]\n\tnode [shape=box, fixedsize=true, style=\"rounded,filled\", fontname=\"Helvetica\", margin=0]\n")
	b.WriteString("\tedge [dir=none, arrowsize=0.6]\n")
	var edges []scene.Path
	for _, it := range p.Items {
		switch v := it.(type) {
		case scene.Group:
			if v.Kind != "card" && v.Kind != "stub" {
				continue
			}
			writeNode(b, v, y)
		case scene.Path:
			if v.From != "" && v.To != "" {
				edges = append(edges, v)
			}
		}
	}
	for _, e := range edges {
		writeEdge(b, e, y)
	}
	b.WriteString("}\n")
	return b.Flush()
}

func writeNode(b *bufio.Writer, g scene.Group, y func(float64) float64) {
	var box *scene.Box
	var border scene.Box
	var texts []scene.Text
	var badges []dotBadge
	var walk func(items []scene.Item)
	walk = func(items []scene.Item) {
		for k := 0; k < len(items); k++ {
			switch v := items[k].(type) {
			case scene.Box:
				if box == nil {
					bx := v
					box = &bx
				} else if k+1 < len(items) {
					if t, ok := items[k+1].(scene.Text); ok && inside(t, v) {
						badges = append(badges, dotBadge{v, t})
						k++
						continue
					}
				}
				if v.Stroke.Visible() {
					border = v
				}
			case scene.Text:
				texts = append(texts, v)
			case scene.Group:
				walk(v.Items)
			}
		}
	}
	walk(g.Items)
	if box == nil {
		return
	}
	var rows []string
	for k := 0; k < len(texts); {
		t := texts[k]
		var parts []string
		for ; k < len(texts) && math.Abs(texts[k].Y-t.Y) < 0.5; k++ {
			parts = append(parts, htmlEscape(scene.Clean(texts[k].S)))
		}
		rows = append(rows, "<TR><TD>"+font(t, strings.Join(parts, " "))+"</TD></TR>")
	}
	rows = append(rows, badgeRows(badges)...)
	style := "rounded,filled"
	if len(border.Dash) > 0 {
		style += ",dashed"
	}
	fmt.Fprintf(b, "\t%s [pos=\"%s,%s!\", width=%s, height=%s, fillcolor=%q, color=%q, penwidth=%s, style=%q, label=<%s>",
		g.ID, dnum(box.X+box.W/2), dnum(y(box.Y+box.H/2)), dnum(box.W/72), dnum(box.H/72),
		box.Fill.Hex(), border.Stroke.Hex(), dnum(border.StrokeWidth), style,
		`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`+strings.Join(rows, "")+"</TABLE>")
	if g.Link.Page > 0 {
		fmt.Fprintf(b, ", tooltip=\"page %d\"", g.Link.Page)
	}
	b.WriteString("]\n")
}

// dotBadge is a role or finding badge of a card: a filled pill and its text.
type dotBadge struct {
	pill scene.Box
	text scene.Text
}

// inside reports whether t's anchor lies in bx: the text of a badge drawn
// right after its pill.
func inside(t scene.Text, bx scene.Box) bool {
	return t.X >= bx.X && t.X <= bx.X+bx.W && t.Y >= bx.Y && t.Y <= bx.Y+bx.H
}

// badgeSpacing is the space around badges in the DOT's tables, points.
const badgeSpacing = 3

// badgeRows draws badges as the SVG does: each row a table of cells filled
// with the pill's colour, rounded, with the text in its colour.
func badgeRows(bs []dotBadge) []string {
	var rows []string
	for k := 0; k < len(bs); {
		y := bs[k].pill.Y
		var cells []string
		w := badgeSpacing
		for ; k < len(bs) && math.Abs(bs[k].pill.Y-y) < 0.5; k++ {
			bg := bs[k]
			cells = append(cells, fmt.Sprintf(`<TD BGCOLOR="%s" STYLE="rounded" FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="%d">%s</TD>`,
				bg.pill.Fill.Hex(), int(math.Ceil(bg.pill.W)), int(math.Ceil(bg.pill.H)), font(bg.text, htmlEscape(scene.Clean(bg.text.S)))))
			w += int(math.Ceil(bg.pill.W)) + badgeSpacing
		}
		// A fixed width, or Graphviz stretches the row to the card's widest
		// line and spreads the pills apart.
		rows = append(rows, fmt.Sprintf(`<TR><TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="%d" CELLPADDING="0" FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="%d"><TR>`,
			badgeSpacing, w, int(math.Ceil(bs[k-1].pill.H))+2*badgeSpacing)+strings.Join(cells, "")+"</TR></TABLE></TD></TR>")
	}
	return rows
}

// font is escaped text s in t's size, colour and style.
func font(t scene.Text, s string) string {
	if t.Bold {
		s = "<B>" + s + "</B>"
	}
	if t.Italic {
		s = "<I>" + s + "</I>"
	}
	return fmt.Sprintf(`<FONT POINT-SIZE="%s" COLOR="%s">%s</FONT>`, dnum(t.Size), t.Color.Hex(), s)
}

// writeEdge writes a polyline as a B-spline of straight cubic pieces (each
// piece's control points on its ends), with the arrowhead's tip as "e,x,y".
func writeEdge(b *bufio.Writer, p scene.Path, y func(float64) float64) {
	pts := p.Points
	if len(pts) < 2 {
		return
	}
	var tip *scene.Point
	if p.EndArrow {
		last, prev := pts[len(pts)-1], pts[len(pts)-2]
		dx, dy := last.X-prev.X, last.Y-prev.Y
		if l := math.Hypot(dx, dy); l > 0 {
			a := min(scene.ArrowSize(p.Width), l*0.9)
			pts = append(pts[:len(pts)-1:len(pts)-1], scene.Point{X: last.X - dx/l*a, Y: last.Y - dy/l*a})
			tip = &last
		}
	}
	pt := func(q scene.Point) string { return dnum(q.X) + "," + dnum(y(q.Y)) }
	s := cubic(pts, pt)
	if tip != nil {
		s = fmt.Sprintf("e,%s,%s ", dnum(tip.X), dnum(y(tip.Y))) + s
	}
	attrs := []string{fmt.Sprintf("pos=%q", s), fmt.Sprintf("color=%q", p.Stroke.Hex()), "penwidth=" + dnum(p.Width)}
	if len(p.Dash) > 0 {
		attrs = append(attrs, "style=dashed")
	}
	if p.EndArrow {
		attrs = append(attrs, "dir=forward", "arrowhead=normal")
	}
	fmt.Fprintf(b, "\t%s -> %s [%s]\n", p.From, p.To, strings.Join(attrs, ", "))
}

// cubic writes the polyline pts as 3k+1 B-spline points: every segment a
// cubic whose control points are its own ends, so it is drawn straight.
func cubic(pts []scene.Point, pt func(scene.Point) string) string {
	var sb strings.Builder
	sb.WriteString(pt(pts[0]))
	for k := 1; k < len(pts); k++ {
		sb.WriteString(" " + pt(pts[k-1]) + " " + pt(pts[k]) + " " + pt(pts[k]))
	}
	return sb.String()
}

// dnum formats a coordinate with at most 2 decimals.
func dnum(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// htmlEscape escapes s for a Graphviz HTML-like label.
func htmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")
	return r.Replace(s)
}

package draw

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/render/scene"
)

// dump serialises a scene as text, one item a line, nested groups indented,
// numbers rounded to a tenth of a point: what golden files compare.
func dump(d *scene.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "document %q\n", d.Title)
	for _, o := range d.Outline {
		fmt.Fprintf(&b, "outline %d %q level %d\n", o.Page, o.Title, o.Level)
	}
	for k, p := range d.Pages {
		fmt.Fprintf(&b, "page %d %sx%s %q bg %s\n", k+1, r(p.Width), r(p.Height), p.Title, p.Background)
		dumpItems(&b, p.Items, "  ")
	}
	return b.String()
}

func r(v float64) string {
	return strconv.FormatFloat(float64(int64(v*10+0.5*sign(v)))/10, 'f', -1, 64)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

func dumpItems(b *strings.Builder, items []scene.Item, ind string) {
	for _, it := range items {
		switch v := it.(type) {
		case scene.Box:
			fmt.Fprintf(b, "%sbox %s,%s %sx%s fill %s stroke %s/%s", ind, r(v.X), r(v.Y), r(v.W), r(v.H), v.Fill, v.Stroke, r(v.StrokeWidth))
			if v.Dash != nil {
				b.WriteString(" dashed")
			}
			b.WriteString("\n")
		case scene.Text:
			style := ""
			if v.Bold {
				style += " bold"
			}
			if v.Italic {
				style += " italic"
			}
			fmt.Fprintf(b, "%stext %s,%s %s%s %s %q\n", ind, r(v.X), r(v.Y), r(v.Size), style, v.Color, v.S)
		case scene.Path:
			var pts []string
			for _, q := range v.Points {
				pts = append(pts, r(q.X)+","+r(q.Y))
			}
			extra := ""
			if v.Dash != nil {
				extra += " dashed"
			}
			if v.EndArrow {
				extra += " arrow"
			}
			fmt.Fprintf(b, "%spath %s %s->%s %s/%s%s %s\n", ind, v.ID, v.From, v.To, v.Stroke, r(v.Width), extra, strings.Join(pts, " "))
		case scene.Group:
			link := ""
			if v.Link.Page > 0 {
				link = fmt.Sprintf(" link page %d", v.Link.Page)
			}
			fmt.Fprintf(b, "%sgroup %s %s%s\n", ind, v.ID, v.Kind, link)
			dumpItems(b, v.Items, ind+"  ")
		}
	}
}

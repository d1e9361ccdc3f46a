package scene

import (
	"fmt"
	"io"
	"testing"
)

// bigDoc is a page of n cards in rows of 40 (name, title, a badge on every
// seventh), each joined to the card above by an orthogonal connector, and
// a dashed arrowed line every tenth card.
func bigDoc(n int) *Document {
	const cols, cw, ch, gx, gy = 40, 120.0, 46.0, 30.0, 40.0
	rows := (n + cols - 1) / cols
	p := Page{Width: cols*(cw+gx) + gx, Height: float64(rows)*(ch+gy) + gy, Background: White, Title: "Big"}
	blue, grey := MustColor("#1a73e8"), MustColor("#5f6368")
	for i := range n {
		x, y := gx+float64(i%cols)*(cw+gx), gy+float64(i/cols)*(ch+gy)
		id := fmt.Sprintf("p%d", i)
		items := []Item{
			Box{ID: id + "-box", Rect: Rect{x, y, cw, ch}, Radius: 6, Fill: MustColor("#e8f0fe"), Stroke: blue, StrokeWidth: 1.5},
			Text{X: x + cw/2, Y: y + 20, Anchor: Middle, Size: 11, Bold: true, Color: Black, S: fmt.Sprintf("Person Number %d", i)},
			Text{X: x + cw/2, Y: y + 35, Anchor: Middle, Size: 9, Color: grey, S: "Senior Engineer, Platform"},
		}
		if i%7 == 0 {
			items = append(items, Group{Kind: "badge", Items: []Item{
				Box{Rect: Rect{x + cw - 28, y - 6, 26, 13}, Radius: 3, Fill: MustColor("#d93025")},
				Text{X: x + cw - 15, Y: y + 3.5, Anchor: Middle, Size: 7, Bold: true, Color: White, S: "SEC"},
			}})
		}
		p.Items = append(p.Items, Group{ID: id, Kind: "card", Items: items})
		if i >= cols {
			up := fmt.Sprintf("p%d", i-cols)
			p.Items = append(p.Items, Path{From: up, To: id, Points: []Point{{x + cw/2, y - gy}, {x + cw/2, y - gy/2}, {x + cw/3, y - gy/2}, {x + cw/3, y}}, Stroke: grey, Width: 1.5, EndArrow: true})
		}
		if i%10 == 9 && i%cols != cols-1 {
			p.Items = append(p.Items, Path{Points: []Point{{x + cw, y + ch/2}, {x + cw + gx, y + ch/2}}, Stroke: MustColor("#d93025"), Width: 1, Dash: []float64{4, 3}, EndArrow: true})
		}
	}
	return &Document{Title: "Big", Pages: []Page{p}}
}

func BenchmarkSVG1000(b *testing.B) {
	d := bigDoc(1000)
	for b.Loop() {
		if err := WriteSVG(io.Discard, d, 1, SVGOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPDF1000(b *testing.B) {
	d := bigDoc(1000)
	for b.Loop() {
		if err := WritePDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPNG1000(b *testing.B) {
	d := bigDoc(1000)
	for b.Loop() {
		if _, err := WritePNG(io.Discard, d, 1, RasterOptions{Scale: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRasterize1000(b *testing.B) {
	d := bigDoc(1000)
	for b.Loop() {
		if _, _, err := Rasterize(d, 1, RasterOptions{Scale: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

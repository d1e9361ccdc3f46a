package pptx

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/orgchart/orgchart/render/scene"
)

// fuzzBytes hands out the fuzzer's bytes as small decisions; past the end
// every decision is zero, so any input makes a scene.
type fuzzBytes struct{ b []byte }

func (f *fuzzBytes) byte() byte {
	if len(f.b) == 0 {
		return 0
	}
	c := f.b[0]
	f.b = f.b[1:]
	return c
}

// n returns a number in [0, k).
func (f *fuzzBytes) n(k int) int { return int(f.byte()) % k }

// coord returns a coordinate in points, negative and off-page ones included.
func (f *fuzzBytes) coord() float64 { return float64(int(f.byte())*4-200) + float64(f.n(4))/4 }

// text returns a string of up to 15 raw bytes (control characters, invalid
// UTF-8, XML markup) or one of a few hostile strings.
func (f *fuzzBytes) text() string {
	hostile := []string{"", "Zoë <b>&amp;</b> \"O'Neil\"", "\x00\x01\x1b[31m\x7f", "\xff\xfe\xc3", "]]><x/>", "\u202eevil\u200b", "\U0001F600 😀", "a\r\nb\tc"}
	if k := f.n(4); k == 0 {
		return hostile[f.n(len(hostile))]
	}
	n := f.n(16)
	s := make([]byte, 0, n)
	for i := 0; i < n; i++ {
		s = append(s, f.byte())
	}
	return string(s)
}

// link returns no link, a link to a page (possibly out of range) or a URL.
func (f *fuzzBytes) link(pages int) scene.Link {
	switch f.n(4) {
	case 1:
		return scene.Link{Page: f.n(pages + 2)}
	case 2:
		return scene.Link{URL: "https://example.com/" + f.text()}
	case 3:
		return scene.Link{URL: f.text()}
	}
	return scene.Link{}
}

// fuzzScene builds a document of one to three pages of up to eight cards
// each (a box, two lines and maybe a badge), lines between cards (straight,
// elbows, U turns, routes of many bends, dashed, with arrowheads), loose
// texts, links and notes, all from the fuzzer's bytes.
func fuzzScene(data []byte) (Size, Chart) {
	f := &fuzzBytes{b: data}
	size := []Size{Wide, Standard}[f.n(2)]
	pages := 1 + f.n(3)
	d := &scene.Document{Title: f.text()}
	var notes [][]Note
	for p := 0; p < pages; p++ {
		pg := scene.Page{Width: float64(50 + int(f.byte())*8), Height: float64(50 + int(f.byte())*4), Title: f.text(), Background: scene.White}
		if f.n(2) == 0 {
			pg.Items = append(pg.Items, scene.Text{X: 10, Y: 20, Size: 14, Color: ink, S: pg.Title})
		}
		var rects []scene.Rect
		for c, cards := 0, f.n(9); c < cards; c++ {
			r := scene.Rect{X: f.coord(), Y: f.coord(), W: float64(f.n(160)), H: float64(f.n(60))}
			rects = append(rects, r)
			items := []scene.Item{
				scene.Box{Rect: r, Radius: float64(f.n(10)), Fill: cardFill, Stroke: cardStroke, StrokeWidth: 1},
				scene.Text{X: r.X + r.W/2, Y: r.Y + 12, Anchor: scene.Middle, Size: float64(1 + f.n(14)), Bold: true, Color: ink, S: f.text()},
				scene.Text{X: r.X + 2, Y: r.Y + 24, Anchor: scene.Anchor(f.n(3)), Size: 7, Color: ink, S: f.text()},
			}
			if f.n(3) == 0 {
				items = append(items, scene.Group{Kind: "badge", Items: []scene.Item{
					scene.Box{Rect: scene.Rect{X: r.X + r.W - 20, Y: r.Y - 5, W: 20, H: 10}, Radius: 5, Fill: cardStroke},
					scene.Text{X: r.X + r.W - 10, Y: r.Y + 2, Anchor: scene.Middle, Size: 6, Color: scene.White, S: f.text()},
				}})
			}
			pg.Items = append(pg.Items, scene.Group{ID: fmt.Sprintf("card-%d", c), Kind: "card", Items: items, Link: f.link(pages)})
		}
		for l, lines := 0, f.n(9); l < lines && len(rects) > 0; l++ {
			a, b := f.n(len(rects)), f.n(len(rects))
			ra, rb := rects[a], rects[b]
			// Leave a's top or bottom edge and enter b's, somewhere along
			// them, via a lane, or bend a few more times on the way.
			xa, xb := ra.X+ra.W*float64(f.n(5))/4, rb.X+rb.W*float64(f.n(5))/4
			ya, yb := ra.Y+ra.H*float64(f.n(2)), rb.Y+rb.H*float64(f.n(2))
			lane := f.coord()
			pts := []scene.Point{{X: xa, Y: ya}, {X: xa, Y: lane}}
			for k := f.n(4); k > 0; k-- {
				x, y := f.coord(), f.coord()
				pts = append(pts, scene.Point{X: x, Y: pts[len(pts)-1].Y}, scene.Point{X: x, Y: y})
			}
			pts = append(pts, scene.Point{X: xb, Y: pts[len(pts)-1].Y}, scene.Point{X: xb, Y: yb})
			if f.n(5) == 0 {
				pts = pts[:1+f.n(len(pts))] // one point (invalid), or cut short
				pts = append(pts, scene.Point{X: f.coord(), Y: f.coord()})
			}
			path := scene.Path{ID: fmt.Sprintf("line-%d", l), From: fmt.Sprintf("card-%d", a), To: fmt.Sprintf("card-%d", b),
				Stroke: lineColour, Width: float64(f.n(3)), Points: pts, EndArrow: f.n(2) == 0}
			if f.n(3) == 0 {
				path.Dash = []float64{float64(f.n(4)), 2}
			}
			if f.n(8) == 0 {
				path.To = f.text() // names no shape: the scene is invalid
			}
			pg.Items = append(pg.Items, path)
		}
		if f.n(2) == 0 {
			pg.Items = append(pg.Items, scene.Text{X: f.coord(), Y: f.coord(), Size: 8, Color: ink, S: f.text()})
		}
		d.Pages = append(d.Pages, pg)
		var ns []Note
		for k := f.n(3); k > 0; k-- {
			ns = append(ns, Note{Code: f.text(), Message: f.text(), URL: []string{"", "https://example.com/docs/rules/SEC002.md", f.text()}[f.n(3)]})
		}
		notes = append(notes, ns)
	}
	return size, Chart{Doc: d, Notes: notes}
}

// FuzzWrite checks that Write never panics on a scene built from any bytes,
// that it refuses exactly the scenes that do not validate, writing nothing,
// and that every deck it writes passes the package checks.
func FuzzWrite(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"))
	f.Add([]byte("\x01\x02\x80\x40\x05\x03\x08\x01\x20\x30\x40\x10\x05\x01\x02\x01\x07\x00\x00\xff\xfe\x03\x01\x02\x05\x04\x01\x03"))
	f.Add(bytes.Repeat([]byte{0x37, 0xc3, 0x28, 0x05}, 40))
	f.Fuzz(func(t *testing.T, data []byte) {
		size, chart := fuzzScene(data)
		var out bytes.Buffer
		err := Write(&out, size, chart)
		if verr := chart.Doc.Validate(); (err != nil) != (verr != nil) {
			t.Fatalf("Write = %v, but the scene's Validate = %v", err, verr)
		}
		if err != nil {
			if out.Len() != 0 {
				t.Fatalf("Write failed (%v) and wrote %d bytes", err, out.Len())
			}
			return
		}
		if slides := checkDeck(t, out.Bytes()); len(slides) != len(chart.Doc.Pages) {
			t.Fatalf("%d slides for %d pages", len(slides), len(chart.Doc.Pages))
		}
	})
}

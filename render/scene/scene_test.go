package scene

import (
	"strings"
	"testing"
)

// testDoc is a small hand-made document with every item kind: cards with
// text and a badge, glued connectors with arrowheads, a dashed path with
// arrowheads at both ends, a stub card linking to page 2, a URL link, a
// diagonal path, italic and end-anchored text, and a transparent page.
func testDoc() *Document {
	blue, grey, red := MustColor("#1a73e8"), MustColor("#5f6368"), MustColor("#d93025")
	card := func(id string, x, y float64, name, title string, extra ...Item) Group {
		items := []Item{
			Box{ID: id + "-box", Rect: Rect{x, y, 120, 46}, Radius: 6, Fill: MustColor("#e8f0fe"), Stroke: blue, StrokeWidth: 1.5},
			Text{X: x + 60, Y: y + 20, Anchor: Middle, Size: 11, Bold: true, Color: MustColor("#202124"), S: name},
			Text{X: x + 60, Y: y + 35, Anchor: Middle, Size: 9, Color: grey, S: title},
		}
		return Group{ID: id, Kind: "card", Items: append(items, extra...)}
	}
	badge := Group{ID: "ceo-badge", Kind: "badge", Items: []Item{
		Box{Rect: Rect{252, 12, 26, 13}, Radius: 3, Fill: red},
		Text{X: 265, Y: 21.5, Anchor: Middle, Size: 7, Bold: true, Color: White, S: "SEC"},
	}}
	stub := card("eng", 250, 130, "Engineering", "42 people, page 2")
	stub.Kind = "stub"
	stub.Link = Link{Page: 2}
	b := stub.Items[0].(Box)
	b.Dash = []float64{4, 2}
	stub.Items[0] = b
	return &Document{
		Title: "Acme <Org> & Co",
		Pages: []Page{{
			Width: 400, Height: 250, Background: White, Title: "Overview",
			Items: []Item{
				Path{ID: "l1", From: "ceo", To: "cfo", Points: []Point{{210, 66}, {210, 98}, {100, 98}, {100, 130}}, Stroke: grey, Width: 1.5, EndArrow: true},
				Path{ID: "l2", From: "ceo", To: "eng", Points: []Point{{210, 98}, {310, 98}, {310, 130}}, Stroke: grey, Width: 1.5, EndArrow: true},
				card("ceo", 150, 20, "Dana Whitfield", "Chief Executive Officer", badge),
				card("cfo", 40, 130, "Ravi Raman", "Chief Financial Officer"),
				stub,
				Path{ID: "d1", From: "cfo", To: "eng", Points: []Point{{160, 160}, {250, 160}}, Stroke: red, Width: 1, Dash: []float64{4, 3}, StartArrow: true, EndArrow: true},
				Box{ID: "docs", Rect: Rect{10, 215, 70, 20}, Radius: 2, Stroke: blue, StrokeWidth: 0.75, Link: Link{URL: "https://example.com/org?a=1&b=2"}},
				Text{X: 45, Y: 229, Anchor: Middle, Size: 9, Color: blue, S: "Docs & help"},
				Text{X: 390, Y: 240, Anchor: End, Size: 8, Italic: true, Color: grey, S: "Page 1 of 2 — draft"},
			},
		}, {
			Width: 300, Height: 160, Title: "Engineering",
			Items: []Item{
				card("cto", 90, 10, "Yves LeTourneau", "CTO"),
				Path{ID: "x", From: "cto", To: "back", Points: []Point{{150, 56}, {60, 120}}, Stroke: MustColor("#0b8043c0"), Width: 2, EndArrow: true},
				Group{ID: "back", Kind: "nav", Link: Link{Page: 1}, Items: []Item{
					Box{Rect: Rect{10, 120, 100, 24}, Radius: 12, Fill: MustColor("#f1f3f4"), Stroke: grey, StrokeWidth: 1},
					Text{X: 60, Y: 136, Anchor: Middle, Size: 10, Color: MustColor("#202124"), S: "← Overview"},
				}},
			},
		}},
	}
}

func TestTestDocValid(t *testing.T) {
	if err := testDoc().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidate(t *testing.T) {
	nan := func() float64 { var z float64; return z / z }()
	tests := []struct {
		name string
		page Page
		want string
	}{
		{"size", Page{Width: 0, Height: 10}, "size 0x10"},
		{"nan", Page{Width: 10, Height: 10, Items: []Item{Box{ID: "b", Rect: Rect{X: nan}}}}, `box "b": coordinate`},
		{"dup", Page{Width: 10, Height: 10, Items: []Item{Box{ID: "a"}, Group{ID: "a"}}}, `group "a": duplicate id`},
		{"page link", Page{Width: 10, Height: 10, Items: []Item{Box{ID: "a", Link: Link{Page: 3}}}}, "link to page 3 of 1"},
		{"js link", Page{Width: 10, Height: 10, Items: []Item{Group{ID: "g", Link: Link{URL: "JavaScript:alert(1)"}}}}, `scheme "javascript"`},
		{"end", Page{Width: 10, Height: 10, Items: []Item{Path{Points: []Point{{0, 0}, {1, 1}}, To: "nobody"}}}, `"nobody" names no box`},
		{"points", Page{Width: 10, Height: 10, Items: []Item{Path{ID: "p", Points: []Point{{0, 0}}}}}, "1 points"},
		{"dash", Page{Width: 10, Height: 10, Items: []Item{Path{ID: "p", Points: []Point{{0, 0}, {1, 0}}, Dash: []float64{0, 0}}}}, "all zeros"},
		{"font", Page{Width: 10, Height: 10, Items: []Item{Text{S: "x"}}}, "font size 0"},
	}
	for _, tt := range tests {
		d := &Document{Pages: []Page{tt.page}}
		err := d.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate() = %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
	if err := (&Document{Pages: []Page{{Width: 1, Height: 1}}, Outline: []OutlineEntry{{Title: "x", Page: 2}}}).Validate(); err == nil {
		t.Errorf("Validate() accepted an outline entry for a missing page")
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want Color
		err  bool
	}{
		{"#1a73e8", Color{0x1a, 0x73, 0xe8, 255}, false},
		{"#1A73E8", Color{0x1a, 0x73, 0xe8, 255}, false},
		{"#1a73e880", Color{0x1a, 0x73, 0xe8, 0x80}, false},
		{"#fff", White, false},
		{"#0008", Color{0, 0, 0, 0x88}, false},
		{" none ", Transparent, false},
		{"transparent", Transparent, false},
		{"1a73e8", Color{}, true},
		{"#12345", Color{}, true},
		{"#gggggg", Color{}, true},
		{"#+12345", Color{}, true},
	}
	for _, tt := range tests {
		got, err := ParseColor(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseColor(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err == nil && tt.want.A > 0 {
			if back := MustColor(got.String()); back != got {
				t.Errorf("MustColor(%q) = %v, want %v", got.String(), back, got)
			}
		}
	}
}

func TestStrokedArrows(t *testing.T) {
	p := Path{Points: []Point{{0, 0}, {0, 100}, {50, 100}}, Width: 2, StartArrow: true, EndArrow: true}
	pts, arrows := p.stroked()
	L := ArrowSize(2)
	if len(arrows) != 2 {
		t.Fatalf("stroked() gave %d arrowheads, want 2", len(arrows))
	}
	if want := (Point{0, L}); pts[0] != want {
		t.Errorf("start pulled back to %v, want %v", pts[0], want)
	}
	if want := (Point{50 - L, 100}); pts[2] != want {
		t.Errorf("end pulled back to %v, want %v", pts[2], want)
	}
	if c := arrows[1].corners(); c[0] != (Point{50, 100}) || c[1].X != 50-L || c[2].X != 50-L || c[1].Y+c[2].Y != 200 {
		t.Errorf("end arrowhead corners %v, want tip (50,100) and base at x=%v", c, 50-L)
	}
	if p.Points[0] != (Point{0, 0}) {
		t.Errorf("stroked() changed the path's own points")
	}
}

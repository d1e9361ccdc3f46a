// Package scene is one positioned drawing of a chart, and its format
// backends: the layout engine produces a Document, and each backend (SVG,
// PDF, PNG/JPEG here; PPTX elsewhere) only translates it, deciding nothing
// about placement.
//
// Invariants:
//   - Units are points (1/72 inch). The origin is the top-left corner of the
//     page and Y grows downwards, in every backend.
//   - A Text's Y is its alphabetic baseline; X is its start, middle or end as
//     its Anchor says. Text is one line and is drawn in Liberation Sans (or a
//     metric-compatible Arial/Helvetica), so Measure gives its width.
//   - Items are drawn in order: a later item paints over an earlier one.
//   - Page numbers in links and the outline are one-based indexes into
//     Document.Pages.
//   - IDs are unique within a page; a Path's From and To name a Box or Group
//     on the same page (PPTX glues connectors to them).
//   - Every backend writes the same bytes for the same Document: no
//     timestamps, no map order, fixed number formatting.
//   - Colours are sRGB with straight (not premultiplied) alpha; the zero
//     Color is transparent, and a transparent fill or stroke is not drawn.
package scene

import (
	"fmt"
	"strconv"
	"strings"
)

// Document is a sequence of pages and an outline of them (PDF bookmarks,
// PPTX slide titles).
type Document struct {
	Title   string
	Pages   []Page
	Outline []OutlineEntry // nil: one entry per page, from its Title
}

// OutlineEntry is one bookmark: a title leading to a page.
type OutlineEntry struct {
	Title string
	Page  int // one-based page number
	Level int // nesting depth, 0 at the top
}

// Page is one page (PDF page, SVG/PNG file, PPTX slide).
type Page struct {
	Width, Height float64 // points
	Background    Color   // zero: transparent
	Title         string
	Items         []Item
}

// Item is one of Box, Text, Path or Group.
type Item interface{ item() }

func (Box) item()   {}
func (Text) item()  {}
func (Path) item()  {}
func (Group) item() {}

// Point is a position in points.
type Point struct{ X, Y float64 }

// Rect is a rectangle: its top-left corner and its size, in points.
type Rect struct{ X, Y, W, H float64 }

// Link is where a click leads: a page of the same Document or a URL. The
// zero Link leads nowhere.
type Link struct {
	Page int    // one-based page number; 0: none
	URL  string // used when Page is 0
}

// IsZero reports whether l leads nowhere.
func (l Link) IsZero() bool { return l.Page == 0 && l.URL == "" }

// Box is a rectangle with rounded corners, filled and stroked (a card, a
// badge, a legend swatch).
type Box struct {
	ID string // optional; unique on the page; names it for Path.From/To
	Rect
	Radius      float64 // corner radius
	Fill        Color
	Stroke      Color
	StrokeWidth float64
	Dash        []float64 // dash and gap lengths in points; nil: solid
	Link        Link
}

// Anchor says which point of a line of text its X is.
type Anchor uint8

// Anchors.
const (
	Start  Anchor = iota // X is the left end (text-anchor="start")
	Middle               // X is the centre
	End                  // X is the right end
)

// Text is one line of text. Its Y is the alphabetic baseline: the glyphs
// rise Ascent(Size) above it and descend Descent(Size) below. A card's lines
// are consecutive Text items in its Group, in reading order.
type Text struct {
	X, Y         float64
	Anchor       Anchor
	Size         float64 // font size in points (the em)
	Bold, Italic bool
	Color        Color
	S            string // one line; control characters are not drawn
}

// Path is a polyline (a connector, a reporting line), optionally dashed and
// with arrowheads. The arrowheads' tips are at the first and last points;
// their shape is ArrowSize's.
type Path struct {
	ID         string
	From, To   string // optional IDs of the Box or Group it connects
	Points     []Point
	Stroke     Color
	Width      float64
	Dash       []float64 // dash and gap lengths in points; nil: solid
	StartArrow bool      // arrowhead pointing at Points[0]
	EndArrow   bool      // arrowhead pointing at Points[len-1]
}

// Group is items that belong together and move as one (a card with its
// text and badges), with a semantic Kind for backends that keep structure.
type Group struct {
	ID    string
	Kind  string // "card", "badge", "legend", ...; free-form
	Items []Item
	Link  Link // the whole group leads here (a stub card to its page)
}

// Arrowhead geometry: a filled triangle, ArrowSize(width) long and as wide,
// for a line of the given width; the line stops at its base.
func ArrowSize(width float64) float64 { return 3*width + 4 }

// Liberation Sans's vertical metrics (hhea ascender and descender over 2048
// units per em): a line of Size s spans Ascent(s) above its baseline and
// Descent(s) below.
const (
	ascentEm  = 1854.0 / 2048
	descentEm = 434.0 / 2048
)

// Ascent is the height of a font of size s above its baseline.
func Ascent(s float64) float64 { return s * ascentEm }

// Descent is the depth of a font of size s below its baseline (positive).
func Descent(s float64) float64 { return s * descentEm }

// Color is an sRGB colour with straight alpha; the zero Color is transparent.
type Color struct{ R, G, B, A uint8 }

// Colours used often.
var (
	Transparent = Color{}
	Black       = Color{0, 0, 0, 255}
	White       = Color{255, 255, 255, 255}
)

// RGB returns the opaque colour r, g, b.
func RGB(r, g, b uint8) Color { return Color{r, g, b, 255} }

// Visible reports whether c paints anything.
func (c Color) Visible() bool { return c.A > 0 }

// Hex is c as "#rrggbb", without its alpha.
func (c Color) Hex() string { return string(appendHex(nil, c)) }

// Opacity is c's alpha from 0 to 1.
func (c Color) Opacity() float64 { return float64(c.A) / 255 }

// String is c as "#rrggbb", or "#rrggbbaa" when it is not opaque.
func (c Color) String() string {
	if c.A == 255 {
		return c.Hex()
	}
	return fmt.Sprintf("#%02x%02x%02x%02x", c.R, c.G, c.B, c.A)
}

// ParseColor reads "#rgb", "#rgba", "#rrggbb", "#rrggbbaa" (case-insensitive)
// or "none"/"transparent".
func ParseColor(s string) (Color, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "none" || t == "transparent" {
		return Transparent, nil
	}
	h, ok := strings.CutPrefix(t, "#")
	if ok && (len(h) == 3 || len(h) == 4) {
		var b strings.Builder
		for _, r := range h {
			b.WriteRune(r)
			b.WriteRune(r)
		}
		h = b.String()
	}
	if !ok || (len(h) != 6 && len(h) != 8) {
		return Color{}, fmt.Errorf("colour %q: want #rrggbb, #rrggbbaa, #rgb or none", s)
	}
	if len(h) == 6 {
		h += "ff"
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q: want hexadecimal digits after #", s)
	}
	return Color{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// MustColor is ParseColor for constants; it panics on a malformed colour.
func MustColor(s string) Color {
	c, err := ParseColor(s)
	if err != nil {
		panic(err)
	}
	return c
}

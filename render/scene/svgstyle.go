package scene

import (
	"hash/fnv"
	"math"
	"strconv"
)

// An SVG's paint and font attributes repeat on almost every element (every
// card has the same fill, border, name size...), so WriteSVG writes each
// distinct set once, as a class in a <style> sheet, and the elements name
// their class. Class names start with a hash of the rules (oc1x2y3z-k4),
// so two charts' SVGs inlined in one HTML page never restyle each other
// (equal names mean equal rules). Each rule is a single class selector,
// as Illustrator's SVGs write theirs: LibreOffice 7.4 ignores the rules of
// descendant selectors (".scope .k4"), and drew every card black.

// Element kinds a style belongs to.
const (
	styleText uint8 = iota
	styleRect
	stylePath
)

// styleKey is what an element's class stands for: its paint, and for text
// its font and anchor. Fields an element does not use are zero.
type styleKey struct {
	el           uint8
	anchor       Anchor
	bold, italic bool
	fill, stroke Color
	size         float64 // font size (text) or stroke width
	dash         string  // stroke-dasharray as written; "" when solid
}

// textStyle is t's class key, and whether t is drawn at all.
func textStyle(t *Text) (styleKey, bool) {
	if !t.Color.Visible() || !anyDrawn(t.S) {
		return styleKey{}, false
	}
	return styleKey{el: styleText, anchor: t.Anchor, bold: t.Bold, italic: t.Italic, fill: t.Color, size: t.Size}, true
}

func (c *styleTable) boxStyle(b *Box) styleKey {
	k := styleKey{el: styleRect, fill: b.Fill}
	if b.Stroke.Visible() && b.StrokeWidth > 0 {
		k.stroke, k.size, k.dash = b.Stroke, b.StrokeWidth, c.dashes(b.Dash)
	}
	return k
}

// pathStyle is p's class key, and whether p is drawn at all.
func (c *styleTable) pathStyle(p *Path) (styleKey, bool) {
	if !p.Stroke.Visible() || p.Width <= 0 {
		return styleKey{}, false
	}
	return styleKey{el: stylePath, stroke: p.Stroke, size: p.Width, dash: c.dashes(p.Dash)}, true
}

// anyDrawn reports whether Clean(s) != "", at once when s starts with a
// printable ASCII character (Clean keeps it).
func anyDrawn(s string) bool {
	return s != "" && (s[0] >= 0x20 && s[0] < 0x7f || Clean(s) != "")
}

// styleTable numbers the classes and arrowhead markers of a run of items in
// the order they are first used.
type styleTable struct {
	index   map[styleKey]int
	keys    []styleKey
	markers map[markerKey]int
	mkeys   []markerKey
	// lastDash and lastDashS spare formatting the same dash pattern for
	// every dashed element.
	lastDash  []float64
	lastDashS string
	// recent remembers a few keys' classes by a cheap hash of them: a card
	// has a handful of styles, the same on every card, and looking each up
	// in the map (hashing a 64-byte key) was most of collecting them.
	recent [16]struct {
		k  styleKey
		i  int
		ok bool
	}
}

func newStyleTable() *styleTable {
	return &styleTable{index: map[styleKey]int{}, markers: map[markerKey]int{}}
}

func (c *styleTable) class(k styleKey) int {
	h := uint64(k.el) | uint64(k.anchor)<<2 | uint64(len(k.dash))<<4 |
		uint64(k.fill.R)<<8 | uint64(k.fill.G)<<16 | uint64(k.fill.B)<<24 | uint64(k.fill.A)<<32 |
		uint64(k.stroke.R)<<40 | uint64(k.stroke.G)<<48 | uint64(k.stroke.B)<<56
	h ^= math.Float64bits(k.size)
	if k.bold {
		h ^= 1 << 3
	}
	if k.italic {
		h ^= 1 << 7
	}
	r := &c.recent[(h*0x9e3779b97f4a7c15)>>60]
	if r.ok && r.k == k {
		return r.i
	}
	i := c.lookup(k)
	r.k, r.i, r.ok = k, i, true
	return i
}

func (c *styleTable) lookup(k styleKey) int { return intern(c.index, &c.keys, k) }

func (c *styleTable) marker(k markerKey) int { return intern(c.markers, &c.mkeys, k) }

// intern returns the index of k in keys, appending it (and indexing it in
// index) when it is new.
func intern[K comparable](index map[K]int, keys *[]K, k K) int {
	i, ok := index[k]
	if !ok {
		i = len(*keys)
		index[k] = i
		*keys = append(*keys, k)
	}
	return i
}

// dashes is d as a stroke-dasharray value.
func (c *styleTable) dashes(d []float64) string {
	if len(d) == 0 {
		return ""
	}
	if len(d) == len(c.lastDash) {
		same := true
		for i := range d {
			same = same && d[i] == c.lastDash[i]
		}
		if same {
			return c.lastDashS
		}
	}
	var b []byte
	for i, x := range d {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNum(b, x)
	}
	c.lastDash, c.lastDashS = d, string(b)
	return c.lastDashS
}

// svgChunk is a run of a page's top-level items written on its own: its
// classes and markers numbered locally (then mapped to the page's), the
// local class of each element in writing order, and its bytes.
type svgChunk struct {
	items   []Item
	tab     *styleTable
	cls     []int32 // local class per styled element, in writing order
	size    int     // about how many bytes it takes
	classOf []int   // local class → page class
	markOf  []int   // local marker → page marker
	out     []byte
	done    chan struct{}
}

// chunkItems is how many top-level items a chunk holds: a 100,000-person
// poster is some 200,000 (cards and connectors), written in 200 chunks on
// every core; a slide is one chunk, written without goroutines. A variable
// for the test that cuts pages finely.
var chunkItems = 1024

func chunks(items []Item) []*svgChunk {
	var out []*svgChunk
	for len(items) > 0 {
		n := min(len(items), chunkItems)
		out = append(out, &svgChunk{items: items[:n:n], done: make(chan struct{})})
		items = items[n:]
	}
	return out
}

// collect numbers the chunk's classes and markers and sizes its output.
func (ch *svgChunk) collect() {
	ch.tab = newStyleTable()
	// A card is a group of some six styled elements: sized once, not grown.
	ch.cls = make([]int32, 0, 8*len(ch.items))
	ch.size = ch.walk(ch.items)
}

func (ch *svgChunk) walk(items []Item) int {
	n := 0
	c := ch.tab
	for _, it := range items {
		switch it := it.(type) {
		case Box:
			ch.cls = append(ch.cls, int32(c.class(c.boxStyle(&it))))
			n += 90 + len(it.ID) + len(it.Link.URL)
		case Text:
			if k, ok := textStyle(&it); ok {
				ch.cls = append(ch.cls, int32(c.class(k)))
				n += 50 + len(it.S)
			}
		case Path:
			if k, ok := c.pathStyle(&it); ok {
				ch.cls = append(ch.cls, int32(c.class(k)))
				if it.StartArrow {
					c.marker(markerKey{it.Stroke, ArrowSize(it.Width), true})
				}
				if it.EndArrow {
					c.marker(markerKey{it.Stroke, ArrowSize(it.Width), false})
				}
				n += 60 + len(it.ID) + 22*len(it.Points)
			}
		case Group:
			n += 30 + len(it.ID) + len(it.Kind) + len(it.Link.URL) + ch.walk(it.Items)
		}
	}
	return n
}

// merge numbers the classes and markers of chunks for the whole page, in
// the order the page first uses them, so the output does not depend on how
// the page was cut.
func merge(chs []*svgChunk) *styleTable {
	page := newStyleTable()
	for _, ch := range chs {
		ch.classOf = make([]int, len(ch.tab.keys))
		for i, k := range ch.tab.keys {
			ch.classOf[i] = page.class(k)
		}
		ch.markOf = make([]int, len(ch.tab.mkeys))
		for i, k := range ch.tab.mkeys {
			ch.markOf[i] = page.marker(k)
		}
	}
	return page
}

// className is the class of page style i.
func className(i int) string { return "k" + strconv.Itoa(i) }

// appendRule appends the CSS declarations of k.
func appendRule(b []byte, k styleKey) []byte {
	switch k.el {
	case styleText:
		b = append(b, "font-size:"...)
		b = appendNum(b, k.size)
		b = append(b, "px"...)
		switch k.anchor {
		case Middle:
			b = append(b, ";text-anchor:middle"...)
		case End:
			b = append(b, ";text-anchor:end"...)
		}
		if k.bold {
			b = append(b, ";font-weight:bold"...)
		}
		if k.italic {
			b = append(b, ";font-style:italic"...)
		}
		b = appendPaintCSS(b, ";", "fill", k.fill)
	case styleRect:
		b = appendPaintCSS(b, "", "fill", k.fill)
		b = appendStrokeCSS(b, k)
	case stylePath:
		b = append(b, "fill:none"...)
		b = appendStrokeCSS(b, k)
		b = append(b, ";stroke-linejoin:round"...)
	}
	return b
}

func appendStrokeCSS(b []byte, k styleKey) []byte {
	if !k.stroke.Visible() {
		return b
	}
	b = appendPaintCSS(b, ";", "stroke", k.stroke)
	b = append(b, ";stroke-width:"...)
	b = appendNum(b, k.size)
	if k.dash != "" {
		b = append(b, ";stroke-dasharray:"...)
		b = append(b, k.dash...)
	}
	return b
}

// appendPaintCSS appends sep and the declaration painting prop with c:
// none, or the colour and, when it is not opaque, its opacity.
func appendPaintCSS(b []byte, sep, prop string, c Color) []byte {
	b = append(b, sep...)
	b = append(b, prop...)
	if !c.Visible() {
		return append(b, ":none"...)
	}
	b = append(b, ':')
	b = appendHex(b, c)
	if c.A != 255 {
		b = append(b, ';')
		b = append(b, prop...)
		b = append(b, "-opacity:"...)
		b = appendNum(b, c.Opacity())
	}
	return b
}

// styleSheet returns the prefix of the page's class names (scope) and the
// <style> element holding their rules.
func styleSheet(page *styleTable) (scope string, sheet []byte) {
	var rules [][]byte
	h := fnv.New32a()
	for _, k := range page.keys {
		r := appendRule(nil, k)
		h.Write(r)
		h.Write([]byte{'\n'})
		rules = append(rules, r)
	}
	scope = "oc" + strconv.FormatUint(uint64(h.Sum32()), 36)
	sheet = append(sheet, "<style type=\"text/css\">\n"...)
	for i, r := range rules {
		sheet = append(sheet, '.')
		sheet = append(sheet, scope...)
		sheet = append(sheet, '-')
		sheet = append(sheet, className(i)...)
		sheet = append(sheet, '{')
		sheet = append(sheet, r...)
		sheet = append(sheet, "}\n"...)
	}
	sheet = append(sheet, "</style>\n"...)
	return scope, sheet
}

package pptx

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"

	"github.com/orgchart/orgchart/render/scene"
)

// esc returns s escaped for XML text and attribute values, without the
// characters XML cannot hold (scene.Clean drops them).
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(scene.Clean(s)))
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

// emu converts points to English Metric Units (12700 a point).
func emu(pt float64) int { return int(math.Round(pt * 12700)) }

// color writes a solid fill of c: its hex value and, when not opaque, its
// alpha in thousandths of a percent.
func color(b *strings.Builder, c scene.Color) {
	b.WriteString(`<a:solidFill><a:srgbClr val="`)
	b.WriteString(strings.ToUpper(c.Hex()[1:]))
	if c.A != 255 {
		b.WriteString(`"><a:alpha val="`)
		b.WriteString(itoa(int(math.Round(c.Opacity() * 100000))))
		b.WriteString(`"/></a:srgbClr></a:solidFill>`)
		return
	}
	b.WriteString(`"/></a:solidFill>`)
}

// fill writes c as a shape fill, or noFill when it is transparent.
func fill(b *strings.Builder, c scene.Color) {
	if c.Visible() {
		color(b, c)
	} else {
		b.WriteString(`<a:noFill/>`)
	}
}

// line writes a line of colour c and width w (slide points), dashed with
// dash (pattern and width in the scene's units, so only their ratio
// counts), and the arrowheads; invisible lines as noFill.
func line(b *strings.Builder, c scene.Color, w float64, dash []float64, sceneWidth float64, head, tail bool) {
	if !c.Visible() || w <= 0 {
		b.WriteString(`<a:ln><a:noFill/></a:ln>`)
		return
	}
	b.WriteString(`<a:ln w="` + itoa(emu(w)) + `" cap="flat">`)
	color(b, c)
	if len(dash) > 0 && sceneWidth > 0 {
		if len(dash)%2 == 1 {
			dash = append(append([]float64(nil), dash...), dash...)
		}
		b.WriteString(`<a:custDash>`)
		for i := 0; i < len(dash); i += 2 {
			b.WriteString(`<a:ds d="` + itoa(pct(dash[i]/sceneWidth)) + `" sp="` + itoa(pct(dash[i+1]/sceneWidth)) + `"/>`)
		}
		b.WriteString(`</a:custDash>`)
	}
	b.WriteString(`<a:round/>`)
	if head {
		b.WriteString(`<a:headEnd type="triangle" w="med" len="med"/>`)
	}
	if tail {
		b.WriteString(`<a:tailEnd type="triangle" w="med" len="med"/>`)
	}
	b.WriteString(`</a:ln>`)
}

// pct converts a ratio to thousandths of a percent (1 = 100000).
func pct(r float64) int { return int(math.Round(r * 100000)) }

// xfrm writes a transform: offset and extent in EMU.
func xfrm(b *strings.Builder, x, y, w, h int) {
	b.WriteString(`<a:xfrm><a:off x="` + itoa(x) + `" y="` + itoa(y) + `"/><a:ext cx="` + itoa(w) + `" cy="` + itoa(h) + `"/></a:xfrm>`)
}

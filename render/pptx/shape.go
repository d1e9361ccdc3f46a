package pptx

import (
	"math"
	"strings"

	"github.com/orgchart/orgchart/render/scene"
)

// box writes a Box as a shape (rounded rectangle, or rectangle when square)
// whose text frame holds texts, and returns its shape id.
func (w *slideWriter) box(bx scene.Box, texts []scene.Text, link scene.Link) int {
	id := w.id()
	r := w.rect(bx.Rect)
	name := bx.ID
	if len(texts) > 0 {
		name = texts[0].S
	}
	if name == "" {
		name = "Box"
	}
	var b strings.Builder
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="` + itoa(id) + `" name="` + esc(name) + `">` + w.hlink(link) + `</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>`)
	xfrm(&b, emu(r.X), emu(r.Y), emu(r.W), emu(r.H))
	if rad := math.Min(bx.Radius, math.Min(bx.W, bx.H)/2); rad > 0 {
		b.WriteString(`<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val ` + itoa(pct(rad/math.Min(bx.W, bx.H))) + `"/></a:avLst></a:prstGeom>`)
	} else {
		b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>`)
	}
	fill(&b, bx.Fill)
	line(&b, bx.Stroke, bx.StrokeWidth*w.sc, bx.Dash, bx.StrokeWidth, false, false)
	b.WriteString(`</p:spPr>`)
	if len(texts) > 0 {
		// A rounded rectangle's text rectangle is inset by its corner
		// radius × (1 − 1/√2) (DrawingML's preset "roundRect", guide il).
		in := math.Min(bx.Radius, math.Min(bx.W, bx.H)/2) * w.sc * 0.29289
		w.textFrame(&b, r, in, texts)
	}
	b.WriteString(`</p:sp>`)
	w.emit(b.String())
	return id
}

// textFrame writes the text body of a shape at r (slide points), whose
// geometry insets its text rectangle by in, holding texts, a paragraph each,
// so that each line's baseline and anchor fall where the scene put them.
// Lines have exact spacing: a line of exact height h ends h below the one
// before and its baseline sits its font's descent above its bottom (so the
// first line, of the font's ascent plus descent, starts at the top inset).
// The paragraph margins centre (or start, or end) each line at its X.
// Autofit is off: the scene sized the box to its text with Measure.
func (w *slideWriter) textFrame(b *strings.Builder, r scene.Rect, in float64, texts []scene.Text) {
	type para struct {
		t                  scene.Text
		size, x, y         float64
		marL, marR, height float64
		algn               string
	}
	r = scene.Rect{X: r.X + in, Y: r.Y + in, W: r.W - 2*in, H: r.H - 2*in}
	ps := make([]para, len(texts))
	wrap := "square"
	for i, t := range texts {
		p := para{t: t, size: math.Round(t.Size*w.sc*100) / 100}
		pt := w.pt(scene.Point{X: t.X, Y: t.Y})
		p.x, p.y = pt.X, pt.Y
		tw := scene.Measure(t.S, p.size, t.Bold)
		switch t.Anchor {
		case scene.Middle:
			d := p.x - (r.X + r.W/2)
			p.algn, p.marL, p.marR = "ctr", math.Max(0, 2*d), math.Max(0, -2*d)
		case scene.End:
			p.algn, p.marR = "r", math.Max(0, r.X+r.W-p.x)
		default:
			p.algn, p.marL = "l", math.Max(0, p.x-r.X)
		}
		if tw > r.W-p.marL-p.marR-0.5 {
			wrap = "none" // never break a line the scene drew as one
		}
		p.height = scene.Ascent(p.size) + scene.Descent(p.size)
		if i > 0 {
			q := ps[i-1]
			p.height = math.Max(0, p.y-q.y+scene.Descent(p.size)-scene.Descent(q.size))
		}
		ps[i] = p
	}
	top := math.Max(0, ps[0].y-scene.Ascent(ps[0].size)-r.Y)
	b.WriteString(`<p:txBody><a:bodyPr wrap="` + wrap + `" lIns="0" tIns="` + itoa(emu(top)) + `" rIns="0" bIns="0" anchor="t" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>`)
	for _, p := range ps {
		b.WriteString(`<a:p><a:pPr marL="` + itoa(emu(p.marL)) + `" marR="` + itoa(emu(p.marR)) + `" indent="0" algn="` + p.algn + `">`)
		b.WriteString(`<a:lnSpc><a:spcPts val="` + itoa(int(math.Round(p.height*100))) + `"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef><a:buNone/></a:pPr>`)
		run(b, p.t.S, p.size, p.t.Bold, p.t.Italic, p.t.Color, "")
		b.WriteString(`</a:p>`)
	}
	b.WriteString(`</p:txBody>`)
}

// text writes a Text outside any box as a text box around its glyphs.
func (w *slideWriter) text(t scene.Text, link scene.Link) {
	if scene.Clean(t.S) == "" || !t.Color.Visible() {
		return
	}
	const pad = 1 // points each side, so rounding never wraps it
	r := w.rect(textRect(t))
	r.X -= pad
	r.W += 2 * pad
	size := math.Round(t.Size*w.sc*100) / 100
	algn := map[scene.Anchor]string{scene.Start: "l", scene.Middle: "ctr", scene.End: "r"}[t.Anchor]
	var b strings.Builder
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="` + itoa(w.id()) + `" name="` + esc(t.S) + `">` + w.hlink(link) + `</p:cNvPr><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>`)
	xfrm(&b, emu(r.X), emu(r.Y), emu(r.W), emu(r.H))
	b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></p:spPr>`)
	b.WriteString(`<p:txBody><a:bodyPr wrap="none" lIns="` + itoa(emu(pad)) + `" tIns="0" rIns="` + itoa(emu(pad)) + `" bIns="0" anchor="t" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>`)
	b.WriteString(`<a:p><a:pPr algn="` + algn + `"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:buNone/></a:pPr>`)
	run(&b, t.S, size, t.Bold, t.Italic, t.Color, "")
	b.WriteString(`</a:p></p:txBody></p:sp>`)
	w.emit(b.String())
}

// backText is the label of the link from a unit slide to its overview.
const backText = "« Back to overview"

// backLink writes the link back to the first slide of the slide's chart,
// at the right of the title band.
func (w *slideWriter) backLink(b *strings.Builder, s Size, base int) {
	r := scene.Rect{X: s.W - margin - backWidth, Y: titleTop, W: backWidth, H: titleHeight}
	h := w.hlink(scene.Link{Page: 1})
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="` + itoa(w.id()) + `" name="Back to overview">` + h + `</p:cNvPr><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>`)
	xfrm(b, emu(r.X), emu(r.Y), emu(r.W), emu(r.H))
	b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></p:spPr>`)
	b.WriteString(`<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>`)
	b.WriteString(`<a:p><a:pPr algn="r"/>`)
	run(b, backText, backSize, false, false, scene.RGB(0x1d, 0x4e, 0xd8), "")
	b.WriteString(`</a:p></p:txBody></p:sp>`)
}

// notesSlide returns a notes slide listing notes (a paragraph each: code,
// message and the rule's link) and its relationships after the notes
// master (rId1) and the slide (rId2).
func notesSlide(notes []Note) (string, []rel) {
	var b strings.Builder
	var rs []rel
	b.WriteString(xmlHeader + `<p:notes xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"><p:cSld><p:spTree>` + emptyGroup)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>`)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>`)
	b.WriteString(`<p:txBody><a:bodyPr/><a:lstStyle/>`)
	if len(notes) == 0 {
		b.WriteString(`<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>No findings on this slide.</a:t></a:r></a:p>`)
	}
	black := scene.Black
	for _, n := range notes {
		b.WriteString(`<a:p>`)
		run(&b, n.Code, 12, true, false, black, "")
		run(&b, ": "+n.Message, 12, false, false, black, "")
		if n.URL != "" {
			rs = append(rs, rel{"hyperlink", n.URL, true})
			run(&b, " ", 12, false, false, black, "")
			run(&b, n.URL, 12, false, false, scene.Color{}, `<a:hlinkClick r:id="rId`+itoa(len(rs)+2)+`"/>`)
		}
		b.WriteString(`</a:p>`)
	}
	b.WriteString(`</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`)
	return b.String(), rs
}
